using System.Collections.Immutable;

namespace Analysis;

/// <summary>
/// Where every raw character went. Body, comment, metadata and boilerplate are the raw characters inside
/// those spans; <see cref="OtherChars"/> is the rest: blank lines, table frames, link markers.
/// The five parts add up to <see cref="RawChars"/>.
/// </summary>
public sealed record CleaningReport(
    string DocumentId,
    int RawChars,
    int BodyChars,
    int CommentChars,
    int MetadataChars,
    int BoilerplateChars,
    ImmutableArray<RemovedSpan> Removed)
{
    public int OtherChars => RawChars - BodyChars - CommentChars - MetadataChars - BoilerplateChars;
}
