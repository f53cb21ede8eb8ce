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

    public TermOptions Options { get; } = options ?? TermOptions.Default;

    private StopWords Stop => Options.StopWords ?? StopWords.Default;

    public string Key(string norm) => Options.Stem ? _stemmer.Stem(norm) : norm;

    public IEnumerable<Term> Terms(ITextUnit unit) => Terms(unit.Id, unit.Text);

    public IEnumerable<Term> Terms(string unitId, string text)
    {
        foreach (var token in Tokenizer.Tokenize(text))
        {
            if (!Counts(token)) continue;
            yield return new Term(Key(token.Norm), token.Surface, token.Norm, unitId, token);
        }
    }

    /// <summary>Whether a token enters term statistics under these options.</summary>
    public bool Counts(Token token) => token.Kind switch
    {
        TokenKind.Number => Options.KeepNumbers,
        TokenKind.Url => Options.KeepUrls,
        _ => !Stop.Contains(token.Norm) && token.Norm.Any(char.IsLetter),
    };
}
