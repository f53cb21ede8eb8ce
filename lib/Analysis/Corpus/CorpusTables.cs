using Deedle;

namespace Analysis;

/// <summary>Overview tables of a loaded corpus, as Deedle frames indexed by document id.</summary>
public static class CorpusTables
{
    /// <summary>
    /// Words of a unit as every table counts them: the word tokens of the token table (<see cref="Text.TokenTable.Words"/>;
    /// numbers and URLs are not words), quoted words left out.
    /// </summary>
    private static Func<ITextUnit, int> WordCounter(Text.TokenTable table)
    {
        var index = Enumerable.Range(0, table.Units.Length).ToDictionary(i => table.Units[i].Id, i => i, StringComparer.Ordinal);
        return u => table.Words(index[u.Id]);
    }

    public sealed record DocumentRow(string Id, string Outlet, string Published, string Genre, string Title, int Paragraphs, int Words, int Comments, int CommentWords);

    /// <summary>One row per document: outlet, date, genre, title, paragraphs and words of the running text, comments.</summary>
    /// <summary>Each document's nearest others by tf-idf cosine (<see cref="Text.Similarity.Nearest"/>).</summary>
    public static Frame<int, string> Neighbours(IReadOnlyList<Text.Neighbour> neighbours) =>
        Frame.FromRecords(neighbours.Select(n => new { n.Document, n.Rank, n.Other, Cosine = Math.Round(n.Cosine, 3) }));

    /// <summary>Passages two documents share (<see cref="Text.TextReuse.Find"/>), with both raw offsets and the words.</summary>
    public static Frame<int, string> SharedPassages(IReadOnlyList<Text.SharedPassage> passages, int shownWords = PassageWordsShown) =>
        Frame.FromRecords(passages.Select(p => new { p.First, FirstStart = p.FirstSpan.Start, FirstEnd = p.FirstSpan.End, p.Second, SecondStart = p.SecondSpan.Start, SecondEnd = p.SecondSpan.End, p.Words, Text = EndsOf(p.Text, shownWords) }));

    /// <summary>Words of a shared passage a table shows: a copied article is thousands of words, and its offsets locate the whole.</summary>
    public const int PassageWordsShown = 40;

    /// <summary>The first and last halves of <paramref name="words"/> words of a longer text, joined by " … ".</summary>
    private static string EndsOf(string text, int words)
    {
        var parts = text.Split(' ');
        if (parts.Length <= words) return text;
        var half = Math.Max(1, words / 2);
        return $"{string.Join(' ', parts[..half])} … {string.Join(' ', parts[^half..])}";
    }

    /// <summary>Document pairs that share passages: how many, how many words, the share of each document, and whether one is a copy of the other.</summary>
    public static Frame<int, string> ReusePairs(IReadOnlyList<Text.ReusePair> pairs, double nearDuplicate = 0.8) =>
        Frame.FromRecords(pairs.Select(p => new { p.First, p.Second, p.Passages, p.SharedWords, ShareOfFirst = Math.Round(p.ShareOfFirst, 3), ShareOfSecond = Math.Round(p.ShareOfSecond, 3), NearDuplicate = p.NearDuplicate(nearDuplicate) }));

    public static Frame<int, string> Documents(Corpus corpus) => Frame.FromRecords(DocumentRows(corpus));

    /// <summary>The rows of <see cref="Documents"/>, for readings that cite them.</summary>
    public static IReadOnlyList<DocumentRow> DocumentRows(Corpus corpus)
    {
        var words = WordCounter(Text.TokenTable.Of(corpus));
        return [.. corpus.Documents.Select(d => new DocumentRow(
                d.Id,
                d.Info.Outlet ?? "",
                d.Info.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "",
                d.Info.Genre,
                d.Info.Title ?? "",
                d.Body.Count(),
                d.Body.Sum(words),
                d.Comments.Length,
                d.Comments.Sum(words)))];
    }

    public sealed record CleaningRow(string Id, int Raw, int Body, int Comments, int Metadata, int Boilerplate, int Other, double KeptShare);

