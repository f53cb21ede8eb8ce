using Analysis;
using Notebooks.Engine;
using Notebooks.Nbformat;

namespace Notebooks.Tests;

/// <summary>The repository's own notebooks, executed through the engine on the real corpus.</summary>
public class RepositoryNotebooksTests
{
    public static TheoryData<string> RepositoryNotebooks() =>
        [.. Directory.GetFiles(ProjectPaths.Notebooks, "*.ipynb").Select(p => Path.GetFileName(p)!).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(RepositoryNotebooks))]
    public async Task Notebook_RunsWithoutErrors_AndItsSavedOutputsAreCurrent(string name)
    {
        var saved = NotebookFile.Load(Path.Combine(ProjectPaths.Notebooks, name));
        var fresh = saved.Clone();
        // In a process of its own, as `run` and `check` run it: a cell that ends its process fails this case, not the test host.
        var result = await Notebooks.Cli.IsolatedRun.RunAsync(fresh, (int)SessionOptions.DefaultCellTimeout.TotalSeconds,
            (OutputCollector.DefaultMaxStreamChars, NotebookRunner.DefaultMaxNotebookOutput), null, null, CancellationToken.None);
        Assert.True(result.Succeeded, $"{name}, cell {result.FailedCell + 1}: {result.Error?.Name}: {result.Error?.Value}");
        Assert.DoesNotContain("\"output_type\": \"error\"", fresh.Serialize());
        // Every number the prose states is one the run computed (or a declared definition).
        Assert.True(result.Readings.Count == 0, $"{name}: readings that no longer hold:\n" + string.Join("\n", result.Readings));
        // A rerun must not change a committed notebook byte: outputs in git are what the code produces now.
        Assert.True(saved.Serialize() == fresh.Serialize(),
            $"{name}: saved outputs differ from a fresh run at {Notebooks.Cli.Program.FirstDifference(saved, fresh)}; run 'dotnet run --project lib/Notebooks -- run' and commit.");
    }

    [Fact]
    public void Notebooks_FollowTheRepositoryConventions()
    {
        foreach (var path in Directory.GetFiles(ProjectPaths.Notebooks, "*.ipynb"))
        {
            var notebook = NotebookFile.Load(path);
            Assert.Matches(@"^\d\d-[a-z0-9-]+\.ipynb$", notebook.Name);
            Assert.Equal("csharp-analysis", notebook.Root["metadata"]!["kernelspec"]!["name"]!.GetValue<string>());
            Assert.Equal(5, notebook.Root["nbformat_minor"]!.GetValue<int>());
            Assert.Equal("markdown", notebook.AllCells.First().Type);
            Assert.StartsWith("# ", notebook.AllCells.First().Source);
            Assert.Equal(File.ReadAllText(path), notebook.Serialize());
            // LightLDA's native progress lines are captured below .NET's console: none may reach a notebook.
            Assert.DoesNotContain("loglikelihood", File.ReadAllText(path), StringComparison.OrdinalIgnoreCase);
        }
    }
}
