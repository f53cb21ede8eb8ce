namespace Analysis.Text;

public sealed record TfIdfRow(string Group, string Term, string Surface, int N, double Tf, double Idf, double TfIdf);

public sealed record KeynessRow(string Term, string Surface, int Target, int Reference, double G2, double LogRatio, double P)
{
    /// <summary>p &lt; 0.05 (G2 above 3.84, one degree of freedom).</summary>
    public bool Significant => P < 0.05;
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
    public static IReadOnlyList<TfIdfRow> TfIdf(TermCounts counts)
    {
        var groups = counts.Totals.Count;
        var df = counts.Rows.GroupBy(r => r.Term).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return [.. counts.Rows.Select(r =>
        {
            var tf = (double)r.N / counts.Totals[r.Group];
            var idf = Math.Log((double)groups / df[r.Term]);
            return new TfIdfRow(r.Group, r.Term, counts.Surface(r.Term), r.N, tf, idf, tf * idf);
        }).OrderBy(r => r.Group, StringComparer.Ordinal).ThenByDescending(r => r.TfIdf).ThenBy(r => r.Term, StringComparer.Ordinal)];
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
        return [.. a.Keys.Union(b.Keys).Select(term =>
        {
            var (ga, gb) = (a.GetValueOrDefault(term), b.GetValueOrDefault(term));
            var g2 = LogLikelihood(ga, gb, c, d);
            return new KeynessRow(term, counts.Surface(term), ga, gb, g2, LogRatio(ga, gb, c, d), ChiSquare1Tail(g2));
        }).OrderByDescending(r => r.G2).ThenBy(r => r.Term, StringComparer.Ordinal)];
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

    /// <summary>Upper tail of chi-square with one degree of freedom: P(X &gt; g2) = erfc(sqrt(g2 / 2)).</summary>
    public static double ChiSquare1Tail(double g2) => g2 <= 0 ? 1 : Erfc(Math.Sqrt(g2 / 2));

    /// <summary>Complementary error function (Numerical Recipes' erfcc, relative error below 1.2e-7).</summary>
    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + 0.5 * z);
        var r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
            t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }

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
        var byGroup = table.Rows.Where(r => r.Kind == TokenKind.Word && r.QuotedFrom is null && (includeComments || r.Unit is not Comment))
            .GroupBy(r => grouping.Of(r.Unit.DocumentId)).ToDictionary(g => g.Key, g => g.Select(r => r.Norm).ToList(), StringComparer.Ordinal);
        return [.. grouping.Groups.Select(group =>
        {
            var words = byGroup.GetValueOrDefault(group) ?? [];
            var types = words.Distinct(StringComparer.Ordinal).Count();
            return new VocabularyRow(group, words.Count, types, words.Count == 0 ? 0 : Math.Round((double)types / words.Count, 3));
        })];
    }

    private static Dictionary<string, int> Sum(TermCounts counts, IEnumerable<string> groups)
    {
        var set = groups.ToHashSet(StringComparer.Ordinal);
        return counts.Rows.Where(r => set.Contains(r.Group)).GroupBy(r => r.Term).ToDictionary(g => g.Key, g => g.Sum(r => r.N), StringComparer.Ordinal);
    }
}
