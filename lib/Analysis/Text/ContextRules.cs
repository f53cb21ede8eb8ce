namespace Analysis.Text;

/// <summary>
/// Keys that depend on the words around a token, applied by the <see cref="TokenTable"/> to each unit after every form has
/// its key: a separated verb particle joins its verb ("baut … ab" → abbauen, the particle not counted); a nominalised
/// adjective after a determiner ("die Reichen" → Reiche, not Reich); an adjective before a noun ("die reichen Länder" →
/// reich, not reichen); a hanging first part completed from its partner ("Programmier- und Entwicklerjobs" →
/// Programmierjob); initials before a name ("J. D. Vance") and the second member of a gender pair ("Arbeiterinnen und
/// Arbeiter") not counted.
/// </summary>
internal static class ContextRules
{
    /// <summary>A token whose key or counting the context changes: its index in the table, its key, whether it counts.</summary>
    internal readonly record struct Change(int Token, string Key, bool Counts);

    private const string ClausePunctuation = ",;:.!?()[]–—\"„“”»«";

    private static readonly HashSet<string> ClauseWords = new(StringComparer.Ordinal)
        { "und", "oder", "aber", "sondern", "denn", "doch", "als", "wie", "weil", "dass", "daß", "sowie", "wenn", "ob", "bevor", "nachdem" };

    /// <summary>Determiners after which an -en form is a nominalised adjective (nominative, accusative or genitive; not "den", "dem").</summary>
    private static readonly HashSet<string> NominalDeterminers = new(StringComparer.Ordinal)
    {
        "der", "die", "des", "alle", "aller", "beide", "beider", "viele", "vieler", "wenige", "weniger", "einige", "einiger", "manche", "keine",
        "keiner", "diese", "dieser", "jene", "jener", "solche", "welche", "sämtliche", "ihre", "ihrer", "seine", "seiner", "unsere", "unserer",
    };

    private static readonly HashSet<string> Subjects = new(StringComparer.Ordinal) { "ich", "du", "er", "sie", "es", "wir", "ihr", "man" };

    private static readonly HashSet<string> PairWords = new(StringComparer.Ordinal) { "und", "oder", "sowie", "bzw", "beziehungsweise", "bis" };

