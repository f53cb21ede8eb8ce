using Notebooks.Engine;
using Notebooks.Nbformat;
using Notebooks.Report;

namespace Notebooks.Tests;

public class ReadingsTests
{
    private static async Task<NotebookRunResult> RunReading(TestNotebook t, string code, string markdown) =>
        await TestNotebook.Run(t.Write("reading.ipynb", TestNotebook.Code(code, "compute"), TestNotebook.Markdown(markdown, "compute-read")));

    [Fact]
    public async Task ACitedClaimThatMatches_IsNoProblem_AndIsSavedInTheCellsMetadata()
    {
        using var t = new TestNotebook();
        var result = await RunReading(t, "var n = claim(\"units\", 40 + 2);\nclaim(\"share\", 0.4567, \"0.0\");", "The model sees <!--claim:units-->42<!--/--> units, <!--claim:share-->0.5<!--/--> of them long.");
        Assert.True(result.Succeeded);
        Assert.Empty(result.Readings);
        var claims = result.Notebook.CodeCells.Single().Json["metadata"]![Readings.MetadataKey]!;
        Assert.Equal("42", claims["units"]!.GetValue<string>());
        Assert.Equal("0.5", claims["share"]!.GetValue<string>());
    }

    [Fact]
    public async Task AReadingThatNoLongerMatches_IsReportedWithNotebookCellStatedAndComputedValue()
    {
        using var t = new TestNotebook();
        var result = await RunReading(t, "claim(\"units\", 97);", "The model sees <!--claim:units-->82<!--/--> units.");
        var problem = Assert.Single(result.Readings);
        Assert.Equal(ReadingProblemKind.Stale, problem.Kind);
        Assert.Equal(("reading.ipynb", 2, "compute-read", "units", "82", "97"), (problem.Notebook, problem.Cell, problem.CellId, problem.Claim, problem.Stated, problem.Computed));
        Assert.Contains("states \"82\", the run computed \"97\"", problem.ToString());
    }

    [Fact]
    public async Task QualitativeReadings_AreClaimsToo()
    {
        using var t = new TestNotebook();
        var result = await RunReading(t, "var perTenThousand = new[] { (\"taz\", 325.0), (\"essay\", 42.0), (\"new\", 410.0) };\nclaim(\"densest\", perTenThousand.MaxBy(x => x.Item2).Item1);",
            "The <!--claim:densest-->taz<!--/--> commentary speaks of AI most densely.");
        Assert.Equal(("taz", "new"), (Assert.Single(result.Readings).Stated, result.Readings[0].Computed));
    }

    [Fact]
    public async Task ACitationOfAClaimNoCellPublished_IsReported()
    {
        using var t = new TestNotebook();
        var result = await RunReading(t, "claim(\"units\", 82);", "<!--claim:unit-->82<!--/--> units.");
        Assert.Equal(ReadingProblemKind.UnknownClaim, Assert.Single(result.Readings).Kind);
    }

    [Theory]
    [InlineData("With 300 to 2,100 counted tokens per text.", new[] { "300", "2,100" })]
    [InlineData("Four of five texts state it; stability falls by -0.05.", new[] { "Four", "five", "-0.05" })]
    [InlineData("G2 > <!--def-->3.84<!--/--> means p < <!--def-->0.05<!--/-->; T3 and c4.1 and log2 are names, `top(10)` is code.", new string[0])]
    [InlineData("See [the docs](https://example.org/v2/page-3), notebook 01 and <!-- a comment with 7 -->.", new string[0])]
    public void UnboundNumbers_AreDigitsAndNumberWordsOutsideMarksAndCode(string markdown, string[] expected) =>
        Assert.Equal(expected, Readings.UnboundNumbers(markdown));

