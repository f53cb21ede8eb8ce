using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Analysis.Text;

/// <summary>Whose words a token is: the author's, a direct quotation, or reported speech (Konjunktiv I).</summary>
public enum Voice { Author, Quotation, Reported }

/// <summary>A quotation or a passage of reported speech: unit, raw span, text, the speaker an attribution names (or empty), and the words that mark it.</summary>
public sealed record VoiceSpan(string Document, string UnitId, Voice Voice, TextSpan Raw, string Text, string Speaker, string Cue)
{
    internal int Start { get; init; }
    internal int End { get; init; }
}

/// <summary>
/// Who speaks: direct quotations between German and English quotation marks („…“, »…«, "…", “…”) of at least
/// <see cref="MinQuotationWords"/> words (shorter ones are the author's scare quotes: „Restrukturierung“), with the
/// speaker an attribution names (<i>sagte X</i>, <i>so X</i>, <i>laut X</i>, <i>X schrieb: „…“</i>); and reported
/// speech: a clause with a verb in Konjunktiv I (<i>seien</i>, <i>ermögliche</i>, <i>habe</i>), the mood German news uses
/// for what others say. Everything else is the author's. Rules of German, not of these texts.
/// </summary>
public static partial class Voices
{
    public const int MinQuotationWords = 4;

    private static readonly FrozenDictionary<char, char> Closing = new Dictionary<char, char>
    {
        ['„'] = '“', ['‚'] = '‘', ['»'] = '«', ['«'] = '»', ['"'] = '"', ['“'] = '”',
    }.ToFrozenDictionary();

    private const string Verbs = "sagte|sagt|sagten|sagen|erklärte|erklärt|erklären|betonte|betont|betonen|meinte|meint|schrieb|schreibt|schreiben|schrieben|warnte|warnt|warnen|kritisierte|kritisiert|fordert|forderte|fordern|" +
        "so|hieß es|heißt es|berichtete|berichtet|teilte mit|verkündete|räumte ein|ergänzte|fügte hinzu|bezeichnete|bezeichnet";

    [GeneratedRegex(@"^[\s,]*(?:(?:" + Verbs + @")\s+)(?<who>(?:(?:der|die|das|ein|eine|einer)\s+)?(?:(?:[\p{Lu}]\.|[\p{Lu}][\p{L}\-:]*)(?:\s+|(?=[,.;!?]|$))){1,4}(?:(?:des|der)\s+[\p{Lu}][\p{L}\-]*)?)")]
    private static partial Regex SpeakerAfter();

    [GeneratedRegex(@"(?<who>(?:[\p{Lu}][\p{L}\-\.]*\s+){0,3}[\p{Lu}][\p{L}\-]*)\s+(?:" + Verbs + @")[^„»""“]{0,40}?:\s*$")]
    private static partial Regex SpeakerBefore();

    [GeneratedRegex(@"(?<![\p{L}])(?:laut|zufolge|nach Angaben (?:von|des|der))\s+(?<who>(?:(?:der|dem|des|die)\s+)?(?:[\p{Lu}][\p{L}\-]*\s*){1,3})")]
    private static partial Regex According();

    [GeneratedRegex(@"[,;:]\s|\s[–—-]\s")]
    private static partial Regex ClauseBreak();

    private static readonly FrozenSet<string> NotConjunctive = FrozenSet.ToFrozenSet(StopWords.Determiners.Concat(["gerne", "heute", "ohne", "alle", "beide", "ende", "weise", "lange", "nahe"]), StringComparer.Ordinal);

    /// <summary>The quotations and reported-speech clauses of every unit of the table, in unit order.</summary>
    public static ImmutableArray<VoiceSpan> Find(TokenTable table)
    {
        var result = ImmutableArray.CreateBuilder<VoiceSpan>();
        var lexicon = GermanLexicon.Default;
        for (var u = 0; u < table.Units.Length; u++)
        {
            var unit = table.Units[u];
            var text = unit.Text;
            var quotes = Quotations(unit, text);
            result.AddRange(quotes);
            var reported = new List<VoiceSpan>();
            // Konjunktiv I outside the quotations: the clause is someone else's claim.
            foreach (var row in table.RowsOf(u))
            {
                // A verb mid-sentence is lower case: "Löhne" is a noun, not "löhne".
                if (row.Kind != TokenKind.Word || !char.IsLower(row.Surface[0]) || !IsConjunctive(row.Norm, lexicon)) continue;
                if (quotes.Any(q => row.Start >= q.Start && row.Start < q.End)) continue;
                if (reported.Any(r => row.Start >= r.Start && row.Start < r.End)) continue;
                var before = text.AsSpan(0, row.Start);
                if (FirstPersonBefore().IsMatch(before)) continue;   // "ich habe": indicative
                if (SageUndBefore().IsMatch(before)) continue;       // "sage und schreibe": an idiom
                var (start, end) = Clause(text, row.Start, quotes);
                var sentence = SentenceAround(text, row.Start);
                var who = According().Match(sentence) is { Success: true } a ? a.Groups["who"].Value.Trim() : SpeakerAfter().Match(text[end..]) is { Success: true } s ? s.Groups["who"].Value.Trim() : "";
                reported.Add(new VoiceSpan(unit.DocumentId, unit.Id, Voice.Reported, unit.Source.SourceSpan(start, end - start), text[start..end].Trim(), who, row.Surface) { Start = start, End = end });
            }
            result.AddRange(reported);
        }
        return result.ToImmutable();
    }

