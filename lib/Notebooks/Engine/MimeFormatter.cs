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

    private static MimeBundle FormatFrame(Deedle.Internal.IFrameFormattable frame, object value)
    {
        var (rows, columns) = frame.GetDimensions();
        var grid = frame.InteractiveFormat(TableRows, 30, true);
        var rowLevels = frame.GetRowLevels();
        var html = new StringBuilder("<table class=\"deedle-frame\">");
        html.Append("<caption>").Append(rows.ToString(CultureInfo.InvariantCulture)).Append(rows == 1 ? " row" : " rows")
            .Append(" × ").Append(columns.ToString(CultureInfo.InvariantCulture)).Append(columns == 1 ? " column" : " columns").Append("</caption>");
        for (var r = 0; r < grid.Length; r++)
        {
            var row = grid[r];
            // Row 0 holds column keys, row 1 their types; the column after the row keys is Deedle's "->" separator.
            var isHeader = r < 2;
            if (r == 0) html.Append("<thead>");
            if (r == 2) html.Append("<tbody>");
            html.Append(isHeader ? "<tr class=\"" + (r == 0 ? "keys" : "types") + "\">" : "<tr>");
            for (var c = 0; c < row.Length; c++)
            {
                if (c == rowLevels) continue;
                var tag = isHeader || c < rowLevels ? "th" : "td";
                html.Append('<').Append(tag).Append('>').Append(WebUtility.HtmlEncode(row[c] == ":" ? "…" : row[c])).Append("</").Append(tag).Append('>');
            }
            html.Append("</tr>");
            if (r == 1) html.Append("</thead>");
        }
        html.Append(grid.Length > 2 ? "</tbody></table>" : "</table>");
        return new MimeBundle()
            .Add(PlainText, ((Deedle.Internal.IFsiFormattable)value).Format())
            .Add(Html, html.ToString());
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
