using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Analysis.Figures;

/// <summary>
/// How a statement bounds its value: a point ("14.000", rounded to its last significant digit), about ("rund",
/// "etwa": twice the rounding), at least ("mindestens"), more than ("über", "mehr als"), at most ("höchstens"),
/// up to ("bis zu": a ceiling of what may happen), less than ("unter", "weniger als"), almost ("knapp", "fast":
/// at most the value, within one unit of its last digit) or a range ("zwischen 10 und 15", "ein bis zwei").
/// </summary>
public enum Bound { Point, About, AtLeast, MoreThan, AtMost, UpTo, LessThan, Almost, Range }

/// <summary>The names of <see cref="Bound"/> in <c>figures.csv</c>.</summary>
public static class Bounds
{
    private static readonly (Bound Bound, string Name)[] Names =
        [(Bound.Point, "point"), (Bound.About, "about"), (Bound.AtLeast, "at least"), (Bound.MoreThan, "more than"), (Bound.AtMost, "at most"),
         (Bound.UpTo, "up to"), (Bound.LessThan, "less than"), (Bound.Almost, "almost"), (Bound.Range, "range")];

    public static string Name(this Bound bound) => Names.First(n => n.Bound == bound).Name;

    public static bool TryParse(string name, out Bound bound)
    {
        foreach (var n in Names)
            if (n.Name == name) { bound = n.Bound; return true; }
        bound = Bound.Point;
        return false;
    }

    public static IEnumerable<string> All => Names.Select(n => n.Name);
}

/// <summary>
/// One reviewed quantitative statement of a text, with the verbatim quote and raw offset it comes from.
/// <see cref="Measure"/>, <see cref="Entity"/>, <see cref="Unit"/>, <see cref="Scope"/> and <see cref="Period"/> are
/// normalised, so that rules compare statements across texts (<see cref="CrossChecks"/>). Measures name a quantity
/// ("job cuts", "workforce"), a share of one in another ("share of job cuts in workforce"), a multiple of one
/// ("multiple of job cuts"), or a kind of one ("investment (capital expenditure)"). <see cref="Scope"/> is the part
/// of the entity the statement is about: a place ("USA") or a division ("Verwaltung"); empty for the whole entity
/// ("weltweit" or unmarked). Periods are the ones the text gives: "2025-10", "2025", ranges "2022/2023", "1947/1979",
/// open "1979-", or empty. <see cref="Modality"/> says whether the text reports, announces, plans, forecasts or
/// only allows for the value; <see cref="Bound"/> and <see cref="High"/> how exact it is. <see cref="Note"/> is free
/// text for the reader.
/// </summary>
public sealed record ReportedFigure(string Id, string Document, string Quote, int Offset, double Value, string Unit, string Measure, string Period, string Entity, string Modality, string Note = "",
    Bound Bound = Bound.Point, double? High = null, string Scope = "")
{
    public TextSpan Span => new(Offset, Offset + Quote.Length);

    /// <summary>Units that count the same things: jobs, employees and people are all head counts.</summary>
    public string UnitFamily => Unit is "jobs" or "employees" or "people" ? "persons" : Unit;

    /// <summary>A quotation repeats another text's statement; rules do not count it as a statement of its own.</summary>
    public bool IsQuotation => Modality == Modalities.Quotation;
}

/// <summary>
/// What a text does with a value: reports it as a fact, announces it (the entity made it known), plans it, forecasts
/// it, only allows for it ("könnte", "möglicherweise"), quotes another text, or a reader states it; "derived" is a
/// value the text computes from others. Statements are compared only with statements of the same class
/// (<see cref="Class"/>): facts with facts, plans with plans, forecasts with forecasts, possibilities with possibilities.
/// </summary>
public static class Modalities
{
    public const string ReportedFact = "reported fact", Announcement = "announcement", Plan = "plan", Forecast = "forecast", Possibility = "possibility",
        Quotation = "quotation", ReaderComment = "reader comment", Derived = "derived";

