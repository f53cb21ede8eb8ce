using System.Text;
using System.Text.RegularExpressions;

namespace Analysis;

/// <summary>
/// Text that was UTF-8, read as Windows-1252 and saved as UTF-8 again ("fÃ¼r" for "für", "â€ž" for "„"): valid UTF-8,
/// so a decoder accepts it, but every umlaut becomes two letters. German text never has "Ã" or "â€" before a
/// character of the 0x80–0xBF range, so those pairs identify it.
/// </summary>
public static partial class Mojibake
{
    private static readonly Encoding Windows1252;
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    static Mojibake()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Windows1252 = Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    // A UTF-8 lead byte (Ã = C3, Â = C2, â = E2 then € = 80) read as Windows-1252, followed by a continuation byte read the same way.
    private const string Continuation = @"[\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201A\u201C-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]";

    [GeneratedRegex("(?:Ã|Â|â€|Å|Ä)" + Continuation)]
    private static partial Regex Suspect();

    [GeneratedRegex(@"[^\u0000-\u007F\s]+")]
    private static partial Regex NonAsciiRun();

    /// <summary>Where the first double-encoded sequence starts, or null when there is none.</summary>
    public static int? Find(string text)
    {
        var m = Suspect().Match(text);
        while (m.Success)
        {
            if (TryRepairRun(RunAround(text, m.Index), out _)) return m.Index;
            m = m.NextMatch();
        }
        return null;
    }

    /// <summary>The text with every double-encoded run decoded once more; <paramref name="repaired"/> counts the runs.</summary>
    public static string Repair(string text, out int repaired)
    {
        var count = 0;
        var result = NonAsciiRun().Replace(text, m =>
        {
            if (!Suspect().IsMatch(m.Value) || !TryRepairRun(m.Value, out var fixedRun)) return m.Value;
            count++;
            return fixedRun;
        });
        repaired = count;
        return result;
    }

    /// <summary>A human-readable place: line, column and the text around it.</summary>
    public static string Describe(string text, int index)
    {
        var line = 1 + text.AsSpan(0, index).Count('\n');
        var column = index - (text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1) + 1;
        var start = Math.Max(0, index - 15);
        var snippet = text[start..Math.Min(text.Length, index + 15)].ReplaceLineEndings(" ");
        var repaired = Repair(snippet, out _);
        return $"line {line}, column {column}: \"{snippet}\" (probably \"{repaired}\")";
    }

    private static string RunAround(string text, int index)
    {
        var start = index;
        while (start > 0 && text[start - 1] > 0x7F && !char.IsWhiteSpace(text[start - 1])) start--;
        var end = index;
        while (end < text.Length && text[end] > 0x7F && !char.IsWhiteSpace(text[end])) end++;
        return text[start..end];
    }

    private static bool TryRepairRun(string run, out string repaired)
    {
        repaired = run;
        try
        {
            repaired = StrictUtf8.GetString(Windows1252.GetBytes(run));
            return repaired != run;
        }
        catch (Exception e) when (e is EncoderFallbackException or DecoderFallbackException)
        {
            return false;
        }
    }
}
