using System.Globalization;

namespace Analysis.Figures;

public sealed record CrossCheck(string Claim, string Figures, string Arithmetic, string Verdict);

/// <summary>
/// Checks of the texts' claims against each other, computed from the curated figures. Tolerance follows the
/// wording: a figure quoted with "etwa", "rund", "ca", "knapp", "über" or "möglicherweise" is approximate
/// (±15 % relative), otherwise exact up to rounding (±1 %).
/// </summary>
public static class CrossChecks
{
    public const string Consistent = "consistent", Inconsistent = "inconsistent", DependsOnBase = "depends on the base";

    public static IReadOnlyList<CrossCheck> Run(IReadOnlyList<ReportedFigure> figures)
    {
        var f = figures.ToDictionary(x => x.Id, StringComparer.Ordinal);
        ReportedFigure F(string id) => f.TryGetValue(id, out var x) ? x : throw new KeyNotFoundException($"Cross-check needs figure '{id}', which data/figures.csv lacks.");
        var checks = new List<CrossCheck>();

        var (cuts, base350, share4) = (F("tkp-cuts"), F("tkp-base"), F("tkp-share"));
        var pct = 100 * cuts.Value / base350.Value;
        checks.Add(new("14,000 jobs are \"etwa vier Prozent\" of 350,000 employees (TKP)", Ids(cuts, base350, share4),
            $"{N(cuts.Value)} / {N(base350.Value)} = {P(pct)}; stated {P(share4.Value)}", Verdict(pct, share4)));

        var (oct, jan, total, months) = (F("kettner-cuts-2025"), F("kettner-cuts-2026"), F("kettner-total"), F("kettner-months"));
        var sum = oct.Value + jan.Value;
        checks.Add(new("14,000 + 16,000 against \"rund 30.000 … innerhalb von nur drei Monaten\" (Kettner)", Ids(oct, jan, total, months),
            $"{N(oct.Value)} + {N(jan.Value)} = {N(sum)}; stated {N(total.Value)} within {N(months.Value)} months (October 2025 to January 2026)", Verdict(sum, total)));

        var (ten, workforce) = (F("kettner-share"), F("tkp-workforce"));
        var of350 = 100 * total.Value / base350.Value;
        var ofAll = 100 * total.Value / workforce.Value;
        var v350 = Verdict(of350, ten);
        var vAll = Verdict(ofAll, ten);
        checks.Add(new("\"etwa zehn Prozent der gesamten Belegschaft\" (Kettner) against 350,000 and against 1.54 million employees (TKP)", Ids(total, ten, base350, workforce),
            $"{N(total.Value)} / {N(base350.Value)} = {P(of350)} ({v350}); {N(total.Value)} / {N(workforce.Value)} = {P(ofAll)} ({vAll}); stated {P(ten.Value)}",
            v350 == vAll ? v350 : DependsOnBase));

        var comment = F("tkp-c5-workforce");
        checks.Add(new("1.54 million employees (TKP article) against 1.55 million (TKP reader comment)", Ids(workforce, comment),
            $"{N(comment.Value)} / {N(workforce.Value)} = {(comment.Value / workforce.Value).ToString("0.000", CultureInfo.InvariantCulture)}", Verdict(comment.Value, workforce)));

        var (announced, twice) = (F("kleine-cuts"), F("kleine-double"));
        var possible = announced.Value * twice.Value;
        checks.Add(new("\"möglicherweise sogar doppelt so viele\" (Kleine Zeitung) against what Kettner later reports", Ids(announced, twice, oct, jan),
            $"{N(twice.Value)} × {N(announced.Value)} = {N(possible)} possible; reported by January 2026: {N(sum)}", Verdict(sum, possible, approximate: true)));

        var (ai2025, capex2026) = (F("tkp-ai-2025"), F("kettner-capex-2026"));
        var growth = capex2026.Value / ai2025.Value - 1;
        checks.Add(new("AI investment 2025 (TKP) against investment 2026 (Kettner)", Ids(ai2025, capex2026),
            $"{B(capex2026.Value)} / {B(ai2025.Value)} − 1 = {P(100 * growth)}; measured differently: \"{ai2025.Measure}\" against \"{capex2026.Measure}\"",
            ai2025.Measure == capex2026.Measure ? Consistent : DependsOnBase));

        var (monthly, annual) = (F("essay-wage-monthly"), F("essay-wage-annual"));
        checks.Add(new("Bangladeshi minimum wage: 113 dollars a month = 1,356 dollars a year (essay)", Ids(monthly, annual),
            $"12 × {N(monthly.Value)} = {N(12 * monthly.Value)}; stated {N(annual.Value)}", Verdict(12 * monthly.Value, annual)));
        return checks;
    }

    private static readonly string[] Approximate = ["etwa", "rund", "ca", "knapp", "über", "möglicherweise", "bis zu"];

    public static bool IsApproximate(ReportedFigure figure) => Approximate.Any(w => figure.Quote.Contains(w, StringComparison.OrdinalIgnoreCase));

    private static string Verdict(double computed, ReportedFigure stated) => Verdict(computed, stated.Value, IsApproximate(stated));

    public static string Verdict(double computed, double stated, bool approximate)
    {
        var tolerance = approximate ? 0.15 : 0.01;
        return Math.Abs(computed - stated) <= tolerance * Math.Abs(stated) ? Consistent : Inconsistent;
    }

    private static string Ids(params ReportedFigure[] figures) => string.Join(", ", figures.Select(x => $"{x.Id} ({x.Document})"));
    private static string N(double v) => v.ToString("#,0.##", CultureInfo.InvariantCulture);
    private static string P(double v) => v.ToString("0.0", CultureInfo.InvariantCulture) + " %";
    private static string B(double v) => (v / 1e9).ToString("0.#", CultureInfo.InvariantCulture) + " bn USD";
}
