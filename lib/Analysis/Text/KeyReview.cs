using System.Collections.Concurrent;

namespace Analysis.Text;

/// <summary>A group of counted forms on which the lexicon's keys and Snowball's stems disagree.</summary>
/// <param name="Decision">"kept apart": Snowball gives the forms one stem, the lexicon several keys (Macht/macht);
/// "joined": the lexicon gives one key to forms Snowball stems apart (Konzern/Konzerne).</param>
/// <param name="Snowball">Snowball's stem (or stems) of the forms.</param>
/// <param name="Forms">Each written form with its key: "Macht → Macht, macht → machen".</param>
public sealed record KeyDisagreement(string Decision, string Snowball, string Forms);

/// <summary>Share of a table's word tokens keyed by each <see cref="KeySource"/>.</summary>
public sealed record KeyCoverage(string Source, int Tokens, double Share, string Examples);

/// <summary>Review of the keys: what the lexicon decided differently from Snowball, and how much of a corpus it knows.</summary>
public static class KeyReview
{
    private static readonly ConcurrentDictionary<string, string> Stems = new(StringComparer.Ordinal);

    /// <summary>Snowball's German stem of a normalised word (gender forms stem like their base).</summary>
    public static string SnowballStem(string norm) => Stems.GetOrAdd(norm, n => Snowball(n.Split(':')[0]));

    private static readonly ThreadLocal<Lucene.Net.Tartarus.Snowball.Ext.GermanStemmer> Stemmers = new(() => new());

    private static string Snowball(string norm)
    {
        var stemmer = Stemmers.Value!;
        stemmer.SetCurrent(norm);
        stemmer.Stem();
        return stemmer.Current;
    }

    /// <summary>Every group of counted forms where the keys and Snowball disagree, by decision, then stem.</summary>
    public static IReadOnlyList<KeyDisagreement> Disagreements(TermCounts counts)
    {
        var forms = counts.Forms.Select(f => (f.Key, f.Surface, Stem: SnowballStem(Tokenizer.Normalize(f.Surface)))).Distinct().ToList();
        static string List(IEnumerable<(string Key, string Surface, string Stem)> group) =>
            string.Join(", ", group.OrderBy(f => f.Key, StringComparer.Ordinal).ThenBy(f => f.Surface, StringComparer.Ordinal).Select(f => $"{f.Surface} → {f.Key}"));
        var apart = forms.GroupBy(f => f.Stem).Where(g => g.Select(f => f.Key).Distinct().Count() > 1)
            .Select(g => new KeyDisagreement("kept apart", g.Key, List(g)));
        var joined = forms.GroupBy(f => f.Key).Where(g => g.Select(f => f.Stem).Distinct().Count() > 1)
            .Select(g => new KeyDisagreement("joined", string.Join(" / ", g.Select(f => f.Stem).Distinct().Order(StringComparer.Ordinal)), List(g)));
        return [.. apart.Concat(joined).OrderBy(d => d.Decision, StringComparer.Ordinal).ThenBy(d => d.Snowball, StringComparer.Ordinal)];
    }

    /// <summary>
    /// How the table's word tokens got their keys, with the most frequent examples: the counted words (stop words and
    /// quotes left out), or with <paramref name="stopWords"/> every word token that is not quoted.
    /// </summary>
    public static IReadOnlyList<KeyCoverage> Coverage(TokenTable tokens, int examples = 5, bool stopWords = false)
    {
        // Tokens counted per form, no row objects: a form has one key source, so the shares and examples follow from these.
        var perType = new int[tokens.TypeCount];
        var firstSeen = new int[tokens.TypeCount];
        Array.Fill(firstSeen, int.MaxValue);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens.IsQuoted(i)) continue;
            var type = tokens.TypeIdOf(i);
            var t = tokens.TypeOf(type);
            if (t.Kind != TokenKind.Word || !stopWords && !t.Counts) continue;
            if (perType[type]++ == 0) firstSeen[type] = i;
        }
        var total = perType.Sum();
        return [.. Enum.GetValues<KeySource>().Select(source =>
        {
            var types = Enumerable.Range(0, perType.Length).Where(t => perType[t] > 0 && tokens.TypeOf(t).Source == source).ToList();
            var n = types.Sum(t => perType[t]);
            // A written form's example key is the key of its first token in the table.
            var top = types.GroupBy(t => tokens.TypeOf(t).Surface)
                .Select(g => (Surface: g.Key, N: g.Sum(t => perType[t]), Key: tokens.KeyOf(tokens.TypeOf(g.MinBy(t => firstSeen[t])).KeyId)))
                .OrderByDescending(g => g.N).ThenBy(g => g.Surface, StringComparer.Ordinal).Take(examples)
                .Select(g => $"{g.Surface} → {g.Key}");
            return new KeyCoverage(source.ToString(), n, total == 0 ? 0 : Math.Round((double)n / total, 4), string.Join(", ", top));
        })];
    }
}
