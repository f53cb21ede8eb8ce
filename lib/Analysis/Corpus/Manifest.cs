using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace Analysis;

/// <summary>Reads <c>corpus.json</c>: <c>{ "documents": [ { "id", "file", "outlet", "title", "published", "authors", "genre", "language", "profile" } ] }</c>.</summary>
public static class Manifest
{
    public const string FileName = "corpus.json";

    public static ImmutableArray<DocumentInfo> Read(string path) => Read(path, out _);

    /// <summary>The entries, and whether the manifest asks a bad file to stop the load (<c>"strict": true</c>).</summary>
    public static ImmutableArray<DocumentInfo> Read(string path, out bool strict)
    {
        strict = false;
        if (!File.Exists(path)) throw new CorpusException(path, "manifest", "file not found.");
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new CorpusException(path, $"line {e.LineNumber + 1}", $"not valid JSON: {e.Message}", e);
        }
        using (json)
        {
            if (json.RootElement.ValueKind != JsonValueKind.Object)
                throw new CorpusException(path, "root", $"expected an object {{ \"documents\": [ … ] }}, found {json.RootElement.ValueKind}.");
            if (json.RootElement.TryGetProperty("strict", out var strictValue))
            {
                if (strictValue.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) throw new CorpusException(path, "strict", $"expected true or false, found {strictValue.ValueKind}.");
                strict = strictValue.GetBoolean();
            }
            if (!json.RootElement.TryGetProperty("documents", out var documents) || documents.ValueKind != JsonValueKind.Array)
                throw new CorpusException(path, "documents", "expected an array of document entries.");
            var result = ImmutableArray.CreateBuilder<DocumentInfo>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var entry in documents.EnumerateArray())
            {
                var at = $"documents[{index++}]";
                if (entry.ValueKind != JsonValueKind.Object) throw new CorpusException(path, at, $"expected a document entry (an object), found {entry.ValueKind}.");
                var id = Required(entry, "id", path, at);
                if (DataFolder.IdProblem(id) is { } idProblem) throw new CorpusException(path, $"{at}.id", idProblem);
                if (!ids.Add(id)) throw new CorpusException(path, $"{at}.id", $"duplicate id '{id}'.");
                var file = Required(entry, "file", path, at);
                if (DataFolder.FileProblem(file) is { } fileProblem) throw new CorpusException(path, $"{at}.file", fileProblem);
                var published = Optional(entry, "published", path, at);
                DateOnly? date = null;
                if (published is not null)
                {
                    if (!DateOnly.TryParseExact(published, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                        throw new CorpusException(path, $"{at}.published", $"'{published}' is not an ISO 8601 date (yyyy-MM-dd).");
                    date = d;
                }
                result.Add(new DocumentInfo(
                    id,
                    file,
                    Optional(entry, "outlet", path, at),
                    Optional(entry, "title", path, at),
                    date,
                    Authors(entry, path, at),
                    Optional(entry, "genre", path, at) ?? "",
                    Optional(entry, "language", path, at) ?? "",
                    Optional(entry, "profile", path, at) ?? GenericProfile.ProfileName));
            }
            return result.ToImmutable();
        }
    }

    private static string Required(JsonElement entry, string field, string path, string at) =>
        Optional(entry, field, path, at) ?? throw new CorpusException(path, $"{at}.{field}", "is required and must be a non-empty string.");

    /// <summary>Empty strings and missing fields both mean "the text does not say".</summary>
    private static string? Optional(JsonElement entry, string field, string path, string at)
    {
        if (!entry.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String) throw new CorpusException(path, $"{at}.{field}", $"expected a string, found {value.ValueKind}.");
        var s = value.GetString()!.Trim();
        return s.Length == 0 ? null : s;
    }

    private static ImmutableArray<string> Authors(JsonElement entry, string path, string at)
    {
        if (!entry.TryGetProperty("authors", out var value) || value.ValueKind == JsonValueKind.Null) return [];
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(a => a.ValueKind != JsonValueKind.String))
            throw new CorpusException(path, $"{at}.authors", "expected an array of strings.");
        return [.. value.EnumerateArray().Select(a => a.GetString()!.Trim()).Where(a => a.Length > 0)];
    }
}
