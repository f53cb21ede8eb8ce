using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Analysis.Figures;

/// <summary>
/// A quantity the extractor found that is neither a reviewed figure nor deliberately ignored: shown as unreviewed,
/// with guesses for what a reviewer fills in (unit, measure, entity), and what its words say (<see cref="Reading"/>:
/// bound, modality, scope and the period the text gives, each with its cue).
/// </summary>
public sealed record FigureCandidate(string Document, string Quote, int Offset, double Value, string Unit, string Measure, string Entity, string Sentence, FigureReading Reading, double? High = null)
{
    // Made from a match, the candidate keeps its sentence as a slice of the unit's text, as the match does.
    private readonly TextSlice _sentence = TextSlice.Whole(Sentence);

    internal FigureCandidate(string document, string quote, int offset, double value, string unit, string measure, string entity, TextSlice sentence, FigureReading reading, double? high)
        : this(document, quote, offset, value, unit, measure, entity, null!, reading, high) => _sentence = sentence;

    public string Sentence { get => _sentence.ToString(); init => _sentence = TextSlice.Whole(value); }

    public bool Equals(FigureCandidate? other) => other is not null && Document == other.Document && Quote == other.Quote && Offset == other.Offset &&
        Value.Equals(other.Value) && Unit == other.Unit && Measure == other.Measure && Entity == other.Entity && Reading == other.Reading &&
        Nullable.Equals(High, other.High) && _sentence.Span.SequenceEqual(other._sentence.Span);

    public override int GetHashCode() => HashCode.Combine(Document, Quote, Offset, Value, Unit, Measure, Entity);

    public string Period => Reading.Period;
    public string Modality => Reading.Modality;
    public Bound Bound => Reading.Bound;
    public string Scope => Reading.Scope;

    /// <summary>The candidate as a figure with the id, as it would enter <c>figures.csv</c> if accepted unchanged.</summary>
    public ReportedFigure AsFigure(string id) =>
        new(id, Document, Quote, Offset, Value, Unit, Measure, Period, Entity, Modality, Sentence, Bound, Bound == Bound.Range ? High ?? Value : null, Scope);
}

/// <summary>What <see cref="FigureCandidates.WriteReview"/> wrote: the file, the rows kept from an earlier review, the new rows, and rows dropped with why.</summary>
public sealed record ReviewFile(string Path, int Kept, int Added, IReadOnlyList<string> Dropped, IReadOnlyList<string> Consequences);

/// <summary>Finds unreviewed figures, and moves them through a review file into <c>figures.csv</c> or <c>figures-ignored.csv</c>.</summary>
public static partial class FigureCandidates
{
    public const string ReviewFileName = "figures-review.csv";

    /// <summary>What a reviewer writes in the review file's <c>decision</c> column.</summary>
    public const string Accept = "accept", IgnorePrefix = "ignore:";

    // Guesses of the measure from the sentence: (unit family, pattern, measure, whether it is a flow, whose total over rounds is another quantity).
    private static readonly (string Family, Regex Pattern, string Measure, bool Flow)[] Guesses =
    [
        ("persons", new Regex(@"streich|abbau|abgebaut|baut\b.*\bab\b|entlass|kürz|weg(?:ge)?fall|fallen\b.*\bweg|fielen\b.*\bweg|gestrichen|kündig|stellenabbau|freisetz", RegexOptions.IgnoreCase), "job cuts", true),
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
        var matches = NumberExtractor.Extract(corpus);
        var evaluation = ExtractorEvaluation.Evaluate(figures, matches, ignored);
        var entities = figures.Select(f => f.Entity).Where(e => e.Length > 1).Distinct(StringComparer.Ordinal).ToList();
        // Where the other quantities of each sentence start, so that a clause's date stays with its own number.
        var all = matches.Where(m => m.Kind == MatchKind.Quantity).ToLookup(m => m, SameSentence.Instance);
        return [.. evaluation.Unexpected.Select(m => Candidate(corpus[m.Document], m, entities, [.. all[m].Select(x => x.InSentence)]))];
    }

