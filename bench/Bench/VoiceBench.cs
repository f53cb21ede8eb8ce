using System.Collections.Immutable;
using System.Text;
using Analysis;
using Analysis.Text;

/// <summary>
/// The voice marking against REDEWIEDERGABE (bench/gold/redewiedergabe.sh fetches its non-fictional part): each file's
/// tokens are joined into a text as print sets them, the text goes through the token table and <see cref="Voices"/>,
/// and every word is scored. The corpus's direct speech, thought and writing count as quotation; indirect and free
/// indirect as reported speech; its "reported" (a speech act narrated, "er sprach über …") and everything else as the
/// author's, since <see cref="Voices"/> does not mark those. Peer in the same run: quotation marks alone (every word
/// between „ and “ or » and «, no minimum length, no Konjunktiv).
/// </summary>
static class VoiceBench
{
    private sealed record Word(int Start, int End, Voice Gold);

    public static void Run(string folder)
    {
        if (!Directory.Exists(folder))
        {
            Console.WriteLine($"voices: no folder {folder}; fetch it with bench/gold/redewiedergabe.sh");
            return;
        }
        var files = Directory.GetFiles(folder, "*.tsv").Order(StringComparer.Ordinal).ToList();
        var units = new List<ITextUnit>();
        var gold = new Dictionary<string, List<Word>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var (text, words) = Read(file);
            var id = Path.GetFileNameWithoutExtension(file);
            units.Add(new Paragraph($"{id}/p1", id, 1, ParagraphKind.Body, new TextSpan(0, text.Length), SourcedText.FromRaw(text, 0, text.Length)));
            gold[id] = words;
        }
        var table = TokenTable.Of(units);
        var spans = Voices.Find(table);
        var ours = Voices.Of(table, spans);
        var counts = new Dictionary<(Voice Gold, Voice Ours, Voice Marks), int>();
        var i = 0;
        for (var u = 0; u < table.Units.Length; u++)
        {
            var words = gold[table.Units[u].DocumentId];
            var text = table.Units[u].Text;
            foreach (var row in table.RowsOf(u))
            {
                var predicted = ours[i++];
                if (row.Kind != TokenKind.Word) continue;
                var word = words.FirstOrDefault(w => row.Start >= w.Start && row.Start < w.End);
                if (word is null) continue;
                var marks = InsideMarks(text, row.Start) ? Voice.Quotation : Voice.Author;
                counts[(word.Gold, predicted, marks)] = counts.GetValueOrDefault((word.Gold, predicted, marks)) + 1;
            }
        }
        double P(Voice v, Func<(Voice Gold, Voice Ours, Voice Marks), Voice> by) => (double)counts.Where(c => c.Key.Gold == v && by(c.Key) == v).Sum(c => c.Value) / Math.Max(1, counts.Where(c => by(c.Key) == v).Sum(c => c.Value));
        double R(Voice v, Func<(Voice Gold, Voice Ours, Voice Marks), Voice> by) => (double)counts.Where(c => c.Key.Gold == v && by(c.Key) == v).Sum(c => c.Value) / Math.Max(1, counts.Where(c => c.Key.Gold == v).Sum(c => c.Value));
        var total = counts.Values.Sum();
        Console.WriteLine($"voices on REDEWIEDERGABE non-fiction: {files.Count} files, {total:#,0} words ({counts.Where(c => c.Key.Gold == Voice.Quotation).Sum(c => c.Value):#,0} direct, {counts.Where(c => c.Key.Gold == Voice.Reported).Sum(c => c.Value):#,0} indirect)");
        Console.WriteLine($"  Voices:           quotation precision {P(Voice.Quotation, k => k.Ours):0.000} recall {R(Voice.Quotation, k => k.Ours):0.000}; reported precision {P(Voice.Reported, k => k.Ours):0.000} recall {R(Voice.Reported, k => k.Ours):0.000}");
        Console.WriteLine($"  quotation marks:  quotation precision {P(Voice.Quotation, k => k.Marks):0.000} recall {R(Voice.Quotation, k => k.Marks):0.000}");
    }

    private static bool InsideMarks(string text, int at)
    {
        var before = text[..at];
        return before.Count(c => c is '„' or '»') > before.Count(c => c is '“' or '«');
    }

    /// <summary>The file's tokens joined as print sets them (no space before punctuation or after an opening mark), with each token's gold voice.</summary>
    private static (string Text, List<Word> Words) Read(string file)
    {
        var text = new StringBuilder();
        var words = new List<Word>();
        var attach = true;
        foreach (var line in File.ReadLines(file).Skip(1))
        {
            var f = line.Split('\t');
            if (f.Length < 7 || f[0].Length == 0) continue;
            var tok = f[0];
            var closing = tok is "," or "." or ";" or ":" or "!" or "?" or ")" or "]" or "“" or "«" or "'" || tok == "\"" && InsideStraight(text);
            if (!attach && !closing) text.Append(' ');
            var start = text.Length;
            text.Append(tok);
            attach = tok is "„" or "»" or "(" or "[" || tok == "\"" && !closing;
            var stwr = f[6];
            var parts = stwr.Split('|');
            var voice = parts.Any(p => p.StartsWith("direct.", StringComparison.Ordinal)) ? Voice.Quotation
                : parts.Any(p => p.StartsWith("indirect.", StringComparison.Ordinal) || p.StartsWith("freeIndirect.", StringComparison.Ordinal) || p.StartsWith("free_indirect.", StringComparison.Ordinal)) ? Voice.Reported
                : Voice.Author;
            words.Add(new Word(start, text.Length, voice));
        }
        return (text.ToString(), words);
    }

    private static bool InsideStraight(StringBuilder text) => text.ToString().Count(c => c == '"') % 2 == 1;
}
