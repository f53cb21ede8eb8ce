using System.Collections.Immutable;
using Analysis.Text;

namespace Analysis.Topics;

/// <summary>
/// The input of a topic model: units (paragraphs and comments) as sequences of terms (stems, stop words
/// removed), keeping only terms seen in at least <see cref="MinUnits"/> units. Units left with no term are
/// listed in <see cref="Dropped"/>, not silently lost.
/// </summary>
public sealed class TopicDocuments
{
    private TopicDocuments(ImmutableArray<ITextUnit> units, ImmutableArray<ImmutableArray<string>> terms, ImmutableArray<string> vocabulary,
        ImmutableArray<ITextUnit> dropped, int minUnits, ImmutableDictionary<string, string> surfaces)
    {
        Units = units;
        Terms = terms;
        Vocabulary = vocabulary;
        Dropped = dropped;
        MinUnits = minUnits;
        _surfaces = surfaces;
    }

    public ImmutableArray<ITextUnit> Units { get; }
    public ImmutableArray<ImmutableArray<string>> Terms { get; }
    /// <summary>Kept terms, ordinal order.</summary>
    public ImmutableArray<string> Vocabulary { get; }
    public ImmutableArray<ITextUnit> Dropped { get; }
    public int MinUnits { get; }
    private readonly ImmutableDictionary<string, string> _surfaces;

    /// <summary>The most frequent written form of a term.</summary>
    public string Surface(string term) => _surfaces.TryGetValue(term, out var s) ? s : term;

    public int LongestUnit => Terms.Max(t => t.Length);

    /// <summary>
    /// Paragraphs of running text and reader comments of the corpus; with <paramref name="wholeDocuments"/>, each document's
    /// running text as one unit (an article, as news corpora are usually modelled), its comments still one unit each.
    /// </summary>
    public static TopicDocuments FromCorpus(Corpus corpus, int minUnits = 2, bool wholeDocuments = false) =>
        wholeDocuments ? PrepareDocuments(TokenTable.Of(corpus), minUnits) : Prepare(TokenTable.Of(corpus), minUnits);

    /// <summary>The units of a token table as sequences of their counted keys.</summary>
    public static TopicDocuments Prepare(TokenTable tokens, int minUnits = 2)
    {
        var surfaces = new SurfaceForms();
        var sequences = Enumerable.Range(0, tokens.Units.Length).Select(u => tokens.RowsOf(u).Where(t => t.Counted).Select(t => { surfaces.Add(t.Key, t.Surface); return t.Key; }).ToList()).ToList();
        return Prepare([.. tokens.Units], sequences, surfaces, minUnits);
    }

    /// <summary>As <see cref="Prepare(TokenTable, int)"/>, with each document's running text joined into one unit (comments stay apart).</summary>
    public static TopicDocuments PrepareDocuments(TokenTable tokens, int minUnits = 2)
    {
        var surfaces = new SurfaceForms();
        var units = new List<ITextUnit>();
        var sequences = new List<List<string>>();
        foreach (var group in Enumerable.Range(0, tokens.Units.Length).GroupBy(u => tokens.Units[u] is Comment ? tokens.Units[u].Id : tokens.Units[u].DocumentId))
        {
            var members = group.ToList();
            var keys = members.SelectMany(u => tokens.RowsOf(u)).Where(t => t.Counted).Select(t => { surfaces.Add(t.Key, t.Surface); return t.Key; }).ToList();
            units.Add(members.Count == 1 ? tokens.Units[members[0]] : DocumentUnit.Join([.. members.Select(u => tokens.Units[u])]));
            sequences.Add(keys);
        }
        return Prepare(units, sequences, surfaces, minUnits);
    }

