using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Analysis.Figures;

/// <summary>
/// One reviewed quantitative statement of a text, with the verbatim quote and raw offset it comes from.
/// <see cref="Measure"/>, <see cref="Entity"/>, <see cref="Unit"/> and <see cref="Period"/> are normalised, so that
/// rules compare statements across texts: the same entity, measure and period stated twice must agree
/// (<see cref="CrossChecks"/>). Measures name a quantity ("job cuts", "workforce"), a share of one in another
/// ("share of job cuts in workforce"), a multiple of one ("multiple of job cuts"), or a scope of one
/// ("investment (capital expenditure)"). Periods are "2025-10", "2025", ranges "2025-10/2026-01" or "1947-1979",
/// or empty when the text does not say. <see cref="Note"/> is free text for the reader.
/// </summary>
public sealed record ReportedFigure(string Id, string Document, string Quote, int Offset, double Value, string Unit, string Measure, string Period, string Entity, string Kind, string Note = "")
{
    public TextSpan Span => new(Offset, Offset + Quote.Length);

    /// <summary>Units that count the same things: jobs, employees and people are all head counts.</summary>
    public string UnitFamily => Unit is "jobs" or "employees" or "people" ? "persons" : Unit;

    /// <summary>A quotation repeats another text's statement; rules do not count it as a statement of its own.</summary>
    public bool IsQuotation => Kind == "quotation";
}

/// <summary>A figures file that cannot be read: the message names the file, line and field.</summary>
public sealed class FigureFormatException(string file, int line, string field, string message)
    : Exception($"{file}, line {line}: {field}: {message}")
{
    public int Line { get; } = line;
    public string Field { get; } = field;

    /// <summary>What is wrong, without file and line.</summary>
    public string Detail { get; } = message;
}

/// <summary>Reads <c>data/figures.csv</c> (RFC 4180, UTF-8, invariant numbers).</summary>
public static class FigureData
{
    public const string FileName = "figures.csv";

    public static readonly FrozenSet<string> Units = FrozenSet.ToFrozenSet(
        ["jobs", "employees", "people", "USD", "EUR", "CHF", "GBP", "USD per month", "USD per year", "EUR per month", "EUR per year", "percent", "percent per year",
         "index", "days", "weeks", "months", "years", "hours", "minutes", "ratio", "count"]);

    public static readonly FrozenSet<string> Kinds = FrozenSet.ToFrozenSet(["reported fact", "forecast", "reader comment", "derived", "quotation"]);

    /// <summary>The columns of <c>figures.csv</c>, in order.</summary>
    public static readonly System.Collections.Immutable.ImmutableArray<string> Columns = ["id", "document", "quote", "offset", "value", "unit", "measure", "period", "entity", "kind", "note"];

    /// <summary>The figure with the id, or an error naming the id and the file to look in.</summary>
    public static ReportedFigure ById(this IEnumerable<ReportedFigure> figures, string id) =>
        figures.FirstOrDefault(f => f.Id == id) ?? throw new KeyNotFoundException($"No figure '{id}' in {FileName}: the notebook cites it, the file lacks it.");

    public static ImmutableArray<ReportedFigure> Load(Corpus corpus) => Load(Path.Combine(corpus.DataDirectory, FileName));

    public static ImmutableArray<ReportedFigure> Load(string path)
    {
        if (!File.Exists(path)) throw new FigureFormatException(path, 0, "file", "not found.");
        return Parse(path, Csv.Parse(File.ReadAllText(path, Encoding.UTF8)));
    }

    internal static ImmutableArray<ReportedFigure> Parse(string path, List<(int Line, List<string> Fields)> records)
    {
        if (records.Count == 0 || !records[0].Fields.SequenceEqual(Columns))
            throw new FigureFormatException(path, 1, "header", $"expected the columns {string.Join(",", Columns)}.");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var result = ImmutableArray.CreateBuilder<ReportedFigure>();
        foreach (var (line, f) in records.Skip(1))
        {
            if (f.Count != Columns.Length) throw new FigureFormatException(path, line, "row", $"{f.Count} fields, expected {Columns.Length}.");
            if (!ids.Add(f[0])) throw new FigureFormatException(path, line, "id", $"duplicate id '{f[0]}'.");
            if (!int.TryParse(f[3], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
                throw new FigureFormatException(path, line, "offset", $"'{f[3]}' is not a whole number.");
            if (!double.TryParse(f[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                throw new FigureFormatException(path, line, "value", $"'{f[4]}' is not an invariant number (write 1540000 or 1.54E6, not 1,54 Mio.).");
            if (!Units.Contains(f[5])) throw new FigureFormatException(path, line, "unit", $"unknown unit '{f[5]}'. Known: {string.Join(", ", Units.Order(StringComparer.Ordinal))}.");
            if (!Kinds.Contains(f[9])) throw new FigureFormatException(path, line, "kind", $"unknown kind '{f[9]}'. Known: {string.Join(", ", Kinds.Order(StringComparer.Ordinal))}.");
            result.Add(new ReportedFigure(f[0], f[1], f[2], offset, value, f[5], f[6], f[7], f[8], f[9], f[10]));
        }
        return result.ToImmutable();
    }
}

/// <summary>A minimal RFC 4180 reader: quoted fields may hold commas, quotes ("") and line breaks.</summary>
internal static class Csv
{
    public static List<(int Line, List<string> Fields)> Parse(string text)
    {
        var rows = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var rowLine = 1;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else { if (c == '\n') line++; field.Append(c); }
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString()); field.Clear();
                    rows.Add((rowLine, fields)); fields = [];
                    rowLine = ++line;
                    break;
                default: field.Append(c); break;
            }
        }
        if (field.Length > 0 || fields.Count > 0) { fields.Add(field.ToString()); rows.Add((rowLine, fields)); }
        return rows;
    }
}
