using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Analysis;
using Analysis.Text;

/// <summary>
/// Key accuracy against the gold lemmas of a Universal Dependencies German treebank (bench/gold/ud-german.sh fetches
/// it): every sentence's text goes through the public token table, as a corpus's text would, and each content word
/// (NOUN, PROPN, VERB, ADJ, ADV) is scored by whether its key equals the gold lemma, case aside.
/// </summary>
/// <remarks>
/// Two conventions of the treebank are met half-way, and said so in the output: the finite part of a separated verb
/// ("brach … ab") has the bare verb as its gold lemma, while this repository keys it as the whole verb, so such a verb is
/// scored against particle + lemma ("abbrechen"); and a token the tokenizer cuts differently from the treebank is a miss.
/// Peers in the same run: the form as written (lower-cased) and the lexicon alone without context rules.
/// </remarks>
static class LemmaBench
{
    private static readonly string[] Content = ["NOUN", "PROPN", "VERB", "ADJ", "ADV"];

    private sealed record Word(int Start, int Length, string Form, string Lemma, string Pos, string Sentence);

    public static void Run(string file, int showMisses)
    {
        if (!File.Exists(file))
        {
            Console.WriteLine($"lemmas: no treebank file {file}; fetch it with bench/gold/ud-german.sh");
            return;
        }
        var (sentences, words) = Read(file);
        var clock = Stopwatch.StartNew();
        var units = sentences.Select((s, i) => (ITextUnit)new Paragraph($"s/{i + 1}", "s", i + 1, ParagraphKind.Body,
            new TextSpan(0, s.Length), SourcedText.FromRaw(s, 0, s.Length))).ToImmutableArray();
        var table = TokenTable.Of(units);
        var seconds = clock.Elapsed.TotalSeconds;
        var bySpan = new Dictionary<(int Unit, int Start), TokenRow>();
        for (var u = 0; u < table.Units.Length; u++)
            foreach (var row in table.RowsOf(u)) bySpan[(u, row.Start)] = row;
        var pipeline = new TermPipeline();
        var scores = Content.ToDictionary(p => p, _ => (Right: 0, Total: 0, Form: 0, Plain: 0));
        var misses = new Dictionary<(string Pos, string Form, string Key, string Gold), int>();
        var unit = -1;
        var hyphenParts = 0;
        string? sentence = null;
        foreach (var w in words)
        {
            if (!ReferenceEquals(w.Sentence, sentence)) { sentence = w.Sentence; unit++; }
            if (!Content.Contains(w.Pos)) continue;
            // The treebank cuts hyphenated compounds into parts ("US-Präsident" → US, -, Präsident), which this tokenizer keeps
            // whole: such parts are not scored (counted apart). A gold form with its period ("Dr.", "13.") is our token plus '.'.
            if (InHyphenCompound(w)) { hyphenParts++; continue; }
            var period = w.Form.Length > 1 && w.Form[^1] == '.' ? 1 : 0;
            var key = bySpan.TryGetValue((unit, w.Start), out var row) && row.Length == w.Length - period ? row.Key + (period == 1 ? "." : "") : "(token cut differently)";
            var s = scores[w.Pos];
            s.Total++;
            if (Same(key, w.Lemma)) s.Right++;
            else misses[(w.Pos, w.Form, key, w.Lemma)] = misses.GetValueOrDefault((w.Pos, w.Form, key, w.Lemma)) + 1;
            if (Same(w.Form, w.Lemma)) s.Form++;
            if (Same(pipeline.Key(w.Form), w.Lemma)) s.Plain++;
            scores[w.Pos] = s;
        }
        var total = scores.Values.Aggregate((0, 0, 0, 0), (a, s) => (a.Item1 + s.Right, a.Item2 + s.Total, a.Item3 + s.Form, a.Item4 + s.Plain));
        Console.WriteLine($"lemmas: {Path.GetFileName(file)}, {sentences.Count} sentences, {total.Item2} content words; token table built in {seconds:0.00} s");
        Console.WriteLine("  | part of speech | words | this repository (token table, in context) | lexicon key of the word alone | form as written |");
        Console.WriteLine("  | --- | ---: | ---: | ---: | ---: |");
        foreach (var (pos, s) in scores.Append(new("all content words", (total.Item1, total.Item2, total.Item3, total.Item4))))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  | {pos} | {s.Total:N0} | {Share(s.Right, s.Total)} | {Share(s.Plain, s.Total)} | {Share(s.Form, s.Total)} |"));
        Console.WriteLine($"  not scored: {hyphenParts} content words that the treebank cuts out of a hyphenated compound (US-Präsident → US, Präsident)");
        Console.WriteLine($"  most frequent misses per part of speech (count, form → key, gold):");
        foreach (var pos in Content)
        {
            Console.WriteLine($"  {pos}: " + string.Join("; ", misses.Where(m => m.Key.Pos == pos).OrderByDescending(m => m.Value).ThenBy(m => m.Key.Form, StringComparer.Ordinal)
                .Take(showMisses).Select(m => $"{m.Value} {m.Key.Form} → {m.Key.Key} ({m.Key.Gold})")));
        }
    }

