using System.Collections.Immutable;
using System.Text;

namespace Analysis;

/// <summary>A document of the manifest that was set aside, with its file, the field at fault and why.</summary>
public sealed record NotLoaded(string Id, string File, string Field, string Reason);

/// <summary>The loaded corpus: documents in manifest order, each cleaned by its profile.</summary>
public sealed class Corpus
{
    private Corpus(string dataDirectory, ImmutableArray<Document> documents, ImmutableArray<string> unverified = default, ImmutableArray<NotLoaded> notLoaded = default)
    {
        DataDirectory = dataDirectory;
        Documents = documents;
        Unverified = unverified.IsDefault ? [] : unverified;
        NotLoaded = notLoaded.IsDefault ? [] : notLoaded;
    }

    /// <summary>Documents of the manifest that could not be loaded, each with its file and why; the others are loaded (notebook 00 lists them).</summary>
    public ImmutableArray<NotLoaded> NotLoaded { get; }

    /// <summary>Raw files that <c>raw/SHA256SUMS</c> does not list, so their content could not be verified (notebook 00 names them).</summary>
    public ImmutableArray<string> Unverified { get; }

    public string DataDirectory { get; }
    public ImmutableArray<Document> Documents { get; }

    /// <summary>The corpus restricted to some of its documents, in manifest order: a study's choice of texts, stated where it is made.</summary>
    public Corpus Where(Func<Document, bool> keep) => new(DataDirectory, [.. Documents.Where(keep)], Unverified, NotLoaded);

    // By id, built on first use: verbs look a unit's document up once per unit, and a search per lookup made grouping
    // 100,000 documents' units by genre quadratic.
    private Dictionary<string, Document>? _byId;

