using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Notebooks.Engine;
using Notebooks.Nbformat;

namespace Notebooks.Tests;

public class EngineTests
{
    [Fact]
    public async Task State_CarriesAcrossCells()
    {
        using var t = new TestNotebook();
        var result = await TestNotebook.Run(t.WriteCode("state.ipynb", "var x = 41;", "record Point(int X);", "new Point(x + 1).X"));
        Assert.True(result.Succeeded);
        var output = Assert.Single(TestNotebook.Outputs(result, 2));
        Assert.Equal("execute_result", output["output_type"]!.GetValue<string>());
        Assert.Equal("42", TestNotebook.Text(output));
        Assert.Equal([1, 2, 3], result.Notebook.CodeCells.Select(c => c.Json["execution_count"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Display_ComesBeforeTheTrailingExpression_WhichCarriesTheExecutionCount()
    {
        using var t = new TestNotebook();
        var result = await TestNotebook.Run(t.WriteCode("display.ipynb", "var two = 1 + 1;", "display(\"first\");\ndisplay(2.5);\n\"last\""));
        var outputs = TestNotebook.Outputs(result, 1);
        Assert.Equal(["display_data", "display_data", "execute_result"], outputs.Select(o => o["output_type"]!.GetValue<string>()));
        Assert.Equal("first", TestNotebook.Text(outputs[0]));
        Assert.Equal("2.5", TestNotebook.Text(outputs[1]));
        Assert.Equal("last", TestNotebook.Text(outputs[2]));
        Assert.Equal(2, outputs[2]["execution_count"]!.GetValue<int>());
        Assert.Empty(TestNotebook.Outputs(result, 0)); // a statement with ';' shows nothing
    }

    [Fact]
    public async Task ATrailingVoidCall_ShowsOnlyWhatItDisplays()
    {
        using var t = new TestNotebook();
        var result = await TestNotebook.Run(t.WriteCode("void.ipynb", "display(7)"));
        var output = Assert.Single(TestNotebook.Outputs(result, 0));
        Assert.Equal("display_data", output["output_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task ConsoleWrites_BecomeStreams_ConsecutiveWritesMerge()
    {
        using var t = new TestNotebook();
        var result = await TestNotebook.Run(t.WriteCode("streams.ipynb",
            "Console.Write(\"a\");\nConsole.WriteLine(\"b\");\nConsole.Out.WriteLine(3);\nConsole.Error.WriteLine(\"warn\");\nConsole.WriteLine(\"after\");"));
        var outputs = TestNotebook.Outputs(result, 0);
        Assert.Equal(3, outputs.Count);
        Assert.Equal(("stdout", "ab\n3\n"), (outputs[0]["name"]!.GetValue<string>(), JupyterJson.JoinLines(outputs[0]["text"])));
        Assert.Equal(("stderr", "warn\n"), (outputs[1]["name"]!.GetValue<string>(), JupyterJson.JoinLines(outputs[1]["text"])));
        Assert.Equal(["ab\n", "3\n"], outputs[0]["text"]!.AsArray().Select(l => l!.GetValue<string>()));
    }

    [Fact]
    public async Task CompileError_NamesTheCellsOwnLineAndColumn_AndStopsTheNotebook()
    {
        using var t = new TestNotebook();
        var result = await TestNotebook.Run(t.WriteCode("compile.ipynb", "var ok = 1;", "#!csharp\nvar y = 1;\nint z = \"text\";", "ok"));
        Assert.False(result.Succeeded);
        Assert.Equal(1, result.FailedCell);
        var error = Assert.Single(TestNotebook.Outputs(result, 1));
        Assert.Equal("CompilationError", error["ename"]!.GetValue<string>());
        Assert.StartsWith("(3,9): error CS0029: Cannot implicitly convert type 'string' to 'int'", error["evalue"]!.GetValue<string>());
        var notRun = result.Notebook.CodeCells.ElementAt(2);
        Assert.Null(notRun.Json["execution_count"]);
        Assert.Empty(notRun.Outputs);
    }

    [Fact]
    public async Task Exception_BecomesAnErrorOutput_WithTypeMessageAndCellFrame()
    {
        using var t = new TestNotebook();
        var result = await TestNotebook.Run(t.WriteCode("throw.ipynb", "Console.WriteLine(\"before\");\nthrow new InvalidOperationException(\"boom\");"));
        var outputs = TestNotebook.Outputs(result, 0);
        Assert.Equal("stream", outputs[0]["output_type"]!.GetValue<string>());
        var error = outputs[1];
        Assert.Equal("System.InvalidOperationException", error["ename"]!.GetValue<string>());
        Assert.Equal("boom", error["evalue"]!.GetValue<string>());
        Assert.Contains(error["traceback"]!.AsArray(), l => l!.GetValue<string>().Contains(" in throw.ipynb[1]:line 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tracebacks_NameCellsAndTheRepositorysFiles_NeverAPathOfThisMachine()
    {
        using var t = new TestNotebook();
        var result = await TestNotebook.Run(t.WriteCode("paths.ipynb", "Analysis.Corpus.Load(\"no-such-folder\")"));
        // The message may name the file that is wrong (that is what it is for); the frames name no path of this machine.
        var traceback = string.Join("\n", TestNotebook.Outputs(result, 0).Single()["traceback"]!.AsArray().Select(l => l!.GetValue<string>()).Where(l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal)));
        Assert.Contains(" in paths.ipynb[1]:line 1", traceback);
        Assert.Contains(" in lib/Analysis/Corpus/", traceback);
        Assert.DoesNotContain(t.Directory, traceback);
        Assert.DoesNotContain("/src/", traceback);
    }

    [Fact]
    public async Task ACellOverItsTimeLimit_IsCancelledAndReported()
    {
        using var t = new TestNotebook();
        // Sleep rather than spin: the abandoned cell's thread must not burn a core for the rest of the test run.
        var result = await TestNotebook.Run(t.WriteCode("slow.ipynb", "System.Threading.Thread.Sleep(30_000);", "1"), TimeSpan.FromMilliseconds(500));
        Assert.False(result.Succeeded);
        var error = Assert.Single(TestNotebook.Outputs(result, 0));
        Assert.Equal("TimeoutException", error["ename"]!.GetValue<string>());
        Assert.Contains("0.5 s", error["evalue"]!.GetValue<string>());
        Assert.Contains("--timeout SECONDS", error["evalue"]!.GetValue<string>());
        Assert.Null(result.Notebook.CodeCells.ElementAt(1).Json["execution_count"]);
    }

    [Fact]
    public async Task AfterAnAbandonedCell_TheSessionGoesOnFromTheStateBeforeIt()
    {
        var session = new CSharpSession(new SessionOptions("x.ipynb", Path.GetTempPath(), TimeSpan.FromSeconds(3)));
        Assert.True((await session.ExecuteAsync("var n = 1;", "a", "x[1]", 1, new OutputCollector())).Succeeded);
        var slow = await session.ExecuteAsync("n = 99; System.Threading.Thread.Sleep(15_000); var m = 2;", "b", "x[2]", 2, new OutputCollector());
        Assert.False(slow.Succeeded);
        var next = new OutputCollector();
        Assert.True((await session.ExecuteAsync("n + 1", "c", "x[3]", 3, next)).Succeeded);
        Assert.Single(next.Outputs);
    }

    [Fact]
    public async Task NugetReference_IsAcceptedForTheProvidedVersion()
    {
        using var t = new TestNotebook();
        var deedle = ProvidedPackages.VersionOf("Deedle");
        Assert.Equal("8.1.0", deedle);
        var result = await TestNotebook.Run(t.WriteCode("nuget.ipynb", $"#r \"nuget: Deedle, {deedle}\"\n#r \"nuget: Plotly.NET\"\nusing Deedle;\nFrame.FromRecords(new[] {{ new {{ A = 1.5 }}, new {{ A = 2.5 }} }}).RowCount"));
        Assert.True(result.Succeeded, result.Error?.Value);
        Assert.Equal("2", TestNotebook.Text(TestNotebook.Outputs(result, 0)[0]));
    }

    [Theory]
    [InlineData("#r \"nuget: Deedle, 7.0.0\"", "asked for Deedle 7.0.0, the repository provides Deedle 8.1.0")]
    [InlineData("#r \"nuget: No.Such.Package.Anywhere, 1.0.0\"", "the restore of No.Such.Package.Anywhere 1.0.0 failed")]
    [InlineData("#r \"nuget: Humanizer.Core\"", "pin one version, e.g. #r \"nuget: Humanizer.Core, 1.2.3\"")]
    [InlineData("#r \"nuget: Humanizer.Core, 2.*\"", "pin one version")]
    [InlineData("#i nuget", "#i takes a package source in quotes")]
    [InlineData("#!fsharp\n1", "#!fsharp is not supported")]
    public async Task UnsupportedDirectives_FailTheCellWithWhatWasAskedAndWhatIsProvided(string cell, string message)
    {
        using var t = new TestNotebook();
        var result = await TestNotebook.Run(t.WriteCode("directive.ipynb", cell));
        var error = Assert.Single(TestNotebook.Outputs(result, 0));
        Assert.Equal("DirectiveError", error["ename"]!.GetValue<string>());
        Assert.Contains(message, error["evalue"]!.GetValue<string>());
    }

    [Fact]
    public async Task PathReference_ResolvesAgainstTheNotebooksFolder()
    {
        using var t = new TestNotebook();
        var lib = Path.Combine(t.Directory, "lib");
        Directory.CreateDirectory(lib);
        var compilation = CSharpCompilation.Create("Extra",
            [CSharpSyntaxTree.ParseText("public static class Extra { public static int Answer => 42; }")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.True(compilation.Emit(Path.Combine(lib, "Extra.dll")).Success);
        var result = await TestNotebook.Run(t.WriteCode("ref.ipynb", "#r \"lib/Extra.dll\"\nExtra.Answer"));
        Assert.True(result.Succeeded, result.Error?.Value);
        Assert.Equal("42", TestNotebook.Text(TestNotebook.Outputs(result, 0)[0]));
    }

    [Fact]
    public async Task WorkingDirectory_IsTheNotebooksFolder()
    {
        using var t = new TestNotebook();
        File.WriteAllText(Path.Combine(t.Directory, "data.txt"), "hello");
        var result = await TestNotebook.Run(t.WriteCode("cwd.ipynb", "System.IO.File.ReadAllText(\"data.txt\")"));
        Assert.Equal("hello", TestNotebook.Text(TestNotebook.Outputs(result, 0)[0]));
    }

    [Fact]
    public async Task Numbers_AreFormattedInvariantly_WhateverTheMachinesCulture()
    {
        using var t = new TestNotebook();
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var result = await TestNotebook.Run(t.WriteCode("culture.ipynb", "Console.WriteLine(1234.5);\n1234.5"));
            var outputs = TestNotebook.Outputs(result, 0);
            Assert.Equal("1234.5\n", JupyterJson.JoinLines(outputs[0]["text"]));
            Assert.Equal("1234.5", TestNotebook.Text(outputs[1]));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public async Task NugetReference_RestoresAPackageTheRepositoryDoesNotReference_ForEveryLaterCell()
    {
        using var t = new TestNotebook();
        var feed = Directory.CreateDirectory(t.Path("feed")).FullName; // an extra (empty) source, as #i adds one
        var result = await TestNotebook.Run(t.WriteCode("nuget.ipynb",
            $"#i \"{feed}\"\n#r \"nuget: Humanizer.Core, 2.14.1\"\nusing Humanizer;",
            "\"NotebookCellsRunInOrder\".Humanize()"), TimeSpan.FromMinutes(5));
        Assert.True(result.Succeeded, result.Error?.Value);
        Assert.Equal("Notebook cells run in order", TestNotebook.Text(TestNotebook.Outputs(result, 1)[0]));
    }

    [Fact]
    public async Task NugetReference_ThatBringsAnotherVersionOfAnAssemblyTheEngineHas_SaysSo_AndUsesTheEnginesCopy()
    {
        using var t = new TestNotebook();
        // Newtonsoft.Json.Bson 1.0.2 asks for Newtonsoft.Json 12.0.1; the repository's packages already load a 13.x.
        var result = await TestNotebook.Run(t.WriteCode("conflict.ipynb", "#r \"nuget: Newtonsoft.Json.Bson, 1.0.2\"\ntypeof(Newtonsoft.Json.Bson.BsonDataReader).Name"), TimeSpan.FromMinutes(5));
        Assert.True(result.Succeeded, result.Error?.Value);
        var outputs = TestNotebook.Outputs(result, 0);
        var warning = JupyterJson.JoinLines(outputs.Single(o => o["output_type"]!.GetValue<string>() == "stream")["text"]);
        Assert.Contains("brings Newtonsoft.Json 12.0.0.0; the engine already has Newtonsoft.Json 13.0.0.0", warning);
        Assert.Equal("BsonDataReader", TestNotebook.Text(outputs.Last()));
    }

    [Fact]
    public async Task ADisplayHandle_ReplacesWhatIsShown_AndTheNotebookKeepsTheLastValue()
    {
        using var t = new TestNotebook();
        var result = await TestNotebook.Run(t.WriteCode("update.ipynb", "var progress = display(\"fit 1 of 3\");\nprogress.Update(\"fit 3 of 3\");\ndisplay(\"done\")"));
        var outputs = TestNotebook.Outputs(result, 0);
        Assert.Equal(["fit 3 of 3", "done"], outputs.Select(o => TestNotebook.Text(o)));
        Assert.All(outputs, o => Assert.Equal("display_data", o["output_type"]!.GetValue<string>()));
    }
}

public class WorkProgressTests
{
    private sealed class Collect : IProgress<CellProgress>
    {
        public List<CellProgress> Seen { get; } = [];
        public void Report(CellProgress value) { lock (Seen) Seen.Add(value); }
    }

    [Fact]
    public async Task LongWorkInACell_ReportsToTheRunnersDisplay_AndNothingOfItIsSaved()
    {
        using var t = new TestNotebook();
        var path = t.WriteCode("work.ipynb", "Analysis.WorkProgress.Report(\"fit 1 of 2\");\nAnalysis.WorkProgress.Report(\"fit 2 of 2\");\n\"done\"");
        var progress = new Collect();
        var result = await new NotebookRunner().RunAsync(Nbformat.NotebookFile.Load(path), progress);
        Assert.True(result.Succeeded);
        Assert.Equal(["fit 1 of 2", "fit 2 of 2"], progress.Seen.Where(p => p.Work is not null).Select(p => p.Work!));
        Assert.All(progress.Seen, p => Assert.Equal(("work.ipynb", 1, 1), (p.Notebook, p.CodeCell, p.CodeCells)));
        var outputs = result.Notebook.CodeCells.Single().Outputs.ToJsonString();
        Assert.Contains("done", outputs);
        Assert.DoesNotContain("fit", outputs);
        // Outside a run nobody listens, and reporting is harmless.
        Analysis.WorkProgress.Report("nobody listens");
    }
}
