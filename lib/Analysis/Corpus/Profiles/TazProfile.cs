using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Analysis;

/// <summary>
/// taz.de as saved from its text view: every line framed as a table row <c>| text | |</c>, hard-wrapped
/// at a fixed width, with Markdown-like headings and numbered link markers.
/// </summary>
public sealed partial class TazProfile : CleaningProfile
{
    public override string Name => "taz";

    public override string Description =>
        "Table frames '| … | |' stripped; '# taz.de -- Title' gives outlet and title; '> ' lines are the standfirst; " +
        "'Bild:' is a caption; '## …' are sub-headings; wrapped lines are joined (a paragraph ends where a line ends a " +
        "sentence and the next word would still have fit on it); a word split by a hyphen at a line end is joined; " +
        "link markers '[n][anchor]' keep the anchor; the date line and the LINKS, AUTOREN and TAGS blocks are metadata; " +
        "ARTIKEL ZUM THEMA is boilerplate.";

    private const string HeaderPrefix = "# taz.de -- ";

    private static readonly FrozenDictionary<string, (RemovalKind Kind, string Field)> TrailingSections =
        new Dictionary<string, (RemovalKind, string)>
        {
            ["LINKS"] = (RemovalKind.Metadata, "link"),
            ["AUTOREN"] = (RemovalKind.Metadata, "author"),
            ["TAGS"] = (RemovalKind.Metadata, "tag"),
            ["ARTIKEL ZUM THEMA"] = (RemovalKind.Boilerplate, "related"),
        }.ToFrozenDictionary();

    /// <summary>Words after which a line-final hyphen is a suspended compound ("Programmier- und"), not a split word.</summary>
    private static readonly FrozenSet<string> Conjunctions = FrozenSet.ToFrozenSet(["und", "oder", "bzw", "sowie", "als", "wie", "bis"]);

    [GeneratedRegex(@"^\| (?<c>.*?) ?\| \|\s*$")]
    private static partial Regex Frame();

    [GeneratedRegex(@"^\d{1,2} [A-Z][a-z]{2} \d{4}$")]
    private static partial Regex DateLine();

    [GeneratedRegex(@"\[\d+\]\[")]
    private static partial Regex LinkMarker();

    [GeneratedRegex(@"^\[(?<n>\d+)\]\s+(?<url>\S+)")]
    private static partial Regex LinkTarget();

    private sealed record Row(RawLine Line, TextSpan Content, string Text);

    private static IReadOnlyList<Row> Rows(string raw) =>
        Lines.Split(raw).Where(l => !l.IsBlank(raw)).Select(l =>
        {
            var m = Frame().Match(l.Text(raw));
            var content = m.Success
                ? new TextSpan(l.Start + m.Groups["c"].Index, l.Start + m.Groups["c"].Index + m.Groups["c"].Length)
                : new TextSpan(l.Start, l.End);
            return new Row(l, content, raw[content.Start..content.End].TrimEnd());
        }).ToList();

