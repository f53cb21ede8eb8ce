using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Notebooks.Nbformat;

namespace Notebooks.Engine;

/// <summary>
/// A MIME bundle in display order: mime type to either text (a string) or JSON (a node, for <c>*+json</c> types).
/// Kept as plain values so that the notebook writer and the kernel's wire format can each encode it their way.
/// </summary>
public sealed class MimeBundle
{
    private readonly List<(string Mime, object Value)> _entries = [];

    public IReadOnlyList<(string Mime, object Value)> Entries => _entries;

    public MimeBundle Add(string mime, string text) => Set(mime, text);

    public MimeBundle Add(string mime, JsonNode json) => Set(mime, json);

    private MimeBundle Set(string mime, object value)
    {
        _entries.RemoveAll(e => e.Mime == mime);
        _entries.Add((mime, value));
        return this;
    }

    public bool Contains(string mime) => _entries.Any(e => e.Mime == mime);

    public string? Text(string mime) => _entries.FirstOrDefault(e => e.Mime == mime).Value as string;

    public JsonNode? Json(string mime) => _entries.FirstOrDefault(e => e.Mime == mime).Value as JsonNode;

    /// <summary>nbformat's form: text as a list of lines (JSON types stay JSON).</summary>
    public JsonObject ToNbformat()
    {
        var data = new JsonObject();
        foreach (var (mime, value) in _entries)
            data[mime] = value is string s ? JupyterJson.SplitLines(s) : ((JsonNode)value).DeepClone();
        return data;
    }

    /// <summary>The wire form (Jupyter messages): text as one string.</summary>
    public JsonObject ToWire()
    {
        var data = new JsonObject();
        foreach (var (mime, value) in _entries)
            data[mime] = value is string s ? JsonValue.Create(s) : ((JsonNode)value).DeepClone();
        return data;
    }
}

/// <summary>One output of a code cell, as Jupyter defines them.</summary>
public abstract record CellOutput
{
    public abstract JsonObject ToNbformat();
}

public sealed record StreamOutput(string Name, string Text) : CellOutput
{
    public override JsonObject ToNbformat() => new()
    {
        ["name"] = Name,
        ["output_type"] = "stream",
        ["text"] = JupyterJson.SplitLines(Text),
    };
}

public sealed record DisplayOutput(MimeBundle Data) : CellOutput
{
    /// <summary>The id a front end updates this display by (<c>update_display_data</c>); not saved in the notebook.</summary>
    public string? DisplayId { get; init; }

    /// <summary>True when this output replaces the display with the same <see cref="DisplayId"/>.</summary>
    public bool IsUpdate { get; init; }

    public override JsonObject ToNbformat() => new()
    {
        ["data"] = Data.ToNbformat(),
        ["metadata"] = new JsonObject(),
        ["output_type"] = "display_data",
    };
}

public sealed record ResultOutput(MimeBundle Data, int ExecutionCount) : CellOutput
{
    public override JsonObject ToNbformat() => new()
    {
        ["data"] = Data.ToNbformat(),
        ["execution_count"] = ExecutionCount,
        ["metadata"] = new JsonObject(),
        ["output_type"] = "execute_result",
    };
}

public sealed record ErrorOutput(string Name, string Value, ImmutableArray<string> Traceback) : CellOutput
{
    public override JsonObject ToNbformat() => new()
    {
        ["ename"] = Name,
        ["evalue"] = Value,
        ["output_type"] = "error",
        ["traceback"] = new JsonArray([.. Traceback.Select(t => (JsonNode)JsonValue.Create(t)!)]),
    };
}

/// <summary>Collects a cell's outputs in order; consecutive writes to one stream merge, as Jupyter shows them.</summary>
public sealed class OutputCollector(long maxStreamChars = OutputCollector.DefaultMaxStreamChars)
{
    /// <summary>Stream text kept per cell by default: beyond it a cell's prints are cut, with a marker that says so.</summary>
    public const long DefaultMaxStreamChars = 2_000_000;

    private readonly List<CellOutput> _outputs = [];
    private readonly Lock _lock = new();

    // The last output while it is a stream still being written: appended to in place, so that many small writes
    // cost linear time (concatenating strings made 80,000 lines quadratic).
    private System.Text.StringBuilder? _stream;
    private long _streamChars;
    private bool _truncated;

    /// <summary>Raised for every output as it happens (before merging), for live front ends such as the kernel.</summary>
    public event Action<CellOutput>? Published;

    public IReadOnlyList<CellOutput> Outputs
    {
        get
        {
            lock (_lock)
            {
                if (_stream is not null && _outputs[^1] is StreamOutput open) _outputs[^1] = open with { Text = _stream.ToString() };
                return [.. _outputs];
            }
        }
    }

    public int Count
    {
        get { lock (_lock) return _outputs.Count; }
    }

    private readonly SortedDictionary<string, string> _claims = new(StringComparer.Ordinal);

    /// <summary>The values the cell published with <c>claim</c>, by name.</summary>
    public IReadOnlyDictionary<string, string> Claims
    {
        get { lock (_lock) return new SortedDictionary<string, string>(_claims, StringComparer.Ordinal); }
    }

    public void Claim(string name, string text)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(name, "^[A-Za-z0-9_.\\-]+$"))
            throw new ArgumentException($"A claim name is letters, digits, '.', '_' and '-' only; '{name}' is not.", nameof(name));
        lock (_lock) _claims[name] = text;
    }

    private bool _sealed;

    /// <summary>
    /// Ends the cell's output: a cell abandoned after an interrupt or time-out may run on (.NET cannot abort a thread),
    /// but nothing it writes later reaches its outputs or a front end.
    /// </summary>
    public void Seal()
    {
        lock (_lock) _sealed = true;
    }

    public void Add(CellOutput output)
    {
        lock (_lock)
        {
            if (_sealed) return;
            if (output is StreamOutput s)
            {
                if (_truncated) return;
                if (_streamChars + s.Text.Length > maxStreamChars)
                {
                    s = s with { Text = s.Text[..(int)Math.Max(0, maxStreamChars - _streamChars)] + $"\n[output truncated at {maxStreamChars.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture)} characters]\n" };
                    output = s;
                    _truncated = true;
                }
                _streamChars += s.Text.Length;
                if (_outputs.Count > 0 && _outputs[^1] is StreamOutput last && last.Name == s.Name)
                {
                    (_stream ??= new System.Text.StringBuilder(last.Text)).Append(s.Text);
                }
                else
                {
                    Close();
                    _outputs.Add(s);
                }
            }
            else
            {
                Close();
                _outputs.Add(output);
            }
        }
        Published?.Invoke(output);
    }

    /// <summary>
    /// Replaces the display output with <paramref name="displayId"/> by <paramref name="update"/>: the saved notebook keeps
    /// the last value, a live front end is sent an update of the display it shows.
    /// </summary>
    public void Update(string displayId, DisplayOutput update)
    {
        lock (_lock)
        {
            if (_sealed) return;
            var index = _outputs.FindIndex(o => o is DisplayOutput d && d.DisplayId == displayId);
            if (index < 0) return;
            _outputs[index] = update with { DisplayId = displayId, IsUpdate = false };
        }
        Published?.Invoke(update with { DisplayId = displayId, IsUpdate = true });
    }

    /// <summary>Ends the open stream: its text becomes the output's text.</summary>
    private void Close()
    {
        if (_stream is not null && _outputs[^1] is StreamOutput open) _outputs[^1] = open with { Text = _stream.ToString() };
        _stream = null;
    }
}