    public static readonly FrozenSet<string> All = FrozenSet.ToFrozenSet([ReportedFact, Announcement, Plan, Forecast, Possibility, Quotation, ReaderComment, Derived]);

    /// <summary>Facts, announcements, readers' statements and derived values state what is; the others what may be.</summary>
    public static string Class(string modality) => modality is ReportedFact or Announcement or ReaderComment or Derived ? "fact" : modality;
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

/// <summary>Reads and writes <c>data/figures.csv</c> (RFC 4180, UTF-8, invariant numbers).</summary>
public static class FigureData
{
    public const string FileName = "figures.csv";

    public static readonly FrozenSet<string> Units = FrozenSet.ToFrozenSet(
        ["jobs", "employees", "people", "USD", "EUR", "CHF", "GBP", "USD per month", "USD per year", "EUR per month", "EUR per year", "percent", "percent per year",
         "index", "days", "weeks", "months", "years", "hours", "minutes", "ratio", "count"]);

    /// <summary>The columns of <c>figures.csv</c>, in order.</summary>
    public static readonly ImmutableArray<string> Columns = ["id", "document", "quote", "offset", "value", "high", "unit", "bound", "measure", "scope", "period", "entity", "modality", "note"];

    /// <summary>The columns of files written before bounds, scopes and modalities: still read (bound from the quote, no scope).</summary>
    internal static readonly ImmutableArray<string> FirstColumns = ["id", "document", "quote", "offset", "value", "unit", "measure", "period", "entity", "kind", "note"];

    /// <summary>The figure with the id, or an error naming the id and the file to look in.</summary>
    public static ReportedFigure ById(this IEnumerable<ReportedFigure> figures, string id) =>
        figures.FirstOrDefault(f => f.Id == id) ?? throw new KeyNotFoundException($"No figure '{id}' in {FileName}: the notebook cites it, the file lacks it.");

    /// <summary>
    /// The corpus's figures, each checked against its raw text before any analysis uses it: the document exists, and the
    /// quote stands at its offset. A mismatch names the file, line and field.
    /// </summary>
    public static ImmutableArray<ReportedFigure> Load(Corpus corpus) => Load(Path.Combine(corpus.DataDirectory, FileName), corpus);

    /// <summary>The figures of a file; with a corpus, each is checked against its raw text.</summary>
    public static ImmutableArray<ReportedFigure> Load(string path, Corpus? corpus = null)
    {
        if (!File.Exists(path)) throw new FigureFormatException(path, 0, "file", "not found.");
        return Parse(path, Csv.Parse(File.ReadAllText(path, Encoding.UTF8)), corpus);
    }

