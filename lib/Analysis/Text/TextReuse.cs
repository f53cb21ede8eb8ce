using System.Collections.Immutable;

namespace Analysis.Text;

/// <summary>A passage two documents share word for word: where it stands in each raw file, how many words, and its text in the first.</summary>
public sealed record SharedPassage(string First, TextSpan FirstSpan, string Second, TextSpan SecondSpan, int Words, string Text)
{
    // A passage found by TextReuse makes its text when asked: a corpus of agency copies shares millions of passages,
    // thousands of words each, and a table shows a few dozen.
    private readonly string? _text = Text;
    private readonly WordRun _run;

    internal SharedPassage(string first, TextSpan firstSpan, string second, TextSpan secondSpan, WordRun run)
        : this(first, firstSpan, second, secondSpan, run.To - run.From, null!) => _run = run;

    /// <summary>The passage's words in the first document, as written, separated by single spaces.</summary>
    public string Text { get => _text ?? _run.Text(); init => _text = value; }

    public bool Equals(SharedPassage? other) => other is not null && First == other.First && FirstSpan == other.FirstSpan && Second == other.Second &&
        SecondSpan == other.SecondSpan && Words == other.Words && Text == other.Text;

    public override int GetHashCode() => HashCode.Combine(First, FirstSpan, Second, SecondSpan, Words);

    /// <summary>Words [From, To) of a document, given as the table's row numbers of its word tokens.</summary>
    internal readonly record struct WordRun(TokenTable Table, int[] Rows, int From, int To)
    {
        public string Text()
        {
            var (table, rows) = (Table, Rows);
            return string.Join(' ', rows[From..To].Select(row => table.SurfaceOfType(table.TypeIdOf(row))));
        }
    }
}

/// <summary>How much of a document a passage-sharing partner covers: shared words / the document's words.</summary>
public sealed record ReusePair(string First, string Second, int Passages, int SharedWords, double ShareOfFirst, double ShareOfSecond)
{
    /// <summary>Agency copy: most of the shorter document stands in the other.</summary>
    public bool NearDuplicate(double threshold = 0.8) => Math.Max(ShareOfFirst, ShareOfSecond) >= threshold;
}

/// <summary>
/// Text reuse by exact shingles: every run of <see cref="ReuseOptions.Words"/> consecutive words (their normalised
/// forms, across units and punctuation of a document) that two documents share is a seed, and overlapping seeds are
/// joined into maximal passages. Exact word n-grams rather than MinHash: a corpus of news reuse is copy, not
/// paraphrase, exact matches carry their offsets for a reader to check, and the index is linear in the text.
/// </summary>
public sealed record ReuseOptions
{
    /// <summary>
    /// Shingle length in words. Seven: on the shipped texts, runs of six or seven shared words give one passage, the
    /// quote of Jassy that TKP and Kettner both carry, and nothing by chance; eight miss it.
    /// </summary>
    public int Words { get; init; } = 7;

    /// <summary>Shingles found in more documents than this are formulae (datelines, boilerplate) and not evidence of reuse.</summary>
    public int MaxDocuments { get; init; } = 50;
}

public static class TextReuse
{
    /// <summary>The <paramref name="n"/> pairs that share the most words, for a table (ties: first, then second document, ordinal).</summary>
    public static ImmutableArray<ReusePair> MostShared(IEnumerable<ReusePair> pairs, int n) =>
        [.. pairs.OrderByDescending(p => p.SharedWords).ThenBy(p => p.First, StringComparer.Ordinal).ThenBy(p => p.Second, StringComparer.Ordinal).Take(n)];

    /// <summary>The <paramref name="n"/> longest passages, for a table (ties: first document, ordinal, then where the passage starts in it).</summary>
    public static ImmutableArray<SharedPassage> Longest(IEnumerable<SharedPassage> passages, int n) =>
        [.. passages.OrderByDescending(p => p.Words).ThenBy(p => p.First, StringComparer.Ordinal).ThenBy(p => p.FirstSpan.Start).Take(n)];

