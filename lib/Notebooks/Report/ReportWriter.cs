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

    /// <summary>The cell tag that puts a markdown reading on the report's index as a key finding.</summary>
    public const string FindingTag = "finding";

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
        for (var i = 0; i < notebooks.Count; i++)
            AtomicFile.WriteAllText(Path.Combine(directory, PageName(notebooks[i])),
                RenderPage(notebooks[i], directory, i > 0 ? notebooks[i - 1] : null, i + 1 < notebooks.Count ? notebooks[i + 1] : null));
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

    /// <summary>The project's title: the first heading of the repository's README, else "Notebooks".</summary>
    private static string ProjectTitle(IReadOnlyList<NotebookFile> notebooks)
    {
        var root = notebooks.Count > 0 ? Analysis.ProjectPaths.FindRoot(notebooks[0].Directory) : null;
        var readme = root is null ? null : Path.Combine(root, "README.md");
        if (readme is not null && File.Exists(readme))
            foreach (var line in File.ReadLines(readme))
                if (line.StartsWith("# ", StringComparison.Ordinal)) return line[2..].Trim();
        return "Notebooks";
    }

    /// <summary>The paragraph of the first markdown cell that states the question ("**Question.** …"), if any.</summary>
    private static string? Question(NotebookFile notebook) =>
        notebook.AllCells.Where(c => c.Type == "markdown").Select(c => c.Source).FirstOrDefault()?.Split("\n\n")
            .FirstOrDefault(p => p.StartsWith("**Question.**", StringComparison.Ordinal));

    private static bool IsFinding(NotebookCell cell) =>
        cell.Type == "markdown" && (cell.Json["metadata"]?["tags"] as JsonArray)?.Any(t => t?.GetValue<string>() == FindingTag) == true;

    private static string RenderIndex(IReadOnlyList<NotebookFile> notebooks)
    {
        var title = ProjectTitle(notebooks);
        var body = new StringBuilder();
        body.Append("<header><h1>").Append(Esc(title)).Append("</h1>")
            .Append("<p class=\"lede\">A short publication rendered from the saved notebooks: each chapter asks a question, answers it with code on the texts, and reads the result. Every number in the prose is bound to a value the run computed; a number that no longer holds is marked in red.</p></header>\n");
        var chapter = 0;
        foreach (var nb in notebooks)
        {
            chapter++;
            var claims = Readings.Claims(nb);
            body.Append(CultureInfo.InvariantCulture, $"<section class=\"chapter\"><h2><span class=\"number\">{chapter}</span> <a href=\"{Esc(PageName(nb))}\">{Esc(Title(nb))}</a></h2>\n");
            if (Question(nb) is { } question) body.Append(RenderMarkdown(question, claims));
            var findings = nb.AllCells.Where(IsFinding).ToList();
            if (findings.Count > 0)
            {
                body.Append("<div class=\"findings\"><h3>Key findings</h3>");
                foreach (var finding in findings) body.Append(RenderMarkdown(finding.Source, claims));
                body.Append("</div>");
            }
            var stale = Readings.Check(nb).Count;
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"more\"><a href=\"{Esc(PageName(nb))}\">Read chapter {chapter} →</a>{(stale > 0 ? $" <span class=\"stale-note\">{stale} readings no longer hold</span>" : "")}</p></section>\n");
        }
        body.Append("<footer><p>Rerun everything with <code>dotnet run --project lib/Notebooks -- run</code>; the notebooks are in <code>notebooks/</code>.</p></footer>\n");
        return Page(title, body.ToString(), withPlotly: false);
    }

    [GeneratedRegex("<h([23]) id=\"([^\"]+)\">(.*?)</h\\1>")]
    private static partial Regex Heading();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex("\\b(href|src)=\"([^\"]*)\"")]
    private static partial Regex LinkTarget();

    /// <summary>
    /// Whether a link from a notebook's markdown may stay live: relative links, fragments and http(s)/mailto only. The
    /// scheme is read as a browser reads it: entities decoded, case and embedded white space ignored
    /// (<c>&amp;#106;avascript:</c>, <c>JaVaScRiPt:</c>, <c>java&#9;script:</c>).
    /// </summary>
    public static bool IsSafeUrl(string attribute)
    {
        var url = new string([.. WebUtility.HtmlDecode(WebUtility.HtmlDecode(attribute)).Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c))]).ToLowerInvariant();
        var colon = url.IndexOf(':');
        if (colon < 0) return true;
        var slash = url.IndexOfAny(['/', '?', '#']);
        if (slash >= 0 && slash < colon) return true; // the colon is in a path or query, not a scheme
        return url[..colon] is "http" or "https" or "mailto";
    }

    [GeneratedRegex(@"href=""([A-Za-z0-9_\-]+)\.ipynb")]
    private static partial Regex NotebookLink();

    private static string RenderPage(NotebookFile notebook, string directory, NotebookFile? previous, NotebookFile? next)
    {
        var content = new StringBuilder();
        var claims = Readings.Claims(notebook);
        var (figures, tables) = (0, 0);
        var notebookLink = Path.GetRelativePath(directory, notebook.Path).Replace('\\', '/');
        foreach (var cell in notebook.AllCells)
        {
            if (cell.Type == "markdown")
            {
                content.Append("<section class=\"markdown\">").Append(RenderMarkdown(cell.Source, claims)).Append("</section>\n");
                continue;
            }
            if (!cell.IsCode) continue;
            var count = cell.Json["execution_count"]?.GetValue<int>();
            content.Append("<section class=\"code\"><details class=\"source\"><summary>code, cell ").Append(cell.Index + 1).Append("</summary><pre class=\"source\"><code>")
                .Append(Esc(cell.Source)).Append("</code></pre></details>\n");
            foreach (var output in cell.Outputs.OfType<JsonObject>())
            {
                var rendered = RenderOutput(output);
                var where = $"<a href=\"{Esc(notebookLink)}\">{Esc(notebook.Name)}</a>, cell {cell.Index + 1} (<code>{Esc(cell.Id)}</code>)";
                if (output["data"]?[MimeFormatter.PlotlyJson] is JsonObject figure)
                {
                    figures++;
                    var title = figure["layout"]?["title"]?["text"]?.GetValue<string>() ?? "chart";
                    content.Append(CultureInfo.InvariantCulture, $"<figure id=\"figure-{figures}\">{rendered}<figcaption><a href=\"#figure-{figures}\">Figure {figures}</a>. {Esc(title)}. From {where}.</figcaption></figure>\n");
                }
                else if (output["data"]?[MimeFormatter.Html] is { } tableHtml && JupyterJson.JoinLines(tableHtml).Contains("deedle-frame", StringComparison.Ordinal))
                {
                    tables++;
                    content.Append(CultureInfo.InvariantCulture, $"<div class=\"table\" id=\"table-{tables}\"><p class=\"table-caption\"><a href=\"#table-{tables}\">Table {tables}</a>. From {where}.</p>{rendered}</div>\n");
                }
                else
                {
                    content.Append(rendered);
                }
            }
            content.Append("</section>\n");
        }
        var html = content.ToString();
        var toc = new StringBuilder("<nav class=\"toc\"><h2>Contents</h2><ul>");
        foreach (Match h in Heading().Matches(html))
            toc.Append(CultureInfo.InvariantCulture, $"<li class=\"level-{h.Groups[1].Value}\"><a href=\"#{h.Groups[2].Value}\">{Tag().Replace(h.Groups[3].Value, "")}</a></li>");
        toc.Append("</ul></nav>\n");
        var nav = new StringBuilder("<nav class=\"pages\"><a href=\"index.html\">Contents of the report</a>");
        if (previous is not null) nav.Append(" · <a rel=\"prev\" href=\"").Append(Esc(PageName(previous))).Append("\">← ").Append(Esc(Title(previous))).Append("</a>");
        if (next is not null) nav.Append(" · <a rel=\"next\" href=\"").Append(Esc(PageName(next))).Append("\">").Append(Esc(Title(next))).Append(" →</a>");
        nav.Append("</nav>\n");
        return Page(Title(notebook), nav + toc.ToString() + "<main>" + html + "</main>" + nav, withPlotly: true);
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
        // A link to a notebook beside this one leads to its page in the report.
        html = NotebookLink().Replace(html, m => $"href=\"{m.Groups[1].Value}.html");
        html = LinkTarget().Replace(html, m => IsSafeUrl(m.Groups[2].Value) ? m.Value : $"{m.Groups[1].Value}=\"#unsafe-link-removed\"");
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
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem; color: #1d1d1f; line-height: 1.5; }
        section.markdown, header, .chapter, footer { max-width: 46rem; }
        nav { font-size: .9rem; margin: 1rem 0 1.5rem; color: #555; }
        nav.toc { float: right; width: 16rem; margin: 0 0 1rem 1.5rem; padding: .5rem 1rem; background: #f7f7f9; border-radius: 6px; font-size: .85rem; }
        nav.toc h2 { font-size: 1rem; margin: .3rem 0; } nav.toc ul { padding-left: 1rem; margin: 0; } nav.toc li.level-3 { margin-left: 1rem; }
        .lede { font-size: 1.1rem; color: #444; } .chapter { border-top: 1px solid #ddd; padding-top: .5rem; }
        .chapter h2 .number { color: #888; } .findings { background: #f7f9fc; border-left: 3px solid #4c72b0; padding: .2rem 1rem; }
        figure { margin: 1rem 0; } figcaption, .table-caption { color: #555; font-size: .85rem; margin: .3rem 0; }
        details.source summary { color: #888; font-size: .8rem; cursor: pointer; }
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
