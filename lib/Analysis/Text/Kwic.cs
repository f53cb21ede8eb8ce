namespace Analysis.Text;

/// <summary>One keyword-in-context line: the unit, the words left and right, and the keyword's raw span.</summary>
public sealed record KwicLine(string Unit, string Left, string Keyword, string Right, int RawStart, int RawEnd);

/// <summary>Keyword in context for a word form or a stem.</summary>
public static class Kwic
{
    /// <summary>
    /// Every occurrence of <paramref name="term"/> (matched on its stem, or on the written form when
    /// <paramref name="exact"/>), with <paramref name="window"/> word tokens either side, sorted by right context.
    /// An unknown term gives no lines.
    /// </summary>
    public static IReadOnlyList<KwicLine> Find(IEnumerable<ITextUnit> units, string term, int window = 5, bool exact = false, TermPipeline? pipeline = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(window);
        pipeline ??= new TermPipeline(TermOptions.Default with { StopWords = StopWords.None });
        var norm = Tokenizer.Normalize(term.Trim());
        var key = exact ? norm : pipeline.Key(norm);
        var lines = new List<KwicLine>();
        foreach (var unit in units)
        {
            var tokens = Tokenizer.Tokenize(unit.Text).Where(t => t.Kind != TokenKind.Url).ToList();
            for (var i = 0; i < tokens.Count; i++)
            {
                var t = tokens[i];
                var match = exact ? t.Norm == key : t.Kind == TokenKind.Word && pipeline.Key(t.Norm) == key;
                if (!match) continue;
                var left = string.Join(' ', tokens.Skip(Math.Max(0, i - window)).Take(Math.Min(window, i)).Select(x => x.Surface));
                var right = string.Join(' ', tokens.Skip(i + 1).Take(window).Select(x => x.Surface));
                var raw = unit.Source.SourceSpan(t.Start, t.Length);
                lines.Add(new KwicLine(unit.Id, left, t.Surface, right, raw.Start, raw.End));
            }
        }
        return [.. lines.OrderBy(l => l.Right.ToLowerInvariant(), StringComparer.Ordinal).ThenBy(l => l.Unit, StringComparer.Ordinal).ThenBy(l => l.RawStart)];
    }
}

public sealed record CollocationRow(string First, string Second, int N, int FirstCount, int SecondCount, double G2, double Pmi);

/// <summary>Adjacent word pairs (within a sentence, neither a stop word) ranked by association.</summary>
public static class Collocations
{
    /// <summary>
    /// For a pair (w1, w2) with O11 pair count, f1 and f2 the words' counts as first and second members, and N
    /// all adjacent pairs: PMI = log2(O11 · N / (f1 · f2)); G2 over the 2×2 table O11, f1−O11, f2−O11,
    /// N−f1−f2+O11. Pairs seen fewer than <paramref name="minCount"/> times are left out.
    /// </summary>
    public static IReadOnlyList<CollocationRow> Find(IEnumerable<ITextUnit> units, int minCount = 2, StopWords? stopWords = null)
    {
        var stop = stopWords ?? StopWords.Default;
        var pairs = new Dictionary<(string, string), int>();
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var second = new Dictionary<string, int>(StringComparer.Ordinal);
        var surface = new Dictionary<string, string>(StringComparer.Ordinal);
        long n = 0;
        foreach (var unit in units)
        {
            var tokens = Tokenizer.Tokenize(unit.CountedText());
            for (var i = 0; i + 1 < tokens.Count; i++)
            {
                var (a, b) = (tokens[i], tokens[i + 1]);
                if (a.Sentence != b.Sentence || a.Kind != TokenKind.Word || b.Kind != TokenKind.Word) continue;
                n++;
                first[a.Norm] = first.GetValueOrDefault(a.Norm) + 1;
                second[b.Norm] = second.GetValueOrDefault(b.Norm) + 1;
                if (stop.Contains(a.Norm) || stop.Contains(b.Norm)) continue;
                pairs[(a.Norm, b.Norm)] = pairs.GetValueOrDefault((a.Norm, b.Norm)) + 1;
                surface.TryAdd(a.Norm, a.Surface);
                surface.TryAdd(b.Norm, b.Surface);
            }
        }
        return [.. pairs.Where(p => p.Value >= minCount).Select(p =>
        {
            var (w1, w2) = p.Key;
            double o11 = p.Value, f1 = first[w1], f2 = second[w2];
            double o12 = f1 - o11, o21 = f2 - o11, o22 = n - f1 - f2 + o11;
            var g2 = 2 * (Term(o11, f1 * f2 / n) + Term(o12, f1 * (n - f2) / n) + Term(o21, (n - f1) * f2 / n) + Term(o22, (n - f1) * (n - f2) / n));
            return new CollocationRow(surface[w1], surface[w2], p.Value, (int)f1, (int)f2, g2, Math.Log2(o11 * n / (f1 * f2)));
        }).OrderByDescending(r => r.G2).ThenBy(r => r.First, StringComparer.Ordinal).ThenBy(r => r.Second, StringComparer.Ordinal)];
    }

    private static double Term(double observed, double expected) => observed > 0 ? observed * Math.Log(observed / expected) : 0;
}
