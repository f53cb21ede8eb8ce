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
    public void DeedleFrame_IsAnHtmlTableWithTheTotalCount()
    {
        var corpus = Corpus.Load(ProjectPaths.Data);
        var bundle = MimeFormatter.Format(CorpusTables.Removed(corpus), Context);
        var html = bundle.Text("text/html")!;
        var rows = corpus.Documents.Sum(d => d.Report.Removed.Length);
        Assert.Contains($"<caption>{rows} rows × 6 columns</caption>", html);
        Assert.Contains("<th>Reason</th>", html);
        Assert.Contains("…", html); // more rows than shown: first and last rows with an ellipsis row between
        Assert.Contains("Quelle: Kleine Zeitung", bundle.Text("text/plain"));
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
