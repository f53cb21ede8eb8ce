using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Analysis.Figures;

/// <summary>One curated quantitative statement of a text, with the verbatim quote and raw offset it comes from.</summary>
public sealed record ReportedFigure(string Id, string Document, string Quote, int Offset, double Value, string Unit, string Measure, string Period, string Entity, string Kind)
{
    public TextSpan Span => new(Offset, Offset + Quote.Length);
}

/// <summary>A figures file that cannot be read: the message names the file, line and field.</summary>
public sealed class FigureFormatException(string file, int line, string field, string message)
    : Exception($"{file}, line {line}: {field}: {message}")
{
    public int Line { get; } = line;
    public string Field { get; } = field;
}

/// <summary>Reads <c>data/figures.csv</c> (RFC 4180, UTF-8, invariant numbers).</summary>
public static class FigureData
{
    public const string FileName = "figures.csv";

    public static readonly FrozenSet<string> Units = FrozenSet.ToFrozenSet(
        ["jobs", "employees", "people", "USD", "EUR", "percent", "percent per year", "index", "days", "months", "years", "hours", "ratio", "count"]);

    public static readonly FrozenSet<string> Kinds = FrozenSet.ToFrozenSet(["reported fact", "forecast", "reader comment", "derived"]);

    private static readonly string[] Columns = ["id", "document", "quote", "offset", "value", "unit", "measure", "period", "entity", "kind"];

    public static ImmutableArray<ReportedFigure> Load(Corpus corpus) => Load(Path.Combine(corpus.DataDirectory, FileName));

    public static ImmutableArray<ReportedFigure> Load(string path)
    {
        if (!File.Exists(path)) throw new FigureFormatException(path, 0, "file", "not found.");
        var records = Csv.Parse(File.ReadAllText(path, Encoding.UTF8));
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
            result.Add(new ReportedFigure(f[0], f[1], f[2], offset, value, f[5], f[6], f[7], f[8], f[9]));
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
