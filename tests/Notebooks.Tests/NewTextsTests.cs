using Analysis;
using Analysis.Figures;
using Notebooks.Engine;
using Notebooks.Nbformat;

namespace Notebooks.Tests;

/// <summary>
/// The rerun promise, end to end, as a user keeps it: four new articles added with <c>corpus add</c>, every notebook
/// rerun, the new numbers found, the readings the new texts make false reported, and a reviewed figure cross-checked.
/// </summary>
public sealed class NewTextsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "rerun-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    /// <summary>A copy of the repository's notebooks and of its shipped data (whatever a developer has added to data/).</summary>
    private string Repository()
    {
        var data = Path.Combine(_root, "data");
        NotebookCopies.CopyNotebooks(_root);
        Analysis.Testing.ShippedData.CopyTo(data);
        return data;
    }

    private Task<Dictionary<string, NotebookRunResult>> RunAll() => NotebookCopies.RunAll(_root);

    [Fact]
    public async Task FourNewArticles_RunThroughEveryNotebook_TheirNumbersAppear_AndStaleReadingsAreReported()
    {
        var data = Repository();
        var articles = Path.Combine(ProjectPaths.Root, "tests", "data", "new-articles");
        var added = CorpusFiles.Add(data, [.. new[] { "a-scraped.txt", "b-page.html", "c-lines.txt", "d-wrapped.txt" }.Select(f => Path.Combine(articles, f))],
            new AddOptions { Genre = "news report" });
        var scraped = added[0].Info.Id;

        var results = await RunAll();

        // Readings the new texts make false are reported with the stated and the computed value ...
        var readings = results.Values.SelectMany(r => r.Readings).ToList();
        Assert.Contains(readings, r => r.Notebook == "00-corpus.ipynb" && r.Claim == "documents" && r.Stated == "5" && r.Computed == "9");
        Assert.Contains(readings, r => r.Notebook == "03-reported-figures.ipynb" && r.Claim == "candidates" && r.Stated == "0");
        // ... and only those: a reported reading differs from what the run computed, or cites what this run no longer
        // computes (a topic of a K the sweep did not choose); no unbound number appears from new data.
        Assert.All(readings, r => Assert.True(r.Kind == ReadingProblemKind.Stale && r.Stated != r.Computed || r.Kind == ReadingProblemKind.UnknownClaim, r.ToString()));

        // The new texts' numbers are there, as unreviewed candidates, with what a reviewer needs.
        var candidates = Readings.Claims(results["03-reported-figures.ipynb"].Notebook)["candidates"];
        Assert.True(int.Parse(candidates, System.Globalization.CultureInfo.InvariantCulture) >= 36, $"{candidates} candidates");
        var table = string.Concat(results["03-reported-figures.ipynb"].Notebook.CodeCells.Single(c => c.Id == "candidates").Outputs.ToJsonString());
        Assert.Contains("1,56 Millionen Mitarbeitende", table);
        Assert.Contains(scraped, table);

        // Reviewed in bulk: the 1.56 million employees become a figure; as the largest whole workforce the texts give, it is
        // now the base of Kettner's share of "der gesamten Belegschaft" (it states no period, so no head count of its month meets it).
        var corpus = Corpus.Load(data);
        var review = FigureCandidates.WriteReview(corpus).Path;
        var lines = File.ReadAllLines(review).Select(l => l.Contains("1,56 Millionen Mitarbeitende", StringComparison.Ordinal) ? l + FigureCandidates.Accept : l).ToArray();
        File.WriteAllLines(review, lines);
        Assert.Equal(1, FigureCandidates.ApplyReview(corpus).Accepted);

        results = await RunAll();
        var checksTable = string.Concat(results["03-reported-figures.ipynb"].Notebook.CodeCells.Single(c => c.Id == "checks").Outputs.ToJsonString());
        Assert.Contains("30,000 / 1,560,000 = 1.9 %", checksTable);
        Assert.Contains(results["03-reported-figures.ipynb"].Readings, r => r.Claim == "figures" && r.Computed == "52");
    }

    [Fact]
    public async Task ACorpusOfOnlyNewTexts_WithNoReviewedFigures_RunsThroughEveryNotebook_AndReportsTheReadingsItMakesFalse()
    {
        // As a user who replaces the corpus: none of the shipped texts, no reviewed figures.
        var data = Repository();
        foreach (var file in Directory.GetFiles(Path.Combine(data, "raw"))) File.Delete(file);
        File.WriteAllText(Path.Combine(data, "corpus.json"), "{ \"documents\": [] }");
        File.WriteAllText(Path.Combine(data, "figures.csv"), string.Join(",", FigureData.Columns) + "\n");
        File.WriteAllText(Path.Combine(data, "figures-ignored.csv"), "document,offset,text,reason\n");
        var articles = Path.Combine(ProjectPaths.Root, "tests", "data", "new-articles");
        CorpusFiles.Add(data, [.. new[] { "a-scraped.txt", "b-page.html", "c-lines.txt", "d-wrapped.txt" }.Select(f => Path.Combine(articles, f))]);

        var results = await RunAll();

        var readings = results.Values.SelectMany(r => r.Readings).ToList();
        Assert.Contains(readings, r => r.Claim == "documents" && r.Computed == "4");
        Assert.Contains(readings, r => r.Claim == "commented" && r.Computed == "none");
        Assert.Contains(readings, r => r.Kind == ReadingProblemKind.UnknownClaim && r.Claim == "tkp-ai-2025");
        Assert.DoesNotContain(readings, r => r.Kind == ReadingProblemKind.UnboundNumber);
    }
}
