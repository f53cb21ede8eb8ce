using System.Collections.Immutable;

namespace Analysis.Figures;

/// <summary>The value the texts give for one period, and every statement of it.</summary>
public sealed record PeriodValue(string Period, double Value, ImmutableArray<ReportedFigure> Statements)
{
    /// <summary>The documents that state a value for the period.</summary>
    public IEnumerable<string> Documents => Statements.Select(s => s.Document).Distinct();
}

public static class FigureSeries
{
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