    [Fact]
    public async Task ANumberTypedIntoAReading_IsReportedAsUnbound()
    {
        using var t = new TestNotebook();
        var result = await RunReading(t, "claim(\"units\", 82);", "<!--claim:units-->82<!--/--> units and about 400 terms.");
        var problem = Assert.Single(result.Readings);
        Assert.Equal((ReadingProblemKind.UnboundNumber, "400"), (problem.Kind, problem.Stated));
    }

    [Fact]
    public async Task Check_ExitsNonZero_AndNamesTheStaleReading_WhenAComputedValueChanges()
    {
        using var t = new TestNotebook();
        var path = t.Write("reading.ipynb", TestNotebook.Code("claim(\"units\", 82);", "compute"), TestNotebook.Markdown("The model sees <!--claim:units-->82<!--/--> units.", "compute-read"));
        Assert.Equal(0, await Cli.Program.Main(["run", "--no-report", path]));
        Assert.Equal(0, await Cli.Program.Main(["check", path]));

        // Outputs stay current, but the prose now states another value than the code computes: only the reading fails.
        var notebook = NotebookFile.Load(path);
        notebook.AllCells.Last().Json["source"] = JupyterJson.SplitLines("The model sees <!--claim:units-->83<!--/--> units.");
        notebook.Save();
        Assert.Equal(1, await Cli.Program.Main(["check", path]));
        var rerun = await TestNotebook.Run(path);
        Assert.Equal("reading.ipynb, cell 2 (compute-read): reading 'units' states \"83\", the run computed \"82\"", Assert.Single(rerun.Readings).ToString());
    }

    [Fact]
    public void Report_ShowsPlainProse_AndFlagsAStaleReadingWithTheComputedValue()
    {
        var claims = new Dictionary<string, string> { ["units"] = "97", ["k"] = "3" };
        var html = ReportWriter.RenderMarkdown("The model sees <!--claim:units-->82<!--/--> units; the rule picks K = <!--claim:k-->3<!--/--> with p < <!--def-->0.05<!--/-->.", claims);
        Assert.DoesNotContain("<!--", html);
        Assert.DoesNotContain("claim:", html);
        Assert.Contains("<span class=\"claim stale\">82</span> <span class=\"stale-note\">[stale: the run computed 97]</span>", html);
        Assert.Contains("K = <span class=\"claim\" title=\"computed: k\">3</span>", html);
        Assert.Contains("p &lt; 0.05.", html);
    }
}

public class ReportLinkTests
{
    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("[x](&#106;avascript:alert(1))")]
    [InlineData("[x](vbscript:msgbox)")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[x][ref]\n\n[ref]: javascript:alert(1)")]
    [InlineData("<javascript:alert(1)>")]
    public void ScriptLinksInMarkdown_AreNotLiveInTheReport(string markdown)
    {
        var html = Notebooks.Report.ReportWriter.RenderMarkdown(markdown, new Dictionary<string, string>());
        // The text may still read "javascript:…"; no link target may lead there, in any spelling.
        foreach (System.Text.RegularExpressions.Match target in System.Text.RegularExpressions.Regex.Matches(html, "(?:href|src)=\"([^\"]*)\""))
        {
            var url = System.Net.WebUtility.HtmlDecode(target.Groups[1].Value).ToLowerInvariant();
            Assert.DoesNotContain("script:", url);
            Assert.DoesNotContain("data:", url);
        }
        Assert.Contains("#unsafe-link-removed", html);
    }

    [Theory]
    [InlineData("[docs](https://example.org/a?b=c:d)", "https://example.org/a?b=c:d")]
    [InlineData("[mail](mailto:team@example.org)", "mailto:team@example.org")]
    [InlineData("[next](02-topics.ipynb)", "02-topics.html")]
    [InlineData("[part](#the-documents)", "#the-documents")]
    public void OrdinaryLinks_StayLive(string markdown, string href) =>
        Assert.Contains($"href=\"{href}\"", Notebooks.Report.ReportWriter.RenderMarkdown(markdown, new Dictionary<string, string>()));
}
