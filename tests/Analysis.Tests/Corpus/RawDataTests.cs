using System.Security.Cryptography;

namespace Analysis.Tests;

public class RawDataTests
{
    [Fact]
    public void RawFiles_MatchTheirSha256Sums()
    {
        var sums = File.ReadAllLines(Path.Combine(ProjectPaths.Raw, "SHA256SUMS"))
            .Where(l => l.Length > 0)
            .Select(l => l.Split("  ", 2))
            .ToList();
        Assert.Equal(5, sums.Count);
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
        var present = Directory.GetFiles(ProjectPaths.Raw, "*.txt").Select(f => Path.GetFileName(f)).Order().ToList();
        Assert.Equal(present, listed);
    }
}
