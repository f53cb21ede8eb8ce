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
        // The units of each part; parts in ordinal order of their names, the order in which each term's sum runs.
        var partIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var units = new List<List<int>>();
        for (var u = 0; u < tokens.Units.Length; u++)
        {
            if (partOf(tokens.Units[u]) is not { } part) continue;
            if (!partIndex.TryGetValue(part, out var p)) { partIndex[part] = p = units.Count; units.Add([]); }
            units[p].Add(u);
        }
        var parts = partIndex.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => units[p.Value]).ToList();
        // First pass: each key's count, each form's count (for the display form) and each part's size.
        var keyN = new int[tokens.KeyCount];
        var typeCounts = new int[tokens.TypeCount];
        var size = new int[parts.Count];
        for (var p = 0; p < parts.Count; p++)
            foreach (var u in parts[p])
                for (var i = tokens.UnitStart(u); i < tokens.UnitStart(u + 1); i++)
                {
                    if (!tokens.IsCounted(i)) continue;
                    var type = tokens.TypeIdOf(i);
                    keyN[tokens.KeyIdOfType(type)]++;
                    typeCounts[type]++;
                    size[p]++;
                }
        var total = (double)size.Sum();
        // Second pass, one part at a time: a part without the term adds |0 − s_i| = s_i, so the sum runs over the parts that
        // use the term, and the parts that do not add 1 − Σ s_i of the others. Memory: a few numbers per key, no row per
        // (term, part).
        var used = new double[keyN.Length];
        var share = new double[keyN.Length];
        var range = new int[keyN.Length];
        var inPart = new int[keyN.Length];
        var touched = new List<int>();
        for (var p = 0; p < parts.Count; p++)
        {
            foreach (var u in parts[p])
                for (var i = tokens.UnitStart(u); i < tokens.UnitStart(u + 1); i++)
                {
                    if (!tokens.IsCounted(i)) continue;
                    var key = tokens.KeyIdOfType(tokens.TypeIdOf(i));
                    if (inPart[key]++ == 0) touched.Add(key);
                }
            var s = size[p] / total;
            foreach (var key in touched)
            {
                used[key] += Math.Abs((double)inPart[key] / keyN[key] - s);
                share[key] += s;
                range[key]++;
                inPart[key] = 0;
            }
            touched.Clear();
        }
        var surfaces = TermCounts.DisplayForms(typeCounts, tokens.KeyIdOfType, tokens.SurfaceOfType);
        return [.. Enumerable.Range(0, keyN.Length).Where(k => keyN[k] > 0)
            .Select(k => new DispersionRow(tokens.KeyOf(k), surfaces[k].Surface, keyN[k], range[k], parts.Count, Math.Round(0.5 * (used[k] + Math.Max(0, 1 - share[k])), 3)))
            .OrderByDescending(r => r.N).ThenBy(r => r.Term, StringComparer.Ordinal)];
    }
}