    internal static ImmutableArray<ReportedFigure> Parse(string path, List<(int Line, List<string> Fields)> records, Corpus? corpus = null)
    {
        var documents = corpus?.Documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
        // The figures of a document the corpus set aside (notebook 00 lists it) wait until it loads again.
        var setAside = corpus?.NotLoaded.Select(n => n.Id).ToHashSet(StringComparer.Ordinal) ?? [];
        var first = records.Count > 0 && records[0].Fields.SequenceEqual(FirstColumns);
        if (records.Count == 0 || !first && !records[0].Fields.SequenceEqual(Columns))
            throw new FigureFormatException(path, 1, "header", $"expected the columns {string.Join(",", Columns)}.");
        var columns = first ? FirstColumns : Columns;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var result = ImmutableArray.CreateBuilder<ReportedFigure>();
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.Count != columns.Length) throw new FigureFormatException(path, line, "row", $"{fields.Count} fields, expected {columns.Length}.");
            string F(string column) => column == "kind" && !first ? "" : fields[columns.IndexOf(column == "modality" && first ? "kind" : column)];
            var id = F("id");
            if (id.Trim().Length == 0) throw new FigureFormatException(path, line, "id", "empty.");
            if (!ids.Add(id)) throw new FigureFormatException(path, line, "id", $"duplicate id '{id}'.");
            if (!int.TryParse(F("offset"), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
                throw new FigureFormatException(path, line, "offset", $"'{F("offset")}' is not a whole number.");
            if (!double.TryParse(F("value"), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
                throw new FigureFormatException(path, line, "value", $"'{F("value")}' is not an invariant number (write 1540000 or 1.54E6, not 1,54 Mio.).");
            var unit = F("unit");
            if (!Units.Contains(unit)) throw new FigureFormatException(path, line, "unit", $"unknown unit '{unit}'. Known: {string.Join(", ", Units.Order(StringComparer.Ordinal))}.");
            var modality = F("modality");
            if (!Modalities.All.Contains(modality))
                throw new FigureFormatException(path, line, first ? "kind" : "modality", $"unknown modality '{modality}'. Known: {string.Join(", ", Modalities.All.Order(StringComparer.Ordinal))}.");
            var quote = F("quote");
            Bound bound;
            double? high = null;
            var scope = "";
            if (first)
            {
                bound = FigureContext.BoundOf(quote).Bound;
            }
            else
            {
                if (!Bounds.TryParse(F("bound"), out bound)) throw new FigureFormatException(path, line, "bound", $"unknown bound '{F("bound")}'. Known: {string.Join(", ", Bounds.All)}.");
                var highText = F("high");
                if (highText.Length > 0)
                {
                    if (!double.TryParse(highText, NumberStyles.Float, CultureInfo.InvariantCulture, out var h) || !double.IsFinite(h))
                        throw new FigureFormatException(path, line, "high", $"'{highText}' is not an invariant number.");
                    if (h < value) throw new FigureFormatException(path, line, "high", $"{highText} is below the value {F("value")}.");
                    high = h;
                }
                if (bound == Bound.Range != high.HasValue)
                    throw new FigureFormatException(path, line, "high", bound == Bound.Range ? "a range needs its upper end in 'high'." : $"only a range has 'high'; the bound is '{bound.Name()}'.");
                scope = F("scope");
            }
            if (setAside.Contains(F("document"))) continue;
            if (documents is not null)
            {
                if (!documents.TryGetValue(F("document"), out var document))
                    throw new FigureFormatException(path, line, "document", $"no document '{F("document")}' in the corpus.");
                if (offset + quote.Length > document.Raw.Length || string.CompareOrdinal(document.Raw, offset, quote, 0, quote.Length) != 0)
                    throw new FigureFormatException(path, line, "quote", $"„{Shorten(quote)}“ does not stand at offset {offset} of {document.Info.File}" +
                        (document.Raw.IndexOf(quote, StringComparison.Ordinal) is var found and >= 0 ? $" (it stands at {found})." : " (nor anywhere in it)."));
            }
            result.Add(new ReportedFigure(id, F("document"), quote, offset, value, unit, F("measure"), F("period"), F("entity"), modality, F("note"), bound, high, scope));
        }
        return result.ToImmutable();
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";

    /// <summary>The row of a figure in the columns of <see cref="Columns"/>.</summary>
    internal static IEnumerable<string> Fields(ReportedFigure f) =>
        [f.Id, f.Document, f.Quote, f.Offset.ToString(CultureInfo.InvariantCulture), f.Value.ToString("R", CultureInfo.InvariantCulture),
         f.High?.ToString("R", CultureInfo.InvariantCulture) ?? "", f.Unit, f.Bound.Name(), f.Measure, f.Scope, f.Period, f.Entity, f.Modality, f.Note];

    /// <summary>Writes the figures in the current columns, replacing the file atomically.</summary>
    public static void Save(string path, IEnumerable<ReportedFigure> figures) =>
        AtomicFile.WriteAllText(path, Csv.Row(Columns) + string.Concat(figures.Select(f => Csv.Row(Fields(f)))));
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

    /// <summary>One record, quoting the fields that need it, with its line end.</summary>
    public static string Row(IEnumerable<string> fields) =>
        string.Join(",", fields.Select(f => f.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : f)) + "\n";
}
