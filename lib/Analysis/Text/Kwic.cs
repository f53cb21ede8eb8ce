using System.Runtime.InteropServices;

namespace Analysis.Text;

/// <summary>One keyword-in-context line: the unit, the words left and right, and the keyword's raw span.</summary>
public sealed record KwicLine(string Unit, string Left, string Keyword, string Right, int RawStart, int RawEnd);

/// <summary>Keyword in context for a word form or a stem.</summary>
public static class Kwic
{
    /// <summary>
    /// Every occurrence of <paramref name="term"/>, a word as written (matched on its key, so "Stellen" finds the noun
    /// Stelle in every case, not the verb stellen; or on the written form, case aside, when <paramref name="exact"/>),
    /// with <paramref name="window"/> word tokens either side, sorted by right context. Quoted words are shown too.
    /// An unknown term gives no lines.
    /// </summary>
    public static IReadOnlyList<KwicLine> Find(TokenTable tokens, string term, int window = 5, bool exact = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(window);
        var norm = Tokenizer.Normalize(term.Trim());
        var pipeline = new TermPipeline(tokens.Options);
        var key = exact ? norm : pipeline.Key(term.Trim());
        // A capitalised term inside a sentence is keyed as a noun: match that reading too.
        var nounKey = exact ? norm : pipeline.Key(term.Trim(), opensSentence: false);
        var lines = new List<KwicLine>();
        for (var u = 0; u < tokens.Units.Length; u++)
        {
            var unit = tokens.Units[u];
            var rows = tokens.RowsOf(u).Where(t => t.Kind != TokenKind.Url).ToList();
            for (var i = 0; i < rows.Count; i++)
            {
                var t = rows[i];
                var match = exact ? t.Norm == key : t.Kind == TokenKind.Word && (t.Key == key || t.Key == nounKey);
                if (!match) continue;
                var left = string.Join(' ', rows.Skip(Math.Max(0, i - window)).Take(Math.Min(window, i)).Select(x => x.Surface));
                var right = string.Join(' ', rows.Skip(i + 1).Take(window).Select(x => x.Surface));
                var raw = t.Raw;
                lines.Add(new KwicLine(unit.Id, left, t.Surface, right, raw.Start, raw.End));
            }
        }
        return [.. lines.OrderBy(l => l.Right.ToLowerInvariant(), StringComparer.Ordinal).ThenBy(l => l.Unit, StringComparer.Ordinal).ThenBy(l => l.RawStart)];
    }

    /// <summary><see cref="Find(TokenTable, string, int, bool)"/> over the corpus's token table (running text and comments).</summary>
    public static IReadOnlyList<KwicLine> Find(Corpus corpus, string term, int window = 5, bool exact = false) =>
        Find(TokenTable.Of(corpus), term, window, exact);
}

public sealed record CollocationRow(string First, string Second, int N, int FirstCount, int SecondCount, double G2, double Pmi);

/// <summary>
/// Adjacent word pairs (within a sentence, both counted words) ranked by association, on keys: "Künstliche Intelligenz" and
/// "künstlicher Intelligenz" are one pair, shown as most often written.
/// </summary>
public static class Collocations
{
    /// <summary>
    /// For a pair (w1, w2) with O11 pair count, f1 and f2 the words' counts as first and second members, and N
    /// all adjacent pairs: PMI = log2(O11 · N / (f1 · f2)); G2 over the 2×2 table O11, f1−O11, f2−O11,
    /// N−f1−f2+O11. Pairs seen fewer than <paramref name="minCount"/> times are left out.
    /// </summary>
    public static IReadOnlyList<CollocationRow> Find(TokenTable tokens, int minCount = 2)
    {
        // Integers in the loop (key and form ids); strings only for the pairs that are reported.
        long keys = tokens.KeyCount, types = tokens.TypeCount;
        var pairs = new Dictionary<long, int>();
        var first = new int[keys];
        var second = new int[keys];
        var written = new Dictionary<long, int>();
        long n = 0;
        for (var u = 0; u < tokens.Units.Length; u++)
        {
            // Pairs of adjacent tokens of one sentence, both words, neither quoted from another unit.
            for (var i = tokens.UnitStart(u); i + 1 < tokens.UnitStart(u + 1); i++)
            {
                if (tokens.IsQuoted(i) || tokens.IsQuoted(i + 1) || tokens.SentenceOf(i) != tokens.SentenceOf(i + 1)) continue;
                int ta = tokens.TypeIdOf(i), tb = tokens.TypeIdOf(i + 1);
                var (a, b) = (tokens.TypeOf(ta), tokens.TypeOf(tb));
                if (a.Kind != TokenKind.Word || b.Kind != TokenKind.Word) continue;
                n++;
                first[a.KeyId]++;
                second[b.KeyId]++;
                if (!a.Counts || !b.Counts) continue;
                CollectionsMarshal.GetValueRefOrAddDefault(pairs, a.KeyId * keys + b.KeyId, out _)++;
                CollectionsMarshal.GetValueRefOrAddDefault(written, ta * types + tb, out _)++;
            }
        }
        // Shown as the pair is most often written ("Vereinigten Staaten", not the keys' forms elsewhere); forms that are
        // written alike count together.
        var forms = new Dictionary<(long Pair, string A, string B), int>();
        foreach (var (typePair, count) in written)
        {
            var (a, b) = (tokens.TypeOf((int)(typePair / types)), tokens.TypeOf((int)(typePair % types)));
            var pair = a.KeyId * keys + b.KeyId;
            if (pairs[pair] < minCount) continue;
            CollectionsMarshal.GetValueRefOrAddDefault(forms, (pair, a.Surface, b.Surface), out _) += count;
        }
        var shown = forms.GroupBy(f => f.Key.Pair)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(f => f.Value).ThenBy(f => f.Key.A, StringComparer.Ordinal).ThenBy(f => f.Key.B, StringComparer.Ordinal).First().Key);
        return [.. pairs.Where(p => p.Value >= minCount).Select(p =>
        {
            var (_, s1, s2) = shown[p.Key];
            double o11 = p.Value, f1 = first[p.Key / keys], f2 = second[p.Key % keys];
            double o12 = f1 - o11, o21 = f2 - o11, o22 = n - f1 - f2 + o11;
            var g2 = 2 * (Term(o11, f1 * f2 / n) + Term(o12, f1 * (n - f2) / n) + Term(o21, (n - f1) * f2 / n) + Term(o22, (n - f1) * (n - f2) / n));
            return new CollocationRow(s1, s2, p.Value, (int)f1, (int)f2, g2, Math.Log2(o11 * n / (f1 * f2)));
        }).OrderByDescending(r => r.G2).ThenBy(r => r.First, StringComparer.Ordinal).ThenBy(r => r.Second, StringComparer.Ordinal)];
    }

    /// <summary><see cref="Find(TokenTable, int)"/> over the corpus's running text and comments.</summary>
    public static IReadOnlyList<CollocationRow> Find(Corpus corpus, int minCount = 2) => Find(TokenTable.Of(corpus), minCount);

    private static double Term(double observed, double expected) => observed > 0 ? observed * Math.Log(observed / expected) : 0;
}