    // The subject that opens a sentence ending in a colon before the quote: "Galetti wies Spekulationen … zurück: „…“".
    [GeneratedRegex(@"^\s*(?:(?:Der|Die|Das|Ein|Eine)\s+)?(?<who>(?:[\p{Lu}][\p{L}\-\.]*\s+){0,3}?[\p{Lu}][\p{L}\-]*)\s+\p{Ll}[^„»""“]*:\s*$")]
    private static partial Regex SubjectBeforeColon();

    private static readonly FrozenSet<string> NoSpeakers = FrozenSet.ToFrozenSet(
        ["In", "Im", "Am", "Auf", "Aus", "Bei", "Mit", "Nach", "Von", "Vor", "Zu", "Für", "Doch", "Aber", "Und", "Auch", "Dann", "So", "Es", "Er", "Sie", "Wir", "Ich", "Man", "Dies", "Das", "Der", "Die"], StringComparer.Ordinal);

    private static string Speaker(string text, int open, int close)
    {
        if (SpeakerAfter().Match(text[(close + 1)..]) is { Success: true } after) return after.Groups["who"].Value.Trim();
        if (SpeakerBefore().Match(text[..open]) is { Success: true } before) return before.Groups["who"].Value.Trim();
        var sentence = text[SentenceStart(text, open)..open];
        if (SubjectBeforeColon().Match(sentence) is { Success: true } subject && !NoSpeakers.Contains(subject.Groups["who"].Value.Split(' ')[0])) return subject.Groups["who"].Value.Trim();
        return According().Match(SentenceAround(text, open)) is { Success: true } a ? a.Groups["who"].Value.Trim() : "";
    }

    private static List<VoiceSpan> Quotations(ITextUnit unit, string text)
    {
        var spans = new List<VoiceSpan>();
        var (lastSpeaker, lastEnd) = ("", -1);
        for (var i = 0; i < text.Length; i++)
        {
            var open = text[i];
            if (!Closing.TryGetValue(open, out var close)) continue;
            // A straight quote opens only at a word's start.
            if (open == '"' && i > 0 && !char.IsWhiteSpace(text[i - 1]) && text[i - 1] is not ('(' or '[')) continue;
            var j = text.IndexOfAny(open == '„' ? ['“', '"'] : [close], i + 1);
            if (j < 0) continue;
            var inner = text[(i + 1)..j];
            var who = Speaker(text, i, j);
            // »Die Idee«, so Vance, »war, …«: the second part is the same speaker's.
            if (who.Length == 0 && lastEnd >= 0 && i - lastEnd < 40 && !text[lastEnd..i].Contains('.')) who = lastSpeaker;
            (lastSpeaker, lastEnd) = (who, j + 1);
            if (inner.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= MinQuotationWords)
            {
                spans.Add(new VoiceSpan(unit.DocumentId, unit.Id, Voice.Quotation, unit.Source.SourceSpan(i, j + 1 - i), text[i..(j + 1)], who, $"{open}…{text[j]}") { Start = i, End = j + 1 });
            }
            i = j;
        }
        return spans;
    }

    /// <summary>Konjunktiv I, third person: a form that is a verb's stem + e (<i>ermögliche</i>, <i>habe</i>, <i>sei</i>) or <i>seien</i>.</summary>
    private static bool IsConjunctive(string norm, GermanLexicon lexicon) =>
        Common.Contains(norm)
        || norm.Length >= 4 && norm[^1] == 'e' && !NotConjunctive.Contains(norm) && (lexicon.IsVerb(norm + "n") || norm.Length > 5 && norm[^2..] is "re" or "le" && lexicon.IsVerb(norm[..^1] + "n"))
           && lexicon.Noun(char.ToUpperInvariant(norm[0]) + norm[1..]) is null;

    // The forms news uses most, Konjunktiv I whatever the lexicon also knows ("die Habe" is a noun too).
    private static readonly FrozenSet<string> Common = FrozenSet.ToFrozenSet(
        ["sei", "seien", "seiest", "habe", "werde", "könne", "müsse", "dürfe", "solle", "wolle", "möge", "gebe", "gehe", "bleibe", "stehe", "liege", "komme", "lasse", "wisse"], StringComparer.Ordinal);

