using System.Collections.Immutable;
using System.Globalization;

namespace Analysis;

/// <summary>
/// Documents put into a handful of groups for the charts and tables that have one panel or row per group: each
/// document on its own while there are few, otherwise a manifest field (outlet, genre, month, year), otherwise the
/// largest documents and the rest together. <see cref="Name"/> says which, for the notebook's prose.
/// </summary>
public sealed class Grouping
{
    private readonly ImmutableDictionary<string, string> _groupOf;

    private Grouping(string name, ImmutableDictionary<string, string> groupOf)
    {
        Name = name;
        _groupOf = groupOf;
    }

    /// <summary>"document", "outlet", "genre", "month", "year" or "largest documents".</summary>
    public string Name { get; }

    /// <summary>The groups, ordinal order.</summary>
    public IEnumerable<string> Groups => _groupOf.Values.Distinct().Order(StringComparer.Ordinal);

    public int Count => Groups.Count();

    /// <summary>The group of a document.</summary>
    public string Of(string documentId) => _groupOf[documentId];

    /// <summary>The group of a unit's document (for <c>TermCounts.Count(tokens, grouping.GroupOf)</c>).</summary>
    public string? GroupOf(ITextUnit unit) => _groupOf.GetValueOrDefault(unit.DocumentId);

    public static Grouping ByDocument(Corpus corpus) => new("document", corpus.Documents.ToImmutableDictionary(d => d.Id, d => d.Id));

    /// <summary>By a manifest field: "outlet", "genre", "month" (of the publication date) or "year"; documents without a value form "(none)".</summary>
    public static Grouping ByField(Corpus corpus, string field) => new(field, corpus.Documents.ToImmutableDictionary(d => d.Id, d => Field(d.Info, field) ?? "(none)"));

    private static readonly string[] Fields = ["outlet", "genre", "month", "year"];

    /// <summary>
    /// Each document while there are at most <paramref name="maxGroups"/>; else the first of outlet, genre, month and
    /// year that gives 2 to <paramref name="maxGroups"/> groups; else the <paramref name="maxGroups"/> − 1 documents with
    /// the most characters and "other documents".
    /// </summary>
    public static Grouping Choose(Corpus corpus, int maxGroups = 12)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxGroups, 2);
        if (corpus.Documents.Length <= maxGroups) return ByDocument(corpus);
        foreach (var field in Fields)
        {
            var grouping = ByField(corpus, field);
            if (grouping.Count is >= 2 && grouping.Count <= maxGroups) return grouping;
        }
        var largest = corpus.Documents.OrderByDescending(d => d.Body.Sum(p => p.Text.Length)).ThenBy(d => d.Id, StringComparer.Ordinal)
            .Take(maxGroups - 1).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        return new("largest documents", corpus.Documents.ToImmutableDictionary(d => d.Id, d => largest.Contains(d.Id) ? d.Id : "other documents"));
    }

    private static string? Field(DocumentInfo info, string field) => field switch
    {
        "outlet" => string.IsNullOrWhiteSpace(info.Outlet) ? null : info.Outlet,
        "genre" => string.IsNullOrWhiteSpace(info.Genre) ? null : info.Genre,
        "month" => info.Published?.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        "year" => info.Published?.ToString("yyyy", CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"Unknown field '{field}': use outlet, genre, month or year.", nameof(field)),
    };
}