    private static TopicDocuments Prepare(List<ITextUnit> all, List<List<string>> sequences, SurfaceForms surfaces, int minUnits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minUnits, 1);
        if (all.Count == 0) throw new ArgumentException("No units to model: the unit list is empty.", nameof(all));
        var df = sequences.SelectMany(s => s.Distinct()).GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var kept = new List<ITextUnit>();
        var keptTerms = new List<ImmutableArray<string>>();
        var dropped = new List<ITextUnit>();
        for (var i = 0; i < all.Count; i++)
        {
            var terms = sequences[i].Where(t => df[t] >= minUnits).ToImmutableArray();
            if (terms.Length == 0) dropped.Add(all[i]);
            else { kept.Add(all[i]); keptTerms.Add(terms); }
        }
        var vocabulary = keptTerms.SelectMany(t => t).Distinct().Order(StringComparer.Ordinal).ToImmutableArray();
        return new TopicDocuments([.. kept], [.. keptTerms], vocabulary, [.. dropped], minUnits, surfaces.Display());
    }

    /// <summary>
    /// A seeded sample of <paramref name="count"/> units (in corpus order), with the vocabulary of the terms they contain.
    /// </summary>
    public TopicDocuments Sample(int count, int seed)
    {
        if (count >= Units.Length) return this;
        var picked = Order(Units.Length, seed).Take(count).Order().ToList();
        var terms = picked.Select(i => Terms[i]).ToImmutableArray();
        var vocabulary = terms.SelectMany(t => t).Distinct().Order(StringComparer.Ordinal).ToImmutableArray();
        return new TopicDocuments([.. picked.Select(i => Units[i])], terms, vocabulary, Dropped, MinUnits, _surfaces);
    }

    /// <summary>
    /// Up to <paramref name="count"/> units that <see cref="Sample"/> with the same seed leaves out: the held-out units on
    /// which a sampled sweep scores coherence.
    /// </summary>
    public TopicDocuments HeldOut(int count, int seed)
    {
        var picked = Order(Units.Length, seed).Skip(count).Take(count).Order().ToList();
        var terms = picked.Select(i => Terms[i]).ToImmutableArray();
        var vocabulary = terms.SelectMany(t => t).Distinct().Order(StringComparer.Ordinal).ToImmutableArray();
        return new TopicDocuments([.. picked.Select(i => Units[i])], terms, vocabulary, Dropped, MinUnits, _surfaces);
    }

    /// <summary>
    /// The null corpus of a topic model: every term occurrence of every unit pooled, shuffled (seeded) and dealt back to
    /// the units, each keeping its length. Term frequencies and unit lengths stay; which terms stand together does not,
    /// so topics fitted on it show what stability and coherence chance alone gives.
    /// </summary>
    public TopicDocuments Shuffled(int seed = 1)
    {
        var pool = Terms.SelectMany(t => t).ToArray();
        var order = Order(pool.Length, seed);
        var at = 0;
        var terms = Terms.Select(t => { var unit = order.Skip(at).Take(t.Length).Select(i => pool[i]).ToImmutableArray(); at += t.Length; return unit; }).ToImmutableArray();
        return new TopicDocuments(Units, terms, Vocabulary, Dropped, MinUnits, _surfaces);
    }

    /// <summary>
    /// A seeded permutation of the unit indices (Fisher–Yates with System.Random(seed), stable across .NET
    /// versions); seed 0 is the corpus order. LightLDA's sampler ignores ML.NET's seed (dotnet/machinelearning
    /// issue 1004), so "another run" of the model means another order of its documents.
    /// </summary>
    public static int[] Order(int count, int seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        if (seed == 0) return order;
        var random = new Random(seed);
        for (var i = count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }
}

/// <summary>A document's running text as one unit: its paragraphs joined by blank lines, each character still traced to the raw file.</summary>
public sealed record DocumentUnit(string Id, string DocumentId, TextSpan Span, SourcedText Source) : ITextUnit
{
    public string Text => Source.Text;

    internal static DocumentUnit Join(IReadOnlyList<ITextUnit> parts)
    {
        var builder = new SourcedText.Builder();
        foreach (var part in parts)
        {
            if (builder.Length > 0)
            {
                // The separator points at the raw offset of the paragraph it follows.
                var at = part.Source.Length > 0 ? part.Source.OffsetAt(0) : 0;
                builder.Append('\n', at).Append('\n', at);
            }
            builder.Append(part.Source);
        }
        return new DocumentUnit(parts[0].DocumentId, parts[0].DocumentId, new TextSpan(parts[0].Span.Start, parts[^1].Span.End), builder.Build());
    }
}
