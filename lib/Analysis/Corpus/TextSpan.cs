namespace Analysis;

/// <summary>A half-open range [Start, End) of UTF-16 character offsets into a raw corpus file as decoded from UTF-8.</summary>
public readonly record struct TextSpan
{
    public TextSpan(int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        if (end < start) throw new ArgumentOutOfRangeException(nameof(end), end, $"End must not precede start ({start}).");
        Start = start;
        End = end;
    }

    public int Start { get; }
    public int End { get; }
    public int Length => End - Start;

    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;

    public override string ToString() => $"[{Start}..{End})";
}
