using System.Text;
using Analysis.Figures;

namespace Analysis.Tests;

/// <summary>
/// Four invented articles with the traps of real reporting (tests/data/figure-articles), added to the shipped texts;
/// every guess of the review file accepted unchanged, only the empty required fields filled (fill.csv), as a hurried
/// user would. The verdicts must still be ones a careful reader signs.
/// </summary>
public class AcceptedGuessTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly string Folder = Path.Combine(ProjectPaths.Root, "tests", "data", "figure-articles");

    private static (IReadOnlyList<ReportedFigure> Figures, IReadOnlyList<CrossCheck> Checks, IReadOnlyList<CrossCheck> Shipped, Dictionary<string, string> Ids) AcceptEverything()
    {
        using var data = TempData.ShippedOnly();
        var shipped = CrossChecks.Run(FigureData.Load(Path.Combine(data.Directory, FigureData.FileName)), Corpus.Load(data.Directory));
        var added = CorpusFiles.Add(data.Directory, [.. Directory.GetFiles(Folder, "*.txt").Order(StringComparer.Ordinal)], new AddOptions { Genre = "news report" });
        var ids = added.ToDictionary(a => Path.GetFileName(a.Source), a => a.Info.Id);
        var corpus = Corpus.Load(data.Directory);
        var review = FigureCandidates.WriteReview(corpus);
        var fills = Csv.Parse(File.ReadAllText(Path.Combine(Folder, "fill.csv"), Encoding.UTF8)).Skip(1).Select(r => r.Fields).ToList();
        var rows = Csv.Parse(File.ReadAllText(review.Path, Encoding.UTF8));
        var columns = rows[0].Fields;
        int Column(string name) => columns.IndexOf(name);
        var text = new StringBuilder(Csv.Row(columns));
        var unfilled = new List<string>();
        foreach (var (_, f) in rows.Skip(1))
        {
            var fill = fills.FirstOrDefault(x => ids[x[0]] == f[Column("document")] && x[1] == f[Column("quote")]);
            foreach (var (field, at) in new[] { ("unit", 2), ("measure", 3), ("entity", 4) })
            {
                if (f[Column(field)].Length == 0 && fill is not null && fill[at].Length > 0) f[Column(field)] = fill[at];
                if (f[Column(field)].Length == 0) unfilled.Add($"{f[Column("document")]} „{f[Column("quote")]}“: {field}");
            }
            f[^1] = FigureCandidates.Accept;
            text.Append(Csv.Row(f));
        }
        Assert.True(unfilled.Count == 0, "fill.csv lacks: " + string.Join("; ", unfilled));
        File.WriteAllText(review.Path, text.ToString());
        FigureCandidates.ApplyReview(corpus);
        var figures = FigureData.Load(corpus);
        return (figures, CrossChecks.Run(figures, Corpus.Load(data.Directory)), shipped, ids);
    }

    private static readonly Lazy<(IReadOnlyList<ReportedFigure> Figures, IReadOnlyList<CrossCheck> Checks, IReadOnlyList<CrossCheck> Shipped, Dictionary<string, string> Ids)> Run = new(AcceptEverything);

    private static IEnumerable<ReportedFigure> In(CrossCheck check) => Run.Value.Figures.Where(f => check.Figures.Contains($"{f.Id} ({f.Document}: „{f.Quote}“)", StringComparison.Ordinal));

    private static ReportedFigure Figure(string file, string quote) => Assert.Single(Run.Value.Figures, f => f.Document == Run.Value.Ids[file] && f.Quote == quote);

    [Fact]
    public void NoDisagreement_ComparesDifferentPeriods_Modalities_Bounds_OrScopes()
    {
        foreach (var c in Run.Value.Checks) output.WriteLine($"{c.Verdict,-16} {c.Rule}: {c.Claim} || {c.Arithmetic}");
        foreach (var check in Run.Value.Checks.Where(c => c.Rule == "agreement" && c.Verdict == CrossChecks.Inconsistent))
        {
            var members = In(check).ToList();
            Assert.True(members.Count >= 2, check.Claim);
            Assert.Single(members.Select(f => (f.Period, f.Scope, Modalities.Class(f.Modality))).Distinct());
            Assert.DoesNotContain(members, f => f.Bound == Bound.UpTo || f.Modality == Modalities.Possibility);
            // Without a period, only statements of one publication month meet.
            if (members[0].Period.Length == 0) Assert.Contains("no period, published", check.Claim, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheDisagreements_AreTheShippedOnes_AndOneBetweenTextsThatStateTheSameThingDifferently()
    {
        static string Key(CrossCheck c) => c.Rule + "|" + (c.Claim.IndexOf(':') is var i and > 0 ? c.Claim[..i] : c.Claim);
        var shipped = Run.Value.Shipped.Where(c => c.Verdict == CrossChecks.Inconsistent).Select(Key).ToHashSet();
        var now = Run.Value.Checks.Where(c => c.Verdict == CrossChecks.Inconsistent).ToList();
        Assert.Equal(2, shipped.Count);
        Assert.Subset(now.Select(Key).ToHashSet(), shipped);
        // TKP: "in den USA 14.000 Jobs"; Rheinblick, two days later: "fallen 9.000 in den USA weg". The same cut, the same country.
        var us = Assert.Single(now, c => !shipped.Contains(Key(c)));
        Assert.Equal(new[] { "tkp-cuts-us", Figure("g-scope.txt", "9.000").Id }.Order(StringComparer.Ordinal), In(us).Select(f => f.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void APossibility_AndAnUpperBound_AreNeverADisagreement()
    {
        var possible = Figure("e-possible.txt", "30.000 Stellen");
        Assert.Equal(Modalities.Possibility, possible.Modality);
        Assert.DoesNotContain(Run.Value.Checks, c => c.Verdict == CrossChecks.Inconsistent && In(c).Contains(possible));
        Assert.Equal((Bound.Range, 10.0, 15.0, Modalities.Possibility), (Figure("f-bounds.txt", "10 und 15 Prozent").Bound, Figure("f-bounds.txt", "10 und 15 Prozent").Value,
            Figure("f-bounds.txt", "10 und 15 Prozent").High ?? 0, Figure("f-bounds.txt", "10 und 15 Prozent").Modality));
    }

    [Fact]
    public void AboveABound_IsConsistentWithIt_AndAPartOfTheWorldIsNotTheWorld()
    {
        // "rund 1,56 Millionen" (a day after) sits with "über 1,54 Millionen": 1.56 million is more than 1.54 million.
        var workforce = Assert.Single(Run.Value.Checks, c => c.Rule == "agreement" && c.Claim.StartsWith("workforce of Amazon, no period, published 2025-10", StringComparison.Ordinal) && c.Verdict == CrossChecks.Inconsistent);
        var side = workforce.Claim[(workforce.Claim.IndexOf(" against ", StringComparison.Ordinal) + 9)..];
        Assert.Contains("> 1,540,000", side, StringComparison.Ordinal);
        Assert.Contains("≈ 1,560,000", side, StringComparison.Ordinal);
        // 36,000 in Germany is no statement about the whole workforce.
        var germany = Assert.Single(Run.Value.Checks, c => c.Verdict == CrossChecks.NotComparable && c.Claim.Contains("36,000 (Deutschland)", StringComparison.Ordinal));
        Assert.Contains("scope", germany.Arithmetic, StringComparison.Ordinal);
        Assert.Equal("Deutschland, Verwaltung", Figure("g-scope.txt", "1.000 Arbeitsplätze").Scope);
    }

    [Fact]
    public void PeriodsComeFromTheText_AndAShareOfTheWholeWorkforce_IsMeasuredAgainstIt()
    {
        Assert.Equal("2026-01", Figure("f-bounds.txt", "16.000 Stellen").Period);          // "im Januar", published in February 2026
        Assert.Equal("2025-10", Figure("f-bounds.txt", "14.000 Jobs").Period);             // "im Oktober 2025"
        Assert.Equal("2026-01", Figure("h-periods.txt", "16.000 Arbeitsplätze").Period);   // "am Mittwoch", published 2026-01-31
        Assert.Equal("2025", Figure("h-periods.txt", "83 Milliarden Dollar").Period);      // "im vergangenen Jahr"
        Assert.Equal("2026", Figure("e-possible.txt", "125 Milliarden Dollar").Period);    // "im kommenden Jahr", published 2025
        Assert.Equal("", Figure("e-possible.txt", "1,56 Millionen Menschen").Period);      // no period in the text: none, whatever the date
        var share = Assert.Single(Run.Value.Checks, c => c.Rule == "share" && In(c).Contains(Figure("f-bounds.txt", "zwei Prozent der gesamten Belegschaft")));
        Assert.Equal(CrossChecks.Consistent, share.Verdict);
        Assert.Contains("whole workforce", share.Claim, StringComparison.Ordinal);
    }
}
