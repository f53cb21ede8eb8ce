using System.Text;
using Analysis.Figures;
using Analysis.Text;

namespace Analysis.Tests;

/// <summary>
/// The voice marking against a hand annotation (tests/data/voices/gold.csv) of the shipped texts and three of the
/// invented articles: every direct quotation (a slogan and a two-word part of a longer quote included; scare quotes
/// and terms not) and every passage of reported speech, Konjunktiv II after a verb of saying included, by the start
/// and end of its words in the raw file. Scored word by word.
/// </summary>
public class VoiceTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private sealed record Gold(string Document, Voice Voice, int Start, int End, string Speaker);

    [Fact]
    public void OnAHandAnnotatedSample_QuotationsAndReportedSpeech_AreFoundWordByWord()
    {
        var (data, ids) = NewArticles.AddedToShipped();
        using (data)
        {
            var corpus = Corpus.Load(data.Directory);
            var rows = Csv.Parse(File.ReadAllText(Path.Combine(ProjectPaths.Root, "tests", "data", "voices", "gold.csv"), Encoding.UTF8)).Skip(1).Select(r => r.Fields).ToList();
            var gold = rows.Select(f =>
            {
                var document = ids.TryGetValue(f[0], out var id) ? id : f[0];
                var raw = corpus[document].Raw;
                var start = raw.IndexOf(f[2], StringComparison.Ordinal);
                Assert.True(start >= 0, $"{f[0]}: '{f[2]}' not in the raw text");
                var end = raw.IndexOf(f[3], start, StringComparison.Ordinal);
                Assert.True(end >= 0, $"{f[0]}: '{f[3]}' not after '{f[2]}'");
                return new Gold(document, f[1] == "quotation" ? Voice.Quotation : Voice.Reported, start, end + f[3].Length, f[4]);
            }).ToList();
            var documents = gold.Select(g => g.Document).ToHashSet(StringComparer.Ordinal);
            var table = TokenTable.Of(corpus).Where(u => documents.Contains(u.DocumentId));
            var spans = Voices.Find(table);
            var predicted = Voices.Of(table, spans);
            var counts = new Dictionary<(Voice Gold, Voice Predicted), int>();
            var i = 0;
            foreach (var row in table.Rows)
            {
                var p = predicted[i++];
                if (row.Kind != TokenKind.Word) continue;
                var raw = row.Raw;
                var g = gold.Where(x => x.Document == row.Unit.DocumentId && raw.Start >= x.Start && raw.Start < x.End).OrderBy(x => x.Voice == Voice.Quotation ? 0 : 1).Select(x => (Voice?)x.Voice).FirstOrDefault() ?? Voice.Author;
                counts[(g, p)] = counts.GetValueOrDefault((g, p)) + 1;
            }
            double Precision(Voice v) => (double)counts.GetValueOrDefault((v, v)) / Math.Max(1, counts.Where(c => c.Key.Predicted == v).Sum(c => c.Value));
            double Recall(Voice v) => (double)counts.GetValueOrDefault((v, v)) / Math.Max(1, counts.Where(c => c.Key.Gold == v).Sum(c => c.Value));
            // Speakers: of the gold quotations whose attribution names someone, how many get that name.
            var named = gold.Where(g => g.Voice == Voice.Quotation && g.Speaker.Length > 0).ToList();
            var speakers = named.Count(g => spans.Any(s => s.Voice == Voice.Quotation && s.Document == g.Document && s.Raw.Start < g.End && g.Start < s.Raw.End
                && s.Speaker.Contains(g.Speaker.Split(' ')[^1], StringComparison.OrdinalIgnoreCase)));
            foreach (var s in spans.Where(s => documents.Contains(s.Document))) output.WriteLine($"{s.Document} {s.Voice} [{s.Raw.Start}] «{s.Speaker}»: {s.Text}");
            output.WriteLine($"quotation: precision {Precision(Voice.Quotation):0.000}, recall {Recall(Voice.Quotation):0.000}; reported: precision {Precision(Voice.Reported):0.000}, recall {Recall(Voice.Reported):0.000}; " +
                $"speakers {speakers} of {named.Count}; words: {string.Join(", ", counts.OrderBy(c => c.Key.Gold).ThenBy(c => c.Key.Predicted).Select(c => $"{c.Key.Gold}→{c.Key.Predicted} {c.Value}"))}");
            Assert.True(Precision(Voice.Quotation) >= 0.95 && Recall(Voice.Quotation) >= 0.9, "quotations");
            Assert.True(Precision(Voice.Reported) >= 0.8 && Recall(Voice.Reported) >= 0.9, "reported speech");
        }
    }

    [Fact]
    public void CountingOnlyTheAuthorsWords_LeavesQuotationsOut()
    {
        var text = "Der Autor schreibt über Amazon. „Wir streichen sehr viele Stellen in der Verwaltung“, sagte Konzernchef Andy Jassy. Sie seien nötig, hieß es.";
        var table = TokenTable.Of([TextUnits.Of("d/p1", "d", text)], TextUnits.Plain);
        var spans = Voices.Find(table);
        var quote = Assert.Single(spans, s => s.Voice == Voice.Quotation);
        Assert.Equal("Konzernchef Andy Jassy", quote.Speaker);
        Assert.Equal("Sie seien nötig", Assert.Single(spans, s => s.Voice == Voice.Reported).Text);   // ", hieß es" is the attribution, not the claim
        var author = TermCounts.Count(Voices.Only(table, Voice.Author, spans), _ => "d").Rows.Select(r => r.Term).ToHashSet();
        Assert.Contains("autor", author);
        Assert.DoesNotContain("streichen", author);
        Assert.DoesNotContain("nötig", author);
    }
}
