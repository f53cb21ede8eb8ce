using System.Collections.Frozen;

namespace Analysis.Text;

/// <summary>
/// Stop words: Lucene.Net's German list (the Snowball project's, 231 words) plus a short list for this corpus.
/// Matching is on the normalised (lower-case) form, with umlauts and ß kept, so "für" and "daß" match.
/// </summary>
public sealed class StopWords
{
    /// <summary>
    /// Added for this corpus: post-1996 spelling the Snowball list lacks ("dass"), auxiliary forms
    /// ("sei", "wurde", …) and fillers. Each is frequent here and says nothing about a text's subject.
    /// </summary>
    public static readonly IReadOnlyList<string> CorpusAdditions =
    [
        "dass", "sei", "seien", "wurde", "wurden", "worden", "wäre", "wären", "schon", "immer", "eben", "mal", "ja",
        "bereits", "etwa", "dabei", "damit", "daher", "denen", "deren", "dessen", "jedoch", "sodass", "beim", "vom",
        "heißt", "gibt", "geht", "gilt", "sowie",
    ];

    private readonly FrozenSet<string> _words;

    public StopWords(IEnumerable<string> words) => _words = words.Select(Tokenizer.Normalize).ToFrozenSet(StringComparer.Ordinal);

    public static StopWords LuceneGermanOnly { get; } = new(LuceneGerman());

    /// <summary>Lucene's German list plus <see cref="CorpusAdditions"/>: the default of every analysis.</summary>
    public static StopWords Default { get; } = new(LuceneGerman().Concat(CorpusAdditions));

    public static StopWords None { get; } = new([]);

    public int Count => _words.Count;

    public bool Contains(string norm) => _words.Contains(norm);

    public StopWords With(params string[] words) => new(_words.Concat(words));

    public StopWords Without(params string[] words) => new(_words.Except(words.Select(Tokenizer.Normalize)));

    private static IEnumerable<string> LuceneGerman() =>
        global::Lucene.Net.Analysis.De.GermanAnalyzer.DefaultStopSet.Select(w => w.ToString()!);
}
