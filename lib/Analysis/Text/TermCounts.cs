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

    private TermCounts(ImmutableArray<TermCount> rows, ImmutableDictionary<string, int> totals, ImmutableDictionary<string, string> surface, ImmutableArray<(string Key, string Surface)> forms)
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

    /// <summary>Every distinct (key, written form) pair counted, for reviewing what the lemmatizer joined.</summary>
    public ImmutableArray<(string Key, string Surface)> Forms { get; }

    public IEnumerable<string> Groups => Totals.Keys.Order(StringComparer.Ordinal);

    /// <summary>The written form shown for a term: its most frequent surface form (ties: ordinal order).</summary>
    public string Surface(string term) => _surface.TryGetValue(term, out var s) ? s : term;

    public int Count(string group, string term) => _index.GetValueOrDefault((group, term));

    /// <summary>
    /// Counts the counted tokens of <paramref name="tokens"/>, grouped by <paramref name="groupOf"/> (e.g. the document
    /// id); units it maps to null are left out.
    /// </summary>
    public static TermCounts Count(TokenTable tokens, Func<ITextUnit, string?> groupOf)
    {
        var counts = new Dictionary<(string Group, int Key), int>();
        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        var surfaces = new Dictionary<(int Key, string Surface), int>();
        for (var u = 0; u < tokens.Units.Length; u++)
        {
            if (groupOf(tokens.Units[u]) is not { } group) continue;
            ref var total = ref CollectionsMarshal.GetValueRefOrAddDefault(totals, group, out _);
            for (var i = tokens.UnitStart(u); i < tokens.UnitStart(u + 1); i++)
            {
                if (!tokens.IsCounted(i)) continue;
                ref readonly var type = ref tokens.TypeOf(i);
                CollectionsMarshal.GetValueRefOrAddDefault(counts, (group, type.KeyId), out _)++;
                CollectionsMarshal.GetValueRefOrAddDefault(surfaces, (type.KeyId, type.Surface), out _)++;
                total++;
            }
        }
        var display = surfaces.GroupBy(s => s.Key.Key).ToImmutableDictionary(
            g => tokens.KeyOf(g.Key),
            g => g.OrderByDescending(s => s.Value).ThenBy(s => s.Key.Surface, StringComparer.Ordinal).First().Key.Surface, StringComparer.Ordinal);
        return new TermCounts(
            [.. counts.Select(c => new TermCount(c.Key.Group, tokens.KeyOf(c.Key.Key), c.Value)).OrderBy(r => r.Group, StringComparer.Ordinal).ThenByDescending(r => r.N).ThenBy(r => r.Term, StringComparer.Ordinal)],
            totals.ToImmutableDictionary(StringComparer.Ordinal),
            display,
            [.. surfaces.Keys.Select(k => (tokens.KeyOf(k.Key), k.Surface)).OrderBy(f => f.Item1, StringComparer.Ordinal).ThenBy(f => f.Item2, StringComparer.Ordinal)]);
    }

    /// <summary>Counts per document of the corpus's running text (and, if asked, each document's comments).</summary>
    public static TermCounts ByDocument(Corpus corpus, bool includeComments = false, TermOptions? options = null) =>
        Count(TokenTable.Of(corpus, options), u => includeComments || u is not Comment ? u.DocumentId : null);

    /// <summary>
    /// Counts of the running text grouped by genre from the manifest; <paramref name="target"/> genres form one
    /// group named after them, all other genres the group "other".
    /// </summary>
    public static TermCounts ByGenre(Corpus corpus, string target, string targetGroup, string otherGroup, TermOptions? options = null) =>
        Count(TokenTable.Of(corpus, options), u => u is Comment ? null : corpus[u.DocumentId].Info.Genre == target ? targetGroup : otherGroup);

    /// <summary>A document's running text ("article") against its reader comments ("comments").</summary>
    public static TermCounts ArticleAndComments(Document document, TermOptions? options = null) =>
        Count(TokenTable.Of(document.Body.Cast<ITextUnit>().Concat(document.Comments), options), u => u is Comment ? "comments" : "article");

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
