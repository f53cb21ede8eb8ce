using System.Globalization;
using System.Text.RegularExpressions;

namespace Analysis.Figures;

/// <summary>One check of statements against each other: which rule, what is claimed, by which figures, the arithmetic, the verdict.</summary>
public sealed record CrossCheck(string Rule, string Claim, string Figures, string Arithmetic, string Verdict);

/// <summary>
/// Generic rules over the reviewed figures; none names a figure, document or measure of a particular corpus.
/// <list type="bullet">
/// <item><b>agreement</b>: statements of one entity, measure, scope and modality class for one period must agree. Each
/// statement stands for the interval its wording allows (<see cref="Interval"/>): a point ±half a unit of its last
/// significant digit, "rund" twice that, "über" everything above, "bis zu" everything below, "knapp" just under;
/// two statements agree when their intervals overlap. A statement without a period is compared only with statements
/// without a period of the same document or of a document published in the same month, never with every period.
/// Statements that would disagree but differ in scope, modality or bound ("bis zu" is a ceiling, not a count) are
/// listed as not comparable.</item>
/// <item><b>sum</b>: a figure for a period range ("2025-10/2026-01") against the sum of the figures for the single
/// periods inside it, of the same scope.</item>
/// <item><b>share</b>: "share of X in Y" against X / Y. A share whose quote names the whole ("der gesamten
/// Belegschaft") is measured against the largest base of the whole entity; otherwise against the base nearest to it
/// in its own text, else every base the texts give ("depends on the base" when the verdicts differ).</item>
/// <item><b>multiple</b>: "multiple of X" times the X it refers to, against the X reported for that period and later.</item>
/// <item><b>per month and per year</b>: a monthly amount times 12 against the yearly one.</item>
/// <item><b>kinds</b>: two kinds of one measure ("investment (AI development)", "investment (capital expenditure)")
/// are different quantities: not comparable.</item>
/// </list>
/// Quotations of another text are not statements of their own. Derived checks (sum, share, multiple, per month)
/// allow 15 % for a statement that is not a point and 1 % otherwise.
/// </summary>
public static partial class CrossChecks
{
    public const string Consistent = "consistent", Inconsistent = "inconsistent", DependsOnBase = "depends on the base", NotComparable = "not comparable";

    [GeneratedRegex(@"^share of (?<part>.+) in (?<base>.+)$")]
    private static partial Regex ShareMeasure();

    [GeneratedRegex(@"^multiple of (?<of>.+)$")]
    private static partial Regex MultipleMeasure();

    [GeneratedRegex(@"^(?<base>.+?) \((?<scope>.+)\)$")]
    private static partial Regex ScopedMeasure();

    /// <summary>The checks, with the corpus's publication dates to compare statements without a period.</summary>
    public static IReadOnlyList<CrossCheck> Run(IReadOnlyList<ReportedFigure> figures, Corpus corpus) =>
        Run(figures, corpus.Documents.Where(d => d.Info.Published is not null).ToDictionary(d => d.Id, d => d.Info.Published!.Value, StringComparer.Ordinal));

    /// <summary>The checks; without publication dates, statements without a period are compared within their document only.</summary>
    public static IReadOnlyList<CrossCheck> Run(IReadOnlyList<ReportedFigure> figures, IReadOnlyDictionary<string, DateOnly>? published = null)
    {
        var statements = figures.Where(f => !f.IsQuotation).ToList();
        var dates = published ?? new Dictionary<string, DateOnly>();
        return [.. Agreement(statements, dates), .. Sums(statements), .. Shares(statements), .. Multiples(statements), .. PerMonth(statements), .. Kinds(statements)];
    }

    /// <summary>Whether the statement's wording makes it inexact: any bound but a point.</summary>
    public static bool IsApproximate(ReportedFigure figure) => figure.Bound != Bound.Point;

    /// <summary>Half a unit of the value's last significant digit (1.54 million: 5,000; 14,000: 500).</summary>
    public static double Tolerance(double value)
    {
        value = Math.Abs(value);
        if (value == 0) return 0;
        var unit = Math.Pow(10, Math.Floor(Math.Log10(value)) - 6);
        // Find the place of the last significant digit within double precision.
        var digits = Math.Round(value / unit);
        while (digits % 10 == 0 && digits > 0) { digits /= 10; unit *= 10; }
        return unit / 2;
    }

