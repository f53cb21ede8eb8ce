using System.Collections.Immutable;

namespace Analysis;

/// <summary>A loaded, cleaned document. <see cref="Raw"/> is the file as read; every unit points into it.</summary>
public sealed record Document(
    DocumentInfo Info,
    string Raw,
    ImmutableArray<Paragraph> Paragraphs,
    ImmutableArray<Comment> Comments,
    ImmutableArray<MetadataFact> Metadata,
    CleaningReport Report)
{
    public string Id => Info.Id;

    /// <summary>The profile that cleaned the text: the manifest's, or <c>html</c> for a web page under <c>generic</c>.</summary>
    public string Profile { get; init; } = Info.Profile;

    /// <summary>Paragraphs of the running text (title, standfirst, headings, body): no pull quotes, captions or notices.</summary>
    public IEnumerable<Paragraph> Body => Paragraphs.Where(p => p.Kind.CountsAsText());

    /// <summary>The running text as one string, paragraphs separated by blank lines.</summary>
    public string BodyText => string.Join("\n\n", Body.Select(p => p.Text));

    /// <summary>The value the cleaner read from the text for <paramref name="field"/>, or null.</summary>
    public string? Fact(string field) => Metadata.FirstOrDefault(m => m.Field == field)?.Value;
}
