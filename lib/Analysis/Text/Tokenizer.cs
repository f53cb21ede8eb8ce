using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Analysis.Text;

public enum TokenKind { Word, Number, Url }

/// <summary>
/// A token of a unit's text. <see cref="Start"/> and <see cref="Length"/> index the unit's text (trace to the raw
/// file with <c>unit.Source.SourceSpan(Start, Length)</c>); <see cref="Norm"/> is the lower-cased, normalised form.
/// </summary>
public readonly record struct Token(string Surface, string Norm, TokenKind Kind, int Start, int Length, int Sentence)
{
    /// <summary>The form's number in this process (the token table indexes forms by it), or -1 past the registry's capacity.</summary>
    internal int Form { get; init; } = -1;

    /// <summary>The parts of a hyphenated compound ("ki-rechenzentren" gives "ki", "rechenzentren").</summary>
    public string[] Parts => Norm.Split('-', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>
/// A German tokenizer. Words keep umlauts and ß; hyphenated compounds stay one token; gender forms
/// (Arbeiter:innen, Kolleg*innen, Arbeiter_innen, ArbeiterInnen) become one documented form with a colon
/// ("arbeiter:innen"); numbers (German separators) and URLs are tokens of their own kinds.
/// </summary>
/// <remarks>
/// Gender forms are recognised by this tokenizer's own rule, not by a general tokenizer's handling of ':' and
/// '*', which differs between the two. The colon form was chosen because it is the one the corpus uses most.
/// </remarks>
public static partial class Tokenizer
{

    [GeneratedRegex(@"^(?<base>.*\p{Ll})(?<suffix>In|Innen)$")]
    private static partial Regex BinnenI();

    [GeneratedRegex(@"[*_/]in(nen)?$")]
    private static partial Regex GenderMark();

    private static readonly FrozenSet<string> Abbreviations = FrozenSet.ToFrozenSet(
        ["z", "b", "d", "h", "u", "a", "o", "s", "v", "bzw", "ca", "dr", "prof", "nr", "usw", "vgl", "etc", "inkl", "ggf", "evtl", "sog", "mio", "mrd", "jh", "st", "abs", "bspw", "zb"]);


    /// <summary>
    /// Scans the text once, without regular expressions: a URL (http://, https://, www.) runs to white space,
    /// trailing punctuation excluded; a number is digits with inner '.' or ',' (German separators) not glued to
    /// letters; a word is letters, marks, digits and soft hyphens, joined by inner hyphens or one apostrophe,
    /// with an optional gender suffix (":innen", "*innen", "_innen", "/innen", and the singular "-in" forms).
    /// </summary>
    public static IReadOnlyList<Token> Tokenize(string text)
    {
        var sink = new ListSink(new List<Token>(text.Length / 6 + 4));
        Scan(text, ref sink);
        return sink.Tokens;
    }

    /// <summary>Receives each token as the scan finds it (a struct, so the scan is specialised and nothing is boxed).</summary>
    internal interface ITokenSink
    {
        void Add(in Token token);
    }

    private readonly struct ListSink(List<Token> tokens) : ITokenSink
    {
        public List<Token> Tokens => tokens;
        public void Add(in Token token) => tokens.Add(token);
    }

    /// <summary>The one scan behind <see cref="Tokenize"/> and the token table (which keeps integers, not token lists).</summary>
    internal static void Scan<TSink>(string text, ref TSink sink) where TSink : struct, ITokenSink
    {
        var sentence = 0;
        var i = 0;
        var hasPrevious = false;
        Token previous = default;
        while (i < text.Length)
        {
            var c = text[i];
            if (!char.IsLetterOrDigit(c)) { i++; continue; }
            var start = i;
            TokenKind kind;
            if (c is 'h' or 'H' or 'w' or 'W' && IsUrlStart(text, i))
            {
                kind = TokenKind.Url;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not (']' or ')')) i++;
                while (i > start && ".,;:!?“”\"'»«".Contains(text[i - 1])) i--;
            }
            else if (char.IsDigit(c) && NumberEnd(text, i) is var numberEnd and > 0)
            {
                kind = TokenKind.Number;
                i = numberEnd;
            }
            else if (LetterSpacedEnd(text, i) is var spacedEnd and > 0)
            {
                // "w ä r e": one word, its span the spaced letters, its form the letters joined.
                i = spacedEnd;
                var joined = string.Concat(text.AsSpan(start, i - start).ToString().Where(ch => ch != ' '));
                if (hasPrevious && EndsSentence(text, previous, start, joined)) sentence++;
                var (jSurface, jNorm, jForm) = Form(joined);
                previous = new Token(jSurface, jNorm, TokenKind.Word, start, i - start, sentence) { Form = jForm };
                hasPrevious = true;
                sink.Add(in previous);
                continue;
            }
            else
            {
                kind = TokenKind.Word;
                i = WordEnd(text, i);
            }
            var span = text.AsSpan(start, i - start);
            if (hasPrevious && EndsSentence(text, previous, start, span)) sentence++;
            var (surface, norm, form) = Form(span, normalize: kind == TokenKind.Word);
            previous = new Token(surface, norm, kind, start, i - start, sentence) { Form = form };
            hasPrevious = true;
            sink.Add(in previous);
        }
    }

    private static bool IsUrlStart(string text, int i) =>
        text.AsSpan(i).StartsWith("http://", StringComparison.OrdinalIgnoreCase) ||
        text.AsSpan(i).StartsWith("https://", StringComparison.OrdinalIgnoreCase) ||
        text.AsSpan(i).StartsWith("www.", StringComparison.OrdinalIgnoreCase);

    /// <summary>End of a number starting at <paramref name="i"/>, or 0 when letters follow the digits (then it is a word: "1970er", "3D").</summary>
    private static int NumberEnd(string text, int i)
    {
        while (i < text.Length)
        {
            if (char.IsDigit(text[i])) { i++; continue; }
            if (text[i] is '.' or ',' && i + 1 < text.Length && char.IsDigit(text[i + 1])) { i++; continue; }
            break;
        }
        return i < text.Length && (char.IsLetter(text[i]) || char.IsDigit(text[i])) ? 0 : i;
    }

    private static bool IsWordChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || (c > 0x7F && (char.IsLetterOrDigit(c) || c == '\u00AD' || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark));

    /// <summary>
    /// End of a letter-spaced word starting at <paramref name="i"/> (three or more single letters, each followed by one
    /// space: "w ä r e"), or 0.
    /// </summary>
    private static int LetterSpacedEnd(string text, int i)
    {
        // Fast path: nearly every word has a second letter, not a space, after its first.
        if (i + 3 >= text.Length || text[i + 1] != ' ') return 0;
        bool Single(int p) => p < text.Length && char.IsLetter(text[p]) && (p + 1 == text.Length || !IsWordChar(text[p + 1]) && text[p + 1] is not ('.' or '&' or '\'' or '-'));
        if (i > 0 && IsWordChar(text[i - 1]) || !Single(i)) return 0;
        var letters = 1;
        var p = i;
        while (p + 2 < text.Length && text[p + 1] == ' ' && Single(p + 2)) { p += 2; letters++; }
        return letters >= 3 ? p + 1 : 0;
    }

    private static int WordEnd(string text, int i)
    {
        while (i < text.Length && IsWordChar(text[i])) i++;
        // A name joined by '&' between capitals: "H&M", "AT&T".
        while (i + 1 < text.Length && text[i] == '&' && char.IsUpper(text[i - 1]) && char.IsUpper(text[i + 1]))
        {
            i++;
            while (i < text.Length && IsWordChar(text[i])) i++;
        }
        if (i + 1 < text.Length && text[i] is '\'' or '’' && char.IsLetter(text[i + 1]))
        {
            i++;
            while (i < text.Length && char.IsLetter(text[i])) i++;
        }
        while (i + 1 < text.Length && text[i] is '-' or '\u2010' or '\u2011' && char.IsLetterOrDigit(text[i + 1]))
        {
            i++;
            while (i < text.Length && IsWordChar(text[i])) i++;
        }
        if (i + 2 < text.Length && text[i] is ':' or '*' or '_' or '/' && text[i + 1] == 'i' && text[i + 2] == 'n')
        {
            var end = i + 3;
            if (text.AsSpan(end).StartsWith("nen", StringComparison.Ordinal)) end += 3;
            if (end >= text.Length || !char.IsLetter(text[end])) i = end;
        }
        return i;
    }

    /// <summary>
    /// Every word form seen in this process, numbered: written form → id, id → (surface, normalised form). A word seen
    /// before allocates nothing, and the token table indexes forms by id instead of hashing each token. Bounded: past
    /// <see cref="Capacity"/> forms, words are still normalised, just not numbered (id -1).
    /// </summary>
    // A plain dictionary under a lock: threads come here only for forms their own index lacks, and a concurrent
    // dictionary's adds held the lock far longer (12 µs each on the benchmark corpus).
    private static readonly Dictionary<string, int> FormIds = new(1 << 16, StringComparer.Ordinal);
    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> FormIdsBySpan = FormIds.GetAlternateLookup<ReadOnlySpan<char>>();
    private static (string Surface, string Norm)[] _forms = new (string, string)[1024];
    private static int _formCount;
    private static readonly Lock FormGate = new();
    private const int Capacity = 2_000_000;

    /// <summary>Number of forms numbered so far (ids are 0 … FormCount − 1).</summary>
    internal static int FormCount => Volatile.Read(ref _formCount);

    /// <summary>The written and normalised form with a number.</summary>
    internal static (string Surface, string Norm) FormOf(int id) => Volatile.Read(ref _forms)[id];

    // Each thread keeps its own index in front of the shared one: nearly every token is a form seen before, and a plain
    // Dictionary answers that far faster than the concurrent one (which took most of the tokenizer's time).
    [ThreadStatic] private static Dictionary<string, int>? _local;
    [ThreadStatic] private static Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _localBySpan;
    private const int LocalCapacity = 500_000;

    /// <summary>The form's number; <paramref name="normalize"/> false (numbers, URLs) lower-cases only.</summary>
    private static (string Surface, string Norm, int Id) Form(ReadOnlySpan<char> span, bool normalize = true)
    {
        if (_local is null || _local.Count > LocalCapacity)
        {
            _local = new Dictionary<string, int>(4096, StringComparer.Ordinal);
            _localBySpan = _local.GetAlternateLookup<ReadOnlySpan<char>>();
        }
        if (_localBySpan.TryGetValue(span, out var id)) return (Volatile.Read(ref _forms)[id].Surface, Volatile.Read(ref _forms)[id].Norm, id);
        var found = SharedForm(span, normalize);
        if (found.Id >= 0) _local[found.Surface] = found.Id;
        return found;
    }

    private static (string Surface, string Norm, int Id) SharedForm(ReadOnlySpan<char> span, bool normalize)
    {
        int id;
        lock (FormGate)
            if (FormIdsBySpan.TryGetValue(span, out id)) return (_forms[id].Surface, _forms[id].Norm, id);
        // Normalised outside the lock; another thread may add the same form meanwhile, and then its number wins.
        var surface = span.ToString();
        var norm = normalize ? Normalize(surface) : surface.ToLowerInvariant();
        lock (FormGate)
        {
            if (FormIds.TryGetValue(surface, out id)) return (_forms[id].Surface, _forms[id].Norm, id);
            if (_formCount >= Capacity) return (surface, norm, -1);
            if (_formCount == _forms.Length)
            {
                var grown = new (string, string)[_forms.Length * 2];
                Array.Copy(_forms, grown, _forms.Length);
                Volatile.Write(ref _forms, grown);
            }
            id = _formCount;
            _forms[id] = (surface, norm);
            Volatile.Write(ref _formCount, id + 1);
            FormIds[surface] = id;
            return (surface, norm, id);
        }
    }

    /// <summary>Lower-case by German rules, soft hyphens removed, gender forms to the colon form.</summary>
    public static string Normalize(string word)
    {
        if (word.Contains('\u00AD')) word = word.Replace("\u00AD", "", StringComparison.Ordinal);
        // The regular expressions only where they can match: this runs once per new word form of a corpus.
        if (word.EndsWith("In", StringComparison.Ordinal) || word.EndsWith("Innen", StringComparison.Ordinal))
        {
            var binnen = BinnenI().Match(word);
            if (binnen.Success) word = binnen.Groups["base"].Value + ":" + binnen.Groups["suffix"].Value.ToLowerInvariant();
        }
        // Invariant lower-casing is German lower-casing for every letter German uses, without a call into ICU.
        var lower = word.ToLowerInvariant();
        if (lower.AsSpan().IndexOfAny('\u2010', '\u2011', '’') >= 0) lower = lower.Replace('\u2010', '-').Replace('\u2011', '-').Replace('’', '\'');
        return lower.AsSpan().IndexOfAny("*_/") >= 0 && GenderMark().IsMatch(lower) ? GenderMark().Replace(lower, m => ":" + m.Value[1..]) : lower;
    }

    /// <summary>
    /// A sentence ends at '.', '!', '?' or '…' before a word that starts with a capital, a digit or a quote,
    /// unless the period belongs to an abbreviation ("z. B."), an initial ("J. D. Vance", but not the end of "H&amp;M.")
    /// or a date or ordinal ("28. Oktober", "19. Jahrhunderts").
    /// </summary>
    private static bool EndsSentence(string text, Token previous, int nextStart, ReadOnlySpan<char> next)
    {
        var gap = text.AsSpan(previous.Start + previous.Length, nextStart - previous.Start - previous.Length);
        if (gap.Length == 1 && gap[0] == ' ') return false;
        var punctuation = gap.IndexOfAny(".!?…");
        if (punctuation < 0) return false;
        var first = next[0];
        var opensQuote = gap[(punctuation + 1)..].IndexOfAny("„“\"»‚'(") >= 0;
        if (!char.IsUpper(first) && !char.IsDigit(first) && !opensQuote) return false;
        if (gap[punctuation] != '.' || punctuation != 0) return true;
        var norm = previous.Norm;
        // A single capital is an initial ("J. D. Vance"), unless it ends a name joined by '&' ("H&M.", "AT&T.").
        var joinedByAmpersand = previous.Start > 0 && text[previous.Start - 1] == '&';
        if (previous.Kind == TokenKind.Word && (Abbreviations.Contains(norm) || (previous.Surface.Length == 1 && char.IsUpper(previous.Surface[0]) && !joinedByAmpersand)))
            return false;
        // "am 28. Okt. 2025": an abbreviated month before its year.
        if (previous.Kind == TokenKind.Word && char.IsDigit(first) && !GermanDates.IsMonth(norm) && GermanDates.IsMonthOrAbbreviation(norm)) return false;
        if (previous.Kind == TokenKind.Number && int.TryParse(previous.Surface, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            var nextLower = next.ToString().ToLowerInvariant();
            if (n is >= 1 and <= 31 && GermanDates.IsMonthOrAbbreviation(nextLower)) return false;
            if (n is >= 1 and <= 21 && nextLower.StartsWith("jahrhundert", StringComparison.Ordinal)) return false;
        }
        return true;
    }

    /// <summary>The sentences of a text, as the tokenizer's sentence numbers divide it, each with its closing punctuation.</summary>
    public static IEnumerable<string> Sentences(string text)
    {
        var tokens = Tokenize(text);
        foreach (var group in tokens.GroupBy(t => t.Sentence))
        {
            var first = group.First();
            var last = group.Last();
            var end = last.Start + last.Length;
            while (end < text.Length && !char.IsWhiteSpace(text[end]) && !char.IsLetterOrDigit(text[end])) end++;
            yield return text[first.Start..end];
        }
    }

}
