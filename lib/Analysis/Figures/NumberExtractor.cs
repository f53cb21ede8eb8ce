using System.Collections.Frozen;
using System.Globalization;
using Analysis.Text;

namespace Analysis.Figures;

/// <summary>What an extracted expression is. Only <see cref="Quantity"/> is a reported figure; the others are told apart from it.</summary>
public enum MatchKind { Quantity, Year, YearRange, Date, Time, Ordinal, Vague }

/// <summary>
/// A numeric expression found in a unit: its value (the lower end of a range, whose upper end is <see cref="High"/>)
/// and unit, where it stands in the raw file, its sentence and where in the sentence it starts.
/// </summary>
public sealed record NumberMatch(string Document, string UnitId, MatchKind Kind, double Value, string Unit, string Text, TextSpan Span, string Sentence, int InSentence = 0, double? High = null)
{
    // A match found in a unit points into the unit's text and makes its sentence when asked: a corpus of 100,000 documents
    // has millions of numbers, several to a sentence, and a copy of the sentence for each took gigabytes.
    private readonly TextSlice _sentence = TextSlice.Whole(Sentence);

    internal NumberMatch(string document, string unitId, MatchKind kind, double value, string unit, string text, TextSpan span, TextSlice sentence, int inSentence, double? high)
        : this(document, unitId, kind, value, unit, text, span, null!, inSentence, high) => _sentence = sentence;

    public string Sentence { get => _sentence.ToString(); init => _sentence = TextSlice.Whole(value); }

    /// <summary>The sentence without a copy.</summary>
    internal ReadOnlySpan<char> SentenceSpan => _sentence.Span;

    /// <summary>The sentence as a slice of the unit's text (for a candidate made from the match, which keeps it uncopied too).</summary>
    internal TextSlice SentenceSlice => _sentence;

    public bool Equals(NumberMatch? other) => other is not null && Document == other.Document && UnitId == other.UnitId && Kind == other.Kind &&
        Value.Equals(other.Value) && Unit == other.Unit && Text == other.Text && Span == other.Span && InSentence == other.InSentence &&
        Nullable.Equals(High, other.High) && SentenceSpan.SequenceEqual(other.SentenceSpan);

    public override int GetHashCode() => HashCode.Combine(Document, UnitId, Kind, Value, Span, InSentence);
}

/// <summary>Matches of one unit whose sentences read the same (the other numbers of a match's sentence), compared without copying the sentences.</summary>
internal sealed class SameSentence : IEqualityComparer<NumberMatch>
{
    public static readonly SameSentence Instance = new();

    public bool Equals(NumberMatch? x, NumberMatch? y) => x is not null && y is not null && x.UnitId == y.UnitId && x.SentenceSpan.SequenceEqual(y.SentenceSpan);

    public int GetHashCode(NumberMatch m) => HashCode.Combine(m.UnitId, string.GetHashCode(m.SentenceSpan, StringComparison.Ordinal));
}

