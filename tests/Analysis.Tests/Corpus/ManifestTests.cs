namespace Analysis.Tests;

public class ManifestTests
{
    [Fact]
    public void Manifest_AgreesWithWhatTheTextsThemselvesSay()
    {
        foreach (var doc in TestCorpus.Corpus.Documents)
        {
            var info = doc.Info;
            if (doc.Fact("title") is { } title) Assert.Equal(title, info.Title);
            if (doc.Fact("published") is { } published) Assert.Equal(published, info.Published?.ToString("yyyy-MM-dd"));
            if (doc.Fact("outlet") is { } outlet) Assert.Equal(outlet, info.Outlet);
            var authors = doc.Metadata.Where(m => m.Field == "author").Select(m => m.Value).ToList();
            Assert.Equal(authors, info.Authors);
        }
    }

    [Fact]
    public void Manifest_LeavesEmptyWhatTheTextDoesNotSay()
    {
        var kleine = TestCorpus.Doc("kleine").Info;
        Assert.Null(kleine.Title);
        Assert.Null(kleine.Published);
        Assert.Empty(kleine.Authors);
        Assert.Null(TestCorpus.Doc("essay").Info.Outlet);
        Assert.Null(TestCorpus.Doc("essay").Info.Title);
    }

    [Fact]
    public void Manifest_ReadsDatesAsIso8601()
    {
        Assert.Equal(new DateOnly(2025, 12, 5), TestCorpus.Doc("taz").Info.Published);
        Assert.Equal(new DateOnly(2025, 10, 28), TestCorpus.Doc("tkp").Info.Published);
        Assert.Equal(new DateOnly(2026, 1, 30), TestCorpus.Doc("kettner").Info.Published);
        Assert.Equal(new DateOnly(2025, 7, 16), TestCorpus.Doc("essay").Info.Published);
    }

    [Theory]
    [InlineData("28. Oktober 2025", 2025, 10, 28)]
    [InlineData("16. Juli 2025", 2025, 7, 16)]
    [InlineData("30.01.2026", 2026, 1, 30)]
    [InlineData("5 Dec 2025", 2025, 12, 5)]
    [InlineData("1. März 2024", 2024, 3, 1)]
    public void GermanDates_ParsesTheFormsTheCorpusUses(string text, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), GermanDates.Parse(text));

    [Theory]
    [InlineData("31. Februar 2025")]
    [InlineData("28. Oktobr 2025")]
    [InlineData("2025-10-28")]
    public void GermanDates_RejectsWhatIsNotADate(string text) => Assert.False(GermanDates.TryParse(text, out _));
}
