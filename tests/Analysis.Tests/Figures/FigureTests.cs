using Analysis.Figures;

namespace Analysis.Tests;

public class CuratedFigureTests
{
    private static readonly Lazy<IReadOnlyList<ReportedFigure>> Figures = new(() => FigureData.Load(TestCorpus.Corpus));

    [Fact]
    public void EveryQuote_StandsInItsRawFileAtItsOffset_WithinOneSentence()
    {
        Assert.True(Figures.Value.Count >= 40);
        foreach (var f in Figures.Value)
        {
            var raw = TestCorpus.Doc(f.Document).Raw;
            Assert.True(f.Offset + f.Quote.Length <= raw.Length && raw.Substring(f.Offset, f.Quote.Length) == f.Quote, $"{f.Id}: quote not at offset {f.Offset}");
            Assert.False(System.Text.RegularExpressions.Regex.IsMatch(f.Quote, @"[.!?][“”""]?\s+\p{Lu}"), $"{f.Id}: the quote runs over a sentence end: {f.Quote}");
        }
    }

    [Fact]
    public void AReviewedPeriod_IsOneTheTextGives_NeverThePublicationDate()
    {
        // Kleine Zeitung's text has no date: none of its figures has a period.
        Assert.All(Figures.Value.Where(f => f.Document == "kleine"), f => Assert.Equal("", f.Period));
        // Where the rules read a period from a figure's sentence, the reviewed one is that period (or a range that holds it).
        foreach (var f in Figures.Value)
            if (FigureContext.ReadAt(TestCorpus.Doc(f.Document), f) is { Period.Length: > 0 } read)
                Assert.True(f.Period == read.Period || f.Period.Split('/').Contains(read.Period) || f.Period is "today" or "Fordist era", $"{f.Id}: reviewed {f.Period}, the text says {read.Period} ({read.PeriodCue})");
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
    [InlineData("value", "x,kleine,rund 14.000,74,14.000 Mio,,jobs,about,m,,p,e,reported fact", "line 2: value: '14.000 Mio' is not an invariant number")]
    [InlineData("unit", "x,kleine,rund 14.000,74,14000,,Stellen,about,m,,p,e,reported fact", "line 2: unit: unknown unit 'Stellen'")]
    [InlineData("modality", "x,kleine,rund 14.000,74,14000,,jobs,about,m,,p,e,rumour", "line 2: modality: unknown modality 'rumour'")]
    [InlineData("bound", "x,kleine,rund 14.000,74,14000,,jobs,roughly,m,,p,e,reported fact", "line 2: bound: unknown bound 'roughly'")]
    [InlineData("high", "x,kleine,ein bis zwei,74,1,,hours,range,m,,p,e,reported fact", "line 2: high: a range needs its upper end in 'high'")]
    [InlineData("high", "x,kleine,rund 14.000,74,14000,15000,jobs,about,m,,p,e,reported fact", "line 2: high: only a range has 'high'")]
    [InlineData("offset", "x,kleine,rund 14.000,-1,14000,,jobs,about,m,,p,e,reported fact", "line 2: offset: '-1' is not a whole number")]
    [InlineData("id", " ,kleine,rund 14.000,74,14000,,jobs,about,m,,p,e,reported fact", "line 2: id: empty")]
    public void BadRows_NameTheirLineAndField(string field, string row, string message)
    {
        var path = Path.Combine(Path.GetTempPath(), $"figures-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, string.Join(",", FigureData.Columns) + "\n" + row + ",n\n");
        try
        {
            var e = Assert.Throws<FigureFormatException>(() => FigureData.Load(path));
            Assert.Equal(field, e.Field);
            Assert.Contains(message, e.Message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void AFileInTheFirstColumns_StillLoads_WithTheBoundReadFromItsQuote_AndIsSavedInTheCurrentOnes()
    {
        var path = Path.Combine(Path.GetTempPath(), $"figures-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "id,document,quote,offset,value,unit,measure,period,entity,kind,note\n" +
            "w,tkp,\"über 1,54 Millionen Mitarbeitern\",1613,1540000,employees,workforce,,Amazon,reported fact,n\n");
        try
        {
            var f = Assert.Single(FigureData.Load(path));
            Assert.Equal((Bound.MoreThan, "reported fact", ""), (f.Bound, f.Modality, f.Scope));
            FigureData.Save(path, [f]);
            Assert.StartsWith(string.Join(",", FigureData.Columns) + "\n", File.ReadAllText(path), StringComparison.Ordinal);
            Assert.Equal(f, Assert.Single(FigureData.Load(path)));
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
        // "eines Tages" is "some day", not a duration.
        Assert.Empty(In("Eines Tages wird KI das können."));
    }

    [Theory]
    [InlineData("Eine Stunde zur Arbeit, ein Tag im Büro.", new[] { 1.0, 1.0 }, new[] { "hours", "days" })]
    [InlineData("zwei Massenentlassungen innerhalb eines Quartals", new[] { 2.0, 3.0 }, new[] { "count", "months" })]
    [InlineData("mächtiger als vor einem halben Jahrhundert", new[] { 50.0 }, new[] { "years" })]
    [InlineData("seit anderthalb Jahren", new[] { 1.5 }, new[] { "years" })]
    public void DurationsWithTheIndefiniteArticle_AreQuantities(string text, double[] values, string[] units)
    {
        var found = In(text).Where(m => m.Kind == MatchKind.Quantity).ToList();
        Assert.Equal(values, found.Select(m => m.Value));
        Assert.Equal(units, found.Select(m => m.Unit));
    }

    [Theory]
    [InlineData("innerhalb von ein bis zwei Stunden", 1, 2, "hours")]
    [InlineData("Zwischen 10 und 15 Prozent der Stellen", 10, 15, "percent")]
    [InlineData("2 bis 3 Milliarden Dollar", 2e9, 3e9, "USD")]
    [InlineData("10–15 Prozent", 10, 15, "percent")]
    public void ARange_IsOneQuantityWithBothEnds(string text, double low, double high, string unit)
    {
        var m = Assert.Single(In(text), x => x.Kind == MatchKind.Quantity);
        Assert.Equal((low, high, unit), (m.Value, m.High ?? double.NaN, m.Unit));
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
    private static ReportedFigure F(string id, string doc, double value, string unit, string measure, string period, string quote = "", string entity = "Co", string modality = "reported fact",
        int offset = 0, Bound bound = Bound.Point, string scope = "") =>
        new(id, doc, quote, offset, value, unit, measure, period, entity, modality, "", bound, null, scope);

    private static readonly Dictionary<string, DateOnly> SameMonth = new() { ["x"] = new(2025, 10, 28), ["y"] = new(2025, 10, 29), ["z"] = new(2025, 10, 30) };

    [Fact]
    public void TheShippedCorpusClaims_ComeOutOfTheRules()
    {
        var checks = CrossChecks.Run(FigureData.Load(TestCorpus.Corpus), TestCorpus.Corpus);
        string Verdict(string rule, string inClaim) => Assert.Single(checks, c => c.Rule == rule && c.Claim.Contains(inClaim, StringComparison.Ordinal)).Verdict;
        // TKP: 14,000 are "etwa vier Prozent" of the 350,000 its own sentence gives.
        var tkpShare = Assert.Single(checks, c => c.Rule == "share" && c.Figures.StartsWith("tkp-share", StringComparison.Ordinal));
        Assert.Equal((CrossChecks.Consistent, "14,000 / 350,000 = 4.0 %; stated ≈ 4 %"), (tkpShare.Verdict, tkpShare.Arithmetic));
        // Kettner: 14,000 + 16,000 against "rund 30.000".
        Assert.Equal(CrossChecks.Consistent, Verdict("sum", "2025-10/2026-01"));
        // Kettner's "etwa zehn Prozent der gesamten Belegschaft" names its base: the whole workforce, of which 30,000 are 1.9 %.
        var kettnerShare = Assert.Single(checks, c => c.Rule == "share" && c.Figures.StartsWith("kettner-share", StringComparison.Ordinal));
        Assert.Equal((CrossChecks.Inconsistent, "30,000 / 1,540,000 = 1.9 %; stated ≈ 10 %"), (kettnerShare.Verdict, kettnerShare.Arithmetic));
        // The workforce: "über 1,54" and "ca 1,55 Millionen" agree; TKP's 350,000 does not.
        var workforce = Assert.Single(checks, c => c.Rule == "agreement" && c.Claim.StartsWith("workforce of Amazon", StringComparison.Ordinal));
        Assert.Equal((CrossChecks.Inconsistent, "workforce of Amazon, no period, published 2025-10: 350,000 against > 1,540,000, ≈ 1,550,000"), (workforce.Verdict, workforce.Claim));
        // Investment: AI development (2025) is not capital expenditure (2026): not comparable, no base involved.
        Assert.Equal(CrossChecks.NotComparable, Verdict("kinds", "investment"));
        // 113 dollars a month are 1,356 a year.
        Assert.Equal(CrossChecks.Consistent, Verdict("per month and per year", "minimum wage"));
        // The October cuts of the whole company: taz ("weltweit", "Ende Oktober") and Kettner ("im Oktober") agree on 14,000;
        // "in den USA" (TKP) and "in der Verwaltung" (Kleine Zeitung) are other scopes, and Kleine Zeitung gives no period.
        var october = Assert.Single(checks, c => c.Rule == "agreement" && c.Claim.StartsWith("job cuts of Amazon, 2025-10", StringComparison.Ordinal));
        Assert.Equal((CrossChecks.Consistent, "job cuts of Amazon, 2025-10: 2 statements"), (october.Verdict, october.Claim));
        Assert.DoesNotContain(checks, c => c.Rule == "agreement" && (c.Figures.Contains("tkp-cuts-us", StringComparison.Ordinal) || c.Figures.Contains("kleine-cuts", StringComparison.Ordinal)));
        // "doppelt so viele" has no period in a text without a date: it is compared with nothing.
        Assert.DoesNotContain(checks, c => c.Rule == "multiple");
    }

    [Fact]
    public void AFigureWithoutAPeriod_IsNotComparedWithEveryPeriod()
    {
        var checks = CrossChecks.Run([F("a", "x", 14000, "jobs", "job cuts", ""), F("b", "y", 27000, "jobs", "job cuts", "2022/2023"), F("c", "z", 16000, "jobs", "job cuts", "2026-01")], SameMonth);
        Assert.DoesNotContain(checks, c => c.Verdict == CrossChecks.Inconsistent);
        // Two without a period, published months apart, are other rounds; in the same month they are compared.
        var months = new Dictionary<string, DateOnly> { ["x"] = new(2025, 10, 28), ["y"] = new(2026, 1, 30) };
        Assert.Empty(CrossChecks.Run([F("a", "x", 14000, "jobs", "job cuts", ""), F("b", "y", 16000, "jobs", "job cuts", "")], months));
        Assert.Equal(CrossChecks.Inconsistent, Assert.Single(CrossChecks.Run([F("a", "x", 14000, "jobs", "job cuts", ""), F("b", "y", 16000, "jobs", "job cuts", "")], SameMonth)).Verdict);
        // Without publication dates, only within one document.
        Assert.Empty(CrossChecks.Run([F("a", "x", 14000, "jobs", "job cuts", ""), F("b", "y", 16000, "jobs", "job cuts", "")]));
    }

    [Fact]
    public void APossibility_OrAnUpperBound_IsNoDisagreementWithTheAnnouncedValue()
    {
        var announced = F("a", "x", 14000, "jobs", "job cuts", "2025-10", "kündigte an, 14.000 Stellen", modality: Modalities.Announcement);
        var could = F("b", "y", 30000, "jobs", "job cuts", "2025-10", "Die Pläne Amazons könnten letztlich den Abbau von 30.000 Stellen", modality: Modalities.Possibility);
        var upTo = F("c", "z", 30000, "jobs", "job cuts", "2025-10", "Bis zu 30.000 Jobs", bound: Bound.UpTo);
        // 14,000 is within "bis zu 30.000".
        Assert.Equal(CrossChecks.Consistent, Assert.Single(CrossChecks.Run([announced, upTo], SameMonth)).Verdict);
        // Above the ceiling, an upper bound of what may happen is still no count: not comparable, not a disagreement.
        Assert.Equal(CrossChecks.NotComparable, Assert.Single(CrossChecks.Run([announced with { Value = 40000 }, upTo with { Modality = Modalities.Possibility }], SameMonth)).Verdict);
        var checks = CrossChecks.Run([announced, could], SameMonth);
        Assert.DoesNotContain(checks, c => c.Verdict == CrossChecks.Inconsistent);
        var differ = Assert.Single(checks);
        Assert.Equal(CrossChecks.NotComparable, differ.Verdict);
        Assert.Contains("modality (fact / possibility)", differ.Arithmetic, StringComparison.Ordinal);
    }

    [Fact]
    public void ABoundIsOneSided_MoreThan154MillionAgreesWith156()
    {
        var over = F("a", "x", 1.54e6, "employees", "workforce", "", "über 1,54 Millionen Mitarbeitern", bound: Bound.MoreThan);
        var about = F("b", "y", 1.56e6, "people", "workforce", "", "rund 1,56 Millionen Menschen", bound: Bound.About);
        Assert.Equal(CrossChecks.Consistent, Assert.Single(CrossChecks.Run([over, about], SameMonth)).Verdict);
        // But 1.5 million is not more than 1.54 million, and "knapp 3 Prozent" is not 3.2 %.
        Assert.Equal(CrossChecks.Inconsistent, Assert.Single(CrossChecks.Run([over, F("c", "z", 1.2e6, "people", "workforce", "", "1,2 Millionen")], SameMonth)).Verdict);
        // "1,5 Millionen" is rounded: anything from 1.45 to 1.55 million, so it may be more than 1.54 million.
        Assert.Equal(CrossChecks.Consistent, Assert.Single(CrossChecks.Run([over, F("c", "z", 1.5e6, "people", "workforce", "", "1,5 Millionen")], SameMonth)).Verdict);
        Assert.Equal(CrossChecks.Inconsistent, Assert.Single(CrossChecks.Run([F("d", "x", 3, "percent", "share", "2025", bound: Bound.Almost), F("e", "y", 3.2, "percent", "share", "2025")], SameMonth)).Verdict);
        Assert.Equal(CrossChecks.Consistent, Assert.Single(CrossChecks.Run([F("d", "x", 3, "percent", "share", "2025", bound: Bound.Almost), F("e", "y", 2.8, "percent", "share", "2025")], SameMonth)).Verdict);
    }

    [Fact]
    public void StatementsOfDifferentScope_AreNeverInOneAgreementCheck()
    {
        var world = F("a", "x", 14000, "jobs", "job cuts", "2025-10", "weltweit 14.000 Jobs");
        var us = F("b", "y", 9000, "jobs", "job cuts", "2025-10", "9.000 in den USA", scope: "USA");
        var office = F("c", "z", 14000, "jobs", "job cuts", "2025-10", "14.000 Arbeitsplätze in der Verwaltung", scope: "Verwaltung");
        var checks = CrossChecks.Run([world, us, office], SameMonth);
        Assert.DoesNotContain(checks, c => c.Verdict is CrossChecks.Inconsistent or CrossChecks.Consistent);
        Assert.All(checks, c => Assert.Equal(CrossChecks.NotComparable, c.Verdict));
        Assert.Contains(checks, c => c.Arithmetic.Contains("scope (USA / whole entity)", StringComparison.Ordinal) || c.Arithmetic.Contains("scope (whole entity / USA)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1.54e6, Bound.MoreThan, 1.54e6, double.PositiveInfinity)]
    [InlineData(1.56e6, Bound.Point, 1.555e6, 1.565e6)]
    [InlineData(14000, Bound.About, 13000, 15000)]
    [InlineData(3, Bound.Almost, 2, 3)]
    [InlineData(100000, Bound.UpTo, 0, 100000)]
    [InlineData(0.45, Bound.Point, 0.445, 0.455)]
    public void TheInterval_IsWhatTheWordingAllows(double value, Bound bound, double low, double high)
    {
        var (l, h) = CrossChecks.Interval(F("x", "d", value, "count", "m", "", bound: bound));
        Assert.Equal(low, l, 9);
        Assert.Equal(high, h, 9);
    }

    [Theory]
    [InlineData("mehr als fünfzig Personen", Bound.MoreThan)]
    [InlineData("bis zu 100.000 Dollar im Jahr", Bound.UpTo)]
    [InlineData("knapp 3 Prozent", Bound.Almost)]
    [InlineData("über 1,54 Millionen Mitarbeitern", Bound.MoreThan)]
    [InlineData("rund 14.000 Stellen", Bound.About)]
    [InlineData("mindestens 2.000 Betroffene", Bound.AtLeast)]
    [InlineData("14.000 Stellen", Bound.Point)]
    public void BoundsAreReadFromTheWordsBeforeTheNumber(string quote, Bound bound) => Assert.Equal(bound, FigureContext.BoundOf(quote).Bound);

    [Fact]
    public void Sums_Shares_AndPerMonth_AreGenericRules()
    {
        var figures = new[]
        {
            F("p1", "x", 100, "jobs", "cuts", "2024-01"), F("p2", "y", 50, "jobs", "cuts", "2024-03"), F("t", "z", 160, "jobs", "cuts", "2024-01/2024-06", "rund 160", bound: Bound.About),
            F("s", "z", 25, "percent", "share of cuts in staff", "2024-01", offset: 10), F("b", "z", 400, "employees", "staff", "", offset: 30),
            F("m", "w", 10, "EUR per month", "fee", ""), F("y", "w", 130, "EUR per year", "fee", ""),
        };
        var checks = CrossChecks.Run(figures);
        Assert.Equal(CrossChecks.Consistent, Assert.Single(checks, c => c.Rule == "sum").Verdict);       // 150 against "rund 160": within 15 %
        Assert.Equal("100 / 400 = 25.0 %; stated 25 %", Assert.Single(checks, c => c.Rule == "share").Arithmetic);
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
