using System.Collections.Frozen;

namespace Analysis.Text;

/// <summary>
/// Stop words as full German word forms, matched on the normalised (lower-case) form, and for verbs and adjectives also on
/// the lemma, so that every form of a listed auxiliary or modal verb is one ("konnten" like "können", "seien" like "sein").
/// </summary>
/// <remarks>
/// <para>
/// Source: the categories of the Snowball project's German stop list (the list Lucene ships, 231 entries), completed to
/// their full paradigms as German grammars give them (Duden, Die Grammatik: articles, pronouns, determiners and
/// quantifiers in every case and gender), plus the prepositions, conjunctions, pronominal adverbs and common sentence
/// adverbs those categories leave out (bereits, allerdings, zunächst, stattdessen, schließlich, innerhalb). The Snowball list
/// holds stems ("unse", "unsem", "unsen", "unses", "anderr"), which never match a word; here every entry is a word.
/// </para>
/// <para>
/// Left out on purpose: words that are also common nouns when capitalised ("weg"/Weg, "morgen"/Morgen), and number words,
/// which the token table reads as numbers rather than terms. "machen" stays, as in the Snowball list.
/// </para>
/// </remarks>
public sealed class StopWords
{
    /// <summary>Articles, pronouns, determiners and quantifiers in all their forms.</summary>
    public static readonly IReadOnlyList<string> Determiners =
    [
        "der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen",
        "ich", "mich", "mir", "meiner", "du", "dich", "dir", "deiner", "er", "ihn", "ihm", "seiner", "sie", "ihr", "ihnen", "ihrer",
        "es", "wir", "uns", "unser", "euch", "euer", "sich", "man", "selbst", "selber",
        "mein", "meine", "meinem", "meinen", "meines", "dein", "deine", "deinem", "deinen", "deines", "sein", "seine", "seinem", "seinen",
        "seines", "ihre", "ihrem", "ihren", "ihres", "unsere", "unserem", "unseren", "unserer", "unseres", "unsre", "unsrem", "unsren",
        "unsrer", "unsres", "eure", "eurem", "euren", "eurer", "eures",
        "dies", "diese", "dieser", "dieses", "diesem", "diesen", "jene", "jener", "jenes", "jenem", "jenen",
        "derselbe", "dieselbe", "dasselbe", "desselben", "derselben", "demselben", "denselben", "dieselben",
        "derjenige", "diejenige", "dasjenige", "desjenigen", "demjenigen", "denjenigen", "diejenigen",
        "solch", "solche", "solcher", "solches", "solchem", "solchen", "jede", "jeder", "jedes", "jedem", "jeden",
        "manch", "manche", "mancher", "manches", "manchem", "manchen", "welch", "welche", "welcher", "welches", "welchem", "welchen",
        "kein", "keine", "keiner", "keines", "keinem", "keinen", "all", "alle", "aller", "alles", "allem", "allen",
        "beide", "beider", "beides", "beidem", "beiden", "einige", "einiger", "einiges", "einigem", "einigen",
        "etliche", "etlicher", "etliches", "etlichem", "etlichen", "mehrere", "mehrerer", "mehreren",
        "viel", "viele", "vieler", "vieles", "vielem", "vielen", "wenig", "wenige", "weniger", "weniges", "wenigem", "wenigen",
        "sämtliche", "sämtlicher", "sämtlichen", "andere", "anderer", "anderes", "anderem", "anderen", "anderm", "andern", "anders",
        "irgendein", "irgendeine", "irgendeiner", "irgendeines", "irgendeinem", "irgendeinen", "irgendwas", "irgendwer",
        "wer", "wen", "wem", "wessen", "was", "dessen", "deren", "denen", "derer",
        "jemand", "jemanden", "jemandem", "niemand", "niemanden", "niemandem", "etwas", "nichts", "nix",
    ];

