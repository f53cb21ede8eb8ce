using Analysis;
using System.Text.Json.Nodes;
using Notebooks.Nbformat;

namespace Notebooks.Kernel;

/// <summary>Installs the kernelspec Jupyter (and VS Code's Jupyter extension) uses to start this engine as a kernel.</summary>
public static class KernelSpec
{
    public const string Name = "csharp-analysis";
    public const string DisplayName = "C# (Analysis)";

    /// <summary>$JUPYTER_DATA_DIR/kernels, else ~/.local/share/jupyter/kernels (Jupyter's user data directory on Linux).</summary>
    public static string KernelsDirectory(string? dataDirectory = null)
    {
        var data = dataDirectory ?? Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR");
        if (string.IsNullOrEmpty(data))
            data = OperatingSystem.IsMacOS()
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), "Library", "Jupyter")
                : OperatingSystem.IsWindows()
                    ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter")
                    : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "jupyter");
        return Path.Combine(data, "kernels");
    }

    /// <summary>The command that starts this build of the engine as a kernel: the app host, or dotnet with the assembly.</summary>
    public static string[] Command()
    {
        var assembly = typeof(KernelSpec).Assembly.Location;
        var host = Environment.ProcessPath ?? "dotnet";
        var hostName = Path.GetFileNameWithoutExtension(host);
        if (hostName.Equals("Notebooks", StringComparison.OrdinalIgnoreCase)) return [host, "kernel", "start", "{connection_file}"];
        if (!hostName.Equals("dotnet", StringComparison.OrdinalIgnoreCase)) host = "dotnet";
        return [host, assembly, "kernel", "start", "{connection_file}"];
    }

    public static string Install(string? dataDirectory = null)
    {
        var directory = Path.Combine(KernelsDirectory(dataDirectory), Name);
        Directory.CreateDirectory(directory);
        var spec = new JsonObject
        {
            ["argv"] = new JsonArray([.. Command().Select(a => (JsonNode)JsonValue.Create(a)!)]),
            ["display_name"] = DisplayName,
            ["language"] = "C#",
            ["interrupt_mode"] = "message",
            ["metadata"] = new JsonObject { ["debugger"] = false },
        };
        AtomicFile.WriteAllText(Path.Combine(directory, "kernel.json"), JupyterJson.Serialize(spec));
        return directory;
    }

    public static string? Uninstall(string? dataDirectory = null)
    {
        var directory = Path.Combine(KernelsDirectory(dataDirectory), Name);
        if (!Directory.Exists(directory)) return null;
        Directory.Delete(directory, recursive: true);
        return directory;
    }
}
