using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Analysis.Text;

public sealed record TfIdfRow(string Group, string Term, string Surface, int N, double Tf, double Idf, double TfIdf);

/// <summary>
/// One term of a keyness comparison: counts, G2 with its p-value and the Benjamini–Hochberg q-value over every term of the
/// comparison, and Log Ratio with its 95 % confidence interval.
/// </summary>
public sealed record KeynessRow(string Term, string Surface, int Target, int Reference, double G2, double LogRatio, double P)
{
    /// <summary>Benjamini–Hochberg adjusted p-value over all terms tested in the same comparison (the false discovery rate).</summary>
    public double Q { get; init; } = 1;

    /// <summary>The 95 % confidence interval of <see cref="LogRatio"/>: log2 of the rate ratio ± 1.96 · √(1/a + 1/b) / ln 2 (zeros as 0.5).</summary>
    public double LogRatioLow { get; init; }

    public double LogRatioHigh { get; init; }

    /// <summary>Significant after multiple-comparison control: q &lt; 0.05.</summary>
    public bool Significant => Q < 0.05;
}

public sealed record LogOddsRow(string Group, string Term, string Surface, int N, double LogOddsWeighted);

public sealed record VocabularyRow(string Document, int Tokens, int Types, double TypeTokenRatio);

/// <summary>Measures over term counts. Each states its formula; the tests check each against a hand-computed example.</summary>
public static class Measures
{
    /// <summary>
    /// tf-idf as tidytext's bind_tf_idf: tf = n(term, group) / tokens(group); idf = ln(groups / groups containing
    /// the term); tf-idf = tf · idf. Natural log, as tidytext, so values compare with R output.
    /// </summary>
    public static IReadOnlyList<TfIdfRow> TfIdf(TermCounts counts) =>
        [.. TfIdfByGroup(counts).SelectMany(g => g.Terms.Select(t => new TfIdfRow(g.Group, t.Term, counts.Surface(t.Term), t.N, t.Tf, t.Idf, t.TfIdf)))];