    /// <summary>
    /// The values a statement allows: a point ±<see cref="Tolerance(double)"/>; about ±2×; at least and more than up from
    /// the value; at most, up to and less than down to zero; almost from one unit of the last digit below up to the
    /// value; a range from its low to its high end, each ± its rounding.
    /// </summary>
    public static (double Low, double High) Interval(ReportedFigure f)
    {
        var v = f.Value;
        var t = Tolerance(v);
        var floor = Math.Min(0, v);
        return f.Bound switch
        {
            Bound.About => (v - 2 * t, v + 2 * t),
            Bound.AtLeast or Bound.MoreThan => (v, double.PositiveInfinity),
            Bound.AtMost or Bound.UpTo or Bound.LessThan => (floor, v),
            Bound.Almost => (v - 2 * t, v),
            Bound.Range => (v - t, (f.High ?? v) + Tolerance(f.High ?? v)),
            _ => (v - t, v + t),
        };
    }

    /// <summary>Derived values: 15 % for an inexact statement, 1 % otherwise.</summary>
    public static string Verdict(double computed, double stated, bool approximate)
    {
        var tolerance = approximate ? 0.15 : 0.01;
        return Math.Abs(computed - stated) <= tolerance * Math.Abs(stated) ? Consistent : Inconsistent;
    }

    private static string Verdict(double computed, ReportedFigure stated) =>
        stated.Bound switch
        {
            // One-sided statements are checked on their side only.
            Bound.AtLeast or Bound.MoreThan => computed >= stated.Value * 0.99 ? Consistent : Inconsistent,
            Bound.AtMost or Bound.UpTo or Bound.LessThan => computed <= stated.Value * 1.01 ? Consistent : Inconsistent,
            Bound.Range => computed >= stated.Value * 0.99 && computed <= (stated.High ?? stated.Value) * 1.01 ? Consistent : Inconsistent,
            _ => Verdict(computed, stated.Value, IsApproximate(stated)),
        };

    /// <summary>Whether two intervals share a value; touching ends do not ("1,54" and "1,55 Millionen" meet only at 1,545,000).</summary>
    private static bool Overlap((double Low, double High) a, (double Low, double High) b)
    {
        var eps = 1e-9 * Math.Max(1, Math.Max(Math.Abs(a.Low == double.NegativeInfinity ? 0 : a.Low), Math.Abs(b.Low == double.NegativeInfinity ? 0 : b.Low)));
        return a.Low < b.High - eps && b.Low < a.High - eps;
    }

    /// <summary>What the statements are compared as: a period the text gives, or, without one, the document's publication month.</summary>
    private static string TimeOf(ReportedFigure f, IReadOnlyDictionary<string, DateOnly> published) =>
        f.Period.Length > 0 ? f.Period
        : published.TryGetValue(f.Document, out var date) ? $"no period, published {date.ToString("yyyy-MM", CultureInfo.InvariantCulture)}"
        : $"no period, in {f.Document}";

    private static string Label(ReportedFigure f) =>
        $"{FigureTables.Shown(f)}{(f.Scope.Length > 0 ? $" ({f.Scope})" : "")}{(Modalities.Class(f.Modality) != "fact" ? $" [{f.Modality}]" : "")}";

    private static string Range((double Low, double High) i) =>
        $"{(double.IsNegativeInfinity(i.Low) ? "−∞" : N(i.Low))}–{(double.IsPositiveInfinity(i.High) ? "∞" : N(i.High))}";

