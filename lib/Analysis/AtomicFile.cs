namespace Analysis;

/// <summary>Replaces a file only once its new content is completely on disk: write a temporary file beside it, then rename.</summary>
public static class AtomicFile
{
    /// <summary>
    /// Replaces <paramref name="path"/> with what <paramref name="write"/> writes. What the user set is kept: a symbolic
    /// link stays a link (its target is replaced), the file's permissions carry over, and a read-only file is not
    /// replaced at all (an <see cref="UnauthorizedAccessException"/> says so). Temporary files left by a process that
    /// was killed mid-write are removed.
    /// </summary>
    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        if (new FileInfo(full).LinkTarget is not null && new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true) is { } target) full = target.FullName;
        var directory = Path.GetDirectoryName(full)!;
        UnixFileMode? mode = null;
        if (File.Exists(full) && !OperatingSystem.IsWindows())
        {
            mode = File.GetUnixFileMode(full);
            if ((mode & UnixFileMode.UserWrite) == 0) throw new UnauthorizedAccessException($"{path} is read-only: it was not replaced (make it writable to save into it).");
        }
        RemoveStale(directory, Path.GetFileName(full));
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            if (mode is { } m && !OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, m);
            // rename(2) within one directory is atomic: readers see the old file or the new one, never a mix.
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { }
            throw;
        }
    }

    public static void WriteAllText(string path, string text) =>
        Write(path, s =>
        {
            var bytes = new System.Text.UTF8Encoding(false).GetBytes(text);
            s.Write(bytes);
        });

    /// <summary>Temporary files of this name whose writing process no longer runs.</summary>
    private static void RemoveStale(string directory, string name)
    {
        foreach (var stale in Directory.EnumerateFiles(directory, $".{name}.*.tmp"))
        {
            var pid = Path.GetFileName(stale)[(name.Length + 2)..^4];
            if (!int.TryParse(pid, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) || id == Environment.ProcessId || Running(id)) continue;
            try { File.Delete(stale); } catch (IOException) { }
        }
    }

    private static bool Running(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
