using System.Globalization;
using System.Text.RegularExpressions;

namespace Analysis.Figures;

/// <summary>One check of statements against each other: which rule, what is claimed, by which figures, the arithmetic, the verdict.</summary>
public sealed record CrossCheck(string Rule, string Claim, string Figures, string Arithmetic, string Verdict);

/// <summary>
/// Generic rules over the reviewed figures; none names a figure, document or measure of a particular corpus.
/// <list type="bullet">
/// <item><b>agreement</b>: statements of one entity and measure for one period (or without a period) must agree. Two
/// values agree when they differ by no more than the larger rounding tolerance of the two: half a unit of a value's
/// last significant digit (1.54 million: ±5,000), doubled when its quote marks it approximate.</item>
/// <item><b>sum</b>: a figure for a period range ("2025-10/2026-01") against the sum of the figures for the single
/// periods inside it.</item>
/// <item><b>share</b>: "share of X in Y" against X / Y, with the base Y nearest to it in its own text, else every base
/// the texts give ("depends on the base" when the verdicts differ).</item>
/// <item><b>multiple</b>: "multiple of X" times the X it refers to, against the X reported for that period and later.</item>
/// <item><b>per month and per year</b>: a monthly amount times 12 against the yearly one.</item>
/// <item><b>scope</b>: two scopes of one measure ("investment (AI development)", "investment (capital expenditure)")
/// are not the same quantity: a change between them depends on the base.</item>
/// </list>
/// Quotations of another text are not statements of their own. Derived checks (sum, share, multiple, per month)
/// allow 15 % for an approximate statement and 1 % otherwise.
/// </summary>
public static partial class CrossChecks
{
    public const string Consistent = "consistent", Inconsistent = "inconsistent", DependsOnBase = "depends on the base";

    private static readonly string[] Approximate = ["etwa", "rund", "ca", "circa", "ungefähr", "knapp", "über", "mehr als", "fast", "nahezu", "gut", "möglicherweise", "bis zu"];

    [GeneratedRegex(@"^share of (?<part>.+) in (?<base>.+)$")]
    private static partial Regex ShareMeasure();

    [GeneratedRegex(@"^multiple of (?<of>.+)$")]
    private static partial Regex MultipleMeasure();

    [GeneratedRegex(@"^(?<base>.+?) \((?<scope>.+)\)$")]
    private static partial Regex ScopedMeasure();

    public static IReadOnlyList<CrossCheck> Run(IReadOnlyList<ReportedFigure> figures)
    {
        var statements = figures.Where(f => !f.IsQuotation).ToList();
        return [.. Agreement(statements), .. Sums(statements), .. Shares(statements), .. Multiples(statements), .. PerMonth(statements), .. Scopes(statements)];
    }

    /// <summary>Whether the quote marks the figure as approximate ("etwa", "rund", "über", …), as a whole word.</summary>
    public static bool IsApproximate(ReportedFigure figure) =>
        Approximate.Any(w => Regex.IsMatch(figure.Quote, $@"(?<!\p{{L}}){Regex.Escape(w)}(?!\p{{L}})", RegexOptions.IgnoreCase));

    /// <summary>Half a unit of the value's last significant digit, doubled for an approximate statement.</summary>
    public static double Tolerance(ReportedFigure figure)
    {
        var value = Math.Abs(figure.Value);
        if (value == 0) return 0;
        var unit = Math.Pow(10, Math.Floor(Math.Log10(value)) - 6);
        // Find the place of the last significant digit within double precision.
        var digits = Math.Round(value / unit);
        while (digits % 10 == 0 && digits > 0) { digits /= 10; unit *= 10; }
        return unit / 2 * (IsApproximate(figure) ? 2 : 1);
    }

    /// <summary>Derived values: 15 % for an approximate statement, 1 % otherwise.</summary>
    public static string Verdict(double computed, double stated, bool approximate)
    {
        var tolerance = approximate ? 0.15 : 0.01;
        return Math.Abs(computed - stated) <= tolerance * Math.Abs(stated) ? Consistent : Inconsistent;
    }