    /// <summary>The passages the corpus's documents share, and per document pair the share each covers; pairs in document order.</summary>
    public static (ImmutableArray<SharedPassage> Passages, ImmutableArray<ReusePair> Pairs) Find(TokenTable table, ReuseOptions? options = null)
    {
        options ??= new ReuseOptions();
        var n = options.Words;
        // Each document's word tokens in reading order (units in table order), as row numbers of the table: four bytes a
        // word, not a row object.
        var building = new List<(string Id, List<int> Words)>();
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var u = 0; u < table.Units.Length; u++)
        {
            var unit = table.Units[u];
            if (!byId.TryGetValue(unit.DocumentId, out var d)) { d = building.Count; byId[unit.DocumentId] = d; building.Add((unit.DocumentId, [])); }
            for (var i = table.UnitStart(u); i < table.UnitStart(u + 1); i++)
                if (table.TypeOf(table.TypeIdOf(i)).Kind == TokenKind.Word) building[d].Words.Add(i);
        }
        // Arrays of exact size: the passages keep their document's array to make their text when asked.
        var documents = building.Select(d => (d.Id, Words: d.Words.ToArray())).ToList();
        building = null;   // unoptimised (tier-0) code keeps a local alive to the method's end: the lists go now
        // A word's hash is its key's: computed once per key.
        var keyHash = new ulong[table.KeyCount];
        for (var k = 0; k < keyHash.Length; k++) keyHash[k] = Fnv(Stem(table.KeyOf(k)));
        // Every shingle as a 64-bit hash of its words' stems with its document and position, sorted: equal shingles
        // are then neighbours, in 16 bytes a shingle rather than a string each.
        var shingles = new (ulong Hash, int Doc, int At)[documents.Sum(d => Math.Max(0L, d.Words.Length - n + 1))];
        var next = 0;
        for (var d = 0; d < documents.Count; d++)
        {
            var words = documents[d].Words;
            var hashes = words.Select(w => keyHash[table.TypeOf(table.TypeIdOf(w)).KeyId]).ToArray();
            for (var i = 0; i + n <= words.Length; i++)
            {
                var h = 1469598103934665603UL;
                for (var k = 0; k < n; k++) h = (h ^ hashes[i + k]) * 1099511628211UL;
                shingles[next++] = (h, d, i);
            }
        }
        Array.Sort(shingles);
        // The shingles two to MaxDocuments documents share, each document once (at its first position): one flat list of
        // (document, position) per shared shingle, and for each document the shared shingles it has. Seeds are then made for
        // one first document at a time, so memory holds that document's pairs, not every pair's seeds at once (a passage
        // shared by m documents makes m(m−1)/2 pairs of seeds).
        var members = new List<(int Doc, int At)>();
        var groupStart = new List<int>();
        var groupsOf = new List<int>?[documents.Count];
        for (var start = 0; start < shingles.Length;)
        {
            var end = start + 1;
            while (end < shingles.Length && shingles[end].Hash == shingles[start].Hash) end++;
            var first = members.Count;
            for (var k = start; k < end; k++)
                if (k == start || shingles[k].Doc != shingles[k - 1].Doc) members.Add((shingles[k].Doc, shingles[k].At)); // sorted: the first is the least
            start = end;
            var count = members.Count - first;
            if (count < 2 || count > options.MaxDocuments) { members.RemoveRange(first, count); continue; }
            for (var k = first; k < members.Count; k++) (groupsOf[members[k].Doc] ??= []).Add(groupStart.Count);
            groupStart.Add(first);
        }
        groupStart.Add(members.Count);
        shingles = [];
        var passages = ImmutableArray.CreateBuilder<SharedPassage>();
        var pairs = ImmutableArray.CreateBuilder<ReusePair>();
        for (var a = 0; a < documents.Count; a++)
        {
            if (groupsOf[a] is not { } groups) continue;
            // Seeds of a with each later document b: positions in both.
            var seeds = new SortedDictionary<int, List<(int A, int B)>>();
            foreach (var g in groups)
            {
                var at = -1;
                for (var k = groupStart[g]; k < groupStart[g + 1]; k++) if (members[k].Doc == a) { at = members[k].At; break; }
                for (var k = groupStart[g]; k < groupStart[g + 1]; k++)
                {
                    if (members[k].Doc <= a) continue;
                    if (!seeds.TryGetValue(members[k].Doc, out var list)) seeds[members[k].Doc] = list = [];
                    list.Add((at, members[k].At));
                }
            }
            foreach (var (b, found) in seeds) Join(table, documents, a, b, found, n, passages, pairs);
        }
        var order = documents.Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        return ([.. passages.OrderBy(p => order[p.First]).ThenBy(p => order[p.Second]).ThenBy(p => p.FirstSpan.Start)], pairs.ToImmutable());
    }

    /// <summary>Joins the seeds of documents a and b that continue one another (same offset between the two) into maximal passages, and the pair's coverage.</summary>
    private static void Join(TokenTable table, List<(string Id, int[] Words)> documents, int a, int b, List<(int A, int B)> found, int n,
        ImmutableArray<SharedPassage>.Builder passages, ImmutableArray<ReusePair>.Builder pairs)
    {
        var (wa, wb) = (documents[a].Words, documents[b].Words);
        var covered = new HashSet<int>();
        var coveredB = new HashSet<int>();
        var count = 0;
        foreach (var run in found.OrderBy(s => s.A - s.B).ThenBy(s => s.A).GroupBy(s => s.A - s.B))
        {
            var starts = run.Select(s => s.A).Order().ToList();
            var i = 0;
            while (i < starts.Count)
            {
                var from = starts[i];
                var to = from + n;
                while (i + 1 < starts.Count && starts[i + 1] <= to) { i++; to = starts[i] + n; }
                i++;
                var shift = run.Key;
                for (var k = from; k < to; k++) { covered.Add(k); coveredB.Add(k - shift); }
                passages.Add(new SharedPassage(documents[a].Id, Span(table, wa, from, to), documents[b].Id, Span(table, wb, from - shift, to - shift), new(table, wa, from, to)));
                count++;
            }
        }
        pairs.Add(new ReusePair(documents[a].Id, documents[b].Id, count, covered.Count, (double)covered.Count / Math.Max(1, wa.Length), (double)coveredB.Count / Math.Max(1, wb.Length)));
    }

    private static ulong Fnv(string text)
    {
        var h = 14695981039346656037UL;
        foreach (var c in text) h = (h ^ c) * 1099511628211UL;
        return h;
    }

    /// <summary>A word as compared: the first six letters of its key, so that inflection ("transformative", "transformativste") does not hide a copy.</summary>
    private static string Stem(string key) => key.Length <= 6 ? key : key[..6];

    private static TextSpan Span(TokenTable table, int[] words, int from, int to)
    {
        var (first, last) = (table[words[from]].Raw, table[words[to - 1]].Raw);
        return new TextSpan(first.Start, Math.Max(first.End, last.End));
    }
}

