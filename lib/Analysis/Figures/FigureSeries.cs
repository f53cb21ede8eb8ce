using System.Collections.Immutable;

namespace Analysis.Figures;

/// <summary>The value the texts give for one period, and every statement of it.</summary>
public sealed record PeriodValue(string Period, double Value, ImmutableArray<ReportedFigure> Statements)
{
    /// <summary>The documents that state a value for the period.</summary>
    public IEnumerable<string> Documents => Statements.Select(s => s.Document).Distinct();
}

/// <summary>A value (in one unit) stated more than once, and every statement of it.</summary>
public sealed record RepeatedValue(double Value, string Unit, ImmutableArray<ReportedFigure> Statements)
{
    /// <summary>The documents that state it.</summary>
    public IReadOnlyList<string> Documents { get; } = [.. Statements.Select(s => s.Document).Distinct()];
}

public static class FigureSeries
{
    /// <summary>Values stated more than once (in one text or across texts), most widely stated first: by documents, then statements.</summary>
    public static IReadOnlyList<RepeatedValue> Repeated(IEnumerable<ReportedFigure> figures) =>
        [.. figures.GroupBy(f => (f.Value, f.Unit)).Where(g => g.Count() > 1)
            .Select(g => new RepeatedValue(g.Key.Value, g.Key.Unit, [.. g]))
            .OrderByDescending(r => r.Documents.Count).ThenByDescending(r => r.Statements.Length).ThenBy(r => r.Value).ThenBy(r => r.Unit, StringComparer.Ordinal)];

    /// <summary>
    /// One value per single period the texts give, in period order: the value most statements give (ties: the larger).
    /// A total over a range of periods ("2022/2023", "2025-10/2026-01") is no round of its own and is left out (see
    /// <see cref="Totals"/>), as are statements without a period: their time is unknown.
    /// </summary>
    public static IReadOnlyList<PeriodValue> ByPeriod(IEnumerable<ReportedFigure> figures) =>
        [.. figures.Where(f => f.Period.Length > 0 && !f.Period.Contains('/')).GroupBy(f => f.Period).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new PeriodValue(g.Key, g.GroupBy(f => f.Value).OrderByDescending(v => v.Count()).ThenByDescending(v => v.Key).First().Key, [.. g]))];

    /// <summary>Totals over a range of periods, one per range: the value most statements give (ties: the larger).</summary>
    public static IReadOnlyList<PeriodValue> Totals(IEnumerable<ReportedFigure> figures) =>
        [.. figures.Where(f => f.Period.Contains('/')).GroupBy(f => f.Period).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new PeriodValue(g.Key, g.GroupBy(f => f.Value).OrderByDescending(v => v.Count()).ThenByDescending(v => v.Key).First().Key, [.. g]))];
}
