using Analysis;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Markdig;
using Notebooks.Engine;
using Notebooks.Nbformat;

namespace Notebooks.Report;

/// <summary>
/// Renders notebooks as a static HTML report: an index and one page per notebook, markdown rendered, code and
/// outputs in order, charts drawn by one local copy of plotly.js, so the report works offline.
/// </summary>
public static partial class ReportWriter
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().Build();

    [GeneratedRegex(@"\x1b\[[0-9;]*m")]
    private static partial Regex AnsiEscape();

    public static string PlotlyScriptName { get; } = typeof(Plotly.NET.GenericChart).Assembly.GetManifestResourceNames()
        .Single(n => n.EndsWith(".min.js", StringComparison.Ordinal)).Replace("Plotly.NET.", "", StringComparison.Ordinal);

    /// <summary>Writes the report into <paramref name="directory"/>; returns the index page's path.</summary>
    public static string Write(IReadOnlyList<NotebookFile> notebooks, string directory)
    {
        Directory.CreateDirectory(directory);
        var plotly = Path.Combine(directory, PlotlyScriptName);
        if (!File.Exists(plotly))
        {
            using var resource = typeof(Plotly.NET.GenericChart).Assembly.GetManifestResourceStream("Plotly.NET." + PlotlyScriptName)!;
            AtomicFile.Write(plotly, resource.CopyTo);
        }
        foreach (var notebook in notebooks)
            AtomicFile.WriteAllText(Path.Combine(directory, PageName(notebook)), RenderPage(notebook));
        var index = Path.Combine(directory, "index.html");
        AtomicFile.WriteAllText(index, RenderIndex(notebooks));
        return index;
    }

    public static string PageName(NotebookFile notebook) => Path.GetFileNameWithoutExtension(notebook.Name) + ".html";

    /// <summary>The first markdown heading, else the file name.</summary>
    public static string Title(NotebookFile notebook)
    {
        foreach (var cell in notebook.AllCells.Where(c => c.Type == "markdown"))
            foreach (var line in cell.Source.Split('\n'))
                if (line.StartsWith('#')) return line.TrimStart('#').Trim();
        return notebook.Name;
    }

    private static string RenderIndex(IReadOnlyList<NotebookFile> notebooks)
    {
        var body = new StringBuilder("<h1>Notebooks</h1>\n<p>Rendered from the saved outputs of each notebook. Rerun them with <code>dotnet run --project lib/Notebooks -- run</code>.</p>\n<table class=\"index\"><thead><tr><th>Notebook</th><th>Title</th><th>Code cells</th><th>Status</th></tr></thead><tbody>\n");
        foreach (var nb in notebooks)
        {
            var code = nb.CodeCells.ToList();
            var errors = code.Count(c => c.Outputs.Any(o => o?["output_type"]?.GetValue<string>() == "error"));
            var notRun = code.Count(c => c.Json["execution_count"] is null && !string.IsNullOrWhiteSpace(c.Source));
            var status = errors > 0 ? "error" : notRun > 0 ? $"{notRun} cells not run" : "ok";
            body.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"{Esc(PageName(nb))}\">{Esc(nb.Name)}</a></td><td>{Esc(Title(nb))}</td><td>{code.Count}</td><td class=\"status-{(status == "ok" ? "ok" : "bad")}\">{Esc(status)}</td></tr>\n");
        }
        body.Append("</tbody></table>\n");
        return Page("Notebooks", body.ToString(), withPlotly: false);
    }

    private static string RenderPage(NotebookFile notebook)
    {
        var body = new StringBuilder();
        body.Append("<nav><a href=\"index.html\">← all notebooks</a> · <code>").Append(Esc(notebook.Name)).Append("</code></nav>\n");
        var claims = Readings.Claims(notebook);
        foreach (var cell in notebook.AllCells)
        {
            if (cell.Type == "markdown")
            {
                body.Append("<section class=\"markdown\">").Append(RenderMarkdown(cell.Source, claims)).Append("</section>\n");
                continue;
            }
            if (!cell.IsCode) continue;
            var count = cell.Json["execution_count"]?.GetValue<int>();
            body.Append("<section class=\"code\"><div class=\"prompt\">[").Append(count?.ToString(CultureInfo.InvariantCulture) ?? " ").Append("]</div>")
                .Append("<pre class=\"source\"><code>").Append(Esc(cell.Source)).Append("</code></pre>\n");
            foreach (var output in cell.Outputs.OfType<JsonObject>())
                body.Append(RenderOutput(output));
            body.Append("</section>\n");
        }
        return Page(Title(notebook), body.ToString(), withPlotly: true);
    }

    [GeneratedRegex("\uE000(\\d+)\uE001")]
    private static partial Regex MarkPlaceholder();

    /// <summary>
    /// Markdown with its readings resolved: a cited value renders as plain text, one that no longer matches the
    /// saved claims is flagged with the computed value, so a stale reading is never shown as if it held.
    /// </summary>
    public static string RenderMarkdown(string source, IReadOnlyDictionary<string, string> claims)
    {
        var marks = Readings.Marks(source);
        var text = new StringBuilder();
        var pieces = new List<string>();
        var position = 0;
        foreach (var mark in marks)
        {
            text.Append(source, position, mark.Start - position).Append('\uE000').Append(pieces.Count.ToString(CultureInfo.InvariantCulture)).Append('\uE001');
            pieces.Add(RenderMark(mark, claims));
            position = mark.Start + mark.Length;
        }
        text.Append(source, position, source.Length - position);
        var html = Markdig.Markdown.ToHtml(text.ToString(), Markdown);
        return MarkPlaceholder().Replace(html, m => pieces[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)]);
    }

    private static string RenderMark(ReadingMark mark, IReadOnlyDictionary<string, string> claims)
    {
        var inline = Markdig.Markdown.ToHtml(mark.Text, Markdown).Trim();
        if (inline.StartsWith("<p>", StringComparison.Ordinal) && inline.EndsWith("</p>", StringComparison.Ordinal)) inline = inline[3..^4];
        if (mark.Claim is null) return inline;
        if (!claims.TryGetValue(mark.Claim, out var computed))
            return $"<span class=\"claim stale\">{inline}</span> <span class=\"stale-note\">[no value '{Esc(mark.Claim)}' was computed]</span>";
        if (!Readings.Holds(mark.Text, computed))
            return $"<span class=\"claim stale\">{inline}</span> <span class=\"stale-note\">[stale: the run computed {Esc(computed)}]</span>";
        return $"<span class=\"claim\" title=\"computed: {Esc(mark.Claim)}\">{inline}</span>";
    }

    private static string RenderOutput(JsonObject output)
    {
        switch (output["output_type"]?.GetValue<string>())
        {
            case "stream":
                var name = output["name"]?.GetValue<string>() == "stderr" ? "stderr" : "stdout";
                return $"<pre class=\"output {name}\">{Esc(JupyterJson.JoinLines(output["text"]))}</pre>\n";
            case "error":
                var traceback = string.Join("\n", (output["traceback"] as JsonArray ?? []).Select(t => t?.GetValue<string>() ?? ""));
                return $"<pre class=\"output error\">{Esc(AnsiEscape().Replace(traceback, ""))}</pre>\n";
            case "display_data" or "execute_result":
                var data = output["data"] as JsonObject ?? [];
                if (data[MimeFormatter.PlotlyJson] is JsonObject figure)
                {
                    // The saved figure, drawn by the page's own plotly.js (the notebook's HTML fallback id may repeat across pages).
                    var id = "chart-" + MimeFormatter.FigureHash(figure);
                    var json = MimeFormatter.ScriptJson(figure);
                    return $"<div class=\"output chart\" id=\"{id}\"></div><script>(function(){{var f={json};Plotly.newPlot(\"{id}\",f.data,f.layout,f.config);}})();</script>\n";
                }
                if (data[MimeFormatter.Html] is { } html)
                    return $"<div class=\"output html\">{JupyterJson.JoinLines(html)}</div>\n";
                return $"<pre class=\"output text\">{Esc(JupyterJson.JoinLines(data[MimeFormatter.PlainText]))}</pre>\n";
            default:
                return "";
        }
    }

    private static string Esc(string s) => WebUtility.HtmlEncode(s);

    private static string Page(string title, string body, bool withPlotly) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{Esc(title)}}</title>
        {{(withPlotly ? $"<script src=\"{PlotlyScriptName}\"></script>" : "")}}
        <style>
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1d1d1f; line-height: 1.5; }
        nav { font-size: .9rem; margin-bottom: 1.5rem; color: #555; }
        section.code { margin: 1rem 0; position: relative; }
        .prompt { position: absolute; left: -3.2rem; top: .4rem; color: #888; font: .8rem ui-monospace, monospace; }
        pre { white-space: pre-wrap; word-break: break-word; font: .85rem/1.4 ui-monospace, SFMono-Regular, Menlo, monospace; margin: .3rem 0; padding: .5rem .7rem; border-radius: 4px; }
        pre.source { background: #f4f5f7; border-left: 3px solid #6b7cff; }
        pre.output { background: #fff; border-left: 3px solid #ddd; }
        pre.stderr { background: #fff6e5; }
        pre.error { background: #fdecea; border-left-color: #d33; color: #8a1f11; }
        .output.html { overflow-x: auto; margin: .3rem 0; }
        table { border-collapse: collapse; font-size: .85rem; margin: .5rem 0; }
        th, td { border-bottom: 1px solid #e3e3e3; padding: .25rem .6rem; text-align: left; vertical-align: top; }
        thead th { border-bottom: 2px solid #bbb; }
        tr.types th { font-weight: normal; color: #888; font-size: .75rem; }
        caption { caption-side: bottom; text-align: left; color: #777; font-size: .8rem; padding-top: .3rem; }
        .status-ok { color: #1a7f37; } .status-bad { color: #d33; }
        .claim.stale { background: #fdecea; text-decoration: line-through; } .stale-note { color: #d33; font-weight: 600; }
        </style>
        </head>
        <body>
        {{body}}
        </body>
        </html>

        """;
}