/// <summary>Characters [Start, Start + Length) of a text, held without copying them.</summary>
internal readonly record struct TextSlice(string Text, int Start, int Length)
{
    /// <summary>All of <paramref name="text"/>; null (a record's constructor before the slice is set) gives the empty slice.</summary>
    public static TextSlice Whole(string? text) => text is null ? default : new(text, 0, text.Length);

    public ReadOnlySpan<char> Span => Text.AsSpan(Start, Length);

    public override string ToString() => Text is null ? "" : Start == 0 && Length == Text.Length ? Text : Text.Substring(Start, Length);
}

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
        ("mitarbeiter", "employees"), ("mitarbeitern", "employees"), ("mitarbeiterinnen", "employees"), ("mitarbeitende", "employees"), ("mitarbeitenden", "employees"),
        ("mitarbeiter:innen", "employees"), ("beschäftigte", "employees"), ("beschäftigten", "employees"), ("arbeitnehmer", "employees"), ("arbeitnehmern", "employees"),
        ("arbeitnehmende", "employees"), ("arbeitnehmenden", "employees"), ("angestellte", "employees"), ("angestellten", "employees"), ("arbeitskräfte", "employees"), ("arbeitskräften", "employees"),
        ("menschen", "people"), ("personen", "people"), ("leute", "people"), ("einwohner", "people"), ("befragte", "people"), ("befragten", "people"),
        ("tage", "days"), ("tagen", "days"), ("tag", "days"), ("wochen", "weeks"), ("monate", "months"), ("monaten", "months"),
        ("jahre", "years"), ("jahren", "years"), ("stunden", "hours"), ("stunde", "hours"), ("minuten", "minutes"),
    ];


    /// <summary>Currency words and signs, before or after the number: "118 Mrd. $", "$118 Milliarden", "€ 4,5 Mrd.", "14'000 Franken".</summary>
    private static readonly FrozenDictionary<string, string> Currencies = new Dictionary<string, string>
    {
        ["dollar"] = "USD", ["us-dollar"] = "USD", ["usd"] = "USD", ["$"] = "USD", ["us-$"] = "USD",
        ["euro"] = "EUR", ["eur"] = "EUR", ["€"] = "EUR",
        ["franken"] = "CHF", ["chf"] = "CHF", ["pfund"] = "GBP", ["gbp"] = "GBP", ["£"] = "GBP",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, int> Ordinals = new Dictionary<string, int>
    {
        ["zweite"] = 2, ["dritte"] = 3, ["vierte"] = 4, ["fünfte"] = 5, ["sechste"] = 6, ["siebte"] = 7, ["achte"] = 8, ["neunte"] = 9, ["zehnte"] = 10,
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, double> Fractions = new Dictionary<string, double>
    {
        ["hälfte"] = 0.5, ["drittel"] = 1.0 / 3, ["viertel"] = 0.25, ["fünftel"] = 0.2, ["sechstel"] = 1.0 / 6, ["achtel"] = 0.125, ["zehntel"] = 0.1,
    }.ToFrozenDictionary();

    /// <summary>Every unit of the corpus, read from its token table (no tokenising again).</summary>
    public static IReadOnlyList<NumberMatch> Extract(Corpus corpus)
    {
        var table = TokenTable.Of(corpus);
        return [.. Enumerable.Range(0, table.Units.Length).SelectMany(u => Extract(table.Units[u], table.TokensOf(u)))];
    }

    public static IReadOnlyList<NumberMatch> Extract(IEnumerable<ITextUnit> units) => [.. units.SelectMany(Extract)];

    public static IReadOnlyList<NumberMatch> Extract(ITextUnit unit) => Extract(unit, Tokenizer.Tokenize(unit.Text));

    private static IReadOnlyList<NumberMatch> Extract(ITextUnit unit, IReadOnlyList<Token> tokens)
    {
        var text = unit.Text;
        var matches = new List<NumberMatch>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (Match(text, tokens, i) is not { } found) continue;
            var (sentenceStart, sentenceEnd) = SentenceOf(text, tokens, i);
            // A sign before the sentence's first token ("$118 …" opening it) belongs to the sentence.
            if (found.Start < sentenceStart) sentenceStart = found.Start;
            matches.Add(new NumberMatch(unit.DocumentId, unit.Id, found.Kind, found.Value, found.Unit, text[found.Start..found.End],
                unit.Source.SourceSpan(found.Start, found.End - found.Start), new TextSlice(text, sentenceStart, sentenceEnd - sentenceStart), found.Start - sentenceStart, found.High));
            i = found.Last;
        }
        return matches;
    }

    /// <summary>What <see cref="Match"/> found: kind, value, unit, the last token it used and its character span.</summary>
    private readonly record struct Found(MatchKind Kind, double Value, string Unit, int Last, int Start, int End, double? High = null);

    /// <summary>Durations with the indefinite article: "eine Stunde", "eines Quartals", "einem halben Jahrhundert" (unit, how many of it).</summary>
    private static readonly (string Stem, string Unit, double Times)[] Durations =
    [
        ("stunde", "hours", 1), ("tag", "days", 1), ("woche", "weeks", 1), ("monat", "months", 1), ("quartal", "months", 3), ("jahrzehnt", "years", 10),
        ("jahrhundert", "years", 100), ("jahr", "years", 1),
    ];

    private static (string Unit, double Times)? Duration(string norm)
    {
        foreach (var (stem, unit, times) in Durations)
            if (norm.StartsWith(stem, StringComparison.Ordinal) && norm.Length - stem.Length <= 2 && norm[stem.Length..] is "" or "e" or "en" or "n" or "s" or "es")
                return (unit, times);
        return null;
    }

    // Characters that group thousands in "14 000", "14 000" (no-break), "14 000" (narrow no-break), "14'000", "14’000".
    private static bool IsGroupSeparator(string gap) => gap is " " or "\u00a0" or "\u202f" or "\u2009" or "'" or "’";

    private static Found? Match(string text, IReadOnlyList<Token> t, int i)
    {
        var token = t[i];
        var norm = token.Norm;
        string Next(int k) => i + k < t.Count ? t[i + k].Norm : "";
        int EndOf(int k) => t[k].Start + t[k].Length;
        string GapAfter(int k) => k + 1 < t.Count ? text[EndOf(k)..t[k + 1].Start] : text[EndOf(k)..];
        Found Q(MatchKind kind, double value, string unit, int last) => new(kind, value, unit, last, token.Start, EndOf(last));

        // Multiples and fractions: "doppelt so viele", "jeder sechste", "die Hälfte", "ein Drittel", "zwei Drittel".
        if (norm == "doppelt" && Next(1) == "so") return Q(MatchKind.Quantity, 2, "ratio", Next(2) is "viele" or "viel" or "hoch" or "groß" ? i + 2 : i + 1);
        if (norm is "jeder" or "jede" or "jedes" && i + 1 < t.Count && Ordinals.TryGetValue(Ordinal(Next(1)), out var nth))
            return Q(MatchKind.Quantity, 1.0 / nth, "ratio", i + 1);
        if (Fractions.TryGetValue(norm, out var fraction) && i > 0 && t[i - 1].Norm is "die" or "der" or "ein" or "einem" or "eine" or "zur")
            return Q(MatchKind.Quantity, fraction, "ratio", i);
        if (VagueWords.Contains(norm) && !(i > 0 && IsNumber(t[i - 1]))) return Q(MatchKind.Vague, 0, "", i);
        // "eine Stunde", "eines Quartals", "einem halben Jahrhundert", "anderthalb Jahre": a duration, counted once or by halves.
        if (norm is "ein" or "eine" or "einer" or "eines" or "einem" or "einen" or "anderthalb" or "eineinhalb")
        {
            var count = norm is "anderthalb" or "eineinhalb" ? 1.5 : 1;
            var at = i + 1;
            if (at < t.Count && count == 1 && t[at].Norm.StartsWith("halb", StringComparison.Ordinal) && t[at].Norm.Length <= 6) { count = 0.5; at++; }
            // "eines Tages" is "some day", not a day.
            if (at < t.Count && char.IsUpper(t[at].Surface[0]) && Duration(t[at].Norm) is { } duration && !(norm == "eines" && t[at].Norm == "tages")) return Q(MatchKind.Quantity, count * duration.Times, duration.Unit, at);
            if (norm is "ein" or "eine" && Next(1) == "bis" && i + 2 < t.Count && Match(text, t, i + 2) is { Kind: MatchKind.Quantity } upper)
                return new(MatchKind.Quantity, 1, upper.Unit, upper.Last, token.Start, upper.End, upper.Value);   // "ein bis zwei Stunden"
            return null;
        }

        double value;
        var last = i;
        var isDigits = token.Kind == TokenKind.Number;
        if (isDigits)
        {
            if (NumericDate(token.Surface)) return Q(MatchKind.Date, 0, "", i);
            if (!GermanNumbers.TryParseDigits(token.Surface, out value)) return null;
            var gap = GapAfter(i);
            // Clock times ("14:32 Uhr", "9 Uhr") and ISO dates ("2026-01-29") in datelines are not quantities.
            if (gap == ":" && Next(1).Length == 2 && t[i + 1].Kind == TokenKind.Number) return Q(MatchKind.Time, value, "", Next(2) == "uhr" ? i + 2 : i + 1);
            if (Next(1) == "uhr") return Q(MatchKind.Time, value, "", i + 1);
            if (token.Surface.Length == 4 && gap == "-" && Next(1).Length == 2 && GapAfter(i + 1) == "-" && Next(2).Length == 2) return Q(MatchKind.Date, 0, "", i + 2);
            if (gap.StartsWith('.') && (GermanDates.IsMonthOrAbbreviation(Next(1)) || Next(1).StartsWith("jahrhundert", StringComparison.Ordinal) || gap.StartsWith(".)", StringComparison.Ordinal)))
            {
                if (GermanDates.IsMonthOrAbbreviation(Next(1)))
                    return Q(MatchKind.Date, value, "", i + 2 < t.Count && t[i + 2].Kind == TokenKind.Number && IsYear(t[i + 2].Surface) ? i + 2 : i + 1);
                return Q(MatchKind.Ordinal, value, "", i);
            }
            // Space- or apostrophe-grouped thousands: "16 000", "14'000", "1 560 000".
            while (token.Surface.Length <= 3 && !token.Surface.Contains(',') && last + 1 < t.Count && t[last + 1].Kind == TokenKind.Number
                   && t[last + 1].Surface.Length >= 3 && t[last + 1].Surface[..3].All(char.IsDigit) && (t[last + 1].Surface.Length == 3 || t[last + 1].Surface[3] == ',')
                   && IsGroupSeparator(GapAfter(last)) && GermanNumbers.TryParseDigits(t[last + 1].Surface, out var group))
            {
                value = value * 1000 + group;
                last++;
            }
            if (last == i && IsYear(token.Surface) && !HasUnitAfter(t, i))
            {
                if (i > 0 && t[i - 1].Norm is "zwischen" or "von" && Next(1) is "und" or "bis" && i + 2 < t.Count && IsYear(t[i + 2].Surface))
                    return Q(MatchKind.YearRange, value, "", i + 2);
                return Q(MatchKind.Year, value, "", i);
            }
        }
        else if (token.Kind == TokenKind.Word && token.Surface.Length > 1 && token.Surface[^1] == 'h' && token.Surface[..^1].All(char.IsDigit))
        {
            return Q(MatchKind.Quantity, double.Parse(token.Surface[..^1], CultureInfo.InvariantCulture), "hours", i);   // "5h"
        }
        else if (token.Kind == TokenKind.Word && GermanNumbers.TryParseWord(norm, out value))
        {
            if (Fractions.TryGetValue(Next(1), out var part)) return Q(MatchKind.Quantity, value * part, "ratio", i + 1); // "zwei Drittel"
            // A number word counts only when something is counted: "vier Prozent", "dreitausend Arbeitnehmer".
            if (!HasUnitAfter(t, i) && !(i + 1 < t.Count && char.IsUpper(t[i + 1].Surface[0]))) return null;
        }
        else
        {
            return null;
        }

        // A range: "10 bis 15 Prozent", "zwischen 10.000 und 15.000 Stellen", "2–3 Milliarden": one statement with both ends.
        var dash = GapAfter(last).Trim() is "–" or "-" && last + 1 < t.Count && t[last + 1].Kind == TokenKind.Number;
        var joined = last + 2 < t.Count && IsNumber(t[last + 2]) && (t[last + 1].Norm == "bis" || t[last + 1].Norm == "und" && i > 0 && t[i - 1].Norm == "zwischen");
        if (dash || joined)
        {
            var upperAt = dash ? last + 1 : last + 2;
            if (Match(text, t, upperAt) is { Kind: MatchKind.Quantity } upper && upper.Value > value)
            {
                var upperScale = upper.Last > upperAt && Scales.TryGetValue(t[upperAt + 1].Norm.TrimEnd('.'), out var us) ? us : 1;
                var low = last + 1 < t.Count && Scales.TryGetValue(t[last + 1].Norm.TrimEnd('.'), out var ls) ? value * ls : value * upperScale;
                if (low < upper.Value) return new(MatchKind.Quantity, low, upper.Unit, upper.Last, token.Start, upper.End, upper.Value);
            }
        }
        if (last + 1 < t.Count && Scales.TryGetValue(t[last + 1].Norm.TrimEnd('.'), out var scale))
        {
            // In decimal: 1.57 × 10⁶ is 1,570,000, not 1,569,999.9999999998.
            value = (double)((decimal)value * (decimal)scale);
            last++;
        }
        var start = token.Start;
        var end = EndOf(last);
        // A currency sign before the number: "$118 Milliarden", "€ 4,5 Mrd.".
        var before = text[(i > 0 ? EndOf(i - 1) : 0)..token.Start].TrimEnd();
        string? prefixCurrency = null;
        if (before.Length > 0 && Currencies.TryGetValue(before[^1].ToString(), out var signCurrency))
        {
            prefixCurrency = signCurrency;
            start = token.Start - (text[..token.Start].Length - text[..token.Start].TrimEnd().Length) - 1;
        }

        var after = last + 1 < t.Count ? t[last + 1].Norm : "";
        // What follows the number, past an abbreviation's dot ("Mrd. $").
        var rest = GapAfter(last).TrimStart().TrimStart('.').TrimStart();
        if (rest.StartsWith('%') || after == "prozent")
        {
            if (after == "prozent") last++;
            else end = text.IndexOf('%', end) + 1;
            if (last + 2 < t.Count && t[last + 1].Norm == "pro" && t[last + 2].Norm == "jahr") return new(MatchKind.Quantity, value, "percent per year", last + 2, start, EndOf(last + 2));
            return new(MatchKind.Quantity, value, "percent", last, start, Math.Max(end, EndOf(last)));
        }
        if (rest.Length > 0 && "$€£".Contains(rest[0]) && Currencies.TryGetValue(rest[0].ToString(), out var signAfter))
            return new(MatchKind.Quantity, value, signAfter, last, start, text.IndexOf(rest[0], end) + 1);
        if (Currencies.TryGetValue(after, out var currency)) return new(MatchKind.Quantity, value, currency, last + 1, start, EndOf(last + 1));
        if (prefixCurrency is not null) return new(MatchKind.Quantity, value, prefixCurrency, last, start, end);
        // German nouns are capitalised: "befragten" before "Mitarbeitenden" is an adjective, not the counted noun.
        if (last + 1 < t.Count && char.IsUpper(t[last + 1].Surface[0]) && NounUnit(t[last + 1].Norm) is { } noun) return new(MatchKind.Quantity, value, noun, last + 1, start, EndOf(last + 1));
        // One adjective between number and noun: "16.000 gestrichenen Stellen", "20 neue Jobs".
        if (last + 2 < t.Count && t[last + 1].Kind == TokenKind.Word && char.IsLower(t[last + 1].Surface[0]) && NounUnit(t[last + 2].Norm) is { } later)
            return new(MatchKind.Quantity, value, later, last + 2, start, EndOf(last + 2));
        if (last + 1 < t.Count && char.IsUpper(t[last + 1].Surface[0]) && t[last + 1].Kind == TokenKind.Word && !isDigits) return new(MatchKind.Quantity, value, "count", last + 1, start, EndOf(last + 1));
        return new(MatchKind.Quantity, value, "", last, start, end);
    }

    /// <summary>"29.01.2026", "1.2.2026": day, month and year with dots.</summary>
    private static bool NumericDate(string surface)
    {
        var parts = surface.Split('.');
        return parts.Length == 3 && parts[0].Length is 1 or 2 && parts[1].Length is 1 or 2 && parts[2].Length is 2 or 4 && parts.All(p => p.All(char.IsDigit));
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
        return Scales.ContainsKey(next) || next is "prozent" || Currencies.ContainsKey(next) || NounUnit(next) is not null;
    }

    private static string? NounUnit(string norm)
    {
        // Compounds count by their head ("Bürojobs", "Verwaltungsstellen"); three-letter heads only alone or after a hyphen ("Dienstag" is no "Tag").
        foreach (var (ending, unit) in Nouns)
            if (norm.EndsWith(ending, StringComparison.Ordinal) && (norm.Length == ending.Length || norm[^(ending.Length + 1)] == '-' || ending.Length >= 4))
                return unit;
        return null;
    }

    private static (int Start, int End) SentenceOf(string text, IReadOnlyList<Token> tokens, int i)
    {
        // A sentence's tokens stand together: its first and last are found from the match outwards, not by scanning the unit.
        var sentence = tokens[i].Sentence;
        var (from, to) = (i, i);
        while (from > 0 && tokens[from - 1].Sentence == sentence) from--;
        while (to + 1 < tokens.Count && tokens[to + 1].Sentence == sentence) to++;
        var (first, last) = (tokens[from], tokens[to]);
        var end = last.Start + last.Length;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && !char.IsLetterOrDigit(text[end])) end++;
        // An opening quotation mark belongs to the sentence: it makes the words someone else's.
        var start = first.Start;
        while (start > 0 && text[start - 1] is '„' or '»' or '"' or '“') start--;
        return (start, end);
    }
}
