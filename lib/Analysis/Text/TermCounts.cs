using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Deedle;

namespace Analysis.Text;

/// <summary>How often a term occurs in a group (a document, a genre, the comments…).</summary>
public readonly record struct TermCount(string Group, string Term, int N);

/// <summary>
/// Term counts per group: one row per group and term (terms a group lacks have no row), group totals, and the
/// most frequent written form of each term for display.
/// </summary>
public sealed class TermCounts
{
    private readonly ImmutableDictionary<string, string> _surface;
    private readonly Dictionary<(string Group, string Term), int> _index;

    private TermCounts(ImmutableArray<TermCount> rows, ImmutableDictionary<string, int> totals, ImmutableDictionary<string, string> surface, ImmutableArray<(string Stem, string Surface)> forms)
    {
        Rows = rows;
        _index = rows.ToDictionary(r => (r.Group, r.Term), r => r.N);
        Totals = totals;
        _surface = surface;
        Forms = forms;
    }

    public ImmutableArray<TermCount> Rows { get; }

    /// <summary>Counted tokens per group (after stop words): the denominator of relative frequencies and tf.</summary>
    public ImmutableDictionary<string, int> Totals { get; }

    /// <summary>Every distinct (stem, surface form) pair seen, for reviewing what the stemmer merged.</summary>
    public ImmutableArray<(string Stem, string Surface)> Forms { get; }

    public IEnumerable<string> Groups => Totals.Keys.Order(StringComparer.Ordinal);

    /// <summary>The written form shown for a term: its most frequent surface form (ties: ordinal order).</summary>
    public string Surface(string term) => _surface.TryGetValue(term, out var s) ? s : term;

    public int Count(string group, string term) => _index.GetValueOrDefault((group, term));

    /// <summary>Counts the terms of <paramref name="units"/>, grouped by <paramref name="groupOf"/> (e.g. the document id).</summary>
    public static TermCounts Count(IEnumerable<ITextUnit> units, Func<ITextUnit, string> groupOf, TermPipeline? pipeline = null)
    {
        pipeline ??= new TermPipeline();
        var counts = new Dictionary<(string Group, string Term), int>();
        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        var surfaces = new SurfaceForms();
        var forms = new HashSet<(string, string)>();
        foreach (var unit in units)
        {
            var group = groupOf(unit);
            totals.TryAdd(group, 0);
            foreach (var term in pipeline.Terms(unit))
            {
                CollectionsMarshal.GetValueRefOrAddDefault(counts, (group, term.Key), out _)++;
                totals[group]++;
                surfaces.Add(term);
                forms.Add((term.Key, term.Surface));
            }
        }
        return new TermCounts(
            [.. counts.Select(c => new TermCount(c.Key.Group, c.Key.Term, c.Value)).OrderBy(r => r.Group, StringComparer.Ordinal).ThenByDescending(r => r.N).ThenBy(r => r.Term, StringComparer.Ordinal)],
            totals.ToImmutableDictionary(StringComparer.Ordinal),
            surfaces.Display(),
            [.. forms.OrderBy(f => f.Item1, StringComparer.Ordinal).ThenBy(f => f.Item2, StringComparer.Ordinal)]);
    }

    /// <summary>Counts per document of the corpus's running text (and, if asked, each document's comments).</summary>
    public static TermCounts ByDocument(Corpus corpus, bool includeComments = false, TermPipeline? pipeline = null) =>
        Count(corpus.Units(includeComments), u => u.DocumentId, pipeline);

    /// <summary>
    /// Counts of the running text grouped by genre from the manifest; <paramref name="target"/> genres form one
    /// group named after them, all other genres the group "other".
    /// </summary>
    public static TermCounts ByGenre(Corpus corpus, string target, string targetGroup, string otherGroup, TermPipeline? pipeline = null) =>
        Count(corpus.Units(includeComments: false), u => corpus[u.DocumentId].Info.Genre == target ? targetGroup : otherGroup, pipeline);

    /// <summary>A document's running text ("article") against its reader comments ("comments").</summary>
    public static TermCounts ArticleAndComments(Document document, TermPipeline? pipeline = null) =>
        Count(document.Body.Cast<ITextUnit>().Concat(document.Comments), u => u is Comment ? "comments" : "article", pipeline);

    /// <summary>The <paramref name="n"/> most frequent terms of a group (ties: term order).</summary>
    public IEnumerable<TermCount> Top(string group, int n) => Rows.Where(r => r.Group == group).Take(n);

    public sealed record FrequencyRow(string Group, string Term, string Surface, int N, double Per10k, int DocumentFrequency);

    /// <summary>
    /// Counts with relative frequency per 10,000 counted tokens of the group, and document frequency (in how
    /// many groups the term occurs). Sorted by group, then count.
    /// </summary>
    public IReadOnlyList<FrequencyRow> Frequencies()
    {
        var df = Rows.GroupBy(r => r.Term).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return [.. Rows.Select(r => new FrequencyRow(r.Group, r.Term, Surface(r.Term), r.N, Math.Round(10_000.0 * r.N / Totals[r.Group], 2), df[r.Term]))];
    }

    /// <summary>Top terms of every group as a frame: rows = rank, columns = group, values "Surface (n)".</summary>
    public Frame<int, string> TopTable(int n)
    {
        var columns = Groups.Select(g => (g, Top(g, n).Select(r => $"{Surface(r.Term)} ({r.N})").ToList())).ToList();
        var rows = Enumerable.Range(0, n).Select(i => columns.ToDictionary(c => c.g, c => i < c.Item2.Count ? c.Item2[i] : ""));
        return Frame.FromRows(rows.Select((r, i) => new KeyValuePair<int, Series<string, string>>(i + 1, new Series<string, string>(r.Keys, r.Values))));
    }
}