    /// <summary>Prepositions and their contractions with the article.</summary>
    public static readonly IReadOnlyList<string> Prepositions =
    [
        "ab", "an", "auf", "aus", "außer", "bei", "bis", "durch", "für", "gegen", "hinter", "in", "mit", "nach", "neben", "ohne", "seit",
        "über", "um", "unter", "von", "vor", "während", "wegen", "zu", "zwischen", "trotz", "statt", "anstatt", "innerhalb", "außerhalb",
        "oberhalb", "unterhalb", "entlang", "gegenüber", "laut", "gemäß", "samt", "mitsamt", "dank", "binnen", "jenseits", "diesseits",
        "via", "per", "pro", "zufolge", "anhand", "aufgrund", "infolge", "mittels", "seitens", "bezüglich", "hinsichtlich", "inklusive",
        "am", "ans", "aufs", "beim", "im", "ins", "vom", "zum", "zur", "durchs", "fürs", "übers", "ums", "unterm", "überm", "vorm", "hinterm",
    ];

    /// <summary>Conjunctions and subjunctions.</summary>
    public static readonly IReadOnlyList<string> Conjunctions =
    [
        "und", "oder", "aber", "sondern", "denn", "doch", "als", "wie", "wenn", "weil", "dass", "daß", "ob", "obwohl", "obgleich",
        "bevor", "nachdem", "sobald", "solange", "sofern", "falls", "damit", "sodass", "indem", "ehe", "seitdem", "sowie", "sowohl",
        "weder", "noch", "entweder", "beziehungsweise", "bzw",
    ];

    /// <summary>Pronominal, interrogative and sentence adverbs, and particles: frequent in every text, about none.</summary>
    public static readonly IReadOnlyList<string> Adverbs =
    [
        "auch", "nur", "schon", "sehr", "mehr", "meist", "meistens", "immer", "wieder", "jetzt", "hier", "dort", "da", "dann", "so", "also",
        "ja", "nein", "nicht", "nun", "eben", "mal", "einmal", "halt", "eigentlich", "bereits", "allerdings", "zunächst", "stattdessen",
        "schließlich", "etwa", "rund", "ungefähr", "circa", "ca", "eher", "fast", "kaum", "gar", "ganz", "sogar", "zudem", "außerdem",
        "jedoch", "dennoch", "trotzdem", "deshalb", "daher", "darum", "deswegen", "somit", "folglich", "bisher", "inzwischen",
        "mittlerweile", "derzeit", "längst", "oft", "manchmal", "vielleicht", "wohl", "gerade", "zwar", "nämlich", "überhaupt", "bloß",
        "lediglich", "sonst", "ebenfalls", "ebenso", "heute", "gestern", "bald", "damals", "zuvor", "danach", "weiter", "weiterhin",
        "hin", "her", "dabei", "dafür", "dagegen", "daran", "darauf", "daraus", "darin", "darüber", "darunter", "davon", "davor", "dazu",
        "dadurch", "daneben", "dahinter", "hierbei", "hierfür", "hierzu", "hiervon", "wo", "woher", "wohin", "warum", "weshalb", "wieso",
        "wann", "womit", "wofür", "worauf", "woran", "worüber", "wovon", "wozu", "wodurch", "irgendwie", "jeweils", "etc", "usw",
    ];

    /// <summary>Auxiliary and modal verbs, by lemma: every form the lexicon lists for them is a stop word.</summary>
    public static readonly IReadOnlyList<string> Verbs =
    [
        "sein", "haben", "werden", "können", "müssen", "sollen", "wollen", "dürfen", "mögen", "möchten", "machen",
        // Frequent forms of light verbs, by form only: "es gibt", "es geht", "das heißt", "es gilt".
        "gibt", "geht", "heißt", "gilt", "hab",
    ];

    private readonly FrozenSet<string> _words;

    public StopWords(IEnumerable<string> words) => _words = words.Select(Tokenizer.Normalize).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Every list above: the default of every analysis.</summary>
    public static StopWords Default { get; } = new(Determiners.Concat(Prepositions).Concat(Conjunctions).Concat(Adverbs).Concat(Verbs));

    public static StopWords None { get; } = new([]);

    public int Count => _words.Count;

    public bool Contains(string norm) => _words.Contains(norm);

    public StopWords With(params string[] words) => new(_words.Concat(words));

    public StopWords Without(params string[] words) => new(_words.Except(words.Select(Tokenizer.Normalize)));

    /// <summary>Lucene.Net's German list (the Snowball project's), for comparison: it holds stems as well as words.</summary>
    internal static IEnumerable<string> Snowball() =>
        global::Lucene.Net.Analysis.De.GermanAnalyzer.DefaultStopSet.Select(w => w.ToString()!);
}
