using Analysis.Text;

namespace Analysis.Tests;

/// <summary>Multiple-comparison control, intervals and dispersion, each against a value computed by hand or published.</summary>
public class InferenceTests
{
    private static ITextUnit Unit(string id, string group, string text) => TextUnits.Of(id, group, text);

    private static readonly TermOptions Plain = TextUnits.Plain;

    [Fact]
    public void BenjaminiHochberg_AdjustsAsTheStepUpRuleSays()
    {
        // Sorted: 0.005 (rank 1), 0.01 (2), 0.03 (3), 0.04 (4); p · m / rank = 0.02, 0.02, 0.04, 0.04; running minimum from the top.
        Assert.Equal([0.02, 0.04, 0.04, 0.02], Measures.BenjaminiHochberg([0.01, 0.04, 0.03, 0.005]).Select(q => Math.Round(q, 10)));
        // 0.8 · 2 / 1 = 1.6, but the running minimum from the top (0.9 · 2 / 2 = 0.9) caps it: both 0.9.
        Assert.Equal([0.9, 0.9], Measures.BenjaminiHochberg([0.9, 0.8]).Select(q => Math.Round(q, 10)));
    }

    [Fact]
    public void Keyness_CallsATermSignificantOnlyAfterCorrection_AndGivesTheLogRatioAnInterval()
    {
        // 10 against 5 in equal halves of 1,000 tokens: Log Ratio 1, half-width 1.96 · √(1/10 + 1/5) / ln 2 = 1.5488.
        var a = string.Join(' ', Enumerable.Repeat("apfel", 10).Concat(Enumerable.Repeat("xy", 990)));
        var b = string.Join(' ', Enumerable.Repeat("apfel", 5).Concat(Enumerable.Repeat("xy", 995)));
        var row = Measures.Keyness(TermCounts.Count(TokenTable.Of([Unit("a", "A", a), Unit("b", "B", b)], Plain), u => u.DocumentId), ["A"]).Single(r => r.Term == "apfel");
        Assert.Equal(1.0, row.LogRatio, 6);
        Assert.Equal(-0.5488, row.LogRatioLow, 3);
        Assert.Equal(2.5488, row.LogRatioHigh, 3);

        // One term at p ≈ 0.02 among 50 terms with p = 1: raw p < 0.05, but q = 0.02 · 50 > 0.05.
        var filler = string.Join(' ', Enumerable.Range(0, 50).SelectMany(i => Enumerable.Repeat($"w{i:00}x", 4)));
        var target = "kiwi kiwi kiwi kiwi kiwi kiwi " + filler;
        var reference = filler + " " + filler;
        var rows = Measures.Keyness(TermCounts.Count(TokenTable.Of([Unit("t", "T", target), Unit("r", "R", reference)], Plain), u => u.DocumentId), ["T"]);
        var kiwi = rows.Single(r => r.Term == "kiwi");
        Assert.True(kiwi.P < 0.05, $"p {kiwi.P}");
        Assert.True(kiwi.Q >= kiwi.P);
        Assert.Equal(kiwi.Q < 0.05, kiwi.Significant);
        Assert.All(rows.Where(r => r.Term != "kiwi"), r => Assert.False(r.Significant));
    }

    [Fact]
    public void Dispersion_IsGriessDP_AndTheRange()
    {
        // A holds 6 of 10 counted tokens (s = 0.6, 0.4). apfel 3 + 0: DP = ½(|1 − 0.6| + |0 − 0.4|) = 0.4;
        // kiwi 1 + 3: ½(|0.25 − 0.6| + |0.75 − 0.4|) = 0.35; birne 2 + 1: ½(|2/3 − 0.6| + |1/3 − 0.4|) = 0.067.
        var table = TokenTable.Of([Unit("a", "A", "apfel apfel apfel birne birne kiwi"), Unit("b", "B", "kiwi kiwi kiwi birne")], Plain);
        var rows = Dispersion.Of(table, u => u.DocumentId).ToDictionary(r => r.Term);
        Assert.Equal((3, 1, 2, 0.4), (rows["apfel"].N, rows["apfel"].Range, rows["apfel"].Parts, rows["apfel"].DP));
        Assert.Equal(0.35, rows["kiwi"].DP, 3);
        Assert.Equal(0.067, rows["birne"].DP, 3);
        Assert.Equal(2, rows["birne"].Range);
    }

    [Fact]
    public void PoissonRates_HaveGarwoodsExactIntervals()
    {
        // 10 events: the exact 95 % limits are 4.795 and 18.390 (Garwood 1936; the tables of every statistics text).
        var rate = Rates.Of(10, 10_000);
        Assert.Equal((10.0, 4.8, 18.4), (rate.Per10k, rate.Low, rate.High));
        // 0 events: the lower limit is 0, the upper 3.689.
        Assert.Equal((0.0, 3.7), (Rates.Of(0, 10_000).Low, Rates.Of(0, 10_000).High));
    }

    [Fact]
    public void TwoRates_AreComparedExactly_AsTheIssueComputedThem()
    {
        // The mention rates the inference issue checked by hand: 20 of 616 against 11 of 526 (p ≈ 0.28), and
        // 10 of 417 against 44 of 2,128 (p ≈ 0.71): no evidence of a difference in either.
        var first = Rates.Compare(20, 616, 11, 526);
        Assert.InRange(first.P, 0.25, 0.31);
        Assert.False(first.Differ);
        Assert.Equal("no evidence of a difference", first.Verdict);
        Assert.True(first.RatioLow < 1 && first.RatioHigh > 1);
        var second = Rates.Compare(10, 417, 44, 2_128);
        Assert.InRange(second.P, 0.66, 0.76);
        // A large difference is one: 40 of 1,000 against 5 of 1,000.
        Assert.True(Rates.Compare(40, 1_000, 5, 1_000).Differ);
        Assert.Equal("a significant difference", Rates.Compare(40, 1_000, 5, 1_000).Verdict);
    }
}
