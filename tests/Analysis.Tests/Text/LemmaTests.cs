using Analysis.Text;

namespace Analysis.Tests;

/// <summary>Keys through the public <see cref="TermPipeline.Key(string)"/>, on words as written.</summary>
public class LemmaTests
{
    private static readonly TermPipeline Pipeline = new();

    /// <summary>Pairs Snowball merges that mean different things; several were reported findings on the shipped texts.</summary>
    [Theory]
    [InlineData("fordern", "fördern")]
    [InlineData("Dienste", "dienen")]
    [InlineData("Länder", "landen")]
    [InlineData("Macht", "macht")]
    [InlineData("lieber", "Liebe")]
    [InlineData("Entwickler:innen", "Entwicklung")]
    [InlineData("Gewinner", "Gewinne")]
    [InlineData("Lage", "Lagern")]
    [InlineData("Text", "Texter")]
    [InlineData("außer", "außen")]
    [InlineData("bauen", "bäuerlich")]
    [InlineData("mehr", "mehrere")]
    [InlineData("Bereich", "bereichern")]
    [InlineData("Arbeit", "Arbeiter")]
    [InlineData("Politik", "Politiker")]
    [InlineData("gut", "Güter")]
    public void DifferentWords_StayApart(string a, string b) => Assert.NotEqual(Pipeline.Key(a), Pipeline.Key(b));

    [Theory]
    [InlineData("Konzern", "Konzerne", "Konzerns", "Konzernen")]
    [InlineData("Land", "Länder", "Landes", "Ländern")]
    [InlineData("Job", "Jobs")]
    [InlineData("Arbeitsplatz", "Arbeitsplätze", "Arbeitsplätzen", "Arbeitsplatzes")]
    [InlineData("Kollege", "Kollegen")]
    [InlineData("Mitarbeiter", "Mitarbeitern", "Mitarbeiters")]
    [InlineData("fordern", "fordert", "forderte", "forderten", "fordere")]
    [InlineData("Entwickler", "Entwickler:innen", "EntwicklerInnen", "Entwickler*innen")]
    [InlineData("Bürojob", "Bürojobs")]
    [InlineData("Büroarbeitsplatz", "Büroarbeitsplätze")]
    [InlineData("KI-Rechenzentrum", "KI-Rechenzentren")]
    [InlineData("schnell", "schneller", "schnellste")]
    public void FormsOfOneWord_Join(params string[] forms) => Assert.Single(forms.Select(Pipeline.Key).Distinct());

    [Fact]
    public void Keys_AreLemmas_AndTellHowTheyWereFound()
    {
        Assert.Equal(("Konzern", KeySource.Lexicon), Pipeline.Lookup("Konzerne"));
        Assert.Equal(("machen", KeySource.Lexicon), Pipeline.Lookup("macht"));
        Assert.Equal(("Stelle", KeySource.Lexicon), Pipeline.Lookup("Stellen"));  // the noun's plural, not the nominalised verb
        Assert.Equal(("stellen", KeySource.Lexicon), Pipeline.Lookup("stellen"));
        Assert.Equal(("Land", KeySource.Lexicon), Pipeline.Lookup("Landes"));     // an ending the lexicon does not list
        Assert.Equal(("Bürojob", KeySource.CompoundHead), Pipeline.Lookup("Bürojobs"));
        Assert.Equal(("groß", KeySource.Comparison), Pipeline.Lookup("größer"));
        Assert.Equal(("außer", KeySource.Unchanged), Pipeline.Lookup("außer"));
        Assert.Equal(("amazons", KeySource.Unchanged), Pipeline.Lookup("Amazons")); // no stem: a name the lexicon lacks stays as written
        Assert.Equal("cloud-sparte", Pipeline.Key("Cloud-Sparte")); // a noun head the lexicon lacks, not the verb form "sparte" (sparen)
        Assert.Equal(("groß", KeySource.Comparison), Pipeline.Lookup("größten"));
        Assert.Equal(("hoch", KeySource.Comparison), Pipeline.Lookup("höhere"));
        Assert.Equal("mehrere", Pipeline.Key("mehrere"));
        Assert.Equal("macht", new TermPipeline(TermOptions.Default with { Lemmatize = false }).Key("Macht"));
        // Inside a sentence a capitalised word is a noun: "Löhne" is wages (Lohn, a plural the lexicon lacks), not löhnen.
        Assert.Equal("Lohn", Pipeline.Key("Löhne", opensSentence: false));
        // A sentence-initial function word is not a compound of a short noun ("Stattd" + "Essen").
        Assert.Equal(Pipeline.Key("stattdessen"), Pipeline.Key("Stattdessen").ToLowerInvariant());
    }

    [Fact]
    public void OnTheShippedTexts_TheLexiconKnowsMostWords_AndTheReviewListsWhereItDisagreesWithSnowball()
    {
        var coverage = KeyReview.Coverage(TokenTable.Of(TestCorpus.Shipped)).ToDictionary(c => c.Source);
        // Counted words: 67 % are lexicon forms, 13 % compounds keyed by a lexicon head, 1 % comparisons (hand count on
        // the shipped texts); the rest are names, function words and words the lexicon lacks.
        Assert.True(coverage["Lexicon"].Share > 0.6, $"lexicon share {coverage["Lexicon"].Share}");
        Assert.True(coverage["Lexicon"].Share + coverage["CompoundHead"].Share + coverage["Comparison"].Share > 0.75);
        Assert.Equal(1.0, coverage.Values.Sum(c => c.Share), 3);

        var review = KeyReview.Disagreements(TermCounts.ByDocument(TestCorpus.Shipped, includeComments: true));
        // Konzern/Konzerne: Snowball stems them apart (konz, konzern), the lexicon joins them.
        Assert.Contains(review, d => d.Decision == "joined" && d.Forms.Contains("Konzerne → Konzern") && d.Forms.Contains("Konzern → Konzern"));
        // Arbeit/Arbeiter: Snowball merges them (arbeit), the lexicon keeps them apart.
        Assert.Contains(review, d => d.Decision == "kept apart" && d.Snowball == "arbeit" && d.Forms.Contains("Arbeiter → Arbeiter"));
    }

    [Fact]
    public void AMissingOrCorruptLexicon_IsNamedWithTheFix()
    {
        using var dir = new TempData();
        var missing = Assert.Throws<FileNotFoundException>(() => GermanLexicon.Load(dir.Directory));
        Assert.Contains("-dict-3.4.0.tgz", missing.Message);
        Assert.Contains("dotnet build", missing.Message);
        foreach (var package in GermanLexicon.Packages) File.WriteAllText(System.IO.Path.Combine(dir.Directory, package), "not a tarball");
        var corrupt = Assert.Throws<InvalidDataException>(() => GermanLexicon.Load(dir.Directory));
        Assert.Contains("-dict-3.4.0.tgz", corrupt.Message);
    }
}
