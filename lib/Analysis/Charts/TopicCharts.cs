using Analysis.Topics;
using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace Analysis;

/// <summary>Charts of topic models.</summary>
public static class TopicCharts
{
    /// <summary>NPMI, UMass and stability against K, one panel each.</summary>
    /// <remarks>With a <paramref name="baseline"/> (the null sweep on shuffled units), each panel also shows its line, grey.</remarks>
    public static GenericChart Sweep(Sweep sweep, int chosen, Sweep? baseline = null)
    {
        var rows = sweep.Rows;
        var orders = sweep.Fits / Math.Max(1, rows.Length);
        var ks = rows.Select(r => r.K).ToArray();
        GenericChart Line(Sweep s, string name, Func<SweepRow, double> value, string colour, bool legend) =>
            Chart.Line<int, double, string>(x: [.. s.Rows.Select(r => r.K)], y: s.Rows.Select(value).ToArray(), Name: name, ShowMarkers: true, ShowLegend: legend,
                LineColor: Color.fromString(colour), MarkerColor: Color.fromString(colour));
        GenericChart Panel(string name, Func<SweepRow, double> value, string colour, bool first) => baseline is null
            ? Line(sweep, name, value, colour, true)
            : Chart.Combine([Line(sweep, name, value, colour, true), Line(baseline, first ? "null: shuffled units" : "null ", value, ChartStyle.Muted, first)]);
        return Chart.Grid([Panel("NPMI (higher is better)", r => r.Npmi, ChartStyle.Colour(0), true), Panel("UMass (closer to 0 is better)", r => r.UMass, ChartStyle.Colour(2), false),
                    Panel("stability (Jaccard, 1 = same topics)", r => r.Stability, ChartStyle.Colour(1), false)],
                1, 3, SubPlotTitles: new[] { "NPMI", "UMass", "stability" }, XGap: 0.3)
            .Style($"Choosing K over {orders} unit orders{(baseline is null ? "" : "; grey: shuffled units")}; dashed: the chosen K = {chosen}", height: 380, configure: layout =>
            {
                // Every panel: K on the x axis, and a dashed line at the chosen K.
                for (var i = 1; i <= 3; i++)
                    layout.SetProperty(i == 1 ? "xaxis" : $"xaxis{i}", new Dictionary<string, object> { ["title"] = new Dictionary<string, object> { ["text"] = "K (topics)" }, ["dtick"] = 1 });
                layout.SetProperty("shapes", Enumerable.Range(1, 3).Select(i => new Dictionary<string, object>
                {
                    ["type"] = "line", ["xref"] = i == 1 ? "x" : $"x{i}", ["yref"] = i == 1 ? "y domain" : $"y{i} domain",
                    ["x0"] = chosen, ["x1"] = chosen, ["y0"] = 0, ["y1"] = 1, ["line"] = new Dictionary<string, object> { ["color"] = ChartStyle.Palette[6], ["dash"] = "dash", ["width"] = 1.5 },
                }).ToArray());
            });
    }

    /// <summary>Units × topics, grouped by document (rows in corpus order), coloured by θ.</summary>
    public static GenericChart UnitHeatmap(TopicModel model)
    {
        var labels = Enumerable.Range(0, model.K).Select(k => $"T{k + 1}").ToArray();
        var units = model.Documents.Units;
        // A line where one document's units end and the next one's begin (rows are category positions 0, 1, …).
        var boundaries = Enumerable.Range(1, Math.Max(0, units.Length - 1)).Where(i => units[i].DocumentId != units[i - 1].DocumentId).Select(i => new Dictionary<string, object>
        {
            ["type"] = "line", ["xref"] = "paper", ["yref"] = "y", ["x0"] = 0, ["x1"] = 1, ["y0"] = i - 0.5, ["y1"] = i - 0.5,
            ["line"] = new Dictionary<string, object> { ["color"] = "#ffffff", ["width"] = 2 },
        }).ToArray();
        return Chart.Heatmap<double, string, string, string>(
                zData: model.Theta.Select(r => r.Select(v => Math.Round(v, 3)).ToArray()).ToArray(),
                X: labels,
                Y: units.Select(u => u.Id).ToArray(),
                ColorScale: StyleParam.Colorscale.Viridis,
                ReverseYAxis: true)
            .Style("Topic shares of every paragraph and comment (θ), grouped by document (white lines between documents)", xTitle: "topic", yTitle: "unit",
                height: 140 + 14 * model.Theta.Length, configure: layout =>
                {
                    layout.SetProperty("yaxis", new Dictionary<string, object> { ["autorange"] = "reversed", ["dtick"] = 1, ["title"] = new Dictionary<string, object> { ["text"] = "unit" } });
                    layout.SetProperty("shapes", boundaries);
                });
    }

    /// <summary>Stacked bars: each document's (or group's) mix of topics.</summary>
    public static GenericChart DocumentShares(TopicModel model, Grouping? grouping = null)
    {
        var shares = TopicTables.DocumentShares(model, grouping);
        var name = grouping?.Name ?? "document";
        var bars = Enumerable.Range(0, model.K).Select(k => Chart.Bar<double, string, string>(
            values: shares.Select(s => Math.Round(s.Shares[k], 3)).ToArray(),
            Keys: shares.Select(s => s.Document).ToArray(),
            Name: model.Label(k),
            MarkerColor: Color.fromString(ChartStyle.Colour(k))));
        return Chart.Combine(bars).Style($"Topic share per {name} (θ weighted by unit length)", xTitle: $"share of the {name}'s terms", yTitle: name,
            height: Math.Max(380, 120 + 24 * shares.Count), barMode: "stack");
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
                MarkerColor: Color.fromString(ChartStyle.Colour(0)), Opacity: 0.5)
            .Style("Intertopic distances (Jensen–Shannon, classical MDS); bubble size: prevalence", xTitle: "PC1", yTitle: "PC2", height: 520,
                showLegend: false);
    }
}
