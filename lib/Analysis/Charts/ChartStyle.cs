using Plotly.NET;

namespace Analysis;

/// <summary>
/// The repository's chart look in one place. Plotly.NET's layout is a dynamic object: setting plotly.js
/// attributes by name reaches every option without Plotly.NET's F#-style optional arguments.
/// </summary>
public static class ChartStyle
{
    public const int Width = 820;

    /// <summary>The one palette of every chart: series colours in order, so a second series is always the same red.</summary>
    public static readonly string[] Palette = ["#4c72b0", "#c44e52", "#55a868", "#8172b2", "#ccb974", "#64b5cd", "#8c8c8c"];

    /// <summary>For what is shown but not significant or not the text (grey bars, "other").</summary>
    public const string Muted = "#bbbbbb";

    public static string Colour(int series) => Palette[series % Palette.Length];

    /// <param name="chart">The chart to style.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="xTitle">x-axis title, or null for none.</param>
    /// <param name="yTitle">y-axis title, or null for none.</param>
    /// <param name="height">Height in pixels (the width is <see cref="Width"/>).</param>
    /// <param name="barMode">plotly.js barmode ("stack", "group"), or null for the default.</param>
    /// <param name="categoricalX">Treat x values as categories: periods such as "2025-10" would otherwise be read as dates.</param>
    /// <param name="yRange">Fixed y-axis range, or null to fit the data.</param>
    /// <param name="showLegend">False hides the legend.</param>
    /// <param name="configure">Any other plotly.js layout attribute.</param>
    public static GenericChart Style(this GenericChart chart, string title, string? xTitle = null, string? yTitle = null,
        int height = 420, string? barMode = null, bool categoricalX = false, (double Min, double Max)? yRange = null, bool showLegend = true,
        Action<Layout>? configure = null)
    {
        var layout = new Layout();
        layout.SetProperty("title", new Dictionary<string, object> { ["text"] = title, ["x"] = 0.02 });
        layout.SetProperty("width", Width);
        layout.SetProperty("height", height);
        // Legend entries in the order of the series (plotly reverses them for stacked bars by default).
        layout.SetProperty("legend", new Dictionary<string, object> { ["orientation"] = "h", ["y"] = -0.2, ["traceorder"] = "normal" });
        // The toolbar stands vertically at the right edge, away from the left-aligned title.
        layout.SetProperty("modebar", new Dictionary<string, object> { ["orientation"] = "v" });
        layout.SetProperty("margin", new Dictionary<string, object> { ["l"] = 90, ["r"] = 20, ["t"] = 60, ["b"] = 60 });
        layout.SetProperty("xaxis", Axis(xTitle, categoricalX ? "category" : null, null));
        layout.SetProperty("yaxis", Axis(yTitle, null, yRange));
        if (barMode is not null) layout.SetProperty("barmode", barMode);
        if (!showLegend) layout.SetProperty("showlegend", false);
        configure?.Invoke(layout);
        return GenericChart.addLayout(layout, chart);
    }

    private static Dictionary<string, object> Axis(string? title, string? type, (double Min, double Max)? range)
    {
        var axis = new Dictionary<string, object>();
        if (title is not null) axis["title"] = new Dictionary<string, object> { ["text"] = title };
        if (type is not null) axis["type"] = type;
        if (range is { } r) axis["range"] = new[] { r.Min, r.Max };
        return axis;
    }
}
