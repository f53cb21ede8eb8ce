using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Notebooks.Nbformat;

namespace Notebooks.Engine;

public enum ReadingProblemKind
{
    /// <summary>The prose states a value the run no longer computes.</summary>
    Stale,

    /// <summary>The prose cites a claim that no code cell published.</summary>
    UnknownClaim,

    /// <summary>A number in the prose is neither a cited claim nor declared a definition.</summary>
    UnboundNumber,
}

/// <summary>A markdown reading that does not hold for the notebook's current outputs.</summary>
public sealed record ReadingProblem(string Notebook, int Cell, string CellId, ReadingProblemKind Kind, string Claim, string Stated, string Computed)
{
    public override string ToString() => Kind switch
    {
        ReadingProblemKind.Stale => $"{Notebook}, cell {Cell} ({CellId}): reading '{Claim}' states \"{Stated}\", the run computed \"{Computed}\"",
        ReadingProblemKind.UnknownClaim => $"{Notebook}, cell {Cell} ({CellId}): reading cites '{Claim}' (\"{Stated}\"), which no code cell published with claim(\"{Claim}\", …)",
        _ => $"{Notebook}, cell {Cell} ({CellId}): the number \"{Stated}\" is not bound to a computed value: cite a claim (<!--claim:NAME-->{Stated}<!--/-->) or declare a definition (<!--def-->{Stated}<!--/-->)",
    };
}

/// <summary>One marked span of a markdown cell: a cited claim or a declared definition.</summary>
public sealed record ReadingMark(int Start, int Length, string? Claim, string Text);

/// <summary>
/// Readings bound to the run, in the spirit of knitr's inline values and Jupyter Book's glue: a code cell
/// publishes a value with <c>claim("name", value)</c> (saved in the cell's metadata under <c>claims</c>), and the
/// markdown cites it as <c>&lt;!--claim:name--&gt;82&lt;!--/--&gt;</c>. HTML comments are invisible in every
/// markdown viewer, so a reader sees plain prose. After a run every cited value is compared with the published
/// one, and every other number in the prose must be declared a definition (<c>&lt;!--def--&gt;p &lt; 0.05&lt;!--/--&gt;</c>),
/// so that no number typed from one run can go stale silently.
/// </summary>
public static partial class Readings
{
    public const string MetadataKey = "claims";

    [GeneratedRegex(@"<!--\s*(?:claim:(?<name>[A-Za-z0-9_.\-]+)|(?<def>def))\s*-->(?<text>.*?)<!--\s*/\s*-->", RegexOptions.Singleline)]
    private static partial Regex Marker();

    // Spans of markdown whose digits are not statements: code, link targets, comments, autolinks, names of notebooks ("notebook 01").
    [GeneratedRegex(@"```.*?```|`[^`\n]*`|\]\([^)\s]*\)|<!--.*?-->|<https?://[^>]*>|\b[Nn]otebooks? \d\d\b", RegexOptions.Singleline)]
    private static partial Regex NotProse();

    // A number standing on its own: not glued to a word (G2, log2, T3, c4.1, Covid-19, 10th).
    [GeneratedRegex(@"(?<![\p{L}\p{N}_.,:/]|\p{L}-)[+\-−]?\d+(?:[.,]\d+)*(?![\p{L}\p{N}_])")]
    private static partial Regex Digits();

    // Scale words (thousand, million, billion) are the unit of the number before them, not numbers of their own.
    [GeneratedRegex(@"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|half|halves|twice|thrice|dozens?|quarters?|thirds?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NumberWords();

    /// <summary>The text a claim's value is compared by: numbers in invariant culture with digit grouping.</summary>
    public static string Format(object? value, string? format = null) => value switch
    {
        null => "",
        string s => s,
        int or long or short or byte or uint or ulong => ((IFormattable)value).ToString(format ?? "#,0", CultureInfo.InvariantCulture),
        double or float or decimal => ((IFormattable)value).ToString(format ?? "#,0.##", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(format, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>The marks of a markdown cell, in order.</summary>
    public static IReadOnlyList<ReadingMark> Marks(string markdown) =>
        [.. Marker().Matches(markdown).Select(m => new ReadingMark(m.Index, m.Length, m.Groups["def"].Success ? null : m.Groups["name"].Value, m.Groups["text"].Value))];

    /// <summary>The values the notebook's code cells published, from their saved metadata; a later cell wins.</summary>
    public static ImmutableSortedDictionary<string, string> Claims(NotebookFile notebook)
    {
        var claims = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var cell in notebook.CodeCells)
            if (cell.Json["metadata"]?[MetadataKey] is JsonObject published)
                foreach (var (name, value) in published)
                    claims[name] = value?.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : value?.ToJsonString() ?? "";
        return claims.ToImmutable();
    }

    /// <summary>Every reading of the notebook that does not hold for its saved outputs, in cell order.</summary>
    public static IReadOnlyList<ReadingProblem> Check(NotebookFile notebook)
    {
        var claims = Claims(notebook);
        var problems = new List<ReadingProblem>();
        foreach (var cell in notebook.AllCells.Where(c => c.Type == "markdown"))
        {
            var source = cell.Source;
            ReadingProblem Problem(ReadingProblemKind kind, string claim, string stated, string computed) =>
                new(notebook.Name, cell.Index + 1, cell.Id, kind, claim, stated, computed);
            foreach (var mark in Marks(source).Where(m => m.Claim is not null))
            {
                var stated = Normalize(mark.Text);
                if (!claims.TryGetValue(mark.Claim!, out var computed)) problems.Add(Problem(ReadingProblemKind.UnknownClaim, mark.Claim!, stated, ""));
                else if (!Holds(mark.Text, computed)) problems.Add(Problem(ReadingProblemKind.Stale, mark.Claim!, stated, computed));
            }
            problems.AddRange(UnboundNumbers(source).Select(n => Problem(ReadingProblemKind.UnboundNumber, "", n, "")));
        }
        return problems;
    }

    /// <summary>Numbers (digits and English number words) in prose that is neither a mark nor code.</summary>
    public static IReadOnlyList<string> UnboundNumbers(string markdown)
    {
        var masked = Marker().Replace(markdown, m => new string(' ', m.Length));
        masked = NotProse().Replace(masked, m => new string(' ', m.Length));
        return [.. Digits().Matches(masked).Concat(NumberWords().Matches(masked)).OrderBy(m => m.Index).Select(m => m.Value)];
    }

    /// <summary>Whether the stated text is the computed value (white space aside).</summary>
    public static bool Holds(string stated, string computed) => Normalize(stated) == Normalize(computed);

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
