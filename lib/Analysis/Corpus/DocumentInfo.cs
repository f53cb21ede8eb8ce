using System.Collections.Immutable;

namespace Analysis;

/// <summary>
/// One manifest entry (<c>data/corpus.json</c>). Every value is taken from the text; a field the text
/// does not state is empty (null), never guessed.
/// </summary>
public sealed record DocumentInfo(
    string Id,
    string File,
    string? Outlet,
    string? Title,
    DateOnly? Published,
    ImmutableArray<string> Authors,
    string Genre,
    string Language,
    string Profile);
