using System.Text.RegularExpressions;

namespace Analysis.Text;

/// <summary>
/// A family of words that speak of one thing, matched on normalised tokens: a token whose form, or one of
/// whose compound parts, matches <see cref="Pattern"/>; <see cref="PhraseFirst"/> and <see cref="PhraseSecond"/> optionally match two adjacent
/// tokens ("künstliche Intelligenz").
/// </summary>
/// <summary>
/// A family of words counted together: <paramref name="Pattern"/> on a word's lower-cased form (or on a part of a
/// hyphenated compound), <paramref name="Head"/> on the end of a closed compound ("Bürojobs"), a two-word phrase, and
/// whether only nouns count (a capitalised word that is not a verb opening a sentence: "Stellen" the jobs, not
/// "stellen" or "Stellen Sie").
/// </summary>
public sealed record TermFamily(string Name, Regex Pattern, Regex? PhraseFirst = null, Regex? PhraseSecond = null, Regex? Head = null, bool NounsOnly = false);

public sealed record MentionRow(string Document, string Family, int Mentions, int Words, double Per10k, string Forms);

/// <summary>How often, and in which forms, each text speaks of AI, of work, and of jobs.</summary>
public static class Mentions
{
    /// <summary>
    /// KI: "KI" alone or as a compound part ("KI-Modelle", "Polizei-KI"), and "künstliche Intelligenz".
    /// Arbeit*: every word beginning with "arbeit" (Arbeit, Arbeiter, Arbeitsplätze, Arbeitskraft …).
    /// Jobs: Job(s) and Arbeitsplatz in every case, also as the head of a compound ("Bürojobs", "Büroarbeitsplätze"),
    /// and Stelle(n), as nouns only; a compound ending in "stelle" is not counted (Schnittstelle, Haltestelle).
    /// </summary>
    public static IReadOnlyList<TermFamily> Default { get; } =
    [
        new("KI", new Regex("^ki$"), new Regex("^künstlich"), new Regex("^intelligenz$")),
        new("Arbeit*", new Regex("^arbeit")),
        new("Stellen/Jobs/Arbeitsplätze", new Regex("^(jobs?|stellen?|arbeitsplatz(es)?|arbeitsplätzen?)$"),
            Head: new Regex("\\p{L}(jobs?|arbeitsplatz(es)?|arbeitsplätzen?)$"), NounsOnly: true),
    ];

    public static IReadOnlyList<MentionRow> Count(Corpus corpus, IReadOnlyList<TermFamily>? families = null, bool includeComments = true)
    {
        families ??= Default;
        var rows = new List<MentionRow>();
        foreach (var doc in corpus.Documents)
        {
            var units = doc.Body.Cast<ITextUnit>().Concat(includeComments ? doc.Comments : []).ToList();
            var tokenLists = units.Select(u => Tokenizer.Tokenize(u.CountedText()).Where(t => t.Kind == TokenKind.Word).ToList()).ToList();
            var words = tokenLists.Sum(t => t.Count);
            foreach (var family in families)
            {
                var forms = new SortedDictionary<string, int>(StringComparer.Ordinal);
                foreach (var tokens in tokenLists)
                    for (var i = 0; i < tokens.Count; i++)
                    {
                        var t = tokens[i];
                        if (family.PhraseFirst is not null && i + 1 < tokens.Count && family.PhraseFirst.IsMatch(t.Norm) && family.PhraseSecond!.IsMatch(tokens[i + 1].Norm))
                        {
                            Add(forms, $"{t.Surface} {tokens[i + 1].Surface}");
                            i++;
                        }
                        else if ((family.Pattern.IsMatch(t.Norm) || family.Head?.IsMatch(t.Norm) == true || t.Parts.Length > 1 && t.Parts.Any(family.Pattern.IsMatch))
                                 && (!family.NounsOnly || IsNoun(tokens, i)))
                        {
                            Add(forms, t.Surface);
                        }
                    }
                var n = forms.Values.Sum();
                rows.Add(new MentionRow(doc.Id, family.Name, n, words, words == 0 ? 0 : Math.Round(10_000.0 * n / words, 1),
                    string.Join(", ", forms.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).Take(6).Select(f => $"{f.Key} {f.Value}"))));
            }
        }
        return rows;
    }

    private static void Add(SortedDictionary<string, int> forms, string form) => forms[form] = forms.GetValueOrDefault(form) + 1;

    /// <summary>German nouns are capitalised; a capitalised verb opens a sentence and is followed by its subject ("Stellen Sie …").</summary>
    private static bool IsNoun(List<Token> tokens, int i)
    {
        var t = tokens[i];
        if (!char.IsUpper(t.Surface[0])) return false;
        var opensSentence = i == 0 || tokens[i - 1].Sentence != t.Sentence;
        return !(opensSentence && i + 1 < tokens.Count && tokens[i + 1].Norm is "sie" or "wir" or "ihr" or "man" or "du" or "ich" or "es");
    }
}
