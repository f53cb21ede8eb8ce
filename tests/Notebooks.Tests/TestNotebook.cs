using System.Text.Json.Nodes;
using Notebooks.Engine;
using Notebooks.Nbformat;

// The engine redirects the process's console and working directory while a cell runs: tests run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Notebooks.Tests;

/// <summary>Builds small notebooks in a temporary folder and runs them through the engine.</summary>
public sealed class TestNotebook : IDisposable
{
    public TestNotebook()
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "notebook-tests-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public string Path(string name) => System.IO.Path.Combine(Directory, name);

    public static JsonObject Code(string source, string? id = null) => new()
    {
        ["cell_type"] = "code",
        ["execution_count"] = null,
        ["id"] = id ?? "c" + Math.Abs(source.GetHashCode()).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["metadata"] = new JsonObject(),
        ["outputs"] = new JsonArray(),
        ["source"] = JupyterJson.SplitLines(source),
    };

    public static JsonObject Markdown(string source, string id) => new()
    {
        ["cell_type"] = "markdown",
        ["id"] = id,
        ["metadata"] = new JsonObject(),
        ["source"] = JupyterJson.SplitLines(source),
    };

    public string Write(string name, params JsonObject[] cells)
    {
        var root = new JsonObject
        {
            ["cells"] = new JsonArray(cells.Select((c, i) => { c["id"] ??= $"cell{i}"; return (JsonNode)c; }).ToArray()),
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = "C# (Analysis)", ["language"] = "C#", ["name"] = "csharp-analysis" },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        var path = Path(name);
        File.WriteAllText(path, JupyterJson.Serialize(root));
        return path;
    }

    public string WriteCode(string name, params string[] sources) =>
        Write(name, sources.Select((s, i) => Code(s, $"cell{i}")).ToArray());

    public static async Task<NotebookRunResult> Run(string path, TimeSpan? timeout = null)
    {
        var notebook = NotebookFile.Load(path);
        return await new NotebookRunner(timeout ?? TimeSpan.FromMinutes(2)).RunAsync(notebook);
    }

    public static List<JsonObject> Outputs(NotebookRunResult result, int codeCell) =>
        result.Notebook.CodeCells.ElementAt(codeCell).Outputs.OfType<JsonObject>().ToList();

    public static string Text(JsonObject output, string mime = "text/plain") => JupyterJson.JoinLines(output["data"]![mime]);

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
