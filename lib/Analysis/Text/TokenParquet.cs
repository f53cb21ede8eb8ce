using System.Collections.Immutable;
using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace Analysis.Text;

/// <summary>A unit as the token table's Parquet files name it: its id, its document, and whether it is a reader comment.</summary>
public readonly record struct StoredUnit(string Id, string DocumentId, bool IsComment);

/// <summary>
/// The <see cref="TokenTable"/> as Parquet files, so that a corpus is tokenised once and its tokens are read by later runs,
/// by the streamed counts here, or by any Parquet reader (DuckDB, pandas, Polars, Spark) unchanged:
/// <c>tokens-00000.parquet</c>, … one file per batch of documents, one row per token (document, unit, comment, position,
/// form, start, length, sentence, quoted_from), and <c>forms.parquet</c>, one row per form (form, surface, norm, kind, key,
/// key_source, stop, counted). A token enters counts when its form is counted and quoted_from is null, as in memory.
/// </summary>
/// <remarks>
/// Parquet.Net, not ParquetSharp: it is managed code, so the library needs no native binary on any platform a notebook
/// runs on; the tests read its files back with ParquetSharp (Apache Arrow's C++ reader) and DuckDB, two readers that share
/// no code with it.
/// </remarks>
public static class TokenParquet
{
    public const string FormsFile = "forms.parquet";
    private const string TokensPattern = "tokens-*.parquet";
    private const string OptionsKey = "analysis.term_options";

    private static readonly DataField<string> Document = new("document", false), Unit = new("unit", false);
    private static readonly DataField<bool> IsComment = new("comment", false);
    private static readonly DataField<int> Position = new("position", false), Form = new("form", false), Start = new("start", false),
        Length = new("length", false), Sentence = new("sentence", false);
    private static readonly DataField<string> QuotedFrom = new("quoted_from", true);
    private static readonly ParquetSchema TokenSchema = new(Document, Unit, IsComment, Position, Form, Start, Length, Sentence, QuotedFrom);

    private static readonly DataField<int> FormId = new("form", false);
    private static readonly DataField<string> Surface = new("surface", false), Norm = new("norm", false), Kind = new("kind", false),
        Key = new("key", false), KeySourceField = new("key_source", false);
    private static readonly DataField<bool> Stop = new("stop", false), Counted = new("counted", false);
    private static readonly ParquetSchema FormSchema = new(FormId, Surface, Norm, Kind, Key, KeySourceField, Stop, Counted);

