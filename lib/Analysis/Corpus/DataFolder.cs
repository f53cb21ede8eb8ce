using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Analysis;

/// <summary>
/// One writer at a time in a data folder: every command that writes <c>data/</c> (adding texts, writing or applying a
/// figures review) holds the folder's lock while it reads what it changes and writes it back, so two at once cannot
/// lose each other's documents or take the same file number. The lock file lives in the temporary folder, named by the
/// data folder's real path, so that <c>data/</c> holds only the user's files.
/// </summary>
public static partial class DataFolder
{
    /// <summary>Waits (up to <paramref name="wait"/>, default 60 s) for the folder's lock; dispose to release it.</summary>
    /// <exception cref="CorpusException">Another command held the lock all that time.</exception>
    public static IDisposable Lock(string dataDirectory, TimeSpan? wait = null)
    {
        var real = Real(dataDirectory);
        var name = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(real)))[..32];
        var path = Path.Combine(Path.GetTempPath(), "analysis-data-locks", name + ".lock");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var clock = Stopwatch.StartNew();
        var limit = wait ?? TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive lock between processes (flock on Unix) and between threads of one process.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (clock.Elapsed < limit)
            {
                Thread.Sleep(25);
            }
            catch (IOException e)
            {
                throw new CorpusException(real, "lock", $"another command has been writing this data folder for {limit.TotalSeconds:0} s (lock {path}); try again when it is done.", e);
            }
        }
    }

    /// <summary>Why an id cannot name a document, or null: empty, blank at either end, control characters, path separators.</summary>
    public static string? IdProblem(string id) =>
        id.Trim().Length == 0 ? "is empty."
        : id != id.Trim() ? $"'{Escape(id)}' begins or ends with white space."
        : id.Any(char.IsControl) ? $"'{Escape(id)}' contains control characters."
        : id.IndexOfAny(['/', '\\']) >= 0 ? $"'{id}' contains a path separator."
        : id.Length > 100 ? "is longer than 100 characters."
        : null;

    /// <summary>Why a manifest's file name would leave <c>data/raw/</c>, or null: absolute paths, "..", drive letters.</summary>
    public static string? FileProblem(string file) =>
        Path.IsPathRooted(file) || DriveOrUnc().IsMatch(file) ? $"'{Escape(file)}' is an absolute path; name a file inside data/raw/."
        : file.Split('/', '\\').Any(s => s == "..") ? $"'{Escape(file)}' leaves data/raw/ with '..'; name a file inside it."
        : file.Any(char.IsControl) ? $"'{Escape(file)}' contains control characters."
        : null;

    /// <summary>Whether the file, its folder's and its own symbolic links resolved, lies inside <paramref name="folder"/>.</summary>
    public static bool StaysInside(string path, string folder)
    {
        var root = Real(folder) + Path.DirectorySeparatorChar;
        var file = Path.GetFullPath(path);
        var candidate = Path.Combine(Real(Path.GetDirectoryName(file)!), Path.GetFileName(file));
        var target = new FileInfo(candidate).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? candidate;
        return target.StartsWith(root, StringComparison.Ordinal);
    }

    private static string Real(string directory)
    {
        var info = new DirectoryInfo(Path.GetFullPath(directory));
        return (info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName).TrimEnd(Path.DirectorySeparatorChar);
    }

    /// <summary>Control characters as \uXXXX, so a title or file name cannot move the terminal's cursor or hide text.</summary>
    public static string Escape(string text) => ControlCharacter().Replace(text, m => $"\\u{(int)m.Value[0]:x4}");

    /// <summary>Control characters replaced by spaces and runs of white space collapsed: what metadata keeps of a title.</summary>
    public static string Clean(string text) => Regex.Replace(ControlCharacter().Replace(text, " "), @"\s{2,}", " ").Trim();

    [GeneratedRegex(@"\p{Cc}")]
    private static partial Regex ControlCharacter();

    [GeneratedRegex(@"^[A-Za-z]:|^\\\\")]
    private static partial Regex DriveOrUnc();
}
