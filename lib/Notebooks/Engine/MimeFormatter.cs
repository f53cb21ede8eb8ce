using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Html;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace Notebooks.Engine;

/// <summary>Where an output will stand: the cell's id (when the front end sends it) and the output's position.</summary>
public sealed record DisplayContext(string CellId, int Output);

/// <summary>
/// Turns a value into a MIME bundle: <c>text/plain</c> always; <c>text/html</c> from .NET Interactive's
/// formatting library, with this repository's own formatters for Deedle frames and series and Plotly.NET charts.
/// </summary>
public static class MimeFormatter
{
    public const string PlainText = "text/plain";
    public const string Html = "text/html";
    public const string PlotlyJson = "application/vnd.plotly.v1+json";
    public const string SvgImage = "image/svg+xml";

    /// <summary>Rows of a frame or series shown in HTML (first and last halves); the caption gives the total.</summary>
    public static int TableRows { get; set; } = 20;

    public static MimeBundle Format(object? value, DisplayContext context, IReadOnlyCollection<string>? mimeTypes = null)
    {
        var bundle = value switch
        {
            null => new MimeBundle().Add(PlainText, "<null>"),
            string s => new MimeBundle().Add(PlainText, s),
            IHtmlContent html => new MimeBundle().Add(PlainText, HtmlToString(html)).Add(Html, HtmlToString(html)),
            GenericChart chart => FormatChart(chart, context),
            Deedle.Internal.IFrameFormattable frame => FormatFrame(frame, value),
            Deedle.Internal.ISeriesFormattable series => FormatSeries(series, value),
            IFormattable f when IsScalar(value) => new MimeBundle().Add(PlainText, f.ToString(null, CultureInfo.InvariantCulture)),
            bool b => new MimeBundle().Add(PlainText, b ? "True" : "False"),
            _ => new MimeBundle()
                .Add(PlainText, Formatter.ToDisplayString(value, PlainText))
                .Add(Html, Formatter.ToDisplayString(value, Html)),
        };
        if (mimeTypes is { Count: > 0 })
        {
            var restricted = new MimeBundle();
            foreach (var (mime, v) in bundle.Entries.Where(e => e.Mime == PlainText || mimeTypes.Contains(e.Mime)))
                if (v is string s) restricted.Add(mime, s); else restricted.Add(mime, (JsonNode)v);
            if (mimeTypes.Contains(Html) && !restricted.Contains(Html))
                restricted.Add(Html, $"<pre>{WebUtility.HtmlEncode(bundle.Text(PlainText) ?? "")}</pre>");
            return restricted;
        }
        return bundle;
    }

    /// <summary>JSON to embed in a script element: corpus strings end up in figures, and "&lt;/" would close the element early.</summary>
    public static string ScriptJson(JsonNode node) => node.ToJsonString().Replace("</", "<\\/", StringComparison.Ordinal);

