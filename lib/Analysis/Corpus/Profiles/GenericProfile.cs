using System.Globalization;
using System.Text.RegularExpressions;

namespace Analysis;

/// <summary>
/// For a plain text a user saved or pasted: header lines (<c>Titel:</c>, <c>URL:</c>, <c>Datum:</c> …) become
/// metadata, paragraphs are blocks between blank lines or, in a file without them, single lines (a line that
/// breaks mid-sentence is joined to the next), a line that repeats the headline or an earlier paragraph is
/// removed, and short lines of site chrome ("Anzeige", "Teilen", "Foto: …") are set aside. HTML files are read by
/// <see cref="HtmlProfile"/>.
/// </summary>
public sealed partial class GenericProfile : CleaningProfile
{
    public const string ProfileName = "generic";
    public override string Name => ProfileName;

    public override string Description =>
        "Leading 'Key: value' header lines (title, date, author, outlet, URL, …) are metadata; paragraphs are runs of lines between blank lines, " +
        "or single lines where the file has no blank lines (lines broken mid-sentence are joined); a short first line is the title, other short lines " +
        "without final punctuation are headings; a paragraph repeating the headline or an earlier paragraph is removed; lines of site chrome " +
        "(Anzeige, Werbung, Teilen, Drucken, Mehr zum Thema, Lesen Sie auch) are boilerplate, photo credits are captions; white space collapsed; Unicode NFC.";