    /// <summary>The cleaning report per document, in raw characters; KeptShare = (body + comments) / raw.</summary>
    public static Frame<int, string> Cleaning(Corpus corpus) => Frame.FromRecords(CleaningRows(corpus));

    /// <summary>The rows of <see cref="Cleaning"/>, for readings that cite them.</summary>
    public static IReadOnlyList<CleaningRow> CleaningRows(Corpus corpus) =>
        [.. corpus.Reports.Select(r => new CleaningRow(
                r.DocumentId, r.RawChars, r.BodyChars, r.CommentChars, r.MetadataChars, r.BoilerplateChars, r.OtherChars,
                Math.Round((double)(r.BodyChars + r.CommentChars) / r.RawChars, 3)))];

    public sealed record RemovedRow(string Document, int Start, int End, string Kind, string Reason, string Text);

    /// <summary>Every span the cleaners removed, with the rule and the text itself (first 80 characters), for auditing.</summary>
    public static Frame<int, string> Removed(Corpus corpus) =>
        Frame.FromRecords(corpus.Documents.SelectMany(d => d.Report.Removed.Select(r => new RemovedRow(
            d.Id, r.Span.Start, r.Span.End, r.Kind.ToString(), r.Reason, Shorten(r.Text, 80)))));

    public sealed record UnitRow(string Id, string Kind, int Start, int End, int Words, string Text);

    /// <summary>The paragraphs of one document with kind, raw span and words.</summary>
    public static Frame<int, string> Paragraphs(Document document)
    {
        var words = WordCounter(Text.TokenTable.Of(document.Paragraphs));
        return Frame.FromRecords(document.Paragraphs.Select(p => new UnitRow(p.Id, p.Kind.ToString(), p.Span.Start, p.Span.End, words(p), Shorten(p.Text, 80))));
    }

    public sealed record CommentRow(string Id, string Author, string Time, string ReplyTo, int Words, string Quotes, string Text);

    /// <summary>Every reader comment with author, time, what it replies to and what it quotes (quoted words are shown, not counted).</summary>
    public static Frame<int, string> Comments(Corpus corpus)
    {
        var table = Text.TokenTable.Of(corpus);
        var words = WordCounter(table);
        var quoted = table.Rows.Where(r => r.Kind == Text.TokenKind.Word && r.QuotedFrom is not null)
            .GroupBy(r => (r.Unit.Id, r.QuotedFrom!)).ToDictionary(g => g.Key, g => g.Count());
        return Frame.FromRecords(corpus.Comments.Select(c => new CommentRow(
                c.Id, c.Author, c.Timestamp.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), c.ReplyTo ?? "", words(c),
                string.Join(", ", c.Quotes.Select(q => q.From).Distinct().Select(from => $"{quoted.GetValueOrDefault((c.Id, from))} words of {from}")), Shorten(c.Text, 80))));
    }

    public sealed record AuthorRow(string Author, int Comments, int Words, double Share);

    /// <summary>
    /// The authors of a document's comments with their counted words, most words first (ties by name): how much of the
    /// comments' vocabulary a few writers carry. An empty author is "(no name)".
    /// </summary>
    public static IReadOnlyList<AuthorRow> CommentAuthors(Corpus corpus, string documentId)
    {
        var table = Text.TokenTable.Of(corpus);
        var rows = Enumerable.Range(0, table.Units.Length).Where(u => table.Units[u] is Comment c && c.DocumentId == documentId)
            .GroupBy(u => ((Comment)table.Units[u]).Author is { Length: > 0 } a ? a : "(no name)")
            .Select(g => (Author: g.Key, Comments: g.Count(), Words: g.Sum(table.Words))).ToList();
        var total = Math.Max(1, rows.Sum(r => r.Words));
        return [.. rows.OrderByDescending(r => r.Words).ThenBy(r => r.Author, StringComparer.Ordinal)
            .Select(r => new AuthorRow(r.Author, r.Comments, r.Words, Math.Round((double)r.Words / total, 4)))];
    }

    private static string Shorten(string text, int length)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= length ? flat : flat[..(length - 1)] + "…";
    }
}
