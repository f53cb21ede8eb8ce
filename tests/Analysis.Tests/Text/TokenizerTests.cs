using Analysis.Text;

namespace Analysis.Tests;

public class TokenizerTests
{
    private static string Sentence(string document, string start) =>
        TestCorpus.Doc(document).Body.SelectMany(p => Tokenizer.Sentences(p.Text)).Single(s => s.StartsWith(start, StringComparison.Ordinal));

    // Counted by hand: every word, hyphenated compound, gender form and number is one token; punctuation and
    // quotation marks are not tokens.
    [Theory]
    [InlineData("kleine", "Amazon-Chef Andy Jassy nennt", 8, 0)]         // Amazon-Chef Andy Jassy nennt das Abbau von Bürokratie
    [InlineData("taz", "Aber Arbeiter:innen sind", 8, 0)]                // Aber Arbeiter:innen sind diesen Entwicklungen nicht hilflos ausgeliefert
    [InlineData("tkp", "Die Entlassungen betreffen", 9, 1)]              // … etwa vier Prozent der weltweit [350.000] Mitarbeiter
    [InlineData("kettner", "Bereits im Oktober hatte", 7, 1)]           // Bereits im Oktober hatte Amazon [14.000] Stellen gestrichen
    [InlineData("essay", "Heute sind es knapp", 5, 1)]                  // Heute sind es knapp [3] Prozent
    public void ChosenSentences_HaveTheTokenCountsCountedByHand(string document, string start, int words, int numbers)
    {
        var tokens = Tokenizer.Tokenize(Sentence(document, start));
        Assert.Equal(words, tokens.Count(t => t.Kind == TokenKind.Word));
        Assert.Equal(numbers, tokens.Count(t => t.Kind == TokenKind.Number));
    }

    [Fact]
    public void GenderForms_FromTheCorpusAndTheirVariants_MapToTheColonForm()
    {
        var taz = TestCorpus.Doc("taz").BodyText;
        var forms = Tokenizer.Tokenize(taz).Where(t => t.Norm.Contains(':')).Select(t => t.Norm).Distinct().Order().ToList();
        Assert.Equal(["amazon-arbeiter:innen", "arbeiter:innen", "autor:innen", "entwickler:innen", "verfasser:innen"], forms.Where(f => !f.StartsWith("amazon-entwickler", StringComparison.Ordinal)));
        Assert.Equal(
            ["arbeiter:innen", "kolleg:innen", "arbeiter:innen", "entwickler:innen", "arbeiter:in"],
            Tokenizer.Tokenize("Arbeiter*innen Kolleg*innen ArbeiterInnen Entwickler_innen ArbeiterIn").Select(t => t.Norm));
    }

    [Fact]
    public void HyphenatedCompounds_StayOneToken_WithTheirPartsAvailable()
    {
        var token = Tokenizer.Tokenize(TestCorpus.Doc("taz").BodyText).First(t => t.Surface == "KI-Rechenzentren");
        Assert.Equal(["ki", "rechenzentren"], token.Parts);
        Assert.Contains(Tokenizer.Tokenize(TestCorpus.Doc("kleine").BodyText), t => t.Surface == "Amazon-Beschäftigte");
        Assert.Contains(Tokenizer.Tokenize(TestCorpus.Doc("kettner").BodyText), t => t.Surface == "US-Dollar");
    }

