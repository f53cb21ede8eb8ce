using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Notebooks.Engine;

/// <summary>The assemblies a restored package brings, and the conflicts with what the engine already has.</summary>
public sealed record RestoredPackage(string Name, string Version, IReadOnlyList<string> Assemblies, IReadOnlyList<string> Conflicts);

/// <summary>
/// Restores a package a notebook asks for with <c>#r "nuget: Name, Version"</c> the way .NET does: a generated project
/// with one PackageReference, <c>dotnet restore</c> into the user's NuGet cache, and the runtime assemblies of the
/// package and its dependencies read from <c>project.assets.json</c>. The project lives in a cache folder per package,
/// version and sources, so a package is restored once. An assembly the engine already has (the repository's own
/// packages and the runtime) is not loaded twice: the engine's copy is used, and a differing version is reported.
/// </summary>
public static class NugetRestore
{
    public static string CacheDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "csharp-analysis", "nuget");

    /// <exception cref="InvalidOperationException">The restore failed; the message carries what NuGet said.</exception>
    public static RestoredPackage Restore(string name, string version, IReadOnlyList<string> sources)
    {
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{name}\n{version}\n{string.Join('\n', sources)}")))[..16];
        var directory = Path.Combine(CacheDirectory, $"{name}.{version}-{key}");
        var assets = Path.Combine(directory, "obj", "project.assets.json");
        if (!File.Exists(assets))
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, "restore.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net{Environment.Version.Major}.{Environment.Version.Minor}</TargetFramework>
                    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                    <ImportDirectoryBuildProps>false</ImportDirectoryBuildProps>
                    <ImportDirectoryPackagesProps>false</ImportDirectoryPackagesProps>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="{System.Security.SecurityElement.Escape(name)}" Version="[{System.Security.SecurityElement.Escape(version)}]" />
                  </ItemGroup>
                </Project>
                """);
            if (sources.Count > 0)
                File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
                    <?xml version="1.0" encoding="utf-8"?>
                    <configuration>
                      <packageSources>
                    {string.Concat(sources.Select((s, i) => $"    <add key=\"notebook-{i}\" value=\"{System.Security.SecurityElement.Escape(s)}\" />\n"))}  </packageSources>
                    </configuration>
                    """);
            var start = new ProcessStartInfo("dotnet", ["restore", "restore.csproj", "--nologo", "-v", "q"])
            {
                WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true,
            };
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start 'dotnet restore'.");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromMinutes(5)) || process.ExitCode != 0)
            {
                var said = string.Join("\n", (output.Result + "\n" + error).Split('\n').Select(l => l.Trim()).Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Distinct().Take(5));
                File.Delete(assets);
                throw new InvalidOperationException($"the restore of {name} {version} failed: {(said.Length > 0 ? said : "dotnet restore exited with " + process.ExitCode.ToString(CultureInfo.InvariantCulture))}");
            }
        }
        return Read(name, version, assets);
    }

    private static RestoredPackage Read(string name, string version, string assetsPath)
    {
        var assets = JsonNode.Parse(File.ReadAllText(assetsPath))!.AsObject();
        var folder = (assets["packageFolders"] as JsonObject)?.Select(p => p.Key).FirstOrDefault() ?? "";
        var libraries = assets["libraries"]!.AsObject();
        var target = assets["targets"]!.AsObject().First().Value!.AsObject();
        var provided = ProvidedAssemblies.Value;
        var assemblies = new List<string>();
        var conflicts = new List<string>();
        foreach (var (library, entry) in target.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            if (entry?["type"]?.GetValue<string>() != "package" || entry["runtime"] is not JsonObject runtime) continue;
            var path = libraries[library]?["path"]?.GetValue<string>() ?? library.ToLowerInvariant();
            foreach (var (file, _) in runtime)
            {
                if (!file.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)) continue;
                var full = Path.GetFullPath(Path.Combine(folder, path, file));
                var simple = Path.GetFileNameWithoutExtension(full);
                if (provided.TryGetValue(simple, out var have))
                {
                    var wanted = System.Reflection.AssemblyName.GetAssemblyName(full).Version;
                    if (wanted is not null && have is not null && wanted != have)
                        conflicts.Add($"{library} brings {simple} {wanted}; the engine already has {simple} {have} (from the repository or the runtime), which is used.");
                    continue;
                }
                assemblies.Add(full);
            }
        }
        return new RestoredPackage(name, version, assemblies, conflicts);
    }

    private static readonly Lazy<Dictionary<string, Version?>> ProvidedAssemblies = new(() =>
        ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .GroupBy(p => Path.GetFileNameWithoutExtension(p), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => TryVersion(g.First()), StringComparer.OrdinalIgnoreCase));

    private static Version? TryVersion(string path)
    {
        try { return System.Reflection.AssemblyName.GetAssemblyName(path).Version; }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or IOException) { return null; }
    }
}
