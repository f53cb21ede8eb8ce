using Notebooks.Engine;
using Notebooks.Nbformat;

namespace Notebooks.Tests;

/// <summary>What the engine does with cells and calls that misbehave: many writes, too much output, reading stdin, bad options.</summary>
public class RobustnessTests
{
    [Fact]
    public async Task EightyThousandWrites_AreKeptWhole_InOneStreamOutput()
    {
        using var t = new TestNotebook();
        var result = await TestNotebook.Run(t.WriteCode("many.ipynb", "for (var i = 0; i < 80_000; i++) Console.WriteLine(i);"));
        var output = Assert.Single(TestNotebook.Outputs(result, 0));
        var text = JupyterJson.JoinLines(output["text"]);
        Assert.Equal(80_000, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.EndsWith("79999\n", text);
    }

    [Fact]
    public async Task OutputBeyondTheCellsLimit_IsCut_WithAMarkerSayingWhere()
    {
        using var t = new TestNotebook();
        var notebook = NotebookFile.Load(t.WriteCode("big.ipynb", "for (var i = 0; i < 300; i++) Console.Write(new string('x', 10_000));", "Console.Write(\"next cell\");"));
        var result = await new NotebookRunner(TimeSpan.FromMinutes(1), maxCellOutput: 1_000_000).RunAsync(notebook);
        var text = JupyterJson.JoinLines(TestNotebook.Outputs(result, 0).Single()["text"]);
        Assert.EndsWith("\n[output truncated at 1,000,000 characters]\n", text);
        Assert.Equal(1_000_000, text.Count(c => c == 'x'));
        Assert.Equal("next cell", JupyterJson.JoinLines(TestNotebook.Outputs(result, 1).Single()["text"]));
    }

    [Fact]
    public async Task TheNotebooksLimit_CutsTheCellsThatComeAfterIt()
    {
        using var t = new TestNotebook();
        var notebook = NotebookFile.Load(t.WriteCode("two.ipynb", "Console.Write(new string('a', 600));", "Console.Write(new string('b', 600));"));
        var result = await new NotebookRunner(TimeSpan.FromMinutes(1), maxCellOutput: 1000, maxNotebookOutput: 1000).RunAsync(notebook);
        var second = JupyterJson.JoinLines(TestNotebook.Outputs(result, 1).Single()["text"]);
        Assert.Equal(400, second.Count(c => c == 'b'));
        Assert.Contains("[output truncated at 400 characters]", second);
    }

    [Fact]
    public async Task ReadingTheConsole_FailsTheCellWithAClearMessage_InsteadOfReadingTheRunnersInput()
    {
        using var t = new TestNotebook();
        var result = await TestNotebook.Run(t.WriteCode("input.ipynb", "var answer = Console.ReadLine();"));
        Assert.False(result.Succeeded);
        Assert.Contains("Console input is not available in this notebook cell: `run` has no keyboard", result.Error!.Value);
    }

    [Theory]
    [InlineData("--timeout", "0")]
    [InlineData("--timeout", "-5")]
    [InlineData("--max-output", "-1")]
    [InlineData("--max-notebook-output", "-1")]
    public async Task BadOptions_ExitWith2_BeforeAnythingRuns(string option, string value)
    {
        using var t = new TestNotebook();
        var path = t.WriteCode("x.ipynb", "1");
        var before = File.ReadAllText(path);
        Assert.Equal(2, await Cli.Program.Main(["run", path, "--no-report", option, value]));
        Assert.Equal(before, File.ReadAllText(path));
    }

    [Theory]
    [InlineData("run")]
    [InlineData("report")]
    public async Task AnOutputThatIsAFile_IsBadInput(string command)
    {
        using var t = new TestNotebook();
        var path = t.WriteCode("x.ipynb", "1");
        File.WriteAllText(t.Path("taken"), "mine");
        Assert.Equal(2, await Cli.Program.Main([command, path, "--output", t.Path("taken")]));
        Assert.Equal("mine", File.ReadAllText(t.Path("taken")));
    }
}

public class BadNotebookTests
{
    private const string Meta = "\"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5";

