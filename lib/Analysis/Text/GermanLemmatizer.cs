using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;

namespace Analysis.Text;

/// <summary>How a word's key was found.</summary>
public enum KeySource
{
    /// <summary>The word is a form in the lexicon; the key is its lemma.</summary>
    Lexicon,
    /// <summary>A compound the lexicon lacks, keyed by the lemma of its head ("Bürojobs" → "Bürojob").</summary>
    CompoundHead,
    /// <summary>A comparative or superlative of a lexicon adjective ("schneller" → "schnell").</summary>
    Comparison,
    /// <summary>
    /// Unknown to the lexicon and no compound of a known noun (names, adverbs, function words, foreign words): the word
    /// itself, lower-cased. A name's genitive takes the name's key where the name stands in the same table (Amazons → amazon).
    /// </summary>
    Unchanged,
    /// <summary>Decided by the words around it (a separated verb particle, a nominalised or attributive adjective, a hanging hyphen).</summary>
    Context,
}

/// <summary>
/// A word as written → its key: the lemma from <see cref="GermanLexicon"/>, with capitalisation deciding noun against
/// verb or adjective; for words the lexicon lacks, the lemma of a compound's head or an adjective's positive, else the
/// word itself (lower-cased). Thread-safe; keys are cached per written form.
/// </summary>
/// <remarks>
/// No stemming: a word the lexicon lacks is mostly a name, an adverb or a foreign word, and its form is its lemma (a
/// Snowball stem was mostly wrong for them on a Universal Dependencies treebank: bereits → bereit, Bosnien → bosni).
/// Gender forms ("Arbeiterin", "Entwickler:innen", "EntwicklerInnen") take the key of their base word. The context rules
/// of the token table (separable verbs, nominalised and attributive adjectives, hanging hyphens) use the internal
/// lookups below; <see cref="TokenTable"/> applies them.
/// </remarks>
public sealed class GermanLemmatizer(GermanLexicon lexicon)
{
    private const int MinHeadLength = 3;
    private const int MinModifierLength = 3;

    private static readonly TextInfo German = CultureInfo.GetCultureInfo("de-DE").TextInfo;
    private static readonly string[] ComparisonEndings =
        ["ere", "eren", "erem", "erer", "eres", "er", "este", "esten", "estem", "ester", "estes", "est", "ste", "sten", "stem", "ster", "stes", "st"];

    private readonly ConcurrentDictionary<string, (string Key, KeySource Source)> _cache = new(StringComparer.Ordinal);

    public GermanLexicon Lexicon => lexicon;

    private static readonly Lazy<GermanLemmatizer> _default = new(() => new GermanLemmatizer(GermanLexicon.Default));

    public static GermanLemmatizer Default => _default.Value;

    /// <summary>The key of a word as written (capitalisation included).</summary>
    public string Key(string word) => Lookup(word).Key;

    /// <summary>The key of a word as written, and how it was found.</summary>
    public (string Key, KeySource Source) Lookup(string word) => _cache.TryGetValue(word, out var hit) ? hit : _cache.GetOrAdd(word, Compute(word));

    /// <summary>As <see cref="Lookup"/>, without the cache: for callers that ask once per distinct form (the token table).</summary>
    internal (string Key, KeySource Source) LookupOnce(string word) => _cache.TryGetValue(word, out var hit) ? hit : Compute(word);

    /// <summary>
    /// The key of a capitalised word inside a sentence, which German writes so only as a noun (or a name): no verb or
    /// adjective reading ("Löhne" is wages, not a form of löhnen).
    /// </summary>
    public (string Key, KeySource Source) LookupNoun(string word) => Compute(word, noun: true);

