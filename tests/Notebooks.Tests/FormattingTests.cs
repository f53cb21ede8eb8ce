using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using Analysis;
using Notebooks.Engine;
using Notebooks.Nbformat;
using Notebooks.Report;

namespace Notebooks.Tests;

public class FormattingTests
{
    private static readonly DisplayContext Context = new("chart", 1);

    [Fact]
    public void DeedleFrame_IsAnHtmlTableWithEveryRow_CollapsedWhenLong()
    {
        var corpus = Corpus.Load(ProjectPaths.Data);
        var removed = CorpusTables.Removed(corpus);
        var html = MimeFormatter.Format(removed, Context).Text("text/html")!;
        var rows = corpus.Documents.Sum(d => d.Report.Removed.Length);
        Assert.True(rows > MimeFormatter.CollapseAfter);
        Assert.StartsWith($"<details><summary>{rows} rows × 6 columns: show every row</summary>", html);
        Assert.Equal(rows, Regex.Matches(html, "<tr>").Count);            // every row, no ellipsis
        Assert.DoesNotContain("(string)", html);                            // no type row
        Assert.DoesNotContain("<th>0</th>", html);                          // no 0 … n−1 index
        Assert.Contains("<th>Reason</th>", html);
        Assert.Contains("Quelle: Kleine Zeitung", MimeFormatter.Format(removed, Context).Text("text/plain"));
    }

    [Fact]
    public void NumericColumns_GetDigitGrouping_AndOneNumberOfDecimals()
    {
        var frame = Deedle.Frame.FromRecords(new[] { new { Name = "a", Count = 1800000000L, Share = 0.159 }, new { Name = "b", Count = 12L, Share = 0.1454 } });
        var html = MimeFormatter.Format(frame, Context).Text("text/html")!;
        Assert.Contains(">1,800,000,000<", html);
        Assert.Contains(">0.1590<", html);
        Assert.Contains(">0.1454<", html);
        Assert.Contains("<caption>2 rows × 3 columns</caption>", html);
        // Deedle elides the middle of short frames too (0, ⋮, 2): every row must be there.
        var three = MimeFormatter.Format(Deedle.Frame.FromRecords(new[] { new { N = 1 }, new { N = 2 }, new { N = 3 } }), Context).Text("text/html")!;
        Assert.Equal(3, Regex.Matches(three, "<tr>").Count);
        Assert.DoesNotContain("⋮", three);
    }

    [Fact]
    public void PlotlyChart_CarriesTheFigureAsPlotlyJson_WithAStableElementId()
    {
        var chart = CorpusCharts.Composition(Corpus.Load(ProjectPaths.Data));
        var bundle = MimeFormatter.Format(chart, Context);
        var figure = bundle.Json("application/vnd.plotly.v1+json")!.AsObject();
        Assert.Equal(5, figure["data"]!.AsArray().Count);
        Assert.Equal("stack", figure["layout"]!["barmode"]!.GetValue<string>());
        Assert.NotNull(figure["config"]);
        Assert.Matches("id=\"plotly-[0-9a-f]{12}-o1\"", bundle.Text("text/html"));
        Assert.Equal(bundle.Text("text/html"), MimeFormatter.Format(chart, Context).Text("text/html"));
        Assert.Equal("Plotly chart: What each raw file is made of (characters)", bundle.Text("text/plain"));
    }

    [Fact]
    public void HtmlMarkup_IsShownAsHtml_AndDisplayCanRestrictMimeTypes()
    {
        var globals = new CellGlobals();
        var html = MimeFormatter.Format(globals.HTML("<b>bold</b>"), Context);
        Assert.Equal("<b>bold</b>", html.Text("text/html"));
        var plain = MimeFormatter.Format(new { A = 1 }, Context, ["text/plain"]);
        Assert.Equal(["text/plain"], plain.Entries.Select(e => e.Mime));
    }

    [Fact]
    public void Objects_GetHtmlFromDotNetInteractiveFormatting_WithTheirTextEscaped()
    {
        var bundle = MimeFormatter.Format(new[] { new { Text = "<script>alert(1)</script>" } }, Context);
        var html = bundle.Text("text/html")!;
        Assert.Contains("&lt;script&gt;", html);
        Assert.DoesNotContain("<script>alert", html);
    }

    [Fact]
    public async Task Report_EscapesTextOutputs_AndSharesOneLocalPlotlyScript()
    {
        using var t = new TestNotebook();
        var path = t.Write("escape.ipynb",
            TestNotebook.Markdown("# Escaping\nA <script>alert('md')</script> in markdown.", "md"),
            TestNotebook.Code("Console.WriteLine(\"<script>alert(1)</script>\");\n\"<img src=x onerror=alert(2)>\"", "code"),
            TestNotebook.Code("using Analysis;\nCorpusCharts.Composition(Corpus.Load(ProjectPaths.Data))", "chart"));
        var result = await TestNotebook.Run(path);
        result.Notebook.Save();
        var index = ReportWriter.Write([NotebookFile.Load(path)], t.Path("report"));
        var page = File.ReadAllText(t.Path("report/escape.html"));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page);
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt;", page);
        Assert.DoesNotContain("<script>alert", page);
        Assert.DoesNotContain("<img src=x", page);
        Assert.Contains($"<script src=\"{ReportWriter.PlotlyScriptName}\"></script>", page);
        Assert.Contains("Plotly.newPlot(", page);
        Assert.True(new FileInfo(t.Path("report/" + ReportWriter.PlotlyScriptName)).Length > 1_000_000);
        Assert.Contains("escape.html", File.ReadAllText(index));
    }
}