    // A clause the verb depends on, and an attribution that closes the sentence: ", heißt es da.", ", sagte X.".
    [GeneratedRegex(@"(?<![\p{L}])(?:dass|ob|wonach|weil)\s", RegexOptions.IgnoreCase)]
    private static partial Regex Subordinate();

    [GeneratedRegex(@",\s*(?:(?:" + Verbs + @"|verspricht|versprach|hieß es da|heißt es da)\b)[^,]*$")]
    private static partial Regex TrailingAttribution();

    /// <summary>
    /// What of the sentence is reported: from a <i>dass</i>/<i>ob</i> before the verb to the end of that clause, or else the
    /// whole sentence (the claim of someone else's continues), without an attribution that closes it.
    /// </summary>
    private static (int Start, int End) Clause(string text, int at, List<VoiceSpan> quotes)
    {
        var sentenceStart = SentenceStart(text, at);
        var sentenceEnd = SentenceEnd(text, at);
        var subordinate = Subordinate().Matches(text[sentenceStart..at]).LastOrDefault();
        if (subordinate is not null)
        {
            var start = sentenceStart + subordinate.Index;
            var end = ClauseBreak().Matches(text[at..sentenceEnd]).Where(m => !quotes.Any(q => at + m.Index > q.Start && at + m.Index < q.End)).Select(m => at + m.Index).DefaultIfEmpty(sentenceEnd).Min();
            return (start, end);
        }
        // A verb of saying before it ("so beklagt Vance, sei es …"): the reported part starts after it.
        var from = SayingBefore().Matches(text[sentenceStart..at]).Select(m => sentenceStart + m.Index + m.Length).DefaultIfEmpty(sentenceStart).Max();
        var trailing = TrailingAttribution().Match(text[at..sentenceEnd]);
        return (from, trailing.Success ? at + trailing.Index : sentenceEnd);
    }

    // On spans: the rules ask for a sentence around every quote and candidate verb, and a copy of the text before or after
    // each took time and memory on long units.
    private static int SentenceStart(string text, int at)
    {
        var start = 0;
        foreach (var m in SentenceStarts().EnumerateMatches(text.AsSpan(0, at))) start = m.Index + m.Length;
        return start;
    }

    private static int SentenceEnd(string text, int at)
    {
        foreach (var m in SentenceEndAfter().EnumerateMatches(text.AsSpan(at))) return at + m.Index + 1;
        return text.Length;
    }

    private static string SentenceAround(string text, int at) => text[SentenceStart(text, at)..SentenceEnd(text, at)];

    /// <summary>The voice of each row of the table, in row order.</summary>
    public static Voice[] Of(TokenTable table, IReadOnlyList<VoiceSpan> spans)
    {
        var byUnit = spans.GroupBy(s => s.UnitId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var voices = new Voice[table.Count];
        var i = 0;
        for (var u = 0; u < table.Units.Length; u++)
        {
            byUnit.TryGetValue(table.Units[u].Id, out var list);
            foreach (var row in table.RowsOf(u))
            {
                var span = list?.Where(s => row.Start >= s.Start && row.Start < s.End).OrderBy(s => s.Voice == Voice.Quotation ? 0 : 1).FirstOrDefault();
                voices[i++] = span?.Voice ?? Voice.Author;
            }
        }
        return voices;
    }

    /// <summary>The table in which only the words of <paramref name="voice"/> are counted (the others stay, for concordances).</summary>
    public static TokenTable Only(TokenTable table, Voice voice, IReadOnlyList<VoiceSpan> spans)
    {
        var voices = Of(table, spans);
        return table.Uncounting(i => voices[i] == voice ? null : $"voice: {voices[i].ToString().ToLowerInvariant()}");
    }

    [GeneratedRegex(@"(?<![\p{L}])ich\s+(?:\p{L}+\s+){0,2}$", RegexOptions.IgnoreCase)]
    private static partial Regex FirstPersonBefore();

    [GeneratedRegex(@"(?<![\p{L}])sage und\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex SageUndBefore();

    [GeneratedRegex(@"(?:,\s*so\s+\p{Ll}+\s+[\p{Lu}][\p{L}\-]*\s*,|:)\s*")]
    private static partial Regex SayingBefore();

    [GeneratedRegex(@"[.!?][“”»«""]?\s+(?=\p{Lu}|[„»""])")]
    private static partial Regex SentenceStarts();

    [GeneratedRegex(@"[.!?](?=[“”»«""]?(?:\s|$))")]
    private static partial Regex SentenceEndAfter();
}
