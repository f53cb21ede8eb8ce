using System.Runtime.InteropServices;

namespace Analysis.Topics;

/// <summary>
/// Captures what native code writes to the process's standard output (file descriptor 1), which .NET's
/// Console redirection cannot see. LightLDA prints its training progress with printf; around a fit, fd 1 is
/// pointed at a temporary file and restored afterwards, so the progress reaches neither notebooks, nor the
/// engine's progress display, nor test logs. The captured text is returned for diagnostics.
/// </summary>
public static partial class NativeOutput
{
    private static readonly Lock Gate = new();
    private static int _depth;
    private static int _saved = -1;
    private static string? _path;
    private static readonly List<System.Text.StringBuilder> Listeners = [];

    /// <summary>
    /// Runs <paramref name="action"/> with fd 1 pointed at a file and returns what native code wrote meanwhile. Calls
    /// may overlap (parallel fits): the first redirects, the last restores, and each gets the text written while it ran
    /// (with overlapping calls, also the others' lines).
    /// </summary>
    public static T Capture<T>(Func<T> action, out string captured)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            captured = "";
            return action();
        }
        var mine = new System.Text.StringBuilder();
        Enter(mine);
        try
        {
            return action();
        }
        finally
        {
            Exit(mine);
            captured = mine.ToString();
        }
    }

    private static void Enter(System.Text.StringBuilder listener)
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
            }
            else Drain();
            Listeners.Add(listener);
        }
    }

    private static void Exit(System.Text.StringBuilder listener)
    {
        lock (Gate)
        {
            // printf buffers in the C runtime: flush it into the file before reading or restoring.
            Flush(IntPtr.Zero);
            Drain();
            Listeners.Remove(listener);
            if (--_depth > 0) return;
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
        using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(_read, SeekOrigin.Begin);
        var text = new StreamReader(stream).ReadToEnd();
        _read = stream.Length;
        foreach (var l in Listeners) l.Append(text);
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
