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
        var parts = counts.Totals.Keys.Order(StringComparer.Ordinal).ToList();
        return [.. counts.Rows.GroupBy(r => r.Term).Select(g =>
        {
            var n = g.Sum(r => r.N);
            var byPart = g.ToDictionary(r => r.Group, r => r.N, StringComparer.Ordinal);
            var dp = 0.5 * parts.Sum(p => Math.Abs((double)byPart.GetValueOrDefault(p) / n - counts.Totals[p] / total));
            return new DispersionRow(g.Key, counts.Surface(g.Key), n, byPart.Count, parts.Count, Math.Round(dp, 3));
        }).OrderByDescending(r => r.N).ThenBy(r => r.Term, StringComparer.Ordinal)];
    }
}