    private static string Verdict(double computed, ReportedFigure stated) => Verdict(computed, stated.Value, IsApproximate(stated));

    private static bool Agree(ReportedFigure a, ReportedFigure b) => Math.Abs(a.Value - b.Value) <= Math.Max(Tolerance(a), Tolerance(b)) + 1e-9 * Math.Abs(b.Value);

    private static bool PeriodsMatch(string a, string b) => a == b || a.Length == 0 || b.Length == 0;

    private static IEnumerable<CrossCheck> Agreement(List<ReportedFigure> statements)
    {
        var byQuantity = statements.Where(f => !ShareMeasure().IsMatch(f.Measure) && !MultipleMeasure().IsMatch(f.Measure))
            .GroupBy(f => (f.Entity, f.Measure, f.UnitFamily)).OrderBy(g => g.Key.Entity, StringComparer.Ordinal).ThenBy(g => g.Key.Measure, StringComparer.Ordinal);
        foreach (var group in byQuantity)
        {
            // Each stated period with every statement that applies to it; statements without a period apply to all.
            var periods = group.Select(f => f.Period).Where(p => p.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
            if (periods.Count == 0) periods.Add("");
            foreach (var period in periods)
            {
                var members = group.Where(f => PeriodsMatch(f.Period, period)).ToList();
                if (members.Count < 2 || members.Select(f => f.Document).Distinct().Count() < 2 && members.Select(f => f.Value).Distinct().Count() < 2) continue;
                var clusters = Clusters(members);
                var what = $"{group.Key.Measure} of {Entity(group.Key.Entity)}{(period.Length > 0 ? $", {period}" : "")}";
                if (clusters.Count == 1)
                {
                    yield return new("agreement", $"{what}: {members.Count} statements", Ids([.. members]), $"all within rounding of {N(clusters[0][0].Value)}", Consistent);
                    continue;
                }
                for (var i = 0; i < clusters.Count; i++)
                    for (var j = i + 1; j < clusters.Count; j++)
                        yield return new("agreement", $"{what}: {Values(clusters[i])} against {Values(clusters[j])}", Ids([.. clusters[i], .. clusters[j]]),
                            $"{N(clusters[i][0].Value)} vs {N(clusters[j][0].Value)}: differ by {N(Math.Abs(clusters[j][0].Value - clusters[i][0].Value))} ({P(100 * Math.Abs(clusters[j][0].Value / clusters[i][0].Value - 1))}), more than rounding allows",
                            Inconsistent);
            }
        }
    }

    /// <summary>Values in ascending order; a value joins a cluster only if it agrees with every member (no chaining).</summary>
    private static List<List<ReportedFigure>> Clusters(List<ReportedFigure> members)
    {
        var clusters = new List<List<ReportedFigure>>();
        foreach (var f in members.OrderBy(f => f.Value))
        {
            var home = clusters.FirstOrDefault(c => c.All(m => Agree(m, f)));
            if (home is null) clusters.Add([f]);
            else home.Add(f);
        }
        return clusters;
    }

    /// <summary>The value most statements give for one entity, measure and period (ties: the larger), or null.</summary>
    private static ReportedFigure? Consensus(IEnumerable<ReportedFigure> statements, string entity, string measure, string period, string family) =>
        statements.Where(f => f.Entity == entity && f.Measure == measure && f.Period == period && f.UnitFamily == family)
            .GroupBy(f => f.Value).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).Select(g => g.First()).FirstOrDefault();

    private static (string From, string To)? Range(string period)
    {
        var parts = period.Split('/');
        return parts.Length == 2 && parts[0].Length > 0 && parts[1].Length > 0 ? (parts[0], parts[1]) : null;
    }

