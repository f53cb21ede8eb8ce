using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Analysis;

/// <summary>Options of <see cref="CorpusFiles.Add"/>; null means "read it from the file" or the default.</summary>
public sealed record AddOptions
{
    /// <summary>The document id (only with one file); default: from the title or file name.</summary>
    public string? Id { get; init; }

    /// <summary>The genre, the one judgement the manifest asks of a person (e.g. "news report"); default empty.</summary>
    public string? Genre { get; init; }

    /// <summary>The cleaning profile; default <c>generic</c> (HTML files are read as HTML).</summary>
    public string? Profile { get; init; }

    public string Language { get; init; } = "de";
}

/// <summary>What <see cref="CorpusFiles.Add"/> did with one file.</summary>
public sealed record AddedDocument(string Source, DocumentInfo Info, int RepairedSequences, int Paragraphs);

/// <summary>Adds users' files to the corpus: copied into <c>raw/</c>, entered in the manifest, checksummed.</summary>
public static class CorpusFiles
{
    public const string ChecksumFile = "SHA256SUMS";

    /// <summary>
    /// Copies <paramref name="files"/> into <c>raw/</c> and adds a manifest entry for each, filled from what the file
    /// says (title, date, outlet, authors from header lines or HTML meta tags; unknown fields left empty). Every
    /// file is read and cleaned first: one that is not UTF-8, empty after cleaning, or the same as a text already in
    /// the corpus stops the whole call before anything is written, so nothing is half-added. Double-encoded text is
    /// repaired on the way in (the count is reported).
    /// </summary>
    /// <exception cref="CorpusException">A file is unusable; the message names it and says why.</exception>
    public static IReadOnlyList<AddedDocument> Add(string dataDirectory, IReadOnlyList<string> files, AddOptions? options = null)
    {
        // One writer at a time: the manifest, raw/ and SHA256SUMS are read and written under the folder's lock.
        using var writing = DataFolder.Lock(dataDirectory);
        return AddLocked(dataDirectory, files, options);
    }

