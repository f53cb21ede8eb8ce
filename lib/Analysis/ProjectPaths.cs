namespace Analysis;

/// <summary>Every path of the repository in one place, resolved from the folder that holds <c>Analysis.sln</c>.</summary>
public static class ProjectPaths
{
    public const string SolutionFile = "Analysis.sln";

    private static readonly Lazy<string> RootPath = new(() => FindRoot(Directory.GetCurrentDirectory())
        ?? FindRoot(AppContext.BaseDirectory)
        ?? throw new DirectoryNotFoundException($"No {SolutionFile} in '{Directory.GetCurrentDirectory()}' or any folder above it: run from inside the repository."));

    public static string Root => RootPath.Value;
    public static string Data => Path.Combine(Root, "data");
    public static string Raw => Path.Combine(Data, "raw");
    public static string Notebooks => Path.Combine(Root, "notebooks");
    public static string Artifacts => Path.Combine(Root, "artifacts");
    public static string Report => Path.Combine(Artifacts, "report");

    /// <summary>The nearest folder at or above <paramref name="start"/> holding the solution file, or null.</summary>
    public static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile))) return dir.FullName;
        return null;
    }
}
