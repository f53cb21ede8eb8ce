using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Analysis;

namespace Analysis.Testing;

/// <summary>
/// The five texts the repository ships, by id, and a copy of them (manifest, raw files, checksums, figure files) in a
/// folder of a test's own: tests of behaviour on the shipped texts hold whatever a user has added to data/.
/// Compiled into both test projects.
/// </summary>
public static class ShippedData
{
    public static readonly string[] Ids = ["kleine", "taz", "tkp", "kettner", "essay"];

    /// <summary>Writes the shipped texts alone into <paramref name="dataDirectory"/> (which must exist).</summary>
    public static void CopyTo(string dataDirectory)
    {
        Directory.CreateDirectory(Path.Combine(dataDirectory, "raw"));
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(ProjectPaths.Data, "corpus.json")))!;
        var documents = manifest["documents"]!.AsArray();
        foreach (var entry in documents.ToList())
            if (!Ids.Contains(entry!["id"]!.GetValue<string>())) documents.Remove(entry);
        File.WriteAllText(Path.Combine(dataDirectory, "corpus.json"), manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        var sums = new StringBuilder();
        foreach (var entry in documents)
        {
            var file = entry!["file"]!.GetValue<string>();
            File.Copy(Path.Combine(ProjectPaths.Raw, file), Path.Combine(dataDirectory, "raw", file));
            sums.Append(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(ProjectPaths.Raw, file))))).Append("  ").Append(file).Append('\n');
        }
        File.WriteAllText(Path.Combine(dataDirectory, "raw", "SHA256SUMS"), sums.ToString());
        foreach (var name in new[] { "figures.csv", "figures-ignored.csv" })
            File.Copy(Path.Combine(ProjectPaths.Data, name), Path.Combine(dataDirectory, name));
    }
}