    [Fact]
    public void SentenceEnds_SurviveInitialsOrdinalsDatesAndAbbreviations()
    {
        var vance = TestCorpus.Doc("essay").Body.Single(p => p.Text.Contains("J. D. Vance", StringComparison.Ordinal));
        var sentences = Tokenizer.Sentences(vance.Text).ToList();
        Assert.Equal(2, sentences.Count);
        Assert.EndsWith("der vergangenen 50 Jahre.", sentences[0]);
        var luddites = TestCorpus.Doc("taz").Body.Single(p => p.Text.Contains("19. Jahrhunderts", StringComparison.Ordinal));
        Assert.Contains(Tokenizer.Sentences(luddites.Text), s => s.StartsWith("Anfang des 19. Jahrhunderts griffen Handwerker", StringComparison.Ordinal));
        Assert.Equal(2, Tokenizer.Sentences("Am 28. Oktober 2025 strich Amazon z. B. Stellen in der Verwaltung. Dann folgte mehr.").Count());
        // "H&M." ends a sentence; "J. D." stays an initial.
        Assert.Equal(["Der Gewinn von H&M.", "Im Jahr 2024 stieg er."], Tokenizer.Sentences("Der Gewinn von H&M. Im Jahr 2024 stieg er."));
        Assert.Single(Tokenizer.Sentences("Vizepräsident J. D. Vance sprach."));
        // A year at a sentence end is a boundary: "im Jahr 2023. Ein solches Niveau …"
        var gini = TestCorpus.Doc("essay").Body.Single(p => p.Text.Contains("Gini", StringComparison.Ordinal));
        Assert.Contains(Tokenizer.Sentences(gini.Text), s => s.StartsWith("Ein solches Niveau", StringComparison.Ordinal));
    }

    private static ITextUnit Unit(string text) => new Paragraph("x/p1", "x", 1, ParagraphKind.Body, new TextSpan(0, text.Length), SourcedText.FromRaw(text, 0, text.Length));

    [Fact]
    public void NumbersAndUrls_AreTheirOwnKinds_AndLeftOutOfTerms()
    {
        var tokens = Tokenizer.Tokenize("über 1,54 Millionen und 14.000 Jobs, mehr unter https://www.amazonclimatejustice.org/open-letter.");
        Assert.Equal([TokenKind.Word, TokenKind.Number, TokenKind.Word, TokenKind.Word, TokenKind.Number, TokenKind.Word, TokenKind.Word, TokenKind.Word, TokenKind.Url], tokens.Select(t => t.Kind));
        Assert.Equal("https://www.amazonclimatejustice.org/open-letter", tokens[^1].Surface);
        var terms = TokenTable.Of([Unit("über 1,54 Millionen und 14.000 Jobs")]).Rows.Where(r => r.Counted).Select(t => t.Surface);
        Assert.Equal(["Millionen", "Jobs"], terms);
    }

    [Fact]
    public void UmlautsAndSharpS_AreKept_SoStopWordsMatch()
    {
        Assert.Equal(["für", "größte", "straße"], Tokenizer.Tokenize("für Größte Straße").Select(t => t.Norm));
        Assert.DoesNotContain(TokenTable.Of([Unit("für über daß dass")]).Rows, r => r.Counted);
    }

    [Fact]
    public void KiTokens_PerDocument_EqualTheHandCount()
    {
        // grep -oP '(?<![\w-])KI(?![\w-])' on each raw file, minus hits in removed or uncounted spans:
        // taz 12 - 2 in "ARTIKEL ZUM THEMA"; tkp 11 - 1 in a related-article title; essay 7 - 1 caption - 1 biography.
        var expected = new Dictionary<string, int> { ["kleine"] = 4, ["taz"] = 10, ["tkp"] = 10, ["kettner"] = 5, ["essay"] = 5 };
        foreach (var doc in expected.Keys.Select(TestCorpus.Doc))
        {
            var units = doc.Body.Cast<ITextUnit>().Concat(doc.Comments);
            Assert.Equal(expected[doc.Id], units.SelectMany(u => Tokenizer.Tokenize(u.Text)).Count(t => t.Norm == "ki"));
        }
    }

    [Fact]
    public void EmptyText_GivesNoTokens() => Assert.Empty(Tokenizer.Tokenize(""));

    [Fact]
    public void TokenOffsets_TraceToTheRawFile()
    {
        var doc = TestCorpus.Doc("taz");
        foreach (var unit in doc.Body)
            foreach (var token in Tokenizer.Tokenize(unit.Text).Where(t => t.Surface.Contains("Beschäftigte", StringComparison.Ordinal)))
            {
                var span = unit.Source.SourceSpan(token.Start, token.Length);
                Assert.Equal(token.Surface, doc.Raw[span.Start..span.End]);
            }
    }
}
