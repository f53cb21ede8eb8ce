using System.Globalization;
using Analysis.Figures;
using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace Analysis;

/// <summary>
/// Charts of the figures the texts report. Every bar and point carries, on hover, the document and the verbatim
/// quote it comes from. Figures are selected by their curated measure, unit and entity, not by position.
/// </summary>
public static class FigureCharts
{
    private static string Cite(ReportedFigure f) => $"{f.Document}: „{f.Quote}“";

    private static string Cite(IEnumerable<ReportedFigure> figures) => string.Join("<br>", figures.Select(Cite));

    private static string N(double v) => v.ToString("#,0", CultureInfo.InvariantCulture);

    private static GenericChart Bars(IReadOnlyList<string> keys, IReadOnlyList<double> values, IReadOnlyList<string> hover, string? name = null, string colour = "#4c72b0", bool horizontal = false)
    {
        var chart = horizontal
            ? Chart.Bar<double, string, string>(values: values, Keys: keys.ToArray(), Name: name ?? "", MarkerColor: Color.fromString(colour))
            : Chart.Column<double, string, string>(values: values, Keys: keys.ToArray(), Name: name ?? "", MarkerColor: Color.fromString(colour));
        foreach (var trace in GenericChart.getTraces(chart))
        {
            trace.SetProperty("hovertext", hover.ToArray());
            trace.SetProperty("hoverinfo", "x+y+text");
            trace.SetProperty("text", values.Select(v => v >= 1000 ? N(v) : v.ToString("0.##", CultureInfo.InvariantCulture)).ToArray());
            trace.SetProperty("textposition", "auto");
        }
        return chart;
    }

    /// <summary>Amazon's job cuts per period, and the running total.</summary>
    public static GenericChart JobCuts(IReadOnlyList<ReportedFigure> figures)
    {
        var rounds = figures.Where(f => f.Entity == "Amazon" && f.Unit == "jobs" && f.Kind == "reported fact" && f.Measure.EndsWith("job cuts", StringComparison.Ordinal))
            .GroupBy(f => f.Period).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var labels = rounds.Select(g => g.Key).ToArray();
        var values = rounds.Select(g => g.Max(f => f.Value)).ToArray();
        var cumulative = values.Select((_, i) => values.Take(i + 1).Sum()).ToArray();
        var bars = Bars(labels, values, rounds.Select(g => Cite(g)).ToArray(), "job cuts in the period");
        var line = Chart.Line<string, double, string>(x: labels, y: cumulative, Name: "cumulative", ShowMarkers: true, LineColor: Color.fromString("#c44e52"), MarkerColor: Color.fromString("#c44e52"));
        return Chart.Combine([bars, line]).Style("Amazon job cuts reported in the corpus", xTitle: "period", yTitle: "jobs", height: 420, categoricalX: true);
    }

    /// <summary>The two workforce bases the texts use, and what 14,000 and 30,000 cuts are as shares of each.</summary>
    public static GenericChart WorkforceShares(IReadOnlyList<ReportedFigure> figures)
    {
        var bases = figures.Where(f => f.Entity is "Amazon" or "AWS" && f.Unit == "employees" && f.Measure.Contains("workforce", StringComparison.Ordinal))
            .GroupBy(f => f.Value).OrderBy(g => g.Key).ToList();
        var cuts = figures.Where(f => f.Entity == "Amazon" && f.Kind == "reported fact" && (f.Unit == "jobs" && f.Period == "2025-10" || f.Unit == "people" && f.Measure.Contains("both rounds", StringComparison.Ordinal)))
            .GroupBy(f => f.Value).OrderBy(g => g.Key).ToList();
        var labels = bases.Select(g => $"{N(g.Key)} ({string.Join(", ", g.Select(f => f.Kind == "reader comment" ? "reader" : f.Document).Distinct())})").ToArray();
        var colours = new[] { "#4c72b0", "#c44e52", "#55a868" };
        var series = cuts.Select((cut, i) => Bars(labels, bases.Select(b => Math.Round(100 * cut.Key / b.Key, 2)).ToArray(),
            bases.Select(b => $"{N(cut.Key)} of {N(b.Key)}<br>{Cite(cut.First())}<br>{Cite(b.First())}").ToArray(), $"{N(cut.Key)} cut", colours[i % colours.Length]));
        return Chart.Combine(series).Style("Job cuts as a share of each workforce base the texts give", xTitle: "workforce base (employees; source)", yTitle: "% of the base", height: 420,
            barMode: "group");
    }

