namespace Analysis.Text;

/// <summary>
/// How evenly a term is spread over the parts of a corpus: <see cref="Range"/> is the number of parts that use it,
/// <see cref="DP"/> Gries's deviation of proportions (0 = spread exactly as the parts' sizes, near 1 = all in one small part).
/// </summary>
public sealed record DispersionRow(string Term, string Surface, int N, int Range, int Parts, double DP);

/// <summary>Dispersion of every counted term over parts (documents, units, authors) of a token table.</summary>
public static class Dispersion
{
    /// <summary>
    /// Gries (2008): with s_i the share of all counted tokens that part i holds and v_i the share of the term's occurrences in
    /// part i, DP = ½ Σ_i |v_i − s_i|. Range = parts with at least one occurrence. Parts are what <paramref name="partOf"/>
    /// gives each unit (null leaves the unit out), e.g. its document: <c>u =&gt; u.DocumentId</c>.
    /// </summary>
    public static IReadOnlyList<DispersionRow> Of(TokenTable tokens, Func<ITextUnit, string?> partOf)
    {
        var counts = TermCounts.Count(tokens, partOf);
        var total = (double)counts.Totals.Values.Sum();
        var partCount = counts.Totals.Count;
        // A part without the term adds |0 − s_i| = s_i: the sum runs over the parts that use the term, and the parts that
        // do not add 1 − Σ s_i of the others, so the cost is one step per row, not one per term and part.
        return [.. counts.Rows.GroupBy(r => r.Term).Select(g =>
        {
            var n = g.Sum(r => r.N);
            double used = 0, share = 0;
            foreach (var r in g)
            {
                var s = counts.Totals[r.Group] / total;
                used += Math.Abs((double)r.N / n - s);
                share += s;
            }
            var dp = 0.5 * (used + Math.Max(0, 1 - share));
            return new DispersionRow(g.Key, counts.Surface(g.Key), n, g.Count(), partCount, Math.Round(dp, 3));
        }).OrderByDescending(r => r.N).ThenBy(r => r.Term, StringComparer.Ordinal)];
    }
}
