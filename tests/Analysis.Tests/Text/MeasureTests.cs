using Analysis.Text;

namespace Analysis.Tests;

/// <summary>Each measure on a table small enough to compute by hand: A = "apfel apfel birne", B = "birne kiwi".</summary>
public class MeasureTests
{
    private static ITextUnit Unit(string id, string group, string text) => TextUnits.Of(id, group, text);

    private static readonly TermOptions Plain = TextUnits.Plain;

    private static TermCounts Small() => TermCounts.Count(TokenTable.Of([Unit("a", "A", "apfel apfel birne"), Unit("b", "B", "birne kiwi")], Plain), u => u.DocumentId);

    [Fact]
    public void TfIdf_AsTidytextDefinesIt()
    {
        var rows = Measures.TfIdf(Small()).ToDictionary(r => (r.Group, r.Term));
        Assert.Equal(2.0 / 3, rows[("A", "apfel")].Tf, 10);
        Assert.Equal(Math.Log(2), rows[("A", "apfel")].Idf, 10);
        Assert.Equal(0.462098, rows[("A", "apfel")].TfIdf, 6);  // 2/3 · ln 2
        Assert.Equal(0, rows[("A", "birne")].TfIdf, 10);         // in both documents: idf = ln 1
        Assert.Equal(0.346574, rows[("B", "kiwi")].TfIdf, 6);   // 1/2 · ln 2
    }

    [Fact]
    public void LogLikelihoodAndLogRatio_MatchTheHandComputation()
    {
        var rows = Measures.Keyness(Small(), ["A"]).ToDictionary(r => r.Term);
        // apfel: a=2, b=0, c=3, d=2; E1 = 3·2/5 = 1.2; G2 = 2·2·ln(2/1.2) = 4 ln(5/3)
        Assert.Equal(2.043302, rows["apfel"].G2, 6);
        Assert.Equal(1.415037, rows["apfel"].LogRatio, 6);     // log2((2/3) / (0.5/2)), zero count -> 0.5
        // birne: a=1, b=1; E1 = 1.2, E2 = 0.8; G2 = 2(ln(1/1.2) + ln(1/0.8))
        Assert.Equal(0.081644, rows["birne"].G2, 6);
        Assert.Equal(-0.584963, rows["birne"].LogRatio, 6);    // log2((1/3) / (1/2))
        Assert.Equal(0.0, rows["kiwi"].Target);
    }

    [Fact]
    public void TopKeyness_TakesTheOverusedThenTheUnderused()
    {
        var rows = Measures.Keyness(Small(), ["A"]);
        Assert.Equal(["apfel", "kiwi"], Measures.TopKeyness(rows, 1).Select(r => r.Term));
    }

    [Fact]
    public void PValues_FollowChiSquareWithOneDegreeOfFreedom()
    {
        Assert.Equal(0.05, Measures.ChiSquare1Tail(3.841459), 4);
        Assert.Equal(0.01, Measures.ChiSquare1Tail(6.634897), 4);
        Assert.Equal(1, Measures.ChiSquare1Tail(0));
    }

    [Fact]
    public void WeightedLogOdds_MatchTidylo()
    {
        // alpha = term totals (apfel 2, birne 2, kiwi 1); pseudo-counts A-apfel 4, A-birne 3, B-birne 3, B-kiwi 2;
        // y_w: apfel 4, birne 6, kiwi 2; n_A = 7, n_B = 5; total 12.
        var rows = Measures.WeightedLogOdds(Small()).ToDictionary(r => (r.Group, r.Term));
        Assert.Equal(1.387102, rows[("A", "apfel")].LogOddsWeighted, 5); // (ln(4/3) - ln(4/8)) / sqrt(1/4 + 1/4)
        Assert.Equal(-0.406840, rows[("A", "birne")].LogOddsWeighted, 5); // (ln(3/4) - ln(6/6)) / sqrt(1/3 + 1/6)
        Assert.Equal(1.203973, rows[("B", "kiwi")].LogOddsWeighted, 5);  // (ln(2/3) - ln(2/10)) / 1
        Assert.Equal(4, rows.Count); // B has no apfel row, as in tidylo
    }

    [Fact]
    public void RelativeFrequency_IsPer10000CountedTokens_DocumentFrequencyCountsGroups()
    {
        var rows = Small().Frequencies().ToDictionary(r => (r.Group, r.Term));
        Assert.Equal(6666.67, rows[("A", "apfel")].Per10k);
        Assert.Equal(2, rows[("A", "birne")].DocumentFrequency);
        Assert.Equal(1, rows[("B", "kiwi")].DocumentFrequency);
    }