    private static FigureCandidate Candidate(Document document, NumberMatch match, List<string> entities, IReadOnlyList<int> sentenceStarts)
    {
        var sentence = match.Sentence;
        var (quote, offset) = UniqueQuote(document.Raw, match.Span, match.Unit == "percent");
        var others = sentenceStarts.Where(o => o != match.InSentence).ToList();
        var reading = FigureContext.Read(sentence, match.InSentence, match.InSentence + match.Text.Length, document.Info.Published,
            match.UnitId.Contains("/c", StringComparison.Ordinal), others);
        var family = match.Unit is "jobs" or "employees" or "people" ? "persons" : match.Unit is "USD" or "EUR" or "CHF" or "GBP" ? "money" : match.Unit;
        // The measure from the number's own clause (and the clause it depends on), the cue nearest to the number; its counted noun is no cue.
        var (at, past) = (Math.Min(match.InSentence, sentence.Length), Math.Min(sentence.Length, match.InSentence + match.Text.Length));
        var clause = string.Concat(sentence[Math.Min(reading.ClauseStart, at)..at], new string(' ', past - at), sentence[Math.Max(past, Math.Min(reading.ClauseEnd, past))..Math.Max(past, reading.ClauseEnd)]);
        var guess = Guesses.Where(g => g.Family == family).Select(g => (Guess: g, At: g.Pattern.Match(clause)))
            .Where(x => x.At.Success).OrderBy(x => Math.Min(Math.Abs(x.At.Index - (match.InSentence - reading.ClauseStart)), Math.Abs(x.At.Index + x.At.Length - (match.InSentence - reading.ClauseStart))))
            .Select(x => x.Guess).FirstOrDefault();
        var entity = entities.Select(e => (Entity: e, At: CachedRegex.Match(sentence, $@"(?<!\p{{L}}){Regex.Escape(e)}(?!\p{{L}})")))
            .Where(x => x.At.Success).OrderBy(x => x.At.Index).Select(x => x.Entity).FirstOrDefault() ?? "";
        // "Zusammen sind das 30.000", "insgesamt 57.000": a total over rounds is another quantity than one round.
        var measure = guess.Measure is { } m && guess.Flow && !reading.Period.Contains('/') && TotalWord().IsMatch(sentence) ? $"{m} (total)" : guess.Measure ?? "";
        // A range the extractor read as one expression ("zwischen 10 und 15 Prozent") is a range, whatever stands before it.
        if (match.High is not null) reading = reading with { Bound = Bound.Range, Low = null, BoundCue = match.Text };
        var (low, high) = match.High is { } h ? (match.Value, h) : (reading.Low ?? match.Value, reading.Low is not null ? match.Value : (double?)null);
        return new FigureCandidate(document.Id, quote, offset, low, match.Unit, measure, entity, match.SentenceSlice, reading, high);
    }

    /// <summary>
    /// The raw text of the match, extended word by word to the right (then the left) until it stands only once in the
    /// file, but never across a sentence end; a share takes the words that name its base ("der gesamten Belegschaft").
    /// </summary>
    private static (string Quote, int Offset) UniqueQuote(string raw, TextSpan span, bool share)
    {
        var (start, end) = (span.Start, span.End);
        if (share && WholeBaseAfter().Match(raw, end) is { Success: true } whole) end += whole.Length;
        bool Unique() => raw.IndexOf(raw[start..end], StringComparison.Ordinal) == start && raw.IndexOf(raw[start..end], start + 1, StringComparison.Ordinal) < 0;
        // A sentence ends at . ! ? (and a closing quotation mark) before white space and a capital letter, or at a blank line.
        static bool Boundary(string gap) => SentenceBreak().IsMatch(gap);
        while (!Unique() && end < raw.Length)
        {
            var next = end;
            while (next < raw.Length && char.IsWhiteSpace(raw[next])) next++;
            while (next < raw.Length && !char.IsWhiteSpace(raw[next])) next++;
            if (Boundary(raw[Math.Max(start, end - 2)..next])) break;
            end = next;
        }
        while (!Unique() && start > 0)
        {
            var previous = start;
            while (previous > 0 && char.IsWhiteSpace(raw[previous - 1])) previous--;
            while (previous > 0 && !char.IsWhiteSpace(raw[previous - 1])) previous--;
            if (Boundary(raw[previous..Math.Min(end, start + 2)])) break;
            start = previous;
        }
        // A sentence that stands twice (quoted by a reader) cannot make it unique: the number alone, found by its offset.
        if (!Unique()) (start, end) = (span.Start, span.End);
        // A quote that had to grow ends at a word, not at the sentence's full stop or a comma.
        while (end > span.End && raw[end - 1] is '.' or ',' or ';' or ':' or '!' or '?') end--;
        return (raw[start..end].TrimEnd(), start);
    }

    /// <summary>The review file's columns: those of <c>figures.csv</c>, the cues the guesses come from, what accepting would do, and the decision.</summary>
    public static readonly ImmutableArray<string> ReviewColumns = [.. FigureData.Columns, "cues", "consequences", "decision"];

