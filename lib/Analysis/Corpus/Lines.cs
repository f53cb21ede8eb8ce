namespace Analysis;

/// <summary>One line of a raw file: [Start, End) excludes the line break.</summary>
public readonly record struct RawLine(int Number, int Start, int End)
{
    public int Length => End - Start;
}

/// <summary>Splits raw text into lines, keeping offsets (LF and CRLF line ends).</summary>
public static class Lines
{
    public static IReadOnlyList<RawLine> Split(string raw)
    {
        var lines = new List<RawLine>();
        var start = 0;
        for (var i = 0; i <= raw.Length; i++)
        {
            if (i < raw.Length && raw[i] != '\n') continue;
            var end = i > start && raw[i - 1] == '\r' ? i - 1 : i;
            if (i < raw.Length || start < raw.Length) lines.Add(new RawLine(lines.Count + 1, start, end));
            start = i + 1;
        }
        return lines;
    }

    public static string Text(this RawLine line, string raw) => raw[line.Start..line.End];

    public static bool IsBlank(this RawLine line, string raw) => string.IsNullOrWhiteSpace(raw[line.Start..line.End]);
}