    private static bool IsSingle(string period) => period.Length > 0 && !period.Contains('/') && !period.EndsWith('-') && !Regex.IsMatch(period, @"^\d{4}-\d{4}$");

    private static IEnumerable<CrossCheck> Sums(List<ReportedFigure> statements)
    {
        foreach (var total in statements.Where(f => Range(f.Period) is not null))
        {
            var (from, to) = Range(total.Period)!.Value;
            var parts = statements.Where(f => f.Entity == total.Entity && f.Measure == total.Measure && f.UnitFamily == total.UnitFamily && IsSingle(f.Period)
                    && string.CompareOrdinal(f.Period, from) >= 0 && string.CompareOrdinal(f.Period, to) <= 0)
                .Select(f => f.Period).Distinct().Order(StringComparer.Ordinal)
                .Select(p => Consensus(statements, total.Entity, total.Measure, p, total.UnitFamily)!).ToList();
            if (parts.Count < 2) continue;
            var sum = parts.Sum(f => f.Value);
            yield return new("sum", $"{total.Measure} of {Entity(total.Entity)}, {total.Period}: the parts add up to the stated total", Ids([.. parts, total]),
                $"{string.Join(" + ", parts.Select(f => $"{N(f.Value)} ({f.Period})"))} = {N(sum)}; stated {N(total.Value)}", Verdict(sum, total));
        }
    }

    private static IEnumerable<CrossCheck> Shares(List<ReportedFigure> statements)
    {
        foreach (var share in statements.Where(f => ShareMeasure().IsMatch(f.Measure) && f.Unit is "percent" or "ratio"))
        {
            var m = ShareMeasure().Match(share.Measure);
            var (part, baseMeasure) = (m.Groups["part"].Value, m.Groups["base"].Value);
            var stated = share.Unit == "ratio" ? 100 * share.Value : share.Value;
            var numerator = statements.Where(f => f.Entity == share.Entity && f.Measure == part && f.Period == share.Period)
                .OrderBy(f => f.Document == share.Document ? 0 : 1).ThenBy(f => Math.Abs(f.Offset - share.Offset)).FirstOrDefault();
            var bases = statements.Where(f => f.Entity == share.Entity && f.Measure == baseMeasure && PeriodsMatch(f.Period, share.Period)).ToList();
            if (numerator is null || bases.Count == 0) continue;
            var own = bases.Where(b => b.Document == share.Document).OrderBy(b => Math.Abs(b.Offset - share.Offset)).FirstOrDefault();
            var candidates = (own is not null ? [own] : bases.GroupBy(b => b.Value).OrderBy(g => g.Key).Select(g => g.First())).ToList();
            var results = candidates.Select(b => (Base: b, Percent: 100 * numerator.Value / b.Value)).Select(r => (r.Base, r.Percent, Verdict: Verdict(r.Percent, stated, IsApproximate(share)))).ToList();
            var verdict = results.Select(r => r.Verdict).Distinct().Count() == 1 ? results[0].Verdict : DependsOnBase;
            var against = own is not null ? "against the base its own text gives" : "against every base the texts give";
            yield return new("share", $"{P(stated)} {share.Measure} of {Entity(share.Entity)}{(share.Period.Length > 0 ? $", {share.Period}" : "")}, {against}", Ids([share, numerator, .. candidates]),
                string.Join("; ", results.Select(r => $"{N(numerator.Value)} / {N(r.Base.Value)} = {P(r.Percent)}{(results.Count > 1 ? $" ({r.Verdict})" : "")}")) + $"; stated {P(stated)}", verdict);
        }
    }

