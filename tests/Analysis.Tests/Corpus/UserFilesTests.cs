using System.Text;

namespace Analysis.Tests;

/// <summary>The generic and HTML readers on files as users bring them: scraped text with headers, pasted text, saved pages.</summary>
public class UserFilesTests
{
    private static Document Load(string file, string text, string profile = "generic")
    {
        using var data = new TempData().Raw(file, text).Entries(TempData.Entry("u", file, profile));
        return Corpus.Load(data.Directory)["u"];
    }

    private const string Scraped = """
        URL: https://www.example.de/wirtschaft/amazon-stellenabbau-100.html
        TITLE: Amazon streicht weitere Bürojobs
        DATE: 2026-01-29T08:15:00+01:00
        AUTHOR: Lena Hofmann, Jan Berger

        Amazon streicht weitere Bürojobs

        Der Konzern baut weltweit 16 000 Stellen ab. Betroffen sind vor allem Mitarbeitende in der Verwaltung.

        Anzeige

        Amazon beschäftigt rund 1,56 Millionen Menschen.
        """;

    [Fact]
    public void HeaderLines_BecomeMetadataAndFacts_NotParagraphs()
    {
        var doc = Load("s.txt", Scraped);
        Assert.Equal("Amazon streicht weitere Bürojobs", doc.Fact("title"));
        Assert.Equal("2026-01-29", doc.Fact("published"));
        Assert.Equal(["Lena Hofmann", "Jan Berger"], doc.Metadata.Where(m => m.Field == "author").Select(m => m.Value));
        Assert.DoesNotContain(doc.Paragraphs, p => p.Text.Contains("URL", StringComparison.Ordinal) || p.Text.Contains("2026-01-29", StringComparison.Ordinal));
        Assert.Equal(4, doc.Report.Removed.Count(r => r.Kind == RemovalKind.Metadata && r.Reason.StartsWith("header line", StringComparison.Ordinal)));
    }

    [Fact]
    public void ARepeatedHeadlineAndSiteChrome_AreRemovedAndListed()
    {
        var doc = Load("s.txt", Scraped);
        Assert.Equal(["Der Konzern baut weltweit 16 000 Stellen ab. Betroffen sind vor allem Mitarbeitende in der Verwaltung.", "Amazon beschäftigt rund 1,56 Millionen Menschen."],
            doc.Paragraphs.Select(p => p.Text));
        Assert.Contains(doc.Report.Removed, r => r.Reason == "repeats the headline" && r.Text == "Amazon streicht weitere Bürojobs");
        Assert.Contains(doc.Report.Removed, r => r.Reason == "site chrome line" && r.Text == "Anzeige");
    }

    [Fact]
    public void AFileWithOneParagraphPerLine_KeepsItsParagraphs_AndJoinsLinesBrokenMidSentence()
    {
        var doc = Load("p.txt", "Amazon baut Stellen ab\nDer Konzern streicht 14.000 Stellen in der\nVerwaltung. Das ist viel.\nDie Gewerkschaft protestiert.\nSie fordert Gespräche.\n");
        Assert.Equal([ParagraphKind.Title, ParagraphKind.Body, ParagraphKind.Body, ParagraphKind.Body], doc.Paragraphs.Select(p => p.Kind));
        Assert.Equal("Der Konzern streicht 14.000 Stellen in der Verwaltung. Das ist viel.", doc.Paragraphs[1].Text);
    }

    [Fact]
    public void AHardWrappedParagraph_StaysOneParagraph()
    {
        var wrapped = "Der Konzern streicht weltweit rund 14.000 Stellen in Verwaltung und\nTechnik. Betroffen ist vor allem der Cloud-Bereich, der erst kürzlich\nfür einen Ausfall gesorgt hatte. Die Gewerkschaft kündigt Widerstand\nan.\n";
        var doc = Load("w.txt", "Überschrift zum Text\n\n" + wrapped);
        Assert.Equal(2, doc.Paragraphs.Length);
        Assert.EndsWith("Widerstand an.", doc.Paragraphs[1].Text);
    }

