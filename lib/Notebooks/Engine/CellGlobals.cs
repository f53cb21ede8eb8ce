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
    /// <summary>Shows <paramref name="value"/> as a display_data output, optionally only in the given MIME types.</summary>
    public void display(object? value, params string[] mimeTypes)
    {
        var collector = Collector ?? throw new InvalidOperationException("display() is only available while a cell runs.");
        collector.Add(new DisplayOutput(MimeFormatter.Format(value, Context!(collector.Count), mimeTypes)));
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
