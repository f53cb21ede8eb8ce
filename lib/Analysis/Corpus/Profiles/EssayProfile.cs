using System.Text.RegularExpressions;

namespace Analysis;

/// <summary>
/// A magazine essay saved one paragraph per line: date line, standfirst, image caption, body with pull quotes,
/// closing author biographies.
/// </summary>
public sealed partial class EssayProfile : CleaningProfile
{
    public override string Name => "essay";

    public override string Description =>
        "One paragraph per line. A leading date line ('16. Juli 2025') is metadata; the next line is the standfirst and " +
        "the one after it the image caption. A paragraph that starts with » and ends with « and whose words stand in " +
        "another paragraph is a pull quote (kept, marked, not counted). Closing lines of the form 'Name Surname ist …' " +
        "are author biographies (metadata).";

    [GeneratedRegex(@"^(?<name>\p{Lu}\p{L}+(?: \p{Lu}\p{L}+){1,2}) ist ")]
    private static partial Regex Biography();

    [GeneratedRegex(@"\p{L}{4,}")]
    private static partial Regex Word();

    internal override void Clean(string raw, DocumentDraft draft)
    {
        var lines = Lines.Split(raw).Where(l => !l.IsBlank(raw)).ToList();
        var first = 0;
        if (lines.Count > 0 && GermanDates.TryParse(lines[0].Text(raw), out var date))
        {
            var span = Trimmed(raw, lines[0], lines[0]);
            draft.Fact("published", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), span);
            draft.Remove(span, RemovalKind.Metadata, "publication date");
            first = 1;
        }
        var last = lines.Count;
        while (last > first && Biography().Match(lines[last - 1].Text(raw)) is { Success: true }) last--;

        var texts = lines.Select(l => l.Text(raw)).ToList();
        for (var i = first; i < last; i++)
        {
            var span = Trimmed(raw, lines[i], lines[i]);
            var kind = (i - first) switch
            {
                0 => ParagraphKind.Standfirst,
                1 => ParagraphKind.Caption,
                _ => IsPullQuote(texts, i) ? ParagraphKind.PullQuote : ParagraphKind.Body,
            };
            draft.Paragraph(kind, span);
        }
        for (var i = last; i < lines.Count; i++)
        {
            var span = Trimmed(raw, lines[i], lines[i]);
            var name = Biography().Match(raw[span.Start..span.End]).Groups["name"];
            draft.Fact("author", name.Value, new TextSpan(span.Start + name.Index, span.Start + name.Index + name.Length));
            draft.Remove(span, RemovalKind.Metadata, "author biography");
        }
    }

    /// <summary>
    /// Framed in » … « and restating the body: at least 70% of its words (4+ letters) occur in one other paragraph.
    /// A quotation that merely opens and closes a paragraph does not restate anything and stays body text.
    /// </summary>
    internal static bool IsPullQuote(IReadOnlyList<string> paragraphs, int index)
    {
        var text = paragraphs[index].Trim();
        if (!text.StartsWith('»') || !text.EndsWith('«')) return false;
        var words = Word().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToHashSet();
        if (words.Count == 0) return false;
        return paragraphs.Where((_, i) => i != index).Any(other =>
        {
            var otherWords = Word().Matches(other).Select(m => m.Value.ToLowerInvariant()).ToHashSet();
            return words.Count(otherWords.Contains) >= 0.7 * words.Count;
        });
    }
}
