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

    // Per word id of the tokenizer's cache: does the word count (not a stop word, has a letter), its key, and
    // the key's index among the keys seen (for counting without hashing).
    private readonly List<(bool Known, bool Counts, string Key, int KeyIndex)> _words = [];
    private readonly Dictionary<string, int> _keyIndex = new(StringComparer.Ordinal);
    private readonly List<string> _keys = [];
    private object? _cache;

    public TermOptions Options { get; } = options ?? TermOptions.Default;

    private StopWords Stop => Options.StopWords ?? StopWords.Default;

    public string Key(string norm) => Options.Stem ? _stemmer.Stem(norm) : norm;

    public IEnumerable<Term> Terms(ITextUnit unit) => Terms(unit.Id, unit.CountedText());

    public IEnumerable<Term> Terms(string unitId, string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        EnsureCache();
        foreach (var token in tokens)
        {
            if (token.Kind == TokenKind.Word)
            {
                var (counts, key, _) = Lookup(token);
                if (counts) yield return new Term(key, token.Surface, token.Norm, unitId, token);
            }
            else if (Counts(token))
            {
                yield return new Term(token.Norm, token.Surface, token.Norm, unitId, token);
            }
        }
    }

    private void EnsureCache()
    {
        if (ReferenceEquals(_cache, Tokenizer.CacheIdentity)) return;
        // Another thread's tokenizer cache: its word ids mean other words.
        _words.Clear();
        _cache = Tokenizer.CacheIdentity;
    }

    private (bool Counts, string Key, int KeyIndex) Lookup(Token token)
    {
        var id = token.WordId;
        if (id < 0) return (Counts(token), Key(token.Norm), -1);
        while (_words.Count <= id) _words.Add(default);
        var word = _words[id];
        if (!word.Known)
        {
            var key = Key(token.Norm);
            if (!_keyIndex.TryGetValue(key, out var index))
            {
                _keyIndex[key] = index = _keys.Count;
                _keys.Add(key);
            }
            _words[id] = word = (true, Counts(token), key, index);
        }
        return (word.Counts, word.Key, word.KeyIndex);
    }

    /// <summary>
    /// Adds the counted terms of <paramref name="text"/> to <paramref name="counts"/>, indexed by key index
    /// (<see cref="KeyOf"/> names them). The fast path for bulk counting: no term objects, no hashing per token.
    /// Returns the number of counted tokens.
    /// </summary>
    public int CountInto(string text, List<int> counts)
    {
        var tokens = Tokenizer.Tokenize(text);
        EnsureCache();
        var n = 0;
        foreach (var token in tokens)
        {
            if (token.Kind != TokenKind.Word)
            {
                if (!Counts(token)) continue;
                var (_, _, other) = LookupKey(token.Norm);
                Add(counts, other);
                n++;
                continue;
            }
            var (countsWord, _, index) = Lookup(token);
            if (!countsWord) continue;
            if (index < 0) (_, _, index) = LookupKey(Key(token.Norm));
            Add(counts, index);
            n++;
        }
        return n;
    }

    /// <summary>The key (stem) with the given index.</summary>
    public string KeyOf(int index) => _keys[index];

    private (bool, string, int) LookupKey(string key)
    {
        if (!_keyIndex.TryGetValue(key, out var index))
        {
            _keyIndex[key] = index = _keys.Count;
            _keys.Add(key);
        }
        return (true, key, index);
    }

    private static void Add(List<int> counts, int index)
    {
        while (counts.Count <= index) counts.Add(0);
        counts[index]++;
    }

    /// <summary>Whether a token enters term statistics under these options.</summary>
    public bool Counts(Token token) => token.Kind switch
    {
        TokenKind.Number => Options.KeepNumbers,
        TokenKind.Url => Options.KeepUrls,
        _ => !Stop.Contains(token.Norm) && token.Norm.Any(char.IsLetter),
    };
}
