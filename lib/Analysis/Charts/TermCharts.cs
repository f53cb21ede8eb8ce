using Analysis.Text;
using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace Analysis;

/// <summary>Charts of term statistics.</summary>
public static class TermCharts
{
    /// <summary>Small multiples: the <paramref name="n"/> most frequent terms of each group, per 10,000 counted tokens.</summary>
    public static GenericChart TopTerms(TermCounts counts, int n = 10)
    {
        var groups = counts.Groups.ToList();
        var charts = groups.Select(g =>
        {
            var top = counts.Top(g, n).Reverse().ToList();
            return Chart.Bar<double, string, string>(
                values: top.Select(r => Math.Round(10_000.0 * r.N / counts.Totals[g], 1)).ToArray(),
                Keys: top.Select(r => counts.Surface(r.Term)).ToArray(),
                Name: g,
                ShowLegend: false,
                MultiText: top.Select(r => r.N.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
                MarkerColor: Color.fromString("#4c72b0"));
        });
        var columns = Math.Min(3, groups.Count);
        var rows = (groups.Count + columns - 1) / columns;
        return Chart.Grid(charts, rows, columns, SubPlotTitles: groups.ToArray(), XGap: 0.35, YGap: 0.25)
            .Style($"Most frequent terms per document (per 10,000 counted tokens; bar labels: counts)", height: 330 * rows);
    }

    /// <summary>Documents × top terms, coloured by frequency per 10,000 counted tokens.</summary>
    public static GenericChart Heatmap(TermCounts counts, int perGroup = 6)
    {
        var terms = counts.Groups.SelectMany(g => counts.Top(g, perGroup).Select(r => r.Term)).Distinct().ToList();
        var groups = counts.Groups.ToList();
        var z = terms.Select(t => groups.Select(g => Math.Round(10_000.0 * counts.Count(g, t) / counts.Totals[g], 1)).ToArray()).ToArray();
        return Chart.Heatmap<double, string, string, string>(
                zData: z,
                X: groups.ToArray(),
                Y: terms.Select(counts.Surface).ToArray(),
                ColorScale: StyleParam.Colorscale.Viridis,
                ReverseYAxis: true)
            .Style("Top terms across documents (per 10,000 counted tokens)", height: 60 + 22 * terms.Count);
    }

    /// <summary>Mentions of each term family per document, per 10,000 words.</summary>
    public static GenericChart Mentions(IReadOnlyList<MentionRow> rows)
    {
        var families = rows.Select(r => r.Family).Distinct().ToList();
        var bars = families.Select(f =>
        {
            var rs = rows.Where(r => r.Family == f).ToList();
            return Chart.Column<double, string, string>(
                values: rs.Select(r => r.Per10k).ToArray(),
                Keys: rs.Select(r => r.Document).ToArray(),
                Name: f,
                MultiText: rs.Select(r => $"{r.Mentions}: {r.Forms}").ToArray());
        });
        return Chart.Combine(bars).Style("How often each text speaks of AI, work and jobs (per 10,000 words)", yTitle: "mentions per 10,000 words", height: 420,
            barMode: "group");
    }
}

/// <summary>Diverging bars of keyness: Log Ratio per term, coloured by significance of G2.</summary>
public static class KeynessChart
{
    public static GenericChart Create(IReadOnlyList<KeynessRow> rows, string target, string reference, int n = 12)
    {
        var shown = Measures.TopKeyness(rows, n).OrderBy(r => r.LogRatio).ToList();
        var colours = shown.Select(r => r.Significant ? (r.LogRatio > 0 ? "#c44e52" : "#4c72b0") : "#bbbbbb").ToArray();
        var bar = Chart.Bar<double, string, string>(
            values: shown.Select(r => Math.Round(r.LogRatio, 2)).ToArray(),
            Keys: shown.Select(r => r.Surface).ToArray(),
            ShowLegend: false,
            MultiText: shown.Select(r => $"{r.Target} vs {r.Reference}, G2 {r.G2:0.0}").ToArray());
        return bar.Style($"Keyness: {target} against {reference}", xTitle: $"Log Ratio (log2 of relative frequencies; > 0: more in {target}). Coloured: p < 0.05 by G2", height: 80 + 24 * shown.Count,
            showLegend: false)
            .WithMarkerColors(colours);
    }

    private static GenericChart WithMarkerColors(this GenericChart chart, string[] colours)
    {
        foreach (var trace in GenericChart.getTraces(chart))
            trace.SetProperty("marker", new Dictionary<string, object> { ["color"] = colours });
        return chart;
    }
}
