using System.Globalization;
using System.Text.RegularExpressions;

namespace Analysis;

/// <summary>
/// Kettner Edelmetalle's news page: a block of site chrome (hotline, customer count, badges, outlet, date,
/// time), the title, body paragraphs with short sub-headings, a "Hinweis" disclaimer, then newsletter,
/// consent and job blocks.
/// </summary>
public sealed partial class KettnerProfile : CleaningProfile
{
    public const string Outlet = "Kettner Edelmetalle";

    public override string Name => "kettner";

    public override string Description =>
        "The first block (up to the first blank line) is site chrome; its date (dd.MM.yyyy) and the outlet name are " +
        "metadata, the rest boilerplate. The next paragraph is the title. A one-line paragraph of at most 12 words that " +
        "does not end in '.' or ':' is a sub-heading. A paragraph starting 'Hinweis:' is the disclaimer; everything " +
        "after it (newsletter, consent, jobs) is boilerplate.";

    [GeneratedRegex(@"^\d{1,2}\.\d{1,2}\.\d{4}$")]
    private static partial Regex Date();

    [GeneratedRegex(@"^\d{1,2}:\d{2} Uhr$")]
    private static partial Regex Time();

    internal override void Clean(string raw, DocumentDraft draft)
    {
        var blocks = Blocks(raw, Lines.Split(raw));
        if (blocks.Count == 0) return;
        foreach (var line in blocks[0])
        {
            var text = line.Text(raw).Trim();
            var span = Trimmed(raw, line, line);
            if (Date().IsMatch(text))
            {
                draft.Fact("published", GermanDates.Parse(text).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), span);
                draft.Remove(span, RemovalKind.Metadata, "page date");
            }
            else if (text == Outlet)
            {
                draft.Fact("outlet", text, span);
                draft.Remove(span, RemovalKind.Metadata, "outlet name");
            }
            else
            {
                draft.Remove(span, RemovalKind.Boilerplate, Time().IsMatch(text) ? "page time" : "site chrome (hotline, customer count, shipping badge)");
            }
        }

        var afterDisclaimer = false;
        for (var b = 1; b < blocks.Count; b++)
        {
            var block = blocks[b];
            var span = Trimmed(raw, block[0], block[^1]);
            var text = raw[span.Start..span.End];
            if (afterDisclaimer)
            {
                draft.Remove(span, RemovalKind.Boilerplate, "newsletter, consent and job blocks");
            }
            else if (b == 1)
            {
                draft.Fact("title", text, span);
                draft.Paragraph(ParagraphKind.Title, span);
            }
            else if (text.StartsWith("Hinweis:", StringComparison.Ordinal))
            {
                draft.Paragraph(ParagraphKind.Disclaimer, span);
                afterDisclaimer = true;
            }
            else
            {
                draft.Paragraph(IsHeading(block, text) ? ParagraphKind.Heading : ParagraphKind.Body, span);
            }
        }
    }

    internal static bool IsHeading(IReadOnlyList<RawLine> block, string text) =>
        block.Count == 1 && !text.EndsWith('.') && !text.EndsWith(':') &&
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 12;
}