    [Fact]
    public void Kwic_SortsByRightContext_AndTracesTheKeyword()
    {
        var lines = Kwic.Find(TestCorpus.Shipped, "KI", window: 3);
        Assert.Equal(34, lines.Count); // 4 + 10 + 10 + 5 + 5 standalone "KI" tokens (see KiTokens_PerDocument_EqualTheHandCount)
        Assert.Equal(lines.Select(l => l.Right.ToLowerInvariant()).Order(StringComparer.Ordinal), lines.Select(l => l.Right.ToLowerInvariant()));
        var first = lines[0];
        var doc = TestCorpus.Doc(first.Unit.Split('/')[0]);
        Assert.Equal("KI", doc.Raw[first.RawStart..first.RawEnd]);
    }

    [Fact]
    public void Collocations_FindTheCorpussFixedPhrases()
    {
        var rows = Collocations.Find(TestCorpus.Shipped);
        // Pairs are counted on keys: "Künstliche Intelligenz" in every case is one pair, as often as the units write it
        // (a regular expression over the unit texts, quotes of other units aside, is the hand count).
        var phrase = new System.Text.RegularExpressions.Regex(@"\b[Kk]ünstlich(e|en|er)? Intelligenz");
        var byHand = TestCorpus.Shipped.Units().Sum(u => phrase.Matches(u.Text).Count(m => !(u is Comment c && c.Quotes.Any(q => m.Index >= q.Start && m.Index < q.Start + q.Length))));
        Assert.Contains(rows, r => r.First == "Künstliche" && r.Second == "Intelligenz" && r.N == byHand);
        Assert.DoesNotContain(rows, r => r.First == "künstlicher" || r.First == "Künstlichen");
        // 3 in the TKP and Kettner articles; the reader who quotes "Amazon Web Services (AWS)" is not counted again.
        Assert.Contains(rows, r => (r.First, r.Second, r.N) == ("Web", "Services", 3));
        Assert.Contains(rows, r => r.First == "Andy" && r.Second == "Jassy");
        Assert.All(rows, r => Assert.True(r.N >= 2));
    }

    [Fact]
    public void EmptyTextOnlyStopWordsAndAbsentTerms_GiveDefinedResults()
    {
        var counts = TermCounts.Count(TokenTable.Of([Unit("e", "E", ""), Unit("s", "S", "und der die das"), Unit("a", "A", "apfel")]), u => u.DocumentId);
        Assert.Equal(0, counts.Totals["E"]);
        Assert.Equal(0, counts.Totals["S"]);
        Assert.Equal(0, counts.Count("A", "kiwi"));
        Assert.Single(Measures.TfIdf(counts));
        Assert.Empty(Kwic.Find(TokenTable.Of([Unit("a", "A", "apfel")]), "kiwi"));
        var e = Assert.Throws<ArgumentException>(() => Measures.Keyness(counts, ["S"]));
        Assert.Contains("S have no counted tokens", e.Message);
        Assert.Throws<ArgumentException>(() => Measures.Keyness(counts, ["X"]));
    }

    /// <summary>The families notebook 01 defines, written out again here.</summary>
    private static readonly TermFamily[] Families =
    [
        new("KI", ["KI"]) { Parts = true, Phrase = ("künstlich", "Intelligenz") },
        new("Arbeit*", ["Arbeit", "arbeiten"]) { Prefixes = ["arbeit"], Heads = ["arbeit", "arbeiter"] },
        new("Stellen/Jobs/Arbeitsplätze", ["Job", "Stelle", "Arbeitsplatz"]) { Heads = ["job", "arbeitsplatz"], NounsOnly = true },
    ];

    [Fact]
    public void Mentions_CountKiInAllItsForms()
    {
        var rows = Mentions.Count(TestCorpus.Shipped, Families);
        var taz = rows.Single(r => r.Document == "taz" && r.Family == "KI");
        // 10 standalone "KI" + compounds in the taz body (KI-Entwicklung, KI-Boom, KI-Hype, Polizei-KI, …)
        Assert.True(taz.Mentions > 10);
        Assert.StartsWith("KI 10", taz.Forms);
        var kettner = rows.Single(r => r.Document == "kettner" && r.Family == "KI");
        Assert.Contains("Künstlichen Intelligenz 2", kettner.Forms);
    }

