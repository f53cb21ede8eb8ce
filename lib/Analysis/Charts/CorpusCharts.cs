using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace Analysis;

/// <summary>Charts of the corpus itself: what each raw file is made of.</summary>
public static class CorpusCharts
{
    /// <summary>
    /// One horizontal stacked bar per document (or per group of a <paramref name="grouping"/>, summed): raw characters that
    /// became body text, reader comments, metadata, boilerplate, and the rest (blank lines, frames, markers).
    /// </summary>
    public static GenericChart Composition(Corpus corpus, Grouping? grouping = null)
    {
        grouping ??= Grouping.ByDocument(corpus);
        var byGroup = corpus.Reports.GroupBy(r => grouping.Of(r.DocumentId)).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        // Documents in corpus order; groups in their own order.
        var ids = (grouping.Name == "document" ? corpus.Documents.Select(d => d.Id) : grouping.Groups).Reverse().ToArray();
        int Sum(string id, Func<CleaningReport, int> chars) => byGroup[id].Sum(chars);
        (string Name, Func<CleaningReport, int> Chars, string Colour)[] parts =
        [
            ("body", r => r.BodyChars, ChartStyle.Colour(0)),
            ("reader comments", r => r.CommentChars, ChartStyle.Colour(2)),
            ("metadata", r => r.MetadataChars, ChartStyle.Colour(3)),
            ("boilerplate", r => r.BoilerplateChars, ChartStyle.Colour(1)),
            ("other (blank lines, frames, markers)", r => r.OtherChars, ChartStyle.Muted),
        ];
        var bars = parts.Select(p => Chart.Bar<int, string, string>(
            values: ids.Select(id => Sum(id, p.Chars)).ToArray(),
            Keys: ids,
            Name: p.Name,
            MarkerColor: Color.fromString(p.Colour)));
        return Chart.Combine(bars).Style(
            title: grouping.Name == "document" ? "What each raw file is made of (characters)" : $"What the raw files are made of, by {grouping.Name} (characters)",
            xTitle: grouping.Name == "document" ? "characters in the raw file" : "characters in the raw files",
            yTitle: grouping.Name,
            height: Math.Max(380, 120 + 24 * ids.Length),
            barMode: "stack");
    }
}
