using Analysis.Figures;

namespace Analysis.Tests;

public class CuratedFigureTests
{
    private static readonly Lazy<IReadOnlyList<ReportedFigure>> Figures = new(() => FigureData.Load(TestCorpus.Corpus));

    [Fact]
    public void EveryQuote_StandsInItsRawFileAtItsOffset_AndIsUnique()
    {
        Assert.True(Figures.Value.Count >= 40);
        foreach (var f in Figures.Value)
        {
            var raw = TestCorpus.Doc(f.Document).Raw;
            Assert.True(f.Offset + f.Quote.Length <= raw.Length && raw.Substring(f.Offset, f.Quote.Length) == f.Quote, $"{f.Id}: quote not at offset {f.Offset}");
            Assert.True(raw.IndexOf(f.Quote, f.Offset + 1, StringComparison.Ordinal) < 0 && raw.IndexOf(f.Quote, StringComparison.Ordinal) == f.Offset, $"{f.Id}: quote is not unique");
        }
    }

    [Fact]
    public void EveryFigure_LiesInTextThatWasKept_NotInPageChrome()
    {
        foreach (var f in Figures.Value)
        {
            var doc = TestCorpus.Doc(f.Document);
            Assert.DoesNotContain(doc.Report.Removed, r => r.Span.Overlaps(f.Span));
        }
        Assert.DoesNotContain(Figures.Value, f => f.Quote.Contains("200.000", StringComparison.Ordinal) || f.Quote.Contains("7930", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("value", "x,kleine,rund 14.000,74,14.000 Mio,jobs,m,p,e,reported fact", "line 2: value: '14.000 Mio' is not an invariant number")]
    [InlineData("unit", "x,kleine,rund 14.000,74,14000,Stellen,m,p,e,reported fact", "line 2: unit: unknown unit 'Stellen'")]
    [InlineData("kind", "x,kleine,rund 14.000,74,14000,jobs,m,p,e,rumour", "line 2: kind: unknown kind 'rumour'")]
    [InlineData("offset", "x,kleine,rund 14.000,-1,14000,jobs,m,p,e,reported fact", "line 2: offset: '-1' is not a whole number")]
    public void BadRows_NameTheirLineAndField(string field, string row, string message)
    {
        var path = Path.Combine(Path.GetTempPath(), $"figures-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "id,document,quote,offset,value,unit,measure,period,entity,kind,note\n" + row + ",n\n");
        try
        {
            var e = Assert.Throws<FigureFormatException>(() => FigureData.Load(path));
            Assert.Equal(field, e.Field);
            Assert.Contains(message, e.Message);
        }
        finally { File.Delete(path); }
    }
}

public class NumberExtractorTests
{
    private static IReadOnlyList<NumberMatch> In(string text) =>
        NumberExtractor.Extract(new Paragraph("t/p1", "t", 1, ParagraphKind.Body, new TextSpan(0, text.Length), SourcedText.FromRaw(text, 0, text.Length)));

    private static NumberMatch Quantity(string text) => Assert.Single(In(text), m => m.Kind == MatchKind.Quantity);

    [Theory]
    // from the corpus
    [InlineData("In einem offenen Brief fordern über 1.100 Amazon-Beschäftigte ihren Arbeitgeber auf.", 1100, "employees")]
    [InlineData("während das reale BIP um 7,3 Prozent wuchs.", 7.3, "percent")]
    [InlineData("plant der Konzern Investitionsausgaben von sage und schreibe 125 Milliarden US-Dollar.", 1.25e11, "USD")]
    [InlineData("Nun, mit über 1,54 Millionen Mitarbeitern weltweit", 1.54e6, "employees")]
    [InlineData("stiegen die Durchschnittslöhne um 2 Prozent pro Jahr", 2, "percent per year")]
    [InlineData("war in etwa jeder sechste amerikanische Arbeiter beschäftigt", 1.0 / 6, "ratio")]
    [InlineData("rund 14.000 Arbeitsplätze zu streichen – möglicherweise sogar doppelt so viele.", 14000, "jobs")]
    [InlineData("Wenn dreitausend Arbeitnehmer aus dem Umland pendeln", 3000, "employees")]
    [InlineData("erhielten mehr als fünfzig Personen Kündigungen", 50, "people")]
    // new text
    [InlineData("Siemens streicht weltweit 2.500 Stellen.", 2500, "jobs")]
    [InlineData("Die Kosten stiegen um 12,5 % im Vorjahresvergleich.", 12.5, "percent")]
    [InlineData("Das Land investiert rund drei Millionen Euro.", 3e6, "EUR")]
    [InlineData("Der Umsatz lag bei 4,2 Mrd. Dollar.", 4.2e9, "USD")]
    [InlineData("Damals arbeiteten dort zweihundertfünfzig Menschen.", 250, "people")]
    [InlineData("Die Frist beträgt 30 Tage.", 30, "days")]
    [InlineData("Der Schaden liegt bei 2,5 Mio. Euro.", 2.5e6, "EUR")]
    [InlineData("Ein Drittel der Belegschaft geht.", 1.0 / 3, "ratio")]
    [InlineData("Die Preise sind um 3 % gestiegen.", 3, "percent")]
    [InlineData("Jede dritte Stelle fällt weg.", 1.0 / 3, "ratio")]
    [InlineData("Mehr als die Hälfte der Beschäftigten stimmte zu.", 0.5, "ratio")]
    public void Quantities_HaveValueAndUnit(string text, double value, string unit)
    {
        var m = In(text).First(x => x.Kind == MatchKind.Quantity);
        Assert.Equal(value, m.Value, 6);
        Assert.Equal(unit, m.Unit);
    }

    [Fact]
    public void AYear_IsNotAQuantity_NorIsARangeOfYears()
    {
        var matches = In("Bereits zwischen 2022 und 2023 wurden 27.000 Jobs gestrichen, im Jahr 2024 weitere.");
        Assert.Equal([MatchKind.YearRange, MatchKind.Quantity, MatchKind.Year], matches.Select(m => m.Kind));
        Assert.Equal(27000, matches[1].Value);
        Assert.Equal("2022 und 2023", matches[0].Text);
        Assert.Equal(MatchKind.YearRange, In("Zwischen 1947 und 1979 stiegen die Löhne.")[0].Kind);
    }

    [Fact]
    public void DatesOrdinalsAndVagueAmounts_AreToldApart()
    {
        Assert.Equal(MatchKind.Date, In("Am 28. Oktober 2025 kündigte Amazon an.")[0].Kind);
        Assert.Equal(MatchKind.Ordinal, In("Anfang des 19. Jahrhunderts griffen Handwerker an.")[0].Kind);
        Assert.Equal(MatchKind.Vague, In("Zehntausende sollen auf die Straße gesetzt werden.")[0].Kind);
        Assert.Empty(In("Eine Stunde zur Arbeit, ein Tag im Büro."));
    }

    [Fact]
    public void GermanSeparators_AreRead()
    {
        Assert.True(GermanNumbers.TryParseDigits("1.100", out var a) && a == 1100);
        Assert.True(GermanNumbers.TryParseDigits("1,54", out var b) && Math.Abs(b - 1.54) < 1e-12);
        Assert.True(GermanNumbers.TryParseDigits("1.356", out var c) && c == 1356);
        Assert.False(GermanNumbers.TryParseDigits("1.10", out _));
        Assert.True(GermanNumbers.TryParseWord("dreitausend", out var d) && d == 3000);
        Assert.True(GermanNumbers.TryParseWord("einundzwanzig", out var e) && e == 21);
        Assert.False(GermanNumbers.TryParseWord("eine", out _));
    }

    [Fact]
    public void Matches_TraceToTheRawFile_AndCarryTheirSentence()
    {
        var matches = NumberExtractor.Extract(TestCorpus.Shipped);
        foreach (var m in matches.Where(m => m.Kind == MatchKind.Quantity))
        {
            var raw = TestCorpus.Doc(m.Document).Raw[m.Span.Start..m.Span.End];
            Assert.Equal(string.Join(' ', m.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), string.Join(' ', raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
            Assert.Contains(m.Text, m.Sentence);
        }
    }

    [Fact]
    public void OnTheCorpus_RecallIsAtLeast95Percent_AndEveryOtherQuantityIsIgnoredWithAReason()
    {
        var e = ExtractorEvaluation.ForCorpus(TestCorpus.Shipped);
        Assert.True(e.Recall >= 0.95, $"recall {e.Recall:0.000}; missed: {string.Join(", ", e.Missed.Select(f => f.Id))}");
        Assert.True(e.Unexpected.IsEmpty, "extracted but neither curated nor ignored: " + string.Join("; ", e.Unexpected.Select(m => $"{m.Document}@{m.Span.Start} '{m.Text}'")));
        Assert.All(e.Ignored, i => Assert.False(string.IsNullOrWhiteSpace(i.Ignored.Reason)));
    }
}

public class CrossCheckTests
{
    private static ReportedFigure F(string id, string doc, double value, string unit, string measure, string period, string quote = "", string entity = "Co", string kind = "reported fact", int offset = 0) =>
        new(id, doc, quote, offset, value, unit, measure, period, entity, kind);

    [Fact]
    public void TheShippedCorpusClaims_ComeOutOfTheRules()
    {
        var checks = CrossChecks.Run(FigureData.Load(TestCorpus.Corpus));
        string Verdict(string rule, string inClaim) => Assert.Single(checks, c => c.Rule == rule && c.Claim.Contains(inClaim, StringComparison.Ordinal)).Verdict;
        // TKP: 14,000 are "etwa vier Prozent" of the 350,000 its own sentence gives.
        var tkpShare = Assert.Single(checks, c => c.Rule == "share" && c.Figures.StartsWith("tkp-share", StringComparison.Ordinal));
        Assert.Equal((CrossChecks.Consistent, "14,000 / 350,000 = 4.0 %; stated 4.0 %"), (tkpShare.Verdict, tkpShare.Arithmetic));
        // Kettner: 14,000 + 16,000 against "rund 30.000".
        Assert.Equal(CrossChecks.Consistent, Verdict("sum", "2025-10/2026-01"));
        // Kettner's "etwa zehn Prozent": 8.6 % of 350,000 but 1.9 % of 1.54 million.
        var kettnerShare = Assert.Single(checks, c => c.Rule == "share" && c.Figures.StartsWith("kettner-share", StringComparison.Ordinal));
        Assert.Equal(CrossChecks.DependsOnBase, kettnerShare.Verdict);
        Assert.Contains("30,000 / 350,000 = 8.6 %", kettnerShare.Arithmetic);
        Assert.Contains("30,000 / 1,540,000 = 1.9 %", kettnerShare.Arithmetic);
        // The workforce: 1.54 and 1.55 million agree; TKP's 350,000 does not.
        var workforce = Assert.Single(checks, c => c.Rule == "agreement" && c.Claim.StartsWith("workforce of Amazon", StringComparison.Ordinal));
        Assert.Equal((CrossChecks.Inconsistent, "workforce of Amazon: 350,000 against 1,540,000, 1,550,000"), (workforce.Verdict, workforce.Claim));
        // Kleine Zeitung's "doppelt so viele" against what was reported by January.
        Assert.Equal(CrossChecks.Consistent, Verdict("multiple", "job cuts"));
        Assert.Contains("2 × 14,000 = 28,000 possible; reported from 2025-10 to 2026-01: 14,000 + 16,000 = 30,000", Assert.Single(checks, c => c.Rule == "multiple").Arithmetic);
        // Investment: AI development (2025) is not capital expenditure (2026).
        Assert.Equal(CrossChecks.DependsOnBase, Verdict("scope", "investment"));
        // 113 dollars a month are 1,356 a year.
        Assert.Equal(CrossChecks.Consistent, Verdict("per month and per year", "minimum wage"));
        // The October cuts: every text agrees on 14,000.
        Assert.Equal(CrossChecks.Consistent, Verdict("agreement", "job cuts of Amazon, 2025-10"));
    }

    [Fact]
    public void ANewStatementOfTheSameQuantity_DisagreesWhenItDiffersBeyondRounding()
    {
        var figures = new[]
        {
            F("a", "old", 1.54e6, "employees", "workforce", "", "über 1,54 Millionen Mitarbeitern"),
            F("b", "old", 1.55e6, "employees", "workforce", "", "ca 1,55 Millionen Mitarbeiter"),
            F("c", "new", 1.56e6, "employees", "workforce", "", "1,56 Millionen Mitarbeitende"),
        };
        var check = Assert.Single(CrossChecks.Run(figures));
        Assert.Equal(CrossChecks.Inconsistent, check.Verdict);
        Assert.Equal("workforce of Co: 1,540,000, 1,550,000 against 1,560,000", check.Claim);
        Assert.Contains("„über 1,54 Millionen Mitarbeitern“", check.Figures);
        Assert.Contains("„1,56 Millionen Mitarbeitende“", check.Figures);
        // Other periods are other quantities; a quotation is no statement of its own.
        Assert.Empty(CrossChecks.Run([F("a", "x", 14000, "jobs", "job cuts", "2025-10"), F("b", "y", 16000, "jobs", "job cuts", "2026-01"), F("q", "z", 9, "jobs", "job cuts", "2025-10", kind: "quotation")]));
    }

    [Theory]
    [InlineData(1.54e6, "über 1,54 Millionen", 10000)]
    [InlineData(1.56e6, "1,56 Millionen", 5000)]
    [InlineData(14000, "14.000 Stellen", 500)]
    [InlineData(0.45, "0,45", 0.005)]
    [InlineData(4, "etwa vier Prozent", 1)]
    public void Tolerance_IsHalfTheLastSignificantDigit_DoubledWhenApproximate(double value, string quote, double tolerance) =>
        Assert.Equal(tolerance, CrossChecks.Tolerance(F("x", "d", value, "count", "m", "", quote)), 9);

    [Fact]
    public void Sums_Shares_AndPerMonth_AreGenericRules()
    {
        var figures = new[]
        {
            F("p1", "x", 100, "jobs", "cuts", "2024-01"), F("p2", "y", 50, "jobs", "cuts", "2024-03"), F("t", "z", 160, "jobs", "cuts", "2024-01/2024-06", "rund 160"),
            F("s", "z", 25, "percent", "share of cuts in staff", "2024-01", offset: 10), F("b", "z", 400, "employees", "staff", "", offset: 30),
            F("m", "w", 10, "EUR per month", "fee", ""), F("y", "w", 130, "EUR per year", "fee", ""),
        };
        var checks = CrossChecks.Run(figures);
        Assert.Equal(CrossChecks.Consistent, Assert.Single(checks, c => c.Rule == "sum").Verdict);       // 150 against "rund 160": within 15 %
        Assert.Equal("100 / 400 = 25.0 %; stated 25.0 %", Assert.Single(checks, c => c.Rule == "share").Arithmetic);
        Assert.Equal(CrossChecks.Inconsistent, Assert.Single(checks, c => c.Rule == "per month and per year").Verdict); // 120 against 130
    }

    [Theory]
    [InlineData(8.57, 10, true, CrossChecks.Consistent)]     // "etwa zehn": within 15 %
    [InlineData(1.95, 10, true, CrossChecks.Inconsistent)]
    [InlineData(1356, 1356, false, CrossChecks.Consistent)]
    [InlineData(1400, 1356, false, CrossChecks.Inconsistent)] // exact figures allow 1 %
    public void DerivedValues_AllowWhatTheWordingAllows(double computed, double stated, bool approximate, string verdict) =>
        Assert.Equal(verdict, CrossChecks.Verdict(computed, stated, approximate));
}
