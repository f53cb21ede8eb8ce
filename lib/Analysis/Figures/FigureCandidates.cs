using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Analysis.Figures;

/// <summary>
/// A quantity the extractor found that is neither a reviewed figure nor deliberately ignored: shown as unreviewed,
/// with guesses for what a reviewer fills in (unit, measure, entity, period).
/// </summary>
public sealed record FigureCandidate(string Document, string Quote, int Offset, double Value, string Unit, string Measure, string Entity, string Period, string Kind, string Sentence);

/// <summary>Finds unreviewed figures, and moves them through a review file into <c>figures.csv</c> or <c>figures-ignored.csv</c>.</summary>
public static partial class FigureCandidates
{
    public const string ReviewFileName = "figures-review.csv";

    /// <summary>What a reviewer writes in the review file's <c>decision</c> column.</summary>
    public const string Accept = "accept", IgnorePrefix = "ignore:";

    // Guesses of the measure from the sentence: (unit family, pattern, measure, whether its period is the publication month).
    private static readonly (string Family, Regex Pattern, string Measure, bool Flow)[] Guesses =
    [
        ("persons", new Regex(@"streich|abbau|abgebaut|baut\b.*\bab\b|entlass|kürz|wegfall|fallen\b.*\bweg|fielen\b.*\bweg|gestrichen|kündig|stellenabbau|freisetz", RegexOptions.IgnoreCase), "job cuts", true),
        ("persons", new Regex(@"beschäftig|belegschaft|mitarbeite|angestellt|arbeitet\b.*\bfür|arbeiten\b.*\bfür", RegexOptions.IgnoreCase), "workforce", false),
        ("money", new Regex(@"investi|ausgaben|steck", RegexOptions.IgnoreCase), "investment", true),
        ("money", new Regex(@"umsatz|erlös", RegexOptions.IgnoreCase), "revenue", true),
        ("money", new Regex(@"gewinn|ergebnis", RegexOptions.IgnoreCase), "profit", true),
        ("money", new Regex(@"lohn|löhne|gehalt|verdien|einkommen", RegexOptions.IgnoreCase), "pay", false),
    ];

    /// <summary>Candidates in the corpus's documents, given the reviewed figures and the ignored matches of its data folder.</summary>
    public static ImmutableArray<FigureCandidate> Find(Corpus corpus) =>
        Find(corpus, FigureData.Load(corpus), ExtractorEvaluation.LoadIgnored(Path.Combine(corpus.DataDirectory, ExtractorEvaluation.IgnoredFileName)));

    public static ImmutableArray<FigureCandidate> Find(Corpus corpus, IReadOnlyList<ReportedFigure> figures, IReadOnlyList<IgnoredMatch> ignored)
    {
        var evaluation = ExtractorEvaluation.Evaluate(figures, NumberExtractor.Extract(corpus), ignored);
        var entities = figures.Select(f => f.Entity).Where(e => e.Length > 1).Distinct(StringComparer.Ordinal).ToList();
        return [.. evaluation.Unexpected.Select(m => Candidate(corpus[m.Document], m, entities))];
    }

    private static FigureCandidate Candidate(Document document, NumberMatch match, List<string> entities)
    {
        var (quote, offset) = UniqueQuote(document.Raw, match.Span);
        var family = match.Unit is "jobs" or "employees" or "people" ? "persons" : match.Unit is "USD" or "EUR" or "CHF" or "GBP" ? "money" : match.Unit;
        var guess = Guesses.FirstOrDefault(g => g.Family == family && g.Pattern.IsMatch(match.Sentence));
        var entity = entities.Select(e => (Entity: e, At: Regex.Match(match.Sentence, $@"(?<!\p{{L}}){Regex.Escape(e)}(?!\p{{L}})")))
            .Where(x => x.At.Success).OrderBy(x => x.At.Index).Select(x => x.Entity).FirstOrDefault() ?? "";
        var period = guess.Flow && document.Info.Published is { } published ? published.ToString("yyyy-MM", CultureInfo.InvariantCulture) : "";
        var kind = match.UnitId.Contains("/c", StringComparison.Ordinal) ? "reader comment" : "reported fact";
        return new FigureCandidate(document.Id, quote, offset, match.Value, match.Unit, guess.Measure ?? "", entity, period, kind, match.Sentence);
    }

    /// <summary>The raw text of the match, extended word by word to the right (then the left) until it stands only once in the file.</summary>
    private static (string Quote, int Offset) UniqueQuote(string raw, TextSpan span)
    {
        var (start, end) = (span.Start, span.End);
        bool Unique() => raw.IndexOf(raw[start..end], StringComparison.Ordinal) == start && raw.IndexOf(raw[start..end], start + 1, StringComparison.Ordinal) < 0;
        while (!Unique() && end < raw.Length)
        {
            end++;
            while (end < raw.Length && !char.IsWhiteSpace(raw[end])) end++;
        }
        while (!Unique() && start > 0)
        {
            start--;
            while (start > 0 && !char.IsWhiteSpace(raw[start - 1])) start--;
        }
        return (raw[start..end], start);
    }