    internal override void Clean(string raw, DocumentDraft draft)
    {
        var rows = Rows(raw);
        var bodyRows = new List<Row>();
        var teaser = new List<Row>();
        string? section = null;
        var sectionStart = 0;
        // Wrap width: the longest body line; a paragraph break shows as a line that stops short of it.
        var width = rows.Max(r => r.Text.Length);

        void FlushBody()
        {
            var start = 0;
            var openLinks = 0;
            for (var i = 0; i < bodyRows.Count; i++)
            {
                // A paragraph never ends inside a link anchor: its closing bracket is still to come.
                openLinks += LinkMarker().Matches(bodyRows[i].Text).Count - LinkMarker().Replace(bodyRows[i].Text, "").Count(c => c == ']');
                var last = i == bodyRows.Count - 1 || (openLinks <= 0 && EndsParagraph(bodyRows[i].Text, bodyRows[i + 1].Text, width));
                if (!last) continue;
                draft.Paragraph(ParagraphKind.Body, new TextSpan(bodyRows[start].Content.Start, bodyRows[i].Content.End));
                start = i + 1;
            }
            bodyRows.Clear();
        }

        void FlushTeaser()
        {
            if (teaser.Count > 0) draft.Paragraph(ParagraphKind.Standfirst, new TextSpan(teaser[0].Content.Start, teaser[^1].Content.End));
            teaser.Clear();
        }

        void FlushSection(int end)
        {
            if (section is null) return;
            var (kind, _) = TrailingSections[section];
            draft.Remove(new TextSpan(sectionStart, end), kind, $"{section} block");
            section = null;
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            var text = row.Text;
            if (!text.StartsWith("> ", StringComparison.Ordinal)) FlushTeaser();

            if (text.StartsWith("## ", StringComparison.Ordinal))
            {
                FlushBody();
                var name = text[3..].Trim();
                if (TrailingSections.ContainsKey(name))
                {
                    FlushSection(rows[r - 1].Line.End);
                    section = name;
                    sectionStart = row.Line.Start;
                }
                else if (section is null)
                {
                    draft.Paragraph(ParagraphKind.Heading, new TextSpan(row.Content.Start + 3, row.Content.End));
                }
                continue;
            }
            if (section is not null)
            {
                var field = TrailingSections[section].Field;
                if (field == "link")
                {
                    var m = LinkTarget().Match(text);
                    if (m.Success) draft.Fact($"link {m.Groups["n"].Value}", m.Groups["url"].Value, Sub(row, m.Groups["url"]));
                }
                else if (field != "related")
                {
                    draft.Fact(field, text.Trim(), row.Content);
                }
                continue;
            }
            if (r == 0 && text.StartsWith(HeaderPrefix, StringComparison.Ordinal))
            {
                var title = new TextSpan(row.Content.Start + HeaderPrefix.Length, row.Content.End);
                draft.Fact("outlet", "taz", new TextSpan(row.Content.Start + 2, row.Content.Start + 5));
                draft.Fact("title", raw[title.Start..title.End].Trim(), title);
                draft.Remove(new TextSpan(row.Content.Start, title.Start), RemovalKind.Metadata, "header (outlet)");
                draft.Paragraph(ParagraphKind.Title, title);
            }
            else if (text.StartsWith("> ", StringComparison.Ordinal))
            {
                FlushBody();
                teaser.Add(row);
            }
            else if (text.StartsWith("Bild: ", StringComparison.Ordinal))
            {
                FlushBody();
                draft.Remove(new TextSpan(row.Content.Start, row.Content.Start + "Bild:".Length), RemovalKind.Metadata, "caption label");
                draft.Paragraph(ParagraphKind.Caption, new TextSpan(row.Content.Start + "Bild: ".Length, row.Content.End));
            }
            else if (DateLine().IsMatch(text.Trim()))
            {
                FlushBody();
                draft.Fact("published", GermanDates.Parse(text).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), row.Content);
                draft.Remove(Trimmed(raw, row.Content.Start, row.Content.End), RemovalKind.Metadata, "publication date");
            }
            else
            {
                bodyRows.Add(row);
            }
        }
        FlushTeaser();
        FlushBody();
        FlushSection(rows[^1].Line.End);
    }

    private static TextSpan Sub(Row row, Group g) => new(row.Content.Start + g.Index, row.Content.Start + g.Index + g.Length);

    /// <summary>A wrapped line ends its paragraph when it ends a sentence and the next line's first word would have fit on it.</summary>
    internal static bool EndsParagraph(string line, string next, int width)
    {
        var trimmed = line.TrimEnd();
        if (trimmed.Length == 0 || ".!?“”\"]:»«)".IndexOf(trimmed[^1]) < 0) return false;
        var firstWord = next.TrimStart().Split(' ', 2)[0];
        return trimmed.Length + 1 + firstWord.Length <= width;
    }

    /// <summary>
    /// Frames and '> ' markers stripped line by line; lines joined with a space, or without one where a word
    /// was split by a hyphen at the line end; link markers removed; white space collapsed; NFC.
    /// </summary>
    public override SourcedText Normalize(string raw, TextSpan span)
    {
        var builder = new SourcedText.Builder();
        foreach (var row in Rows(raw))
        {
            var start = Math.Max(row.Content.Start, span.Start);
            var end = Math.Min(row.Content.End, span.End);
            if (start >= end) continue;
            if (start == row.Content.Start && raw.AsSpan(start, end - start).StartsWith("> ")) start += 2;
            while (end > start && raw[end - 1] == ' ') end--;
            if (builder.Length > 0)
            {
                var prev = builder.Length >= 2 ? builder[builder.Length - 2] : ' ';
                var next = raw[start];
                if (builder[builder.Length - 1] == '-' && char.IsLetter(prev))
                {
                    var nextWord = new string(raw.AsSpan(start, end - start).ToArray().TakeWhile(char.IsLetter).ToArray());
                    if (char.IsLower(next) && !Conjunctions.Contains(nextWord)) builder.RemoveLast(); // split word: "Ent-" + "wicklung"
                    else if (!char.IsUpper(next)) builder.Append(' ', start - 1);                    // "Programmier- und"
                    // else a compound broken at its hyphen ("Tech-" + "Konzerne"): keep the hyphen, no space.
                }
                else
                {
                    builder.Append(' ', start - 1);
                }
            }
            builder.AppendRaw(raw, start, end);
        }
        var joined = builder.Build();
        return RemoveLinkMarkers(joined).CollapseWhiteSpace().NormalizeNfc();
    }

    /// <summary>"[1][anchor text]" becomes "anchor text": the marker and its closing bracket go, the anchor stays.</summary>
    private static SourcedText RemoveLinkMarkers(SourcedText text)
    {
        var ranges = new List<(int, int)>();
        foreach (Match m in LinkMarker().Matches(text.Text))
        {
            ranges.Add((m.Index, m.Length));
            var close = text.Text.IndexOf(']', m.Index + m.Length);
            if (close >= 0) ranges.Add((close, 1));
        }
        return ranges.Count == 0 ? text : text.Remove(ranges);
    }
}
