using Deedle;

namespace Analysis.Topics;

/// <summary>Topic model results as Deedle frames.</summary>
public static class TopicTables
{
    public static Frame<int, string> Sweep(Sweep sweep) => Frame.FromRecords(sweep.Rows);

    /// <summary>Each K's stability and NPMI beside those of the null sweep (see <see cref="TopicSweep.Null"/>).</summary>
    public static Frame<int, string> AgainstNull(Sweep sweep, Sweep baseline) => Frame.FromRecords(TopicSweep.AgainstNull(sweep, baseline));

    public sealed record TopicRow(string Topic, double Prevalence, string Terms);

    /// <summary>One row per topic: label, prevalence, and the top terms by relevance (λ = 0.6) as written in the texts.</summary>
    public static Frame<int, string> Topics(TopicModel model, int terms = 10, double lambda = 0.6) =>
        Frame.FromRecords(Enumerable.Range(0, model.K).Select(k => new TopicRow(
            model.Label(k), Math.Round(model.Prevalence[k], 3), string.Join(", ", model.TopTerms(k, terms, lambda).Select(t => t.Surface)))));

    public sealed record TypicalRow(string Topic, string Unit, double Share, string Text);

    /// <summary>The units most typical of each topic, quoted (first 160 characters) with their id.</summary>
    public static Frame<int, string> Typical(TopicModel model, int n = 3) =>
        Frame.FromRecords(Enumerable.Range(0, model.K).SelectMany(k => model.Typical(k, n).Select(t =>
            new TypicalRow($"T{k + 1}", t.Unit.Id, Math.Round(t.Share, 2), t.Unit.Text.Length <= 160 ? t.Unit.Text : t.Unit.Text[..159] + "…"))));

    /// <summary>
    /// Topic shares per document (or per group of a <paramref name="grouping"/>): θ averaged over the units, weighted by
    /// their term counts.
    /// </summary>
    public static IReadOnlyList<(string Document, double[] Shares)> DocumentShares(TopicModel model, Grouping? grouping = null) =>
        [.. model.Documents.Units.Select((u, i) => (Group: grouping?.Of(u.DocumentId) ?? u.DocumentId, i)).GroupBy(x => x.Group).Select(g =>
        {
            var shares = new double[model.K];
            double total = 0;
            foreach (var (_, i) in g)
            {
                var weight = model.Documents.Terms[i].Length;
                total += weight;
                for (var k = 0; k < model.K; k++) shares[k] += model.Theta[i][k] * weight;
            }
            return (g.Key, shares.Select(s => s / total).ToArray());
        })];
}
