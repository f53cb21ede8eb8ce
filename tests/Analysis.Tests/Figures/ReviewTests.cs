using System.Text;
using Analysis.Figures;

namespace Analysis.Tests;

/// <summary>New texts' numbers: found as unreviewed candidates, reviewed in bulk, then part of the figures and the cross-checks.</summary>
public class ReviewTests
{
    [Fact]
    public void EveryQuantityOfANewText_IsACandidate_WithGuesses_AndTheShippedTextsHaveNone()
    {
        var (data, ids) = NewArticles.AddedToShipped();
        using (data)
        {
            var corpus = Corpus.Load(data.Directory);
            var candidates = FigureCandidates.Find(corpus);
            Assert.All(candidates, c => Assert.Contains(c.Document, ids.Values));
            var expected = File.ReadAllLines(Path.Combine(NewArticles.Folder, "expected-figures.csv")).Length - 1;
            Assert.True(candidates.Length >= expected, $"{candidates.Length} candidates for {expected} quantities");
            var workforce = Assert.Single(candidates, c => c.Value == 1.56e6);
            Assert.Equal((ids["a-scraped.txt"], "employees", "workforce", "Amazon", ""), (workforce.Document, workforce.Unit, workforce.Measure, workforce.Entity, workforce.Period));
            var raw = corpus[workforce.Document].Raw;
            Assert.Equal(workforce.Quote, raw.Substring(workforce.Offset, workforce.Quote.Length));
            var cuts = Assert.Single(candidates, c => c.Document == ids["a-scraped.txt"] && c.Value == 16000);
            Assert.Equal(("job cuts", "2026-01"), (cuts.Measure, cuts.Period));
        }
    }

    [Fact]
    public void AReviewFile_AcceptsAndIgnoresInBulk_AndAnAcceptedStatementIsCrossChecked()
    {
        var (data, ids) = NewArticles.AddedToShipped();
        using (data)
        {
            var corpus = Corpus.Load(data.Directory);
            var path = FigureCandidates.WriteReview(corpus).Path;
            var rows = Csv.Parse(File.ReadAllText(path, Encoding.UTF8)).Select(r => r.Fields).ToList();
            int Column(string name) => rows[0].IndexOf(name);
            List<string> Row(string quoteStart) => Assert.Single(rows, r => r[Column("quote")].StartsWith(quoteStart, StringComparison.Ordinal));
            // The reviewer's edits: accept the workforce and the capital expenditure (correcting the measure's kind), ignore the Swiss salary.
            Row("1,56 Millionen")[^1] = "accept";
            var capex = Row("$118 Milliarden");
            Assert.Equal(("investment", "plan", "2026"), (capex[Column("measure")], capex[Column("modality")], capex[Column("period")]));   // "will im laufenden Jahr … investieren", published 2026
            capex[Column("measure")] = "investment (capital expenditure)";
            capex[^1] = "accept";
            Row("14'000 Franken")[^1] = "ignore: a salary in an example and not about Amazon";
            File.WriteAllText(path, string.Concat(rows.Select(Csv.Row)));

            var result = FigureCandidates.ApplyReview(corpus);

            Assert.Equal((2, 1, rows.Count - 4), (result.Accepted, result.Ignored, result.Open));
            var figures = FigureData.Load(corpus);
            Assert.Contains(figures, f => f.Value == 1.56e6 && f.Measure == "workforce" && f.Document == ids["a-scraped.txt"] && f.Bound == Bound.Point);
            var checks = CrossChecks.Run(figures, Corpus.Load(data.Directory));
            // Kettner's plan of 125 billion for 2026 against the page's 118 billion for the same year: both plans, both points.
            var capexCheck = Assert.Single(checks, c => c.Rule == "agreement" && c.Claim.StartsWith("investment (capital expenditure) of Amazon, 2026", StringComparison.Ordinal));
            Assert.Equal(CrossChecks.Inconsistent, capexCheck.Verdict);
            Assert.Contains("plan", capexCheck.Claim, StringComparison.Ordinal);
            // The workforce without a period, published in January 2026, meets no statement of that month: in no agreement check;
            // as the largest whole workforce the texts give, it is the base of Kettner's "der gesamten Belegschaft".
            Assert.DoesNotContain(checks, c => c.Rule == "agreement" && c.Figures.Contains("„1,56 Millionen", StringComparison.Ordinal));
            Assert.Contains("30,000 / 1,560,000 = 1.9 %", Assert.Single(checks, c => c.Rule == "share" && c.Figures.StartsWith("kettner-share", StringComparison.Ordinal)).Arithmetic);
            // Accepted and ignored statements are no longer candidates; the rest still are.
            var after = FigureCandidates.Find(Corpus.Load(data.Directory));
            Assert.DoesNotContain(after, c => c.Value is 1.56e6 or 118e9 && c.Document != ids["b-page.html"] || c.Quote.StartsWith("14'000", StringComparison.Ordinal));
            Assert.Equal(result.Open, after.Length);
        }
    }

