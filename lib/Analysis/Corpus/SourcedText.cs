using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Analysis;

/// <summary>
/// Cleaned text that remembers, for every character, the offset in the raw file it came from.
/// </summary>
/// <remarks>
/// Cleaning removes frames, markers and line breaks, so a cleaned string alone cannot be traced to its
/// source. Keeping one offset per character is cheap for a corpus of this size and makes every token's
/// raw position exact: a character that cleaning inserted (the space that joins two wrapped lines)
/// points at the raw character it replaced.
/// </remarks>
public sealed class SourcedText
{
    public SourcedText(string text, ImmutableArray<int> offsets)
    {
        if (text.Length != offsets.Length)
            throw new ArgumentException($"Expected one offset per character ({text.Length}), got {offsets.Length}.", nameof(offsets));
        Text = text;
        Offsets = offsets;
    }

    public string Text { get; }

    /// <summary>Raw offset of each character of <see cref="Text"/>.</summary>
    public ImmutableArray<int> Offsets { get; }

    public int Length => Text.Length;

    /// <summary>The raw span covering the characters [start, start + length) of the text.</summary>
    public TextSpan SourceSpan(int start, int length)
    {
        if (length == 0) return new TextSpan(Offsets.IsEmpty ? 0 : Offsets[Math.Min(start, Offsets.Length - 1)], Offsets.IsEmpty ? 0 : Offsets[Math.Min(start, Offsets.Length - 1)]);
        var first = int.MaxValue;
        var last = int.MinValue;
        for (var i = start; i < start + length; i++)
        {
            first = Math.Min(first, Offsets[i]);
            last = Math.Max(last, Offsets[i]);
        }
        return new TextSpan(first, last + 1);
    }

    /// <summary>The raw span covering the whole text.</summary>
    public TextSpan Span => SourceSpan(0, Length);

    public override string ToString() => Text;

    /// <summary>Copies raw[start..end) verbatim, each character mapped to itself.</summary>
    public static SourcedText FromRaw(string raw, int start, int end)
    {
        var offsets = ImmutableArray.CreateBuilder<int>(end - start);
        for (var i = start; i < end; i++) offsets.Add(i);
        return new SourcedText(raw[start..end], offsets.MoveToImmutable());
    }

    /// <summary>Removes the given ranges of the text (indices into <see cref="Text"/>).</summary>
    public SourcedText Remove(IEnumerable<(int Start, int Length)> ranges)
    {
        var drop = new bool[Length];
        foreach (var (s, l) in ranges)
            for (var i = s; i < s + l; i++) drop[i] = true;
        var builder = new Builder();
        for (var i = 0; i < Length; i++)
            if (!drop[i]) builder.Append(Text[i], Offsets[i]);
        return builder.Build();
    }

    /// <summary>
    /// Collapses every run of white space (including no-break spaces and line breaks) to one space and trims
    /// both ends. The space that remains points at the first white-space character of its run.
    /// </summary>
    public SourcedText CollapseWhiteSpace()
    {
        var builder = new Builder();
        var pendingSpace = -1;
        for (var i = 0; i < Length; i++)
        {
            var c = Text[i];
            if (char.IsWhiteSpace(c))
            {
                if (pendingSpace < 0 && builder.Length > 0) pendingSpace = Offsets[i];
                continue;
            }
            if (pendingSpace >= 0)
            {
                builder.Append(' ', pendingSpace);
                pendingSpace = -1;
            }
            builder.Append(c, Offsets[i]);
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
        var builder = new Builder();
        var elements = StringInfo.GetTextElementEnumerator(Text);
        while (elements.MoveNext())
        {
            var index = elements.ElementIndex;
            var element = ((string)elements.Current).Normalize(NormalizationForm.FormC);
            foreach (var c in element) builder.Append(c, Offsets[index]);
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
