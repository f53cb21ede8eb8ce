using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Analysis.Figures;

/// <summary>An extracted quantity that is deliberately not a curated figure, with the reason (<c>data/figures-ignored.csv</c>).</summary>
public sealed record IgnoredMatch(string Document, int Offset, string Text, string Reason);

public sealed record ExtractorEvaluation(
    ImmutableArray<(ReportedFigure ReportedFigure, NumberMatch Match)> Found,
    ImmutableArray<ReportedFigure> Missed,
    ImmutableArray<NumberMatch> Unexpected,
    ImmutableArray<(NumberMatch Match, IgnoredMatch Ignored)> Ignored,
    ImmutableArray<NumberMatch> NotQuantities)
{
    public const string IgnoredFileName = "figures-ignored.csv";

    public int Extracted => Found.Length + Unexpected.Length + Ignored.Length;

    /// <summary>Curated figures the extractor found (value equal, span inside the quote) / all curated figures.</summary>
    public double Recall => Found.Length + Missed.Length == 0 ? 1 : (double)Found.Length / (Found.Length + Missed.Length);

    /// <summary>Extracted quantities that are curated figures / all extracted quantities (ignored ones count against it).</summary>
    public double Precision => Extracted == 0 ? 1 : (double)Found.Length / Extracted;

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
