using Deedle;

namespace Analysis.Text;

/// <summary>The term measures as Deedle frames, ready to display.</summary>
public static class TermTables
{
    public static Frame<int, string> Vocabulary(IReadOnlyList<VocabularyRow> rows) => Frame.FromRecords(rows);

    /// <summary>The <paramref name="n"/> terms of highest tf-idf per document: rows = rank, columns = documents.</summary>
    /// <remarks>
    /// Terms whose tf-idf equals a neighbour's are ties, marked "=": their order among themselves is alphabetical, not a
    /// ranking. Each cell also gives the term's range, the groups that use it ("in 1" = this one only).
    /// </remarks>
    public static Frame<int, string> TopTfIdf(TermCounts counts, int n = 8)
    {
        var rows = Measures.TfIdf(counts);
        var range = counts.Rows.GroupBy(r => r.Term).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var columns = counts.Groups.ToDictionary(g => g, g =>
        {
            var list = rows.Where(r => r.Group == g).Take(n + 1).ToList();
            return list.Take(n).Select((r, i) => (i > 0 && list[i - 1].TfIdf == r.TfIdf || i + 1 < list.Count && list[i + 1].TfIdf == r.TfIdf ? "= " : "") +
                $"{r.Surface} ({r.TfIdf:0.0000}; in {range[r.Term]})").ToList();
        });
        return Ranked(columns, n);
    }

    public static Frame<int, string> TopTerms(TermCounts counts, int n = 10) => counts.TopTable(n);

    /// <summary>The <paramref name="n"/> terms of highest weighted log-odds (z) per group: rows = rank, columns = groups.</summary>
    /// <remarks>Each cell also gives the term's range, the groups that use it.</remarks>
    public static Frame<int, string> TopLogOdds(TermCounts counts, int n = 8)
    {
        var rows = Measures.WeightedLogOdds(counts);
        var range = counts.Rows.GroupBy(r => r.Term).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var columns = counts.Groups.ToDictionary(g => g, g => rows.Where(r => r.Group == g).Take(n).Select(r => $"{r.Surface} ({r.LogOddsWeighted:0.00}; in {range[r.Term]})").ToList());
        return Ranked(columns, n);
    }

    public sealed record KeynessTableRow(string Term, int Target, int Reference, double G2, string P, string Q, double LogRatio, string LogRatio95, string Range, string DP);

    /// <summary>
    /// The <paramref name="n"/> most key terms each way (by G2): first those the target overuses, then those it underuses, with
    /// p, the Benjamini–Hochberg q, Log Ratio and its 95 % interval, and, given a <paramref name="dispersion"/> table, the
    /// term's range (parts that use it, of all parts) and Gries's DP, so a term carried by one text shows as such.
    /// </summary>
    public static Frame<int, string> Keyness(IReadOnlyList<KeynessRow> rows, int n = 10, IReadOnlyList<DispersionRow>? dispersion = null)
    {
        var spread = dispersion?.ToDictionary(d => d.Term, StringComparer.Ordinal);
        static string P(double p) => p < 0.001 ? "< 0.001" : p.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
        var table = Frame.FromRecords(Measures.TopKeyness(rows, n).Select(r =>
        {
            var d = spread?.GetValueOrDefault(r.Term);
            return new KeynessTableRow(r.Surface, r.Target, r.Reference, Math.Round(r.G2, 2), P(r.P), P(r.Q), Math.Round(r.LogRatio, 2),
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{r.LogRatioLow:0.00} to {r.LogRatioHigh:0.00}"),
                d is null ? "" : $"{d.Range} of {d.Parts}", d is null ? "" : d.DP.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        }));
        return spread is null ? table.Columns[table.ColumnKeys.Where(c => c is not ("Range" or "DP")).ToArray()] : table;
    }

    /// <summary>Words of each document by voice (<see cref="Voices"/>): the author's, quoted, reported, and the share that is not the author's.</summary>
    public static Frame<int, string> VoiceSplit(TokenTable table, IReadOnlyList<VoiceSpan> spans)
    {
        var voices = Text.Voices.Of(table, spans);
        // Word tokens per document and voice, documents in order of first appearance: counters, not a row per token.
        var documents = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var u = 0; u < table.Units.Length; u++)
            for (var i = table.UnitStart(u); i < table.UnitStart(u + 1); i++)
            {
                if (table.TypeOf(table.TypeIdOf(i)).Kind != TokenKind.Word) continue;
                var id = table.Units[u].DocumentId;
                if (!documents.TryGetValue(id, out var n)) { documents[id] = n = new int[3]; order.Add(id); }
                n[voices[i] switch { Voice.Author => 0, Voice.Quotation => 1, _ => 2 }]++;
            }
        return Frame.FromRecords(order.Select(d => documents[d]).Zip(order, (n, d) => new
        {
            Document = d, Author = n[0], Quoted = n[1], Reported = n[2],
            NotTheAuthors = Math.Round(100.0 * (n[1] + n[2]) / (n[0] + n[1] + n[2]), 1),
        }));
    }

    /// <summary>The quotations and reported passages, with their raw offsets, the speaker an attribution names, and the words that mark them.</summary>
    public static Frame<int, string> VoiceSpans(IReadOnlyList<VoiceSpan> spans) =>
        Frame.FromRecords(spans.Select(s => new { s.Document, Voice = s.Voice.ToString().ToLowerInvariant(), RawStart = s.Raw.Start, RawEnd = s.Raw.End, s.Speaker, s.Cue, s.Text }));

    public static Frame<int, string> Kwic(IReadOnlyList<KwicLine> lines, int max = 40) =>
        Frame.FromRecords(lines.Take(max));

    public static Frame<int, string> Collocations(IReadOnlyList<CollocationRow> rows, int n = 15) =>
        Frame.FromRecords(rows.Take(n).Select(r => new { Pair = $"{r.First} {r.Second}", r.N, r.FirstCount, r.SecondCount, G2 = Math.Round(r.G2, 2), Pmi = Math.Round(r.Pmi, 2) }));

    /// <summary>Mentions per group and family with the rate's exact 95 % interval.</summary>
    public static Frame<int, string> Mentions(IReadOnlyList<MentionRow> rows) => Frame.FromRecords(rows.Select(r => new
    {
        r.Document, r.Family, r.Mentions, r.Words, r.Per10k,
        Per10k95 = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{r.Low:0.0} to {r.High:0.0}"), r.Forms,
    }));

    /// <summary>Forms on which the lexicon's keys and Snowball's stems disagree, for review (see <see cref="KeyReview.Disagreements"/>).</summary>
    public static Frame<int, string> KeyDisagreements(TermCounts counts) => Frame.FromRecords(KeyReview.Disagreements(counts));

    /// <summary>How the word tokens got their keys (see <see cref="KeyReview.Coverage"/>).</summary>
    public static Frame<int, string> KeyCoverage(TokenTable tokens) => Frame.FromRecords(KeyReview.Coverage(tokens));

    private static Frame<int, string> Ranked(Dictionary<string, List<string>> columns, int n)
    {
        var rows = Enumerable.Range(0, n).Select(i => new KeyValuePair<int, Series<string, string>>(i + 1,
            new Series<string, string>(columns.Keys, columns.Values.Select(c => i < c.Count ? c[i] : ""))));
        return Frame.FromRows(rows);
    }
}
