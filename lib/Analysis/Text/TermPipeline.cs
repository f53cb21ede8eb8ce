namespace Analysis.Text;

/// <summary>
/// Settings of the term pipeline. <see cref="StopWords"/>: null means <see cref="StopWords.Default"/>;
/// numbers and URLs are left out of term statistics unless asked for.
/// </summary>
public sealed record TermOptions
{
    public StopWords? StopWords { get; init; }
    public bool KeepNumbers { get; init; }
    public bool KeepUrls { get; init; }
    /// <summary>False counts normalised word forms instead of stems.</summary>
    public bool Stem { get; init; } = true;

    public static TermOptions Default { get; } = new();
}

/// <summary>One counted occurrence: the term (stem), the word as written, and where it stands.</summary>
public readonly record struct Term(string Key, string Surface, string Norm, string UnitId, Token Token);

/// <summary>
/// Tokens to terms: tokenize, drop stop words (and numbers, URLs), stem. One instance caches stems per word
/// form; it is not thread-safe (Lucene's stemmer is not).
/// </summary>
public sealed class TermPipeline(TermOptions? options = null)
{
    private readonly GermanStemmer _stemmer = new();

    // Per word id of the tokenizer's cache: does the word count (not a stop word, has a letter), and its key.
    private readonly List<(bool Known, bool Counts, string Key)> _words = [];
    private object? _cache;

    public TermOptions Options { get; } = options ?? TermOptions.Default;

    private StopWords Stop => Options.StopWords ?? StopWords.Default;

    public string Key(string norm) => Options.Stem ? _stemmer.Stem(norm) : norm;

    public IEnumerable<Term> Terms(ITextUnit unit) => Terms(unit.Id, unit.Text);

    public IEnumerable<Term> Terms(string unitId, string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        if (!ReferenceEquals(_cache, Tokenizer.CacheIdentity))
        {
            // Another thread's tokenizer cache: its word ids mean other words.
            _words.Clear();
            _cache = Tokenizer.CacheIdentity;
        }
        foreach (var token in tokens)
        {
            if (token.Kind == TokenKind.Word)
            {
                var (counts, key) = Lookup(token);
                if (counts) yield return new Term(key, token.Surface, token.Norm, unitId, token);
            }
            else if (Counts(token))
            {
                yield return new Term(token.Norm, token.Surface, token.Norm, unitId, token);
            }
        }
    }

    private (bool Counts, string Key) Lookup(Token token)
    {
        var id = token.WordId;
        if (id < 0) return (Counts(token), Key(token.Norm));
        while (_words.Count <= id) _words.Add(default);
        var word = _words[id];
        if (!word.Known) _words[id] = word = (true, Counts(token), Key(token.Norm));
        return (word.Counts, word.Key);
    }

    /// <summary>Whether a token enters term statistics under these options.</summary>
    public bool Counts(Token token) => token.Kind switch
    {
        TokenKind.Number => Options.KeepNumbers,
        TokenKind.Url => Options.KeepUrls,
        _ => !Stop.Contains(token.Norm) && token.Norm.Any(char.IsLetter),
    };
}