    [Fact]
    public void UnreviewedTexts_DoNotLowerThePrecision_WhichIsMeasuredPerReviewedDocument()
    {
        var shipped = ExtractorEvaluation.ForCorpus(TestCorpus.Corpus);
        var (data, ids) = NewArticles.AddedToShipped();
        using (data)
        {
            var withNew = ExtractorEvaluation.ForCorpus(Corpus.Load(data.Directory));
            Assert.True(withNew.Unreviewed >= 36, $"{withNew.Unreviewed} unreviewed");
            Assert.Equal((shipped.Precision, shipped.Recall, shipped.Reviewed.Count), (withNew.Precision, withNew.Recall, withNew.Reviewed.Count));
            Assert.DoesNotContain(withNew.PerDocument, d => ids.ContainsValue(d.Document));
            Assert.Equal(0.947, Assert.Single(shipped.PerDocument, d => d.Document == "essay").Precision, 3);   // 18 of 19: "vor einem halben Jahrhundert" is ignored
        }
    }

    [Fact]
    public void ReviewingAgain_KeepsTheReviewersCorrectionsAndDecisions_AndAddsOnlyNewRows()
    {
        var (data, ids) = NewArticles.AddedToShipped();
        using (data)
        {
            var corpus = Corpus.Load(data.Directory);
            var first = FigureCandidates.WriteReview(corpus);
            var rows = Csv.Parse(File.ReadAllText(first.Path, Encoding.UTF8)).Select(r => r.Fields).ToList();
            var measure = rows[0].IndexOf("measure");
            var edited = Assert.Single(rows, r => r[2].StartsWith("1,56 Millionen", StringComparison.Ordinal));
            edited[measure] = "head count";
            rows[^1][^1] = "ignore: checked by hand";
            File.WriteAllText(first.Path, string.Concat(rows.Select(Csv.Row)));

            var second = FigureCandidates.WriteReview(corpus);

            Assert.Equal((rows.Count - 1, 0), (second.Kept, second.Added));
            var again = Csv.Parse(File.ReadAllText(second.Path, Encoding.UTF8)).Select(r => r.Fields).ToList();
            Assert.Equal("head count", Assert.Single(again, r => r[2].StartsWith("1,56 Millionen", StringComparison.Ordinal))[measure]);
            Assert.Equal("ignore: checked by hand", again[^1][^1]);
            Assert.Equal(rows.Count, again.Count);
        }
    }

