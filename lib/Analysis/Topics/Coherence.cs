namespace Analysis.Topics;

/// <summary>Topic coherence and stability measures, over the units' term sequences.</summary>
public static class Coherence
{
    public const double Epsilon = 1e-12;

    /// <summary>
    /// NPMI coherence (Bouma 2009). Probabilities come from boolean windows of <paramref name="window"/> consecutive
    /// terms of a unit, moved one term at a time (a unit shorter than the window is one window). gensim's c_npmi also
    /// counts the shorter windows at a document's start, so its values differ (by up to 0.05 per topic here). For every
    /// pair of the top words NPMI = ln((P(wi, wj) + ε) / (P(wi) P(wj))) / −ln(P(wi, wj) + ε); the mean over pairs.
    /// </summary>
    public static double Npmi(IReadOnlyList<string> topWords, IEnumerable<IReadOnlyList<string>> units, int window = 10)
    {
        var words = topWords.Distinct(StringComparer.Ordinal).ToList();
        var single = new double[words.Count];
        var pair = new double[words.Count, words.Count];
        var index = words.Select((w, i) => (w, i)).ToDictionary(x => x.w, x => x.i, StringComparer.Ordinal);
        double windows = 0;
        var present = new bool[words.Count];
        foreach (var unit in units)
        {
            var count = unit.Count < window ? 1 : unit.Count - window + 1;
            for (var start = 0; start < count; start++)
            {
                windows++;
                Array.Clear(present);
                for (var i = start; i < Math.Min(unit.Count, start + window); i++)
                    if (index.TryGetValue(unit[i], out var w)) present[w] = true;
                for (var a = 0; a < words.Count; a++)
                {
                    if (!present[a]) continue;
                    single[a]++;
                    for (var b = a + 1; b < words.Count; b++) if (present[b]) pair[a, b]++;
                }
            }
        }
        if (windows == 0 || words.Count < 2) return 0;
        double sum = 0;
        var pairs = 0;
        for (var a = 0; a < words.Count; a++)
            for (var b = a + 1; b < words.Count; b++)
            {
                var pab = pair[a, b] / windows + Epsilon;
                var pa = single[a] / windows;
                var pb = single[b] / windows;
                sum += pa == 0 || pb == 0 ? 0 : Math.Log(pab / (pa * pb)) / -Math.Log(pab);
                pairs++;
            }
        return sum / pairs;
    }

    /// <summary>
    /// UMass coherence (Mimno et al. 2011) over units, averaged over pairs as gensim's u_mass does: with the top
    /// words in order of probability, for every m &gt; l: ln((D(w_m, w_l) + 1) / D(w_l)), D counting units.
    /// </summary>
    public static double UMass(IReadOnlyList<string> topWords, IEnumerable<IReadOnlyList<string>> units) => UMass(topWords, UnitSets(units));

    /// <summary>Each unit's distinct terms: build once when scoring many topics against the same units.</summary>
    public static IReadOnlyList<HashSet<string>> UnitSets(IEnumerable<IReadOnlyList<string>> units) =>
        [.. units.Select(u => u.ToHashSet(StringComparer.Ordinal))];

    /// <summary>UMass over units given as term sets (see <see cref="UnitSets"/>).</summary>
    public static double UMass(IReadOnlyList<string> topWords, IReadOnlyList<HashSet<string>> sets)
    {
        double sum = 0;
        var pairs = 0;
        for (var m = 1; m < topWords.Count; m++)
            for (var l = 0; l < m; l++)
            {
                var dl = sets.Count(s => s.Contains(topWords[l]));
                var dml = sets.Count(s => s.Contains(topWords[l]) && s.Contains(topWords[m]));
                if (dl == 0) continue;
                sum += Math.Log((dml + 1.0) / dl);
                pairs++;
            }
        return pairs == 0 ? 0 : sum / pairs;
    }

    /// <summary>|A ∩ B| / |A ∪ B|.</summary>
    public static double Jaccard(IReadOnlyCollection<string> a, IReadOnlyCollection<string> b)
    {
        var union = a.Union(b).Count();
        return union == 0 ? 1 : (double)a.Intersect(b).Count() / union;
    }

    /// <summary>
    /// Stability across fits: for every ordered pair of fits, each topic of the first is matched to its most
    /// similar topic of the second by Jaccard overlap of the top-n word sets; the mean of those best matches.
    /// 1 means every fit found the same topics.
    /// </summary>
    public static double Stability(IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> fits)
    {
        double sum = 0;
        var n = 0;
        for (var a = 0; a < fits.Count; a++)
            for (var b = 0; b < fits.Count; b++)
            {
                if (a == b) continue;
                foreach (var topic in fits[a])
                {
                    sum += fits[b].Max(other => Jaccard(topic.ToHashSet(), other.ToHashSet()));
                    n++;
                }
            }
        return n == 0 ? 1 : sum / n;
    }
}
