using Analysis.Text;
using DuckDB.NET.Data;

namespace Analysis.Tests;

/// <summary>
/// The token table through Parquet files: written by this library (Parquet.Net), read back by it, and read by two readers
/// that share no code with it (Apache Arrow's C++ reader through ParquetSharp, and DuckDB's SQL).
/// </summary>
public sealed class ParquetTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "parquet-tests-" + Guid.NewGuid().ToString("N"));
    private static Corpus Corpus => TestCorpus.Corpus;
    private static TokenTable Table => TokenTable.Of(Corpus);

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, true);
    }

    [Fact]
    public void Round_trip_gives_every_row_and_every_count_back()
    {
        var files = TokenParquet.Write(Table, _folder, documentsPerFile: 2);
        // Two documents a file: the shipped five make three token files, and the forms file.
        Assert.Equal((Corpus.Documents.Length + 1) / 2 + 1, files.Count);
        var read = TokenParquet.Read(_folder, Corpus.Units());
        Assert.Equal(Table.Count, read.Count);
        Assert.Equal(Table.Units.Select(u => u.Id), read.Units.Select(u => u.Id));
        Assert.Equal(Table.Rows, read.Rows);
        var before = TermCounts.ByDocument(Corpus, includeComments: true);
        var after = TermCounts.Count(read, u => u.DocumentId);
        Assert.Equal(before.Rows.AsEnumerable(), after.Rows);
        Assert.Equal(before.Totals.OrderBy(t => t.Key), after.Totals.OrderBy(t => t.Key));
        Assert.Equal(before.Forms.AsEnumerable(), after.Forms);
    }

    [Fact]
    public void Streamed_counts_equal_the_counts_in_memory()
    {
        TokenParquet.Write(Table, _folder, documentsPerFile: 1);
        var memory = TermCounts.ByDocument(Corpus);
        var streamed = TokenParquet.Count(_folder, u => u.IsComment ? null : u.DocumentId);
        Assert.Equal(memory.Rows.AsEnumerable(), streamed.Rows);
        Assert.Equal(memory.Totals.OrderBy(t => t.Key), streamed.Totals.OrderBy(t => t.Key));
        Assert.All(memory.Rows.Take(200), r => Assert.Equal(memory.Surface(r.Term), streamed.Surface(r.Term)));
        // Comments quote the article: their quoted words are stored with their source and not counted, as in memory.
        var withComments = TokenParquet.Count(_folder, u => u.IsComment ? "comments" : null);
        Assert.Equal(TermCounts.Count(Table, u => u is Comment ? "comments" : null).Rows.AsEnumerable(), withComments.Rows);
    }

    [Fact]
    public void An_independent_reader_sees_the_same_tokens()
    {
        TokenParquet.Write(Table, _folder, documentsPerFile: 3);
        // Apache Arrow's C++ Parquet reader (ParquetSharp): every token's unit, span, sentence and key through the forms file.
        using var forms = new ParquetSharp.ParquetFileReader(Path.Combine(_folder, TokenParquet.FormsFile));
        var keys = ReadColumn<string>(forms, "key");
        var surfaces = ReadColumn<string>(forms, "surface");
        var counted = ReadColumn<bool>(forms, "counted");
        var rows = new List<(string Unit, int Position, string Surface, string Key, int Start, int Length, int Sentence, string? Quote, bool Counted)>();
        foreach (var path in TokenParquet.TokenFiles(_folder))
        {
            using var file = new ParquetSharp.ParquetFileReader(path);
            var unit = ReadColumn<string>(file, "unit");
            var position = ReadColumn<int>(file, "position");
            var form = ReadColumn<int>(file, "form");
            var start = ReadColumn<int>(file, "start");
            var length = ReadColumn<int>(file, "length");
            var sentence = ReadColumn<int>(file, "sentence");
            var quote = ReadColumn<string?>(file, "quoted_from");
            for (var i = 0; i < unit.Length; i++)
                rows.Add((unit[i], position[i], surfaces[form[i]], keys[form[i]], start[i], length[i], sentence[i], quote[i], counted[form[i]] && quote[i] is null));
        }
        Assert.Equal(Table.Rows.Select(r => (r.Unit.Id, r.Position, r.Surface, r.Key, r.Start, r.Length, r.Sentence, r.QuotedFrom, r.Counted)), rows);
    }

    [Fact]
    public void Duckdb_sql_over_the_files_reproduces_the_term_counts()
    {
        TokenParquet.Write(Table, _folder, documentsPerFile: 2);
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        // The query the README gives for DuckDB and Spark, run by DuckDB: it shares no code with this library's reader.
        command.CommandText = TokenParquet.CountsSql(_folder);
        var fromSql = new List<(string, string, int)>();
        using (var reader = command.ExecuteReader())
            while (reader.Read()) fromSql.Add((reader.GetString(0), reader.GetString(1), checked((int)reader.GetInt64(2))));
        var memory = TermCounts.ByDocument(Corpus);
        Assert.Equal(memory.Rows.Select(r => (r.Group, r.Term, r.N)).Order(), fromSql.Order());
    }

    [Fact]
    public void Writing_again_replaces_the_whole_set()
    {
        var many = TokenParquet.Write(Table, _folder, documentsPerFile: 1);
        var few = TokenParquet.Write(Table, _folder, documentsPerFile: 10);
        Assert.True(many.Count > few.Count);
        // No token file of the first write is left to be read with the second's forms, and nothing half-written stays.
        Assert.Equal(few.Where(f => f.Contains("tokens-")).Order(StringComparer.Ordinal), TokenParquet.TokenFiles(_folder));
        Assert.Equal(few.Order(StringComparer.Ordinal), Directory.GetFileSystemEntries(_folder).Order(StringComparer.Ordinal));
        Assert.Equal(Table.Count, TokenParquet.Read(_folder, Corpus.Units()).Count);
    }

    [Fact]
    public void A_damaged_file_is_named_with_what_is_wrong()
    {
        var files = TokenParquet.Write(Table, _folder, documentsPerFile: 2);
        // A unit the corpus given does not have: the file, row and field are named.
        var missing = Assert.Throws<CorpusException>(() => TokenParquet.Read(_folder, Corpus.Units().Where(u => u.DocumentId != Corpus.Documents[0].Id)));
        Assert.Equal(files[0], missing.File);
        Assert.Contains("field 'unit'", missing.Field);
        // The same units in a second file: not read as units of their own.
        var restored = TokenParquet.Write(Table, _folder, documentsPerFile: 2);
        File.Copy(restored[0], Path.Combine(_folder, "tokens-99999.parquet"));
        var twice = Assert.Throws<CorpusException>(() => TokenParquet.Read(_folder, Corpus.Units()));
        Assert.Equal(Path.Combine(_folder, "tokens-99999.parquet"), twice.File);
        Assert.Equal("row 1, field 'unit'", twice.Field);
        File.Delete(Path.Combine(_folder, "tokens-99999.parquet"));
        // A token file cut short is not read as fewer tokens.
        var bytes = File.ReadAllBytes(files[1]);
        File.WriteAllBytes(files[1], bytes[..(bytes.Length / 2)]);
        var cut = Assert.Throws<CorpusException>(() => TokenParquet.Count(_folder, u => u.DocumentId));
        Assert.Equal(files[1], cut.File);
        // No forms file: said so, with the folder.
        File.Delete(Path.Combine(_folder, TokenParquet.FormsFile));
        var noForms = Assert.Throws<CorpusException>(() => TokenParquet.Read(_folder, Corpus.Units()));
        Assert.Contains(TokenParquet.FormsFile, noForms.Message);
    }

    private static T[] ReadColumn<T>(ParquetSharp.ParquetFileReader file, string name)
    {
        var values = new List<T>();
        var index = Enumerable.Range(0, file.FileMetaData.NumColumns).Single(i => file.FileMetaData.Schema.Column(i).Name == name);
        for (var g = 0; g < file.FileMetaData.NumRowGroups; g++)
        {
            using var group = file.RowGroup(g);
            using var reader = group.Column(index).LogicalReader<T>();
            values.AddRange(reader.ReadAll(checked((int)group.MetaData.NumRows)));
        }
        return [.. values];
    }
}