    /// <summary>
    /// The tf-idf of <see cref="TfIdf"/> group by group (groups in ordinal order, terms by tf-idf descending, then term), without
    /// display forms: for verbs that need only the weights (<see cref="Similarity"/>).
    /// </summary>
    internal static IEnumerable<(string Group, IEnumerable<(string Term, int N, double Tf, double Idf, double TfIdf)> Terms)> TfIdfByGroup(TermCounts counts)
    {
        var groups = counts.Totals.Count;
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in counts.Rows) CollectionsMarshal.GetValueRefOrAddDefault(df, row.Term, out _)++;
        return Runs(counts.Rows).Select(g =>
        {
            var total = counts.Totals[g.Key];
            return (g.Key, g.Rows.Select(r =>
            {
                var tf = (double)r.N / total;
                var idf = Math.Log((double)groups / df[r.Term]);
                return (r.Term, r.N, tf, idf, TfIdf: tf * idf);
            }).OrderByDescending(t => t.TfIdf).ThenBy(t => t.Term, StringComparer.Ordinal).AsEnumerable());
        });
    }

    /// <summary>The rows of each group: <see cref="TermCounts.Rows"/> are sorted by group (ordinal), so a group's rows stand together.</summary>
    private static IEnumerable<(string Key, IEnumerable<TermCount> Rows)> Runs(ImmutableArray<TermCount> rows)
    {
        for (var start = 0; start < rows.Length;)
        {
            var end = start + 1;
            while (end < rows.Length && rows[end].Group == rows[start].Group) end++;
            yield return (rows[start].Group, rows.Skip(start).Take(end - start));
            start = end;
        }
    }

    /// <summary>
    /// Log-likelihood G2 (Rayson &amp; Garside 2000) of each term in target groups against reference groups:
    /// with a, b the term's counts and c, d the groups' token totals, E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d),
    /// G2 = 2(a ln(a/E1) + b ln(b/E2)), 0 ln 0 = 0. Effect size Log Ratio (Hardie 2014):
    /// log2((a/c) / (b/d)) with a zero count replaced by 0.5. Positive Log Ratio: more frequent in the target.
    /// </summary>
    public static IReadOnlyList<KeynessRow> Keyness(TermCounts counts, IReadOnlyCollection<string> target, IReadOnlyCollection<string>? reference = null)
    {
        reference ??= [.. counts.Totals.Keys.Except(target)];
        if (target.Count == 0 || reference.Count == 0) throw new ArgumentException("Keyness needs at least one target and one reference group.");
        var unknown = target.Concat(reference).Where(g => !counts.Totals.ContainsKey(g)).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"Unknown group(s): {string.Join(", ", unknown)}. Groups: {string.Join(", ", counts.Groups)}.");
        long c = target.Sum(g => counts.Totals[g]), d = reference.Sum(g => counts.Totals[g]);
        if (c == 0 || d == 0)
            throw new ArgumentException($"The {(c == 0 ? "target" : "reference")} group(s) {string.Join(", ", c == 0 ? target : reference)} have no counted tokens (empty, or only stop words): keyness is undefined.");
        var a = Sum(counts, target);
        var b = Sum(counts, reference);
        var rows = a.Keys.Union(b.Keys).Select(term =>
        {
            var (ga, gb) = (a.GetValueOrDefault(term), b.GetValueOrDefault(term));
            var g2 = LogLikelihood(ga, gb, c, d);
            var lr = LogRatio(ga, gb, c, d);
            var half = 1.96 * Math.Sqrt(1 / Math.Max(ga, 0.5) + 1 / Math.Max(gb, 0.5)) / Math.Log(2);
            return new KeynessRow(term, counts.Surface(term), ga, gb, g2, lr, ChiSquare1Tail(g2)) { LogRatioLow = lr - half, LogRatioHigh = lr + half };
        }).OrderByDescending(r => r.G2).ThenBy(r => r.Term, StringComparer.Ordinal).ToList();
        var q = BenjaminiHochberg(rows.Select(r => r.P).ToArray());
        return [.. rows.Select((r, i) => r with { Q = q[i] })];
    }

    /// <summary>
    /// Benjamini–Hochberg adjusted p-values (q-values): q_(i) = min over j ≥ i of p_(j) · m / j, for p sorted ascending,
    /// capped at 1, returned in the input's order. A term with q &lt; 0.05 is significant at a false discovery rate of 5 %.
    /// </summary>
    public static double[] BenjaminiHochberg(IReadOnlyList<double> p)
    {
        var m = p.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => p[i]).ThenBy(i => i).ToArray();
        var q = new double[m];
        var running = 1.0;
        for (var r = m - 1; r >= 0; r--)
        {
            running = Math.Min(running, p[order[r]] * m / (r + 1));
            q[order[r]] = Math.Min(1, running);
        }
        return q;
    }

    /// <summary>From keyness rows (sorted by G2): the <paramref name="n"/> terms the target overuses, then the <paramref name="n"/> it underuses.</summary>
    public static IEnumerable<KeynessRow> TopKeyness(IReadOnlyList<KeynessRow> rows, int n) =>
        rows.Where(r => r.LogRatio > 0).Take(n).Concat(rows.Where(r => r.LogRatio < 0).Take(n));

    public static double LogLikelihood(double a, double b, double c, double d)
    {
        if (c <= 0 || d <= 0) return 0;
        var e1 = c * (a + b) / (c + d);
        var e2 = d * (a + b) / (c + d);
        return 2 * ((a > 0 ? a * Math.Log(a / e1) : 0) + (b > 0 ? b * Math.Log(b / e2) : 0));
    }

    public static double LogRatio(double a, double b, double c, double d) =>
        Math.Log2((Math.Max(a, 0.5) / c) / (Math.Max(b, 0.5) / d));

    /// <summary>Upper tail of chi-square with one degree of freedom, P(X &gt; g2) (MathNet.Numerics).</summary>
    public static double ChiSquare1Tail(double g2) => g2 <= 0 ? 1 : 1 - MathNet.Numerics.Distributions.ChiSquared.CDF(1, g2);

    /// <summary>
    /// Weighted log-odds with an informative Dirichlet prior (Monroe, Colaresi &amp; Quinn 2008), as tidylo's
    /// bind_log_odds computes it: the prior α_w is the term's total count; pseudo-counts y_wi = n_wi + α_w;
    /// y_w = Σ_i y_wi; n_i = Σ_w y_wi; ω_wi = y_wi / (n_i − y_wi); ω_w = y_w / (Σ y − y_w);
    /// δ = ln ω_wi − ln ω_w; σ² = 1/y_wi + 1/y_w; z = δ / σ. Computed over the rows present (a group that
    /// lacks a term has no row), as tidylo does.
    /// </summary>
    public static IReadOnlyList<LogOddsRow> WeightedLogOdds(TermCounts counts)
    {
        var alpha = counts.Rows.GroupBy(r => r.Term).ToDictionary(g => g.Key, g => (double)g.Sum(r => r.N), StringComparer.Ordinal);
        var pseudo = counts.Rows.Select(r => (Row: r, Y: r.N + alpha[r.Term])).ToList();
        var yw = pseudo.GroupBy(p => p.Row.Term).ToDictionary(g => g.Key, g => g.Sum(p => p.Y), StringComparer.Ordinal);
        var ni = pseudo.GroupBy(p => p.Row.Group).ToDictionary(g => g.Key, g => g.Sum(p => p.Y), StringComparer.Ordinal);
        var total = pseudo.Sum(p => p.Y);
        return [.. pseudo.Select(p =>
        {
            var omegaWi = p.Y / (ni[p.Row.Group] - p.Y);
            var omegaW = yw[p.Row.Term] / (total - yw[p.Row.Term]);
            var delta = Math.Log(omegaWi) - Math.Log(omegaW);
            var sigma2 = 1 / p.Y + 1 / yw[p.Row.Term];
            return new LogOddsRow(p.Row.Group, p.Row.Term, counts.Surface(p.Row.Term), p.Row.N, delta / Math.Sqrt(sigma2));
        }).OrderBy(r => r.Group, StringComparer.Ordinal).ThenByDescending(r => r.LogOddsWeighted).ThenBy(r => r.Term, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Tokens, types and type/token ratio per document, over all word tokens of the running text (stop words
    /// included, numbers and URLs not), lower-cased. TTR falls with text length, so compare like with like.
    /// </summary>
    public static IReadOnlyList<VocabularyRow> Vocabulary(Corpus corpus, bool includeComments = false, Grouping? grouping = null)
    {
        grouping ??= Grouping.ByDocument(corpus);
        var table = TokenTable.Of(corpus);
        // Per group: word tokens (quoted words left out) and their distinct normalised forms, no row objects.
        var tokens = new Dictionary<string, int>(StringComparer.Ordinal);
        var forms = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        for (var u = 0; u < table.Units.Length; u++)
        {
            var unit = table.Units[u];
            if (!includeComments && unit is Comment) continue;
            var group = grouping.Of(unit.DocumentId);
            ref var n = ref CollectionsMarshal.GetValueRefOrAddDefault(tokens, group, out _);
            if (!forms.TryGetValue(group, out var seen)) forms[group] = seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = table.UnitStart(u); i < table.UnitStart(u + 1); i++)
            {
                var type = table.TypeOf(table.TypeIdOf(i));
                if (type.Kind != TokenKind.Word || table.IsQuoted(i)) continue;
                n++;
                seen.Add(type.Norm);
            }
        }
        return [.. grouping.Groups.Select(group =>
        {
            var words = tokens.GetValueOrDefault(group);
            var types = forms.TryGetValue(group, out var seen) ? seen.Count : 0;
            return new VocabularyRow(group, words, types, words == 0 ? 0 : Math.Round((double)types / words, 3));
        })];
    }

    private static Dictionary<string, int> Sum(TermCounts counts, IEnumerable<string> groups)
    {
        var set = groups.ToHashSet(StringComparer.Ordinal);
        return counts.Rows.Where(r => set.Contains(r.Group)).GroupBy(r => r.Term).ToDictionary(g => g.Key, g => g.Sum(r => r.N), StringComparer.Ordinal);
    }
}