    /// <param name="word">The word as written.</param>
    /// <param name="noun">The word is known to be a noun (capitalised inside a sentence, or a head after a hyphen): no verb or adjective reading.</param>
    private (string Key, KeySource Source) Compute(string word, bool noun = false)
    {
        var norm = Tokenizer.Normalize(word);
        var written = word.Replace("\u00AD", "", StringComparison.Ordinal).Replace('’', '\'');
        var colon = norm.IndexOf(':');
        if (colon > 0)
        {
            // The base word, as written, of a gender form: the colon form's prefix has the same length.
            written = written[..colon];
            norm = norm[..colon];
        }
        if (written.Length == 0 || !norm.Any(char.IsLetter) || Figures.GermanNumbers.TryParseWord(norm, out _)) return (norm, KeySource.Unchanged);
        var capital = char.IsUpper(written[0]);
        if (capital && DirectNoun(written, norm) is { } lemma) return (Gender(lemma), KeySource.Lexicon);
        if (noun && capital && NounByEnding(written) is { } inflected) return (Gender(inflected), KeySource.Lexicon);
        if (!noun)
        {
            if (lexicon.VerbOrAdjective(norm) is { } other)
            {
                // A verb made from an adjective (schnellen, langen, strengen) loses the adjective's inflected forms to it.
                if (other.Class == WordClass.Verb && norm != other.Lemma && lexicon.Adjective(norm) is { } adjective &&
                    (other.Lemma == adjective + "en" || other.Lemma == adjective + "n"))
                    return (adjective, KeySource.Lexicon);
                // An adjective listed in its comparative or superlative ("nächste", "weitere") is keyed by its positive.
                return other.Class == WordClass.Adjective && Comparison(other.Lemma) is { } listed ? (listed, KeySource.Comparison) : (other.Lemma, KeySource.Lexicon);
            }
            if (ZuInfinitive(norm) is { } verb) return (verb, KeySource.Lexicon);
            if (Comparison(norm) is { } positive) return (positive, KeySource.Comparison);
            if (capital && NounByEnding(written) is { } startNoun) return (Gender(startNoun), KeySource.Lexicon);
        }
        var hyphen = written.LastIndexOf('-');
        if (hyphen > 0 && hyphen + 1 < written.Length)
        {
            // A capitalised head after a hyphen is a noun ("Cloud-Sparte"), never a verb form (sparte).
            var headWord = written[(hyphen + 1)..];
            var (head, source) = char.IsUpper(headWord[0]) ? Compute(headWord, noun: true) : Lookup(headWord);
            if (source is KeySource.Unchanged) return (norm, KeySource.Unchanged);
            return (Compound(Modifier(written[..hyphen], norm[..(hyphen + 1)]), head), source == KeySource.Lexicon ? KeySource.CompoundHead : source);
        }
        if (capital && Head(written) is { } compound) return compound;
        // Swiss and pre-1996 spelling: "grosse", "Aussenminister", "Spass" as groß, Außenminister, Spaß.
        if (norm.Contains("ss", StringComparison.Ordinal) && !written.Contains('ß'))
            for (var at = written.IndexOf("ss", StringComparison.Ordinal); at >= 0; at = written.IndexOf("ss", at + 1, StringComparison.Ordinal))
                if (Compute(written[..at] + "ß" + written[(at + 2)..], noun) is (var sharp, not KeySource.Unchanged) found) return found;
        return (norm, KeySource.Unchanged);
    }

    /// <summary>
    /// The key of a compound the lexicon lacks by its longest known noun head ("Büroarbeitsplätze" → Büroarbeitsplatz), or null;
    /// the first part must itself be a word (<see cref="IsModifier"/>).
    /// </summary>
    private (string Key, KeySource Source)? Head(string written)
    {
        if (written.Length > 256) return null;
        var norm = Tokenizer.Normalize(written);
        // Every possible head, longest first, capitalised in one buffer: no string per candidate.
        Span<char> head = stackalloc char[written.Length];
        for (var i = MinModifierLength; i + MinHeadLength <= written.Length; i++)
        {
            var candidate = head[..(written.Length - i)];
            written.AsSpan(i).CopyTo(candidate);
            candidate[0] = char.ToUpperInvariant(candidate[0]);
            if (lexicon.Noun(candidate) is { } headLemma && IsModifier(norm[..i]))
                return (Compound(norm[..i], headLemma), KeySource.CompoundHead);
        }
        return null;
    }

    /// <summary>
    /// The key of a hanging first part ("Programmier-" in "Programmier- und Entwicklerjobs"), completed with the head of its
    /// partner ("Entwicklerjobs" → -job): "Programmierjob"; null where the partner has no head the lexicon knows.
    /// </summary>
    internal string? Completed(string hanging, string partner)
    {
        var written = partner.Replace("\u00AD", "", StringComparison.Ordinal);
        var hyphen = written.LastIndexOf('-');
        string? headLemma = null;
        if (hyphen > 0 && hyphen + 1 < written.Length && char.IsUpper(written[hyphen + 1])) headLemma = LookupNoun(written[(hyphen + 1)..]) is ({ } h, KeySource.Lexicon or KeySource.CompoundHead) ? h : null;
        else
            for (var i = MinModifierLength; headLemma is null && i + MinHeadLength <= written.Length; i++)
                headLemma = lexicon.Noun(char.ToUpperInvariant(written[i]) + written[(i + 1)..]) ?? NounByEnding(char.ToUpperInvariant(written[i]) + written[(i + 1)..]);
        if (headLemma is null) return null;
        var modifier = Tokenizer.Normalize(hanging);
        return Compound(Modifier(hanging, modifier), headLemma);
    }

