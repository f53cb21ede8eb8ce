using System.Collections.Concurrent;
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
    /// <summary>Unknown to the lexicon, long enough to inflect: Snowball's stem, marked with a trailing '*'.</summary>
    Snowball,
    /// <summary>Unknown and short (mostly function words and abbreviations): the word itself, lower-cased.</summary>
    Unchanged,
}

/// <summary>
/// A word as written → its key: the lemma from <see cref="GermanLexicon"/>, with capitalisation deciding noun against
/// verb or adjective; for words the lexicon lacks, the lemma of a compound's head, an adjective's positive, or
/// Snowball's stem. Thread-safe; keys are cached per written form.
/// </summary>
/// <remarks>
/// Unknown words shorter than <see cref="MinSnowballLength"/> letters keep their form: they are mostly prepositions,
/// adverbs and pronouns (außer, außen, mehr), which Snowball would merge with each other. A Snowball key carries a
/// trailing '*' so that a truncated stem ("mehr*" from "mehrere") never equals a whole word ("mehr").
/// Gender forms ("Entwickler:innen", "EntwicklerInnen") take the key of their base word.
/// </remarks>
public sealed class GermanLemmatizer(GermanLexicon lexicon)
{
    public const int MinSnowballLength = 7;
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
    /// <param name="noun">The word is known to be a noun (a capitalised head after a hyphen): no verb or adjective reading.</param>
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
        if (written.Length == 0) return (norm, KeySource.Unchanged);
        var capital = char.IsUpper(written[0]);
        if (capital && Noun(written, norm) is { } lemma) return (lemma, KeySource.Lexicon);
        if (!noun && lexicon.VerbOrAdjective(norm) is { } other) return (other.Lemma, KeySource.Lexicon);
        if (!capital && Comparison(norm) is { } positive) return (positive, KeySource.Comparison);
        if (!capital && Noun(char.ToUpperInvariant(norm[0]) + norm[1..], norm) is { } lowerNoun) return (lowerNoun, KeySource.Lexicon);
        var hyphen = written.LastIndexOf('-');
        if (hyphen > 0 && hyphen + 1 < written.Length)
        {
            // A capitalised head after a hyphen is a noun ("Cloud-Sparte"), never a verb form (sparte).
            var headWord = written[(hyphen + 1)..];
            var (head, source) = char.IsUpper(headWord[0]) ? Compute(headWord, noun: true) : Lookup(headWord);
            return (Compound(norm[..(hyphen + 1)], head), source == KeySource.Lexicon ? KeySource.CompoundHead : source);
        }
        if (capital && written.Length <= 256)
        {
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
        }
        if (norm.Length < MinSnowballLength || !norm.Any(char.IsLetter)) return (norm, KeySource.Unchanged);
return (Snowball(norm) + "*", KeySource.Snowball);
    }

    private static readonly ThreadLocal<Lucene.Net.Tartarus.Snowball.Ext.GermanStemmer> Stemmers = new(() => new());

    /// <summary>Lucene.Net's Snowball German stem of a normalised word (the fallback, and what the key review compares with).</summary>
    internal static string Snowball(string norm)
    {
        var stemmer = Stemmers.Value!;
        stemmer.SetCurrent(norm);
        stemmer.Stem();
        return stemmer.Current;
    }

    /// <summary>
    /// A noun lemma for a capitalised word: the form as written, as title case ("KONZERNE"), or with a genitive or dative
    /// ending the lexicon does not list ("Landes" → Land).
    /// </summary>
    private string? Noun(string written, string norm)
    {
        // "KONZERNE" as "Konzerne": the first letter capital, the rest as normalised (no call into ICU).
        if ((lexicon.Noun(written) ?? (norm.Length > 0 ? lexicon.Noun(char.ToUpperInvariant(norm[0]) + norm[1..]) : null)) is { } noun) return noun;
        foreach (var ending in NounEndings)
            if (written.Length > ending.Length + 2 && written.EndsWith(ending, StringComparison.Ordinal) && lexicon.Noun(written[..^ending.Length]) is { } stripped)
                return stripped;
        return null;
    }

    private static bool AdjectiveEnding(string rest) => rest is "e" or "en" or "em" or "er" or "es";

    private static readonly string[] NounEndings = ["es", "s", "e", "n"];

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
