using System.Collections.Immutable;

namespace Analysis;

/// <summary>
/// Source-specific cleaning: decides which raw spans are paragraphs (and of which kind), comments,
/// metadata or boilerplate. Text is always made from a span by <see cref="Normalize"/>, so the stored text
/// of every unit can be recomputed from the raw file and its span.
/// </summary>
public abstract class CleaningProfile
{
    /// <summary>The name the manifest's <c>profile</c> field uses.</summary>
    public abstract string Name { get; }

    /// <summary>The rules, for the reader of a cleaning report.</summary>
    public abstract string Description { get; }

    /// <summary>
    /// The documented normalisation of a raw span: white space collapsed to single spaces, ends trimmed,
    /// Unicode NFC. Profiles whose sources carry markup inside the text (taz's table frames) add to it.
    /// </summary>
    public virtual SourcedText Normalize(string raw, TextSpan span) =>
        SourcedText.FromRaw(raw, span.Start, span.End).CollapseWhiteSpace().NormalizeNfc();

    internal abstract void Clean(string raw, DocumentDraft draft);

    /// <summary>The trimmed span of a run of lines (first non-blank character to last).</summary>
    protected static TextSpan Trimmed(string raw, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(raw[start])) start++;
        while (end > start && char.IsWhiteSpace(raw[end - 1])) end--;
        return new TextSpan(start, end);
    }

    protected static TextSpan Trimmed(string raw, RawLine first, RawLine last) => Trimmed(raw, first.Start, last.End);

    /// <summary>What two paragraphs share when one repeats the other: their letters and digits, lower case.</summary>
    protected static string DuplicateKey(string text) => new([.. text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

    /// <summary>Runs of non-blank lines, separated by blank lines.</summary>
    protected static List<List<RawLine>> Blocks(string raw, IEnumerable<RawLine> lines)
    {
        var blocks = new List<List<RawLine>>();
        List<RawLine>? current = null;
        foreach (var line in lines)
        {
            if (line.IsBlank(raw)) { current = null; continue; }
            if (current is null) blocks.Add(current = []);
            current.Add(line);
        }
        return blocks;
    }
}

/// <summary>What a profile found, before ids are assigned.</summary>
internal sealed class DocumentDraft(string raw, CleaningProfile profile)
{
    public List<(ParagraphKind Kind, TextSpan Span, SourcedText Text)> Paragraphs { get; } = [];
    public List<(string Key, string Author, DateTime Timestamp, string? ReplyToKey, TextSpan Span, SourcedText Text)> Comments { get; } = [];
    public List<RemovedSpan> Removed { get; } = [];
    public List<MetadataFact> Facts { get; } = [];

    public void Paragraph(ParagraphKind kind, TextSpan span)
    {
        var text = profile.Normalize(raw, span);
        if (text.Length > 0) Paragraphs.Add((kind, span, text));
    }

    public void Comment(string key, string author, DateTime timestamp, string? replyToKey, TextSpan span) =>
        Comments.Add((key, author, timestamp, replyToKey, span, profile.Normalize(raw, span)));

    public void Remove(TextSpan span, RemovalKind kind, string reason)
    {
        if (span.Length > 0) Removed.Add(new RemovedSpan(span, kind, reason, raw[span.Start..span.End]));
    }

    public void Fact(string field, string value, TextSpan span) => Facts.Add(new MetadataFact(field, value, span));
}

/// <summary>The catalog of cleaning profiles, by manifest name.</summary>
public static class CleaningProfiles
{
    public static readonly ImmutableDictionary<string, CleaningProfile> All = new CleaningProfile[]
    {
        new GenericProfile(), new HtmlProfile(), new KleineZeitungProfile(), new TazProfile(), new TkpProfile(), new KettnerProfile(), new EssayProfile(),
    }.ToImmutableDictionary(p => p.Name, StringComparer.Ordinal);

    public static CleaningProfile Generic => All[GenericProfile.ProfileName];

    public static bool TryGet(string name, out CleaningProfile profile) => All.TryGetValue(name, out profile!);
}
