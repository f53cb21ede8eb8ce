using System.Runtime.InteropServices;

namespace Analysis.Topics;

/// <summary>
/// Captures what native code writes to the process's standard output (file descriptor 1), which .NET's
/// Console redirection cannot see. LightLDA prints its training progress with printf; around a fit, fd 1 is
/// pointed at a temporary file and restored afterwards, so the progress reaches neither notebooks, nor the
/// engine's progress display, nor test logs. The captured text is returned for diagnostics, and while a fit runs it is read
/// every few seconds and handed to the caller (LightLDA's likelihood lines make the fit's progress).
/// </summary>
public static partial class NativeOutput
{
    private static readonly Lock Gate = new();
    private static int _depth;
    private static int _saved = -1;
    private static string? _path;
    private static readonly List<Listener> Listeners = [];
    private static Timer? _poll;
    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(2);

    /// <summary>A running capture: the text it has got, and whom to tell of new whole lines (in the caller's context, so
    /// that <see cref="WorkProgress"/> reaches the cell that started the fit).</summary>
    private sealed class Listener(Action<string>? onText)
    {
        public readonly System.Text.StringBuilder Text = new();
        private readonly ExecutionContext? _context = onText is null ? null : ExecutionContext.Capture();
        private string _partial = "";

        public void Add(string text)
        {
            Text.Append(text);
            if (onText is null) return;
            // A read may end inside a line ("@iter01" of "@iter0120"): only whole lines are handed on.
            var pending = _partial + text;
            var end = pending.LastIndexOf('\n') + 1;
            _partial = pending[end..];
            if (end == 0) return;
            var lines = pending[..end];
            if (_context is null) onText(lines);
            else ExecutionContext.Run(_context, _ => onText(lines), null);
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> with fd 1 pointed at a file and returns what native code wrote meanwhile. Calls
    /// may overlap (parallel fits): the first redirects, the last restores, and each gets the text written while it ran
    /// (with overlapping calls, also the others' lines). <paramref name="onText"/> gets the text as it comes: every two
    /// seconds while the action runs, and the rest when it ends.
    /// </summary>
    public static T Capture<T>(Func<T> action, out string captured, Action<string>? onText = null)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            captured = "";
            return action();
        }
        var mine = new Listener(onText);
        Enter(mine);
        try
        {
            return action();
        }
        finally
        {
            Exit(mine);
            captured = mine.Text.ToString();
        }
    }

    private static void Enter(Listener listener)
    {
        lock (Gate)
        {
            if (_depth++ == 0)
            {
                Console.Out.Flush();
                Flush(IntPtr.Zero);
                _path = Path.GetTempFileName();
                _saved = Dup(1);
                if (_saved >= 0)
                    using (var file = File.OpenHandle(_path, FileMode.Create, FileAccess.Write))
                        Dup2((int)file.DangerousGetHandle(), 1);
                // Not the caller's context: each listener runs its callback in its own.
                using (ExecutionContext.SuppressFlow())
                    _poll = new Timer(_ => Poll(), null, PollEvery, PollEvery);
            }
            else Drain();
            Listeners.Add(listener);
        }
    }

    private static void Poll()
    {
        lock (Gate)
            if (_depth > 0) Drain();
    }

    private static void Exit(Listener listener)
    {
        lock (Gate)
        {
            Drain();
            Listeners.Remove(listener);
            if (--_depth > 0) return;
            _poll?.Dispose();
            _poll = null;
            if (_saved >= 0)
            {
                Dup2(_saved, 1);
                Close(_saved);
            }
            _saved = -1;
            File.Delete(_path!);
            _path = null;
            _read = 0;
        }
    }

    private static long _read;

    /// <summary>Hands the text written since the last drain to every running capture.</summary>
    private static void Drain()
    {
        if (_path is null || _saved < 0) return;
        // printf buffers in the C runtime: flush it into the file before reading.
        Flush(IntPtr.Zero);
        using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(_read, SeekOrigin.Begin);
        var text = new StreamReader(stream).ReadToEnd();
        // Where the reading stopped, not the file's length now: native code may have written more since.
        _read = stream.Position;
        foreach (var l in Listeners) l.Add(text);
    }

    [LibraryImport("libc", EntryPoint = "dup", SetLastError = true)]
    private static partial int Dup(int fd);

    [LibraryImport("libc", EntryPoint = "dup2", SetLastError = true)]
    private static partial int Dup2(int fd, int fd2);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "fflush")]
    private static partial int Flush(IntPtr stream);
}
