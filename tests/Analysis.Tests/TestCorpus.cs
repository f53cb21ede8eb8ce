using System.Text;

namespace Analysis.Tests;

/// <summary>The real corpus, loaded once per test run.</summary>
public static class TestCorpus
{
    private static readonly Lazy<Corpus> Loaded = new(() => Corpus.Load(ProjectPaths.Data));

    public static Corpus Corpus => Loaded.Value;

    /// <summary>The five texts the repository ships, by id: tests of behaviour on them hold whatever texts a user adds.</summary>
    public static readonly string[] ShippedIds = Analysis.Testing.ShippedData.Ids;

    public static Corpus Shipped => ShippedCorpus.Value;

    private static readonly Lazy<Corpus> ShippedCorpus = new(() => Loaded.Value.Where(d => ShippedIds.Contains(d.Id)));

    public static Document Doc(string id) => Corpus[id];
}

/// <summary>The four invented articles of <c>tests/data/new-articles</c>, as a user brings them.</summary>
public static class NewArticles
{
    public static string Folder => Path.Combine(ProjectPaths.Root, "tests", "data", "new-articles");

    public static readonly string[] Files = ["a-scraped.txt", "b-page.html", "c-lines.txt", "d-wrapped.txt"];

    /// <summary>A copy of the shipped data with the four articles added through <see cref="CorpusFiles.Add"/>; ids by file name.</summary>
    public static (TempData Data, Dictionary<string, string> Ids) AddedToShipped()
    {
        var data = TempData.ShippedOnly();
        var added = CorpusFiles.Add(data.Directory, [.. Files.Select(f => Path.Combine(Folder, f))], new AddOptions { Genre = "news report" });
        return (data, added.ToDictionary(a => Path.GetFileName(a.Source), a => a.Info.Id));
    }
}

/// <summary>A throw-away data folder (manifest + raw files) for tests of bad input.</summary>
public sealed class TempData : IDisposable
{
    public TempData()
    {
        Directory = Path.Combine(Path.GetTempPath(), "analysis-tests-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "raw"));
    }

    public string Directory { get; }

    /// <summary>A copy of a data folder (manifest, raw texts, figure files), to change without touching the repository's.</summary>
    public static TempData CopyOf(string dataDirectory)
    {
        var data = new TempData();
        foreach (var file in System.IO.Directory.GetFiles(dataDirectory, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(data.Directory, Path.GetRelativePath(dataDirectory, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return data;
    }

    /// <summary>The shipped texts alone (whatever a user has added to data/), with the figure files.</summary>
    public static TempData ShippedOnly()
    {
        var data = new TempData();
        Analysis.Testing.ShippedData.CopyTo(data.Directory);
        return data;
    }

    /// <summary>Writes a file outside the data folder, as a user's download would be.</summary>
    public string Outside(string name, string text)
    {
        var path = Path.Combine(Directory, "incoming", name);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    public TempData Raw(string file, string text)
    {
        File.WriteAllText(Path.Combine(Directory, "raw", file), text, new UTF8Encoding(false));
        return this;
    }

    public TempData RawBytes(string file, byte[] bytes)
    {
        File.WriteAllBytes(Path.Combine(Directory, "raw", file), bytes);
        return this;
    }

    public TempData Manifest(string json)
    {
        File.WriteAllText(Path.Combine(Directory, "corpus.json"), json);
        return this;
    }

    public static string Entry(string id, string file, string profile = "generic") =>
        $$"""{ "id": "{{id}}", "file": "{{file}}", "genre": "", "language": "de", "profile": "{{profile}}" }""";

    public TempData Entries(params string[] entries) => Manifest($$"""{ "documents": [ {{string.Join(",", entries)}} ] }""");

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