    /// <summary>The changes for the tokens <paramref name="from"/> … <paramref name="to"/> − 1 of one unit's <paramref name="text"/>.</summary>
    public static List<Change>? Apply(string text, int from, int to, int[] type, int[] start, int[] length, int[] sentence,
        IReadOnlyList<TokenTable.WordType> types, IReadOnlyList<string> keys, TermPipeline pipeline)
    {
        List<Change>? changes = null;
        var lemmatizer = pipeline.Lemmatizer;
        TokenTable.WordType T(int k) => types[type[k]];
        string Key(int k) => keys[T(k).KeyId];
        bool IsWord(int k) => T(k).Kind == TokenKind.Word;
        bool Lower(int k) => IsWord(k) && !char.IsUpper(T(k).Surface[0]);
        bool SameSentence(int a, int b) => a >= from && b < to && sentence[a] == sentence[b];
        bool OpensSentence(int k) => k == from || sentence[k - 1] != sentence[k];
        ReadOnlySpan<char> GapAfter(int k) => k + 1 < to ? text.AsSpan(start[k] + length[k], start[k + 1] - start[k] - length[k]) : text.AsSpan(start[k] + length[k]);
        bool PunctuationAfter(int k) => GapAfter(k).IndexOfAny(ClausePunctuation) >= 0;
        bool ClauseEndsAfter(int k) => k + 1 >= to || !SameSentence(k, k + 1) || PunctuationAfter(k) || ClauseWords.Contains(T(k + 1).Norm);
        bool Hanging(int k)
        {
            var end = start[k] + length[k];
            return IsWord(k) && end < text.Length && text[end] == '-' && (end + 1 == text.Length || char.IsWhiteSpace(text[end + 1]) || text[end + 1] == ',');
        }
        bool AfterDeterminer(int k) => k > from && SameSentence(k - 1, k) && IsWord(k - 1) && T(k - 1).Stop && !Subjects.Contains(T(k - 1).Norm);
        void Set(int k, string key, bool counts) => (changes ??= []).Add(new Change(k, key, counts));
        bool Counts(int k, string key) => pipeline.Counts(TokenKind.Word, T(k).Norm, pipeline.IsStopWord(T(k).Norm, key, KeySource.Lexicon));

        for (var k = from; k < to; k++)
        {
            if (!IsWord(k)) continue;
            var t = T(k);
            // A separated particle at the end of its clause joins the nearest finite verb before it in that clause.
            if (Lower(k) && GermanLemmatizer.SeparableParticles.Contains(t.Norm) && ClauseEndsAfter(k))
            {
                for (var i = k - 1; i >= from && SameSentence(i, k) && !PunctuationAfter(i); i--)
                {
                    if (!IsWord(i) || !(Lower(i) || OpensSentence(i))) continue;
                    if (lemmatizer.SeparableVerb(T(i).Norm, t.Norm) is not { } verb) continue;
                    Set(i, verb, !pipeline.IsStopKey(verb));
                    Set(k, Key(k), false);
                    break;
                }
                continue;
            }
            if (Hanging(k))
            {
                var m = k + 1;
                while (m < to && SameSentence(k, m) && (Hanging(m) || PairWords.Contains(T(m).Norm) || !IsWord(m))) m++;
                var completed = m < to && SameSentence(k, m) ? lemmatizer.Completed(t.Surface, T(m).Surface) : null;
                Set(k, completed ?? Key(k), completed is not null);
                continue;
            }
            // An initial before a name: "J. D. Vance".
            if (t.Surface.Length == 1 && char.IsUpper(t.Surface[0]) && k + 1 < to && GapAfter(k).StartsWith(".") && IsWord(k + 1) && char.IsUpper(T(k + 1).Surface[0]))
            {
                Set(k, Key(k), false);
                continue;
            }
            if (!pipeline.Options.Lemmatize) continue;
            if (!Lower(k) && !OpensSentence(k) && t.Norm.EndsWith("en", StringComparison.Ordinal) && lemmatizer.NominalisedAdjective(t.Surface) is { } nominal && nominal != Key(k))
            {
                var j = k - 1;
                // Back over the adjectives between ("der populistischen Rechten"), known or unknown to the lexicon.
                while (j >= from && SameSentence(j, k) && Lower(j) && !T(j).Stop && AdjectiveEnding(T(j).Norm) &&
                       (lemmatizer.Adjective(T(j).Norm) is not null || T(j).Source == KeySource.Unchanged)) j--;
                if (j >= from && SameSentence(j, k) && NominalDeterminers.Contains(T(j).Norm)) Set(k, nominal, Counts(k, nominal));
                continue;
            }
            // An inflected adjective before a noun is the adjective, not a verb form ("die reichen Länder") nor a nominalised
            // adjective ("Künstliche Intelligenz", "Europäischen Union"); a participle's preterite stays the verb unless a determiner
            // or preposition comes first ("die anerkannten Regeln", but "betonte Müller").
            var beforeNoun = k + 1 < to && SameSentence(k, k + 1) && IsWord(k + 1) && char.IsUpper(T(k + 1).Surface[0]) && char.IsUpper(Key(k + 1)[0]) &&
                GapAfter(k).IsWhiteSpace();
            if (beforeNoun && (Lower(k) ? t.Source == KeySource.Lexicon : char.IsUpper(Key(k)[0]) || t.Source == KeySource.Unchanged) && AdjectiveEnding(t.Norm) &&
                lemmatizer.Adjective(t.Norm) is { } adjective && adjective != Key(k) && (!lemmatizer.IsParticipleAdjective(adjective) || AfterDeterminer(k)) &&
                !(k > from && SameSentence(k - 1, k) && Subjects.Contains(T(k - 1).Norm)))
            {
                Set(k, adjective, Counts(k, adjective));
                continue;
            }

            // The second member of a gender pair counts once: "Arbeiterinnen und Arbeiter".
            if (k + 2 < to && SameSentence(k, k + 2) && T(k + 1).Norm is "und" or "oder" && IsWord(k + 2) && !Lower(k) && Key(k + 2) == Key(k) &&
                !string.Equals(T(k + 2).Norm, t.Norm, StringComparison.Ordinal))
                Set(k + 2, Key(k + 2), false);
        }
        return changes;
    }

    private static bool AdjectiveEnding(string norm) =>
        norm.EndsWith('e') || norm.EndsWith("en", StringComparison.Ordinal) || norm.EndsWith("em", StringComparison.Ordinal) ||
        norm.EndsWith("er", StringComparison.Ordinal) || norm.EndsWith("es", StringComparison.Ordinal);
}
