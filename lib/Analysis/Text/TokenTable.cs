using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace Analysis.Text;

/// <summary>
/// One row of the <see cref="TokenTable"/>: a token of a unit with its position, written and normalised form, key
/// (lemma), kind, whether it is a stop word, its sentence, its span in the unit's text, the unit it quotes (or
/// null), and whether it enters counts under the table's options.
/// </summary>
public readonly record struct TokenRow(
    ITextUnit Unit, int Position, string Surface, string Norm, string Key, KeySource KeySource, TokenKind Kind,
    bool Stop, int Sentence, int Start, int Length, string? QuotedFrom, bool Counted)
{
    /// <summary>Where the token stands in the raw file.</summary>
    public TextSpan Raw => Unit.Source.SourceSpan(Start, Length);
}

/// <summary>
/// The corpus tokenised once: one row per token of every unit (see <see cref="TokenRow"/>), in unit order, then
/// position. Every count, measure, concordance, collocation, mention, vocabulary and topic input reads it, so a word
/// is defined in one place. Immutable; built in parallel, with the same result for any number of cores.
/// </summary>
/// <remarks>
/// A token is counted when it is a word that is not a stop word and has a letter (numbers and URLs only if the
/// options keep them) and does not stand in a quote of another unit (<see cref="Comment.Quotes"/>): quoted words stay
/// in the table, for concordances, but are counted once, in the unit they come from.
/// </remarks>
public sealed class TokenTable
{
    private readonly int[] _unitStart;
    private readonly int[] _type;
    private readonly int[] _start;
    private readonly int[] _length;
    private readonly int[] _sentence;
    private readonly int[] _quote;
    private readonly ImmutableArray<string> _quoteSources;
    private readonly WordType[] _types;
    private readonly string[] _keys;

    /// <summary>A distinct written form with what the table derives from it.</summary>
    internal readonly record struct WordType(string Surface, string Norm, TokenKind Kind, int KeyId, KeySource Source, bool Stop, bool Counts);

    private TokenTable(TermOptions options, ImmutableArray<ITextUnit> units, int[] unitStart, int[] type, int[] start, int[] length, int[] sentence,
        int[] quote, ImmutableArray<string> quoteSources, WordType[] types, string[] keys)
    {
        Options = options;
        Units = units;
        _unitStart = unitStart;
        _type = type;
        _start = start;
        _length = length;
        _sentence = sentence;
        _quote = quote;
        _quoteSources = quoteSources;
        _types = types;
        _keys = keys;
    }

    public TermOptions Options { get; }

    /// <summary>The units tokenised, in order.</summary>
    public ImmutableArray<ITextUnit> Units { get; }

    /// <summary>Number of tokens (rows).</summary>
    public int Count => _type.Length;

    /// <summary>Number of distinct keys.</summary>
    public int KeyCount => _keys.Length;

    public TokenRow this[int i] => Row(UnitIndexOf(i), i);

    private TokenRow Row(int unit, int i)
    {
        var t = _types[_type[i]];
        return new TokenRow(Units[unit], i - _unitStart[unit], t.Surface, t.Norm, _keys[t.KeyId], t.Source, t.Kind, t.Stop, _sentence[i],
            _start[i], _length[i], _quote[i] < 0 ? null : _quoteSources[_quote[i]], t.Counts && _quote[i] < 0);
    }

    /// <summary>The tokens of one unit as the tokenizer gave them (for readers that scan tokens, like the number extractor).</summary>
    internal List<Token> TokensOf(int unit)
    {
        var list = new List<Token>(_unitStart[unit + 1] - _unitStart[unit]);
        for (var i = _unitStart[unit]; i < _unitStart[unit + 1]; i++)
        {
            var t = _types[_type[i]];
            list.Add(new Token(t.Surface, t.Norm, t.Kind, _start[i], _length[i], _sentence[i]));
        }
        return list;
    }

    /// <summary>Every row, in unit and position order.</summary>
    public IEnumerable<TokenRow> Rows
    {
        get
        {
            for (var u = 0; u < Units.Length; u++)
                for (var i = _unitStart[u]; i < _unitStart[u + 1]; i++) yield return Row(u, i);
        }
    }

    /// <summary>The rows of one unit (by its index in <see cref="Units"/>).</summary>
    public IEnumerable<TokenRow> RowsOf(int unit)
    {
        for (var i = _unitStart[unit]; i < _unitStart[unit + 1]; i++) yield return Row(unit, i);
    }

    /// <summary>Counted word tokens of a unit: the word count every table reports (quoted words left out).</summary>
    public int Words(int unit)
    {
        var n = 0;
        for (var i = _unitStart[unit]; i < _unitStart[unit + 1]; i++)
            if (_types[_type[i]].Kind == TokenKind.Word && _quote[i] < 0) n++;
        return n;
    }