    [Fact]
    public void AByteOrderMarkAndCrlf_ShiftNoOffset()
    {
        var text = "Titel: Test\r\n\r\nAmazon streicht 14.000 Stellen.\r\nDer Konzern spart.\r\n";
        using var data = new TempData().RawBytes("b.txt", [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)]).Entries(TempData.Entry("b", "b.txt"));
        var doc = Corpus.Load(data.Directory)["b"];
        Assert.Equal(text, doc.Raw);
        var p = doc.Paragraphs[0];
        Assert.Equal("Amazon streicht 14.000 Stellen.", p.Text);
        Assert.Equal(text.IndexOf("Amazon", StringComparison.Ordinal), p.Span.Start);
        Assert.Equal("Der Konzern spart.", doc.Paragraphs[1].Text);
    }

    [Fact]
    public void DoubleEncodedText_IsRefusedWithTheFileAndTheFirstBadSpot()
    {
        var broken = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes("Amazon baut Stellen ab.\nDie Zukunft für Beschäftigte ist unsicher.")
            .SelectMany(b => b < 0x80 ? [b] : Encoding.UTF8.GetBytes(Encoding.Latin1.GetString([b]))).ToArray());
        Assert.Contains("fÃ¼r", broken);
        using var data = new TempData().Raw("m.txt", broken).Entries(TempData.Entry("m", "m.txt"));
        var e = Assert.Throws<CorpusException>(() => Corpus.Load(data.Directory, strict: true));
        Assert.EndsWith("m.txt", e.File);
        Assert.Contains("double-encoded UTF-8 (mojibake) at line 2, column 14", e.Message);
        Assert.Contains("probably", e.Message);
        Assert.Equal("Die Zukunft für Beschäftigte", Mojibake.Repair("Die Zukunft fÃ¼r BeschÃ¤ftigte", out var n));
        Assert.Equal(2, n);
    }

    [Theory]
    [InlineData("Größte Kündigungswelle: „Wir fordern Gespräche“ – sagt Müller. Ça va, São Paulo, Ärger, Übel, Ångström, Âme?")]
    [InlineData("Lead letters without a continuation are no proof: ÃÃ, Âx, â€x")]
    public void GenuineText_IsNotTakenForMojibake(string text) => Assert.Null(Mojibake.Find(text));

    private const string Page = """
        <!DOCTYPE html>
        <html lang="de"><head><meta charset="utf-8"><title>Amazon streicht Stellen | Beispiel-Zeitung</title>
        <meta property="og:title" content="Amazon streicht 16.000 Stellen">
        <meta property="og:site_name" content="Beispiel-Zeitung">
        <meta property="article:published_time" content="2026-01-29T10:00:00Z">
        <meta name="author" content="Lena Hofmann">
        <script>var tracking = "href div script";</script><style>p { color: red }</style></head>
        <body><nav><ul><li><a href="/">Startseite</a></li><li><a href="/wirtschaft">Wirtschaft</a></li></ul></nav>
        <article><header><h1>Amazon streicht 16.000 Stellen</h1><p class="teaser">Der Konzern baut weiter ab.</p></header>
        <p>Amazon streicht weitere 16.000 Stellen &ndash; nach 14.000 im Oktober. <a href="/ki">KI</a> soll die Arbeit übernehmen.</p>
        <figure><img src="a.jpg"><figcaption>Foto: dpa</figcaption></figure>
        <aside><p>Lesen Sie auch: Mehr zu Amazon</p></aside>
        <p>Der Konzern beschäftigt 1,56&nbsp;Millionen Menschen.</p>
        </article><footer><p>© Beispiel-Zeitung 2026</p></footer><script>window.x = 1;</script></body></html>
        """;

    [Fact]
    public void AnHtmlFile_IsReducedToTheArticle_WithMetaTagFacts_AndEveryDroppedPartListed()
    {
        var doc = Load("page.html", Page);
        Assert.Equal(["Amazon streicht 16.000 Stellen", "Der Konzern baut weiter ab.", "Amazon streicht weitere 16.000 Stellen – nach 14.000 im Oktober. KI soll die Arbeit übernehmen.", "Foto: dpa", "Der Konzern beschäftigt 1,56\u00a0Millionen Menschen.".Replace('\u00a0', ' ')],
            doc.Paragraphs.Select(p => p.Text));
        Assert.Equal([ParagraphKind.Title, ParagraphKind.Body, ParagraphKind.Body, ParagraphKind.Caption, ParagraphKind.Body], doc.Paragraphs.Select(p => p.Kind));
        Assert.Equal(("Amazon streicht 16.000 Stellen", "Beispiel-Zeitung", "2026-01-29", "Lena Hofmann"), (doc.Fact("title"), doc.Fact("outlet"), doc.Fact("published"), doc.Fact("author")));
        Assert.DoesNotContain(doc.Paragraphs, p => p.Text.Contains("Startseite", StringComparison.Ordinal) || p.Text.Contains("tracking", StringComparison.Ordinal) || p.Text.Contains("Lesen Sie auch", StringComparison.Ordinal));
        Assert.Contains(doc.Report.Removed, r => r.Kind == RemovalKind.Metadata && r.Reason.StartsWith("HTML head", StringComparison.Ordinal));
        Assert.Contains(doc.Report.Removed, r => r.Reason.Contains("nav", StringComparison.Ordinal) && r.Text.Contains("Startseite", StringComparison.Ordinal));
        Assert.Contains(doc.Report.Removed, r => r.Text.Contains("Lesen Sie auch", StringComparison.Ordinal));
        // Provenance: every character of a unit points at the raw character it came from; entities at their '&'.
        var p = doc.Paragraphs[2];
        var dash = p.Text.IndexOf('–');
        Assert.Equal("&ndash;", doc.Raw.Substring(p.Source.Offsets[dash], 7));
        var ki = p.Text.IndexOf("KI", StringComparison.Ordinal);
        Assert.Equal("KI", doc.Raw.Substring(p.Source.Offsets[ki], 2));
    }
}