    private static bool InHyphenCompound(Word w) =>
        w.Start > 0 && w.Sentence[w.Start - 1] == '-' || w.Start + w.Length < w.Sentence.Length && w.Sentence[w.Start + w.Length] == '-' ||
        w.Form == "-";

    private static string Share(int right, int total) => total == 0 ? "-" : (right / (double)total).ToString("0.000", CultureInfo.InvariantCulture);

    private static bool Same(string key, string gold) => string.Equals(key, gold, StringComparison.OrdinalIgnoreCase);

    /// <summary>CoNLL-U: each sentence's text, and its words with their character spans in that text.</summary>
    private static (List<string> Sentences, List<Word> Words) Read(string file)
    {
        var sentences = new List<string>();
        var words = new List<Word>();
        string? text = null;
        var at = 0;
        var block = new List<string[]>();
        void Flush()
        {
            if (text is null) { block.Clear(); return; }
            sentences.Add(text);
            // Particles of separated verbs: the verb's gold lemma becomes particle + lemma.
            var particle = new Dictionary<string, string>();
            foreach (var f in block)
                if (!f[0].Contains('-') && f[7] == "compound:prt") particle[f[6]] = f[2].ToLowerInvariant();
            var skipUntil = 0;
            foreach (var f in block)
            {
                if (f[0].Contains('.')) continue;
                if (f[0].Contains('-'))
                {
                    // A multi-word token ("zum" = zu dem): located, its parts not scored.
                    var range = f[0].Split('-');
                    skipUntil = int.Parse(range[1], CultureInfo.InvariantCulture);
                    at = Locate(text, f[1], at, out var mwStart) ? mwStart + f[1].Length : at;
                    continue;
                }
                var id = int.Parse(f[0], CultureInfo.InvariantCulture);
                if (id <= skipUntil) continue;
                if (!Locate(text, f[1], at, out var start)) continue;
                at = start + f[1].Length;
                var lemma = particle.TryGetValue(f[0], out var p) && f[3] == "VERB" ? p + f[2] : f[2];
                words.Add(new Word(start, f[1].Length, f[1], lemma, f[3], text));
            }
            block.Clear();
            text = null;
        }
        foreach (var line in File.ReadLines(file))
        {
            if (line.Length == 0) { Flush(); continue; }
            if (line.StartsWith("# text = ", StringComparison.Ordinal)) { text = line[9..]; at = 0; continue; }
            if (line.StartsWith('#')) continue;
            block.Add(line.Split('\t'));
        }
        Flush();
        return (sentences, words);
    }

    private static bool Locate(string text, string form, int from, out int start)
    {
        start = text.IndexOf(form, from, StringComparison.Ordinal);
        return start >= 0;
    }
}
