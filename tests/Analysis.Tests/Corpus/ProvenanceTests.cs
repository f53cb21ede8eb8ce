namespace Analysis.Tests;

public class ProvenanceTests
{
    private static IEnumerable<(Document Doc, ITextUnit Unit)> AllUnits() =>
        TestCorpus.Corpus.Documents.SelectMany(d => d.Paragraphs.Cast<ITextUnit>().Concat(d.Comments).Select(u => (d, u)));

    [Fact]
    public void EverySpan_NormalisedByItsProfile_EqualsTheStoredText()
    {
        foreach (var (doc, unit) in AllUnits())
        {
            var profile = CleaningProfiles.All[doc.Profile];
            Assert.True(profile.Normalize(doc.Raw, unit.Span).Text == unit.Text, $"{unit.Id} does not round-trip from {unit.Span}");
        }
    }

    [Fact]
    public void EveryCharacter_PointsAtTheSameCharacterInTheRawFile_OrAtWhiteSpaceForAJoin()
    {
        foreach (var (doc, unit) in AllUnits())
            for (var i = 0; i < unit.Text.Length; i++)
            {
                var rawChar = doc.Raw[unit.Source.Offsets[i]];
                var ok = rawChar == unit.Text[i] || (unit.Text[i] == ' ' && char.IsWhiteSpace(rawChar));
                Assert.True(ok, $"{unit.Id}[{i}] = '{unit.Text[i]}' but raw[{unit.Source.Offsets[i]}] = '{rawChar}'");
            }
    }

    [Fact]
    public void AWordInCleanedText_TracesToItsRawOffset()
    {
        var doc = TestCorpus.Doc("taz");
        var unit = doc.Body.Single(p => p.Text.Contains("1.100", StringComparison.Ordinal));
        var at = unit.Text.IndexOf("1.100 Amazon-Beschäftigte", StringComparison.Ordinal);
        var span = unit.Source.SourceSpan(at, "1.100 Amazon-Beschäftigte".Length);
        Assert.Equal("1.100 Amazon-Beschäftigte", doc.Raw[span.Start..span.End]);
        Assert.Equal(doc.Raw.IndexOf("1.100 Amazon-Beschäftigte", StringComparison.Ordinal), span.Start);
    }

    [Fact]
    public void Spans_DoNotOverlap_AndTheReportAddsUpToTheRawLength()
    {
        foreach (var doc in TestCorpus.Corpus.Documents)
        {
            var spans = doc.Paragraphs.Select(p => (p.Span, p.Id))
                .Concat(doc.Comments.Select(c => (c.Span, c.Id)))
                .Concat(doc.Report.Removed.Select(r => (r.Span, r.Reason)))
                .OrderBy(s => s.Span.Start).ToList();
            for (var i = 1; i < spans.Count; i++)
                Assert.False(spans[i - 1].Span.Overlaps(spans[i].Span), $"{doc.Id}: {spans[i - 1]} overlaps {spans[i]}");
            var r = doc.Report;
            Assert.Equal(doc.Raw.Length, r.RawChars);
            Assert.True(r.OtherChars >= 0);
            Assert.Equal(r.RawChars, r.BodyChars + r.CommentChars + r.MetadataChars + r.BoilerplateChars + r.OtherChars);
        }
    }

    [Fact]
    public void WhatNoSpanCovers_IsOnlyWhiteSpaceAndMarkup()
    {
        foreach (var doc in TestCorpus.Corpus.Documents)
        {
            var covered = new bool[doc.Raw.Length];
            foreach (var span in doc.Paragraphs.Select(p => p.Span).Concat(doc.Comments.Select(c => c.Span)).Concat(doc.Report.Removed.Select(r => r.Span)))
                for (var i = span.Start; i < span.End; i++) covered[i] = true;
            var lost = Enumerable.Range(0, doc.Raw.Length).Where(i => !covered[i] && !char.IsWhiteSpace(doc.Raw[i]) && "|>#[]:".IndexOf(doc.Raw[i]) < 0 && !char.IsDigit(doc.Raw[i])).ToList();
            Assert.True(lost.Count == 0, $"{doc.Id}: text dropped without a record at offsets {string.Join(", ", lost.Take(10))}: '{(lost.Count > 0 ? doc.Raw.Substring(lost[0], Math.Min(40, doc.Raw.Length - lost[0])) : "")}'");
        }
    }
}

public class CommentAuthorTests
{
    [Fact]
    public void CommentAuthors_AddUpToTheCommentWords_AndListEveryAuthorOnce()
    {
        var corpus = TestCorpus.Shipped;
        var rows = CorpusTables.CommentAuthors(corpus, "tkp");
        var document = CorpusTables.DocumentRows(corpus).Single(d => d.Id == "tkp");
        Assert.Equal(document.CommentWords, rows.Sum(r => r.Words));
        Assert.Equal(corpus.Comments.Where(c => c.DocumentId == "tkp").Select(c => c.Author).Distinct().Count(), rows.Count);
        Assert.Equal(corpus.Comments.Count(c => c.DocumentId == "tkp"), rows.Sum(r => r.Comments));
        Assert.True(rows.Zip(rows.Skip(1)).All(p => p.First.Words >= p.Second.Words));
        Assert.Equal(1.0, rows.Sum(r => r.Share), 3);
        Assert.Empty(CorpusTables.CommentAuthors(corpus, "essay"));
    }
}