    /// <summary>
    /// Writes every candidate to <c>figures-review.csv</c> in the data folder, with the columns of <c>figures.csv</c> filled
    /// with the guesses, the cues they come from, the cross-checks the row would enter if accepted unchanged, and an empty
    /// <c>decision</c>: write <c>accept</c> (after correcting a guess where needed) or <c>ignore: reason</c>, then apply with
    /// <see cref="ApplyReview"/>. A review file already there is merged, not replaced: its rows keep the reviewer's
    /// corrections and decisions, new candidates are added, and an undecided row whose number is no longer a candidate
    /// is dropped and named in the result.
    /// </summary>
    public static ReviewFile WriteReview(Corpus corpus)
    {
        using var writing = DataFolder.Lock(corpus.DataDirectory);
        var candidates = Find(corpus);
        var figures = FigureData.Load(corpus);
        var ids = figures.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var path = Path.Combine(corpus.DataDirectory, ReviewFileName);
        var earlier = File.Exists(path) ? ReadReview(path) : [];
        foreach (var (_, f) in earlier) ids.Add(f[0]);
        var published = corpus.Documents.Where(d => d.Info.Published is not null).ToDictionary(d => d.Id, d => d.Info.Published!.Value, StringComparer.Ordinal);
        var baseline = CrossChecks.Run(figures, published);
        var text = new StringBuilder(Csv.Row(ReviewColumns));
        var (kept, added, dropped, consequences) = (0, 0, new List<string>(), new List<string>());
        var open = candidates.ToDictionary(c => (c.Document, c.Offset), c => c);
        foreach (var (line, f) in earlier)
        {
            var key = (f[1], int.TryParse(f[3], NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : -1);
            var still = open.Remove(key) || candidates.Any(c => c.Document == f[1] && o >= c.Offset && o < c.Offset + Math.Max(1, c.Quote.Length));
            if (!still && f[^1].Trim().Length == 0) { dropped.Add($"line {line}: {f[1]} „{f[2]}“ is no longer an unreviewed number"); continue; }
            text.Append(Csv.Row(f));
            kept++;
        }
        foreach (var c in candidates.Where(c => open.ContainsKey((c.Document, c.Offset))))
        {
            var n = 1;
            while (!ids.Add($"{c.Document}-{n}")) n++;
            var figure = c.AsFigure($"{c.Document}-{n}");
            var effect = Consequences(figures, figure, baseline, published);
            if (effect.Length > 0) consequences.Add($"{figure.Id} („{c.Quote}“): {effect}");
            text.Append(Csv.Row([.. FigureData.Fields(figure), c.Reading.Cues, effect, ""]));
            added++;
        }
        AtomicFile.WriteAllText(path, text.ToString());
        return new ReviewFile(path, kept, added, dropped, consequences);
    }

    /// <summary>The cross-checks a figure would enter if accepted, with their verdicts: "agreement …: inconsistent (new disagreement)".</summary>
    private static string Consequences(IReadOnlyList<ReportedFigure> figures, ReportedFigure figure, IReadOnlyList<CrossCheck> baseline, IReadOnlyDictionary<string, DateOnly> published)
    {
        var with = CrossChecks.Run([.. figures, figure], published);
        // A check is known by its rule and what it is about ("agreement|workforce of Amazon, 2025"), not by its list of values.
        static string Key(CrossCheck c) => c.Rule + "|" + (c.Claim.IndexOf(": ", StringComparison.Ordinal) is var i and > 0 ? c.Claim[..i] : c.Claim);
        var before = baseline.ToLookup(Key);
        var entering = with.Where(c => c.Figures.Contains($"{figure.Id} (", StringComparison.Ordinal)).ToList();
        string Effect(CrossCheck c) => c.Verdict == CrossChecks.Inconsistent && !before[Key(c)].Any(b => b.Verdict == CrossChecks.Inconsistent) ? " (a new disagreement)"
            : before[Key(c)].Any() && before[Key(c)].All(b => b.Verdict != c.Verdict) ? $" (was {before[Key(c)].First().Verdict})" : "";
        var lost = baseline.Count(c => c.Verdict == CrossChecks.Inconsistent) - with.Count(c => c.Verdict == CrossChecks.Inconsistent);
        return string.Join("; ", entering.Select(c => $"{c.Rule}: {c.Claim} → {c.Verdict}{Effect(c)}"))
            + (lost > 0 ? $"{(entering.Count > 0 ? "; " : "")}{lost} disagreement{(lost == 1 ? "" : "s")} fewer" : "");
    }

    private static List<(int Line, List<string> Fields)> ReadReview(string path)
    {
        var rows = Csv.Parse(File.ReadAllText(path, Encoding.UTF8));
        if (rows.Count == 0 || !rows[0].Fields.SequenceEqual(ReviewColumns))
            throw new FigureFormatException(path, 1, "header", $"expected the columns {string.Join(",", ReviewColumns)} (move the file away to start a new review).");
        foreach (var (line, f) in rows.Skip(1))
            if (f.Count != ReviewColumns.Length) throw new FigureFormatException(path, line, "row", $"{f.Count} fields, expected {ReviewColumns.Length}.");
        return [.. rows.Skip(1)];
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
        using var writing = DataFolder.Lock(corpus.DataDirectory);
        var path = Path.Combine(corpus.DataDirectory, ReviewFileName);
        if (!File.Exists(path)) throw new FigureFormatException(path, 0, "file", "not found: write it first with 'figures review'.");
        var rows = ReadReview(path);
        var figuresPath = Path.Combine(corpus.DataDirectory, FigureData.FileName);
        var ignoredPath = Path.Combine(corpus.DataDirectory, ExtractorEvaluation.IgnoredFileName);
        var figures = FigureData.Load(figuresPath, corpus).ToList();
        var ids = figures.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var (ignored, open) = (new StringBuilder(), new StringBuilder(Csv.Row(ReviewColumns)));
        var counts = (Accepted: 0, Ignored: 0, Open: 0);
        foreach (var (line, f) in rows)
        {
            var decision = f[^1].Trim();
            if (decision.Length == 0) { open.Append(Csv.Row(f)); counts.Open++; continue; }
            if (!int.TryParse(f[3], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)) throw new FigureFormatException(path, line, "offset", $"'{f[3]}' is not a whole number.");
            var document = corpus.Documents.FirstOrDefault(d => d.Id == f[1]) ?? throw new FigureFormatException(path, line, "document", $"no document '{f[1]}' in the corpus.");
            if (offset + f[2].Length > document.Raw.Length || document.Raw.Substring(offset, f[2].Length) != f[2])
                throw new FigureFormatException(path, line, "quote", $"does not stand at offset {offset} of {document.Info.File}.");
            if (decision == Accept)
            {
                var single = Csv.Parse(Csv.Row(FigureData.Columns) + Csv.Row(f.Take(FigureData.Columns.Length)));
                // The same checks as figures.csv (value, unit, bound, modality), with this file's line number.
                ReportedFigure figure;
                try { figure = FigureData.Parse("review", single)[0]; }
                catch (FigureFormatException e) { throw new FigureFormatException(path, line, e.Field, e.Detail); }
                foreach (var (field, value) in new[] { ("measure", figure.Measure), ("entity", figure.Entity) })
                    if (value.Trim().Length == 0) throw new FigureFormatException(path, line, field, "empty: every accepted figure needs one.");
                if (!ids.Add(figure.Id)) throw new FigureFormatException(path, line, "id", $"duplicate id '{figure.Id}'.");
                figures.Add(figure);
                counts.Accepted++;
            }
            else if (decision.StartsWith(IgnorePrefix, StringComparison.Ordinal) && decision[IgnorePrefix.Length..].Trim().Length > 0)
            {
                ignored.Append(Csv.Row([f[1], f[3], f[2], decision[IgnorePrefix.Length..].Trim()]));
                counts.Ignored++;
            }
            else
            {
                throw new FigureFormatException(path, line, "decision", $"'{decision}': write '{Accept}', '{IgnorePrefix} REASON', or leave it empty.");
            }
        }
        if (counts.Accepted > 0) FigureData.Save(figuresPath, figures);
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

    [GeneratedRegex(@"(?<![\p{L}])(?:insgesamt|zusammen|zusammengenommen|in Summe|bislang|bisher)(?![\p{L}])", RegexOptions.IgnoreCase)]
    private static partial Regex TotalWord();

    // \G: matched where the number ends (Match(raw, end)), not on a copy of the rest of the file.
    [GeneratedRegex(@"\G\s+(?:der|des|dem)\s+(?:gesamten|ganzen)\s+\p{L}+|\G\s+aller\s+\p{L}+")]
    private static partial Regex WholeBaseAfter();

    [GeneratedRegex(@"[.!?][“”»«""]?\s+\p{Lu}|\n\s*\n|[<>]")]
    private static partial Regex SentenceBreak();
}
