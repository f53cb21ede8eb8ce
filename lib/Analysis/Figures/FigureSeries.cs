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
    /// One value per period, in period order: the value most statements give (ties: the larger). A period range whose
    /// single periods are present too ("2025-10/2026-01" beside "2025-10" and "2026-01") is their total and is left out;
    /// the cross-checks compare it with them. Statements without a period form "(no period)".
    /// </summary>
    public static IReadOnlyList<PeriodValue> ByPeriod(IEnumerable<ReportedFigure> figures)
    {
        var list = figures.ToList();
        var singles = list.Select(f => f.Period).Where(p => p.Length > 0 && !p.Contains('/')).ToHashSet(StringComparer.Ordinal);
        bool IsTotal(string period) => period.Split('/') is [var from, var to] && singles.Count(p => string.CompareOrdinal(p, from) >= 0 && string.CompareOrdinal(p, to) <= 0) >= 2;
        return [.. list.Where(f => !IsTotal(f.Period)).GroupBy(f => f.Period.Length == 0 ? "(no period)" : f.Period).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new PeriodValue(g.Key, g.GroupBy(f => f.Value).OrderByDescending(v => v.Count()).ThenByDescending(v => v.Key).First().Key, [.. g]))];
    }
}