/// <summary>One document's nearest neighbours by cosine similarity of tf-idf weighted key counts.</summary>
public sealed record Neighbour(string Document, string Other, double Cosine, int Rank);

/// <summary>
/// Document similarity: cosine of tf-idf vectors over the counted keys (lemmas), the measure of quanteda's
/// <c>textstat_simil</c> on a weighted dfm. Sparse: each document's vector holds its own keys only, and pairs are
/// scored through the keys they share, so thousands of documents need memory for their vocabularies, not n².
/// </summary>
public static class Similarity
{
    /// <summary>Every pair's cosine (symmetric, 1 on the diagonal), in document order: for a heatmap of a few hundred documents.</summary>
    public static (ImmutableArray<string> Documents, double[,] Cosine) Matrix(TermCounts counts)
    {
        var (ids, dots) = Dots(counts);
        var m = new double[ids.Length, ids.Length];
        Parallel.For(0, ids.Length, () => new double[ids.Length], (d, _, dot) =>
        {
            dots(d, dot);
            for (var o = 0; o < ids.Length; o++) m[d, o] = o == d ? (dot[d] > 0 ? 1 : 0) : Math.Round(dot[o], 12);
            return dot;
        }, _ => { });
        return (ids, m);
    }

    /// <summary>
    /// Each document's <paramref name="k"/> most similar others (ties by document order): for corpora of thousands. One
    /// document at a time, its dot products with all others accumulated through the postings of its keys, so memory
    /// grows with the corpus, not with its square.
    /// </summary>
    public static ImmutableArray<Neighbour> Nearest(TermCounts counts, int k = 5)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (k == 0) return [];
        var (ids, dots) = Dots(counts);
        var result = new Neighbour[ids.Length][];
        Parallel.For(0, ids.Length, () => new double[ids.Length], (d, _, dot) =>
        {
            dots(d, dot);
            // The k best in one pass, kept sorted (cosine descending, then document order): no list of every other document.
            var best = new (int Other, double Cosine)[k];
            var found = 0;
            for (var o = 0; o < dot.Length; o++)
            {
                if (o == d || dot[o] <= 0) continue;
                var cosine = Math.Round(dot[o], 12);
                if (found == k && cosine <= best[k - 1].Cosine) continue; // a tie goes to the earlier document, already in
                var at = Math.Min(found, k - 1);
                while (at > 0 && cosine > best[at - 1].Cosine) { best[at] = best[at - 1]; at--; }
                best[at] = (o, cosine);
                if (found < k) found++;
            }
            result[d] = [.. best.Take(found).Select((x, r) => new Neighbour(ids[d], ids[x.Other], x.Cosine, r + 1))];
            return dot;
        }, _ => { });
        return [.. result.SelectMany(r => r)];
    }

    /// <summary>
    /// The documents, and a function that fills one document's dot products with every document (its own included)
    /// through the postings of its keys: memory for one row at a time, the same sums in the same order for any core count.
    /// </summary>
    private static (ImmutableArray<string> Ids, Action<int, double[]> Dots) Dots(TermCounts counts)
    {
        var ids = counts.Totals.Keys.Order(StringComparer.Ordinal).ToImmutableArray();
        var at = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        // Each document's unit vector as (key id, weight) in the order of Measures.TfIdf, so every sum below adds in the same
        // order; arrays, not a dictionary per document (14 million document-term rows at 100,000 documents).
        var keyIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var byDocument = new (int Key, double Weight)[ids.Length][];
        Array.Fill(byDocument, []);
        var vector = new List<(int Key, double Weight)>();
        foreach (var (group, terms) in Measures.TfIdfByGroup(counts))
        {
            vector.Clear();
            foreach (var t in terms)
                if (t.TfIdf > 0) vector.Add((keyIds.TryGetValue(t.Term, out var id) ? id : keyIds[t.Term] = keyIds.Count, t.TfIdf));
            var squares = 0.0;
            foreach (var (_, w) in vector) squares += w * w;
            var norm = Math.Sqrt(squares);
            byDocument[at[group]] = [.. vector.Select(x => norm > 0 ? (x.Key, x.Weight / norm) : x)];
        }
        // Postings of each key, documents in order, in two flat arrays (a key's run starts at postingStart[key]).
        var postingStart = new int[keyIds.Count + 1];
        foreach (var vectorOf in byDocument)
            foreach (var (key, _) in vectorOf) postingStart[key + 1]++;
        for (var k = 0; k < keyIds.Count; k++) postingStart[k + 1] += postingStart[k];
        var postingDoc = new int[postingStart[^1]];
        var postingWeight = new double[postingStart[^1]];
        var fill = (int[])postingStart.Clone();
        for (var d = 0; d < byDocument.Length; d++)
            foreach (var (key, w) in byDocument[d]) (postingDoc[fill[key]], postingWeight[fill[key]++]) = (d, w);
        return (ids, (d, dot) =>
        {
            Array.Clear(dot);
            foreach (var (key, w) in byDocument[d])
                for (var p = postingStart[key]; p < postingStart[key + 1]; p++) dot[postingDoc[p]] += w * postingWeight[p];
        });
    }
}
