using System.Globalization;
using Analysis.Figures;
using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace Analysis;

/// <summary>
/// Charts of reported figures, generic in what they show: the notebook selects the figures (by measure, entity,
/// unit), so a new text's figure of a charted measure appears in the chart. Every bar carries, on hover, the
/// documents and verbatim quotes it comes from.
/// </summary>
public static class FigureCharts
{
    private static string Cite(ReportedFigure f) => $"{f.Document}: „{f.Quote}“";

    private static string Cite(IEnumerable<ReportedFigure> figures) => string.Join("<br>", figures.Select(Cite));

    private static string N(double v) => Math.Abs(v) >= 1000 ? v.ToString("#,0", CultureInfo.InvariantCulture) : v.ToString("0.###", CultureInfo.InvariantCulture);

    private static GenericChart Bars(IReadOnlyList<string> keys, IReadOnlyList<double> values, IReadOnlyList<string> hover, string? name = null, string? colour = null)
    {
        var chart = Chart.Column<double, string, string>(values: values, Keys: keys.ToArray(), Name: name ?? "", MarkerColor: Color.fromString(colour ?? ChartStyle.Colour(0)));
        foreach (var trace in GenericChart.getTraces(chart))
        {
            trace.SetProperty("hovertext", hover.ToArray());
            trace.SetProperty("hoverinfo", "x+y+text");
            trace.SetProperty("text", values.Select(N).ToArray());
            trace.SetProperty("textposition", "outside");
        }
        return chart;
    }

    /// <summary>What a chart shows when the selection holds no figure: its frame and a title that says so.</summary>
    private static GenericChart Empty(string title) =>
        Chart.Column<double, string, string>(values: Array.Empty<double>(), Keys: Array.Empty<string>()).Style($"{title} (no reviewed figures)", showLegend: false);

    /// <summary>
    /// One bar per period (<see cref="FigureSeries.ByPeriod"/>: the value most statements give, totals of charted
    /// periods left out), hover: every statement with its quote; optionally the running total.
    /// </summary>
    /// <param name="figures">The statements to chart, e.g. one measure of one entity.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="yTitle">y-axis title (the unit after <paramref name="scale"/>).</param>
    /// <param name="scale">Divides every value, e.g. 1e9 for billions.</param>
    /// <param name="cumulative">Adds the running total as a line.</param>
    public static GenericChart OverTime(IEnumerable<ReportedFigure> figures, string title, string yTitle, double scale = 1, bool cumulative = false)
    {
        if (!figures.Any()) return Empty(title);
        var periods = FigureSeries.ByPeriod(figures);
        var labels = periods.Select(p => p.Period).ToArray();
        var values = periods.Select(p => p.Value / scale).ToArray();
        var hover = periods.Select(p => $"{p.Statements.Length} statement{(p.Statements.Length == 1 ? "" : "s")}<br>{Cite(p.Statements)}").ToArray();
        var bars = Bars(labels, values, hover, cumulative ? "in the period" : null);
        if (!cumulative) return bars.Style(title, xTitle: "period", yTitle: yTitle, height: 420, categoricalX: true, showLegend: false);
        var running = values.Select((_, i) => values.Take(i + 1).Sum()).ToArray();
        var line = Chart.Line<string, double, string>(x: labels, y: running, Name: "running total", ShowMarkers: true, LineColor: Color.fromString(ChartStyle.Colour(1)), MarkerColor: Color.fromString(ChartStyle.Colour(1)));
        return Chart.Combine([bars, line]).Style(title, xTitle: "period", yTitle: yTitle, height: 420, categoricalX: true);
    }

