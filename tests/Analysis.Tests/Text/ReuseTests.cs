using Analysis.Text;

namespace Analysis.Tests;

/// <summary>Passages documents share, copies of whole articles, and how alike documents are.</summary>
public class ReuseTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void OnTheShippedTexts_JassysQuote_IsTheOnePassageTkpAndKettnerShare_WithBothOffsets()
    {
        var (passages, pairs) = TextReuse.Find(TokenTable.Of(TestCorpus.Corpus));
        var p = Assert.Single(passages);
        Assert.Equal(("tkp", "kettner", 7), (p.First, p.Second, p.Words));
        Assert.Equal("als die transformative Technologie seit dem Internet", TestCorpus.Doc("tkp").Raw[p.FirstSpan.Start..p.FirstSpan.End]);
        Assert.Equal("als „die transformativste Technologie seit dem Internet", TestCorpus.Doc("kettner").Raw[p.SecondSpan.Start..p.SecondSpan.End]);
        Assert.False(Assert.Single(pairs).NearDuplicate());
    }

    /// <summary>Real German paragraphs of the shipped texts, cut into distinct articles of 80 words.</summary>
    private static List<string> Articles()
    {
        var articles = new List<string>();
        foreach (var d in TestCorpus.Corpus.Documents)
        {
            var words = string.Join(' ', d.Body.Select(p => p.Text)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i + 80 <= words.Length; i += 80) articles.Add(string.Join(' ', words[i..(i + 80)]));
        }
        return articles;
    }

    /// <summary>An agency copy as outlets print it: their own opening sentence, every 40th word changed, the last fifth cut.</summary>
    private static string AgencyCopy(string text, int n)
    {
        var words = text.Split(' ');
        var kept = words.Take(words.Length * 4 / 5).Select((w, i) => i % 40 == 39 ? $"Wort{n}x{i}" : w);
        return $"Meldung {n} der Nachrichtenagentur nach Angaben von Redaktion {n}. " + string.Join(' ', kept);
    }

    [Fact]
    public void AgencyCopies_InAGeneratedCorpus_AreFoundAsNearDuplicates_WithPrecisionAndRecallAtLeast095()
    {
        var articles = Articles();
        Assert.True(articles.Count >= 40, $"{articles.Count} articles");
        var units = articles.Select((a, i) => TextUnits.Of($"a{i:000}/p1", $"a{i:000}", a)).ToList();
        var copied = Enumerable.Range(0, articles.Count).Where(i => i % 3 == 0).ToList();
        units.AddRange(copied.Select(i => TextUnits.Of($"c{i:000}/p1", $"c{i:000}", AgencyCopy(articles[i], i))));
        var (_, pairs) = TextReuse.Find(TokenTable.Of(units));
        var found = pairs.Where(p => p.NearDuplicate()).Select(p => (p.First, p.Second)).ToHashSet();
        var truth = copied.Select(i => ($"a{i:000}", $"c{i:000}")).ToHashSet();
        var precision = (double)found.Count(truth.Contains) / Math.Max(1, found.Count);
        var recall = (double)truth.Count(found.Contains) / truth.Count;
        output.WriteLine($"{articles.Count} articles, {truth.Count} copies: precision {precision:0.000}, recall {recall:0.000}; shares of the copies {string.Join(", ", pairs.Where(p => p.NearDuplicate()).Select(p => p.ShareOfSecond.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))}");
        Assert.True(precision >= 0.95 && recall >= 0.95, $"precision {precision:0.000}, recall {recall:0.000}; found {found.Count}, copies {truth.Count}");
    }

    [Fact]
    public void CountingEachSharedPassageOnce_RestoresTheCountsOfTheCorpusWithoutCopies()
    {
        var articles = Articles().Take(12).ToList();
        // Each copy's own opening, shorter than a shingle, so it is no shared passage.
        string[] towns = ["Aachen", "Bremen", "Chemnitz", "Dresden", "Erfurt", "Freiburg", "Görlitz", "Hamburg", "Ingolstadt", "Jena", "Kassel", "Leipzig"];
        var intros = articles.Select((_, i) => $"{towns[i]} meldete es zuerst.").ToList();
        var originals = articles.Select((a, i) => TextUnits.Of($"a{i:00}/p1", $"a{i:00}", a)).ToList();
        var copies = articles.Select((a, i) => TextUnits.Of($"c{i:00}/p1", $"c{i:00}", intros[i] + " " + a)).ToList();
        var table = TokenTable.Of([.. originals, .. copies]);
        var once = table.CountingSharedPassagesOnce(TextReuse.Find(table).Passages);
        static Dictionary<string, int> Totals(TokenTable t) => TermCounts.Count(t, _ => "all").Rows.ToDictionary(r => r.Term, r => r.N, StringComparer.Ordinal);
        var expected = Totals(TokenTable.Of([.. originals, .. intros.Select((t, i) => TextUnits.Of($"i{i:00}/p1", $"i{i:00}", t))]));
        Assert.Equal(expected.OrderBy(x => x.Key, StringComparer.Ordinal), Totals(once).OrderBy(x => x.Key, StringComparer.Ordinal));
        // Without the option every copied word counts twice.
        Assert.True(Totals(table).Values.Sum() > expected.Values.Sum() * 1.8);
    }

    [Fact]
    public void Cosine_IsThatOfTheTfIdfVectors_ComputedByHand()
    {
        var counts = TermCounts.Count(TokenTable.Of([TextUnits.Of("d1/p1", "d1", "Apfel Birne"), TextUnits.Of("d2/p1", "d2", "Apfel Kirsche"), TextUnits.Of("d3/p1", "d3", "Pflaume")], TextUnits.Plain), u => u.DocumentId);
        var (ids, m) = Similarity.Matrix(counts);
        Assert.Equal(["d1", "d2", "d3"], ids.ToArray());
        // tf·idf: Apfel ½·ln(3/2) in both, Birne and Kirsche ½·ln 3 in one each; the halves cancel in the cosine.
        var shared = Math.Log(1.5) * Math.Log(1.5);
        Assert.Equal(shared / (shared + Math.Log(3) * Math.Log(3)), m[0, 1], 12);
        Assert.Equal((0.0, 0.0, 1.0), (m[0, 2], m[1, 2], m[2, 2]));
        var nearest = Similarity.Nearest(counts, k: 1);
        Assert.Equal([("d1", "d2"), ("d2", "d1")], nearest.Select(n => (n.Document, n.Other)));
    }

    [Fact]
    public void Nearest_AreTheBestOfEachRowOfTheMatrix_TiesInDocumentOrder()
    {
        // Every text of the corpus with each paragraph a document of its own: many pairs, some with equal cosines.
        var counts = TermCounts.Count(TokenTable.Of(TestCorpus.Corpus), u => u.Id);
        var (ids, m) = Similarity.Matrix(counts);
        foreach (var k in new[] { 1, 3, 7 })
        {
            var expected = Enumerable.Range(0, ids.Length).SelectMany(d => Enumerable.Range(0, ids.Length).Where(o => o != d && m[d, o] > 0)
                .OrderByDescending(o => m[d, o]).ThenBy(o => o).Take(k).Select((o, r) => (ids[d], ids[o], m[d, o], r + 1)));
            Assert.Equal(expected, Similarity.Nearest(counts, k).Select(n => (n.Document, n.Other, n.Cosine, n.Rank)));
        }
        Assert.Empty(Similarity.Nearest(counts, 0));
    }

    [Fact]
    public void Tables_show_the_pairs_sharing_most_and_the_longest_passages_with_ties_in_a_fixed_order()
    {
        ReusePair Pair(string first, string second, int words) => new(first, second, 1, words, 0.1, 0.1);
        var pairs = new[] { Pair("b", "c", 50), Pair("a", "d", 50), Pair("a", "b", 10), Pair("a", "c", 80) };
        Assert.Equal(["a|c", "a|d", "b|c"], TextReuse.MostShared(pairs, 3).Select(p => $"{p.First}|{p.Second}"));
        Assert.Equal(["a|c"], TextReuse.MostShared(pairs.Reverse(), 1).Select(p => $"{p.First}|{p.Second}"));

        SharedPassage Passage(string first, int start, int words) => new(first, new TextSpan(start, start + 5), "z", new TextSpan(0, 5), words, "x");
        var passages = new[] { Passage("b", 0, 9), Passage("a", 40, 9), Passage("a", 7, 9), Passage("c", 0, 12), Passage("a", 0, 7) };
        Assert.Equal(["c@0", "a@7", "a@40", "b@0"], TextReuse.Longest(passages, 4).Select(p => $"{p.First}@{p.FirstSpan.Start}"));
        Assert.Empty(TextReuse.Longest(passages, 0));
    }

    [Fact]
    public void A_long_passage_is_shown_by_its_ends_with_the_offsets_of_the_whole()
    {
        var words = string.Join(' ', Enumerable.Range(1, 100).Select(i => $"w{i}"));
        var passage = new SharedPassage("a", new TextSpan(10, 600), "b", new TextSpan(0, 590), 100, words);
        var row = CorpusTables.SharedPassages([passage, passage with { Text = "nur sieben Wörter stehen hier zusammen geschrieben", Words = 7 }]);
        var texts = row.GetColumn<string>("Text").Values.ToList();
        Assert.Equal(string.Join(' ', Enumerable.Range(1, 20).Select(i => $"w{i}")) + " … " + string.Join(' ', Enumerable.Range(81, 20).Select(i => $"w{i}")), texts[0]);
        Assert.Equal("nur sieben Wörter stehen hier zusammen geschrieben", texts[1]);
        Assert.Equal([100, 7], row.GetColumn<int>("Words").Values);
        Assert.Equal([10, 10], row.GetColumn<int>("FirstStart").Values);
    }
}