    /// <summary>The table of the units <paramref name="keep"/> selects (no tokenising again).</summary>
    public TokenTable Where(Func<ITextUnit, bool> keep)
    {
        var units = Enumerable.Range(0, Units.Length).Where(u => keep(Units[u])).ToList();
        var rows = units.SelectMany(u => Enumerable.Range(_unitStart[u], _unitStart[u + 1] - _unitStart[u])).ToArray();
        var unitStart = new int[units.Count + 1];
        for (var k = 0; k < units.Count; k++) unitStart[k + 1] = unitStart[k] + _unitStart[units[k] + 1] - _unitStart[units[k]];
        return new TokenTable(Options, [.. units.Select(u => Units[u])], unitStart, [.. rows.Select(r => _type[r])], [.. rows.Select(r => _start[r])],
            [.. rows.Select(r => _length[r])], [.. rows.Select(r => _sentence[r])], [.. rows.Select(r => _quote[r])], _quoteSources, _types, _keys);
    }

    /// <summary>
    /// The table with every later copy of a shared passage (<see cref="TextReuse.Find"/>) counted as a quotation of its
    /// first occurrence, as comment quotes are: the words stay (for concordances), and each passage enters counts,
    /// keyness and topics once, in the document that comes first.
    /// </summary>
    public TokenTable CountingSharedPassagesOnce(IReadOnlyList<SharedPassage> passages)
    {
        var byDocument = passages.GroupBy(p => p.Second, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return Uncounting(i =>
        {
            var unit = Units[UnitIndexOf(i)];
            if (!byDocument.TryGetValue(unit.DocumentId, out var copies)) return null;
            var raw = unit.Source.SourceSpan(_start[i], _length[i]);
            return copies.FirstOrDefault(p => raw.Start >= p.SecondSpan.Start && raw.End <= p.SecondSpan.End)?.First;
        });
    }

    /// <summary>The table with the rows <paramref name="sourceOf"/> names a source for (by row index) counted no more, as quotations of that source.</summary>
    internal TokenTable Uncounting(Func<int, string?> sourceOf)
    {
        var quote = (int[])_quote.Clone();
        var sources = _quoteSources.ToBuilder();
        for (var i = 0; i < quote.Length; i++)
        {
            if (quote[i] >= 0 || sourceOf(i) is not { } source) continue;
            var at = sources.IndexOf(source);
            if (at < 0) { at = sources.Count; sources.Add(source); }
            quote[i] = at;
        }
        return new TokenTable(Options, Units, _unitStart, _type, _start, _length, _sentence, quote, sources.ToImmutable(), _types, _keys);
    }

    // Fast access for the verbs of this library: no row objects in their loops.
    internal int UnitStart(int unit) => _unitStart[unit];
    private int UnitIndexOf(int token)
    {
        var i = Array.BinarySearch(_unitStart, token);
        if (i < 0) return ~i - 1;
        while (i + 1 < _unitStart.Length && _unitStart[i + 1] == token) i++; // skip units without tokens
        return i;
    }
    internal int TypeIdOf(int token) => _type[token];
    internal int TypeCount => _types.Length;
    internal int KeyIdOfType(int type) => _types[type].KeyId;
    internal string SurfaceOfType(int type) => _types[type].Surface;
    internal string KeyOf(int keyId) => _keys[keyId];
    internal bool IsCounted(int token) => _types[_type[token]].Counts && _quote[token] < 0;
    internal int StartOf(int token) => _start[token];
    internal bool IsQuoted(int token) => _quote[token] >= 0;
    internal int LengthOf(int token) => _length[token];
    internal int SentenceOf(int token) => _sentence[token];
    internal string? QuoteSourceOf(int token) => _quote[token] < 0 ? null : _quoteSources[_quote[token]];
    internal WordType TypeOf(int type) => _types[type];

    /// <summary>A table from its columns as stored (<see cref="TokenParquet.Read"/>): no tokenising, no keying.</summary>
    internal static TokenTable Assemble(TermOptions options, ImmutableArray<ITextUnit> units, int[] unitStart, int[] type, int[] start, int[] length, int[] sentence,
        int[] quote, ImmutableArray<string> quoteSources, WordType[] types, string[] keys) =>
        new(options, units, unitStart, type, start, length, sentence, quote, quoteSources, types, keys);

    private static readonly ConditionalWeakTable<Corpus, ConcurrentDictionary<TermOptions, TokenTable>> ByCorpus = [];

    /// <summary>
    /// The token table of every unit of the corpus (running text and comments), built on first use and shared by every
    /// verb that reads the same corpus with the same options.
    /// </summary>
    public static TokenTable Of(Corpus corpus, TermOptions? options = null) =>
        ByCorpus.GetOrCreateValue(corpus).GetOrAdd(options ?? TermOptions.Default, o => Of(corpus.Units(includeComments: true), o));

    /// <summary>The token table of <paramref name="units"/>, tokenised in parallel.</summary>
    public static TokenTable Of(IEnumerable<ITextUnit> units, TermOptions? options = null)
    {
        options ??= TermOptions.Default;
        var list = units.ToImmutableArray();
        // Each unit is tokenised and at once reduced to integers (form number, kind, span, sentence): the token lists
        // die young, and what stays until assembly holds no references for the collector to trace.
        var scanned = new UnitScan[list.Length];
        Parallel.For(0, list.Length, i => scanned[i] = UnitScan.Of(list[i]));
        var unitStart = new int[list.Length + 1];
        for (var u = 0; u < list.Length; u++) unitStart[u + 1] = unitStart[u] + scanned[u].Forms.Length;
        var n = unitStart[^1];
        int[] type = new int[n], start = new int[n], length = new int[n], sentence = new int[n], quote = new int[n];
        // Types and keys are numbered in corpus order, one thread: the same numbers for any core count.
        // A type is a form in a position: a capitalised word inside a sentence is keyed as a noun, at a sentence start
        // as any word ("Stellen Sie …"), so each form has two slots.
        var byForm = new int[2 * Tokenizer.FormCount]; // type + 1, 0 = not seen yet
        var overflow = new Dictionary<(string, TokenKind, bool), int>(); // forms past the registry's capacity
        var types = new List<(string Surface, string Norm, TokenKind Kind, bool Noun)>();
        var quoteSources = new List<string>();
        var quoteIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var k = 0;
        for (var u = 0; u < list.Length; u++)
        {
            var quotes = list[u] is Comment c ? c.Quotes : [];
            var scan = scanned[u];
            for (var j = 0; j < scan.Forms.Length; j++)
            {
                int id;
                var form = scan.Forms[j];
                var kind = (TokenKind)scan.Kinds[j];
                var inside = j > 0 && scan.Sentences[j - 1] == scan.Sentences[j];
                if (form >= 0)
                {
                    var (surface, norm) = Tokenizer.FormOf(form);
                    var noun = inside && kind == TokenKind.Word && char.IsUpper(surface[0]);
                    ref var slot = ref byForm[2 * form + (noun ? 1 : 0)];
                    if (slot == 0)
                    {
                        types.Add((surface, norm, kind, noun));
                        slot = types.Count;
                    }
                    id = slot - 1;
                }
                else
                {
                    var (surface, norm) = scan.Overflow![j];
                    var noun = inside && kind == TokenKind.Word && char.IsUpper(surface[0]);
                    if (!overflow.TryGetValue((surface, kind, noun), out id))
                    {
                        overflow[(surface, kind, noun)] = id = types.Count;
                        types.Add((surface, norm, kind, noun));
                    }
                }
                type[k] = id;
                start[k] = scan.Starts[j];
                length[k] = scan.Lengths[j];
                sentence[k] = scan.Sentences[j];
                quote[k] = -1;
                foreach (var q in quotes)
                    if (start[k] >= q.Start && start[k] < q.Start + q.Length)
                    {
                        if (!quoteIndex.TryGetValue(q.From, out var qi)) { quoteIndex[q.From] = qi = quoteSources.Count; quoteSources.Add(q.From); }
                        quote[k] = qi;
                        break;
                    }
                k++;
            }
        }
        // Keys of the distinct forms, in parallel (the lemmatizer is thread-safe), then numbered in type order.
        var pipeline = new TermPipeline(options);
        var found = new (string Key, KeySource Source)[types.Count];
        Parallel.For(0, types.Count, i => found[i] = types[i].Kind != TokenKind.Word ? (types[i].Norm, KeySource.Unchanged)
            : types[i].Noun ? pipeline.LookupNoun(types[i].Surface) : pipeline.LookupOnce(types[i].Surface));
        if (options.Lemmatize) NameGenitives(types, found);
        var keyIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new List<string>();
        int KeyId(string key)
        {
            if (!keyIndex.TryGetValue(key, out var keyId)) { keyIndex[key] = keyId = keys.Count; keys.Add(key); }
            return keyId;
        }
        var wordTypes = new List<WordType>(types.Count);
        for (var i = 0; i < types.Count; i++)
        {
            var (surface, norm, kind, _) = types[i];
            var stop = kind == TokenKind.Word && pipeline.IsStopWord(norm, found[i].Key, found[i].Source);
            wordTypes.Add(new WordType(surface, norm, kind, KeyId(found[i].Key), found[i].Source, stop, pipeline.Counts(kind, norm, stop)));
        }
        // Keys that depend on the neighbouring words, found per unit in parallel; each change becomes a type of its own
        // (form, key, counted), numbered in corpus order, so the result is the same for any core count.
        var changes = new List<ContextRules.Change>?[list.Length];
        var baseTypes = wordTypes.ToArray();
        var baseKeys = keys.ToArray();
        var facts = ContextRules.Of(baseTypes, baseKeys, pipeline);
        Parallel.For(0, list.Length, u => changes[u] = ContextRules.Apply(list[u].Text, unitStart[u], unitStart[u + 1], type, start, length, sentence, baseTypes, facts, baseKeys, pipeline));
        var contextTypes = new Dictionary<(int Type, string Key, bool Counts), int>();
        var originOf = new List<int>();
        foreach (var unitChanges in changes)
        {
            if (unitChanges is null) continue;
            foreach (var (token, key, counts) in unitChanges)
            {
                // A token changed twice (a pair member that is also an adjective) keeps the last change.
                var origin = type[token] < baseTypes.Length ? type[token] : originOf[type[token] - baseTypes.Length];
                var baseType = baseTypes[origin];
                if (keys[baseType.KeyId] == key && baseType.Counts == counts) { type[token] = origin; continue; }
                if (!contextTypes.TryGetValue((origin, key, counts), out var id))
                {
                    contextTypes[(origin, key, counts)] = id = wordTypes.Count;
                    originOf.Add(origin);
                    var stop = !counts && pipeline.IsStopWord(baseType.Norm, key, KeySource.Context);
                    wordTypes.Add(baseType with { KeyId = KeyId(key), Source = KeySource.Context, Stop = stop, Counts = counts });
                }
                type[token] = id;
            }
        }
        return new TokenTable(options, list, unitStart, type, start, length, sentence, quote, [.. quoteSources], [.. wordTypes], [.. keys]);
    }

    /// <summary>
    /// A name's genitive takes the name's key where the name itself stands in the same table ("Amazons" → amazon, "Vances" →
    /// vance): both unknown to the lexicon, the genitive ending in -s or -'s. A word whose stem never stands alone keeps its form.
    /// </summary>
    private static void NameGenitives(List<(string Surface, string Norm, TokenKind Kind, bool Noun)> types, (string Key, KeySource Source)[] found)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < types.Count; i++)
            if (types[i].Kind == TokenKind.Word && found[i].Source == KeySource.Unchanged && char.IsUpper(types[i].Surface[0])) names.Add(found[i].Key);
        for (var i = 0; i < types.Count; i++)
        {
            if (types[i].Kind != TokenKind.Word || found[i].Source != KeySource.Unchanged || !char.IsUpper(types[i].Surface[0])) continue;
            var key = found[i].Key;
            var stem = key.EndsWith("'s", StringComparison.Ordinal) ? key[..^2]
                : key.Length > 3 && key[^1] == 's' && key[^2] != 's' ? key[..^1] : null;
            if (stem is not null && names.Contains(stem)) found[i] = (stem, KeySource.Unchanged);
        }
    }
}

