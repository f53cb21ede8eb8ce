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
    /// <summary>True (the default) counts keys (lemmas, see <see cref="GermanLemmatizer"/>); false counts normalised word forms.</summary>
    public bool Lemmatize { get; init; } = true;

    public static TermOptions Default { get; } = new();
}

/// <summary>
/// Words to terms under <see cref="TermOptions"/>: which tokens count (stop words, numbers, URLs) and each word's key.
/// Thread-safe. The <see cref="TokenTable"/> applies it to a whole corpus.
/// </summary>
public sealed class TermPipeline(TermOptions? options = null)
{
    private readonly GermanLemmatizer _lemmatizer = GermanLemmatizer.Default;

    public TermOptions Options { get; } = options ?? TermOptions.Default;

    private StopWords Stop => Options.StopWords ?? StopWords.Default;

    /// <summary>
    /// The key a word is counted under, given the word as written: capitalisation decides noun against verb
    /// ("Macht" → "Macht", "macht" → "machen"). With <see cref="TermOptions.Lemmatize"/> off, the normalised form.
    /// </summary>
    public string Key(string word) => Lookup(word).Key;

    /// <summary>
    /// The key of a word as it stands in a sentence: a capitalised word that does not open the sentence is read as a
    /// noun only (the token table keys every token so); at a sentence start, as <see cref="Key(string)"/>.
    /// </summary>
    public string Key(string word, bool opensSentence) => Options.Lemmatize && !opensSentence && word.Length > 0 && char.IsUpper(word[0])
        ? _lemmatizer.LookupNoun(word).Key
        : Key(word);

    internal (string Key, KeySource Source) LookupNoun(string word) =>
        Options.Lemmatize ? _lemmatizer.LookupNoun(word) : (Tokenizer.Normalize(word), KeySource.Unchanged);

    /// <summary>The key of a word as written and how it was found (lexicon, compound head, fallback).</summary>
    public (string Key, KeySource Source) Lookup(string word) =>
        !Options.Lemmatize ? (Tokenizer.Normalize(word), KeySource.Unchanged) : FunctionWord(word, _lemmatizer.Lookup(word));

    /// <summary>A stop word opening a sentence ("Allerdings", "Leider") is itself, not a noun's form.</summary>
    private (string Key, KeySource Source) FunctionWord(string word, (string Key, KeySource Source) found) =>
        found.Key.Length > 0 && char.IsUpper(found.Key[0]) && Tokenizer.Normalize(word) is var norm && Stop.Contains(norm) ? (norm, KeySource.Unchanged) : found;

    /// <summary>As <see cref="Lookup"/>, for a form asked once (no caching).</summary>
    internal (string Key, KeySource Source) LookupOnce(string word) =>
        !Options.Lemmatize ? (Tokenizer.Normalize(word), KeySource.Unchanged) : FunctionWord(word, _lemmatizer.LookupOnce(word));

    internal GermanLemmatizer Lemmatizer => _lemmatizer;

    /// <summary>
    /// A stop word by its normalised form or, for a verb or adjective, by its lexicon lemma, so that every form of a listed
    /// verb is one ("konnten" like "können", "hatten" like "haben"). A noun lemma never makes a stop word ("Weg" is no "weg").
    /// </summary>
    internal bool IsStopWord(string norm, string key, KeySource source) =>
        Stop.Contains(norm) || source is KeySource.Lexicon or KeySource.Comparison && IsStopKey(key);

    /// <summary>Whether a verb or adjective key is a stop word ("abbauen" is not, "können" is).</summary>
    internal bool IsStopKey(string key) => key.Length > 0 && !char.IsUpper(key[0]) && Stop.Contains(key);

    /// <summary>Whether a token of this kind, normalised form and stop-word status enters term statistics under these options.</summary>
    internal bool Counts(TokenKind kind, string norm, bool stop) => kind switch
    {
        TokenKind.Number => Options.KeepNumbers,
        TokenKind.Url => Options.KeepUrls,
        // A number word ("drei", "fünfzig", "dreitausend") is a number, not a term.
        _ => !stop && norm.Any(char.IsLetter) && (Options.KeepNumbers || !Figures.GermanNumbers.TryParseWord(norm, out _)),
    };
}
