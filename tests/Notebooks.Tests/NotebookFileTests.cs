using Analysis;
using System.Text.Json.Nodes;
using Notebooks.Nbformat;

namespace Notebooks.Tests;

public class NotebookFileTests
{
    [Fact]
    public async Task Rerun_PreservesEverythingTheEngineDoesNotOwn()
    {
        using var t = new TestNotebook();
        var code = TestNotebook.Code("1 + 2", "keep-id");
        code["metadata"] = new JsonObject { ["tags"] = new JsonArray("parameters"), ["custom"] = new JsonObject { ["x"] = 1 } };
        var path = t.Write("keep.ipynb", TestNotebook.Markdown("# Title\nSome *text*.", "md-1"), code);
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        root["metadata"]!["authors"] = new JsonArray("someone");
        root["x_unknown_field"] = "stays";
        File.WriteAllText(path, JupyterJson.Serialize(root));

        var notebook = NotebookFile.Load(path);
        await new Notebooks.Engine.NotebookRunner().RunAsync(notebook);
        notebook.Save();

        var after = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        Assert.Equal("stays", after["x_unknown_field"]!.GetValue<string>());
        Assert.Equal("someone", after["metadata"]!["authors"]![0]!.GetValue<string>());
        Assert.Equal(JupyterJson.Serialize(root["cells"]![0]), JupyterJson.Serialize(after["cells"]![0]));
        Assert.Equal("keep-id", after["cells"]![1]!["id"]!.GetValue<string>());
        Assert.Equal(JupyterJson.Serialize(code["metadata"]), JupyterJson.Serialize(after["cells"]![1]!["metadata"]));
        Assert.Equal(1, after["cells"]![1]!["execution_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task TwoReruns_AreByteIdentical_ChartsAndTablesIncluded()
    {
        using var t = new TestNotebook();
        var path = t.WriteCode("twice.ipynb",
            "using Deedle;\nusing Analysis;\nvar corpus = Corpus.Load(ProjectPaths.Data);",
            "CorpusTables.Cleaning(corpus)",
            "CorpusCharts.Composition(corpus)",
            "Console.WriteLine(Math.PI); display(new { A = 1, B = \"x\" });");
        var first = await TestNotebook.Run(path);
        first.Notebook.Save();
        var bytes1 = File.ReadAllBytes(path);
        var second = await TestNotebook.Run(path);
        second.Notebook.Save();
        Assert.True(first.Succeeded, $"{first.Error?.Name}: {first.Error?.Value}");
        Assert.Equal(bytes1, File.ReadAllBytes(path));
        var text = File.ReadAllText(path);
        Assert.DoesNotContain(Path.GetTempPath(), text);
        Assert.Matches("plotly-[0-9a-f]{12}-o0", text);
    }

    [Fact]
    public void Serialize_WritesAsJupyterDoes()
    {
        var json = """{"b": [], "a": {"z": "é\n\u0001\"", "y": {}}, "c": [1, 2.5, true, null]}""";
        Assert.Equal(
            "{\n \"a\": {\n  \"y\": {},\n  \"z\": \"é\\n\\u0001\\\"\"\n },\n \"b\": [],\n \"c\": [\n  1,\n  2.5,\n  true,\n  null\n ]\n}\n",
            JupyterJson.Serialize(JsonNode.Parse(json)));
    }

    [Theory]
    [InlineData("a\nb\n", new[] { "a\n", "b\n" })]
    [InlineData("a\r\nb", new[] { "a\r\n", "b" })]
    [InlineData("", new string[0])]
    [InlineData("one", new[] { "one" })]
    public void SplitLines_MatchesPythonsSplitlinesWithEnds(string text, string[] lines) =>
        Assert.Equal(lines, JupyterJson.SplitLines(text).Select(l => l!.GetValue<string>()));

    [Fact]
    public void AtomicWrite_InterruptedMidway_LeavesThePreviousFileIntact()
    {
        using var t = new TestNotebook();
        var path = t.Path("keep.ipynb");
        File.WriteAllText(path, "previous content");
        Assert.Throws<IOException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("half of the new"u8);
            throw new IOException("disk full (simulated)");
        }));
        Assert.Equal("previous content", File.ReadAllText(path));
        Assert.Equal(["keep.ipynb"], Directory.GetFiles(t.Directory).Select(Path.GetFileName));
    }

