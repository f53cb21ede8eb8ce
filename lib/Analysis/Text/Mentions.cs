using System.Text.RegularExpressions;

namespace Analysis.Text;

/// <summary>
/// A family of words that speak of one thing, matched on normalised tokens: a token whose form, or one of
/// whose compound parts, matches <see cref="Pattern"/>; <see cref="PhraseFirst"/> and <see cref="PhraseSecond"/> optionally match two adjacent
/// tokens ("künstliche Intelligenz").
/// </summary>
public sealed record TermFamily(string Name, Regex Pattern, Regex? PhraseFirst = null, Regex? PhraseSecond = null);

public sealed record MentionRow(string Document, string Family, int Mentions, int Words, double Per10k, string Forms);

/// <summary>How often, and in which forms, each text speaks of AI, of work, and of jobs.</summary>
public static class Mentions
{
    /// <summary>
    /// KI: "KI" alone or as a compound part ("KI-Modelle", "Polizei-KI"), and "künstliche Intelligenz".
    /// Arbeit*: every word beginning with "arbeit" (Arbeit, Arbeiter, Arbeitsplätze, Arbeitskraft …).
    /// Jobs: Stelle(n), Job(s), Arbeitsplatz/-plätze, also at the end of compounds ("Bürojob").
    /// </summary>
    public static IReadOnlyList<TermFamily> Default { get; } =
    [
        new("KI", new Regex("^ki$"), new Regex("^künstlich"), new Regex("^intelligenz$")),
        new("Arbeit*", new Regex("^arbeit")),
        new("Stellen/Jobs/Arbeitsplätze", new Regex("(^stellen?$|job|s?arbeitsplatz|s?arbeitsplätze)$")),
    ];

    public static IReadOnlyList<MentionRow> Count(Corpus corpus, IReadOnlyList<TermFamily>? families = null, bool includeComments = true)
    {
        families ??= Default;
        var rows = new List<MentionRow>();
        foreach (var doc in corpus.Documents)
        {
            var units = doc.Body.Cast<ITextUnit>().Concat(includeComments ? doc.Comments : []).ToList();
            var tokenLists = units.Select(u => Tokenizer.Tokenize(u.Text).Where(t => t.Kind == TokenKind.Word).ToList()).ToList();
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
                        else if (family.Pattern.IsMatch(t.Norm) || t.Parts.Length > 1 && t.Parts.Any(family.Pattern.IsMatch))
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
}
