using Analysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Notebooks.Nbformat;

/// <summary>A notebook file that cannot be used: missing, not JSON, or not nbformat 4. The message names the file.</summary>
public sealed class NotebookFormatException(string path, string message, Exception? inner = null)
    : Exception($"{path}: {message}", inner)
{
    public string Path { get; } = path;
}

/// <summary>
/// An nbformat 4 notebook held as a JSON tree, so that everything the engine does not own (metadata,
/// markdown, unknown fields) is written back untouched. The engine changes only code cells' outputs and
/// execution counts.
/// </summary>
public sealed class NotebookFile
{
    private NotebookFile(string path, JsonObject root)
    {
        Path = path;
        Root = root;
    }

    public string Path { get; }
    public JsonObject Root { get; }
    public string Name => System.IO.Path.GetFileName(Path);
    public string Directory => System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;

    public JsonArray Cells => (JsonArray)Root["cells"]!;

    public IEnumerable<NotebookCell> AllCells => Cells.Select((c, i) => new NotebookCell((JsonObject)c!, i));

    public IEnumerable<NotebookCell> CodeCells => AllCells.Where(c => c.IsCode);

    public static NotebookFile Load(string path)
    {
        if (!File.Exists(path)) throw new NotebookFormatException(path, "file not found.");
        var stamp = Stamp(path);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(StrictUtf8.GetString(File.ReadAllBytes(path)));
        }
        catch (DecoderFallbackException e)
        {
            // Decoding leniently would rewrite the bad bytes as U+FFFD on the next save.
            throw new NotebookFormatException(path, $"not valid UTF-8 (byte offset {e.Index}).", e);
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException(path, $"not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}): {e.Message.Split(" Path:")[0]}", e);
        }
        var file = FromJson(path, node);
        file._stamp = stamp;
        return file;
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static NotebookFile Parse(string path, string json) => FromJson(path, JsonNode.Parse(json));

    private static NotebookFile FromJson(string path, JsonNode? node)
    {
        if (node is not JsonObject root) throw new NotebookFormatException(path, "a notebook is a JSON object.");
        var major = root["nbformat"] is JsonValue v && v.TryGetValue<int>(out var m) ? m : -1;
        if (major != 4)
            throw new NotebookFormatException(path, $"unsupported nbformat {(major < 0 ? "(missing)" : major.ToString(System.Globalization.CultureInfo.InvariantCulture))}: this engine reads nbformat 4.");
        if (root["nbformat_minor"] is { } minor && !(minor is JsonValue mv && mv.TryGetValue<int>(out _)))
            throw new NotebookFormatException(path, $"'nbformat_minor' must be a whole number, found {minor.ToJsonString()}.");
        if (root["cells"] is not JsonArray cells) throw new NotebookFormatException(path, "'cells' must be a list.");
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i] is not JsonObject cell || cell["cell_type"]?.GetValueKind() != JsonValueKind.String)
                throw new NotebookFormatException(path, $"cell {i + 1} has no 'cell_type'.");
            try { JupyterJson.JoinLines(cell["source"]); }
            catch (FormatException e) { throw new NotebookFormatException(path, $"cell {i + 1}: source: {e.Message}."); }
            if (cell["id"] is { } id)
            {
                if (id.GetValueKind() != JsonValueKind.String) throw new NotebookFormatException(path, $"cell {i + 1}: 'id' must be a string, found {id.ToJsonString()}.");
                if (ids.TryGetValue(id.GetValue<string>(), out var first))
                    throw new NotebookFormatException(path, $"cell {i + 1}: id '{id.GetValue<string>()}' is also the id of cell {first}; cell ids must be unique.");
                ids[id.GetValue<string>()] = i + 1;
            }
            if (cell["execution_count"] is { } count && !(count is JsonValue cv && cv.TryGetValue<int>(out _)))
                throw new NotebookFormatException(path, $"cell {i + 1}: 'execution_count' must be a whole number or null, found {count.ToJsonString()}.");
        }
        var file = new NotebookFile(path, root);
        file.EnsureCellIds();
        return file;
    }

    /// <summary>nbformat 4.5 wants an id on every cell. Missing ones are derived from file name and position: stable, not random.</summary>
    private void EnsureCellIds()
    {
        var added = false;
        foreach (var cell in AllCells.Where(c => c.Json["id"] is null))
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{Name}#{cell.Index}"));
            cell.Json["id"] = Convert.ToHexStringLower(hash)[..8];
            added = true;
        }
        if (added && (Root["nbformat_minor"]?.GetValue<int>() ?? 0) < 5) Root["nbformat_minor"] = 5;
    }

    public string Serialize() => JupyterJson.Serialize(Root);

    // When and how large the file was when it was read: a save must not overwrite an edit made since.
    private (DateTime Written, long Length)? _stamp;

    private static (DateTime, long)? Stamp(string path) => File.Exists(path) ? (File.GetLastWriteTimeUtc(path), new FileInfo(path).Length) : null;

    /// <summary>Replaces the file atomically, unless it changed on disk since it was read (then an <see cref="IOException"/> says so).</summary>
    public void Save()
    {
        if (_stamp is { } read && Stamp(Path) is { } now && now != read)
            throw new IOException($"{Path} changed on disk since it was read (an edit saved while this ran?): it was not overwritten.");
        AtomicFile.WriteAllText(Path, Serialize());
        _stamp = Stamp(Path);
    }

    public NotebookFile Clone() => new(Path, (JsonObject)Root.DeepClone()) { _stamp = _stamp };
}

/// <summary>A view on one cell of the JSON tree.</summary>
public sealed class NotebookCell(JsonObject json, int index)
{
    public JsonObject Json { get; } = json;

    /// <summary>Position among all cells, from 0.</summary>
    public int Index { get; } = index;

    public string Type => Json["cell_type"]!.GetValue<string>();
    public bool IsCode => Type == "code";
    public string Id => Json["id"]?.GetValue<string>() ?? "";
    public string Source => JupyterJson.JoinLines(Json["source"]);

    public JsonArray Outputs => Json["outputs"] as JsonArray ?? [];

    public void SetOutputs(IEnumerable<JsonObject> outputs, int? executionCount)
    {
        Json["outputs"] = new JsonArray([.. outputs]);
        Json["execution_count"] = executionCount;
    }

    /// <summary>The values the cell published for the prose to cite, kept in its metadata (none: the key is removed).</summary>
    public void SetClaims(IReadOnlyDictionary<string, string> claims)
    {
        if (Json["metadata"] is not JsonObject metadata) Json["metadata"] = metadata = [];
        if (claims.Count == 0) metadata.Remove(Engine.Readings.MetadataKey);
        else metadata[Engine.Readings.MetadataKey] = new JsonObject(claims.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => KeyValuePair.Create(c.Key, (JsonNode?)JsonValue.Create(c.Value))));
    }
}
