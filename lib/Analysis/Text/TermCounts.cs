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
    private readonly IReadOnlyDictionary<string, string> _surface;
    private readonly Lazy<Dictionary<(string Group, string Term), int>> _index;
    private readonly Lazy<ImmutableArray<(string Key, string Surface)>> _forms;

    private TermCounts(ImmutableArray<TermCount> rows, ImmutableDictionary<string, int> totals, IReadOnlyDictionary<string, string> surface, Func<ImmutableArray<(string Key, string Surface)>> forms)
    {
        Rows = rows;
        _index = new(() => rows.ToDictionary(r => (r.Group, r.Term), r => r.N));
        Totals = totals;
        _surface = surface;
        _forms = new(forms);
    }

    public ImmutableArray<TermCount> Rows { get; }

    /// <summary>Counted tokens per group (after stop words): the denominator of relative frequencies and tf.</summary>
    public ImmutableDictionary<string, int> Totals { get; }

    /// <summary>Every distinct (key, written form) pair counted, for reviewing what the lemmatizer joined.</summary>
    public ImmutableArray<(string Key, string Surface)> Forms => _forms.Value;

    public IEnumerable<string> Groups => Totals.Keys.Order(StringComparer.Ordinal);

    /// <summary>The written form shown for a term: its most frequent surface form (ties: ordinal order).</summary>
    public string Surface(string term) => _surface.TryGetValue(term, out var s) ? s : term;

    public int Count(string group, string term) => _index.Value.GetValueOrDefault((group, term));

    /// <summary>
    /// Counts the counted tokens of <paramref name="tokens"/>, grouped by <paramref name="groupOf"/> (e.g. the document
    /// id); units it maps to null are left out.
    /// </summary>
    public static TermCounts Count(TokenTable tokens, Func<ITextUnit, string?> groupOf)
    {
        // Integers in the loop (group index, key id, type id); strings only for the distinct results.
        var counter = new Counter(tokens.TypeCount, tokens.KeyCount);
        for (var u = 0; u < tokens.Units.Length; u++)
        {
            var g = counter.GroupOf(groupOf(tokens.Units[u]));
            if (g < 0) continue;
            for (var i = tokens.UnitStart(u); i < tokens.UnitStart(u + 1); i++)
            {
                if (!tokens.IsCounted(i)) continue;
                var type = tokens.TypeIdOf(i);
                counter.Add(g, type, tokens.KeyIdOfType(type));
            }
        }
        return counter.Result(tokens.KeyIdOfType, tokens.SurfaceOfType, tokens.KeyOf);
    }

    /// <summary>
    /// Counts tokens by group index and key id, and each form (type id): the one counting loop body behind the count of a
    /// table in memory and the streamed count of its Parquet files.
    /// </summary>
    internal sealed class Counter(int typeCount, long keyCount)
    {
        private readonly Dictionary<string, int> _groupIndex = new(StringComparer.Ordinal);
        private readonly List<string> _groups = [];
        private readonly List<int> _totals = [];
        // group · keyCount + key: distinct and spread (g << 32 | key would hash to key ^ g and collide in chains).
        private readonly Dictionary<long, int> _counts = [];
        private readonly int[] _typeCounts = new int[typeCount];

        /// <summary>The index of a group, numbered in order of first sight; -1 for null (the unit is left out).</summary>
        public int GroupOf(string? group)
        {
            if (group is null) return -1;
            if (!_groupIndex.TryGetValue(group, out var g))
            {
                _groupIndex[group] = g = _groups.Count;
                _groups.Add(group);
                _totals.Add(0);
            }
            return g;
        }

        public void Add(int group, int type, int keyId)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_counts, group * keyCount + keyId, out _)++;
            _typeCounts[type]++;
            CollectionsMarshal.AsSpan(_totals)[group]++;
        }

        public TermCounts Result(Func<int, int> keyIdOfType, Func<int, string> surfaceOfType, Func<int, string> keyOf) =>
            FromCounts(_groups, _totals, _counts, _typeCounts, keyIdOfType, surfaceOfType, keyOf, keyCount);
    }

    /// <summary>The counts from their integer form: group names and totals, (group · keyCount + key id) → n, and each form's count.</summary>
    private static TermCounts FromCounts(List<string> groups, List<int> totals, Dictionary<long, int> counts, int[] typeCounts,
        Func<int, int> keyIdOfType, Func<int, string> surfaceOfType, Func<int, string> keyOf, long keys)
    {
        var best = DisplayForms(typeCounts, keyIdOfType, surfaceOfType);
        // Rows sorted by group, count (descending), term: ranks computed once, the sort compares integers.
        var groupRank = Ranks(groups);
        var keyIds = best.Keys.ToArray();
        var keyRank = new int[keys];
        var sortedKeys = keyIds.OrderBy(k => keyOf(k), StringComparer.Ordinal).ToArray();
        for (var r = 0; r < sortedKeys.Length; r++) keyRank[sortedKeys[r]] = r;
        // One 64-bit sort key per row: group rank, then count descending, then key rank (bits 42+, 21-41, 0-20).
        var raw = counts.Select(c => (Group: (int)(c.Key / keys), Key: (int)(c.Key % keys), N: c.Value)).ToArray();
        var fits = groups.Count < (1 << 21) && keyRank.Length < (1 << 21) && raw.All(r => r.N < (1 << 21));
        if (fits)
        {
            var sortKeys = raw.Select(r => ((long)groupRank[r.Group] << 42) | ((long)((1 << 21) - 1 - r.N) << 21) | (long)keyRank[r.Key]).ToArray();
            Array.Sort(sortKeys, raw);
        }
        else
        {
            Array.Sort(raw, (x, y) => groupRank[x.Group] != groupRank[y.Group] ? groupRank[x.Group].CompareTo(groupRank[y.Group])
                : x.N != y.N ? y.N.CompareTo(x.N) : keyRank[x.Key].CompareTo(keyRank[y.Key]));
        }
        var rows = raw.Select(r => new TermCount(groups[r.Group], keyOf(r.Key), r.N)).ToImmutableArray();
        var surfaces = best.ToDictionary(b => keyOf(b.Key), b => b.Value.Surface, StringComparer.Ordinal);
        return new TermCounts(rows,
            groups.Select((group, i) => KeyValuePair.Create(group, totals[i])).ToImmutableDictionary(StringComparer.Ordinal),
            surfaces,
            () => [.. Enumerable.Range(0, typeCounts.Length).Where(t => typeCounts[t] > 0).Select(t => (keyOf(keyIdOfType(t)), surfaceOfType(t)))
                .Distinct().OrderBy(f => f.Item1, StringComparer.Ordinal).ThenBy(f => f.Item2, StringComparer.Ordinal)]);
    }

    /// <summary>Display form per key id: its most frequent written form among the counted forms, ties by ordinal order.</summary>
    internal static Dictionary<int, (string Surface, int N)> DisplayForms(int[] typeCounts, Func<int, int> keyIdOfType, Func<int, string> surfaceOfType)
    {
        var best = new Dictionary<int, (string Surface, int N)>();
        for (var t = 0; t < typeCounts.Length; t++)
        {
            if (typeCounts[t] == 0) continue;
            var (key, surface) = (keyIdOfType(t), surfaceOfType(t));
            if (!best.TryGetValue(key, out var b) || typeCounts[t] > b.N || typeCounts[t] == b.N && string.CompareOrdinal(surface, b.Surface) < 0)
                best[key] = (surface, typeCounts[t]);
        }
        return best;
    }

    private static int[] Ranks(List<string> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i], StringComparer.Ordinal).ToArray();
        var rank = new int[values.Count];
        for (var r = 0; r < order.Length; r++) rank[order[r]] = r;
        return rank;
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

    /// <summary>As <see cref="ArticleAndComments(Document, TermOptions?)"/>, read from the corpus's token table (no tokenising again).</summary>
    public static TermCounts ArticleAndComments(Corpus corpus, string documentId, TermOptions? options = null) =>
        Count(TokenTable.Of(corpus, options), u => u.DocumentId != documentId ? null : u is Comment ? "comments" : "article");

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