    /// <summary>Amazon's investment figures, in billions of US dollars.</summary>
    public static GenericChart Investment(IReadOnlyList<ReportedFigure> figures)
    {
        var rows = figures.Where(f => f.Entity == "Amazon" && f.Unit == "USD").OrderBy(f => f.Period, StringComparer.Ordinal).ToList();
        return Bars(rows.Select(f => $"{f.Period}: {f.Measure}").ToArray(), rows.Select(f => f.Value / 1e9).ToArray(), rows.Select(Cite).ToArray())
            .Style("Amazon's AI and data-centre investment (billion US dollars)", yTitle: "billion USD", height: 400);
    }

    /// <summary>US wage growth against real GDP growth, before and after 1979, as the essay states them.</summary>
    public static GenericChart WagesAndGdp(IReadOnlyList<ReportedFigure> figures)
    {
        var us = figures.Where(f => f.Entity == "US economy" && (f.Measure.Contains("wage growth", StringComparison.Ordinal) || f.Measure.Contains("GDP growth", StringComparison.Ordinal))).ToList();
        var periods = us.Select(f => f.Period).Distinct().Order(StringComparer.Ordinal).ToArray();
        GenericChart Series(string measure, string name, string colour)
        {
            var rows = periods.Select(p => us.First(f => f.Period == p && f.Measure.Contains(measure, StringComparison.Ordinal))).ToList();
            return Bars(periods.Select(p => p.EndsWith('-') ? $"from {p.TrimEnd('-')}" : p).ToArray(), rows.Select(f => f.Value).ToArray(), rows.Select(f => $"{Cite(f)} ({f.Unit})").ToArray(), name, colour);
        }
        return Chart.Combine([Series("wage growth", "average wages (% per year)", "#4c72b0"), Series("GDP growth", "real GDP (%, as stated)", "#c44e52")])
            .Style("US wages against real GDP, before and after 1979 (essay)", yTitle: "%", height: 400, barMode: "group");
    }

    /// <summary>The Gini index of US income inequality at the two dates the essay gives.</summary>
    public static GenericChart Gini(IReadOnlyList<ReportedFigure> figures)
    {
        var rows = figures.Where(f => f.Measure.StartsWith("Gini", StringComparison.Ordinal)).OrderBy(f => f.Period, StringComparer.Ordinal).ToList();
        var line = Chart.Line<string, double, string>(x: rows.Select(f => f.Period).ToArray(), y: rows.Select(f => f.Value).ToArray(), ShowMarkers: true, Name: "Gini index");
        foreach (var trace in GenericChart.getTraces(line)) trace.SetProperty("hovertext", rows.Select(Cite).ToArray());
        return line.Style("Gini index of US income inequality (essay)", yTitle: "Gini index (0 = equal, 1 = one household has all)", height: 380, yRange: (0, 0.7));
    }

    /// <summary>Share of US workers in the car industry, then and now, in percent.</summary>
    public static GenericChart CarIndustry(IReadOnlyList<ReportedFigure> figures)
    {
        var rows = figures.Where(f => f.Measure == "share of US workers in the car industry").ToList();
        return Bars(rows.Select(f => f.Period).ToArray(), rows.Select(f => f.Unit == "ratio" ? Math.Round(100 * f.Value, 1) : f.Value).ToArray(), rows.Select(Cite).ToArray())
            .Style("Share of US workers in the car industry (essay)", yTitle: "% of US workers", height: 380);
    }

    /// <summary>An H&amp;M designer's annual pay against a Bangladeshi textile worker's, with the ratio.</summary>
    public static GenericChart Pay(IReadOnlyList<ReportedFigure> figures)
    {
        var designer = figures.Single(f => f.Measure.StartsWith("annual pay of an H&M designer", StringComparison.Ordinal));
        var worker = figures.Single(f => f.Measure.StartsWith("annual income of a textile worker", StringComparison.Ordinal));
        var ratio = designer.Value / worker.Value;
        return Bars(["H&M designer (up to)", "textile worker in Bangladesh"], [designer.Value, worker.Value], [Cite(designer), Cite(worker)], horizontal: false)
            .Style($"Annual pay in US dollars: a designer earns up to {ratio.ToString("0", CultureInfo.InvariantCulture)} times a textile worker (essay)", yTitle: "USD per year", height: 380);
    }
}