    [Fact]
    public void TheJobsFamily_CountsJobsStellenAndArbeitsplaetzeAsNouns_InEveryCase_AndNotTheVerbOrOtherPlaces()
    {
        const string text = "Amazon streicht 14.000 Jobs und weitere Bürojobs. An Arbeitsplätzen und am Arbeitsplatz fehlt Personal, " +
            "die Stellen werden gestrichen, eine Stelle bleibt. Das muss man in Frage stellen. Stellen Sie sich das vor! Die Schnittstelle hält.";
        using var data = new TempData().Raw("j.txt", text).Entries(TempData.Entry("j", "j.txt"));
        var jobs = Mentions.Count(Corpus.Load(data.Directory), Families).Single(r => r.Family == "Stellen/Jobs/Arbeitsplätze");
        Assert.Equal(6, jobs.Mentions); // Jobs, Bürojobs, Arbeitsplätzen, Arbeitsplatz, Stellen, Stelle
        Assert.Equal("Arbeitsplatz 1, Arbeitsplätzen 1, Bürojobs 1, Jobs 1, Stelle 1, Stellen 1", jobs.Forms);
    }
}

public class TokenTableTests
{
    /// <summary>Counts from the table against a second, independent path: tokenise each unit, drop quoted spans, stop
    /// words (by form or lemma) and tokens without a letter, key each word with <see cref="TermPipeline.Lookup"/>.</summary>
    [Fact]
    public void Counts_AgreeWithTokenisingEveryUnitByHand()
    {
        var pipeline = new TermPipeline();
        var expected = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var unit in TestCorpus.Shipped.Units())
        {
            var quotes = unit is Comment c ? c.Quotes : [];
            var tokens = Tokenizer.Tokenize(unit.Text);
            for (var i = 0; i < tokens.Count; i++)
            {
                var t = tokens[i];
                if (t.Kind != TokenKind.Word || StopWords.Default.Contains(t.Norm) || !t.Norm.Any(char.IsLetter)) continue;
                if (quotes.Any(q => t.Start >= q.Start && t.Start < q.Start + q.Length)) continue;
                // A hanging first part ("Disziplinierungs- und …") is keyed from its partner: a context rule, tested apart.
                var end = t.Start + t.Length;
                if (end + 1 < unit.Text.Length && unit.Text[end] == '-' && (char.IsWhiteSpace(unit.Text[end + 1]) || unit.Text[end + 1] == ',')) continue;
                // Inside a sentence a capitalised word is a noun; at its start, any word.
                var opens = i == 0 || tokens[i - 1].Sentence != t.Sentence;
                var key = pipeline.Key(t.Surface, opens);
                var source = opens || !char.IsUpper(t.Surface[0]) ? pipeline.Lookup(t.Surface).Source : GermanLemmatizer.Default.LookupNoun(t.Surface).Source;
                // A stop word by its lemma too: "konnten" like "können".
                if (source is KeySource.Lexicon or KeySource.Comparison && key.Length > 0 && !char.IsUpper(key[0]) && StopWords.Default.Contains(key)) continue;
                // A number word is a number, not a term.
                if (Analysis.Figures.GermanNumbers.TryParseWord(t.Norm, out _)) continue;
                expected[key] = expected.GetValueOrDefault(key) + 1;
                if (source == KeySource.Unchanged && char.IsUpper(t.Surface[0])) names.Add(key);
            }
        }
        // A name's genitive takes the name's key where the name stands alone too (Amazons → amazon).
        foreach (var key in expected.Keys.Where(k => names.Contains(k) && k.Length > 3 && k[^1] == 's' && k[^2] != 's' && names.Contains(k[..^1])).ToList())
        {
            expected[key[..^1]] += expected[key];
            expected.Remove(key);
        }
        var counts = TermCounts.ByDocument(TestCorpus.Shipped, includeComments: true);
        var actual = counts.Rows.GroupBy(r => r.Term).ToDictionary(g => g.Key, g => g.Sum(r => r.N), StringComparer.Ordinal);
        // Keys the context rules touch (separable verbs, adjectives before nouns, hanging hyphens, gender pairs) have tests
        // of their own; here only the keys no rule touches, on both sides, by form.
        var table = TokenTable.Of(TestCorpus.Shipped);
        var touched = table.Rows.Where(r => r.KeySource == KeySource.Context).SelectMany(r => new[] { r.Key, pipeline.Key(r.Surface) })
            .Concat(table.Rows.Where(r => r.KeySource == KeySource.Context).Select(r => GermanLemmatizer.Default.LookupNoun(r.Surface).Key))
            .ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(touched);
        Assert.Equal(expected.Where(x => !touched.Contains(x.Key)).OrderBy(x => x.Key, StringComparer.Ordinal),
            actual.Where(x => !touched.Contains(x.Key)).OrderBy(x => x.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Rows_CarryPositionSentenceRawSpanAndQuoteSource()
    {
        var table = TokenTable.Of(TestCorpus.Shipped);
        var tkp = TestCorpus.Doc("tkp");
        foreach (var row in table.Rows.Where(r => r.Unit.DocumentId == "tkp").Take(200))
            Assert.Equal(row.Surface, tkp.Raw[row.Raw.Start..row.Raw.End]);
        var c5 = table.Rows.Where(r => r.Unit.Id == "tkp/c5").ToList();
        Assert.Equal(Enumerable.Range(0, c5.Count), c5.Select(r => r.Position));
        Assert.Contains(c5, r => r.Surface == "betreffen" && r.QuotedFrom is not null && !r.Counted);
        // Selecting units slices the table without tokenising again, and keeps every row of the selected units.
        var comments = table.Where(u => u is Comment);
        Assert.Equal(table.Rows.Count(r => r.Unit is Comment), comments.Count);
        Assert.All(comments.Rows, r => Assert.IsType<Comment>(r.Unit));
    }

    [Fact]
    public void TheCorpusTableAndTheNotebooksTables_ReportTheSameWordCounts()
    {
        // 00 reports words per document from CorpusTables; 01 reports tokens from Measures.Vocabulary and words from Mentions.
        var corpus = TestCorpus.Shipped;
        var documents = CorpusTables.DocumentRows(corpus).ToDictionary(d => d.Id);
        var vocabulary = Measures.Vocabulary(corpus).ToDictionary(v => v.Document);
        var withComments = Measures.Vocabulary(corpus, includeComments: true).ToDictionary(v => v.Document);
        var mentions = Mentions.Count(corpus, [new TermFamily("any", ["KI"])]).ToDictionary(m => m.Document);
        foreach (var id in new[] { "kleine", "tkp", "essay", "taz", "kettner" })
        {
            Assert.Equal(documents[id].Words, vocabulary[id].Tokens);
            Assert.Equal(documents[id].Words + documents[id].CommentWords, withComments[id].Tokens);
            Assert.Equal(withComments[id].Tokens, mentions[id].Words);
        }
    }
}

public class TermGroupingTests
{
    [Fact]
    public void ByGenre_GroupsTheNewsReportsAgainstTheRest()
    {
        var counts = TermCounts.ByGenre(TestCorpus.Shipped, "news report", "news", "other");
        var byDoc = TermCounts.ByDocument(TestCorpus.Shipped);
        Assert.Equal(byDoc.Totals["tkp"] + byDoc.Totals["kettner"], counts.Totals["news"]);
        Assert.Equal(byDoc.Totals["kleine"] + byDoc.Totals["taz"] + byDoc.Totals["essay"], counts.Totals["other"]);
    }

    [Fact]
    public void ArticleAndComments_SplitsTheTkpPage()
    {
        var counts = TermCounts.ArticleAndComments(TestCorpus.Doc("tkp"));
        Assert.Equal(["article", "comments"], counts.Groups);
        Assert.Equal(TermCounts.ByDocument(TestCorpus.Shipped).Totals["tkp"], counts.Totals["article"]);
        // Read from the corpus's token table: the same counts.
        var fromCorpus = TermCounts.ArticleAndComments(TestCorpus.Shipped, "tkp");
        Assert.Equal(counts.Rows.AsEnumerable(), fromCorpus.Rows.AsEnumerable());
    }
}

public class GroupingTests
{
    [Fact]
    public void FewDocuments_StayApart_ManyAreGroupedByTheFirstFieldThatGivesAFewGroups()
    {
        var corpus = TestCorpus.Shipped;
        var byDocument = Grouping.Choose(corpus);
        Assert.Equal("document", byDocument.Name);
        Assert.Equal(corpus.Documents.Length, byDocument.Count);
        // Five outlets are more than 4 groups; the manifest's three genres are not.
        var byGenre = Grouping.Choose(corpus, maxGroups: 4);
        Assert.Equal("genre", byGenre.Name);
        Assert.Equal(["commentary", "essay", "news report"], byGenre.Groups);
        Assert.Equal("news report", byGenre.Of("tkp"));
        // Counts by group sum the documents' counts.
        var tokens = TokenTable.Of(corpus);
        var grouped = TermCounts.Count(tokens, byGenre.GroupOf);
        var perDocument = TermCounts.ByDocument(corpus, includeComments: true);
        Assert.Equal(perDocument.Count("tkp", "Amazon") + perDocument.Count("kettner", "Amazon"), grouped.Count("news report", "Amazon"));
        Assert.Throws<ArgumentException>(() => Grouping.ByField(corpus, "colour"));
    }
}
