namespace Analysis.Tests;

/// <summary>
/// Expected numbers come from reading the raw files (cat -n): which lines are paragraphs, headings,
/// comments, chrome. The comment on each test says how the number was counted.
/// </summary>
public class CleaningTests
{
    private static List<ParagraphKind> Kinds(string id) => TestCorpus.Doc(id).Paragraphs.Select(p => p.Kind).ToList();
    private static int Count(string id, ParagraphKind kind) => Kinds(id).Count(k => k == kind);
    private static Paragraph FirstBody(string id) => TestCorpus.Doc(id).Paragraphs.First(p => p.Kind == ParagraphKind.Body);
    private static Paragraph LastBody(string id) => TestCorpus.Doc(id).Paragraphs.Last(p => p.Kind == ParagraphKind.Body);

    [Fact]
    public void KleineZeitung_SevenLinesAreSevenParagraphs_SourceLineIsMetadata()
    {
        // Lines 1-7 are text, line 8 is "Quelle: Kleine Zeitung", lines 9-89 are blank.
        var doc = TestCorpus.Doc("kleine");
        Assert.Equal(7, doc.Paragraphs.Length);
        Assert.All(doc.Paragraphs, p => Assert.Equal(ParagraphKind.Body, p.Kind));
        Assert.Equal("Kleine Zeitung", doc.Fact("outlet"));
        Assert.Contains(doc.Report.Removed, r => r.Text == "Quelle: Kleine Zeitung" && r.Kind == RemovalKind.Metadata);
        Assert.StartsWith("Seattle, Washington. Der weltgrößte Onlinehändler Amazon hat angekündigt", FirstBody("kleine").Text);
        Assert.EndsWith("gegen ein System, das sie mit Füßen tritt.", LastBody("kleine").Text);
        Assert.DoesNotContain('\n', doc.BodyText.Replace("\n\n", ""));
    }

    [Fact]
    public void KleineZeitung_TrailingBlankLinesAreDropped()
    {
        var doc = TestCorpus.Doc("kleine");
        var trailing = doc.Raw.Length - doc.Raw.TrimEnd().Length;
        Assert.True(trailing >= 80, $"the raw file ends in {trailing} white-space characters");
        Assert.True(doc.Paragraphs[^1].Span.End < doc.Raw.TrimEnd().Length);
        Assert.Equal(trailing + 7, doc.Report.OtherChars); // + the line breaks ending lines 1-7
    }

    [Fact]
    public void Taz_FramesHeaderTeaserCaptionHeadingsAndBlocksAreRecognised()
    {
        // Title (line 1), standfirst ("> " lines 2-4), caption ("Bild:", line 5), 3 "## " sub-headings in the body
        // and 13 body paragraphs: wrapped lines 6-75 rejoined where a line ends a sentence well short of the
        // 75-character wrap width (lines 10, 13, 16, 21, 26, 29, 32, 45, 49, 58, 64, 68, 75).
        var doc = TestCorpus.Doc("taz");
        Assert.Equal(19, doc.Paragraphs.Length);
        Assert.Equal(ParagraphKind.Title, doc.Paragraphs[0].Kind);
        Assert.Equal("Amazon-Beschäftigte warnen vor KI: Stürmt die Maschinen!", doc.Paragraphs[0].Text);
        Assert.Equal(ParagraphKind.Standfirst, doc.Paragraphs[1].Kind);
        Assert.Equal("Amazons halsbrecherische Entwicklung von KI ist gefährlich, sagen Beschäftigte. Der Widerspruch zeigt: Wir müssen nicht jede Innovation akzeptieren.", doc.Paragraphs[1].Text);
        Assert.Equal(ParagraphKind.Caption, doc.Paragraphs[2].Kind);
        Assert.Equal("Das inzwischen geschlossene Amazon-Logistikzentrum in Brieselang", doc.Paragraphs[2].Text);
        Assert.Equal(
            ["Ein Aufbegehren von denen, die KI entwickeln", "Arbeiter:innen müssen sich der Innovation nicht ergeben", "Das vermeintlich Unausweichliche in Frage stellen"],
            doc.Paragraphs.Where(p => p.Kind == ParagraphKind.Heading).Select(p => p.Text));
        Assert.Equal(13, Count("taz", ParagraphKind.Body));
        Assert.StartsWith("Spätestens wenn die Entwickler:innen künstlicher Intelligenz vor ihrem eigenen Produkt warnen, sollte man aufhorchen.", FirstBody("taz").Text);
        Assert.EndsWith("Tech-Unternehmen zu zerschlagen und die IT-Infrastruktur zu vergesellschaften.", LastBody("taz").Text);
    }

