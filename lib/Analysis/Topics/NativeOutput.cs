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

    public static T Capture<T>(Func<T> action, out string captured)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            captured = "";
            return action();
        }
        lock (Gate)
        {
            var path = Path.GetTempFileName();
            try
            {
                Console.Out.Flush();
                Flush(IntPtr.Zero);
                var saved = Dup(1);
                if (saved < 0) { captured = ""; return action(); }
                try
                {
                    using (var file = File.OpenHandle(path, FileMode.Create, FileAccess.Write))
                    {
                        Dup2((int)file.DangerousGetHandle(), 1);
                    }
                    return action();
                }
                finally
                {
                    // printf buffers in the C runtime: flush it into the file before fd 1 goes back.
                    Flush(IntPtr.Zero);
                    Dup2(saved, 1);
                    Close(saved);
                    captured = File.ReadAllText(path);
                }
            }
            finally
            {
                File.Delete(path);
            }
        }
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
