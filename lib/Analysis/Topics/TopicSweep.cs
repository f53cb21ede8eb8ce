using System.Collections.Immutable;

namespace Analysis.Topics;

/// <summary>One K of the sweep. No timings here: outputs must not change between runs (timings are in bench/).</summary>
public sealed record SweepRow(int K, double Npmi, double UMass, double Stability);

/// <summary>
/// Model choice in the open: fit K = 2…10 with several unit orders each, and report mean NPMI and UMass
/// coherence of the top-10 words and the stability across orders.
/// </summary>
public static class TopicSweep
{
    public static readonly ImmutableArray<int> DefaultOrders = [1, 2, 3];

    public static IReadOnlyList<SweepRow> Run(TopicDocuments documents, IEnumerable<int>? ks = null, IReadOnlyList<int>? orders = null, TopicOptions? options = null, IProgress<string>? progress = null)
    {
        orders ??= DefaultOrders;
        options ??= new TopicOptions();
        var units = documents.Terms.Select(t => (IReadOnlyList<string>)t).ToList();
        var unitSets = Coherence.UnitSets(units);
        var rows = new List<SweepRow>();
        foreach (var k in ks ?? Enumerable.Range(2, 9))
        {
            var fits = orders.Select(o =>
            {
                progress?.Report($"K = {k}, order {o}");
                var model = TopicModel.Fit(documents, options with { Topics = k, Order = o });
                return Enumerable.Range(0, k).Select(t => model.TopByProbability(t, 10)).ToList();
            }).ToList();
            var topics = fits.SelectMany(f => f).ToList();
            rows.Add(new SweepRow(k,
                Math.Round(topics.Average(t => Coherence.Npmi(t, units)), 4),
                Math.Round(topics.Average(t => Coherence.UMass(t, unitSets)), 4),
                Math.Round(Coherence.Stability([.. fits.Select(f => (IReadOnlyList<IReadOnlyList<string>>)f)]), 4)));
        }
        return rows;
    }

    /// <summary>How often stability falls from one K to the next, of how many steps (rows in K order).</summary>
    public static (int Falls, int Steps) StabilityDrops(IReadOnlyList<SweepRow> rows)
    {
        var ordered = rows.OrderBy(r => r.K).ToList();
        return (ordered.Zip(ordered.Skip(1)).Count(p => p.Second.Stability < p.First.Stability), Math.Max(0, ordered.Count - 1));
    }

    /// <summary>
    /// The K to use: among the K whose stability is within <paramref name="tolerance"/> of the most stable K,
    /// the one with the highest NPMI (ties: the smaller K). Stability first, because a topic that another order
    /// of the same units does not reproduce is not a finding; coherence then picks among the reproducible.
    /// </summary>
    public static int Choose(IReadOnlyList<SweepRow> rows, double tolerance = 0.1)
    {
        var best = rows.Max(r => r.Stability);
        return rows.Where(r => r.Stability >= best - tolerance).OrderByDescending(r => r.Npmi).ThenBy(r => r.K).First().K;
    }
}
