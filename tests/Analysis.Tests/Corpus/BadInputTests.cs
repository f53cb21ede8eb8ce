using System.Text;

namespace Analysis.Tests;

public class BadInputTests
{
    [Fact]
    public void MissingFile_NamesTheFileAndField()
    {
        using var data = new TempData().Entries(TempData.Entry("gone", "missing.txt"));
        var e = Assert.Throws<CorpusException>(() => Corpus.Load(data.Directory, strict: true));
        Assert.EndsWith("missing.txt", e.File);
        Assert.Equal("gone.file", e.Field);
        Assert.Contains("not found", e.Message);
    }

    [Fact]
    public void InvalidUtf8_NamesTheFileAndOffset()
    {
        using var data = new TempData().RawBytes("latin1.txt", Encoding.Latin1.GetBytes("Größte Kündigungswelle")).Entries(TempData.Entry("l1", "latin1.txt"));
        var e = Assert.Throws<CorpusException>(() => Corpus.Load(data.Directory, strict: true));
        Assert.EndsWith("latin1.txt", e.File);
        Assert.Contains("not valid UTF-8 (byte offset 2)", e.Message);
    }

    [Fact]
    public void DuplicateId_NamesTheEntry()
    {
        using var data = new TempData().Raw("a.txt", "Text.").Entries(TempData.Entry("a", "a.txt"), TempData.Entry("a", "a.txt"));
        var e = Assert.Throws<CorpusException>(() => Corpus.Load(data.Directory, strict: true));
        Assert.Equal("documents[1].id", e.Field);
        Assert.Contains("duplicate id 'a'", e.Message);
    }

    [Fact]
    public void UnknownProfile_ListsTheKnownOnes()
    {
        using var data = new TempData().Raw("a.txt", "Text.").Entries(TempData.Entry("a", "a.txt", "spiegel"));
        var e = Assert.Throws<CorpusException>(() => Corpus.Load(data.Directory, strict: true));
        Assert.Equal("a.profile", e.Field);
        Assert.Contains("unknown profile 'spiegel'. Known: essay, generic, html, kettner, kleine-zeitung, taz, tkp.", e.Message);
    }

    [Fact]
    public void BodyEmptyAfterCleaning_NamesTheFile()
    {
        using var data = new TempData().Raw("empty.txt", "\n\n  \n").Entries(TempData.Entry("e", "empty.txt"));
        var e = Assert.Throws<CorpusException>(() => Corpus.Load(data.Directory, strict: true));
        Assert.EndsWith("empty.txt", e.File);
        Assert.Equal("e.body", e.Field);
    }

    [Fact]
    public void AFileTheProfileCannotRead_IsAnErrorNotAnEmptyDocument()
    {
        // Kettner's layout applied to a text with no chrome: the only block becomes the chrome, no body is left.
        using var data = new TempData().Raw("k.txt", "Nur ein Absatz.").Entries(TempData.Entry("k", "k.txt", "kettner"));
        var e = Assert.Throws<CorpusException>(() => Corpus.Load(data.Directory, strict: true));
        Assert.Equal("k.body", e.Field);
    }

    [Fact]
    public void MalformedManifest_NamesTheLine()
    {
        using var data = new TempData().Manifest("{ \"documents\": [\n { \"id\": \"a\", }\n ,, ]");
        var e = Assert.Throws<CorpusException>(() => Corpus.Load(data.Directory, strict: true));
        Assert.EndsWith("corpus.json", e.File);
        Assert.StartsWith("line ", e.Field);
    }

    [Fact]
    public void BadDate_NamesTheField()
    {
        using var data = new TempData().Raw("a.txt", "Text.").Manifest("""{ "documents": [ { "id": "a", "file": "a.txt", "published": "28.10.2025" } ] }""");
        var e = Assert.Throws<CorpusException>(() => Corpus.Load(data.Directory, strict: true));
        Assert.Equal("documents[0].published", e.Field);
    }

    [Fact]
    public void MissingManifest_NamesIt()
    {
        using var data = new TempData();
        var e = Assert.Throws<CorpusException>(() => Corpus.Load(data.Directory, strict: true));
        Assert.EndsWith("corpus.json", e.File);
    }
}

public class GenericProfileTests
{
    [Fact]
    public void ANewDocument_NeedsOnlyAFileAndAManifestEntry()
    {
        // "u" + combining diaeresis: NFC makes it "ü", which still points at the raw "u".
        var text = "Erster Absatz mit Zeilen-\numbruch.\n\n\nZweiter   Absatz\nvon Arbeiterinnen u\u0308ber KI.\n";
        using var data = new TempData().Raw("new.txt", text).Entries(TempData.Entry("new", "new.txt"));
        var doc = Corpus.Load(data.Directory)["new"];
        Assert.Equal(["Erster Absatz mit Zeilen- umbruch.", "Zweiter Absatz von Arbeiterinnen über KI."], doc.Paragraphs.Select(p => p.Text));
        var p2 = doc.Paragraphs[1];
        var ue = p2.Text.IndexOf('ü');
        Assert.Equal('u', text[p2.Source.Offsets[ue]]);
        Assert.Equal("new/p2", p2.Id);
    }
}
