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
    private static readonly TextInfo German = CultureInfo.GetCultureInfo("de-DE").TextInfo;

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
        var tokens = new List<Token>(text.Length / 6 + 4);
        var sentence = 0;
        var i = 0;
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
            else
            {
                kind = TokenKind.Word;
                i = WordEnd(text, i);
            }
            var span = text.AsSpan(start, i - start);
            if (tokens.Count > 0 && EndsSentence(text, tokens[^1], start, span)) sentence++;
            if (kind == TokenKind.Word)
            {
                var (surface, norm) = Form(span);
                tokens.Add(new Token(surface, norm, kind, start, i - start, sentence));
            }
            else
            {
                var surface = span.ToString();
                tokens.Add(new Token(surface, surface.ToLowerInvariant(), kind, start, i - start, sentence));
            }
        }
        return tokens;
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

    private static int WordEnd(string text, int i)
    {
        while (i < text.Length && IsWordChar(text[i])) i++;
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
    /// Written form → (surface, normalised form), shared by all threads so that a word seen before allocates nothing.
    /// Bounded: past <see cref="Capacity"/> forms, words are still normalised, just not kept.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Surface, string Norm)> Forms = new(StringComparer.Ordinal);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Surface, string Norm)>.AlternateLookup<ReadOnlySpan<char>> FormsBySpan = Forms.GetAlternateLookup<ReadOnlySpan<char>>();
    private const int Capacity = 2_000_000;

    private static (string Surface, string Norm) Form(ReadOnlySpan<char> span)
    {
        if (FormsBySpan.TryGetValue(span, out var form)) return form;
        var surface = span.ToString();
        form = (surface, Normalize(surface));
        return Forms.Count < Capacity ? Forms.GetOrAdd(surface, form) : form;
    }

    /// <summary>Lower-case by German rules, soft hyphens removed, gender forms to the colon form.</summary>
    public static string Normalize(string word)
    {
        if (word.Contains('\u00AD')) word = word.Replace("\u00AD", "", StringComparison.Ordinal);
        var binnen = BinnenI().Match(word);
        if (binnen.Success) word = binnen.Groups["base"].Value + ":" + binnen.Groups["suffix"].Value.ToLowerInvariant();
        var lower = German.ToLower(word).Replace('\u2010', '-').Replace('\u2011', '-').Replace('’', '\'');
        return GenderMark().IsMatch(lower) ? GenderMark().Replace(lower, m => ":" + m.Value[1..]) : lower;
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
        if (previous.Kind == TokenKind.Number && int.TryParse(previous.Surface, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            var nextLower = next.ToString().ToLowerInvariant();
            if (n is >= 1 and <= 31 && GermanDates.IsMonth(nextLower)) return false;
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