    /// <summary>
    /// A compound's first part as it enters the key: a plain word loses its hyphen ("Internet-Blackout" and "Internetblackout"
    /// are one key), an abbreviation or a part with digits keeps it ("KI-Rechenzentrum").
    /// </summary>
    private static string Modifier(string written, string norm)
    {
        var plain = written.TrimEnd('-');
        var word = plain.Length >= MinModifierLength && plain.All(char.IsLetter) && plain.Skip(1).Any(char.IsLower);
        return word ? norm.TrimEnd('-') : norm;
    }

    /// <summary>A zu-infinitive of a separable verb ("abzubauen" → abbauen), or null.</summary>
    private string? ZuInfinitive(string norm)
    {
        if (norm.Length < 7) return null;
        foreach (var particle in SeparableParticles)
            if (norm.Length > particle.Length + 4 && norm.StartsWith(particle, StringComparison.Ordinal) && norm.AsSpan(particle.Length).StartsWith("zu", StringComparison.Ordinal))
            {
                var verb = particle + norm[(particle.Length + 2)..];
                if (lexicon.IsVerb(verb)) return verb;
            }
        return null;
    }

    /// <summary>
    /// Separable verb particles, as German grammars list them (Duden, Die Grammatik, §§ 1039 ff.): a particle at a clause's
    /// end joins its finite verb where the lexicon has the joined verb ("baut … ab" → abbauen, "fand … statt" → stattfinden).
    /// </summary>
    internal static readonly FrozenSet<string> SeparableParticles = FrozenSet.ToFrozenSet(
    [
        "ab", "an", "auf", "aus", "bei", "bereit", "dar", "durch", "ein", "empor", "entgegen", "entlang", "fest", "fort", "frei", "gegenüber",
        "her", "heran", "herauf", "heraus", "herbei", "herein", "herüber", "herum", "herunter", "hervor", "hin", "hinauf", "hinaus", "hinein",
        "hinterher", "hinüber", "hinunter", "hinweg", "hinzu", "hoch", "los", "mit", "nach", "nieder", "offen", "statt", "teil", "um", "umher",
        "unter", "voran", "voraus", "vorbei", "vor", "vorüber", "weg", "weiter", "wieder", "zu", "zurecht", "zurück", "zusammen", "über",
    ], StringComparer.Ordinal);

    /// <summary>The separable verb a finite form and a particle make ("kündigte", "an" → ankündigen), or null.</summary>
    internal string? SeparableVerb(string finite, string particle)
    {
        if (!SeparableParticles.Contains(particle) || lexicon.VerbOrAdjective(finite) is not { Class: WordClass.Verb } verb) return null;
        var joined = particle + verb.Lemma;
        return lexicon.IsVerb(joined) ? joined : null;
    }

    /// <summary>The adjective reading of a lower-case form, where the lexicon has one ("reichen" → reich).</summary>
    internal string? Adjective(string norm) => lexicon.Adjective(norm) is { } a ? Comparison(a) ?? a : Comparison(norm);

    /// <summary>
    /// Whether a lower-case form is a past participle that the lexicon also lists as an adjective ("bekannt", "begeistert",
    /// "bestellt"): keyed as its verb where an auxiliary makes it verbal, else as the adjective.
    /// </summary>
    internal bool IsParticipleAdjective(string norm) => lexicon.Adjective(norm) == norm && lexicon.VerbOrAdjective(norm) is { Class: WordClass.Verb };

    /// <summary>The nominalised adjective a capitalised form can be ("Reichen" → Reiche), where the lexicon has one.</summary>
    internal string? NominalisedAdjective(string written) => lexicon.NominalisedAdjective(written);

    /// <summary>
    /// Gender forms share one key (the policy notebook 01 states): a feminine noun in -in whose base is a noun of the lexicon
    /// takes the base's key ("Arbeiterin", "Arbeiterinnen", "Arbeiter:innen", "ArbeiterInnen" → Arbeiter).
    /// </summary>
    private string Gender(string lemma) =>
        lemma.Length > 5 && lemma.EndsWith("in", StringComparison.Ordinal) && lexicon.Noun(lemma[..^2]) == lemma[..^2] ? lemma[..^2] : lemma;

    /// <summary>A noun lemma for a capitalised word as written, or as title case ("KONZERNE" → Konzern).</summary>
    private string? DirectNoun(string written, string norm) =>
        // "KONZERNE" as "Konzerne": the first letter capital, the rest as normalised (no call into ICU).
        lexicon.Noun(written) ?? (norm.Length > 0 ? lexicon.Noun(char.ToUpperInvariant(norm[0]) + norm[1..]) : null);