    public Document this[string id]
    {
        get
        {
            var byId = _byId ??= Documents.DistinctBy(d => d.Id, StringComparer.Ordinal).ToDictionary(d => d.Id, StringComparer.Ordinal);
            return byId.TryGetValue(id, out var document) ? document
                : throw new KeyNotFoundException($"No document '{id}'. Known: {string.Join(", ", Documents.Take(20).Select(d => d.Id))}{(Documents.Length > 20 ? $" and {Documents.Length - 20:#,0} more" : "")}.");
        }
    }

    /// <summary>Every paragraph of every document, pull quotes and captions included (filter on <see cref="Paragraph.Kind"/>).</summary>
    public IEnumerable<Paragraph> Paragraphs => Documents.SelectMany(d => d.Paragraphs);

    public IEnumerable<Comment> Comments => Documents.SelectMany(d => d.Comments);

    /// <summary>The units analyses count by default: running-text paragraphs and, if asked, reader comments.</summary>
    public IEnumerable<ITextUnit> Units(bool includeComments = true) =>
        Documents.SelectMany(d => d.Body.Cast<ITextUnit>().Concat(includeComments ? d.Comments : []));

    public IEnumerable<CleaningReport> Reports => Documents.Select(d => d.Report);

    /// <summary>
    /// Loads <c>corpus.json</c> and the files under <c>raw/</c> of <paramref name="dataDirectory"/>. A document whose file
    /// cannot be used (missing, not UTF-8, changed since it was added, empty after cleaning) is set aside in
    /// <see cref="NotLoaded"/> with its reason, and the others load: one bad file out of thousands does not stop the
    /// analysis. With <paramref name="strict"/> (or <c>"strict": true</c> in the manifest) the first such file stops the
    /// load instead. A manifest that cannot be read, or a corpus none of whose documents load, always stops it.
    /// </summary>
    /// <exception cref="CorpusException">The manifest is wrong, no document loads, or (strict) a file is wrong; the message names the file and field.</exception>
    public static Corpus Load(string dataDirectory, bool? strict = null)
    {
        var full = Path.GetFullPath(dataDirectory);
        var manifestPath = Path.Combine(full, Manifest.FileName);
        var sumsPath = Path.Combine(full, "raw", CorpusFiles.ChecksumFile);
        var sums = CorpusFiles.ReadSums(sumsPath);
        var unverified = ImmutableArray.CreateBuilder<string>();
        var infos = Manifest.Read(manifestPath, out var manifestStrict);
        var stop = strict ?? manifestStrict;
        var documents = ImmutableArray.CreateBuilder<Document>();
        var notLoaded = ImmutableArray.CreateBuilder<NotLoaded>();
        foreach (var info in infos)
        {
            try
            {
                documents.Add(LoadDocument(full, manifestPath, info, sums, sumsPath, unverified));
            }
            catch (CorpusException e) when (!stop)
            {
                notLoaded.Add(new NotLoaded(info.Id, info.File, e.Field, e.Message));
            }
        }
        if (documents.Count == 0 && notLoaded.Count > 0)
            throw new CorpusException(manifestPath, "documents", $"none of the {notLoaded.Count} documents could be loaded; the first: {notLoaded[0].Reason}");
        return new Corpus(full, documents.ToImmutable(), unverified.ToImmutable(), notLoaded.ToImmutable());
    }

    /// <summary>Loads from the repository's <c>data/</c> folder, found from the current directory upwards.</summary>
    public static Corpus Load() => Load(ProjectPaths.Data);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Strict UTF-8; a byte-order mark is dropped, so offsets count from the first character of the text.</summary>
    /// <exception cref="DecoderFallbackException">The bytes are not UTF-8.</exception>
    internal static string DecodeUtf8(byte[] bytes)
    {
        var preamble = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        return StrictUtf8.GetString(bytes, preamble, bytes.Length - preamble);
    }

    private static Document LoadDocument(string dataDirectory, string manifestPath, DocumentInfo info, IReadOnlyDictionary<string, (string Hash, int Line)> sums, string sumsPath,
        ImmutableArray<string>.Builder unverified)
    {
        if (!CleaningProfiles.TryGet(info.Profile, out var profile))
            throw new CorpusException(manifestPath, $"{info.Id}.profile", $"unknown profile '{info.Profile}'. Known: {string.Join(", ", CleaningProfiles.All.Keys.Order(StringComparer.Ordinal))}.");
        var rawDirectory = Path.Combine(dataDirectory, "raw");
        var path = Path.Combine(rawDirectory, info.File);
        if (Directory.Exists(path)) throw new CorpusException(path, $"{info.Id}.file", "is a folder; the manifest must name a text file in data/raw/.");
        if (!File.Exists(path)) throw new CorpusException(path, $"{info.Id}.file", "file not found (the manifest names it, data/raw/ lacks it).");
        // A symbolic link out of data/raw/ would pull a local file into the outputs.
        if (!DataFolder.StaysInside(path, rawDirectory)) throw new CorpusException(path, $"{info.Id}.file", "is a link to a file outside data/raw/; copy the text in with 'corpus add'.");
        string raw;
        try
        {
            var bytes = File.ReadAllBytes(path);
            if (sums.TryGetValue(info.File, out var listed))
            {
                var actual = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
                if (actual != listed.Hash)
                    throw new CorpusException(sumsPath, $"line {listed.Line}", $"{info.File} has changed since it was added (SHA-256 {actual[..16]}…, listed {listed.Hash[..16]}…). " +
                        "Restore it, or, if you changed it on purpose, update its line (sha256sum raw/" + info.File + ").");
            }
            else
            {
                lock (unverified) unverified.Add(info.File);
            }
            raw = DecodeUtf8(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new CorpusException(path, $"{info.Id}.file", $"not valid UTF-8 (byte offset {e.Index}).", e);
        }
        if (Mojibake.Find(raw) is { } bad)
            throw new CorpusException(path, $"{info.Id}.file",
                $"double-encoded UTF-8 (mojibake) at {Mojibake.Describe(raw, bad)}; add the original file again with 'corpus add', which repairs it, or save it as UTF-8 once.");
        return Clean(path, info, raw, profile);
    }

    /// <summary>Cleans a raw text with its profile (HTML files read as HTML when the profile is generic).</summary>
    internal static Document Clean(string path, DocumentInfo info, string raw, CleaningProfile profile)
    {
        if (profile.Name == GenericProfile.ProfileName && HtmlProfile.LooksLikeHtml(raw)) profile = CleaningProfiles.All[HtmlProfile.ProfileName];

        var draft = new DocumentDraft(raw, profile);
        try
        {
            profile.Clean(raw, draft);
        }
        catch (FormatException e)
        {
            throw new CorpusException(path, $"{info.Id}.profile", $"profile '{profile.Name}' cannot read this file: {e.Message}", e);
        }

        var paragraphs = draft.Paragraphs.Select((p, i) => new Paragraph($"{info.Id}/p{i + 1}", info.Id, i + 1, p.Kind, p.Span, p.Text)).ToImmutableArray();
        if (!paragraphs.Any(p => p.Kind.CountsAsText()))
            throw new CorpusException(path, $"{info.Id}.body", $"the body is empty after cleaning with profile '{profile.Name}'.");
        var comments = draft.Comments.Select((c, i) => new Comment(
            $"{info.Id}/c{c.Key}", info.Id, i + 1, c.Author, c.Timestamp, c.ReplyToKey is null ? null : $"{info.Id}/c{c.ReplyToKey}", c.Span, c.Text)).ToImmutableArray();
        comments = TextUnits.MarkQuotes(paragraphs.Where(p => p.Kind.CountsAsText()), comments);

        var removed = draft.Removed.OrderBy(r => r.Span.Start).ToImmutableArray();
        var report = new CleaningReport(
            info.Id,
            raw.Length,
            paragraphs.Sum(p => p.Span.Length),
            comments.Sum(c => c.Span.Length),
            removed.Where(r => r.Kind == RemovalKind.Metadata).Sum(r => r.Span.Length),
            removed.Where(r => r.Kind == RemovalKind.Boilerplate).Sum(r => r.Span.Length),
            removed);
        return new Document(info, raw, paragraphs, comments, [.. draft.Facts], report) { Profile = profile.Name };
    }
}
