using System.Globalization;

namespace Analysis.Text;

/// <summary>
/// A family of words counted together, defined on keys (lemmas, see <see cref="TermPipeline.Key(string)"/>), compared without
/// regard to case: a word counts when its key is one of <see cref="Lemmas"/>, or ends in one of <see cref="Heads"/>
/// (a compound by its head: "Bürojob" ends in "job"), or begins with one of <see cref="Prefixes"/>, or, with
/// <see cref="Parts"/>, has one of the lemmas as a part of a hyphenated compound ("KI-Modelle", "Polizei-KI");
/// <see cref="Phrase"/> counts two adjacent words by their keys ("künstliche Intelligenz").
/// <see cref="NounsOnly"/> counts only words written with a capital that are not a verb opening a question or
/// imperative ("Stellen Sie …").
/// </summary>
public sealed record TermFamily(string Name, IReadOnlyList<string> Lemmas)
{
    public IReadOnlyList<string> Heads { get; init; } = [];
    public IReadOnlyList<string> Prefixes { get; init; } = [];
    public bool Parts { get; init; }
    public (string First, string Second)? Phrase { get; init; }
    public bool NounsOnly { get; init; }

    internal bool Matches(string key)
    {
        var k = Lower(key);
        if (Lemmas.Any(l => Lower(l) == k)) return true;
        if (Heads.Any(h => k.Length > h.Length && k.EndsWith(Lower(h), StringComparison.Ordinal))) return true;
        if (Prefixes.Any(p => k.StartsWith(Lower(p), StringComparison.Ordinal))) return true;
        return Parts && k.Contains('-') && k.Split('-').Any(part => Lemmas.Any(l => Lower(l) == part));
    }

    internal static string Lower(string s) => CultureInfo.InvariantCulture.TextInfo.ToLower(s);
}

public sealed record MentionRow(string Document, string Family, int Mentions, int Words, double Per10k, string Forms)
{
    /// <summary>The exact (Poisson) 95 % interval of <see cref="Per10k"/> (see <see cref="Rates.Of"/>).</summary>
    public double Low { get; init; }

    public double High { get; init; }
}

/// <summary>The group with the extreme rate of a family, the group next to it, and the test of their rates.</summary>
public sealed record MentionExtreme(MentionRow Extreme, MentionRow Next, RateComparison Test);

/// <summary>How often, and in which forms, each text speaks of the things a family of words names.</summary>
public static class Mentions
{
    /// <summary>
    /// Mentions per document and family, over the counted tokens of the token table (stop words included: a family may
    /// name one; quoted words left out). Words = the document's counted word tokens; Forms = the six most frequent
    /// written forms. With a <paramref name="grouping"/>, one row per group instead of per document.
    /// </summary>
    public static IReadOnlyList<MentionRow> Count(Corpus corpus, IReadOnlyList<TermFamily> families, bool includeComments = true, Grouping? grouping = null)
    {
        grouping ??= Grouping.ByDocument(corpus);
        var table = TokenTable.Of(corpus);
        var pipeline = new TermPipeline(table.Options);
        var rows = new List<MentionRow>();
        var unitsOf = Enumerable.Range(0, table.Units.Length).Where(u => includeComments || table.Units[u] is not Comment)
            .GroupBy(u => grouping.Of(table.Units[u].DocumentId)).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var group in grouping.Groups)
        {
            var units = unitsOf.GetValueOrDefault(group) ?? [];
            var words = units.Sum(table.Words);
            foreach (var family in families)
            {
                var forms = new SortedDictionary<string, int>(StringComparer.Ordinal);
                foreach (var u in units)
                {
                    var tokens = table.RowsOf(u).Where(t => t.Kind == TokenKind.Word && t.QuotedFrom is null).ToList();
                    for (var i = 0; i < tokens.Count; i++)
                    {
                        var t = tokens[i];
                        // The first word of a phrase is matched written small too: "Künstliche Intelligenz" as a name.
                        if (family.Phrase is var (first, second) && i + 1 < tokens.Count &&
                            (TermFamily.Lower(t.Key) == TermFamily.Lower(first) || TermFamily.Lower(pipeline.Key(t.Norm)) == TermFamily.Lower(first)) &&
                            TermFamily.Lower(tokens[i + 1].Key) == TermFamily.Lower(second) && tokens[i + 1].Sentence == t.Sentence)
                        {
                            Add(forms, $"{t.Surface} {tokens[i + 1].Surface}");
                            i++;
                        }
                        else if (family.Matches(t.Key) && (!family.NounsOnly || IsNoun(tokens, i)))
                        {
                            Add(forms, t.Surface);
                        }
                    }
                }
                var n = forms.Values.Sum();
                var rate = Rates.Of(n, words);
                rows.Add(new MentionRow(group, family.Name, n, words, rate.Per10k,
                    string.Join(", ", forms.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).Take(6).Select(f => $"{f.Key} {f.Value}"))) { Low = rate.Low, High = rate.High });
            }
        }
        return rows;
    }

    /// <summary>
    /// The group with the highest (or, with <paramref name="lowest"/>, the lowest) rate of a family, the group that comes
    /// next, and the exact test of the two rates: a reading may call the first "most" ("least") only where the test says
    /// the rates differ.
    /// </summary>
    public static MentionExtreme Extreme(IReadOnlyList<MentionRow> rows, string family, bool lowest = false)
    {
        var ranked = rows.Where(r => r.Family == family).OrderBy(r => lowest ? r.Per10k : -r.Per10k).ThenBy(r => r.Document, StringComparer.Ordinal).ToList();
        if (ranked.Count < 2) throw new ArgumentException($"Family '{family}' needs at least two groups to rank; it has {ranked.Count}.");
        var (a, b) = (ranked[0], ranked[1]);
        return new MentionExtreme(a, b, Rates.Compare(a.Mentions, a.Words, b.Mentions, b.Words));
    }

    private static void Add(SortedDictionary<string, int> forms, string form) => forms[form] = forms.GetValueOrDefault(form) + 1;

    /// <summary>German nouns are capitalised; a capitalised verb opens a sentence and is followed by its subject ("Stellen Sie …").</summary>
    private static bool IsNoun(List<TokenRow> tokens, int i)
    {
        var t = tokens[i];
        if (!char.IsUpper(t.Surface[0])) return false;
        var opensSentence = i == 0 || tokens[i - 1].Sentence != t.Sentence;
        return !(opensSentence && i + 1 < tokens.Count && tokens[i + 1].Norm is "sie" or "wir" or "ihr" or "man" or "du" or "ich" or "es");
    }
}
