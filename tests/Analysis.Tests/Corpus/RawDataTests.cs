using System.Security.Cryptography;

namespace Analysis.Tests;

public class RawDataTests
{
    private static readonly string[] Shipped = ["kleine", "taz", "tkp", "kettner", "essay"];

    [Fact]
    public void RawFiles_MatchTheirSha256Sums()
    {
        var sums = File.ReadAllLines(Path.Combine(ProjectPaths.Raw, "SHA256SUMS"))
            .Where(l => l.Length > 0)
            .Select(l => l.Split("  ", 2))
            .ToList();
        // Every shipped text is listed; texts a user adds with 'corpus add' are listed too and checked the same way.
        Assert.Superset(TestCorpus.Corpus.Documents.Where(d => Shipped.Contains(d.Id)).Select(d => d.Info.File).ToHashSet(), sums.Select(s => s[1]).ToHashSet());
        foreach (var (hash, file) in sums.Select(s => (s[0], s[1])))
        {
            var actual = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(ProjectPaths.Raw, file))));
            Assert.True(hash == actual, $"{file}: SHA-256 {actual}, SHA256SUMS says {hash}: data/raw must stay byte for byte as delivered.");
        }
    }

    [Fact]
    public void Manifest_NamesEveryRawText()
    {
        var listed = TestCorpus.Corpus.Documents.Select(d => d.Info.File).Order().ToList();
        var present = Directory.GetFiles(ProjectPaths.Raw).Where(f => Path.GetExtension(f) is ".txt" or ".html").Select(f => Path.GetFileName(f)).Order().ToList();
        Assert.Equal(present, listed);
    }
}