    [Fact]
    public void MissingCellIds_AreAddedStably()
    {
        using var t = new TestNotebook();
        var path = t.Path("ids.ipynb");
        File.WriteAllText(path, """{"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "source": "1", "execution_count": null}], "metadata": {}, "nbformat": 4, "nbformat_minor": 4}""");
        var a = NotebookFile.Load(path).AllCells.Single().Id;
        var b = NotebookFile.Load(path).AllCells.Single().Id;
        Assert.Equal(8, a.Length);
        Assert.Equal(a, b);
        Assert.Equal(5, NotebookFile.Load(path).Root["nbformat_minor"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("{ \"cells\": [", "not valid JSON")]
    [InlineData("""{"cells": [], "metadata": {}, "nbformat": 3, "nbformat_minor": 0}""", "unsupported nbformat 3")]
    [InlineData("""{"cells": [{"source": "x"}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""", "cell 1 has no 'cell_type'")]
    [InlineData("[]", "a notebook is a JSON object")]
    public void BadNotebooks_GiveOneClearMessageNamingTheFile(string content, string message)
    {
        using var t = new TestNotebook();
        var path = t.Path("bad.ipynb");
        File.WriteAllText(path, content);
        var e = Assert.Throws<NotebookFormatException>(() => NotebookFile.Load(path));
        Assert.StartsWith(path + ": ", e.Message);
        Assert.Contains(message, e.Message);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("check")]
    [InlineData("report")]
    public async Task Cli_ExitsWith2_OnAMalformedOrMissingNotebook_AndWritesNothing(string command)
    {
        using var t = new TestNotebook();
        var bad = t.Path("bad.ipynb");
        File.WriteAllText(bad, "{ not json");
        Assert.Equal(2, await Notebooks.Cli.Program.Main([command, bad, "--output", t.Path("report")]));
        Assert.Equal(2, await Notebooks.Cli.Program.Main([command, t.Path("missing.ipynb"), "--output", t.Path("report")]));
        Assert.Equal("{ not json", File.ReadAllText(bad));
        Assert.False(Directory.Exists(t.Path("report")));
    }

    [Fact]
    public async Task Cli_Run_ThatFails_KeepsTheLastGoodOutputs_AndWritesTheFailedRunBesideTheReport()
    {
        using var t = new TestNotebook();
        var path = t.WriteCode("fails.ipynb", "System.IO.File.Exists(\"data.txt\") ? System.IO.File.ReadAllText(\"data.txt\") : throw new Exception(\"no data\")");
        File.WriteAllText(t.Path("data.txt"), "good");
        Assert.Equal(0, await Notebooks.Cli.Program.Main(["run", path, "--output", t.Path("report")]));
        var good = File.ReadAllText(path);
        File.Delete(t.Path("data.txt")); // the data breaks: every cell that reads it fails

        Assert.Equal(1, await Notebooks.Cli.Program.Main(["run", path, "--output", t.Path("report")]));

        Assert.Equal(good, File.ReadAllText(path));
        var failed = NotebookFile.Load(t.Path("failed/fails.ipynb"));
        Assert.Equal("error", failed.CodeCells.Single().Outputs[0]!["output_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cli_Check_FailsOnStaleOutputs_AndPassesAfterRun()
    {
        using var t = new TestNotebook();
        var path = t.WriteCode("stale.ipynb", "6 * 7");
        Assert.Equal(1, await Notebooks.Cli.Program.Main(["check", path]));
        Assert.Equal(0, await Notebooks.Cli.Program.Main(["run", path, "--no-report"]));
        Assert.Equal(0, await Notebooks.Cli.Program.Main(["check", path]));
    }
}
