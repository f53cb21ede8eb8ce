using System.Text;

namespace Notebooks.Engine;

/// <summary>
/// Routes Console.Out and Console.Error to the running cell's outputs. Installed once per process; outside a
/// cell (and on other async flows) writes go to the real console. The original writers stay available for
/// progress display, which must never end up inside a notebook.
/// </summary>
public static class ConsoleCapture
{
    private static readonly AsyncLocal<OutputCollector?> Current = new();
    private static readonly Lock InstallLock = new();
    private static bool _installed;

    /// <summary>
    /// Where this async flow's <c>Console.ReadLine()</c> gets a line: a front end that can ask the user (the kernel, when
    /// its client allows stdin). Without one, reading fails with a message.
    /// </summary>
    public static readonly AsyncLocal<Func<string, string>?> Input = new();

    public static TextWriter OriginalOut { get; private set; } = Console.Out;
    public static TextWriter OriginalError { get; private set; } = Console.Error;

    public static void Install()
    {
        lock (InstallLock)
        {
            if (_installed) return;
            OriginalOut = Console.Out;
            OriginalError = Console.Error;
            Console.SetOut(TextWriter.Synchronized(new RoutingWriter("stdout", OriginalOut)));
            Console.SetError(TextWriter.Synchronized(new RoutingWriter("stderr", OriginalError)));
            // A cell never reads the process's own stdin (a piped runner's input would end up in a notebook).
            Console.SetIn(new NoInput());
            _installed = true;
        }
    }

    /// <summary>Sends console writes of this async flow to <paramref name="collector"/> until disposed.</summary>
    public static IDisposable Into(OutputCollector collector)
    {
        Install();
        var previous = Current.Value;
        Current.Value = collector;
        return new Restore(previous);
    }

    private sealed class Restore(OutputCollector? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }

    private sealed class RoutingWriter(string stream, TextWriter fallback) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => Write(value.ToString());

        public override void Write(string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            if (Current.Value is { } collector) collector.Add(new StreamOutput(stream, value));
            else fallback.Write(value);
        }

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void WriteLine(string? value) => Write((value ?? "") + "\n");

        public override void WriteLine() => Write("\n");

        public override void Flush()
        {
            if (Current.Value is null) fallback.Flush();
        }
    }

    /// <summary>Console input for cells: there is no keyboard, so reading fails with a message saying what to do instead.</summary>
    private sealed class NoInput : TextReader
    {
        private static InvalidOperationException Error() => new(
            "Console input is not available in this notebook cell: `run` has no keyboard, and a kernel client must allow stdin. Put the value in a variable or read it from a file.");

        public override int Peek() => throw Error();
        public override int Read() => throw Error();
        public override string? ReadLine() => Input.Value is { } ask ? ask("") : throw Error();
        public override string ReadToEnd() => throw Error();
    }
}
