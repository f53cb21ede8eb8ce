using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Analysis;
using Notebooks.Engine;
using Notebooks.Nbformat;

namespace Notebooks.Tests;

/// <summary>Charts that every viewer shows: a static SVG beside the Plotly JSON, drawn by the engine.</summary>
public class StaticChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static IEnumerable<(string Notebook, string Cell, JsonObject Data)> ChartOutputs() =>
        Directory.GetFiles(ProjectPaths.Notebooks, "*.ipynb").Order(StringComparer.Ordinal).SelectMany(path =>
            NotebookFile.Load(path).CodeCells.SelectMany(c => c.Outputs.OfType<JsonObject>()
                .Where(o => o["data"]?[MimeFormatter.PlotlyJson] is not null)
                .Select(o => (Path.GetFileName(path), c.Id, o["data"]!.AsObject()))));

    [Fact]
    public void EveryChartOutput_CarriesASmallValidSvg_AndAnHtmlFallbackThatShowsItWithoutScript()
    {
        var charts = ChartOutputs().ToList();
        Assert.True(charts.Count >= 15, $"{charts.Count} charts");
        foreach (var (notebook, cell, data) in charts)
        {
            var svg = JupyterJson.JoinLines(data[MimeFormatter.SvgImage]);
            Assert.True(svg.Length < 100_000, $"{notebook} {cell}: {svg.Length} characters of SVG");
            var root = XDocument.Parse(svg).Root!;
            Assert.Equal(Svg + "svg", root.Name);
            Assert.NotEmpty(root.Descendants(Svg + "rect").Skip(1).Concat(root.Descendants(Svg + "polyline")).Concat(root.Descendants(Svg + "circle")));
            var html = JupyterJson.JoinLines(data[MimeFormatter.Html]);
            var image = Regex.Match(html, "<img src=\"data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)\"");
            Assert.True(image.Success, $"{notebook} {cell}: the HTML fallback has no image");
            Assert.Equal(svg, Encoding.UTF8.GetString(Convert.FromBase64String(image.Groups[1].Value)));
        }
    }

    [Fact]
    public void TheImage_IsTheSameBytesOnEveryRender_AndMatchesTheSavedOne()
    {
        foreach (var (notebook, cell, data) in ChartOutputs())
        {
            var figure = data[MimeFormatter.PlotlyJson]!.AsObject();
            Assert.Equal(SvgChart.Render(figure), SvgChart.Render((JsonObject)figure.DeepClone()));
            Assert.True(JupyterJson.JoinLines(data[MimeFormatter.SvgImage]) == SvgChart.Render(figure), $"{notebook} {cell}: the saved image is not what the figure renders to");
        }
    }

    [Fact]
    public void Bars_AreDrawnToScale_WithTheirCategoriesLabelsAndAxisTitles()
    {
        var figure = JsonNode.Parse("""
            { "data": [ { "type": "bar", "x": ["a", "b"], "y": [1, 2], "text": ["one", "two"], "marker": { "color": "#4c72b0" } } ],
              "layout": { "width": 400, "height": 300, "margin": { "l": 50, "r": 10, "t": 40, "b": 50 }, "title": { "text": "T & U" },
                          "xaxis": { "title": { "text": "letter" } }, "yaxis": { "title": { "text": "count" } } } }
            """)!.AsObject();
        var root = XDocument.Parse(SvgChart.Render(figure)).Root!;
        var bars = root.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("fill") == "#4c72b0").Select(r => double.Parse((string)r.Attribute("height")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, bars.Count);
        Assert.Equal(2, bars[1] / bars[0], 6);
        var texts = root.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("T & U", texts);
        Assert.Contains("letter", texts);
        Assert.Contains("count", texts);
        Assert.Contains("two", texts);
        Assert.Contains("a", texts);
    }

    [Fact]
    public void NbconvertsHtml_ShowsEveryChart_AsAnImage()
    {
        var nbconvert = new[] { "/usr/bin/jupyter-nbconvert", "/usr/local/bin/jupyter-nbconvert" }.FirstOrDefault(File.Exists);
        if (nbconvert is null)
        {
            // CI installs Debian's jupyter-nbconvert before the tests (.ci/run); there its absence is a failure.
            Assert.True(Environment.GetEnvironmentVariable("CI") is null, "jupyter-nbconvert is not installed");
            return;
        }
        var output = Path.Combine(Path.GetTempPath(), "nbconvert-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var notebook in Directory.GetFiles(ProjectPaths.Notebooks, "*.ipynb").Order(StringComparer.Ordinal))
            {
                var charts = NotebookFile.Load(notebook).CodeCells.Sum(c => c.Outputs.OfType<JsonObject>().Count(o => o["data"]?[MimeFormatter.PlotlyJson] is not null));
                using var process = Process.Start(new ProcessStartInfo(nbconvert, ["--to", "html", "--output-dir", output, notebook]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
                var log = process.StandardError.ReadToEnd();
                process.WaitForExit();
                Assert.True(process.ExitCode == 0, log);
                var html = File.ReadAllText(Path.Combine(output, Path.GetFileNameWithoutExtension(notebook) + ".html"));
                Assert.Equal(charts, Regex.Matches(html, "<img src=\"data:image/svg\\+xml;base64,").Count);
            }
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }
}

/// <summary>The HTML report as a small publication.</summary>
public class ReportPublicationTests
{
    [Fact]
    public void TheReport_HasAnIndexWithFindings_AndPagesWithContentsNeighboursAndNumberedFigures()
    {
        var notebooks = Directory.GetFiles(ProjectPaths.Notebooks, "*.ipynb").Order(StringComparer.Ordinal).Select(NotebookFile.Load).ToList();
        var directory = Path.Combine(Path.GetTempPath(), "report-" + Guid.NewGuid().ToString("N"));
        try
        {
            var index = File.ReadAllText(Notebooks.Report.ReportWriter.Write(notebooks, directory));
            var readmeTitle = File.ReadLines(Path.Combine(ProjectPaths.Root, "README.md")).First(l => l.StartsWith("# ", StringComparison.Ordinal))[2..];
            Assert.Contains($"<h1>{System.Net.WebUtility.HtmlEncode(readmeTitle)}</h1>", index);
            // Findings come from the notebooks' own tagged readings, with their computed values, not retyped.
            var tagged = notebooks.SelectMany(n => n.AllCells.Where(c => (c.Json["metadata"]?["tags"] as JsonArray)?.Any(t => t!.GetValue<string>() == "finding") == true)).ToList();
            Assert.NotEmpty(tagged);
            foreach (var notebook in notebooks)
                foreach (var finding in tagged.Where(c => notebook.AllCells.Any(x => x.Json == c.Json)))
                    Assert.Contains(Notebooks.Report.ReportWriter.RenderMarkdown(finding.Source, Readings.Claims(notebook)), index);
            Assert.DoesNotContain("<!--claim", index);
            for (var i = 0; i < notebooks.Count; i++)
            {
                var page = File.ReadAllText(Path.Combine(directory, Notebooks.Report.ReportWriter.PageName(notebooks[i])));
                Assert.Contains("<nav class=\"toc\">", page);
                if (i > 0) Assert.Contains($"rel=\"prev\" href=\"{Notebooks.Report.ReportWriter.PageName(notebooks[i - 1])}\"", page);
                if (i + 1 < notebooks.Count) Assert.Contains($"rel=\"next\" href=\"{Notebooks.Report.ReportWriter.PageName(notebooks[i + 1])}\"", page);
                var charts = notebooks[i].CodeCells.Sum(c => c.Outputs.OfType<JsonObject>().Count(o => o["data"]?[MimeFormatter.PlotlyJson] is not null));
                Assert.Equal(charts, Regex.Matches(page, "<figure id=\"figure-\\d+\">").Count);
                if (charts > 0) Assert.Matches($"Figure 1</a>\\. .*From <a href=\"[^\"]*{Regex.Escape(notebooks[i].Name)}\">", page);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

public class EmptyChartTests
{
    [Fact]
    public void AChartWithNothingToShow_RendersItsFrameAndTitle()
    {
        var chart = Analysis.FigureCharts.OverTime(new List<Analysis.Figures.ReportedFigure>(), "Cuts", "jobs");
        var svg = SvgChart.Render(JsonNode.Parse(Plotly.NET.GenericChart.toJson(chart))!.AsObject());
        Assert.Contains("Cuts (no reviewed figures)", XDocument.Parse(svg).Root!.Value);
    }
}