    private static IEnumerable<CrossCheck> Multiples(List<ReportedFigure> statements)
    {
        foreach (var multiple in statements.Where(f => MultipleMeasure().IsMatch(f.Measure)))
        {
            var of = MultipleMeasure().Match(multiple.Measure).Groups["of"].Value;
            var reference = statements.Where(f => f.Document == multiple.Document && f.Entity == multiple.Entity && f.Measure == of && f.Period == multiple.Period)
                .OrderBy(f => Math.Abs(f.Offset - multiple.Offset)).FirstOrDefault();
            if (reference is null) continue;
            var possible = multiple.Value * reference.Value;
            var later = statements.Where(f => f.Entity == multiple.Entity && f.Measure == of && f.UnitFamily == reference.UnitFamily && IsSingle(f.Period) && string.CompareOrdinal(f.Period, multiple.Period) >= 0)
                .Select(f => f.Period).Distinct().Order(StringComparer.Ordinal).Select(p => Consensus(statements, multiple.Entity, of, p, reference.UnitFamily)!).ToList();
            if (later.Count < 2) continue;
            var reported = later.Sum(f => f.Value);
            yield return new("multiple", $"{N(multiple.Value)} × the {of} of {Entity(multiple.Entity)} stated in {multiple.Document} ({multiple.Period}), against what the texts report from then on", Ids([multiple, reference, .. later]),
                $"{N(multiple.Value)} × {N(reference.Value)} = {N(possible)} possible; reported from {multiple.Period} to {later[^1].Period}: {string.Join(" + ", later.Select(f => N(f.Value)))} = {N(reported)}",
                Verdict(reported, possible, IsApproximate(multiple)));
        }
    }

    private static IEnumerable<CrossCheck> PerMonth(List<ReportedFigure> statements)
    {
        foreach (var monthly in statements.Where(f => f.Unit.EndsWith(" per month", StringComparison.Ordinal)))
        {
            var yearlyUnit = monthly.Unit.Replace(" per month", " per year", StringComparison.Ordinal);
            foreach (var yearly in statements.Where(f => f.Entity == monthly.Entity && f.Measure == monthly.Measure && f.Unit == yearlyUnit && PeriodsMatch(f.Period, monthly.Period)))
                yield return new("per month and per year", $"{monthly.Measure} of {Entity(monthly.Entity)}: {N(monthly.Value)} a month against {N(yearly.Value)} a year", Ids(monthly, yearly),
                    $"12 × {N(monthly.Value)} = {N(12 * monthly.Value)}; stated {N(yearly.Value)}", Verdict(12 * monthly.Value, yearly));
        }
    }

    private static IEnumerable<CrossCheck> Scopes(List<ReportedFigure> statements)
    {
        var scoped = statements.Where(f => ScopedMeasure().IsMatch(f.Measure))
            .GroupBy(f => (f.Entity, Base: ScopedMeasure().Match(f.Measure).Groups["base"].Value, f.UnitFamily));
        foreach (var group in scoped)
        {
            var byScope = group.GroupBy(f => f.Measure).Select(g => g.OrderBy(f => f.Period, StringComparer.Ordinal).First()).OrderBy(f => f.Period, StringComparer.Ordinal).ToList();
            for (var i = 0; i + 1 < byScope.Count; i++)
            {
                var (a, b) = (byScope[i], byScope[i + 1]);
                yield return new("scope", $"{a.Measure} ({a.Period}) against {b.Measure} ({b.Period}) of {Entity(group.Key.Entity)}", Ids(a, b),
                    $"{N(b.Value)} / {N(a.Value)} − 1 = {P(100 * (b.Value / a.Value - 1))}, but the two measure different things", DependsOnBase);
            }
        }
    }

    private static string Entity(string entity) => entity.Length > 0 ? entity : "(no entity)";
    private static string Values(List<ReportedFigure> cluster) => string.Join(", ", cluster.Select(f => N(f.Value)).Distinct());
    private static string Ids(params ReportedFigure[] figures) => string.Join(", ", figures.Distinct().Select(x => $"{x.Id} ({x.Document}: „{x.Quote}“)"));
    private static string N(double v) => v.ToString("#,0.###", CultureInfo.InvariantCulture);
    private static string P(double v) => v.ToString("0.0", CultureInfo.InvariantCulture) + " %";
}
