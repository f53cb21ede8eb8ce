using System.Text.RegularExpressions;

namespace Notebooks.Engine;

/// <summary>A directive the engine cannot honour; the message says what was asked and what is available.</summary>
public sealed class DirectiveException(int line, string message) : Exception(message)
{
    /// <summary>1-based line in the cell.</summary>
    public int Line { get; } = line;
}

/// <summary>
/// .NET Interactive's cell directives: <c>#!csharp</c> selects the language, <c>#r "nuget: Name, Version"</c>
/// restores a package (one of the repository's own in its pinned version, any other through <see cref="NugetRestore"/>),
/// <c>#i "source"</c> adds a package source for the session. Handled lines are blanked (not removed) so that compiler
/// positions still match the cell as the user sees it. <c>#r "file.dll"</c> and <c>#load</c> stay for Roslyn.
/// </summary>
public static partial class CellDirectives
{
    [GeneratedRegex(@"^\s*#r\s+""nuget:\s*(?<name>[^,""]+?)\s*(?:,\s*(?<version>[^""]+?))?\s*""\s*$")]
    private static partial Regex NugetReference();

    [GeneratedRegex(@"^\s*#!(?<magic>\S+)")]
    private static partial Regex Magic();

    [GeneratedRegex(@"^\s*#i\b")]
    private static partial Regex PackageSource();

    [GeneratedRegex(@"^\s*#i\s+""(?:nuget:\s*)?(?<source>[^""]+)""\s*$")]
    private static partial Regex PackageSourceLine();

    /// <summary>A cell with its directives handled: the code to compile, and the packages restored for it.</summary>
    public sealed record PreparedCell(string Code, IReadOnlyList<RestoredPackage> Packages);

    /// <summary>Handles a cell's directives; <paramref name="sources"/> collects <c>#i</c> sources for the session.</summary>
    public static PreparedCell Prepare(string code, List<string> sources)
    {
        var lines = code.Split('\n');
        var firstCode = true;
        var packages = new List<RestoredPackage>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var magic = Magic().Match(line);
            if (magic.Success)
            {
                var name = magic.Groups["magic"].Value;
                if (firstCode && name is "csharp" or "c#" or "C#") { lines[i] = ""; continue; }
                throw new DirectiveException(i + 1, $"#!{name} is not supported: this engine runs C# cells only (a first line '#!csharp' is allowed).");
            }
            if (PackageSource().IsMatch(line))
            {
                var source = PackageSourceLine().Match(line);
                if (!source.Success) throw new DirectiveException(i + 1, "#i takes a package source in quotes: #i \"nuget: https://example.org/v3/index.json\" or a folder.");
                if (!sources.Contains(source.Groups["source"].Value)) sources.Add(source.Groups["source"].Value);
                lines[i] = "";
                continue;
            }
            var nuget = NugetReference().Match(line);
            if (nuget.Success)
            {
                var restored = Resolve(i + 1, nuget.Groups["name"].Value, nuget.Groups["version"].Success ? nuget.Groups["version"].Value : null, sources);
                if (restored is not null) packages.Add(restored);
                lines[i] = "";
                continue;
            }
            if (line.Trim().Length > 0) firstCode = false;
        }
        return new PreparedCell(string.Join('\n', lines), packages);
    }

    /// <summary>A package the repository provides must be asked for in its version; any other is restored, pinned.</summary>
    private static RestoredPackage? Resolve(int line, string name, string? version, List<string> sources)
    {
        var provided = ProvidedPackages.VersionOf(name);
        if (provided is not null)
        {
            if (version is not null && version != "*" && !string.Equals(version, provided, StringComparison.OrdinalIgnoreCase))
                throw new DirectiveException(line, $"#r \"nuget: {name}, {version}\": asked for {name} {version}, the repository provides {name} {provided}. Change the line to \"nuget: {name}, {provided}\".");
            return null;
        }
        if (version is null || version.Contains('*', StringComparison.Ordinal) || version.StartsWith('[') || version.StartsWith('('))
            throw new DirectiveException(line, $"#r \"nuget: {name}{(version is null ? "" : ", " + version)}\": pin one version, e.g. #r \"nuget: {name}, 1.2.3\", so that a rerun restores the same package.");
        try
        {
            return NugetRestore.Restore(name, version, sources);
        }
        catch (InvalidOperationException e)
        {
            throw new DirectiveException(line, $"#r \"nuget: {name}, {version}\": {e.Message}");
        }
    }
}
