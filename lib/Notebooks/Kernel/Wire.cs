using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Notebooks.Kernel;

/// <summary>A kernel connection file, as Jupyter writes it.</summary>
public sealed record ConnectionInfo(string Transport, string Ip, int ShellPort, int IoPubPort, int StdinPort, int ControlPort, int HbPort, string Key, string SignatureScheme)
{
    public string Address(int port) => $"{Transport}://{Ip}:{port}";

    public static ConnectionInfo Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: connection file not found.", path);
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        int Port(string name) => json[name]?.GetValue<int>() ?? throw new FormatException($"{path}: '{name}' missing.");
        var scheme = json["signature_scheme"]?.GetValue<string>() ?? "hmac-sha256";
        if (scheme != "hmac-sha256") throw new FormatException($"{path}: signature_scheme '{scheme}' is not supported (hmac-sha256 is).");
        return new ConnectionInfo(json["transport"]?.GetValue<string>() ?? "tcp", json["ip"]?.GetValue<string>() ?? "127.0.0.1",
            Port("shell_port"), Port("iopub_port"), Port("stdin_port"), Port("control_port"), Port("hb_port"), json["key"]?.GetValue<string>() ?? "", scheme);
    }
}

/// <summary>A Jupyter message: routing identities, the four JSON parts, and binary buffers.</summary>
public sealed class JupyterMessage
{
    public List<byte[]> Identities { get; init; } = [];
    public JsonObject Header { get; init; } = [];
    public JsonObject ParentHeader { get; init; } = [];
    public JsonObject Metadata { get; init; } = [];
    public JsonObject Content { get; init; } = [];

    public string Type => Header["msg_type"]?.GetValue<string>() ?? "";
    public string Id => Header["msg_id"]?.GetValue<string>() ?? "";

    public static JsonObject NewHeader(string type, string session) => new()
    {
        ["msg_id"] = Guid.NewGuid().ToString("N"),
        ["session"] = session,
        ["username"] = "kernel",
        ["date"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", System.Globalization.CultureInfo.InvariantCulture),
        ["msg_type"] = type,
        ["version"] = "5.3",
    };
}

/// <summary>
/// The wire format: identities, "&lt;IDS|MSG&gt;", HMAC-SHA256 signature (hex) over header, parent header,
/// metadata and content, then those four JSON frames and any buffers. An empty key means no signing.
/// </summary>
public sealed class WireFormat(string key)
{
    public const string Delimiter = "<IDS|MSG>";
    private readonly byte[] _key = Encoding.UTF8.GetBytes(key);

    public string Sign(params string[] parts)
    {
        if (_key.Length == 0) return "";
        using var hmac = new HMACSHA256(_key);
        foreach (var part in parts)
        {
            var bytes = Encoding.UTF8.GetBytes(part);
            hmac.TransformBlock(bytes, 0, bytes.Length, null, 0);
        }
        hmac.TransformFinalBlock([], 0, 0);
        return Convert.ToHexStringLower(hmac.Hash!);
    }

    public List<byte[]> Serialize(JupyterMessage message)
    {
        var parts = new[] { message.Header, message.ParentHeader, message.Metadata, message.Content }.Select(p => p.ToJsonString()).ToArray();
        var frames = new List<byte[]>(message.Identities) { Encoding.UTF8.GetBytes(Delimiter), Encoding.UTF8.GetBytes(Sign(parts)) };
        frames.AddRange(parts.Select(Encoding.UTF8.GetBytes));
        return frames;
    }

    /// <summary>Parses and verifies a message; throws <see cref="InvalidDataException"/> when it is malformed or its signature is wrong.</summary>
    public JupyterMessage Parse(IReadOnlyList<byte[]> frames)
    {
        var delimiter = Encoding.UTF8.GetBytes(Delimiter);
        var at = -1;
        for (var i = 0; i < frames.Count; i++)
            if (frames[i].AsSpan().SequenceEqual(delimiter)) { at = i; break; }
        if (at < 0 || frames.Count < at + 6) throw new InvalidDataException("malformed message: no <IDS|MSG> delimiter or too few frames.");
        var parts = Enumerable.Range(at + 2, 4).Select(i => Encoding.UTF8.GetString(frames[i])).ToArray();
        var signature = Encoding.UTF8.GetString(frames[at + 1]);
        var expected = Sign(parts);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(signature), Encoding.ASCII.GetBytes(expected)))
            throw new InvalidDataException("invalid signature.");
        try
        {
            var message = new JupyterMessage
            {
                Identities = [.. frames.Take(at)],
                Header = JsonNode.Parse(parts[0])!.AsObject(),
                ParentHeader = JsonNode.Parse(parts[1])!.AsObject(),
                Metadata = JsonNode.Parse(parts[2])!.AsObject(),
                Content = JsonNode.Parse(parts[3])!.AsObject(),
            };
            // Without a string type and id the message cannot even be answered.
            foreach (var field in new[] { "msg_type", "msg_id" })
                if (message.Header[field]?.GetValueKind() != System.Text.Json.JsonValueKind.String)
                    throw new InvalidDataException($"malformed message: header.{field} is not a string.");
            return message;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException)
        {
            throw new InvalidDataException("malformed message: a part is not a JSON object.", e);
        }
    }
}
