using System.Text.RegularExpressions;
using Deedle;

namespace Analysis;

/// <summary>Overview tables of a loaded corpus, as Deedle frames indexed by document id.</summary>
public static partial class CorpusTables
{
    /// <summary>
    /// A word here is a run of letters and digits, joined across inner hyphens, apostrophes and gender marks
    /// ("KI-Projekte", "Entwickler:innen" count once). The term pipeline tokenises more carefully; this is for overview.
    /// </summary>
    [GeneratedRegex(@"[\p{L}\p{N}]+(?:[-'’:*][\p{L}\p{N}]+)*")]
    private static partial Regex Word();

    public static int Words(string text) => Word().Count(text);

    public sealed record DocumentRow(string Id, string Outlet, string Published, string Genre, string Title, int Paragraphs, int Words, int Comments, int CommentWords);

    /// <summary>One row per document: outlet, date, genre, title, paragraphs and words of the running text, comments.</summary>
    public static Frame<int, string> Documents(Corpus corpus) => Frame.FromRecords(DocumentRows(corpus));

    /// <summary>The rows of <see cref="Documents"/>, for readings that cite them.</summary>
    public static IReadOnlyList<DocumentRow> DocumentRows(Corpus corpus) =>
        [.. corpus.Documents.Select(d => new DocumentRow(
                d.Id,
                d.Info.Outlet ?? "",
                d.Info.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "",
                d.Info.Genre,
                d.Info.Title ?? "",
                d.Body.Count(),
                d.Body.Sum(p => Words(p.Text)),
                d.Comments.Length,
                d.Comments.Sum(c => Words(c.Text))))];

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
    public static Frame<int, string> Paragraphs(Document document) =>
        Frame.FromRecords(document.Paragraphs.Select(p => new UnitRow(p.Id, p.Kind.ToString(), p.Span.Start, p.Span.End, Words(p.Text), Shorten(p.Text, 80))))
            ;

    public sealed record CommentRow(string Id, string Author, string Time, string ReplyTo, int Words, string Quotes, string Text);

    /// <summary>Every reader comment with author, time, what it replies to and what it quotes (quoted words are shown, not counted).</summary>
    public static Frame<int, string> Comments(Corpus corpus) =>
        Frame.FromRecords(corpus.Comments.Select(c => new CommentRow(
                c.Id, c.Author, c.Timestamp.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), c.ReplyTo ?? "", Words(c.Text),
                string.Join(", ", c.Quotes.Select(q => $"{Words(c.Text.Substring(q.Start, q.Length))} words of {q.From}")), Shorten(c.Text, 80))));

    private static string Shorten(string text, int length)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= length ? flat : flat[..(length - 1)] + "…";
    }
}
