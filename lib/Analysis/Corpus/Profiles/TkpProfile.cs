using System.Globalization;
using System.Text.RegularExpressions;

namespace Analysis;

/// <summary>
/// TKP as saved from the page: title, date line with reading time, body paragraphs, an image credit,
/// site boilerplate, then "N Kommentare" with numbered comments and "•" replies.
/// </summary>
public sealed partial class TkpProfile : CleaningProfile
{
    public override string Name => "tkp";

    public override string Description =>
        "First line is the title; 'DATEvon N Minuten Lesezeit' gives the date; blank-line paragraphs form the body " +
        "until the site's donation/Telegram lines; 'Bild …' is a caption; the titles between them and 'N Kommentare' " +
        "are related articles (boilerplate); comments are 'N. Author DATE um HH:MM Uhr - Antworten' with '•' replies " +
        "to the numbered comment above; 'Regeln für Kommentare' and 'Aktuelle Beiträge' are boilerplate.";

    [GeneratedRegex(@"^(?<date>\d{1,2}\.\s*\p{L}+\s+\d{4})\s*von\s+(?<read>.*Lesezeit)\s*$")]
    private static partial Regex DateLine();

    [GeneratedRegex(@"^\s*(?:(?<n>\d+)\.|(?<reply>•))\s+(?<author>.+?)\s+(?<date>\d{1,2}\.\s*\p{L}+\s+\d{4})\s+um\s+(?<h>\d{1,2}):(?<min>\d{2})\s+Uhr\s*-\s*Antworten\s*$")]
    internal static partial Regex CommentHeader();

    [GeneratedRegex(@"^(?<n>\d+)\s+Kommentare?\s*$")]
    private static partial Regex CommentCount();

    [GeneratedRegex(@"^(Unsere Arbeit ist spendenfinanziert|Folge TKP auf)")]
    private static partial Regex SiteBoilerplate();

    [GeneratedRegex(@"^(Regeln für Kommentare:|Aktuelle Beiträge\s*$)")]
    private static partial Regex CommentBoilerplate();

    private enum Part { Head, Body, Related, Comments }

    internal override void Clean(string raw, DocumentDraft draft)
    {
        var lines = Lines.Split(raw);
        var part = Part.Head;
        var blocks = Blocks(raw, lines);
        string? lastTopLevel = null;
        var replies = 0;
        (string Key, string Author, DateTime Time, string? ReplyTo, int Start, int End)? open = null;

        void CloseComment()
        {
            if (open is { } c && c.End > c.Start) draft.Comment(c.Key, c.Author, c.Time, c.ReplyTo, Trimmed(raw, c.Start, c.End));
            open = null;
        }

        foreach (var block in blocks)
        {
            var text = block[0].Text(raw).Trim();
            var span = Trimmed(raw, block[0], block[^1]);
            if (part == Part.Head)
            {
                draft.Fact("title", text, span);
                draft.Paragraph(ParagraphKind.Title, span);
                part = Part.Body;
                continue;
            }
            if (part == Part.Body)
            {
                var date = DateLine().Match(text);
                if (date.Success)
                {
                    var d = date.Groups["date"];
                    draft.Fact("published", GermanDates.Parse(d.Value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Trimmed(raw, block[0].Start + d.Index, block[0].Start + d.Index + d.Length));
                    draft.Remove(span, RemovalKind.Metadata, "date and reading time");
                }
                else if (SiteBoilerplate().IsMatch(text))
                {
                    draft.Remove(span, RemovalKind.Boilerplate, "donation and social-media lines");
                    part = Part.Related;
                }
                else if (text.StartsWith("Bild ", StringComparison.Ordinal))
                {
                    draft.Paragraph(ParagraphKind.Caption, span);
                }
                else
                {
                    draft.Paragraph(ParagraphKind.Body, span);
                }
                continue;
            }
            if (part == Part.Related)
            {
                var count = CommentCount().Match(text);
                if (count.Success)
                {
                    draft.Fact("declared comments", count.Groups["n"].Value, span);
                    draft.Remove(span, RemovalKind.Metadata, "comment count");
                    part = Part.Comments;
                }
                else
                {
                    draft.Remove(span, RemovalKind.Boilerplate, SiteBoilerplate().IsMatch(text) ? "donation and social-media lines" : "related article titles");
                }
                continue;
            }
            // Comments: a block may hold a header, text lines, or both; walk its lines.
            foreach (var line in block)
            {
                var lineText = line.Text(raw);
                var header = CommentHeader().Match(lineText);
                if (header.Success)
                {
                    CloseComment();
                    var time = GermanDates.Parse(header.Groups["date"].Value).ToDateTime(new TimeOnly(
                        int.Parse(header.Groups["h"].Value, CultureInfo.InvariantCulture), int.Parse(header.Groups["min"].Value, CultureInfo.InvariantCulture)));
                    string key;
                    string? replyTo = null;
                    if (header.Groups["reply"].Success)
                    {
                        if (lastTopLevel is null) throw new FormatException($"Line {line.Number}: a reply ('•') before any numbered comment.");
                        replyTo = lastTopLevel;
                        key = $"{lastTopLevel}.{++replies}";
                    }
                    else
                    {
                        key = header.Groups["n"].Value;
                        lastTopLevel = key;
                        replies = 0;
                    }
                    open = (key, header.Groups["author"].Value.Trim(), time, replyTo, line.End, line.End);
                    draft.Remove(Trimmed(raw, line, line), RemovalKind.Metadata, "comment header (author, time)");
                }
                else if (CommentBoilerplate().IsMatch(lineText.Trim()))
                {
                    CloseComment();
                    draft.Remove(Trimmed(raw, line, line), RemovalKind.Boilerplate, lineText.TrimStart().StartsWith("Regeln", StringComparison.Ordinal) ? "comment rules" : "site navigation");
                }
                else if (open is { } c)
                {
                    open = c with { Start = c.Start == c.End && c.Start < line.Start ? line.Start : c.Start, End = line.End };
                }
                else
                {
                    draft.Remove(Trimmed(raw, line, line), RemovalKind.Boilerplate, "text outside any comment");
                }
            }
        }
        CloseComment();
    }
}
