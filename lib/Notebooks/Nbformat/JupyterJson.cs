using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Notebooks.Nbformat;

/// <summary>
/// Writes JSON the way Jupyter saves notebooks (<c>json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False)</c>
/// plus a trailing newline), so a notebook saved here and one saved by Jupyter or VS Code diff cleanly.
/// </summary>
public static class JupyterJson
{
    public static string Serialize(JsonNode? node)
    {
        var sb = new StringBuilder();
        Write(sb, node, 0);
        sb.Append('\n');
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, JsonNode? node, int depth)
    {
        switch (node)
        {
            case null:
                sb.Append("null");
                break;
            case JsonObject obj:
                if (obj.Count == 0) { sb.Append("{}"); break; }
                sb.Append("{\n");
                var first = true;
                // Python sorts keys by code point; ordinal UTF-16 order agrees outside the astral planes.
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!first) sb.Append(",\n");
                    first = false;
                    sb.Append(' ', depth + 1);
                    WriteString(sb, key);
                    sb.Append(": ");
                    Write(sb, value, depth + 1);
                }
                sb.Append('\n').Append(' ', depth).Append('}');
                break;
            case JsonArray array:
                if (array.Count == 0) { sb.Append("[]"); break; }
                sb.Append("[\n");
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0) sb.Append(",\n");
                    sb.Append(' ', depth + 1);
                    Write(sb, array[i], depth + 1);
                }
                sb.Append('\n').Append(' ', depth).Append(']');
                break;
            case JsonValue value:
                WriteValue(sb, value);
                break;
        }
    }

    private static void WriteValue(StringBuilder sb, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(sb, value.GetValue<string>());
                break;
            case JsonValueKind.True:
                sb.Append("true");
                break;
            case JsonValueKind.False:
                sb.Append("false");
                break;
            case JsonValueKind.Null:
                sb.Append("null");
                break;
            default:
                // Numbers keep the text they were parsed from (or .NET's round-trip form when built in code).
                sb.Append(value.ToJsonString());
                break;
        }
    }

    /// <summary>Python's escaping with ensure_ascii=False: quote, backslash and control characters only.</summary>
    private static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }

    /// <summary>Python's <c>str.splitlines(keepends=True)</c>: how nbformat stores multi-line text as a list.</summary>
    public static JsonArray SplitLines(string text)
    {
        var lines = new JsonArray();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r' or '\v' or '\f' or '\x1c' or '\x1d' or '\x1e' or '\x85' or '\u2028' or '\u2029')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                lines.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }
        if (start < text.Length) lines.Add(text[start..]);
        return lines;
    }

    /// <summary>A multi-line field as one string, whether stored as a string or a list of lines.</summary>
    public static string JoinLines(JsonNode? node) => node switch
    {
        null => "",
        JsonArray array => string.Concat(array.Select(l => l is null ? "" : l.GetValueKind() == JsonValueKind.String ? l.GetValue<string>()
            : throw new FormatException($"expected a list of strings, found {l.GetValueKind()} in it"))),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => throw new FormatException($"expected a string or a list of strings, found {node.GetValueKind()}"),
    };
}
