using System.Security.Cryptography;
using System.Text;

namespace Analysis.Tests;

public class CorpusAddTests
{
    private const string Scraped = """
        URL: https://www.example.de/wirtschaft/amazon-100.html
        Titel: Amazon streicht weitere Bürojobs
        Datum: 29.01.2026
        Quelle: Beispiel-Kurier
        Autor: Lena Hofmann

        Der Konzern baut weltweit 16 000 Stellen ab.
        Betroffen sind vor allem Mitarbeitende in der Verwaltung.
        """;

    private static string Snapshot(string directory) => string.Join("\n", Directory.GetFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
        .Select(f => $"{Path.GetRelativePath(directory, f)} {Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))}"));

    [Fact]
    public void Add_CopiesTheFiles_FillsTheManifestFromWhatTheySay_AndTheCorpusLoadsThem()
    {
        using var data = TempData.CopyOf(ProjectPaths.Data);
        var before = File.ReadAllText(Path.Combine(data.Directory, "corpus.json"));
        var txt = data.Outside("amazon.txt", Scraped);
        var html = data.Outside("seite.html", """<!DOCTYPE html><html><head><meta property="og:title" content="KI ersetzt Büroarbeit"><meta property="og:site_name" content="Testblatt"></head><body><article><h1>KI ersetzt Büroarbeit</h1><p>Amazon investiert 118 Mrd. $ in KI.</p></article></body></html>""");

        var added = CorpusFiles.Add(data.Directory, [txt, html], new AddOptions { Genre = "news report" });

        Assert.Equal(["amazon-streicht-weitere-buerojobs", "ki-ersetzt-bueroarbeit"], added.Select(a => a.Info.Id));
        var first = added[0].Info;
        Assert.Equal(("Amazon streicht weitere Bürojobs", "Beispiel-Kurier", new DateOnly(2026, 1, 29), "Lena Hofmann", "news report"), (first.Title, first.Outlet, first.Published, first.Authors.Single(), first.Genre));
        Assert.Equal(("Testblatt", (DateOnly?)null), (added[1].Info.Outlet, added[1].Info.Published));
        Assert.EndsWith(".html", added[1].Info.File);
        // The manifest keeps every existing entry as written; the new ones follow.
        var after = File.ReadAllText(Path.Combine(data.Directory, "corpus.json"));
        Assert.StartsWith(before[..before.LastIndexOf('}', before.LastIndexOf(']'))], after);
        var corpus = Corpus.Load(data.Directory);
        Assert.Equal(TestCorpus.Corpus.Documents.Length + 2, corpus.Documents.Length);
        Assert.Equal("Der Konzern baut weltweit 16 000 Stellen ab. Betroffen sind vor allem Mitarbeitende in der Verwaltung.",
            string.Join(" ", corpus["amazon-streicht-weitere-buerojobs"].Body.Select(p => p.Text)));
        // data/raw stays checksummed: the new files are in SHA256SUMS.
        var sums = File.ReadAllLines(Path.Combine(data.Directory, "raw", "SHA256SUMS"));
        Assert.Contains(sums, l => l.EndsWith("  " + first.File, StringComparison.Ordinal));
    }

    [Fact]
    public void Add_RepairsDoubleEncodedText_AndSaysSo()
    {
        using var data = TempData.CopyOf(ProjectPaths.Data);
        var file = data.Outside("kaputt.txt", "Titel: Kündigungen\n\nDie Zukunft fÃ¼r BeschÃ¤ftigte ist unsicher.\n");
        var added = Assert.Single(CorpusFiles.Add(data.Directory, [file]));
        Assert.Equal(2, added.RepairedSequences);
        Assert.Equal("Die Zukunft für Beschäftigte ist unsicher.", Corpus.Load(data.Directory)[added.Info.Id].Body.Single().Text);
    }

    [Theory]
    [InlineData("notutf8")]
    [InlineData("empty")]
    [InlineData("duplicate")]
    [InlineData("missing")]
    public void BadInput_NamesTheFile_AndNothingIsHalfAdded(string kind)
    {
        using var data = TempData.CopyOf(ProjectPaths.Data);
        var good = data.Outside("gut.txt", Scraped);
        var bad = kind switch
        {
            "notutf8" => WriteBytes(data, "latin1.txt", Encoding.Latin1.GetBytes("Größte Kündigungswelle")),
            "empty" => data.Outside("leer.txt", "Titel: Nichts\n\nAnzeige\n"),
            "duplicate" => WriteBytes(data, "kopie.txt", File.ReadAllBytes(Path.Combine(ProjectPaths.Raw, TestCorpus.Doc("taz").Info.File))),
            _ => Path.Combine(data.Directory, "incoming", "fehlt.txt"),
        };
        var before = Snapshot(data.Directory);
        var e = Assert.Throws<CorpusException>(() => CorpusFiles.Add(data.Directory, [good, bad]));
        Assert.Equal(bad, e.File);
        Assert.Contains(kind switch { "notutf8" => "not valid UTF-8 (byte offset 2)", "empty" => "body is empty", "duplicate" => "the same text as document 'taz'", _ => "not found" }, e.Message);
        Assert.Equal(before, Snapshot(data.Directory));
    }

    private static string WriteBytes(TempData data, string name, byte[] bytes)
    {
        var path = data.Outside(name, "");
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