    [Fact]
    public void TheReviewFile_SaysWhatEachRowWouldDo_BeforeItIsAccepted()
    {
        var (data, ids) = NewArticles.AddedToShipped();
        using (data)
        {
            var review = FigureCandidates.WriteReview(Corpus.Load(data.Directory));
            var rows = Csv.Parse(File.ReadAllText(review.Path, Encoding.UTF8)).Select(r => r.Fields).ToList();
            int Column(string name) => rows[0].IndexOf(name);
            // The page's 16,000 of January: its period from "im Januar" and the publication date (no entity in its sentence to guess).
            var cut = Assert.Single(rows, r => r[Column("document")] == ids["b-page.html"] && r[Column("quote")].StartsWith("16.000 Arbeitsplätze", StringComparison.Ordinal));
            Assert.Equal(("2026-01", "im Januar (publication 2026-02-06)"), (cut[Column("period")], cut[Column("cues")].Split("period: ")[1]));
            // The scraped text's 1.56 million would become the whole workforce Kettner's share is measured against.
            var workforce = Assert.Single(rows, r => r[Column("quote")].StartsWith("1,56 Millionen", StringComparison.Ordinal));
            Assert.Contains("share: 10.0 % share of job cuts in workforce of Amazon", workforce[Column("consequences")], StringComparison.Ordinal);
            Assert.Contains(review.Consequences, c => c.Contains("„1,56 Millionen Mitarbeitende“", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void ABadDecision_NamesItsLineAndField_AndNothingIsWritten()
    {
        var (data, _) = NewArticles.AddedToShipped();
        using (data)
        {
            var corpus = Corpus.Load(data.Directory);
            var path = FigureCandidates.WriteReview(corpus).Path;
            var lines = File.ReadAllLines(path).ToList();
            lines[1] = lines[1] + "ignore: not a figure";
            lines[2] = lines[2] + "maybe";
            File.WriteAllLines(path, lines);
            var before = (File.ReadAllText(path), File.ReadAllText(Path.Combine(data.Directory, "figures.csv")));
            var e = Assert.Throws<FigureFormatException>(() => FigureCandidates.ApplyReview(corpus));
            Assert.Equal((3, "decision"), (e.Line, e.Field));
            Assert.Equal(before, (File.ReadAllText(path), File.ReadAllText(Path.Combine(data.Directory, "figures.csv"))));
        }
    }
}

public class FigureSeriesTests
{
    private static ReportedFigure F(string id, string doc, double value, string unit = "jobs", string period = "2025-10") =>
        new(id, doc, id, 0, value, unit, "job cuts", period, "Co", "reported fact");

    [Fact]
    public void Repeated_ListsValuesStatedMoreThanOnce_MostWidelyStatedFirst()
    {
        var repeated = FigureSeries.Repeated([F("a", "x", 14000), F("b", "y", 14000), F("c", "y", 14000), F("d", "z", 5), F("e", "z", 5), F("f", "x", 7), F("g", "x", 14000, "employees")]);
        Assert.Equal([(14000.0, "jobs", 2, 3), (5.0, "jobs", 1, 2)], repeated.Select(r => (r.Value, r.Unit, r.Documents.Count, r.Statements.Length)));
    }

    [Fact]
    public void ATwoYearTotal_IsNoRound_AndAStatementWithoutAPeriod_HasNoPlaceOnTheTimeAxis()
    {
        var figures = new[] { F("a", "x", 27000, period: "2022/2023"), F("b", "y", 14000), F("c", "z", 14000, period: "") };
        Assert.Equal([("2025-10", 14000.0)], FigureSeries.ByPeriod(figures).Select(p => (p.Period, p.Value)));
        Assert.Equal([("2022/2023", 27000.0)], FigureSeries.Totals(figures).Select(p => (p.Period, p.Value)));
    }

    [Fact]
    public void ByPeriod_LeavesOutARangeThatTotalsChartedPeriods_AndTakesTheMostStatedValue()
    {
        var periods = FigureSeries.ByPeriod([F("a", "x", 14000), F("b", "y", 14000), F("c", "z", 15000), F("d", "x", 16000, period: "2026-01"), F("t", "x", 30000, period: "2025-10/2026-01")]);
        Assert.Equal([("2025-10", 14000.0), ("2026-01", 16000.0)], periods.Select(p => (p.Period, p.Value)));
    }
}
