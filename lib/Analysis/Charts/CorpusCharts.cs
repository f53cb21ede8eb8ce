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
            ("body", r => r.BodyChars, "#4c72b0"),
            ("reader comments", r => r.CommentChars, "#55a868"),
            ("metadata", r => r.MetadataChars, "#8172b2"),
            ("boilerplate", r => r.BoilerplateChars, "#c44e52"),
            ("other (blank lines, frames, markers)", r => r.OtherChars, "#cccccc"),
        ];
        var bars = parts.Select(p => Chart.Bar<int, string, string>(
            values: reports.Select(p.Chars).ToArray(),
            Keys: ids,
            Name: p.Name,
            MarkerColor: Color.fromString(p.Colour)));
        return Chart.Combine(bars).Style(
            title: "What each raw file is made of (characters)",
            xTitle: "characters in the raw file",
            height: 380,
            barMode: "stack");
    }
}
