using System.Runtime.InteropServices;
using Analysis.Text;
using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace Analysis;

/// <summary>Charts of term statistics.</summary>
public static class TermCharts
{
    /// <summary>Small multiples: the <paramref name="n"/> most frequent terms of each group, per 10,000 counted tokens.</summary>
    public static GenericChart TopTerms(TermCounts counts, int n = 10, string groupName = "document")
    {
        var groups = counts.Groups.ToList();
        double Rate(string g, TermCount r) => Math.Round(10_000.0 * r.N / counts.Totals[g], 1);
        var charts = groups.Select(g =>
        {
            var top = counts.Top(g, n).Reverse().ToList();
            var bar = Chart.Bar<double, string, string>(
                values: top.Select(r => Rate(g, r)).ToArray(),
                Keys: top.Select(r => counts.Surface(r.Term)).ToArray(),
                Name: g,
                ShowLegend: false,
                MultiText: top.Select(r => r.N.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
                MarkerColor: Color.fromString(ChartStyle.Colour(0)));
            foreach (var trace in GenericChart.getTraces(bar)) trace.SetProperty("textposition", "outside"); // counts beside the bars, horizontal
            return bar;
        });
        var columns = Math.Min(3, groups.Count);
        var rows = (groups.Count + columns - 1) / columns;
        // One scale for every panel, so that bar lengths compare across documents.
        var max = groups.Max(g => counts.Top(g, n).Select(r => Rate(g, r)).DefaultIfEmpty(0).Max()) * 1.2;
        return Chart.Grid(charts, rows, columns, SubPlotTitles: groups.ToArray(), XGap: 0.35, YGap: 0.3)
            .Style($"Most frequent terms per {groupName} (bar labels: counts)", height: 330 * rows, configure: layout =>
            {
                for (var i = 1; i <= groups.Count; i++)
                    layout.SetProperty(i == 1 ? "xaxis" : $"xaxis{i}", new Dictionary<string, object> { ["range"] = new[] { 0, max }, ["title"] = new Dictionary<string, object> { ["text"] = "per 10,000 counted tokens" } });
            });
    }

    /// <summary>Documents × top terms, coloured by frequency per 10,000 counted tokens.</summary>
    public static GenericChart Heatmap(TermCounts counts, int perGroup = 6, string groupName = "document")
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
            .Style($"Top terms across {groupName}s (per 10,000 counted tokens)", xTitle: groupName, height: 100 + 22 * terms.Count, configure: layout =>
                // Style's axes replace the chart's: the first term stays on top, every term labelled.
                layout.SetProperty("yaxis", new Dictionary<string, object> { ["autorange"] = "reversed", ["dtick"] = 1, ["title"] = new Dictionary<string, object> { ["text"] = "term" } }));
    }