    /// <summary>A stable 12-hex-digit digest of a figure: element ids derive from it instead of Plotly's random GUIDs.</summary>
    public static string FigureHash(JsonNode figure) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(figure.ToJsonString())))[..12];

    private static bool IsScalar(object value) => value.GetType().IsPrimitive || value is decimal or DateTime or DateOnly or TimeSpan or Guid;

    private static string HtmlToString(IHtmlContent html)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        html.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    private static MimeBundle FormatChart(GenericChart chart, DisplayContext context)
    {
        var figure = JsonNode.Parse(GenericChart.toJson(chart))!.AsObject();
        var title = figure["layout"]?["title"]?["text"]?.GetValue<string>();
        // The id derives from the figure and the output's position: the same in the headless runner and in the
        // kernel (Jupyter clients need not send cell ids).
        var id = $"plotly-{FigureHash(figure)}-o{context.Output}";
        var json = ScriptJson(figure);
        // The static image is drawn by the engine: viewers that run no scripts show it; where plotly.js is loaded
        // (the report) the interactive chart replaces it.
        var svg = SvgChart.Render(figure);
        var image = $"data:image/svg+xml;base64,{Convert.ToBase64String(Encoding.UTF8.GetBytes(svg))}";
        var alt = System.Net.WebUtility.HtmlEncode(title ?? "chart");
        var html = $$"""
            <div id="{{id}}" class="plotly-chart"><img src="{{image}}" alt="{{alt}}" style="max-width:100%"></div>
            <script type="text/javascript">
            (function () {
              var figure = {{json}};
              var element = document.getElementById("{{id}}");
              if (window.Plotly) { element.innerHTML = ""; window.Plotly.newPlot(element, figure.data, figure.layout, figure.config); }
            })();
            </script>
            """;
        return new MimeBundle()
            .Add(PlainText, title is null ? "Plotly chart" : $"Plotly chart: {title}")
            .Add(Html, html)
            .Add(SvgImage, svg)
            .Add(PlotlyJson, figure);
    }

    /// <summary>Tables longer than this are collapsed into a &lt;details&gt; element (every row is still there).</summary>
    public const int CollapseAfter = 25;

    /// <summary>
    /// Rows a saved table keeps: a corpus of thousands of documents must not make a notebook of megabytes. Past it the
    /// table says how many rows it leaves out; the cell's value still holds them all.
    /// </summary>
    public const int MaxRows = 500;

    /// <summary>
    /// A Deedle frame as an HTML table with every row (long tables collapsible, so nothing a reading calls "every" is
    /// cut), no type row, the row keys only when they mean something (not 0 … n−1), and each numeric column with digit
    /// grouping and one number of decimals.
    /// </summary>
    private static MimeBundle FormatFrame(Deedle.Internal.IFrameFormattable frame, object value)
    {
        var (rows, columns) = frame.GetDimensions();
        // Deedle elides the middle unless asked for more rows than there are.
        var grid = frame.InteractiveFormat(2 * rows + 2, Math.Max(columns, 1), true);
        var rowLevels = frame.GetRowLevels();
        // Row 0 holds column keys, row 1 their types; the column after the row keys is Deedle's "->" separator.
        var body = grid.Skip(2).ToList();
        var ordinalKeys = rowLevels == 1 && body.Select((r, i) => r[0] == i.ToString(CultureInfo.InvariantCulture)).All(x => x);
        var first = ordinalKeys ? rowLevels + 1 : 0;
        var cells = body.Select(r => r.Where((_, c) => c != rowLevels && c >= first).ToArray()).ToList();
        var header = grid[0].Where((_, c) => c != rowLevels && c >= first).ToArray();
        // Row keys that are shown get a header: "rank" for 1, 2, 3 …, else "key".
        var ranks = rowLevels == 1 && body.Select((r, i) => r[0] == (i + 1).ToString(CultureInfo.InvariantCulture)).All(x => x);
        for (var c = 0; !ordinalKeys && c < rowLevels && c < header.Length; c++)
            if (string.IsNullOrWhiteSpace(header[c])) header[c] = ranks ? "rank" : "key";
        var left = Math.Max(0, cells.Count - MaxRows);
        if (left > 0) cells = cells.Take(MaxRows).ToList();
        var formatted = FormatColumns(cells, header.Length);
        var html = new StringBuilder();
        var caption = $"{rows.ToString("#,0", CultureInfo.InvariantCulture)} {(rows == 1 ? "row" : "rows")} × {columns.ToString(CultureInfo.InvariantCulture)} {(columns == 1 ? "column" : "columns")}";
        if (rows > CollapseAfter) html.Append("<details><summary>").Append(caption).Append(left > 0 ? $": show the first {MaxRows.ToString("#,0", CultureInfo.InvariantCulture)}" : ": show every row").Append("</summary>");
        html.Append("<table class=\"deedle-frame\">");
        if (rows <= CollapseAfter) html.Append("<caption>").Append(caption).Append("</caption>");
        html.Append("<thead><tr class=\"keys\">");
        foreach (var h in header) html.Append("<th>").Append(WebUtility.HtmlEncode(h)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in formatted)
        {
            html.Append("<tr>");
            for (var c = 0; c < row.Length; c++)
            {
                var tag = !ordinalKeys && c < rowLevels ? "th" : "td";
                var (text, numeric) = row[c];
                var style = numeric ? " style=\"text-align:right;white-space:nowrap\"" : text.Length <= 12 ? " style=\"white-space:nowrap\"" : "";
                html.Append('<').Append(tag).Append(style).Append('>').Append(WebUtility.HtmlEncode(text)).Append("</").Append(tag).Append('>');
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
        if (left > 0)
            html.Append("<p>The first ").Append(MaxRows.ToString("#,0", CultureInfo.InvariantCulture)).Append(" of ").Append(rows.ToString("#,0", CultureInfo.InvariantCulture))
                .Append(" rows; ").Append(left.ToString("#,0", CultureInfo.InvariantCulture)).Append(" more are not saved in the notebook (the cell's value holds them all).</p>");
        if (rows > CollapseAfter) html.Append("</details>");
        return new MimeBundle()
            .Add(PlainText, ((Deedle.Internal.IFsiFormattable)value).Format())
            .Add(Html, html.ToString());
    }

    /// <summary>Numeric columns (every non-empty cell a number) get digit grouping and the column's largest number of decimals, at most four.</summary>
    private static List<(string Text, bool Numeric)[]> FormatColumns(List<string[]> rows, int columns)
    {
        var numeric = new bool[columns];
        var decimals = new int[columns];
        for (var c = 0; c < columns; c++)
        {
            var values = rows.Select(r => c < r.Length ? r[c] : "").Where(v => v.Length > 0 && v != "<missing>").ToList();
            numeric[c] = values.Count > 0 && values.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && !v.Contains('E', StringComparison.OrdinalIgnoreCase) || v is "NaN");
            decimals[c] = numeric[c] ? Math.Min(4, values.Max(v => v.Contains('.') ? v.Length - v.IndexOf('.') - 1 : 0)) : 0;
        }
        return [.. rows.Select(r => r.Select((v, c) =>
            numeric[c] && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                ? (d.ToString("#,0" + (decimals[c] > 0 ? "." + new string('0', decimals[c]) : ""), CultureInfo.InvariantCulture), true)
                : (v, false)).ToArray())];
    }

    private static MimeBundle FormatSeries(Deedle.Internal.ISeriesFormattable series, object value)
    {
        var grid = series.InteractiveFormat(TableRows);
        var count = series.GetKeyCount();
        var html = new StringBuilder("<table class=\"deedle-series\"><caption>")
            .Append(count.ToString(CultureInfo.InvariantCulture)).Append(count == 1 ? " value" : " values").Append("</caption><tbody>");
        foreach (var row in grid)
        {
            html.Append("<tr><th>").Append(WebUtility.HtmlEncode(row[0])).Append("</th>");
            foreach (var cell in row.Skip(2)) html.Append("<td>").Append(WebUtility.HtmlEncode(cell)).Append("</td>");
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
        return new MimeBundle()
            .Add(PlainText, ((Deedle.Internal.IFsiFormattable)value).Format())
            .Add(Html, html.ToString());
    }
}
