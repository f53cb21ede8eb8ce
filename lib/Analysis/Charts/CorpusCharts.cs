using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace Analysis;

/// <summary>Charts of the corpus itself: what each raw file is made of, and how alike the texts are.</summary>
public static class CorpusCharts
{
    /// <summary>Documents × documents, coloured by the cosine of their tf-idf vectors (<see cref="Text.Similarity.Matrix"/>), the value on hover.</summary>
    public static GenericChart Similarity(Text.TermCounts counts)
    {
        var (ids, m) = Text.Similarity.Matrix(counts);
        var z = Enumerable.Range(0, ids.Length).Select(i => Enumerable.Range(0, ids.Length).Select(j => Math.Round(m[i, j], 3)).ToArray()).ToArray();
        // The colours span the pairs, not the diagonal: a document is 1 with itself, which would leave every pair dark.
        var top = Enumerable.Range(0, ids.Length).SelectMany(i => Enumerable.Range(0, ids.Length).Where(j => j != i).Select(j => m[i, j])).DefaultIfEmpty(1).Max();
        var chart = Chart.Heatmap<double, string, string, string>(zData: z, X: ids.ToArray(), Y: ids.ToArray(), ColorScale: StyleParam.Colorscale.Viridis, ReverseYAxis: true);
        foreach (var trace in GenericChart.getTraces(chart))
        {
            trace.SetProperty("zmin", 0);
            trace.SetProperty("zmax", Math.Max(0.01, Math.Round(top, 3)));
        }
        return chart
            .Style("How alike the texts are: tf-idf cosine (diagonal = 1)", xTitle: "document", height: 160 + 40 * ids.Length, configure: layout =>
                layout.SetProperty("yaxis", new Dictionary<string, object> { ["autorange"] = "reversed", ["dtick"] = 1, ["title"] = new Dictionary<string, object> { ["text"] = "document" } }));
    }

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
