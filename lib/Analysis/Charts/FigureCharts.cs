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
    private static readonly string[] Palette = ["#4c72b0", "#c44e52", "#55a868", "#8172b2", "#ccb974", "#64b5cd"];

    private static string Cite(ReportedFigure f) => $"{f.Document}: „{f.Quote}“";

    private static string Cite(IEnumerable<ReportedFigure> figures) => string.Join("<br>", figures.Select(Cite));

    private static string N(double v) => Math.Abs(v) >= 1000 ? v.ToString("#,0", CultureInfo.InvariantCulture) : v.ToString("0.###", CultureInfo.InvariantCulture);

    private static GenericChart Bars(IReadOnlyList<string> keys, IReadOnlyList<double> values, IReadOnlyList<string> hover, string? name = null, string colour = "#4c72b0")
    {
        var chart = Chart.Column<double, string, string>(values: values, Keys: keys.ToArray(), Name: name ?? "", MarkerColor: Color.fromString(colour));
        foreach (var trace in GenericChart.getTraces(chart))
        {
            trace.SetProperty("hovertext", hover.ToArray());
            trace.SetProperty("hoverinfo", "x+y+text");
            trace.SetProperty("text", values.Select(N).ToArray());
            trace.SetProperty("textposition", "outside");
        }
        return chart;
    }

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
        var periods = FigureSeries.ByPeriod(figures);
        var labels = periods.Select(p => p.Period).ToArray();
        var values = periods.Select(p => p.Value / scale).ToArray();
        var hover = periods.Select(p => $"{p.Statements.Length} statement{(p.Statements.Length == 1 ? "" : "s")}<br>{Cite(p.Statements)}").ToArray();
        var bars = Bars(labels, values, hover, cumulative ? "in the period" : null);
        if (!cumulative) return bars.Style(title, xTitle: "period", yTitle: yTitle, height: 420, categoricalX: true, showLegend: false);
        var running = values.Select((_, i) => values.Take(i + 1).Sum()).ToArray();
        var line = Chart.Line<string, double, string>(x: labels, y: running, Name: "running total", ShowMarkers: true, LineColor: Color.fromString(Palette[1]), MarkerColor: Color.fromString(Palette[1]));
        return Chart.Combine([bars, line]).Style(title, xTitle: "period", yTitle: yTitle, height: 420, categoricalX: true);
    }

    /// <summary>Every part as a share of every base the texts give: share = 100 · part / base, one series per part value.</summary>
    public static GenericChart SharesOfBases(IEnumerable<ReportedFigure> parts, IEnumerable<ReportedFigure> bases, string title, string partName, string baseName)
    {
        var baseGroups = bases.GroupBy(f => (f.Entity, f.Value)).OrderBy(g => g.Key.Value).ThenBy(g => g.Key.Entity, StringComparer.Ordinal).ToList();
        var partGroups = parts.GroupBy(f => f.Value).OrderBy(g => g.Key).ToList();
        var labels = baseGroups.Select(g => $"{N(g.Key.Value)} ({g.Key.Entity}; {string.Join(", ", g.Select(f => f.Document).Distinct())})").ToArray();
        var series = partGroups.Select((part, i) => Bars(labels, baseGroups.Select(b => Math.Round(100 * part.Key / b.Key.Value, 2)).ToArray(),
            baseGroups.Select(b => $"{N(part.Key)} of {N(b.Key.Value)}<br>{Cite(part.First())}<br>{Cite(b.First())}").ToArray(), $"{N(part.Key)} {partName}", Palette[i % Palette.Length]));
        return Chart.Combine(series).Style(title, xTitle: $"{baseName} (source)", yTitle: $"% of the {baseName}", height: 420, barMode: "group");
    }

    /// <summary>Grouped bars: periods on the x axis, one series per measure (and unit, so that rates per year and plain percentages are told apart).</summary>
    public static GenericChart ByPeriod(IEnumerable<ReportedFigure> figures, string title, string yTitle)
    {
        var list = figures.ToList();
        var periods = list.Select(f => f.Period).Distinct().Order(StringComparer.Ordinal).ToArray();
        var series = list.GroupBy(f => $"{f.Measure} ({f.Unit})").OrderBy(g => g.Key, StringComparer.Ordinal).Select((g, i) =>
        {
            var rows = periods.Select(p => g.FirstOrDefault(f => f.Period == p)).ToList();
            return Bars(periods.Select(Label).ToArray(), rows.Select(f => f?.Value ?? double.NaN).ToArray(), rows.Select(f => f is null ? "" : Cite(f)).ToArray(), g.Key, Palette[i % Palette.Length]);
        });
        return Chart.Combine(series).Style(title, xTitle: "period", yTitle: yTitle, height: 420, barMode: "group", categoricalX: true);

        static string Label(string period) => period.EndsWith('-') ? $"from {period.TrimEnd('-')}" : period.Length == 0 ? "(no period)" : period;
    }

    /// <summary>One bar per figure, labelled by <paramref name="label"/>; ratios are shown as percentages when <paramref name="asPercent"/>.</summary>
    public static GenericChart Values(IEnumerable<ReportedFigure> figures, Func<ReportedFigure, string> label, string title, string yTitle, bool asPercent = false)
    {
        var list = figures.ToList();
        return Bars(list.Select(label).ToArray(), list.Select(f => asPercent && f.Unit == "ratio" ? Math.Round(100 * f.Value, 1) : f.Value).ToArray(), list.Select(Cite).ToArray())
            .Style(title, yTitle: yTitle, height: 400, showLegend: false);
    }
}
