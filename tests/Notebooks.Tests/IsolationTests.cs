using System.Diagnostics;
using Notebooks.Nbformat;

namespace Notebooks.Tests;

/// <summary>
/// `run` and `check` run each notebook in a process of its own: a cell that ends the process, runs away or eats memory
/// fails that notebook only, named with its cell, while the others run and the last good outputs stay.
/// </summary>
public class IsolationTests
{
    [Theory]
    [InlineData("Environment.Exit(0);")]
    [InlineData("Environment.Exit(3);")]
    [InlineData("Environment.FailFast(\"gone\");")]
    [InlineData("new System.Threading.Thread(() => throw new InvalidOperationException(\"background\")).Start(); System.Threading.Thread.Sleep(5000);")]
    public async Task ACellThatEndsItsProcess_FailsTheRun_NamesTheCell_AndTheOtherNotebooksStillRun(string cell)
    {
        using var t = new TestNotebook();
        var ending = t.WriteCode("a-ends.ipynb", "1 + 1", cell, "\"never\"");
        var fine = t.WriteCode("b-fine.ipynb", "40 + 2");
        var before = File.ReadAllText(ending);

        Assert.Equal(1, await Cli.Program.Main(["check", ending, fine]));
        Assert.Equal(1, await Cli.Program.Main(["run", ending, fine, "--output", t.Path("report")]));

        Assert.Equal(before, File.ReadAllText(ending));                       // the last good outputs stay
        Assert.Contains("42", string.Concat(NotebookFile.Load(fine).CodeCells.Single().Outputs.ToJsonString()));
        Assert.True(File.Exists(System.IO.Path.Combine(t.Path("report"), "index.html")));
    }

    [Fact]
    public async Task ACellPastItsTimeLimit_IsStopped_WithTheProcessesItStarted()
    {
        using var t = new TestNotebook();
        var marker = $"isolation-{Guid.NewGuid():N}";
        var path = t.WriteCode("runaway.ipynb", $"System.Diagnostics.Process.Start(\"sh\", new[] {{ \"-c\", \"exec -a {marker} sleep 300\" }}); while (true) {{ }}");
        var clock = Stopwatch.StartNew();
        Assert.Equal(1, await Cli.Program.Main(["check", path, "--timeout", "3"]));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60));
        await Task.Delay(500);
        Assert.DoesNotContain(Process.GetProcessesByName("sleep"), p => File.Exists($"/proc/{p.Id}/cmdline") && File.ReadAllText($"/proc/{p.Id}/cmdline").Contains(marker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ANotebookPastMaxMemory_IsStopped_WithAClearError()
    {
        using var t = new TestNotebook();
        var path = t.WriteCode("memory.ipynb",
            "var kept = new List<byte[]>(); for (var i = 0; i < 300; i++) { var b = new byte[10_000_000]; Array.Fill(b, (byte)1); kept.Add(b); System.Threading.Thread.Sleep(10); } kept.Count");
        Assert.Equal(1, await Cli.Program.Main(["check", path, "--max-memory", "400"]));
        Assert.Equal(2, await Cli.Program.Main(["check", path, "--max-memory", "0"]));
    }

    [Fact]
    public async Task AReportThatCannotBeWritten_IsOneLine_AndExit2()
    {
        using var t = new TestNotebook();
        var path = t.WriteCode("x.ipynb", "1");
        File.WriteAllText(t.Path("blocker"), "a file where the report's folder would go");
        Assert.Equal(2, await Cli.Program.Main(["report", path, "--output", System.IO.Path.Combine(t.Path("blocker"), "report")]));
    }

    [Theory]
    [InlineData("--timeout", "abc")]
    [InlineData("--parallel", "0")]
    [InlineData("--max-memory", "-5")]
    public async Task MalformedOptions_ExitWith2(string option, string value)
    {
        using var t = new TestNotebook();
        var path = t.WriteCode("x.ipynb", "1");
        Assert.Equal(2, await Cli.Program.Main(["check", path, option, value]));
    }
}