    [Theory]
    [InlineData("{ \"cells\": [ { \"cell_type\": \"code\", \"id\": \"a\", \"source\": [1], \"metadata\": {}, \"outputs\": [], \"execution_count\": null } ], " + Meta + " }", "cell 1: source")]
    [InlineData("{ \"cells\": [ { \"cell_type\": \"code\", \"id\": 7, \"source\": \"1\", \"metadata\": {}, \"outputs\": [], \"execution_count\": null } ], " + Meta + " }", "cell 1: 'id' must be a string")]
    [InlineData("{ \"cells\": [], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": \"4\" }", "'nbformat_minor' must be a whole number")]
    [InlineData("{ \"cells\": [ { \"cell_type\": \"code\", \"id\": \"a\", \"source\": \"1\", \"metadata\": {}, \"outputs\": [], \"execution_count\": \"x\" } ], " + Meta + " }", "cell 1: 'execution_count' must be a whole number")]
    [InlineData("{ \"cells\": [ { \"cell_type\": \"markdown\", \"id\": \"a\", \"source\": \"x\", \"metadata\": {} }, { \"cell_type\": \"markdown\", \"id\": \"a\", \"source\": \"y\", \"metadata\": {} } ], " + Meta + " }", "cell 2: id 'a' is also the id of cell 1")]
    public void AMalformedNotebook_IsRefusedWithItsCellAndField(string json, string message)
    {
        var e = Assert.Throws<NotebookFormatException>(() => NotebookFile.Parse("bad.ipynb", json));
        Assert.Contains(message, e.Message);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("check")]
    [InlineData("report")]
    public async Task EveryCommand_ExitsWith2_OnAMalformedNotebook_AndLeavesItAsItWas(string command)
    {
        using var t = new TestNotebook();
        var path = t.Path("bad.ipynb");
        File.WriteAllText(path, "{ \"cells\": [ { \"cell_type\": \"code\", \"id\": \"a\", \"source\": \"1\", \"metadata\": {}, \"outputs\": [], \"execution_count\": \"x\" } ], " + Meta + " }");
        var before = File.ReadAllBytes(path);
        Assert.Equal(2, await Cli.Program.Main([command, path, "--output", t.Path("report")]));
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void InvalidUtf8InsideANotebook_IsRefused_NotRewrittenAsReplacementCharacters()
    {
        using var t = new TestNotebook();
        var path = t.Path("latin1.ipynb");
        File.WriteAllBytes(path, [.. System.Text.Encoding.UTF8.GetBytes("{ \"cells\": [ { \"cell_type\": \"markdown\", \"id\": \"a\", \"metadata\": {}, \"source\": \"Gr"), 0xF6, 0xDF, .. System.Text.Encoding.UTF8.GetBytes("e\" } ], " + Meta + " }")]);
        var e = Assert.Throws<NotebookFormatException>(() => NotebookFile.Load(path));
        Assert.Contains("not valid UTF-8 (byte offset", e.Message);
    }
}

public class SavingTests
{
    [Fact]
    public async Task AReadOnlyNotebook_IsNotReplaced_AndTheRunIsSetAside()
    {
        using var t = new TestNotebook();
        var path = t.WriteCode("locked.ipynb", "6 * 7");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var before = File.ReadAllBytes(path);
        Assert.Equal(1, await Cli.Program.Main(["run", path, "--output", t.Path("report")]));
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(path));
        Assert.Contains("42", File.ReadAllText(t.Path("failed/locked.ipynb")));
    }

    [Fact]
    public async Task Saving_KeepsTheFilesPermissions_AndASymbolicLinkStaysALink()
    {
        using var t = new TestNotebook();
        var real = t.WriteCode("real.ipynb", "6 * 7");
        File.SetUnixFileMode(real, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        var link = t.Path("link.ipynb");
        File.CreateSymbolicLink(link, real);
        Assert.Equal(0, await Cli.Program.Main(["run", link, "--no-report"]));
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Contains("42", File.ReadAllText(real));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(real));
    }

    [Fact]
    public void AnEditSavedWhileTheNotebookWasOpen_IsNotOverwritten()
    {
        using var t = new TestNotebook();
        var path = t.WriteCode("edited.ipynb", "1");
        var notebook = NotebookFile.Load(path);
        var edit = File.ReadAllText(path).Replace("\"1\"", "\"2 + 2\"", StringComparison.Ordinal);
        File.WriteAllText(path, edit);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));
        var e = Assert.Throws<IOException>(notebook.Save);
        Assert.Contains("changed on disk since it was read", e.Message);
        Assert.Equal(edit, File.ReadAllText(path));
    }

    [Fact]
    public void TemporaryFilesOfAKilledSave_AreRemovedByTheNextSave()
    {
        using var t = new TestNotebook();
        var path = t.WriteCode("n.ipynb", "1");
        var stale = t.Path(".n.ipynb.999999999.tmp");
        File.WriteAllText(stale, "half a notebook");
        NotebookFile.Load(path).Save();
        Assert.False(File.Exists(stale));
    }
}

public class InterruptTests
{
    [Fact]
    public async Task CtrlC_StopsTheRun_SavesNothing_AndSaysSo()
    {
        var engine = Directory.GetFiles(Path.Combine(Analysis.ProjectPaths.Root, "lib", "Notebooks", "bin"), "Notebooks.dll", SearchOption.AllDirectories)
            .OrderByDescending(File.GetLastWriteTimeUtc).First();
        using var t = new TestNotebook();
        var path = t.WriteCode("slow.ipynb", "System.Threading.Thread.Sleep(60_000);");
        var before = File.ReadAllBytes(path);
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("dotnet", [engine, "run", path, "--no-report"])
            { RedirectStandardOutput = true, RedirectStandardError = true })!;
        // Wait until the cell runs (progress is on stderr), then send SIGINT as a terminal's Ctrl-C would.
        while (await process.StandardError.ReadLineAsync() is { } line && !line.Contains("cell 1/1", StringComparison.Ordinal)) { }
        await Task.Delay(2000); // the line comes before the cell is compiled; the Ctrl-C is meant for a running cell
        using (var kill = System.Diagnostics.Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!) await kill.WaitForExitAsync();
        var error = await process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(30_000));
        Assert.Equal(130, process.ExitCode);
        Assert.Contains("interrupted: the notebook being run was not saved.", error);
        Assert.Equal(before, File.ReadAllBytes(path));
    }
}