public class GenericOnShippedTextsTests
{
    [Theory]
    [InlineData("kleine")]
    [InlineData("taz")]
    [InlineData("tkp")]
    [InlineData("kettner")]
    [InlineData("essay")]
    public void AShippedTextReadWithGeneric_KeepsItsParagraphs_AndLosesNoWord(string id)
    {
        var shipped = TestCorpus.Doc(id);
        using var data = new TempData().Raw("x.txt", shipped.Raw).Entries(TempData.Entry("x", "x.txt"));
        var generic = Corpus.Load(data.Directory)["x"];
        // Paragraphs stay apart (at least half as many as the source's own profile finds, never one blob).
        Assert.True(generic.Paragraphs.Length * 2 >= shipped.Paragraphs.Length, $"{id}: {generic.Paragraphs.Length} paragraphs with generic, {shipped.Paragraphs.Length} with its profile");
        // Every body word of the tailored profile is still somewhere in generic's output (generic removes less, never more of the article).
        var kept = string.Join(" ", generic.Paragraphs.Select(p => p.Text)) + string.Join(" ", generic.Report.Removed.Where(r => r.Reason.StartsWith("repeats", StringComparison.Ordinal)).Select(r => r.Text));
        foreach (var p in shipped.Body.Where(p => p.Kind == ParagraphKind.Body))
            Assert.Contains(p.Text[..Math.Min(40, p.Text.Length)], kept);
    }
}

public class QuoteTests
{
    [Fact]
    public void CommentsThatQuoteTheArticleOrAnEarlierComment_AreMarked_WithTheUnitTheyQuote()
    {
        var tkp = TestCorpus.Doc("tkp");
        var c5 = tkp.Comments.Single(c => c.Id == "tkp/c5");
        var fromArticle = Assert.Single(c5.Quotes);
        Assert.StartsWith("tkp/p", fromArticle.From);
        Assert.Contains("Die Entlassungen betreffen etwa vier Prozent der weltweit 350.000 Mitarbeiter", c5.Text.Substring(fromArticle.Start, fromArticle.Length));
        var c42 = tkp.Comments.Single(c => c.Id == "tkp/c4.2");
        Assert.Contains(c42.Quotes, q => q.From == "tkp/c4.1" && c42.Text.Substring(q.Start, q.Length).StartsWith("Wenn dreitausend Arbeitnehmer", StringComparison.Ordinal));
        // A comment that quotes nothing has no quotes.
        Assert.Empty(tkp.Comments.Single(c => c.Id == "tkp/c1").Quotes);
    }

    [Fact]
    public void QuotedWords_StayInTheText_ButAreNotCountedAgain()
    {
        var tkp = TestCorpus.Doc("tkp");
        var c5 = tkp.Comments.Single(c => c.Id == "tkp/c5");
        Assert.Contains("Entlassungen betreffen", c5.Text);          // visible (KWIC, comment tables)
        var rows = Text.TokenTable.Of(TestCorpus.Shipped).Rows.Where(r => r.Unit.Id == "tkp/c5").ToList();
        Assert.All(rows.Where(r => r.Surface == "betreffen"), r => Assert.False(r.Counted)); // not counted
        var counts = Text.TermCounts.ArticleAndComments(tkp);
        var pipeline = new Text.TermPipeline();
        Assert.Equal(0, counts.Count("comments", pipeline.Key("betreffen")));
        Assert.True(counts.Count("article", pipeline.Key("betreffen")) >= 1);
    }
}