    [Fact]
    public void Taz_LinkMarkersKeepTheAnchorText()
    {
        var body = TestCorpus.Doc("taz").BodyText;
        Assert.DoesNotMatch(@"\[\d+\]", body);
        Assert.DoesNotContain("]", body.Replace("[Arbeitsfeldern]", ""));
        Assert.Contains("aufhorchen. In einem offenen Brief fordern über 1.100 Amazon-Beschäftigte", body);
        Assert.Contains("Die Autor:innen sahen bislang noch keinen Cent.", body);
        Assert.Contains("mehr Luddismus zu wagen. Das bedeutet", body);
    }

    [Fact]
    public void Taz_DateAuthorsLinksAndTagsAreMetadata_RelatedArticlesBoilerplate()
    {
        var doc = TestCorpus.Doc("taz");
        Assert.Equal("2025-12-05", doc.Fact("published"));
        Assert.Equal("Jonas Wahmkow", doc.Fact("author"));
        Assert.Equal("https://www.amazonclimatejustice.org/open-letter", doc.Fact("link 1"));
        Assert.Equal(7, doc.Metadata.Count(m => m.Field.StartsWith("link ", StringComparison.Ordinal)));
        Assert.Equal(10, doc.Metadata.Count(m => m.Field == "tag"));
        var related = Assert.Single(doc.Report.Removed, r => r.Kind == RemovalKind.Boilerplate);
        Assert.StartsWith("| ## ARTIKEL ZUM THEMA", related.Text);
        Assert.DoesNotContain("Dobrindt", doc.BodyText);
    }

    [Fact]
    public void Taz_WordSplitAtALineEndIsJoined_SuspendedCompoundsAndHyphenatedCompoundsAreNot()
    {
        // The five texts never split a word at a line end; this is taz's format with one that does.
        const string raw =
            "| Die Ent- | |\n| wicklung von Programmier- | |\n| und Wissensaufgaben trifft Tech- | |\n| Konzerne. | |\n";
        var text = new TazProfile().Normalize(raw, new TextSpan(0, raw.Length)).Text;
        Assert.Equal("Die Entwicklung von Programmier- und Wissensaufgaben trifft Tech-Konzerne.", text);
    }

    [Fact]
    public void Tkp_SevenCommentsWithAuthorsTimesAndReplies()
    {
        // "7 Kommentare": numbered 1-5, and two "•" replies under comment 4.
        var doc = TestCorpus.Doc("tkp");
        Assert.Equal("7", doc.Fact("declared comments"));
        Assert.Equal(
            [
                ("tkp/c1", "cwsuisse", "2025-10-29T06:21", (string?)null),
                ("tkp/c2", "local.man", "2025-10-28T16:10", null),
                ("tkp/c3", "Glass Steagall Act", "2025-10-28T15:26", null),
                ("tkp/c4", "Sabine Schoenfelder", "2025-10-28T15:23", null),
                ("tkp/c4.1", "Jan", "2025-10-28T15:48", "tkp/c4"),
                ("tkp/c4.2", "Sabine Schoenfelder", "2025-10-28T18:47", "tkp/c4"),
                ("tkp/c5", "Hausmann_Alexander", "2025-10-28T14:40", null),
            ],
            doc.Comments.Select(c => (c.Id, c.Author, c.Timestamp.ToString("yyyy-MM-ddTHH:mm"), c.ReplyTo)));
        Assert.Equal("Es wird nicht erklärt wie genau KI Amazon die Freisetzung von 14.000 Mitarbeitern möglich macht. Die Auswirkungen der KI auf die Arbeitsplätze bleiben damit intransparent.", doc.Comments[0].Text);
        Assert.EndsWith("350.000 Mitarbeiter muss sich also auf AWS beziehen.", doc.Comments[^1].Text);
        Assert.All(doc.Comments, c => Assert.DoesNotContain("Antworten", c.Text));
    }

    [Fact]
    public void Tkp_BodyIsTitleSevenParagraphsAndCaption_SiteLinesAreBoilerplate()
    {
        var doc = TestCorpus.Doc("tkp");
        Assert.Equal([ParagraphKind.Title, .. Enumerable.Repeat(ParagraphKind.Body, 7), ParagraphKind.Caption], Kinds("tkp"));
        Assert.StartsWith("Ganz wie vom WEF vorhergesagt: Die Konzerne strukturieren um", FirstBody("tkp").Text);
        Assert.EndsWith("„um Wachstum zu sichern“, verspricht man.", LastBody("tkp").Text);
        Assert.Equal(2, doc.Report.Removed.Count(r => r.Reason == "comment rules"));
        Assert.Equal(2, doc.Report.Removed.Count(r => r.Reason == "related article titles"));
        Assert.Equal(2, doc.Report.Removed.Count(r => r.Reason == "donation and social-media lines"));
        Assert.Equal("2025-10-28", doc.Fact("published"));
    }