    /// <summary>
    /// Writes every candidate to <c>figures-review.csv</c> in the data folder, with the columns of <c>figures.csv</c> filled
    /// with the guesses and an empty <c>decision</c>: write <c>accept</c> (after correcting a guess where needed) or
    /// <c>ignore: reason</c>, then apply with <see cref="ApplyReview"/>. Returns the file's path.
    /// </summary>
    public static string WriteReview(Corpus corpus)
    {
        var candidates = Find(corpus);
        var ids = FigureData.Load(corpus).Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var text = new StringBuilder(string.Join(",", FigureData.Columns.Append("decision"))).Append('\n');
        foreach (var c in candidates)
        {
            var n = 1;
            while (!ids.Add($"{c.Document}-{n}")) n++;
            text.Append(Row([$"{c.Document}-{n}", c.Document, c.Quote, c.Offset.ToString(CultureInfo.InvariantCulture), c.Value.ToString("R", CultureInfo.InvariantCulture),
                c.Unit, c.Measure, c.Period, c.Entity, c.Kind, c.Sentence, ""]));
        }
        var path = Path.Combine(corpus.DataDirectory, ReviewFileName);
        AtomicFile.WriteAllText(path, text.ToString());
        return path;
    }

    /// <summary>What <see cref="ApplyReview"/> did.</summary>
    public sealed record ReviewResult(int Accepted, int Ignored, int Open);

    /// <summary>
    /// Moves the rows of the review file marked <c>accept</c> into <c>figures.csv</c> and those marked <c>ignore: reason</c> into
    /// <c>figures-ignored.csv</c>; undecided rows stay in the review file. Every row is checked first (unit, kind, value,
    /// that the quote stands at its offset): one bad row stops the whole call with its line and field, and nothing is written.
    /// </summary>
    public static ReviewResult ApplyReview(Corpus corpus)
    {
        var path = Path.Combine(corpus.DataDirectory, ReviewFileName);
        if (!File.Exists(path)) throw new FigureFormatException(path, 0, "file", "not found: write it first with 'figures review'.");
        var rows = Csv.Parse(File.ReadAllText(path, Encoding.UTF8));
        var columns = FigureData.Columns.Append("decision").ToArray();
        if (rows.Count == 0 || !rows[0].Fields.SequenceEqual(columns)) throw new FigureFormatException(path, 1, "header", $"expected the columns {string.Join(",", columns)}.");
        var figuresPath = Path.Combine(corpus.DataDirectory, FigureData.FileName);
        var ignoredPath = Path.Combine(corpus.DataDirectory, ExtractorEvaluation.IgnoredFileName);
        var ids = FigureData.Load(figuresPath).Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var (accepted, ignored, open) = (new StringBuilder(), new StringBuilder(), new StringBuilder(rows.Count > 0 ? Row(columns) : ""));
        var counts = (Accepted: 0, Ignored: 0, Open: 0);
        foreach (var (line, f) in rows.Skip(1))
        {
            if (f.Count != columns.Length) throw new FigureFormatException(path, line, "row", $"{f.Count} fields, expected {columns.Length}.");
            var decision = f[^1].Trim();
            if (decision.Length == 0) { open.Append(Row(f)); counts.Open++; continue; }
            if (!int.TryParse(f[3], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)) throw new FigureFormatException(path, line, "offset", $"'{f[3]}' is not a whole number.");
            var document = corpus.Documents.FirstOrDefault(d => d.Id == f[1]) ?? throw new FigureFormatException(path, line, "document", $"no document '{f[1]}' in the corpus.");
            if (offset + f[2].Length > document.Raw.Length || document.Raw.Substring(offset, f[2].Length) != f[2])
                throw new FigureFormatException(path, line, "quote", $"does not stand at offset {offset} of {document.Info.File}.");
            if (decision == Accept)
            {
                var single = Csv.Parse(Row(FigureData.Columns) + Row(f.Take(FigureData.Columns.Length)));
                // The same checks as figures.csv (value, unit, kind), with this file's line number.
                try { FigureData.Parse("review", single); }
                catch (FigureFormatException e) { throw new FigureFormatException(path, line, e.Field, e.Detail); }
                if (!ids.Add(f[0])) throw new FigureFormatException(path, line, "id", $"duplicate id '{f[0]}'.");
                accepted.Append(Row(f.Take(FigureData.Columns.Length)));
                counts.Accepted++;
            }
            else if (decision.StartsWith(IgnorePrefix, StringComparison.Ordinal) && decision[IgnorePrefix.Length..].Trim().Length > 0)
            {
                ignored.Append(Row([f[1], f[3], f[2], decision[IgnorePrefix.Length..].Trim()]));
                counts.Ignored++;
            }
            else
            {
                throw new FigureFormatException(path, line, "decision", $"'{decision}': write '{Accept}', '{IgnorePrefix} REASON', or leave it empty.");
            }
        }
        AppendLines(figuresPath, accepted.ToString());
        AppendLines(ignoredPath, ignored.ToString());
        AtomicFile.WriteAllText(path, open.ToString());
        return new ReviewResult(counts.Accepted, counts.Ignored, counts.Open);
    }

    private static void AppendLines(string path, string rows)
    {
        if (rows.Length == 0) return;
        var text = File.ReadAllText(path, Encoding.UTF8);
        AtomicFile.WriteAllText(path, text + (text.Length > 0 && !text.EndsWith('\n') ? "\n" : "") + rows);
    }

    private static string Row(IEnumerable<string> fields) =>
        string.Join(",", fields.Select(f => f.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : f)) + "\n";
}
