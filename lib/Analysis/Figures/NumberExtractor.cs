using System.Collections.Frozen;
using System.Globalization;
using Analysis.Text;

namespace Analysis.Figures;

/// <summary>What an extracted expression is. Only <see cref="Quantity"/> is a reported figure; the others are told apart from it.</summary>
public enum MatchKind { Quantity, Year, YearRange, Date, Ordinal, Vague }

/// <summary>A numeric expression found in a unit: its value and unit, where it stands in the raw file, and its sentence.</summary>
public sealed record NumberMatch(string Document, string UnitId, MatchKind Kind, double Value, string Unit, string Text, TextSpan Span, string Sentence);

/// <summary>
/// Rules for German numeric expressions, written for the language rather than for these texts: digits with
/// German separators, scale words, number words, fractions and multiples, percent, currencies, counted nouns;
/// years, year ranges, dates and ordinals are recognised so that they are not taken for quantities.
/// </summary>
public static class NumberExtractor
{
    private static readonly FrozenDictionary<string, double> Scales = new Dictionary<string, double>
    {
        ["tausend"] = 1e3, ["mio"] = 1e6, ["million"] = 1e6, ["millionen"] = 1e6, ["mrd"] = 1e9, ["milliarde"] = 1e9, ["milliarden"] = 1e9, ["billion"] = 1e12, ["billionen"] = 1e12,
    }.ToFrozenDictionary();

    private static readonly FrozenSet<string> VagueWords = FrozenSet.ToFrozenSet(
        ["tausende", "zehntausende", "hunderttausende", "hunderte", "dutzende", "millionen", "milliarden", "tausenden", "zehntausenden"]);

    /// <summary>Counted nouns (matched on the end of the word, so compounds count: "Amazon-Beschäftigte", "Büroarbeitsplätze").</summary>
    private static readonly (string Ending, string Unit)[] Nouns =
    [
        ("arbeitsplätze", "jobs"), ("arbeitsplatz", "jobs"), ("stellen", "jobs"), ("stelle", "jobs"), ("jobs", "jobs"), ("job", "jobs"),
        ("mitarbeiter", "employees"), ("mitarbeitern", "employees"), ("mitarbeiterinnen", "employees"), ("beschäftigte", "employees"), ("beschäftigten", "employees"),
        ("arbeitnehmer", "employees"), ("arbeitnehmern", "employees"), ("angestellte", "employees"), ("angestellten", "employees"),
        ("menschen", "people"), ("personen", "people"), ("leute", "people"), ("einwohner", "people"),
        ("tage", "days"), ("tagen", "days"), ("tag", "days"), ("wochen", "weeks"), ("monate", "months"), ("monaten", "months"),
        ("jahre", "years"), ("jahren", "years"), ("stunden", "hours"), ("stunde", "hours"), ("minuten", "minutes"),
    ];


    private static readonly FrozenDictionary<string, int> Ordinals = new Dictionary<string, int>
    {
        ["zweite"] = 2, ["dritte"] = 3, ["vierte"] = 4, ["fünfte"] = 5, ["sechste"] = 6, ["siebte"] = 7, ["achte"] = 8, ["neunte"] = 9, ["zehnte"] = 10,
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, double> Fractions = new Dictionary<string, double>
    {
        ["hälfte"] = 0.5, ["drittel"] = 1.0 / 3, ["viertel"] = 0.25, ["fünftel"] = 0.2, ["zehntel"] = 0.1,
    }.ToFrozenDictionary();

    public static IReadOnlyList<NumberMatch> Extract(Corpus corpus) => Extract(corpus.Units(includeComments: true));

    public static IReadOnlyList<NumberMatch> Extract(IEnumerable<ITextUnit> units) => [.. units.SelectMany(Extract)];

    public static IReadOnlyList<NumberMatch> Extract(ITextUnit unit)
    {
        var text = unit.Text;
        var tokens = Tokenizer.Tokenize(text);
        var matches = new List<NumberMatch>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var found = Match(text, tokens, i);
            if (found is null) continue;
            var (kind, value, unitName, last) = found.Value;
            var start = tokens[i].Start;
            var end = tokens[last].Start + tokens[last].Length;
            if (kind is MatchKind.Quantity && unitName is "percent" or "USD" or "EUR" && end < text.Length && text[end..].TrimStart().Length > 0)
            {
                // a '%' or currency sign right after the number is part of the expression
                var next = text.AsSpan(end).TrimStart();
                if (next.Length > 0 && next[0] is '%' or '$' or '€') end = text.IndexOf(next[0], end) + 1;
            }
            matches.Add(new NumberMatch(unit.DocumentId, unit.Id, kind, value, unitName, text[start..end], unit.Source.SourceSpan(start, end - start), SentenceOf(text, tokens, i)));
            i = last;
        }
        return matches;
    }

