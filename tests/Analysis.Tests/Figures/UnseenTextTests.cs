using System.Globalization;
using Analysis.Figures;

namespace Analysis.Tests;

/// <summary>The extractor on text it was not written for: four invented articles and sentences of the kinds users bring.</summary>
public class UnseenTextTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static IReadOnlyList<NumberMatch> In(string text) =>
        NumberExtractor.Extract(new Paragraph("t/p1", "t", 1, ParagraphKind.Body, new TextSpan(0, text.Length), SourcedText.FromRaw(text, 0, text.Length)));

    [Fact]
    public void OnFourArticlesItWasNotWrittenFor_RecallIsAtLeast095_AndPrecisionAtLeast090()
    {
        var (data, ids) = NewArticles.AddedToShipped();
        using (data)
        {
            var corpus = Corpus.Load(data.Directory);
            var expected = File.ReadAllLines(Path.Combine(NewArticles.Folder, "expected-figures.csv")).Skip(1).Select(line =>
            {
                var f = Csv.Parse(line + "\n")[0].Fields;
                var doc = corpus[ids[f[0]]];
                // Quotes are typed with plain spaces; the files use no-break and narrow no-break ones too.
                var offset = doc.Raw.Replace('\u00a0', ' ').Replace('\u202f', ' ').IndexOf(f[1], StringComparison.Ordinal);
                Assert.True(offset >= 0, $"{f[0]}: quote '{f[1]}' not found");
                return new ReportedFigure(f[1], doc.Id, f[1], offset, double.Parse(f[2], CultureInfo.InvariantCulture), f[3], "", "", "", "reported fact");
            }).ToList();
            var newDocs = ids.Values.ToHashSet();
            var matches = NumberExtractor.Extract(corpus.Documents.Where(d => newDocs.Contains(d.Id)).SelectMany(d => d.Body.Cast<ITextUnit>()));
            var e = ExtractorEvaluation.Evaluate(expected, matches, []);
            foreach (var missed in e.Missed) output.WriteLine($"missed: {missed.Document}: {missed.Quote}");
            foreach (var extra in e.Unexpected) output.WriteLine($"unexpected: {extra.Document}: {extra.Text} = {extra.Value} {extra.Unit}");
            output.WriteLine($"recall {e.Recall:0.000}, precision {e.Precision:0.000}, unit agreement {e.UnitAgreement:0.000} ({e.Found.Length} found of {expected.Count})");
            Assert.True(e.Recall >= 0.95, $"recall {e.Recall:0.000}: missed {string.Join("; ", e.Missed.Select(m => m.Quote))}");
            Assert.True(e.Precision >= 0.90, $"precision {e.Precision:0.000}: unexpected {string.Join("; ", e.Unexpected.Select(m => m.Text))}");
        }
    }

    [Theory]
    [InlineData("Der Umsatz stieg um 4,2 Mrd. Euro auf 158,9 Mrd. Euro.", new[] { 4.2e9, 158.9e9 }, new[] { "EUR", "EUR" })]
    [InlineData("Rund 1.500 Beschäftigte protestierten am 3. März vor dem Werk.", new[] { 1500.0 }, new[] { "employees" })]
    [InlineData("Die Inflationsrate lag im Januar bei 2,1 %.", new[] { 2.1 }, new[] { "percent" })]
    [InlineData("Bis 2030 sollen 10.000 neue Stellen entstehen.", new[] { 10000.0 }, new[] { "jobs" })]
    [InlineData("Stand: 29.01.2026, 14:32 Uhr. Aktualisiert um 9 Uhr.", new double[0], new string[0])]
    [InlineData("Jeder fünfte Beschäftigte arbeitet in Teilzeit.", new[] { 0.2 }, new[] { "ratio" })]
    [InlineData("Die Zahl der Arbeitslosen stieg um 120 000 auf 2,99 Millionen.", new[] { 120000.0, 2.99e6 }, new[] { "", "" })]
    [InlineData("Der Konzern zahlt € 4,5 Mrd. an Aktionäre und $118 Milliarden für Rechenzentren.", new[] { 4.5e9, 118e9 }, new[] { "EUR", "USD" })]
    [InlineData("Amazon investiert 118 Mrd. $ und beschäftigt 1 560 000 Menschen.", new[] { 118e9, 1.56e6 }, new[] { "USD", "people" })]
    [InlineData("Der Mindestlohn steigt auf 13,90 Euro pro Stunde; 14'000 Franken verdient ein Entwickler.", new[] { 13.9, 14000.0 }, new[] { "EUR", "CHF" })]
    [InlineData("Am 28. Okt. 2025 und am 3. Sept. fielen 2.000 Bürojobs und 300 Verwaltungsstellen weg.", new[] { 2000.0, 300.0 }, new[] { "jobs", "jobs" })]
    [InlineData("Rund 40 % der 1.200 befragten Mitarbeitenden fürchten um ihren Job.", new[] { 40.0, 1200.0 }, new[] { "percent", "employees" })]
    [InlineData("Veröffentlicht am 2026-01-29. Zwei Drittel der Filialen schließen.", new[] { 2.0 / 3 }, new[] { "ratio" })]
    [InlineData("Amazon streicht rund 14 000 Büro-Arbeitsplätze und 2.000 US-Stellen.", new[] { 14000.0, 2000.0 }, new[] { "jobs", "jobs" })]
    [InlineData("Ein Drittel und drei Viertel, ein Achtel der Belegschaft.", new[] { 1.0 / 3, 0.75, 0.125 }, new[] { "ratio", "ratio", "ratio" })]
    public void SentencesOfTheKindsUsersBring_GiveEveryQuantity_AndNothingElse(string sentence, double[] values, string[] units)
    {
        var quantities = In(sentence).Where(m => m.Kind == MatchKind.Quantity).ToList();
        Assert.Equal(values.Length, quantities.Count);
        for (var i = 0; i < values.Length; i++)
        {
            Assert.Equal(values[i], quantities[i].Value, 6);
            Assert.Equal(units[i], quantities[i].Unit);
        }
    }

    [Fact]
    public void AMatchHoldsItsSentenceWithoutACopy_AndEqualsTheSameMatchWrittenOut()
    {
        const string text = "Amazon streicht 14.000 Stellen. Bis 2027 sollen es 30.000 sein, sagt der Konzern.";
        var unit = new Paragraph("t/p1", "t", 1, ParagraphKind.Body, new TextSpan(0, text.Length), SourcedText.FromRaw(text, 0, text.Length));
        var matches = NumberExtractor.Extract(unit);
        var second = Assert.Single(matches, m => m.Kind == MatchKind.Quantity && m.Value == 30_000);
        Assert.Equal("Bis 2027 sollen es 30.000 sein, sagt der Konzern.", second.Sentence);
        Assert.Same(unit.Text, second.SentenceSlice.Text);
        var written = new NumberMatch(second.Document, second.UnitId, second.Kind, second.Value, second.Unit, second.Text, second.Span,
            "Bis 2027 sollen es 30.000 sein, sagt der Konzern.", second.InSentence, second.High);
        Assert.Equal(written, second);
        Assert.Equal(written.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(written with { Sentence = "Bis 2027 sollen es 30.000 sein." }, second);
        // The year shares the sentence; the first sentence's number does not.
        Assert.Equal(2, matches.Count(m => m.Sentence == second.Sentence));
    }

    [Fact]
    public void ASignOpeningTheSentence_StaysInsideIt_AndItsReadingDoesNotFail()
    {
        // Found on the man-page corpus: a sentence that opens with "$" put the number before its sentence.
        var m = Assert.Single(In("Kosten. $118 Milliarden fließen in Rechenzentren."), x => x.Kind == MatchKind.Quantity);
        Assert.Equal((0, "$118 Milliarden"), (m.InSentence, m.Sentence[m.InSentence..(m.InSentence + m.Text.Length)]));
        var reading = FigureContext.Read(m.Sentence, m.InSentence, m.InSentence + m.Text.Length, null);
        Assert.Equal(Bound.Point, reading.Bound);
    }

    [Fact]
    public void ACurrencySignBeforeTheNumber_IsPartOfTheQuote()
    {
        var m = Assert.Single(In("Amazon will $118 Milliarden investieren."), x => x.Kind == MatchKind.Quantity);
        Assert.Equal("$118 Milliarden", m.Text);
        Assert.Equal("118 Mrd. $", Assert.Single(In("rund 118 Mrd. $ im Jahr"), x => x.Kind == MatchKind.Quantity).Text);
    }
}
