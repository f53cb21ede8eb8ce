using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Analysis;

/// <summary>
/// Cleaned text that remembers, for every character, the offset in the raw file it came from.
/// </summary>
/// <remarks>
/// Cleaning removes frames, markers and line breaks, so a cleaned string alone cannot be traced to its
/// source. Every character keeps its raw offset, so every token's raw position is exact: a character that cleaning
/// inserted (the space that joins two wrapped lines) points at the raw character it replaced. The offsets are held as
/// runs (where a run of characters maps to consecutive raw offsets only its first is stored): about one run per line of
/// the raw text instead of four bytes per character.
/// </remarks>
public sealed class SourcedText
{
    private readonly int[] _runStart;   // index in Text where each run begins (ascending, the first is 0)
    private readonly int[] _runOffset;  // raw offset of that character; the run's later characters follow it one by one

    public SourcedText(string text, ImmutableArray<int> offsets) : this(text, offsets.AsSpan()) { }

    private SourcedText(string text, ReadOnlySpan<int> offsets)
    {
        if (text.Length != offsets.Length)
            throw new ArgumentException($"Expected one offset per character ({text.Length}), got {offsets.Length}.", nameof(offsets));
        Text = text;
        var starts = new List<int>();
        var values = new List<int>();
        for (var i = 0; i < offsets.Length; i++)
            if (i == 0 || offsets[i] != offsets[i - 1] + 1) { starts.Add(i); values.Add(offsets[i]); }
        _runStart = [.. starts];
        _runOffset = [.. values];
    }

    private SourcedText(string text, int[] runStart, int[] runOffset) => (Text, _runStart, _runOffset) = (text, runStart, runOffset);

    public string Text { get; }

    /// <summary>Raw offset of each character of <see cref="Text"/> (made on each call: use <see cref="OffsetAt"/> for one).</summary>
    public ImmutableArray<int> Offsets
    {
        get
        {
            var offsets = new int[Length];
            for (var r = 0; r < _runStart.Length; r++)
            {
                var end = r + 1 < _runStart.Length ? _runStart[r + 1] : Length;
                for (var i = _runStart[r]; i < end; i++) offsets[i] = _runOffset[r] + i - _runStart[r];
            }
            return ImmutableCollectionsMarshal.AsImmutableArray(offsets);
        }
    }

    /// <summary>Raw offset of the character at <paramref name="index"/> of <see cref="Text"/>.</summary>
    public int OffsetAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Length);
        var r = Run(index);
        return _runOffset[r] + index - _runStart[r];
    }

    /// <summary>The run that holds the character at <paramref name="index"/>.</summary>
    private int Run(int index)
    {
        var r = Array.BinarySearch(_runStart, index);
        return r >= 0 ? r : ~r - 1;
    }

    public int Length => Text.Length;

    /// <summary>The raw span covering the characters [start, start + length) of the text.</summary>
    public TextSpan SourceSpan(int start, int length)
    {
        if (Length == 0) return new TextSpan(0, 0);
        if (length == 0)
        {
            var at = OffsetAt(Math.Min(start, Length - 1));
            return new TextSpan(at, at);
        }
        var first = int.MaxValue;
        var last = int.MinValue;
        // Within a run the offsets rise one by one: each run's part contributes its first and last character.
        for (var r = Run(start); r < _runStart.Length && _runStart[r] < start + length; r++)
        {
            var from = Math.Max(start, _runStart[r]);
            var to = Math.Min(start + length, r + 1 < _runStart.Length ? _runStart[r + 1] : Length) - 1;
            first = Math.Min(first, _runOffset[r] + from - _runStart[r]);
            last = Math.Max(last, _runOffset[r] + to - _runStart[r]);
        }
        return new TextSpan(first, last + 1);
    }

    /// <summary>The raw span covering the whole text.</summary>
    public TextSpan Span => SourceSpan(0, Length);

    public override string ToString() => Text;

    /// <summary>Copies raw[start..end) verbatim, each character mapped to itself.</summary>
    public static SourcedText FromRaw(string raw, int start, int end) =>
        end > start ? new SourcedText(raw[start..end], [0], [start]) : new SourcedText("", [], []);

    /// <summary>Removes the given ranges of the text (indices into <see cref="Text"/>).</summary>
    public SourcedText Remove(IEnumerable<(int Start, int Length)> ranges)
    {
        var offsets = Offsets;
        var drop = new bool[Length];
        foreach (var (s, l) in ranges)
            for (var i = s; i < s + l; i++) drop[i] = true;
        var builder = new Builder();
        for (var i = 0; i < Length; i++)
            if (!drop[i]) builder.Append(Text[i], offsets[i]);
        return builder.Build();
    }

    /// <summary>
    /// Collapses every run of white space (including no-break spaces and line breaks) to one space and trims
    /// both ends. The space that remains points at the first white-space character of its run.
    /// </summary>
    public SourcedText CollapseWhiteSpace()
    {
        var offsets = Offsets;
        var builder = new Builder();
        var pendingSpace = -1;
        for (var i = 0; i < Length; i++)
        {
            var c = Text[i];
            if (char.IsWhiteSpace(c))
            {
                if (pendingSpace < 0 && builder.Length > 0) pendingSpace = offsets[i];
                continue;
            }
            if (pendingSpace >= 0)
            {
                builder.Append(' ', pendingSpace);
                pendingSpace = -1;
            }
            builder.Append(c, offsets[i]);
        }
        return builder.Build();
    }

    /// <summary>
    /// Unicode NFC, one text element at a time, so that each composed character maps to where its
    /// decomposed source began.
    /// </summary>
    public SourcedText NormalizeNfc()
    {
        if (Text.IsNormalized(NormalizationForm.FormC)) return this;
        var offsets = Offsets;
        var builder = new Builder();
        var elements = StringInfo.GetTextElementEnumerator(Text);
        while (elements.MoveNext())
        {
            var index = elements.ElementIndex;
            var element = ((string)elements.Current).Normalize(NormalizationForm.FormC);
            foreach (var c in element) builder.Append(c, offsets[index]);
        }
        return builder.Build();
    }

    /// <summary>Accumulates characters with their raw offsets.</summary>
    public sealed class Builder
    {
        private readonly StringBuilder _text = new();
        private readonly ImmutableArray<int>.Builder _offsets = ImmutableArray.CreateBuilder<int>();

        public int Length => _text.Length;

        public char this[int index] => _text[index];

        public Builder Append(char c, int offset)
        {
            _text.Append(c);
            _offsets.Add(offset);
            return this;
        }

        public Builder Append(SourcedText text)
        {
            _text.Append(text.Text);
            _offsets.AddRange(text.Offsets);
            return this;
        }

        public Builder AppendRaw(string raw, int start, int end)
        {
            for (var i = start; i < end; i++) Append(raw[i], i);
            return this;
        }

        public Builder RemoveLast()
        {
            _text.Length--;
            _offsets.RemoveAt(_offsets.Count - 1);
            return this;
        }

        public SourcedText Build() => new(_text.ToString(), _offsets.ToImmutable());
    }
}