    private static (MatchKind Kind, double Value, string Unit, int Last)? Match(string text, IReadOnlyList<Token> t, int i)
    {
        var token = t[i];
        var norm = token.Norm;
        string Next(int k) => i + k < t.Count ? t[i + k].Norm : "";
        string GapAfter(int k) => i + k + 1 < t.Count ? text[(t[i + k].Start + t[i + k].Length)..t[i + k + 1].Start] : text[(t[i + k].Start + t[i + k].Length)..];

        // Multiples and fractions: "doppelt so viele", "jeder sechste", "die Hälfte", "ein Drittel".
        if (norm == "doppelt" && Next(1) == "so") return (MatchKind.Quantity, 2, "ratio", Next(2) is "viele" or "viel" or "hoch" or "groß" ? i + 2 : i + 1);
        if (norm is "jeder" or "jede" or "jedes" && i + 1 < t.Count && Ordinals.TryGetValue(Ordinal(Next(1)), out var nth))
            return (MatchKind.Quantity, 1.0 / nth, "ratio", i + 1);
        if (Fractions.TryGetValue(norm, out var fraction) && i > 0 && t[i - 1].Norm is "die" or "der" or "ein" or "einem" or "eine" or "zur" or "zwei" or "drei")
            return (MatchKind.Quantity, fraction, "ratio", i);
        if (VagueWords.Contains(norm) && !(i > 0 && IsNumber(t[i - 1]))) return (MatchKind.Vague, 0, "", i);

        double value;
        var isDigits = token.Kind == TokenKind.Number;
        if (isDigits)
        {
            if (!GermanNumbers.TryParseDigits(token.Surface, out value)) return null;
            var gap = GapAfter(0);
            if (gap.StartsWith('.') && (GermanDates.IsMonth(Next(1)) || Next(1).StartsWith("jahrhundert", StringComparison.Ordinal) || gap.StartsWith(".)", StringComparison.Ordinal)))
            {
                if (GermanDates.IsMonth(Next(1)))
                    return (MatchKind.Date, value, "", i + 2 < t.Count && t[i + 2].Kind == TokenKind.Number && IsYear(t[i + 2].Surface) ? i + 2 : i + 1);
                return (MatchKind.Ordinal, value, "", i);
            }
            if (IsYear(token.Surface) && !HasUnitAfter(t, i))
            {
                if (i > 0 && t[i - 1].Norm is "zwischen" or "von" && Next(1) is "und" or "bis" && i + 2 < t.Count && IsYear(t[i + 2].Surface))
                    return (MatchKind.YearRange, value, "", i + 2);
                return (MatchKind.Year, value, "", i);
            }
        }
        else if (token.Kind == TokenKind.Word && token.Surface.Length > 1 && token.Surface[^1] == 'h' && token.Surface[..^1].All(char.IsDigit))
        {
            return (MatchKind.Quantity, double.Parse(token.Surface[..^1], CultureInfo.InvariantCulture), "hours", i);   // "5h"
        }
        else if (token.Kind == TokenKind.Word && GermanNumbers.TryParseWord(norm, out value))
        {
            // A number word counts only when something is counted: "vier Prozent", "dreitausend Arbeitnehmer".
            if (!HasUnitAfter(t, i) && !(i + 1 < t.Count && char.IsUpper(t[i + 1].Surface[0]))) return null;
        }
        else
        {
            return null;
        }

        var last = i;
        if (last + 1 < t.Count && Scales.TryGetValue(t[last + 1].Norm.TrimEnd('.'), out var scale))
        {
            value *= scale;
            last++;
        }
        var after = last + 1 < t.Count ? t[last + 1].Norm : "";
        var gapAfterNumber = last + 1 < t.Count ? text[(t[last].Start + t[last].Length)..t[last + 1].Start] : text[(t[last].Start + t[last].Length)..];
        if (gapAfterNumber.TrimStart().StartsWith('%') || after == "prozent")
        {
            if (after == "prozent") last++;
            if (last + 2 < t.Count && t[last + 1].Norm == "pro" && t[last + 2].Norm == "jahr") return (MatchKind.Quantity, value, "percent per year", last + 2);
            return (MatchKind.Quantity, value, "percent", last);
        }
        if (gapAfterNumber.TrimStart().StartsWith('$') || after is "dollar" or "us-dollar" or "usd") return (MatchKind.Quantity, value, "USD", after is "dollar" or "us-dollar" or "usd" ? last + 1 : last);
        if (gapAfterNumber.TrimStart().StartsWith('€') || after is "euro" or "eur") return (MatchKind.Quantity, value, "EUR", after is "euro" or "eur" ? last + 1 : last);
        if (last + 1 < t.Count && NounUnit(t[last + 1].Norm) is { } noun) return (MatchKind.Quantity, value, noun, last + 1);
        if (last + 1 < t.Count && char.IsUpper(t[last + 1].Surface[0]) && t[last + 1].Kind == TokenKind.Word && !isDigits) return (MatchKind.Quantity, value, "count", last + 1);
        return (MatchKind.Quantity, value, "", last);
    }

    private static string Ordinal(string norm) => norm.EndsWith('r') || norm.EndsWith('n') || norm.EndsWith('s') ? norm[..^1] : norm;

    private static bool IsNumber(Token t) => t.Kind == TokenKind.Number || GermanNumbers.TryParseWord(t.Norm, out _);

    /// <summary>A four-digit whole number 1800–2100 without separators reads as a year unless a unit follows.</summary>
    private static bool IsYear(string surface) =>
        surface.Length == 4 && surface.All(char.IsDigit) && int.Parse(surface, CultureInfo.InvariantCulture) is >= 1800 and <= 2100;

    private static bool HasUnitAfter(IReadOnlyList<Token> t, int i)
    {
        if (i + 1 >= t.Count) return false;
        var next = t[i + 1].Norm.TrimEnd('.');
        return Scales.ContainsKey(next) || next is "prozent" or "dollar" or "us-dollar" or "euro" || NounUnit(next) is not null;
    }

    private static string? NounUnit(string norm)
    {
        foreach (var (ending, unit) in Nouns)
            if (norm.EndsWith(ending, StringComparison.Ordinal) && (norm.Length == ending.Length || norm[^(ending.Length + 1)] == '-' || ending.Length >= 6))
                return unit;
        return null;
    }

    private static string SentenceOf(string text, IReadOnlyList<Token> tokens, int i)
    {
        var sentence = tokens[i].Sentence;
        var first = tokens.First(t => t.Sentence == sentence);
        var last = tokens.Last(t => t.Sentence == sentence);
        var end = last.Start + last.Length;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && !char.IsLetterOrDigit(text[end])) end++;
        return text[first.Start..end];
    }
}