/// <summary>A unit's tokens as integers: form number, kind, span and sentence (and the forms past the registry's capacity).</summary>
internal sealed class UnitScan
{
    public required int[] Forms { get; init; }
    public required byte[] Kinds { get; init; }
    public required int[] Starts { get; init; }
    public required int[] Lengths { get; init; }
    public required int[] Sentences { get; init; }
    public Dictionary<int, (string Surface, string Norm)>? Overflow { get; init; }

    public static UnitScan Of(ITextUnit unit)
    {
        var sink = new Sink(unit.Text.Length / 6 + 4);
        Tokenizer.Scan(unit.Text, ref sink);
        return sink.Result();
    }

    /// <summary>Collects the scan's tokens straight into integer arrays: no list of token records per unit.</summary>
    private struct Sink(int capacity) : Tokenizer.ITokenSink
    {
        private int[] _forms = new int[capacity], _starts = new int[capacity], _lengths = new int[capacity], _sentences = new int[capacity];
        private byte[] _kinds = new byte[capacity];
        private Dictionary<int, (string, string)>? _overflow;
        private int _count;

        public void Add(in Token token)
        {
            if (_count == _forms.Length)
            {
                var size = _count * 2;
                Array.Resize(ref _forms, size); Array.Resize(ref _starts, size); Array.Resize(ref _lengths, size); Array.Resize(ref _sentences, size); Array.Resize(ref _kinds, size);
            }
            (_forms[_count], _kinds[_count], _starts[_count], _lengths[_count], _sentences[_count]) = (token.Form, (byte)token.Kind, token.Start, token.Length, token.Sentence);
            if (token.Form < 0) (_overflow ??= [])[_count] = (token.Surface, token.Norm);
            _count++;
        }

        public readonly UnitScan Result() => new()
        {
            Forms = _forms[.._count], Kinds = _kinds[.._count], Starts = _starts[.._count], Lengths = _lengths[.._count], Sentences = _sentences[.._count], Overflow = _overflow,
        };
    }
}
