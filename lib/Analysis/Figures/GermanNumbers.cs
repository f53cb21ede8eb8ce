using System.Collections.Frozen;
using System.Globalization;

namespace Analysis.Figures;

/// <summary>German numerals: digits with German separators, and number words including compounds.</summary>
public static class GermanNumbers
{
    private static readonly FrozenDictionary<string, int> Units = new Dictionary<string, int>
    {
        ["zwei"] = 2, ["drei"] = 3, ["vier"] = 4, ["fünf"] = 5, ["sechs"] = 6, ["sieben"] = 7, ["acht"] = 8, ["neun"] = 9,
        ["zehn"] = 10, ["elf"] = 11, ["zwölf"] = 12, ["dreizehn"] = 13, ["vierzehn"] = 14, ["fünfzehn"] = 15, ["sechzehn"] = 16,
        ["siebzehn"] = 17, ["achtzehn"] = 18, ["neunzehn"] = 19,
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, int> Tens = new Dictionary<string, int>
    {
        ["zwanzig"] = 20, ["dreißig"] = 30, ["vierzig"] = 40, ["fünfzig"] = 50, ["sechzig"] = 60, ["siebzig"] = 70, ["achtzig"] = 80, ["neunzig"] = 90,
    }.ToFrozenDictionary();

    /// <summary>
    /// "14.000" = 14000 and "1.100" = 1100 (a '.' before exactly three digits groups thousands); "1,54" = 1.54 and
    /// "7,3" = 7.3 (',' is the decimal mark).
    /// </summary>
    public static bool TryParseDigits(string text, out double value)
    {
        value = 0;
        var groups = text.Split(',');
        if (groups.Length > 2) return false;
        var integer = groups[0].Split('.');
        if (integer.Length > 1 && integer.Skip(1).Any(g => g.Length != 3)) return false;
        if (!long.TryParse(string.Concat(integer), NumberStyles.None, CultureInfo.InvariantCulture, out var whole)) return false;
        value = whole;
        if (groups.Length == 2)
        {
            if (!long.TryParse(groups[1], NumberStyles.None, CultureInfo.InvariantCulture, out var fraction)) return false;
            value += fraction / Math.Pow(10, groups[1].Length);
        }
        return true;
    }

    /// <summary>
    /// Number words from "zwei" to the hundreds of thousands: "vier", "zehn", "fünfzig", "dreitausend",
    /// "zweihundertfünfzig", "einundzwanzig". "ein"/"eine" alone are articles, not numbers, and are not read.
    /// </summary>
    public static bool TryParseWord(string word, out double value)
    {
        value = 0;
        // Every number word ends as its last part does (drei, vier, fünf, sechs, sieben, acht, neun, zehn, elf, zwölf, -zig,
        // -ßig, hundert, tausend, eins): a cheap test first, as this runs for every distinct word of a corpus.
        if (word.Length < 3 || !EndsLikeANumber(word)) return false;
        var w = word.ToLowerInvariant();
        var thousand = w.IndexOf("tausend", StringComparison.Ordinal);
        if (thousand >= 0)
        {
            var head = w[..thousand];
            var tail = w[(thousand + "tausend".Length)..];
            double left = 1;
            if (head.Length > 0 && !TryBelowThousand(head, out left)) return false;
            double right = 0;
            if (tail.Length > 0 && !TryBelowThousand(tail, out right)) return false;
            value = left * 1000 + right;
            return true;
        }
        return TryBelowThousand(w, out value) && w is not ("ein" or "eine" or "eins");
    }

    private static readonly string[] NumberEndings = ["ei", "ier", "nf", "chs", "ben", "cht", "un", "hn", "lf", "ig", "dert", "send", "ins"];

    private static bool EndsLikeANumber(string word)
    {
        foreach (var ending in NumberEndings)
            if (word.EndsWith(ending, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static bool TryBelowThousand(string w, out double value)
    {
        value = 0;
        var hundred = w.IndexOf("hundert", StringComparison.Ordinal);
        if (hundred >= 0)
        {
            var head = w[..hundred];
            double left = 1;
            if (head.Length > 0 && !TryBelowHundred(head, out left)) return false;
            double right = 0;
            var tail = w[(hundred + "hundert".Length)..];
            if (tail.Length > 0 && !TryBelowHundred(tail, out right)) return false;
            value = left * 100 + right;
            return true;
        }
        return TryBelowHundred(w, out value);
    }

    private static bool TryBelowHundred(string w, out double value)
    {
        value = 0;
        if (w is "ein" or "eins" or "eine") { value = 1; return true; }
        if (Units.TryGetValue(w, out var u)) { value = u; return true; }
        if (Tens.TryGetValue(w, out var t)) { value = t; return true; }
        var und = w.IndexOf("und", StringComparison.Ordinal);
        if (und > 0 && Tens.TryGetValue(w[(und + 3)..], out var tens))
        {
            var unit = w[..und];
            var ones = unit is "ein" ? 1 : Units.TryGetValue(unit, out var o) && o < 10 ? o : 0;
            if (ones == 0) return false;
            value = tens + ones;
            return true;
        }
        return false;
    }
}