    private static IEnumerable<CrossCheck> Agreement(List<ReportedFigure> statements, IReadOnlyDictionary<string, DateOnly> published)
    {
        var byQuantity = statements.Where(f => !ShareMeasure().IsMatch(f.Measure) && !MultipleMeasure().IsMatch(f.Measure))
            .GroupBy(f => (f.Entity, f.Measure, f.UnitFamily)).OrderBy(g => g.Key.Entity, StringComparer.Ordinal).ThenBy(g => g.Key.Measure, StringComparer.Ordinal).ThenBy(g => g.Key.UnitFamily, StringComparer.Ordinal);
        foreach (var group in byQuantity)
        {
            foreach (var time in group.GroupBy(f => TimeOf(f, published)).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var what = $"{group.Key.Measure} of {Entity(group.Key.Entity)}, {time.Key}";
                var partitions = time.GroupBy(f => (f.Scope, Class: Modalities.Class(f.Modality))).OrderBy(p => p.Key.Scope, StringComparer.Ordinal).ThenBy(p => p.Key.Class, StringComparer.Ordinal)
                    .Select(p => (p.Key, Members: p.ToList(), Clusters: Clusters(p.ToList()))).ToList();
                foreach (var (key, members, clusters) in partitions)
                {
                    if (members.Count < 2 || members.Select(f => f.Document).Distinct().Count() < 2 && members.Select(f => f.Value).Distinct().Count() < 2) continue;
                    var about = $"{what}{(key.Scope.Length > 0 ? $", {key.Scope}" : "")}{(key.Class != "fact" ? $", {key.Class}" : "")}";
                    if (clusters.Count == 1)
                    {
                        var common = Common(clusters[0]);
                        yield return new("agreement", $"{about}: {members.Count} statements", Ids([.. members]), $"{string.Join(", ", members.Select(Label).Distinct())}: all allow {Range(common)}", Consistent);
                        continue;
                    }
                    for (var i = 0; i < clusters.Count; i++)
                        for (var j = i + 1; j < clusters.Count; j++)
                        {
                            var (a, b) = (clusters[i], clusters[j]);
                            var arithmetic = $"{Values(a)} allow{(a.Count == 1 ? "s" : "")} {Range(Common(a))}, {Values(b)} allow{(b.Count == 1 ? "s" : "")} {Range(Common(b))}: no value fits both";
                            // "bis zu 30.000" or "könnte" is a ceiling of what may happen: no statement of what was done.
                            var ceiling = a.Concat(b).Any(f => f.Bound == Bound.UpTo || f.Modality == Modalities.Possibility);
                            yield return ceiling
                                ? new("agreement", $"{about}: {Values(a)} and {Values(b)}", Ids([.. a, .. b]), arithmetic + ", but an upper bound of what may happen is no count", NotComparable)
                                : new("agreement", $"{about}: {Values(a)} against {Values(b)}", Ids([.. a, .. b]), arithmetic + $"; differ by {N(Math.Abs(b[0].Value - a[0].Value))} ({P(100 * Math.Abs(b[0].Value / a[0].Value - 1))})", Inconsistent);
                        }
                }
                // Statements of one period that would disagree but are about different parts or modalities: said, and not counted as disagreements.
                for (var i = 0; i < partitions.Count; i++)
                    for (var j = i + 1; j < partitions.Count; j++)
                    {
                        var (a, b) = (partitions[i], partitions[j]);
                        if (a.Members.Any(x => b.Members.Any(y => Overlap(Interval(x), Interval(y))))) continue;
                        var differ = string.Join(" and ", new[] { a.Key.Scope != b.Key.Scope ? $"scope ({Scope(a.Key.Scope)} / {Scope(b.Key.Scope)})" : "", a.Key.Class != b.Key.Class ? $"modality ({a.Key.Class} / {b.Key.Class})" : "" }.Where(x => x.Length > 0));
                        yield return new("agreement", $"{what}: {Values(a.Members)} and {Values(b.Members)}", Ids([.. a.Members, .. b.Members]),
                            $"different {differ}: not one quantity", NotComparable);
                    }
            }
        }
    }

    private static string Scope(string scope) => scope.Length > 0 ? scope : "whole entity";

    private static (double Low, double High) Common(List<ReportedFigure> cluster) =>
        (cluster.Max(f => Interval(f).Low), cluster.Min(f => Interval(f).High));

    /// <summary>Statements by ascending interval; one joins a cluster only if its interval overlaps every member's (no chaining).</summary>
    private static List<List<ReportedFigure>> Clusters(List<ReportedFigure> members)
    {
        var clusters = new List<List<ReportedFigure>>();
        foreach (var f in members.OrderBy(f => Interval(f).Low).ThenBy(f => f.Value).ThenBy(f => f.Id, StringComparer.Ordinal))
        {
            var home = clusters.FirstOrDefault(c => c.All(m => Overlap(Interval(m), Interval(f))));
            if (home is null) clusters.Add([f]);
            else home.Add(f);
        }
        return clusters;
    }

