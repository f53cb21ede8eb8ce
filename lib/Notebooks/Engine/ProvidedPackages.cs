using System.Collections.Frozen;
using System.Text.Json;

namespace Notebooks.Engine;

/// <summary>
/// The NuGet packages this process was built with, read from its <c>.deps.json</c>: what a notebook's
/// <c>#r "nuget: Name, Version"</c> can ask for. The engine restores nothing at run time.
/// </summary>
public static class ProvidedPackages
{
    private static readonly Lazy<FrozenDictionary<string, string>> Packages = new(Read);

    public static IReadOnlyDictionary<string, string> All => Packages.Value;

    public static string? VersionOf(string name) => Packages.Value.TryGetValue(name, out var v) ? v : null;

    private static FrozenDictionary<string, string> Read()
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var files = (AppContext.GetData("APP_CONTEXT_DEPS_FILES") as string ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries);
        foreach (var file in files.Where(File.Exists))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            if (!json.RootElement.TryGetProperty("libraries", out var libraries)) continue;
            foreach (var library in libraries.EnumerateObject())
            {
                if (library.Value.TryGetProperty("type", out var type) && type.GetString() != "package") continue;
                var slash = library.Name.IndexOf('/');
                if (slash > 0) result.TryAdd(library.Name[..slash], library.Name[(slash + 1)..]);
            }
        }
        return result.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
