using Analysis.Topics;
using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace Analysis;

/// <summary>Charts of topic models.</summary>
public static class TopicCharts
{
    /// <summary>NPMI, UMass and stability against K, one panel each.</summary>
    public static GenericChart Sweep(IReadOnlyList<SweepRow> rows, int chosen)
    {
        var ks = rows.Select(r => r.K).ToArray();
        GenericChart Panel(string name, Func<SweepRow, double> value, string colour) =>
            Chart.Line<int, double, string>(x: ks, y: rows.Select(value).ToArray(), Name: name, ShowMarkers: true, LineColor: Color.fromString(colour), MarkerColor: Color.fromString(colour));
        return Chart.Grid([Panel("NPMI (higher is better)", r => r.Npmi, "#4c72b0"), Panel("UMass (closer to 0 is better)", r => r.UMass, "#55a868"), Panel("stability (Jaccard, 1 = same topics)", r => r.Stability, "#c44e52")],
                1, 3, SubPlotTitles: new[] { "NPMI", "UMass", "stability" }, XGap: 0.3)
            .Style($"Choosing K: coherence and stability over {TopicSweep.DefaultOrders.Length} unit orders (chosen: K = {chosen})", height: 360);
    }

    /// <summary>Units × topics, grouped by document (rows in corpus order), coloured by θ.</summary>
    public static GenericChart UnitHeatmap(TopicModel model)
    {
        var labels = Enumerable.Range(0, model.K).Select(k => $"T{k + 1}").ToArray();
        return Chart.Heatmap<double, string, string, string>(
                zData: model.Theta.Select(r => r.Select(v => Math.Round(v, 3)).ToArray()).ToArray(),
                X: labels,
                Y: model.Documents.Units.Select(u => u.Id).ToArray(),
                ColorScale: StyleParam.Colorscale.Viridis,
                ReverseYAxis: true)
            .Style("Topic shares of every paragraph and comment (θ), grouped by document", height: 120 + 11 * model.Theta.Length);
    }

    /// <summary>Stacked bars: each document's mix of topics.</summary>
    public static GenericChart DocumentShares(TopicModel model)
    {
        var shares = TopicTables.DocumentShares(model);
        var bars = Enumerable.Range(0, model.K).Select(k => Chart.Bar<double, string, string>(
            values: shares.Select(s => Math.Round(s.Shares[k], 3)).ToArray(),
            Keys: shares.Select(s => s.Document).ToArray(),
            Name: model.Label(k)));
        return Chart.Combine(bars).Style("Topic share per document (θ weighted by unit length)", xTitle: "share of the document's terms", height: 380,
            barMode: "stack");
    }

    /// <summary>Intertopic distance map: classical MDS of Jensen–Shannon distances; bubble area ∝ prevalence.</summary>
    public static GenericChart DistanceMap(TopicModel model)
    {
        var points = IntertopicDistance.Mds(IntertopicDistance.Distances(model.Phi));
        var sizes = model.Prevalence.Select(p => (int)Math.Round(20 + 200 * Math.Sqrt(p))).ToArray();
        return Chart.Bubble<double, double, string>(
                x: points.Select(p => Math.Round(p.X, 4)).ToArray(),
                y: points.Select(p => Math.Round(p.Y, 4)).ToArray(),
                sizes: sizes,
                MultiText: Enumerable.Range(0, model.K).Select(model.Label).ToArray(),
                TextPosition: StyleParam.TextPosition.TopCenter,
                MarkerColor: Color.fromString("rgba(76,114,176,0.5)"))
            .Style("Intertopic distances (Jensen–Shannon, classical MDS); bubble size: prevalence", xTitle: "PC1", yTitle: "PC2", height: 520,
                showLegend: false);
    }
}