    /// <summary>Every part as a share of every base the texts give: share = 100 · part / base, one series per part value.</summary>
    public static GenericChart SharesOfBases(IEnumerable<ReportedFigure> parts, IEnumerable<ReportedFigure> bases, string title, string partName, string baseName)
    {
        if (!parts.Any() || !bases.Any()) return Empty(title);
        var baseGroups = bases.GroupBy(f => (f.Entity, f.Value)).OrderBy(g => g.Key.Value).ThenBy(g => g.Key.Entity, StringComparer.Ordinal).ToList();
        var partGroups = parts.GroupBy(f => f.Value).OrderBy(g => g.Key).ToList();
        var labels = baseGroups.Select(g => $"{N(g.Key.Value)} ({g.Key.Entity}; {string.Join(", ", g.Select(f => f.Document).Distinct())})").ToArray();
        var series = partGroups.Select((part, i) => Bars(labels, baseGroups.Select(b => Math.Round(100 * part.Key / b.Key.Value, 2)).ToArray(),
            baseGroups.Select(b => $"{N(part.Key)} of {N(b.Key.Value)}<br>{Cite(part.First())}<br>{Cite(b.First())}").ToArray(), $"{N(part.Key)} {partName}", ChartStyle.Colour(i)));
        return Chart.Combine(series).Style(title, xTitle: $"{baseName} (source)", yTitle: $"% of the {baseName}", height: 420, barMode: "group");
    }

    /// <summary>
    /// Grouped bars: periods on the x axis, one series per measure. Figures in different units (a rate per year and a
    /// plain percentage) never share an axis: each unit gets its own panel.
    /// </summary>
    public static GenericChart ByPeriod(IEnumerable<ReportedFigure> figures, string title)
    {
        var list = figures.ToList();
        if (list.Count == 0) return Empty(title);
        var periods = list.Select(f => f.Period).Distinct().Order(StringComparer.Ordinal).ToArray();
        var measures = list.Select(f => f.Measure).Distinct().Order(StringComparer.Ordinal).ToList();
        var units = list.GroupBy(f => f.Unit).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var panels = units.Select(unit => Chart.Combine(unit.GroupBy(f => f.Measure).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var rows = periods.Select(p => g.FirstOrDefault(f => f.Period == p)).ToList();
            var bars = Bars(periods.Select(Label).ToArray(), rows.Select(f => f?.Value ?? double.NaN).ToArray(), rows.Select(f => f is null ? "" : Cite(f)).ToArray(), g.Key, ChartStyle.Colour(measures.IndexOf(g.Key)));
            foreach (var trace in GenericChart.getTraces(bars)) trace.SetProperty("showlegend", units.IndexOf(unit) == units.FindIndex(u => u.Any(f => f.Measure == g.Key)));
            return bars;
        }))).ToList();
        var chart = panels.Count == 1 ? panels[0] : Chart.Grid(panels, 1, panels.Count, SubPlotTitles: units.Select(u => u.Key).ToArray(), XGap: 0.25);
        return chart.Style(title, height: 420, barMode: "group", configure: layout =>
        {
            for (var i = 1; i <= units.Count; i++)
            {
                layout.SetProperty(i == 1 ? "xaxis" : $"xaxis{i}", new Dictionary<string, object> { ["type"] = "category", ["title"] = new Dictionary<string, object> { ["text"] = "period" } });
                layout.SetProperty(i == 1 ? "yaxis" : $"yaxis{i}", new Dictionary<string, object> { ["title"] = new Dictionary<string, object> { ["text"] = units[i - 1].Key } });
            }
        });

        static string Label(string period) => period.EndsWith('-') ? $"from {period.TrimEnd('-')}" : period.Length == 0 ? "(no period)" : period;
    }

    /// <summary>One bar per figure, labelled by <paramref name="label"/>; ratios are shown as percentages when <paramref name="asPercent"/>.</summary>
    public static GenericChart Values(IEnumerable<ReportedFigure> figures, Func<ReportedFigure, string> label, string title, string yTitle, bool asPercent = false, string? xTitle = null)
    {
        var list = figures.ToList();
        if (list.Count == 0) return Empty(title);
        return Bars(list.Select(label).ToArray(), list.Select(f => asPercent && f.Unit == "ratio" ? Math.Round(100 * f.Value, 1) : f.Value).ToArray(), list.Select(Cite).ToArray())
            .Style(title, xTitle: xTitle, yTitle: yTitle, height: 400, showLegend: false);
    }
}
