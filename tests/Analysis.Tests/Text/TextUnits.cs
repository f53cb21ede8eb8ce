using Analysis.Text;

namespace Analysis.Tests;

/// <summary>Units made from a string, for tests of the text measures.</summary>
internal static class TextUnits
{
    /// <summary>A body paragraph <paramref name="id"/> of document <paramref name="document"/> whose raw text is <paramref name="text"/>.</summary>
    public static ITextUnit Of(string id, string document, string text) =>
        new Paragraph(id, document, 1, ParagraphKind.Body, new TextSpan(0, text.Length), SourcedText.FromRaw(text, 0, text.Length));

    /// <summary>No stop words, no lemmas: counts of the words as written, for hand computations.</summary>
    public static readonly TermOptions Plain = TermOptions.Default with { StopWords = StopWords.None, Lemmatize = false };
}