    [Fact]
    public void Kettner_ChromeIsBoilerplate_HeadingsBodyAndDisclaimerAreKept()
    {
        // Lines 1-9 chrome; title line 11; 4 sub-headings (15, 21, 27, 33); 9 body paragraphs incl. the
        // investment paragraph (37); "Hinweis" (39); lines 41-53 newsletter, consent, jobs.
        var doc = TestCorpus.Doc("kettner");
        Assert.Equal(15, doc.Paragraphs.Length);
        Assert.Equal(4, Count("kettner", ParagraphKind.Heading));
        Assert.Equal(9, Count("kettner", ParagraphKind.Body));
        Assert.Equal("Hinweis: Dieser Artikel stellt keine Anlageberatung dar.", Assert.Single(doc.Paragraphs, p => p.Kind == ParagraphKind.Disclaimer).Text[..56]);
        Assert.Contains(doc.Body, p => p.Text.StartsWith("In Zeiten wirtschaftlicher Unsicherheit", StringComparison.Ordinal));
        Assert.StartsWith("Der amerikanische Online-Riese Amazon setzt seinen radikalen Sparkurs fort", FirstBody("kettner").Text);
        Assert.EndsWith("als sinnvolle Ergänzung eines breit gestreuten Anlageportfolios dienen.", LastBody("kettner").Text);
        Assert.Contains(doc.Report.Removed, r => r.Text == "+49 7930-2699" && r.Kind == RemovalKind.Boilerplate);
        Assert.Contains(doc.Report.Removed, r => r.Text == "200.000" && r.Kind == RemovalKind.Boilerplate);
        Assert.DoesNotContain("Hinweis", doc.BodyText);
    }

    [Fact]
    public void Essay_DateStandfirstPullQuotesAndBiographies()
    {
        // 35 lines: date (1), standfirst (2), caption (3), 27 body lines, 3 pull quotes (14, 21, 26), 2 biographies (34, 35).
        var doc = TestCorpus.Doc("essay");
        Assert.Equal(32, doc.Paragraphs.Length);
        Assert.Equal(27, Count("essay", ParagraphKind.Body));
        var quotes = doc.Paragraphs.Where(p => p.Kind == ParagraphKind.PullQuote).ToList();
        Assert.Equal(3, quotes.Count);
        Assert.All(quotes, q => Assert.True(q.Text.StartsWith('»') && q.Text.EndsWith('«')));
        Assert.StartsWith("»Technologische Fortschritte", quotes[0].Text);
        Assert.StartsWith("Bei einem kürzlich von der Risikokapitalgesellschaft Andreessen Horowitz", FirstBody("essay").Text);
        Assert.EndsWith("uns an jedem Knotenpunkt des kapitalistischen Netzes organisieren.", LastBody("essay").Text);
        Assert.Equal(["Mostafa Abdou", "Vinit Ravishankar"], doc.Metadata.Where(m => m.Field == "author").Select(m => m.Value));
        Assert.DoesNotContain("Postdoktorand", doc.BodyText);
        Assert.DoesNotContain("»Technologische Fortschritte", doc.BodyText);
    }

    [Fact]
    public void Essay_AQuotationThatDoesNotRestateTheBodyIsNotAPullQuote()
    {
        Assert.False(EssayProfile.IsPullQuote(["»Ganz neue Worte, die nirgends sonst stehen.«", "Ein anderer Absatz über etwas anderes."], 0));
        Assert.True(EssayProfile.IsPullQuote(["»Ganz neue Worte, die nirgends stehen.«", "Hier stehen ganz neue Worte, die nirgends sonst stehen."], 0));
    }

    [Theory]
    [InlineData("Kostenlose Beratung")]
    [InlineData("Regeln für Kommentare")]
    [InlineData("ARTIKEL ZUM THEMA")]
    [InlineData("Newsletter")]
    [InlineData("| |")]
    [InlineData("Quelle: Kleine Zeitung")]
    [InlineData("Lesezeit")]
    [InlineData("spendenfinanziert")]
    [InlineData("Sicherer Versand")]
    [InlineData("#TeamGold")]
    public void NoBoilerplatePhrase_InAnyBodyOrComment(string phrase)
    {
        foreach (var unit in TestCorpus.Corpus.Units())
            Assert.False(unit.Text.Contains(phrase, StringComparison.Ordinal), $"{unit.Id} contains '{phrase}'");
    }
}