    // Header keys as scrapers and people write them, mapped to manifest fields ("" = metadata kept, no field).
    private static readonly Dictionary<string, string> HeaderKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["title"] = "title", ["titel"] = "title", ["headline"] = "title", ["überschrift"] = "title",
        ["date"] = "published", ["datum"] = "published", ["published"] = "published", ["veröffentlicht"] = "published", ["erschienen"] = "published", ["pubdate"] = "published",
        ["author"] = "author", ["authors"] = "author", ["autor"] = "author", ["autorin"] = "author", ["autoren"] = "author", ["by"] = "author", ["von"] = "author",
        ["outlet"] = "outlet", ["source"] = "outlet", ["quelle"] = "outlet", ["medium"] = "outlet", ["publication"] = "outlet", ["zeitung"] = "outlet", ["site"] = "outlet", ["sitename"] = "outlet",
        ["url"] = "", ["link"] = "", ["section"] = "", ["rubrik"] = "", ["ressort"] = "", ["tags"] = "", ["keywords"] = "", ["schlagwörter"] = "", ["language"] = "", ["sprache"] = "",
        ["description"] = "", ["beschreibung"] = "", ["id"] = "", ["category"] = "", ["kategorie"] = "",
    };

    [GeneratedRegex(@"^\s*(?<key>[\p{L}][\p{L}\- ]{0,20}?)\s*:\s*(?<value>.*?)\s*$")]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"^(?:anzeige|werbung|teilen|drucken|kommentare|kommentieren|artikel teilen|mehr zum thema|lesen sie auch|auch interessant|zum thema|newsletter abonnieren|jetzt abonnieren|zur startseite|nach oben)\b.{0,60}$", RegexOptions.IgnoreCase)]
    private static partial Regex ChromeLine();

    [GeneratedRegex(@"^(?:foto|fotos|bild|bilder|grafik|quelle|credit|©)\s*[:©]|^©", RegexOptions.IgnoreCase)]
    private static partial Regex CreditLine();

    internal override void Clean(string raw, DocumentDraft draft)
    {
        var lines = Lines.Split(raw);
        var first = ReadHeader(raw, lines, draft, out var title);
        var body = lines.Skip(first).ToList();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        if (title is not null) seen[DuplicateKey(title)] = 0;
        var index = 0;
        foreach (var span in Paragraphs(raw, body))
        {
            var text = Normalize(raw, span).Text;
            var key = DuplicateKey(text);
            if (key.Length == 0) continue;
            if (seen.TryGetValue(key, out var earlier))
            {
                draft.Remove(span, RemovalKind.Boilerplate, earlier == 0 ? "repeats the headline" : $"repeats paragraph {earlier}");
                continue;
            }
            if (ChromeLine().IsMatch(text))
            {
                draft.Remove(span, RemovalKind.Boilerplate, "site chrome line");
                continue;
            }
            index++;
            seen[key] = index;
            var words = text.Split(' ').Length;
            var final = text[^1] is '.' or '!' or '?' or '…' or '"' or '“' or '«' or '»' or ':' or ')';
            var kind = CreditLine().IsMatch(text) ? ParagraphKind.Caption
                : index == 1 && title is null && words <= 25 && !final ? ParagraphKind.Title
                : words <= 12 && !final ? ParagraphKind.Heading
                : ParagraphKind.Body;
            if (kind == ParagraphKind.Title)
            {
                title = text;
                draft.Fact("title", text, span);
            }
            draft.Paragraph(kind, span);
        }
    }

    /// <summary>
    /// Reads "Key: value" lines at the top of the file; returns the index of the first body line. A line is a header
    /// only where one is plausible: at the top, with a known key, a short value that is not running text (no sentence
    /// end inside it, except for a description), and with a body after it: "Zeitung: Sechs Millionen Bürger betroffen.
    /// Washington – …" as the only line of a file is its text, not its outlet.
    /// </summary>
    private static int ReadHeader(string raw, IReadOnlyList<RawLine> lines, DocumentDraft draft, out string? title)
    {
        title = null;
        var header = new List<(RawLine Line, string Key, string Field, string Value)>();
        var i = 0;
        for (; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.IsBlank(raw)) continue;
            var m = HeaderLine().Match(line.Text(raw));
            if (!m.Success || !HeaderKeys.TryGetValue(m.Groups["key"].Value.Trim(), out var field)) break;
            var value = m.Groups["value"].Value;
            var prose = value.Length > 200 || field != "" && SentenceInside().IsMatch(value);
            if (prose) break;
            header.Add((line, m.Groups["key"].Value.Trim(), field, value));
        }
        // Never the only text of the file: a header needs a body below it.
        if (header.Count == 0 || !lines.Skip(i).Any(l => !l.IsBlank(raw))) return 0;
        foreach (var (line, key, field, value) in header)
        {
            var span = new TextSpan(line.Start, line.End);
            draft.Remove(span, RemovalKind.Metadata, $"header line '{key}:'");
            if (value.Length == 0 || field.Length == 0) continue;
            if (field == "published")
            {
                if (TryDate(value, out var date)) draft.Fact("published", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), span);
                continue;
            }
            if (field == "title") title = value;
            if (field == "author")
            {
                foreach (var author in value.Split([",", ";", " und ", " and ", " & "], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    draft.Fact("author", author, span);
                continue;
            }
            draft.Fact(field, value, span);
        }
        return i;
    }

    // A sentence end followed by more text: "betroffen. Washington – …".
    [GeneratedRegex(@"[.!?]\s+\p{Lu}\p{Ll}+\s+\S")]
    private static partial Regex SentenceInside();

    /// <summary>ISO dates and timestamps (2025-10-28, 2025-10-28T09:00:00Z) and the German forms <see cref="GermanDates"/> reads.</summary>
    internal static bool TryDate(string value, out DateOnly date)
    {
        value = value.Trim();
        if (value.Length >= 10 && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)) return true;
        return GermanDates.TryParse(value, out date);
    }

    /// <summary>
    /// Blocks between blank lines. A block whose lines are hard-wrapped (similar lengths up to a width of at most
    /// 100 characters) is one paragraph; otherwise each line is one, and a line that breaks mid-sentence (no final
    /// punctuation and a lower-case start of the next line, or a hyphen at its end) is joined to the next.
    /// </summary>
    private static IEnumerable<TextSpan> Paragraphs(string raw, List<RawLine> lines)
    {
        foreach (var block in Blocks(raw, lines))
        {
            if (block.Count == 1 || HardWrapped(raw, block))
            {
                yield return Trimmed(raw, block[0], block[^1]);
                continue;
            }
            var start = 0;
            for (var i = 0; i < block.Count; i++)
            {
                if (i + 1 < block.Count && Continues(block[i].Text(raw).TrimEnd(), block[i + 1].Text(raw).TrimStart())) continue;
                yield return Trimmed(raw, block[start], block[i]);
                start = i + 1;
            }
        }
    }

    // Words a German sentence does not end on: a line ending on one was broken mid-sentence.
    private static readonly HashSet<string> OpenEndings = new(StringComparer.OrdinalIgnoreCase)
    {
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "und", "oder", "aber", "sondern", "in", "im", "mit", "von",
        "vom", "zu", "zum", "zur", "für", "auf", "an", "am", "bei", "beim", "nach", "aus", "über", "unter", "vor", "um", "als", "wie", "dass", "weil", "wenn", "sich",
    };

    private static bool Continues(string line, string next)
    {
        if (line.Length == 0 || next.Length == 0) return false;
        if (line[^1] is ',' or ';' || line.Length > 1 && line[^1] == '-' && char.IsLetter(line[^2])) return true;
        if (".!?…:\"“”«»)".Contains(line[^1])) return false;
        return char.IsLower(next[0]) || OpenEndings.Contains(line[(line.LastIndexOf(' ') + 1)..]);
    }

    private static bool HardWrapped(string raw, List<RawLine> block)
    {
        if (block.Count < 3) return false;
        var lengths = block.Select(l => l.Text(raw).TrimEnd().Length).ToList();
        var width = lengths.Max();
        if (width > 100) return false;
        var full = lengths.Take(lengths.Count - 1).Count(l => l >= 0.6 * width);
        return full >= 0.8 * (lengths.Count - 1);
    }
}
