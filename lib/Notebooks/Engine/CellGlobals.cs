using Microsoft.AspNetCore.Html;

namespace Notebooks.Engine;

/// <summary>
/// The globals a cell sees, as in .NET Interactive's C# kernel: <c>display(value, mimeTypes)</c> and <c>HTML(markup)</c>.
/// Lower-case names on purpose: they are the notebook dialect's, not .NET naming.
/// </summary>
public class CellGlobals
{
    // Per async flow: a cell abandoned after a time-out or interrupt keeps writing to its own outputs, not the next cell's.
    private readonly AsyncLocal<OutputCollector?> _collector = new();
    private readonly AsyncLocal<Func<int, DisplayContext>?> _context = new();

    internal OutputCollector? Collector { get => _collector.Value; set => _collector.Value = value; }
    internal Func<int, DisplayContext>? Context { get => _context.Value; set => _context.Value = value; }

#pragma warning disable IDE1006 // the dialect's names
    /// <summary>
    /// Shows <paramref name="value"/> as a display_data output, optionally only in the given MIME types. Returns a handle
    /// whose <see cref="DisplayHandle.Update"/> replaces what is shown, as .NET Interactive's <c>display(…).Update(…)</c>.
    /// </summary>
    public DisplayHandle display(object? value, params string[] mimeTypes)
    {
        var collector = Collector ?? throw new InvalidOperationException("display() is only available while a cell runs.");
        var context = Context!;
        var index = collector.Count;
        var id = $"{context(index).CellId}-d{index}";
        collector.Add(new DisplayOutput(MimeFormatter.Format(value, context(index), mimeTypes)) { DisplayId = id });
        return new DisplayHandle(id, (next, mimes) => collector.Update(id, new DisplayOutput(MimeFormatter.Format(next, context(index), mimes))));
    }

    /// <summary>
    /// Publishes <paramref name="value"/> under <paramref name="name"/> for the notebook's prose to cite as
    /// <c>&lt;!--claim:name--&gt;…&lt;!--/--&gt;</c>; the run checks that the prose states it as formatted here
    /// (numbers in invariant culture, "#,0" for whole numbers, "#,0.##" or <paramref name="format"/> otherwise).
    /// Returns the value, so a claim can sit inside an expression.
    /// </summary>
    public T claim<T>(string name, T value, string? format = null)
    {
        var collector = Collector ?? throw new InvalidOperationException("claim() is only available while a cell runs.");
        collector.Claim(name, Readings.Format(value, format));
        return value;
    }

    /// <summary>Markup to be shown as HTML rather than as text.</summary>
    public IHtmlContent HTML(string markup) => new HtmlString(markup);
#pragma warning restore IDE1006
}

/// <summary>What <c>display</c> returns: a way to replace the shown value while the cell runs (a progress line, a growing table).</summary>
public sealed class DisplayHandle(string id, Action<object?, string[]> update)
{
    /// <summary>The display's id, as front ends see it in <c>transient.display_id</c>.</summary>
    public string Id { get; } = id;

#pragma warning disable IDE1006 // .NET Interactive's name
    /// <summary>Replaces the displayed value; the notebook keeps the last one.</summary>
    public void Update(object? value, params string[] mimeTypes) => update(value, mimeTypes);
#pragma warning restore IDE1006
}