    /// <summary>
    /// A noun lemma for a capitalised word with an ending the lexicon does not list ("Landes" → Land), or a plural with
    /// umlaut the lexicon lacks ("Löhne" → Lohn).
    /// </summary>
    private string? NounByEnding(string written)
    {
        foreach (var ending in NounEndings)
        {
            if (written.Length <= ending.Length + 2 || !written.EndsWith(ending, StringComparison.Ordinal)) continue;
            var stem = written[..^ending.Length];
            if (ending is "es" or "s" or "e" or "n" && lexicon.Noun(stem) is { } stripped) return stripped;
            if (ending is "e" or "en" or "er" or "ern" && stem.LastIndexOfAny(['ä', 'ö', 'ü']) is var u and > 0)
            {
                var plain = stem[..u] + stem[u] switch { 'ä' => 'a', 'ö' => 'o', _ => 'u' } + stem[(u + 1)..];
                if (lexicon.Noun(plain) == plain) return plain;
            }
        }
        return null;
    }

    private static bool AdjectiveEnding(string rest) => rest is "e" or "en" or "em" or "er" or "es";

    private static readonly string[] NounEndings = ["es", "s", "e", "n", "en", "er", "ern"];

    private static readonly string[] LinkingElements = ["", "s", "es", "n", "en", "er", "e"];

    /// <summary>
    /// Whether a compound's first part is a word: a noun, adjective or verb stem of the lexicon, with or without a
    /// linking element ("Arbeits-", "Lebens-", "Liefer-"). Keeps sentence-initial function words ("Stattdessen") from
    /// being read as compounds of a short noun ("Essen").
    /// </summary>
    private bool IsModifier(string modifier, int depth = 2)
    {
        foreach (var link in LinkingElements)
        {
            if (!modifier.EndsWith(link, StringComparison.Ordinal) || modifier.Length - link.Length < MinModifierLength) continue;
            var stem = modifier[..^link.Length];
            if (lexicon.Noun(char.ToUpperInvariant(stem[0]) + stem[1..]) is not null || lexicon.VerbOrAdjective(stem) is not null ||
                lexicon.VerbOrAdjective(stem + "en") is { Class: WordClass.Verb } || lexicon.VerbOrAdjective(stem + "n") is { Class: WordClass.Verb })
                return true;
            // A modifier that is itself a compound: "Büroarbeits-" = "Büro" + "Arbeit" + s.
            if (depth > 0)
                for (var k = MinModifierLength; k + MinHeadLength <= stem.Length; k++)
                    if (lexicon.Noun(char.ToUpperInvariant(stem[k]) + stem[(k + 1)..]) is not null && IsModifier(stem[..k], depth - 1))
                        return true;
        }
        return false;
    }

    /// <summary>Irregular comparison, as every grammar lists it.</summary>
    private static readonly (string Stem, string Positive)[] Irregular = [("höher", "hoch"), ("höchst", "hoch"), ("besser", "gut"), ("best", "gut"), ("näher", "nah"), ("nächst", "nah")];

    private string? Comparison(string norm)
    {
        foreach (var (stem, positive) in Irregular)
            if (norm.StartsWith(stem, StringComparison.Ordinal) && (norm.Length == stem.Length || AdjectiveEnding(norm[stem.Length..])))
                return lexicon.VerbOrAdjective(positive)?.Lemma;
        // Superlative after s, ß, z: "größten" = größ + t + en.
        foreach (var ending in (string[])["te", "ten", "tem", "ter", "tes", "t"])
            if (norm.Length > ending.Length + 3 && norm.EndsWith(ending, StringComparison.Ordinal) && norm[^(ending.Length + 1)] is 's' or 'ß' or 'z' &&
                Positive(norm[..^ending.Length]) is { } sibilant)
                return sibilant;
        foreach (var ending in ComparisonEndings)
            if (norm.Length > ending.Length + 2 && norm.EndsWith(ending, StringComparison.Ordinal) && Positive(norm[..^ending.Length]) is { } positive)
                return positive;
        return null;
    }

    private string? Positive(string stem)
    {
        if (lexicon.VerbOrAdjective(stem) is { Class: WordClass.Adjective } a) return a.Lemma;
        // Comparison with umlaut: größer → groß, älteste → alt.
        var i = stem.IndexOfAny(['ä', 'ö', 'ü']);
        if (i < 0) return null;
        var plain = stem[..i] + stem[i] switch { 'ä' => 'a', 'ö' => 'o', _ => 'u' } + stem[(i + 1)..];
        return lexicon.VerbOrAdjective(plain) is { Class: WordClass.Adjective } b ? b.Lemma : null;
    }

    /// <summary>A compound's key: its modifier lower-case and the head's key; a noun head keeps the capital in front.</summary>
    private static string Compound(string modifier, string head)
    {
        var key = modifier + German.ToLower(head);
        return head.Length > 0 && char.IsUpper(head[0]) ? char.ToUpperInvariant(key[0]) + key[1..] : key;
    }
}
