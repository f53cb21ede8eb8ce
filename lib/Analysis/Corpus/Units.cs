using System.Collections.Immutable;

namespace Analysis;

/// <summary>What a paragraph is within its document. Only <see cref="ParagraphKinds.TextKinds"/> enter analyses by default.</summary>
public enum ParagraphKind
{
    Title,
    Standfirst,
    Heading,
    Body,
    /// <summary>An image caption or credit.</summary>
    Caption,
    /// <summary>A highlighted quote that restates the body; counting it would count its words twice.</summary>
    PullQuote,
    /// <summary>A legal or advisory notice ("Hinweis: ... keine Anlageberatung").</summary>
    Disclaimer,
}

public static class ParagraphKinds
{
    /// <summary>Kinds that carry the author's running text: the default unit of every analysis.</summary>
    public static readonly ImmutableHashSet<ParagraphKind> TextKinds =
        [ParagraphKind.Title, ParagraphKind.Standfirst, ParagraphKind.Heading, ParagraphKind.Body];

    public static bool CountsAsText(this ParagraphKind kind) => TextKinds.Contains(kind);
}

/// <summary>A unit of text an analysis can count: a paragraph or a reader comment, traceable to its raw span.</summary>
public interface ITextUnit
{
    /// <summary>Stable id, e.g. <c>taz/p3</c> or <c>tkp/c4.1</c>.</summary>
    string Id { get; }
    string DocumentId { get; }
    string Text { get; }
    SourcedText Source { get; }
    /// <summary>The raw region the text was cleaned from; the profile's Normalize of it gives <see cref="Text"/> back.</summary>
    TextSpan Span { get; }
}

/// <summary>A paragraph. <see cref="Span"/> is the raw region it was cleaned from (markers included); <see cref="Source"/> maps each character.</summary>
public sealed record Paragraph(string Id, string DocumentId, int Index, ParagraphKind Kind, TextSpan Span, SourcedText Source) : ITextUnit
{
    public string Text => Source.Text;
}

/// <summary>A reader comment. <see cref="ReplyTo"/> is the id of the comment it answers, or null for a top-level comment.</summary>
public sealed record Comment(
    string Id,
    string DocumentId,
    int Index,
    string Author,
    DateTime Timestamp,
    string? ReplyTo,
    TextSpan Span,
    SourcedText Source) : ITextUnit
{
    public string Text => Source.Text;
    public bool IsReply => ReplyTo is not null;
}

public enum RemovalKind
{
    /// <summary>Facts about the document (title line, date, authors, links, tags): kept as metadata, not body.</summary>
    Metadata,
    /// <summary>Site chrome and repeated blocks that are not the author's text.</summary>
    Boilerplate,
}

/// <summary>A raw span the cleaner did not keep as text, with the rule that dropped it.</summary>
public sealed record RemovedSpan(TextSpan Span, RemovalKind Kind, string Reason, string Text);

/// <summary>A fact the cleaner read from the text itself (e.g. "published" = "2025-12-05"), with where it stands.</summary>
public sealed record MetadataFact(string Field, string Value, TextSpan Span);
