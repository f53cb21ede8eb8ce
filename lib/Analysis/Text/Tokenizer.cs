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

    // url | number (not glued to letters) | word: letter or digit runs joined by inner hyphens or an apostrophe,
    // with an optional gender suffix.
    [GeneratedRegex(
        @"(?<url>(?:https?://|www\.)[^\s\]\)]*[^\s\]\).,;:!?“”""'»«])" +
        @"|(?<num>\d+(?:[.,]\d+)*(?![\p{L}\d]))" +
        @"|(?<word>[\p{L}\p{N}][\p{L}\p{M}\p{N}\u00AD]*(?:['’]\p{L}+)?(?:[-\u2010\u2011][\p{L}\p{N}][\p{L}\p{M}\p{N}\u00AD]*)*(?:[:*_/]in(?:nen)?(?![\p{L}]))?)")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"^(?<base>.*\p{Ll})(?<suffix>In|Innen)$")]
    private static partial Regex BinnenI();

    [GeneratedRegex(@"[*_/]in(nen)?$")]
    private static partial Regex GenderMark();

    private static readonly FrozenSet<string> Abbreviations = FrozenSet.ToFrozenSet(
        ["z", "b", "d", "h", "u", "a", "o", "s", "v", "bzw", "ca", "dr", "prof", "nr", "usw", "vgl", "etc", "inkl", "ggf", "evtl", "sog", "mio", "mrd", "jh", "st", "abs", "bspw", "zb"]);

    private static readonly FrozenSet<string> Months = FrozenSet.ToFrozenSet(
        ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"]);

    public static IReadOnlyList<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var sentence = 0;
        foreach (Match m in TokenPattern().Matches(text))
        {
            if (tokens.Count > 0 && EndsSentence(text, tokens[^1], m)) sentence++;
            var kind = m.Groups["url"].Success ? TokenKind.Url : m.Groups["num"].Success ? TokenKind.Number : TokenKind.Word;
            tokens.Add(new Token(m.Value, kind == TokenKind.Word ? Normalize(m.Value) : m.Value.ToLowerInvariant(), kind, m.Index, m.Length, sentence));
        }
        return tokens;
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
    /// unless the period belongs to an abbreviation ("z. B."), an initial ("J. D. Vance") or a date or ordinal
    /// ("28. Oktober", "19. Jahrhunderts").
    /// </summary>
    private static bool EndsSentence(string text, Token previous, Match next)
    {
        var gap = text.AsSpan(previous.Start + previous.Length, next.Index - previous.Start - previous.Length);
        var punctuation = gap.IndexOfAny(".!?…");
        if (punctuation < 0) return false;
        var first = next.Value[0];
        var opensQuote = gap[(punctuation + 1)..].IndexOfAny("„“\"»‚'(") >= 0;
        if (!char.IsUpper(first) && !char.IsDigit(first) && !opensQuote) return false;
        if (gap[punctuation] != '.' || punctuation != 0) return true;
        var norm = previous.Norm;
        if (previous.Kind == TokenKind.Word && (Abbreviations.Contains(norm) || (previous.Surface.Length == 1 && char.IsUpper(previous.Surface[0]))))
            return false;
        if (previous.Kind == TokenKind.Number && int.TryParse(previous.Surface, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            var nextLower = next.Value.ToLowerInvariant();
            if (n is >= 1 and <= 31 && Months.Contains(nextLower)) return false;
            if (n is >= 1 and <= 21 && nextLower.StartsWith("jahrhundert", StringComparison.Ordinal)) return false;
        }
        return true;
    }

    /// <summary>Sentences of a text as (start, length) ranges, following the tokens' sentence numbers.</summary>
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
