using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace Analysis;

/// <summary>Charts of the corpus itself: what each raw file is made of.</summary>
public static class CorpusCharts
{
    /// <summary>
    /// One horizontal stacked bar per document: raw characters that became body text, reader comments, metadata,
    /// boilerplate, and the rest (blank lines, frames, markers).
    /// </summary>
    public static GenericChart Composition(Corpus corpus)
    {
        var ids = corpus.Documents.Select(d => d.Id).Reverse().ToArray();
        var reports = corpus.Reports.Reverse().ToArray();
        (string Name, Func<CleaningReport, int> Chars, string Colour)[] parts =
        [
            ("body", r => r.BodyChars, ChartStyle.Colour(0)),
            ("reader comments", r => r.CommentChars, ChartStyle.Colour(2)),
            ("metadata", r => r.MetadataChars, ChartStyle.Colour(3)),
            ("boilerplate", r => r.BoilerplateChars, ChartStyle.Colour(1)),
            ("other (blank lines, frames, markers)", r => r.OtherChars, ChartStyle.Muted),
        ];
        var bars = parts.Select(p => Chart.Bar<int, string, string>(
            values: reports.Select(p.Chars).ToArray(),
            Keys: ids,
            Name: p.Name,
            MarkerColor: Color.fromString(p.Colour)));
        return Chart.Combine(bars).Style(
            title: "What each raw file is made of (characters)",
            xTitle: "characters in the raw file",
            yTitle: "document",
            height: 380,
            barMode: "stack");
    }
}
