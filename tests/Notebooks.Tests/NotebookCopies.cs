using Analysis;
using Notebooks.Engine;
using Notebooks.Nbformat;

namespace Notebooks.Tests;

/// <summary>The repository's notebooks copied beside a data folder of a test's own, and run as `run` runs them.</summary>
internal static class NotebookCopies
{
    /// <summary>Copies every notebook into <paramref name="root"/>/notebooks, so that their "../data" is <paramref name="root"/>/data.</summary>
    public static void CopyNotebooks(string root)
    {
        Directory.CreateDirectory(Path.Combine(root, "notebooks"));
        foreach (var notebook in Directory.GetFiles(ProjectPaths.Notebooks, "*.ipynb"))
            File.Copy(notebook, Path.Combine(root, "notebooks", Path.GetFileName(notebook)));
    }

    /// <summary>Runs and saves every copied notebook; each must succeed.</summary>
    public static async Task<Dictionary<string, NotebookRunResult>> RunAll(string root)
    {
        var results = new Dictionary<string, NotebookRunResult>();
        foreach (var path in Directory.GetFiles(Path.Combine(root, "notebooks"), "*.ipynb").Order(StringComparer.Ordinal))
        {
            var result = await new NotebookRunner(TimeSpan.FromMinutes(5)).RunAsync(NotebookFile.Load(path));
            Assert.True(result.Succeeded, $"{Path.GetFileName(path)}, cell {result.FailedCell + 1}: {result.Error?.Name}: {result.Error?.Value}");
            result.Notebook.Save();
            results[Path.GetFileName(path)] = result;
        }
        return results;
    }
}
