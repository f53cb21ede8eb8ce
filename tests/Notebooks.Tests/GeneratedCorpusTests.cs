using System.Text;
using System.Text.Json;
using Analysis;
using Notebooks.Engine;
using Notebooks.Nbformat;

namespace Notebooks.Tests;

/// <summary>
/// Nothing may assume five texts: every notebook runs on a generated corpus of 200 documents from 4 outlets, 3 genres and
/// 6 months, its paragraphs drawn (seeded) from the sentences of the shipped texts. Readings written for the shipped
/// texts are then stale, as they should be; what is asserted is that each notebook runs, stays small, and groups.
/// </summary>
public sealed class GeneratedCorpusTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "generated-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    private void Generate(int documents)
    {
        var shipped = Corpus.Load(ProjectPaths.Data).Where(d => d.Id is "kleine" or "taz" or "tkp" or "kettner" or "essay");
        var sentences = shipped.Documents.SelectMany(d => d.Body).SelectMany(p => Analysis.Text.Tokenizer.Sentences(p.Text)).Where(s => s.Length > 40).ToList();
        var random = new Random(7);
        string[] outlets = ["Tagblatt", "Rundschau", "Kurier", "Anzeiger"], genres = ["news report", "commentary", "essay"];
        var raw = Path.Combine(_root, "data", "raw");
        Directory.CreateDirectory(raw);
        var manifest = new List<Dictionary<string, object>>();
        for (var i = 0; i < documents; i++)
        {
            var paragraphs = Enumerable.Range(0, random.Next(2, 4)).Select(_ => string.Join(' ', Enumerable.Range(0, random.Next(2, 5)).Select(_ => sentences[random.Next(sentences.Count)])));
            var file = $"g{i:000}.txt";
            File.WriteAllText(Path.Combine(raw, file), string.Join("\n\n", paragraphs) + "\n", new UTF8Encoding(false));
            manifest.Add(new()
            {
                ["id"] = $"g{i:000}", ["file"] = file, ["outlet"] = outlets[i % outlets.Length], ["title"] = $"Artikel {i}",
                ["published"] = $"2025-{7 + i % 6:00}-{1 + i % 28:00}", ["authors"] = Array.Empty<string>(), ["genre"] = genres[i % genres.Length],
                ["language"] = "de", ["profile"] = "generic",
            });
        }
        File.WriteAllText(Path.Combine(_root, "data", "corpus.json"), JsonSerializer.Serialize(new { documents = manifest }));
        File.WriteAllText(Path.Combine(_root, "data", "figures.csv"), "id,document,quote,offset,value,unit,measure,period,entity,kind,note\n");
        File.WriteAllText(Path.Combine(_root, "data", "figures-ignored.csv"), "document,offset,text,reason\n");
        NotebookCopies.CopyNotebooks(_root);
    }

    [Fact]
    public async Task TwoHundredDocuments_RunThroughEveryNotebook_GroupedAndSmall()
    {
        Generate(200);
        var results = await NotebookCopies.RunAll(_root);
        foreach (var path in Directory.GetFiles(Path.Combine(_root, "notebooks"), "*.ipynb"))
            Assert.True(new FileInfo(path).Length < 1_000_000, $"{Path.GetFileName(path)} is {new FileInfo(path).Length:#,0} bytes");
        var terms = Readings.Claims(results["01-term-frequencies.ipynb"].Notebook);
        Assert.Equal("200", terms["documents"]);
        Assert.Equal("outlet", terms["grouping"]); // 4 outlets: the first field with 2 to 12 groups
        Assert.Equal("4", terms["groups"]);
        // The readings written for the five shipped texts no longer hold, and the run says so.
        Assert.Contains(results["00-corpus.ipynb"].Readings, r => r.Claim == "documents" && r.Computed == "200");
        var topics = Readings.Claims(results["02-topics.ipynb"].Notebook);
        Assert.True(int.Parse(topics["units"], System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture) > 300); // too many for one heatmap row each
    }
}