    /// <summary>Mentions of each term family per document (or group), per 10,000 words.</summary>
    public static GenericChart Mentions(IReadOnlyList<MentionRow> rows, string groupName = "document")
    {
        var families = rows.Select(r => r.Family).Distinct().ToList();
        var bars = families.Select(f =>
        {
            var rs = rows.Where(r => r.Family == f).ToList();
            return Chart.Column<double, string, string>(
                values: rs.Select(r => r.Per10k).ToArray(),
                Keys: rs.Select(r => r.Document).ToArray(),
                Name: f,
                MarkerColor: Color.fromString(ChartStyle.Colour(families.IndexOf(f))),
                MultiText: rs.Select(r => r.Mentions.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        }).Select((chart, i) =>
        {
            // The word forms go to the hover, not into the bars.
            var rs = rows.Where(r => r.Family == families[i]).ToList();
            foreach (var trace in GenericChart.getTraces(chart))
            {
                trace.SetProperty("hovertext", rs.Select(r => $"{r.Mentions} mentions: {r.Forms}").ToArray());
                trace.SetProperty("textposition", "outside");
            }
            return chart;
        });
        return Chart.Combine(bars).Style($"Mentions of each family of words per 10,000 words (bar labels: mentions)", xTitle: groupName, yTitle: "mentions per 10,000 words", height: 420,
            barMode: "group");
    }
}

/// <summary>Where terms stand in each text: a dispersion ("x-ray") plot.</summary>
public static class DispersionChart
{
    /// <summary>
    /// One row per document (the <paramref name="maxDocuments"/> longest, if there are more), one mark per occurrence of each
    /// term at its position in the document (0 = its first counted token, 1 = its last), running text and comments in
    /// order. A term is matched on its key, as <see cref="Kwic.Find(TokenTable, string, int, bool)"/> matches it.
    /// </summary>
    public static GenericChart Create(TokenTable tokens, IReadOnlyList<string> terms, int maxDocuments = 12)
    {
        var pipeline = new TermPipeline(tokens.Options);
        var keys = terms.Select(t => (Term: t, Keys: new HashSet<string>([pipeline.Key(t), pipeline.Key(t, opensSentence: false)], StringComparer.Ordinal))).ToList();
        // Counted tokens per document first, so that only the documents shown have their rows made (a row per token of a
        // 100,000-document corpus would take gigabytes).
        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var u = 0; u < tokens.Units.Length; u++)
        {
            var n = 0;
            for (var i = tokens.UnitStart(u); i < tokens.UnitStart(u + 1); i++) if (tokens.IsCounted(i)) n++;
            if (n > 0) CollectionsMarshal.GetValueRefOrAddDefault(sizes, tokens.Units[u].DocumentId, out _) += n;
        }
        var shown = sizes.OrderByDescending(d => d.Value).ThenBy(d => d.Key, StringComparer.Ordinal).Take(maxDocuments).Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        var byDocument = Enumerable.Range(0, tokens.Units.Length).Where(u => shown.Contains(tokens.Units[u].DocumentId))
            .SelectMany(u => tokens.RowsOf(u)).Where(r => r.Counted).GroupBy(r => r.Unit.DocumentId).Select(g => (Document: g.Key, Rows: g.ToList()))
            .OrderBy(d => d.Document, StringComparer.Ordinal).ToList();
        var traces = keys.Select((term, i) =>
        {
            var marks = byDocument.SelectMany(d => d.Rows.Select((r, at) => (r, at)).Where(x => term.Keys.Contains(x.r.Key))
                .Select(x => (X: Math.Round((double)x.at / Math.Max(1, d.Rows.Count - 1), 4), Y: d.Document, Text: $"{x.r.Unit.Id}: {x.r.Surface}"))).ToList();
            var chart = Chart.Point<double, string, string>(x: [.. marks.Select(m => m.X)], y: [.. marks.Select(m => m.Y)], Name: term.Term, MultiText: marks.Select(m => m.Text).ToArray());
            foreach (var trace in GenericChart.getTraces(chart))
            {
                trace.SetProperty("marker", new Dictionary<string, object> { ["symbol"] = "line-ns-open", ["size"] = 14, ["color"] = ChartStyle.Colour(i) });
                trace.SetProperty("mode", "markers");
                trace.SetProperty("hoverinfo", "text");
            }
            return chart;
        });
        return Chart.Combine(traces).Style($"Where the terms stand in each text ({string.Join(", ", terms)}; one mark per occurrence)",
            xTitle: "position in the text (0 = start, 1 = end)", yTitle: "document", height: 120 + 40 * byDocument.Count);
    }
}

/// <summary>Diverging bars of keyness: Log Ratio per term, coloured by significance of G2.</summary>
public static class KeynessChart
{
    public static GenericChart Create(IReadOnlyList<KeynessRow> rows, string target, string reference, int n = 12)
    {
        var shown = Measures.TopKeyness(rows, n).OrderBy(r => r.LogRatio).ToList();
        var colours = shown.Select(r => r.Significant ? (r.LogRatio > 0 ? ChartStyle.Colour(1) : ChartStyle.Colour(0)) : ChartStyle.Muted).ToArray();
        var bar = Chart.Bar<double, string, string>(
            values: shown.Select(r => Math.Round(r.LogRatio, 2)).ToArray(),
            Keys: shown.Select(r => r.Surface).ToArray(),
            ShowLegend: false,
            MultiText: shown.Select(r => $"{r.Target} vs {r.Reference}").ToArray());
        var hover = shown.Select(r => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{r.Surface}: {r.Target} vs {r.Reference}, G2 {r.G2:0.0}, q {r.Q:0.000}, Log Ratio {r.LogRatio:0.00} (95 % interval {r.LogRatioLow:0.0} to {r.LogRatioHigh:0.0})")).ToArray();
        foreach (var trace in GenericChart.getTraces(bar)) { trace.SetProperty("hovertext", hover); trace.SetProperty("hoverinfo", "text"); trace.SetProperty("textposition", "inside"); }
        return bar.Style($"Keyness: {target} against {reference}", xTitle: $"Log Ratio with 95 % interval (> 0: more in {target}); coloured: q < 0.05", yTitle: "term", height: 80 + 24 * shown.Count,
            showLegend: false)
            .WithMarkerColors(colours)
            .WithErrorBars([.. shown.Select(r => Math.Round(r.LogRatioHigh - r.LogRatio, 2))], [.. shown.Select(r => Math.Round(r.LogRatio - r.LogRatioLow, 2))]);
    }

    private static GenericChart WithErrorBars(this GenericChart chart, double[] plus, double[] minus)
    {
        foreach (var trace in GenericChart.getTraces(chart))
            trace.SetProperty("error_x", new Dictionary<string, object> { ["type"] = "data", ["symmetric"] = false, ["array"] = plus, ["arrayminus"] = minus, ["color"] = "#555" });
        return chart;
    }

    private static GenericChart WithMarkerColors(this GenericChart chart, string[] colours)
    {
        foreach (var trace in GenericChart.getTraces(chart))
            trace.SetProperty("marker", new Dictionary<string, object> { ["color"] = colours });
        return chart;
    }
}
