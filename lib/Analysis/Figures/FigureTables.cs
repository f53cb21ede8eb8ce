using Deedle;

namespace Analysis.Figures;

/// <summary>ReportedFigure tables as Deedle frames.</summary>
public static class FigureTables
{
    public static Frame<int, string> Curated(IReadOnlyList<ReportedFigure> figures) =>
        Frame.FromRecords(figures.Select(f => new { f.Id, f.Document, Value = Shown(f), f.Unit, f.Measure, f.Scope, f.Period, f.Entity, f.Modality, f.Quote, f.Offset, f.Note }));

    /// <summary>A value with its bound, as a reader says it: "> 1,540,000", "≈ 14,000", "1–2", "≤ 100,000".</summary>
    public static string Shown(ReportedFigure f)
    {
        static string N(double v) => v.ToString("#,0.######", System.Globalization.CultureInfo.InvariantCulture);
        return f.Bound switch
        {
            Bound.Range => $"{N(f.Value)}–{N(f.High ?? f.Value)}",
            Bound.About => $"≈ {N(f.Value)}",
            Bound.AtLeast => $"≥ {N(f.Value)}",
            Bound.MoreThan => $"> {N(f.Value)}",
            Bound.AtMost => $"≤ {N(f.Value)}",
            Bound.UpTo => $"up to {N(f.Value)}",
            Bound.LessThan => $"< {N(f.Value)}",
            Bound.Almost => $"just under {N(f.Value)}",
            _ => N(f.Value),
        };
    }

    public static Frame<int, string> CrossChecks(IReadOnlyList<CrossCheck> checks) => Frame.FromRecords(checks);

    /// <summary>Unreviewed figures: what the extractor found that no one has accepted or ignored yet, with the guesses.</summary>
    public static Frame<int, string> Candidates(IReadOnlyList<FigureCandidate> candidates) =>
        Frame.FromRecords(candidates.Select(c => new { c.Document, c.Quote, c.Offset, Value = Shown(c.AsFigure("")), GuessedUnit = c.Unit, GuessedMeasure = c.Measure, GuessedEntity = c.Entity,
            c.Scope, Period = c.Period, c.Modality, c.Reading.Cues }));

    /// <summary>The extractor per reviewed document: curated figures, found, ignored, unexplained, recall, precision.</summary>
    public static Frame<int, string> EvaluationByDocument(ExtractorEvaluation e) =>
        Frame.FromRecords(e.PerDocument.Select(d => new { d.Document, d.Curated, d.Found, d.Ignored, d.Unexplained, Recall = Math.Round(d.Recall, 3), Precision = Math.Round(d.Precision, 3) }));

    /// <summary>How each reviewed figure is bounded, what its text does with it, and the words that say so (read again from the quote's sentence).</summary>
    public static Frame<int, string> Readings(IReadOnlyList<ReportedFigure> figures, Corpus corpus) =>
        Frame.FromRecords(figures.Select(f => (Figure: f, Read: FigureContext.ReadAt(corpus[f.Document], f))).Select(x => new
        {
            x.Figure.Id, Value = Shown(x.Figure), x.Figure.Modality, Scope = x.Figure.Scope.Length > 0 ? x.Figure.Scope : "whole", Period = x.Figure.Period.Length > 0 ? x.Figure.Period : "none given",
            Cues = x.Read?.Cues ?? "", Detected = x.Read is null ? "" : Differences(x.Figure, x.Read),
        }));

    private static string Differences(ReportedFigure f, FigureReading r) => string.Join("; ", new[]
    {
        r.Bound != f.Bound ? $"bound {r.Bound.Name()}" : "", r.Modality != f.Modality ? $"modality {r.Modality}" : "",
        r.Scope != f.Scope ? $"scope {(r.Scope.Length > 0 ? r.Scope : "whole")}" : "", r.Period != f.Period ? $"period {(r.Period.Length > 0 ? r.Period : "none")}" : "",
    }.Where(x => x.Length > 0)) is { Length: > 0 } d ? $"rules read: {d}" : "as reviewed";

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
        new("precision", Math.Round(e.Precision, 3), $"in {e.Reviewed.Count} reviewed documents: {e.Ignored.Length} ignored with a reason, {e.Unexpected.Length - e.Unreviewed} unexplained"),
        new("unreviewed", e.Unreviewed, "quantities in documents no one has reviewed yet (not counted above)"),
        new("unit agreement", Math.Round(e.UnitAgreement, 3), "found figures whose unit the extractor also got right"),
        new("told apart from quantities", e.NotQuantities.Length, string.Join(", ", e.NotQuantities.GroupBy(m => m.Kind).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}"))),
    ]);

    public static Frame<int, string> Matches(IReadOnlyList<NumberMatch> matches) =>
        Frame.FromRecords(matches.Select(m => new { m.Document, Kind = m.Kind.ToString(), m.Text, m.Value, m.Unit, m.Span.Start }));
}
