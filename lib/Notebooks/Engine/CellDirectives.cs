using System.Text.RegularExpressions;

namespace Notebooks.Engine;

/// <summary>A directive the engine cannot honour; the message says what was asked and what is available.</summary>
public sealed class DirectiveException(int line, string message) : Exception(message)
{
    /// <summary>1-based line in the cell.</summary>
    public int Line { get; } = line;
}

/// <summary>
/// .NET Interactive's cell directives: <c>#!csharp</c> selects the language, <c>#r "nuget: …"</c> restores a
/// package, <c>#i</c> adds a package source. Handled lines are blanked (not removed) so that compiler
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

    public static string Preprocess(string code)
    {
        var lines = code.Split('\n');
        var firstCode = true;
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
                throw new DirectiveException(i + 1, "#i (package sources) is not supported: the engine restores nothing and provides the repository's pinned packages.");
            var nuget = NugetReference().Match(line);
            if (nuget.Success)
            {
                CheckPackage(i + 1, nuget.Groups["name"].Value, nuget.Groups["version"].Success ? nuget.Groups["version"].Value : null);
                lines[i] = "";
                continue;
            }
            if (line.Trim().Length > 0) firstCode = false;
        }
        return string.Join('\n', lines);
    }

    private static void CheckPackage(int line, string name, string? version)
    {
        var provided = ProvidedPackages.VersionOf(name);
        if (provided is null)
            throw new DirectiveException(line, $"#r \"nuget: {name}{(version is null ? "" : ", " + version)}\": the engine does not provide package '{name}'. It provides the repository's pinned packages (see Directory.Packages.props), e.g. Deedle {ProvidedPackages.VersionOf("Deedle")}, Plotly.NET {ProvidedPackages.VersionOf("Plotly.NET")}, Microsoft.ML {ProvidedPackages.VersionOf("Microsoft.ML")}.");
        if (version is not null && version != "*" && !string.Equals(version, provided, StringComparison.OrdinalIgnoreCase))
            throw new DirectiveException(line, $"#r \"nuget: {name}, {version}\": asked for {name} {version}, the engine provides {name} {provided}. Change the line to \"nuget: {name}, {provided}\".");
    }
}