    /// <summary>The value most statements of the whole entity's facts give for one measure and period (ties: the larger), or null.</summary>
    private static ReportedFigure? Consensus(IEnumerable<ReportedFigure> statements, ReportedFigure like, string measure, string period) =>
        statements.Where(f => f.Entity == like.Entity && f.Measure == measure && f.Period == period && f.UnitFamily == like.UnitFamily && f.Scope == like.Scope && IsFact(f))
            .GroupBy(f => f.Value).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).Select(g => g.First()).FirstOrDefault();

    private static bool IsFact(ReportedFigure f) => Modalities.Class(f.Modality) == "fact";

    private static (string From, string To)? Range(string period)
    {
        var parts = period.Split('/');
        return parts.Length == 2 && parts[0].Length > 0 && parts[1].Length > 0 ? (parts[0], parts[1]) : null;
    }

    private static bool IsSingle(string period) => period.Length > 0 && !period.Contains('/') && !period.EndsWith('-');

    /// <summary>Whether a single period lies in a range: "2025-10" in "2025-10/2026-01", "2023-05" in "2022/2023".</summary>
    private static bool Inside(string period, string from, string to) =>
        string.CompareOrdinal(period, from) >= 0 && (string.CompareOrdinal(period, to) <= 0 || period.StartsWith(to, StringComparison.Ordinal));

    private static IEnumerable<CrossCheck> Sums(List<ReportedFigure> statements)
    {
        foreach (var total in statements.Where(f => Range(f.Period) is not null && IsFact(f)))
        {
            var (from, to) = Range(total.Period)!.Value;
            var parts = statements.Where(f => f.Entity == total.Entity && f.Measure == total.Measure && f.UnitFamily == total.UnitFamily && f.Scope == total.Scope && IsFact(f)
                    && IsSingle(f.Period) && Inside(f.Period, from, to))
                .Select(f => f.Period).Distinct().Order(StringComparer.Ordinal)
                .Select(p => Consensus(statements, total, total.Measure, p)!).ToList();
            if (parts.Count < 2) continue;
            var sum = parts.Sum(f => f.Value);
            yield return new("sum", $"{total.Measure} of {Entity(total.Entity)}, {total.Period}: the parts add up to the stated total", Ids([.. parts, total]),
                $"{string.Join(" + ", parts.Select(f => $"{N(f.Value)} ({f.Period})"))} = {N(sum)}; stated {FigureTables.Shown(total)}", Verdict(sum, total));
        }
    }

    private static bool SameTime(ReportedFigure a, ReportedFigure b) => a.Period == b.Period && (a.Period.Length > 0 || a.Document == b.Document);

    private static IEnumerable<CrossCheck> Shares(List<ReportedFigure> statements)
    {
        foreach (var share in statements.Where(f => ShareMeasure().IsMatch(f.Measure) && f.Unit is "percent" or "ratio"))
        {
            var m = ShareMeasure().Match(share.Measure);
            var (part, baseMeasure) = (m.Groups["part"].Value, m.Groups["base"].Value);
            var stated = share.Unit == "ratio" ? 100 * share.Value : share.Value;
            var numerator = statements.Where(f => f.Entity == share.Entity && f.Measure == part && SameTime(f, share) && IsFact(f))
                .OrderBy(f => f.Document == share.Document ? 0 : 1).ThenBy(f => Math.Abs(f.Offset - share.Offset)).ThenBy(f => f.Id, StringComparer.Ordinal).FirstOrDefault();
            // A base is a stock: the one of the share's period, or one stated without a period.
            var bases = statements.Where(f => f.Entity == share.Entity && f.Measure == baseMeasure && IsFact(f) && (f.Period == share.Period || f.Period.Length == 0)).ToList();
            if (numerator is null || bases.Count == 0) continue;
            var whole = FigureContext.NamesWhole(share.Quote);
            var own = whole ? null : bases.Where(b => b.Document == share.Document).OrderBy(b => Math.Abs(b.Offset - share.Offset)).FirstOrDefault();
            var wholeBase = whole ? bases.Where(b => b.Scope.Length == 0).OrderBy(b => b.Modality == Modalities.ReaderComment ? 1 : 0).ThenByDescending(b => b.Value).ThenBy(b => b.Id, StringComparer.Ordinal).FirstOrDefault() : null;
            if (whole && wholeBase is null) continue;
            var candidates = (wholeBase is not null ? [wholeBase] : own is not null ? [own] : bases.GroupBy(b => b.Value).OrderBy(g => g.Key).Select(g => g.First())).ToList();
            var results = candidates.Select(b => (Base: b, Percent: 100 * numerator.Value / b.Value)).Select(r => (r.Base, r.Percent, Verdict: Verdict(r.Percent, share with { Value = stated, High = share.High * (stated / share.Value) }))).ToList();
            var verdict = results.Select(r => r.Verdict).Distinct().Count() == 1 ? results[0].Verdict : DependsOnBase;
            var against = wholeBase is not null ? "against the whole workforce its text names (the largest base of the whole entity)" : own is not null ? "against the base its own text gives" : "against every base the texts give";
            yield return new("share", $"{P(stated)} {share.Measure} of {Entity(share.Entity)}{(share.Period.Length > 0 ? $", {share.Period}" : "")}, {against}", Ids([share, numerator, .. candidates]),
                string.Join("; ", results.Select(r => $"{N(numerator.Value)} / {N(r.Base.Value)} = {P(r.Percent)}{(results.Count > 1 ? $" ({r.Verdict})" : "")}")) + $"; stated {FigureTables.Shown(share)} %", verdict);
        }
    }

    private static IEnumerable<CrossCheck> Multiples(List<ReportedFigure> statements)
    {
        foreach (var multiple in statements.Where(f => MultipleMeasure().IsMatch(f.Measure) && IsSingle(f.Period)))
        {
            var of = MultipleMeasure().Match(multiple.Measure).Groups["of"].Value;
            var reference = statements.Where(f => f.Document == multiple.Document && f.Entity == multiple.Entity && f.Measure == of && f.Period == multiple.Period && IsFact(f))
                .OrderBy(f => Math.Abs(f.Offset - multiple.Offset)).FirstOrDefault();
            if (reference is null) continue;
            var possible = multiple.Value * reference.Value;
            var later = statements.Where(f => f.Entity == multiple.Entity && f.Measure == of && f.UnitFamily == reference.UnitFamily && f.Scope == reference.Scope && IsFact(f)
                    && IsSingle(f.Period) && string.CompareOrdinal(f.Period, multiple.Period) >= 0)
                .Select(f => f.Period).Distinct().Order(StringComparer.Ordinal).Select(p => Consensus(statements, reference, of, p)!).ToList();
            if (later.Count < 2) continue;
            var reported = later.Sum(f => f.Value);
            yield return new("multiple", $"{N(multiple.Value)} × the {of} of {Entity(multiple.Entity)} stated in {multiple.Document} ({multiple.Period}), against what the texts report from then on", Ids([multiple, reference, .. later]),
                $"{N(multiple.Value)} × {N(reference.Value)} = {N(possible)} possible; reported from {multiple.Period} to {later[^1].Period}: {string.Join(" + ", later.Select(f => N(f.Value)))} = {N(reported)}",
                Verdict(reported, possible, IsApproximate(multiple) || multiple.Modality == Modalities.Possibility));
        }
    }

    private static IEnumerable<CrossCheck> PerMonth(List<ReportedFigure> statements)
    {
        foreach (var monthly in statements.Where(f => f.Unit.EndsWith(" per month", StringComparison.Ordinal)))
        {
            var yearlyUnit = monthly.Unit.Replace(" per month", " per year", StringComparison.Ordinal);
            foreach (var yearly in statements.Where(f => f.Entity == monthly.Entity && f.Measure == monthly.Measure && f.Unit == yearlyUnit && f.Scope == monthly.Scope && SameTime(f, monthly)))
                yield return new("per month and per year", $"{monthly.Measure} of {Entity(monthly.Entity)}: {N(monthly.Value)} a month against {N(yearly.Value)} a year", Ids(monthly, yearly),
                    $"12 × {N(monthly.Value)} = {N(12 * monthly.Value)}; stated {FigureTables.Shown(yearly)}", Verdict(12 * monthly.Value, yearly));
        }
    }

    private static IEnumerable<CrossCheck> Kinds(List<ReportedFigure> statements)
    {
        var scoped = statements.Where(f => ScopedMeasure().IsMatch(f.Measure))
            .GroupBy(f => (f.Entity, Base: ScopedMeasure().Match(f.Measure).Groups["base"].Value, f.UnitFamily));
        foreach (var group in scoped)
        {
            var byKind = group.GroupBy(f => f.Measure).Select(g => g.OrderBy(f => f.Period, StringComparer.Ordinal).First()).OrderBy(f => f.Period, StringComparer.Ordinal).ThenBy(f => f.Measure, StringComparer.Ordinal).ToList();
            for (var i = 0; i + 1 < byKind.Count; i++)
            {
                var (a, b) = (byKind[i], byKind[i + 1]);
                yield return new("kinds", $"{a.Measure} ({Period(a)}) against {b.Measure} ({Period(b)}) of {Entity(group.Key.Entity)}", Ids(a, b),
                    $"{N(b.Value)} / {N(a.Value)} − 1 = {P(100 * (b.Value / a.Value - 1))}, but the two measure different things: no growth rate", NotComparable);
            }
        }
    }

    private static string Period(ReportedFigure f) => f.Period.Length > 0 ? f.Period : "no period";
    private static string Entity(string entity) => entity.Length > 0 ? entity : "(no entity)";
    private static string Values(List<ReportedFigure> cluster) => string.Join(", ", cluster.Select(Label).Distinct());
    private static string Ids(params ReportedFigure[] figures) => string.Join(", ", figures.Distinct().Select(x => $"{x.Id} ({x.Document}: „{x.Quote}“)"));
    private static string N(double v) => v.ToString("#,0.###", CultureInfo.InvariantCulture);
    private static string P(double v) => v.ToString("0.0", CultureInfo.InvariantCulture) + " %";
}
