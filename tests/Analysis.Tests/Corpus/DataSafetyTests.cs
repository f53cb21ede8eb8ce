using System.Text;
using Analysis.Figures;

namespace Analysis.Tests;

/// <summary>What a careless or hostile user's data folder gets: one clear error naming file and field, and nothing lost.</summary>
public class DataSafetyTests
{
    private const string Text = "Titel: Ein Text\n\nAmazon streicht Stellen in der Verwaltung. Die Beschäftigten protestieren vor dem Werk.\n";

    [Fact]
    public void SeveralAddsAtOnce_KeepEveryDocument_HashAndNumber_ExactlyOnce()
    {
        using var data = new TempData().Entries();
        var files = Enumerable.Range(0, 6).Select(i => data.Outside($"t{i}.txt", $"Titel: Text {i}\n\nAmazon streicht {i} Stellen. Ein Satz mehr für Text {i}.\n")).ToList();
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = 6 }, f => CorpusFiles.Add(data.Directory, [f]));
        var manifest = Manifest.Read(Path.Combine(data.Directory, "corpus.json"));
        Assert.Equal(6, manifest.Length);
        Assert.Equal(6, manifest.Select(d => d.File[..3]).Distinct().Count());
        var sums = File.ReadAllLines(Path.Combine(data.Directory, "raw", CorpusFiles.ChecksumFile));
        Assert.Equal(manifest.Select(d => d.File).Order(StringComparer.Ordinal), sums.Select(l => l.Split("  ")[1]).Order(StringComparer.Ordinal));
        Assert.Equal(6, Corpus.Load(data.Directory).Documents.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(" kleine")]
    [InlineData("a/b")]
    [InlineData("tab\there")]
    public void AnIdTheManifestCouldNotRead_IsRefusedWhenWritten(string id)
    {
        using var data = new TempData().Entries();
        var e = Assert.Throws<CorpusException>(() => CorpusFiles.Add(data.Directory, [data.Outside("a.txt", Text)], new AddOptions { Id = id }));
        Assert.Equal("id", e.Field);
        Assert.Empty(Manifest.Read(Path.Combine(data.Directory, "corpus.json")));
    }

    [Theory]
    [InlineData("""[ { "id": "a" } ]""", "root")]
    [InlineData("""{ "documents": [5] }""", "documents[0]")]
    [InlineData("""{ "documents": [null] }""", "documents[0]")]
    [InlineData("""{ "documents": [ { "id": "a", "file": "/etc/passwd" } ] }""", "documents[0].file")]
    [InlineData("""{ "documents": [ { "id": "a", "file": "../../../etc/passwd" } ] }""", "documents[0].file")]
    [InlineData("""{ "documents": [ { "id": "a", "file": "/dev/zero" } ] }""", "documents[0].file")]
    public void AManifestOfTheWrongShape_OrWithAPathOutOfRaw_IsOneError(string json, string field)
    {
        using var data = new TempData().Manifest(json);
        var e = Assert.Throws<CorpusException>(() => Corpus.Load(data.Directory, strict: true));
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void ASymbolicLinkOutOfRaw_IsRefused()
    {
        using var data = new TempData().Entries(TempData.Entry("a", "a.txt"));
        var outside = data.Outside("secret.txt", Text);
        File.CreateSymbolicLink(Path.Combine(data.Directory, "raw", "a.txt"), outside);
        var e = Assert.Throws<CorpusException>(() => Corpus.Load(data.Directory, strict: true));
        Assert.Contains("outside data/raw/", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AChangedRawFile_IsFoundWhereTheCorpusIsLoaded_WithTheChecksumLine()
    {
        using var data = TempData.ShippedOnly();
        var kleine = Path.Combine(data.Directory, "raw", Manifest.Read(Path.Combine(data.Directory, "corpus.json")).Single(d => d.Id == "kleine").File);
        Assert.Empty(Corpus.Load(data.Directory).Unverified);
        File.WriteAllText(kleine, File.ReadAllText(kleine).Replace("14.000", "41.000", StringComparison.Ordinal));
        var e = Assert.Throws<CorpusException>(() => Corpus.Load(data.Directory, strict: true));
        Assert.Contains(CorpusFiles.ChecksumFile, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("line ", e.Field, StringComparison.Ordinal);
        Assert.Contains("has changed since it was added", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileTheChecksumsDoNotList_IsNamedAsUnverified()
    {
        using var data = new TempData().Entries(TempData.Entry("a", "a.txt")).Raw("a.txt", Text);
        Assert.Equal(["a.txt"], Corpus.Load(data.Directory).Unverified.ToArray());
    }

    [Theory]
    [InlineData("Die Kleine Zeitung erfindet hier etwas", 74, "quote")]
    [InlineData("rund 14.000 Arbeitsplätze in der Verwaltung", 999999, "quote")]
    public void AFigureWhoseQuoteIsNotAtItsOffset_StopsTheLoad_WithItsLine(string quote, int offset, string field)
    {
        using var data = TempData.ShippedOnly();
        var path = Path.Combine(data.Directory, FigureData.FileName);
        var lines = File.ReadAllLines(path).ToList();
        lines.Add($"forged,kleine,{quote},{offset},41000,,jobs,point,job cuts,,,Amazon,reported fact,");
        File.WriteAllLines(path, lines);
        var e = Assert.Throws<FigureFormatException>(() => FigureData.Load(Corpus.Load(data.Directory)));
        Assert.Equal((lines.Count, field), (e.Line, e.Field));
        lines[^1] = "forged,nobody,x,0,1,,jobs,point,job cuts,,,Amazon,reported fact,";
        File.WriteAllLines(path, lines);
        Assert.Equal("document", Assert.Throws<FigureFormatException>(() => FigureData.Load(Corpus.Load(data.Directory))).Field);
    }

    [Fact]
    public void ACrlfCopy_IsADuplicate_AndAFolderIsNamedAsAFolder()
    {
        using var data = new TempData().Entries();
        CorpusFiles.Add(data.Directory, [data.Outside("a.txt", Text)]);
        var copy = data.Outside("a-crlf.txt", "\uFEFF" + Text.Replace("\n", "\r\n", StringComparison.Ordinal));
        Assert.Contains("the same text as", Assert.Throws<CorpusException>(() => CorpusFiles.Add(data.Directory, [copy])).Message, StringComparison.Ordinal);
        var folder = Path.Combine(data.Directory, "incoming");
        Assert.Contains("is a folder", Assert.Throws<CorpusException>(() => CorpusFiles.Add(data.Directory, [folder])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ControlCharactersOfATitle_AreNotStored()
    {
        using var data = new TempData().Entries();
        var added = CorpusFiles.Add(data.Directory, [data.Outside("t.txt", "Titel: Böse\u001b[2J\u0007 Überschrift\n\nAmazon streicht Stellen. Ein zweiter Satz folgt hier.\n")]);
        Assert.Equal("Böse [2J Überschrift", added[0].Info.Title);
        Assert.DoesNotContain('\u001b', File.ReadAllText(Path.Combine(data.Directory, "corpus.json")));
    }
}

/// <summary>One bad file out of many does not stop the analysis of the rest.</summary>
public class LenientLoadTests
{
    private const string Good = "Amazon streicht Stellen in der Verwaltung. Die Beschäftigten protestieren vor dem Werk.\n";

    [Fact]
    public void ABadFile_IsSetAsideWithItsReason_AndTheOthersLoad_UnlessTheLoadIsStrict()
    {
        using var data = new TempData().Entries(TempData.Entry("good", "good.txt"), TempData.Entry("empty", "empty.txt"), TempData.Entry("gone", "gone.txt"), TempData.Entry("binary", "binary.txt"))
            .Raw("good.txt", Good).Raw("empty.txt", "   \n\n").RawBytes("binary.txt", [0xff, 0xfe, 0x00, 0x41]);
        var corpus = Corpus.Load(data.Directory);
        Assert.Equal(["good"], corpus.Documents.Select(d => d.Id));
        Assert.Equal(["empty", "gone", "binary"], corpus.NotLoaded.Select(n => n.Id));
        Assert.Contains("empty after cleaning", corpus.NotLoaded[0].Reason, StringComparison.Ordinal);
        Assert.Contains("not found", corpus.NotLoaded[1].Reason, StringComparison.Ordinal);
        Assert.Contains("UTF-8", corpus.NotLoaded[2].Reason, StringComparison.Ordinal);
        // Strict, by argument or by the manifest: the first bad file stops the load, as before.
        Assert.Equal("empty.body", Assert.Throws<CorpusException>(() => Corpus.Load(data.Directory, strict: true)).Field);
        data.Manifest($$"""{ "strict": true, "documents": [ {{TempData.Entry("good", "good.txt")}}, {{TempData.Entry("empty", "empty.txt")}} ] }""");
        Assert.Throws<CorpusException>(() => Corpus.Load(data.Directory));
    }

    [Fact]
    public void ACorpusOfWhichNothingLoads_StopsWithTheFirstReason()
    {
        using var data = new TempData().Entries(TempData.Entry("gone", "gone.txt"));
        Assert.Contains("none of the 1 documents", Assert.Throws<CorpusException>(() => Corpus.Load(data.Directory)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnArticleBeginningWithAKnownKey_IsNotTakenForAHeader_WhenItIsTheOnlyLine()
    {
        // One of 1,028 real Austrian news articles saved one per line (10kGNAD): "Zeitung" is a header key, but this is the text.
        const string line = "Zeitung: Sechs Millionen Bürger betroffen. Washington – Die Regierung hat am Montag neue Regeln für die Krankenversicherung vorgestellt.\n";
        using var data = new TempData().Entries(TempData.Entry("a", "a.txt")).Raw("a.txt", line);
        var document = Corpus.Load(data.Directory, strict: true)["a"];
        Assert.Null(document.Fact("outlet"));
        Assert.StartsWith("Zeitung: Sechs Millionen", document.BodyText, StringComparison.Ordinal);
        // With a body below it, a short header line still is one.
        using var headed = new TempData().Entries(TempData.Entry("b", "b.txt")).Raw("b.txt", "Zeitung: Der Standard\n\n" + Good);
        Assert.Equal("Der Standard", Corpus.Load(headed.Directory, strict: true)["b"].Fact("outlet"));
    }
}
