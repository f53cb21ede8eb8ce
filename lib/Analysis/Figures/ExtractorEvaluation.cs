using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Analysis.Figures;

/// <summary>An extracted quantity that is deliberately not a curated figure, with the reason (<c>data/figures-ignored.csv</c>).</summary>
public sealed record IgnoredMatch(string Document, int Offset, string Text, string Reason);

/// <summary>The extractor on one reviewed document: its curated figures, how many it found, and what else it extracted there.</summary>
public sealed record DocumentEvaluation(string Document, int Curated, int Found, int Ignored, int Unexplained)
{
    public double Recall => Curated == 0 ? 1 : (double)Found / Curated;
    public double Precision => Found + Ignored + Unexplained == 0 ? 1 : (double)Found / (Found + Ignored + Unexplained);
}

/// <summary>
/// The extractor against the reviewed figures. Precision and recall count only documents someone has reviewed (with a
/// figure in <c>figures.csv</c> or an ignored match): a new text's numbers are unreviewed, not wrong.
/// </summary>
public sealed record ExtractorEvaluation(
    ImmutableArray<(ReportedFigure ReportedFigure, NumberMatch Match)> Found,
    ImmutableArray<ReportedFigure> Missed,
    ImmutableArray<NumberMatch> Unexpected,
    ImmutableArray<(NumberMatch Match, IgnoredMatch Ignored)> Ignored,
    ImmutableArray<NumberMatch> NotQuantities)
{
    public const string IgnoredFileName = "figures-ignored.csv";

    /// <summary>Documents with a reviewed figure or an ignored match.</summary>
    public IReadOnlySet<string> Reviewed { get; } = Found.Select(f => f.ReportedFigure.Document).Concat(Missed.Select(f => f.Document)).Concat(Ignored.Select(i => i.Ignored.Document)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Quantities found in documents no one has reviewed yet: candidates, not errors.</summary>
    public int Unreviewed => Unexpected.Count(m => !Reviewed.Contains(m.Document));

    /// <summary>Extracted quantities in reviewed documents.</summary>
    public int Extracted => Found.Length + Unexpected.Length - Unreviewed + Ignored.Length;

    /// <summary>Curated figures the extractor found (value equal, span inside the quote) / all curated figures.</summary>
    public double Recall => Found.Length + Missed.Length == 0 ? 1 : (double)Found.Length / (Found.Length + Missed.Length);

    /// <summary>Extracted quantities of reviewed documents that are curated figures / all of them (ignored ones count against it).</summary>
    public double Precision => Extracted == 0 ? 1 : (double)Found.Length / Extracted;

    /// <summary>Precision and recall per reviewed document, in document order of first appearance.</summary>
    public IReadOnlyList<DocumentEvaluation> PerDocument =>
        [.. Reviewed.Order(StringComparer.Ordinal).Select(d => new DocumentEvaluation(d, Found.Count(f => f.ReportedFigure.Document == d) + Missed.Count(f => f.Document == d),
            Found.Count(f => f.ReportedFigure.Document == d), Ignored.Count(i => i.Match.Document == d), Unexpected.Count(m => m.Document == d)))];

    /// <summary>Of the figures found, how many got the curated unit.</summary>
    public double UnitAgreement => Found.Length == 0 ? 1 : (double)Found.Count(f => f.ReportedFigure.Unit == f.Match.Unit) / Found.Length;

    public static ExtractorEvaluation Evaluate(IReadOnlyList<ReportedFigure> figures, IReadOnlyList<NumberMatch> matches, IReadOnlyList<IgnoredMatch> ignored)
    {
        var quantities = matches.Where(m => m.Kind == MatchKind.Quantity).ToList();
        var found = new List<(ReportedFigure, NumberMatch)>();
        var used = new HashSet<NumberMatch>();
        foreach (var figure in figures)
        {
            var match = quantities.FirstOrDefault(m => !used.Contains(m) && m.Document == figure.Document && m.Span.Overlaps(figure.Span) && SameValue(m.Value, figure.Value));
            if (match is null) continue;
            used.Add(match);
            found.Add((figure, match));
        }
        var missed = figures.Where(f => found.All(x => x.Item1 != f)).ToImmutableArray();
        var rest = quantities.Where(m => !used.Contains(m)).ToList();
        // An ignored row names the match by where its quote starts; the quote may run past the number ("14.000 Stellen …").
        var ignoredPairs = rest.Select(m => (m, ignored.FirstOrDefault(g => g.Document == m.Document && g.Offset <= m.Span.Start && m.Span.Start < g.Offset + Math.Max(1, g.Text.Length))))
            .Where(p => p.Item2 is not null).Select(p => (p.m, p.Item2!)).ToImmutableArray();
        return new ExtractorEvaluation([.. found], missed, [.. rest.Where(m => ignoredPairs.All(p => p.m != m))], ignoredPairs,
            [.. matches.Where(m => m.Kind != MatchKind.Quantity)]);
    }

    private static bool SameValue(double a, double b) => Math.Abs(a - b) <= 1e-4 * Math.Max(1, Math.Abs(b));

    public static ImmutableArray<IgnoredMatch> LoadIgnored(string path)
    {
        var rows = Csv.Parse(File.ReadAllText(path, Encoding.UTF8));
        if (rows.Count == 0 || !rows[0].Fields.SequenceEqual(["document", "offset", "text", "reason"]))
            throw new FigureFormatException(path, 1, "header", "expected the columns document,offset,text,reason.");
        return [.. rows.Skip(1).Select(r =>
        {
            if (r.Fields.Count != 4) throw new FigureFormatException(path, r.Line, "row", $"{r.Fields.Count} fields, expected 4.");
            if (!int.TryParse(r.Fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
                throw new FigureFormatException(path, r.Line, "offset", $"'{r.Fields[1]}' is not a whole number.");
            if (string.IsNullOrWhiteSpace(r.Fields[3])) throw new FigureFormatException(path, r.Line, "reason", "every ignored match needs a reason.");
            return new IgnoredMatch(r.Fields[0], offset, r.Fields[2], r.Fields[3]);
        })];
    }

    public static ExtractorEvaluation ForCorpus(Corpus corpus) =>
        Evaluate(FigureData.Load(corpus), NumberExtractor.Extract(corpus), LoadIgnored(Path.Combine(corpus.DataDirectory, IgnoredFileName)));
}
