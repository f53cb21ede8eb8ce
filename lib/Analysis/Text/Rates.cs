using MathNet.Numerics.Distributions;

namespace Analysis.Text;

/// <summary>A rate per 10,000 words with its exact (Poisson) 95 % interval.</summary>
public sealed record Rate(int N, int Words, double Per10k, double Low, double High);

/// <summary>Two rates compared: the ratio of the first to the second, its exact interval, and the two-sided p-value.</summary>
public sealed record RateComparison(Rate First, Rate Second, double Ratio, double RatioLow, double RatioHigh, double P)
{
    /// <summary>Whether the rates differ at the 5 % level (the interval of the ratio excludes 1).</summary>
    public bool Differ => P < 0.05;

    /// <summary>The reading a notebook may state: "a significant difference", or "no evidence of a difference".</summary>
    public string Verdict => Differ ? "a significant difference" : "no evidence of a difference";
}

/// <summary>Rates of counted events (mentions, terms) per 10,000 words, with exact intervals and tests.</summary>
public static class Rates
{
    /// <summary>
    /// The exact Poisson interval (Garwood 1936) of n events in <paramref name="words"/> words: χ²(α/2; 2n)/2 and
    /// χ²(1 − α/2; 2n + 2)/2 events, per 10,000 words.
    /// </summary>
    public static Rate Of(int n, int words, double level = 0.95)
    {
        if (words <= 0) return new Rate(n, words, 0, 0, 0);
        var alpha = 1 - level;
        var low = n == 0 ? 0 : ChiSquared.InvCDF(2 * n, alpha / 2) / 2;
        var high = ChiSquared.InvCDF(2 * n + 2, 1 - alpha / 2) / 2;
        double Per(double x) => Math.Round(10_000 * x / words, 1);
        return new Rate(n, words, Per(n), Per(low), Per(high));
    }

    /// <summary>
    /// Exact conditional test of two Poisson rates: given n1 + n2 events, n1 is binomial with p = w1 / (w1 + w2) when the
    /// rates are equal. Two-sided p-value: the probability of every split at most as likely as the one seen. The ratio's
    /// interval comes from the Clopper–Pearson interval of n1 / (n1 + n2).
    /// </summary>
    public static RateComparison Compare(int n1, int words1, int n2, int words2, double level = 0.95)
    {
        var (first, second) = (Of(n1, words1, level), Of(n2, words2, level));
        var n = n1 + n2;
        var share = (double)words1 / (words1 + words2);
        double p;
        if (n == 0) p = 1;
        else
        {
            var observed = Binomial.PMF(share, n, n1);
            p = Math.Min(1, Enumerable.Range(0, n + 1).Select(k => Binomial.PMF(share, n, k)).Where(x => x <= observed * (1 + 1e-7)).Sum());
        }
        var alpha = 1 - level;
        var lowShare = n1 == 0 ? 0 : Beta.InvCDF(n1, n - n1 + 1, alpha / 2);
        var highShare = n1 == n ? 1 : Beta.InvCDF(n1 + 1, n - n1, 1 - alpha / 2);
        double Ratio(double s) => s >= 1 ? double.PositiveInfinity : s / (1 - s) * words2 / words1;
        var ratio = n2 == 0 ? double.PositiveInfinity : (double)n1 / words1 / ((double)n2 / words2);
        return new RateComparison(first, second, ratio, n == 0 ? 0 : Ratio(lowShare), n == 0 ? double.PositiveInfinity : Ratio(highShare), p);
    }
}
