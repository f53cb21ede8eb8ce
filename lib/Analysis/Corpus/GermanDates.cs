using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Analysis;

/// <summary>Dates as the corpus writes them: "28. Oktober 2025", "30.01.2026", and taz's "5 Dec 2025".</summary>
public static partial class GermanDates
{
    /// <summary>German month names, lower case, January first.</summary>
    public static readonly ImmutableArray<string> MonthNames =
        ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"];

    /// <summary>Whether a lower-case word is a German month name.</summary>
    public static bool IsMonth(string lower) => MonthNames.Contains(lower);

    private static readonly ImmutableArray<string> MonthAbbreviations = ["jan", "feb", "mär", "mrz", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dez"];

    /// <summary>A month name or its usual abbreviation ("Okt", "Sept", "Mrz"), lower case, without the dot.</summary>
    public static bool IsMonthOrAbbreviation(string lower) => IsMonth(lower) || MonthAbbreviations.Contains(lower.TrimEnd('.'));

    [GeneratedRegex(@"^(?<d>\d{1,2})\.\s*(?<m>[\p{L}]+)\s+(?<y>\d{4})$")]
    private static partial Regex LongForm();

    [GeneratedRegex(@"^(?<d>\d{1,2})\.(?<m>\d{1,2})\.(?<y>\d{4})$")]
    private static partial Regex NumericForm();

    [GeneratedRegex(@"^(?<d>\d{1,2}) (?<m>[A-Z][a-z]{2}) (?<y>\d{4})$")]
    private static partial Regex EnglishShortForm();

    public static bool TryParse(string text, out DateOnly date)
    {
        text = text.Trim();
        date = default;
        var m = LongForm().Match(text);
        if (m.Success)
        {
            var month = MonthNames.IndexOf(m.Groups["m"].Value.ToLowerInvariant()) + 1;
            return month > 0 && TryCreate(m, month, out date);
        }
        m = NumericForm().Match(text);
        if (m.Success) return TryCreate(m, int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), out date);
        m = EnglishShortForm().Match(text);
        if (m.Success)
            return DateOnly.TryParseExact(text, "d MMM yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
        return false;
    }

    public static DateOnly Parse(string text) =>
        TryParse(text, out var date) ? date : throw new FormatException($"Not a date in a form the corpus uses: '{text}'.");

    private static bool TryCreate(Match m, int month, out DateOnly date)
    {
        var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        date = default;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }
}
