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

    [Flags]
    internal enum Fact : ushort
    {
        None = 0, Word = 1, Lower = 2, KeyIsNoun = 4, Particle = 8, ClauseWord = 16, NominalDeterminer = 32, Subject = 64, PairWord = 128,
        UndOder = 256, AdjectiveEnding = 512, SingleCapital = 1024, ParticipleAdjective = 2048, HasAdjective = 4096, Nominal = 8192, Adjective = 16384,
        /// <summary>A rule may start at a token of this form (a hanging hyphen is read from the text).</summary>
        Candidate = Particle | SingleCapital | Nominal | Adjective | UndOder,
    }

    /// <summary>What the rules need of a distinct form, found once per form rather than once per token.</summary>
    internal readonly record struct Facts(Fact Is, string? Adjective, string? Nominal);

    /// <summary>The facts of each type of a table (in parallel: the lemmatizer is thread-safe).</summary>
    internal static Facts[] Of(TokenTable.WordType[] types, string[] keys, TermPipeline pipeline)
    {
        var lemmatizer = pipeline.Lemmatizer;
        var facts = new Facts[types.Length];
        Parallel.For(0, types.Length, i =>
        {
            var t = types[i];
            if (t.Kind != TokenKind.Word) return;
            var lower = !char.IsUpper(t.Surface[0]);
            var key = keys[t.KeyId];
            var ending = AdjectiveEnding(t.Norm);
            // Kept only where it differs from the form's own key: then a rule can change something.
            var reading = ending && pipeline.Options.Lemmatize ? lemmatizer.Adjective(t.Norm) : null;
            var adjective = reading == key ? null : reading;
            var nominal = !lower && t.Norm.EndsWith("en", StringComparison.Ordinal) ? lemmatizer.NominalisedAdjective(t.Surface) : null;
            if (nominal == key) nominal = null;
            // The closed classes are short words: no set lookups for the long ones.
            var closed = t.Norm.Length <= 15;
            var f = Fact.Word | (lower ? Fact.Lower : 0) | (key.Length > 0 && char.IsUpper(key[0]) ? Fact.KeyIsNoun : 0) | (ending ? Fact.AdjectiveEnding : 0)
                | (closed && lower && GermanLemmatizer.SeparableParticles.Contains(t.Norm) ? Fact.Particle : 0) | (closed && ClauseWords.Contains(t.Norm) ? Fact.ClauseWord : 0)
                | (closed && NominalDeterminers.Contains(t.Norm) ? Fact.NominalDeterminer : 0) | (closed && Subjects.Contains(t.Norm) ? Fact.Subject : 0)
                | (closed && PairWords.Contains(t.Norm) ? Fact.PairWord : 0) | (t.Norm is "und" or "oder" ? Fact.UndOder : 0)
                | (t.Surface.Length == 1 && char.IsUpper(t.Surface[0]) ? Fact.SingleCapital : 0)
                | (adjective is not null && lemmatizer.IsParticipleAdjective(adjective) ? Fact.ParticipleAdjective : 0) | (reading is not null ? Fact.HasAdjective : 0)
                | (nominal is not null ? Fact.Nominal : 0) | (adjective is not null ? Fact.Adjective : 0);
            facts[i] = new Facts(f, adjective, nominal);
        });
        return facts;
    }

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
        TokenTable.WordType[] types, Facts[] facts, string[] keys, TermPipeline pipeline)
    {
        List<Change>? changes = null;
        var lemmatizer = pipeline.Lemmatizer;
        ref readonly TokenTable.WordType T(int k) => ref types[type[k]];
        Fact F(int k) => facts[type[k]].Is;
        bool Has(int k, Fact fact) => (facts[type[k]].Is & fact) == fact;
        string Key(int k) => keys[T(k).KeyId];
        bool SameSentence(int a, int b) => a >= from && b < to && sentence[a] == sentence[b];
        bool OpensSentence(int k) => k == from || sentence[k - 1] != sentence[k];
        ReadOnlySpan<char> GapAfter(int k) => k + 1 < to ? text.AsSpan(start[k] + length[k], start[k + 1] - start[k] - length[k]) : text.AsSpan(start[k] + length[k]);
        bool PunctuationAfter(int k) => GapAfter(k).IndexOfAny(ClausePunctuation) >= 0;
        bool ClauseEndsAfter(int k) => k + 1 >= to || !SameSentence(k, k + 1) || PunctuationAfter(k) || Has(k + 1, Fact.ClauseWord);
        bool Hanging(int k)
        {
            var end = start[k] + length[k];
            return Has(k, Fact.Word) && end < text.Length && text[end] == '-' && (end + 1 == text.Length || char.IsWhiteSpace(text[end + 1]) || text[end + 1] == ',');
        }
        void Set(int k, string key, bool counts) => (changes ??= []).Add(new Change(k, key, counts));
        bool Counts(int k, string key) => pipeline.Counts(TokenKind.Word, T(k).Norm, pipeline.IsStopWord(T(k).Norm, key, KeySource.Lexicon));
        bool AfterDeterminer(int k) => k > from && SameSentence(k - 1, k) && Has(k - 1, Fact.Word) && T(k - 1).Stop && !Has(k - 1, Fact.Subject);

        for (var k = from; k < to; k++)
        {
            var f = F(k);
            if ((f & Fact.Word) == 0) continue;
            // Most tokens start no rule: one test of the flags and of the character after them.
            if ((f & Fact.Candidate) == 0 && (start[k] + length[k] >= text.Length || text[start[k] + length[k]] != '-')) continue;
            // A separated particle at the end of its clause joins the nearest finite verb before it in that clause.
            if ((f & Fact.Particle) != 0 && ClauseEndsAfter(k))
            {
                for (var i = k - 1; i >= from && SameSentence(i, k) && !PunctuationAfter(i); i--)
                {
                    if (!Has(i, Fact.Word) || !(Has(i, Fact.Lower) || OpensSentence(i))) continue;
                    if (lemmatizer.SeparableVerb(T(i).Norm, T(k).Norm) is not { } verb) continue;
                    Set(i, verb, !pipeline.IsStopKey(verb));
                    Set(k, Key(k), false);
                    break;
                }
                continue;
            }
            if (Hanging(k))
            {
                var m = k + 1;
                while (m < to && SameSentence(k, m) && (Hanging(m) || Has(m, Fact.PairWord) || !Has(m, Fact.Word))) m++;
                var completed = m < to && SameSentence(k, m) ? lemmatizer.Completed(T(k).Surface, T(m).Surface) : null;
                Set(k, completed ?? Key(k), completed is not null);
                continue;
            }
            // An initial before a name: "J. D. Vance".
            if ((f & Fact.SingleCapital) != 0 && k + 1 < to && GapAfter(k).StartsWith(".") && Has(k + 1, Fact.Word) && !Has(k + 1, Fact.Lower))
            {
                Set(k, Key(k), false);
                continue;
            }
            if (!pipeline.Options.Lemmatize) continue;
            var lower = (f & Fact.Lower) != 0;
            if (!lower && !OpensSentence(k) && facts[type[k]].Nominal is { } nominal)
            {
                var j = k - 1;
                // Back over the adjectives between ("der populistischen Rechten"), known or unknown to the lexicon.
                while (j >= from && SameSentence(j, k) && Has(j, Fact.Lower | Fact.AdjectiveEnding) && !T(j).Stop &&
                       (Has(j, Fact.HasAdjective) || T(j).Source == KeySource.Unchanged)) j--;
                if (j >= from && SameSentence(j, k) && Has(j, Fact.NominalDeterminer)) Set(k, nominal, Counts(k, nominal));
                continue;
            }
            // An inflected adjective before a noun is the adjective, not a verb form ("die reichen Länder") nor a nominalised
            // adjective ("Künstliche Intelligenz", "Europäischen Union"); a participle's preterite stays the verb unless a determiner
            // or preposition comes first ("die anerkannten Regeln", but "betonte Müller").
            if (facts[type[k]].Adjective is { } adjective && k + 1 < to && SameSentence(k, k + 1) &&
                Has(k + 1, Fact.Word | Fact.KeyIsNoun) && !Has(k + 1, Fact.Lower) && GapAfter(k).IsWhiteSpace() &&
                (lower ? T(k).Source == KeySource.Lexicon : (f & Fact.KeyIsNoun) != 0 || T(k).Source == KeySource.Unchanged) &&
                ((f & Fact.ParticipleAdjective) == 0 || AfterDeterminer(k)) && !(k > from && SameSentence(k - 1, k) && Has(k - 1, Fact.Subject)))
            {
                Set(k, adjective, Counts(k, adjective));
                continue;
            }
            // The second member of a gender pair counts once: "Arbeiterinnen und Arbeiter" (found at the "und").
            if ((f & Fact.UndOder) != 0 && k > from && k + 1 < to && SameSentence(k - 1, k + 1) && Has(k - 1, Fact.Word) && !Has(k - 1, Fact.Lower) &&
                Has(k + 1, Fact.Word) && Key(k + 1) == Key(k - 1) && !string.Equals(T(k + 1).Norm, T(k - 1).Norm, StringComparison.Ordinal))
                Set(k + 1, Key(k + 1), false);
        }
        return changes;
    }

    private static bool AdjectiveEnding(string norm) =>
        norm.EndsWith('e') || norm.EndsWith("en", StringComparison.Ordinal) || norm.EndsWith("em", StringComparison.Ordinal) ||
        norm.EndsWith("er", StringComparison.Ordinal) || norm.EndsWith("es", StringComparison.Ordinal);
}
