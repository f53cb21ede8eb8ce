using Deedle;

namespace Analysis.Figures;

/// <summary>ReportedFigure tables as Deedle frames.</summary>
public static class FigureTables
{
    public static Frame<int, string> Curated(IReadOnlyList<ReportedFigure> figures) =>
        Frame.FromRecords(figures.Select(f => new { f.Id, f.Document, f.Value, f.Unit, f.Measure, f.Period, f.Entity, f.Kind, f.Quote, f.Offset, f.Note }));

    public static Frame<int, string> CrossChecks(IReadOnlyList<CrossCheck> checks) => Frame.FromRecords(checks);

    /// <summary>Unreviewed figures: what the extractor found that no one has accepted or ignored yet, with the guesses.</summary>
    public static Frame<int, string> Candidates(IReadOnlyList<FigureCandidate> candidates) =>
        Frame.FromRecords(candidates.Select(c => new { c.Document, c.Quote, c.Offset, c.Value, GuessedUnit = c.Unit, GuessedMeasure = c.Measure, GuessedEntity = c.Entity, GuessedPeriod = c.Period }));

    /// <summary>Which value appears in which document: rows = value and unit, columns = documents, cells = number of statements.</summary>
    public static Frame<string, string> Matrix(IReadOnlyList<ReportedFigure> figures, IEnumerable<string> documents)
    {
        var docs = documents.ToList();
        var rows = FigureSeries.Repeated(figures).Select(r => new KeyValuePair<string, Series<string, int>>(
            $"{r.Value.ToString("#,0.######", System.Globalization.CultureInfo.InvariantCulture)} {r.Unit}",
            new Series<string, int>(docs, docs.Select(d => r.Statements.Count(f => f.Document == d)))));
        return Frame.FromRows(rows);
    }

    public sealed record EvaluationRow(string Measure, double Value, string Note);

    public static Frame<int, string> Evaluation(ExtractorEvaluation e) => Frame.FromRecords<EvaluationRow>(
    [
        new("curated figures", e.Found.Length + e.Missed.Length, "data/figures.csv"),
        new("extracted quantities", e.Extracted, "numbers, number words, multiples and fractions with their units"),
        new("recall", Math.Round(e.Recall, 3), $"{e.Found.Length} of {e.Found.Length + e.Missed.Length} curated figures found"),
        new("precision", Math.Round(e.Precision, 3), $"{e.Ignored.Length} ignored with a reason, {e.Unexpected.Length} unexplained"),
        new("unit agreement", Math.Round(e.UnitAgreement, 3), "found figures whose unit the extractor also got right"),
        new("told apart from quantities", e.NotQuantities.Length, string.Join(", ", e.NotQuantities.GroupBy(m => m.Kind).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}"))),
    ]);

    public static Frame<int, string> Matches(IReadOnlyList<NumberMatch> matches) =>
        Frame.FromRecords(matches.Select(m => new { m.Document, Kind = m.Kind.ToString(), m.Text, m.Value, m.Unit, m.Span.Start }));
}