    /// <summary>
    /// Writes <paramref name="table"/> into <paramref name="folder"/> (created if needed), <paramref name="documentsPerFile"/>
    /// documents a file, and returns the files. The new files are written into a folder of their own inside it first; the
    /// token files there before are replaced only once every new file is complete, so a failed write leaves them as they were.
    /// </summary>
    public static IReadOnlyList<string> Write(TokenTable table, string folder, int documentsPerFile = 1_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(documentsPerFile, 1);
        Directory.CreateDirectory(folder);
        var staging = Path.Combine(folder, $".writing-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            var written = new List<string>();
            var batch = new List<int>();
            var documents = 0;
            string? lastDocument = null;
            for (var u = 0; u <= table.Units.Length; u++)
            {
                var next = u < table.Units.Length ? table.Units[u].DocumentId : null;
                if (next != lastDocument && next is not null) documents++;
                if (batch.Count > 0 && (next is null || next != lastDocument && documents > documentsPerFile))
                {
                    written.Add(WriteTokens(table, batch, Path.Combine(staging, $"tokens-{written.Count:00000}.parquet")));
                    batch.Clear();
                    documents = 1;
                }
                if (next is null) break;
                batch.Add(u);
                lastDocument = next;
            }
            written.Add(WriteForms(table, Path.Combine(staging, FormsFile)));
            foreach (var old in Directory.GetFiles(folder, TokensPattern)) File.Delete(old);
            return [.. written.Select(file =>
            {
                var target = Path.Combine(folder, Path.GetFileName(file));
                File.Move(file, target, overwrite: true);
                return target;
            })];
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    private static string WriteTokens(TokenTable table, List<int> units, string path)
    {
        var n = units.Sum(u => table.UnitStart(u + 1) - table.UnitStart(u));
        var document = new string[n];
        var unit = new string[n];
        var comment = new bool[n];
        var position = new int[n];
        var form = new int[n];
        var start = new int[n];
        var length = new int[n];
        var sentence = new int[n];
        var quoted = new string?[n];
        var k = 0;
        foreach (var u in units)
        {
            var info = table.Units[u];
            var isComment = info is Comment;
            for (var i = table.UnitStart(u); i < table.UnitStart(u + 1); i++, k++)
            {
                (document[k], unit[k], comment[k], position[k]) = (info.DocumentId, info.Id, isComment, i - table.UnitStart(u));
                (form[k], start[k], length[k], sentence[k], quoted[k]) = (table.TypeIdOf(i), table.StartOf(i), table.LengthOf(i), table.SentenceOf(i), table.QuoteSourceOf(i));
            }
        }
        return WriteFile(path, TokenSchema, null, async group =>
        {
            await group.WriteAsync(Document, document).ConfigureAwait(false);
            await group.WriteAsync(Unit, unit).ConfigureAwait(false);
            await group.WriteAsync<bool>(IsComment, comment).ConfigureAwait(false);
            await group.WriteAsync<int>(Position, position).ConfigureAwait(false);
            await group.WriteAsync<int>(Form, form).ConfigureAwait(false);
            await group.WriteAsync<int>(Start, start).ConfigureAwait(false);
            await group.WriteAsync<int>(Length, length).ConfigureAwait(false);
            await group.WriteAsync<int>(Sentence, sentence).ConfigureAwait(false);
            await group.WriteAsync(QuotedFrom, quoted!).ConfigureAwait(false);
        });
    }

    private static string WriteForms(TokenTable table, string path)
    {
        var n = table.TypeCount;
        var types = Enumerable.Range(0, n).Select(table.TypeOf).ToArray();
        var options = table.Options;
        var stated = string.Create(CultureInfo.InvariantCulture,
            $"lemmatize={options.Lemmatize};keep_numbers={options.KeepNumbers};keep_urls={options.KeepUrls};stop_words={(options.StopWords is null ? "default" : "custom")}");
        return WriteFile(path, FormSchema, new Dictionary<string, string> { [OptionsKey] = stated }, async group =>
        {
            await group.WriteAsync<int>(FormId, Enumerable.Range(0, n).ToArray()).ConfigureAwait(false);
            await group.WriteAsync(Surface, types.Select(t => t.Surface).ToArray()).ConfigureAwait(false);
            await group.WriteAsync(Norm, types.Select(t => t.Norm).ToArray()).ConfigureAwait(false);
            await group.WriteAsync(Kind, types.Select(t => KindName(t.Kind)).ToArray()).ConfigureAwait(false);
            await group.WriteAsync(Key, types.Select(t => table.KeyOf(t.KeyId)).ToArray()).ConfigureAwait(false);
            await group.WriteAsync(KeySourceField, types.Select(t => t.Source.ToString()).ToArray()).ConfigureAwait(false);
            await group.WriteAsync<bool>(Stop, types.Select(t => t.Stop).ToArray()).ConfigureAwait(false);
            await group.WriteAsync<bool>(Counted, types.Select(t => t.Counts).ToArray()).ConfigureAwait(false);
        });
    }

    private static string KindName(TokenKind kind) => kind switch { TokenKind.Word => "word", TokenKind.Number => "number", _ => "url" };

    private static TokenKind ParseKind(string kind, string path) => kind switch
    {
        "word" => TokenKind.Word,
        "number" => TokenKind.Number,
        "url" => TokenKind.Url,
        _ => throw new CorpusException(path, "field 'kind'", $"'{kind}', expected word, number or url."),
    };

    private static string WriteFile(string path, ParquetSchema schema, Dictionary<string, string>? metadata, Func<ParquetRowGroupWriter, Task> columns)
    {
        var partial = path + ".partial";
        try
        {
            using (var stream = File.Create(partial))
            {
                Task.Run(async () =>
                {
                    // Snappy, as Spark and DuckDB write by default: Zstd at Parquet.Net's level took 10.0 s instead of 0.4 s for the
                    // 1.6 million tokens of the man pages, for a third of the size.
                    await using var writer = await ParquetWriter.CreateAsync(schema, stream, new ParquetOptions { CompressionMethod = CompressionMethod.Snappy }).ConfigureAwait(false);
                    if (metadata is not null) writer.CustomMetadata = metadata;
                    using var group = writer.CreateRowGroup();
                    await columns(group).ConfigureAwait(false);
                }).GetAwaiter().GetResult();
            }
            File.Move(partial, path, overwrite: true);
            return path;
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>
    /// The SQL that counts the stored files as <see cref="TermCounts.ByDocument"/> counts the running text: (document, key, n)
    /// for every counted form outside quotations and comments. It runs unchanged in DuckDB; in Spark SQL, register the
    /// two file sets as views <c>t</c> and <c>f</c> and keep the rest.
    /// </summary>
    public static string CountsSql(string folder) => $"""
        SELECT t.document, f.key, count(*) AS n
        FROM read_parquet('{Path.Combine(folder, TokensPattern).Replace("'", "''", StringComparison.Ordinal)}') t
        JOIN read_parquet('{Path.Combine(folder, FormsFile).Replace("'", "''", StringComparison.Ordinal)}') f ON t.form = f.form
        WHERE f.counted AND t.quoted_from IS NULL AND NOT t.comment
        GROUP BY t.document, f.key
        """;

    /// <summary>The token files of <paramref name="folder"/>, in order; a clear error if there are none or no forms file.</summary>
    public static IReadOnlyList<string> TokenFiles(string folder)
    {
        if (!File.Exists(Path.Combine(folder, FormsFile)))
            throw new CorpusException(folder, FormsFile, "not found; write the token table there first (TokenParquet.Write).");
        var files = Directory.GetFiles(folder, TokensPattern).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0) throw new CorpusException(folder, TokensPattern, "no token files.");
        return files;
    }

    /// <summary>
    /// The token table stored in <paramref name="folder"/>, its rows joined to <paramref name="units"/> by unit id (every
    /// stored unit must be among them, with the same document). No tokenising: what was counted is what was written.
    /// </summary>
    public static TokenTable Read(string folder, IEnumerable<ITextUnit> units)
    {
        var byId = new Dictionary<string, ITextUnit>(StringComparer.Ordinal);
        foreach (var unit in units) byId.TryAdd(unit.Id, unit);
        var (types, keys, options) = ReadForms(Path.Combine(folder, FormsFile));
        var order = new List<ITextUnit>();
        var unitStart = new List<int> { 0 };
        List<int> type = [], start = [], length = [], sentence = [], quote = [];
        var quoteSources = new List<string>();
        var quoteIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in TokenFiles(folder))
            foreach (var batch in ReadTokens(file))
                for (var r = 0; r < batch.Count; r++)
                {
                    if (r == 0 || batch.Unit[r] != batch.Unit[r - 1])
                    {
                        if (!byId.TryGetValue(batch.Unit[r], out var unit))
                            throw new CorpusException(file, $"row {batch.FirstRow + r + 1}, field 'unit'", $"'{batch.Unit[r]}' is no unit of the corpus given.");
                        if (unit.DocumentId != batch.Document[r])
                            throw new CorpusException(file, $"row {batch.FirstRow + r + 1}, field 'document'", $"'{batch.Document[r]}', but unit '{unit.Id}' belongs to '{unit.DocumentId}'.");
                        // A unit may go on across a file or row group, but its tokens stand together: rows of one unit in two
                        // places would give it two entries.
                        if (order.Count == 0 || order[^1].Id != unit.Id)
                        {
                            if (!seen.Add(unit.Id))
                                throw new CorpusException(file, $"row {batch.FirstRow + r + 1}, field 'unit'", $"'{unit.Id}' has rows in two places; a unit's tokens stand together, in position order.");
                            if (order.Count > 0) unitStart.Add(type.Count);
                            order.Add(unit);
                        }
                    }
                    if ((uint)batch.Form[r] >= (uint)types.Length)
                        throw new CorpusException(file, $"row {batch.FirstRow + r + 1}, field 'form'", $"{batch.Form[r]} is no form of {FormsFile} ({types.Length} forms).");
                    type.Add(batch.Form[r]);
                    start.Add(batch.Start[r]);
                    length.Add(batch.Length[r]);
                    sentence.Add(batch.Sentence[r]);
                    if (batch.QuotedFrom[r] is { } from)
                    {
                        if (!quoteIndex.TryGetValue(from, out var qi)) { quoteIndex[from] = qi = quoteSources.Count; quoteSources.Add(from); }
                        quote.Add(qi);
                    }
                    else quote.Add(-1);
                }
        unitStart.Add(type.Count);
        return TokenTable.Assemble(options, [.. order], [.. unitStart], [.. type], [.. start], [.. length], [.. sentence], [.. quote], [.. quoteSources], types, keys);
    }

    /// <summary>
    /// Counts the stored tokens file by file, as <see cref="TermCounts.Count(TokenTable, Func{ITextUnit, string})"/> counts a table in memory (the same rows,
    /// totals and display forms): only one file's tokens are held at a time. Units <paramref name="groupOf"/> maps to null
    /// are left out.
    /// </summary>
    public static TermCounts Count(string folder, Func<StoredUnit, string?> groupOf)
    {
        var (types, keys, _) = ReadForms(Path.Combine(folder, FormsFile));
        var counter = new TermCounts.Counter(types.Length, keys.Length);
        foreach (var file in TokenFiles(folder))
            foreach (var batch in ReadTokens(file))
            {
                var g = -1;
                for (var r = 0; r < batch.Count; r++)
                {
                    if (r == 0 || batch.Unit[r] != batch.Unit[r - 1])
                        g = counter.GroupOf(groupOf(new StoredUnit(batch.Unit[r], batch.Document[r], batch.Comment[r])));
                    if (g < 0 || batch.QuotedFrom[r] is not null) continue;
                    var form = batch.Form[r];
                    if ((uint)form >= (uint)types.Length)
                        throw new CorpusException(file, $"row {batch.FirstRow + r + 1}, field 'form'", $"{form} is no form of {FormsFile} ({types.Length} forms).");
                    if (types[form].Counts) counter.Add(g, form, types[form].KeyId);
                }
            }
        return counter.Result(t => types[t].KeyId, t => types[t].Surface, k => keys[k]);
    }

    private static (TokenTable.WordType[] Types, string[] Keys, TermOptions Options) ReadForms(string path)
    {
        if (!File.Exists(path)) throw new CorpusException(path, "file", "not found; write the token table first (TokenParquet.Write).");
        return Task.Run(async () =>
        {
            await using var stream = File.OpenRead(path);
            await using var reader = await ParquetReader.CreateAsync(stream).ConfigureAwait(false);
            var types = new List<TokenTable.WordType>();
            var keyIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            var keys = new List<string>();
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var n = checked((int)group.RowCount);
                var id = await ReadInts(group, FormId, n, path).ConfigureAwait(false);
                var surface = await ReadStrings(group, Surface, n, path, nullable: false).ConfigureAwait(false);
                var norm = await ReadStrings(group, Norm, n, path, nullable: false).ConfigureAwait(false);
                var kind = await ReadStrings(group, Kind, n, path, nullable: false).ConfigureAwait(false);
                var key = await ReadStrings(group, Key, n, path, nullable: false).ConfigureAwait(false);
                var source = await ReadStrings(group, KeySourceField, n, path, nullable: false).ConfigureAwait(false);
                var stop = await ReadBools(group, Stop, n, path).ConfigureAwait(false);
                var counted = await ReadBools(group, Counted, n, path).ConfigureAwait(false);
                for (var i = 0; i < n; i++)
                {
                    if (id[i] != types.Count) throw new CorpusException(path, $"row {types.Count + 1}, field 'form'", $"{id[i]}, expected {types.Count} (forms are numbered from 0, in order).");
                    if (!Enum.TryParse<KeySource>(source[i], out var keySource))
                        throw new CorpusException(path, $"row {types.Count + 1}, field 'key_source'", $"'{source[i]}' is no key source ({string.Join(", ", Enum.GetNames<KeySource>())}).");
                    if (!keyIndex.TryGetValue(key[i]!, out var keyId)) { keyIndex[key[i]!] = keyId = keys.Count; keys.Add(key[i]!); }
                    types.Add(new TokenTable.WordType(surface[i]!, norm[i]!, ParseKind(kind[i]!, path), keyId, keySource, stop[i], counted[i]));
                }
            }
            var stated = reader.CustomMetadata.TryGetValue(OptionsKey, out var s) ? s : "";
            bool Flag(string name, bool fallback) => stated.Split(';').FirstOrDefault(p => p.StartsWith(name + "=", StringComparison.Ordinal)) is { } p ? p.EndsWith("=True", StringComparison.Ordinal) : fallback;
            var options = new TermOptions { Lemmatize = Flag("lemmatize", true), KeepNumbers = Flag("keep_numbers", false), KeepUrls = Flag("keep_urls", false) };
            return (types.ToArray(), keys.ToArray(), options);
        }).GetAwaiter().GetResult();
    }

    private sealed record TokenBatch(long FirstRow, int Count, string[] Document, string[] Unit, bool[] Comment, int[] Form, int[] Start, int[] Length, int[] Sentence, string?[] QuotedFrom);

    /// <summary>The row groups of one token file, one at a time.</summary>
    private static IEnumerable<TokenBatch> ReadTokens(string path)
    {
        using var stream = File.OpenRead(path);
        ParquetReader reader;
        try
        {
            reader = ParquetReader.CreateAsync(stream).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException)
        {
            throw new CorpusException(path, "file", $"not a readable Parquet file ({e.Message}).", e);
        }
        try
        {
            long firstRow = 0;
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var n = checked((int)group.RowCount);
                var at = firstRow;
                firstRow += n;
                yield return Task.Run(async () => new TokenBatch(at, n,
                    (await ReadStrings(group, Document, n, path, nullable: false).ConfigureAwait(false))!,
                    (await ReadStrings(group, Unit, n, path, nullable: false).ConfigureAwait(false))!,
                    await ReadBools(group, IsComment, n, path).ConfigureAwait(false),
                    await ReadInts(group, Form, n, path).ConfigureAwait(false),
                    await ReadInts(group, Start, n, path).ConfigureAwait(false),
                    await ReadInts(group, Length, n, path).ConfigureAwait(false),
                    await ReadInts(group, Sentence, n, path).ConfigureAwait(false),
                    await ReadStrings(group, QuotedFrom, n, path, nullable: true).ConfigureAwait(false))).GetAwaiter().GetResult();
            }
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static void Require(ParquetRowGroupReader group, DataField field, string path)
    {
        if (!group.ColumnExists(field)) throw new CorpusException(path, $"column '{field.Name}'", "missing.");
    }

    private static async Task<int[]> ReadInts(ParquetRowGroupReader group, DataField<int> field, int n, string path)
    {
        Require(group, field, path);
        var values = new int[n];
        await group.ReadAsync<int>(field, values).ConfigureAwait(false);
        return values;
    }

    private static async Task<bool[]> ReadBools(ParquetRowGroupReader group, DataField<bool> field, int n, string path)
    {
        Require(group, field, path);
        var values = new bool[n];
        await group.ReadAsync<bool>(field, values).ConfigureAwait(false);
        return values;
    }

    private static async Task<string?[]> ReadStrings(ParquetRowGroupReader group, DataField<string> field, int n, string path, bool nullable)
    {
        Require(group, field, path);
        var values = new string?[n];
        await group.ReadAsync(field, values.AsMemory()).ConfigureAwait(false);
        if (!nullable && Array.IndexOf(values, null) is var at && at >= 0) throw new CorpusException(path, $"row {at + 1}, field '{field.Name}'", "is empty.");
        return values;
    }
}