    private static IReadOnlyList<AddedDocument> AddLocked(string dataDirectory, IReadOnlyList<string> files, AddOptions? options)
    {
        options ??= new AddOptions();
        var data = Path.GetFullPath(dataDirectory);
        var manifestPath = Path.Combine(data, Manifest.FileName);
        var rawDirectory = Path.Combine(data, "raw");
        if (files.Count == 0) throw new CorpusException(data, "files", "no files given.");
        if (options.Id is not null && files.Count > 1) throw new CorpusException(files[1], "id", "--id names one document; give one file at a time.");
        if (options.Id is not null && DataFolder.IdProblem(options.Id) is { } idProblem) throw new CorpusException(files[0], "id", idProblem);
        var profileName = options.Profile ?? GenericProfile.ProfileName;
        if (!CleaningProfiles.TryGet(profileName, out var profile))
            throw new CorpusException(manifestPath, "profile", $"unknown profile '{profileName}'. Known: {string.Join(", ", CleaningProfiles.All.Keys.Order(StringComparer.Ordinal))}.");

        var existing = File.Exists(manifestPath) ? Manifest.Read(manifestPath) : [];
        var ids = existing.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        // Duplicates are found by SHA-256: the sums data/raw keeps already, so a large corpus is not read again on every add.
        var listed = ReadSums(Path.Combine(rawDirectory, ChecksumFile));
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var d in existing.Where(d => File.Exists(Path.Combine(rawDirectory, d.File))))
            hashes.TryAdd(listed.TryGetValue(d.File, out var sum) ? sum.Hash : Hash(File.ReadAllBytes(Path.Combine(rawDirectory, d.File))), $"document '{d.Id}' ({d.File})");
        // The same text with other line ends or a byte-order mark is a duplicate too: compared on the normalised text,
        // which needs the stored texts (read only when the files' own sums do not already match).
        var normalised = new Lazy<Dictionary<string, string>>(() =>
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var d in existing.Where(d => File.Exists(Path.Combine(rawDirectory, d.File))))
            {
                try { map.TryAdd(Hash(Encoding.UTF8.GetBytes(Normalised(Corpus.DecodeUtf8(File.ReadAllBytes(Path.Combine(rawDirectory, d.File)))))), $"document '{d.Id}' ({d.File})"); }
                catch (DecoderFallbackException) { }
            }
            return map;
        });
        var next = existing.Length;
        var planned = new List<(AddedDocument Added, byte[] Bytes)>();

        foreach (var source in files)
        {
            if (Directory.Exists(source)) throw new CorpusException(source, "file", "is a folder; give the text files in it (e.g. folder/*.txt).");
            if (!File.Exists(source)) throw new CorpusException(source, "file", "not found.");
            string text;
            try
            {
                text = Corpus.DecodeUtf8(File.ReadAllBytes(source));
            }
            catch (DecoderFallbackException e)
            {
                throw new CorpusException(source, "file", $"not valid UTF-8 (byte offset {e.Index}); save it as UTF-8 and add it again.", e);
            }
            text = Mojibake.Repair(text, out var repaired);
            var bytes = new UTF8Encoding(false).GetBytes(text);
            var hash = Hash(bytes);
            if (hashes.TryGetValue(hash, out var twin)) throw new CorpusException(source, "file", $"the same text as {twin}; nothing was added.");
            var same = Hash(Encoding.UTF8.GetBytes(Normalised(text)));
            if (normalised.Value.TryGetValue(same, out var copy)) throw new CorpusException(source, "file", $"the same text as {copy} (up to line ends); nothing was added.");
            hashes[hash] = $"'{source}'";
            normalised.Value[same] = $"'{source}'";

            var extension = HtmlProfile.LooksLikeHtml(text) ? ".html" : ".txt";
            var file = $"{next.ToString("000", CultureInfo.InvariantCulture)}_{hash[..16]}{extension}";
            while (File.Exists(Path.Combine(rawDirectory, file))) file = $"{(++next).ToString("000", CultureInfo.InvariantCulture)}_{hash[..16]}{extension}";
            var draft = new DocumentInfo(options.Id ?? "new", file, null, null, null, [], options.Genre ?? "", options.Language, profile.Name);
            var document = Corpus.Clean(source, draft, text, profile);
            var id = options.Id ?? UniqueId(Slug(document.Fact("title") ?? Path.GetFileNameWithoutExtension(source)), ids);
            if (!ids.Add(id)) throw new CorpusException(source, "id", $"the corpus already has a document '{id}'.");
            var info = draft with
            {
                Id = id,
                // Control characters of a page's title cannot move a terminal's cursor or hide text: they become spaces.
                Title = document.Fact("title") is { } title ? DataFolder.Clean(title) : null,
                Outlet = document.Fact("outlet") is { } outlet ? DataFolder.Clean(outlet) : null,
                Published = document.Fact("published") is { } p ? DateOnly.ParseExact(p, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                Authors = [.. document.Metadata.Where(m => m.Field == "author").Select(m => DataFolder.Clean(m.Value)).Distinct()],
            };
            planned.Add((new AddedDocument(source, info, repaired, document.Paragraphs.Length), bytes));
            next++;
        }

        Directory.CreateDirectory(rawDirectory);
        var written = new List<string>();
        var sums = Path.Combine(rawDirectory, ChecksumFile);
        var oldSums = File.Exists(sums) ? File.ReadAllText(sums) : "";
        var sumsWritten = false;
        try
        {
            foreach (var (added, bytes) in planned)
            {
                var target = Path.Combine(rawDirectory, added.Info.File);
                AtomicFile.Write(target, s => s.Write(bytes));
                written.Add(target);
            }
            AtomicFile.WriteAllText(sums, oldSums + string.Concat(planned.Select(p => $"{Hash(p.Bytes)}  {p.Added.Info.File}\n")));
            sumsWritten = true;
            AtomicFile.WriteAllText(manifestPath, WithEntries(File.Exists(manifestPath) ? File.ReadAllText(manifestPath) : """{ "documents": [] }""", planned.Select(p => p.Added.Info)));
        }
        catch
        {
            foreach (var path in written) File.Delete(path);
            if (sumsWritten) AtomicFile.WriteAllText(sums, oldSums);
            throw;
        }
        return [.. planned.Select(p => p.Added)];
    }

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>File name to SHA-256 from a <c>sha256sum</c>-style file ("HASH  NAME" per line); empty when there is none.</summary>
    internal static Dictionary<string, (string Hash, int Line)> ReadSums(string path) =>
        !File.Exists(path) ? [] : File.ReadLines(path).Select((l, i) => (Parts: l.Split("  ", 2), Line: i + 1)).Where(p => p.Parts.Length == 2)
            .GroupBy(p => p.Parts[1].TrimStart('*'), StringComparer.Ordinal).ToDictionary(g => g.Key, g => (g.Last().Parts[0].ToLowerInvariant(), g.Last().Line), StringComparer.Ordinal);

    /// <summary>The text as compared for duplicates: line ends as \n, no byte-order mark, so a CRLF copy is the same text.</summary>
    private static string Normalised(string text) => text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    /// <summary>Lower-case ASCII words of the title, umlauts spelled out, at most four words.</summary>
    internal static string Slug(string text)
    {
        var spelled = text.ToLowerInvariant().Replace("ä", "ae").Replace("ö", "oe").Replace("ü", "ue").Replace("ß", "ss");
        var words = new string([.. spelled.Normalize(NormalizationForm.FormD).Select(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : ' ')])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(4);
        var slug = string.Join('-', words);
        return slug.Length == 0 ? "text" : slug;
    }

    private static string UniqueId(string slug, HashSet<string> taken)
    {
        if (!taken.Contains(slug)) return slug;
        for (var i = 2; ; i++)
            if (!taken.Contains($"{slug}-{i}")) return $"{slug}-{i}";
    }

    /// <summary>The manifest text with the entries appended to its documents array; everything before them stays as written.</summary>
    internal static string WithEntries(string manifest, IEnumerable<DocumentInfo> entries)
    {
        var bytes = Encoding.UTF8.GetBytes(manifest);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        int? arrayEnd = null;
        var sawDocuments = false;
        var empty = true;
        while (reader.Read())
        {
            if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName) sawDocuments = reader.ValueTextEquals("documents");
            else if (sawDocuments && reader.CurrentDepth == 2 && reader.TokenType == JsonTokenType.StartObject) empty = false;
            else if (sawDocuments && reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.EndArray) { arrayEnd = (int)reader.TokenStartIndex; break; }
        }
        if (arrayEnd is null) throw new CorpusException(Manifest.FileName, "documents", "expected an array of document entries.");
        var before = Encoding.UTF8.GetString(bytes, 0, arrayEnd.Value).TrimEnd();
        var after = Encoding.UTF8.GetString(bytes, arrayEnd.Value, bytes.Length - arrayEnd.Value);
        var text = new StringBuilder(before);
        foreach (var entry in entries)
        {
            if (!empty) text.Append(',');
            empty = false;
            text.Append("\n    ").Append(Entry(entry));
        }
        return text.Append("\n  ").Append(after).ToString();
    }

    private static readonly JsonSerializerOptions Strings = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Entry(DocumentInfo d)
    {
        string S(string? v) => JsonSerializer.Serialize(v ?? "", Strings);
        return "{\n" + string.Join(",\n", new[]
        {
            $"      \"id\": {S(d.Id)}", $"      \"file\": {S(d.File)}", $"      \"outlet\": {S(d.Outlet)}", $"      \"title\": {S(d.Title)}",
            $"      \"published\": {S(d.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))}",
            $"      \"authors\": [{string.Join(", ", d.Authors.Select(a => S(a)))}]", $"      \"genre\": {S(d.Genre)}", $"      \"language\": {S(d.Language)}", $"      \"profile\": {S(d.Profile)}",
        }) + "\n    }";
    }
}
