using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Notebooks.Engine;
using Notebooks.Nbformat;

namespace Notebooks.Cli;

/// <summary>
/// Runs one notebook in a process of its own, as Jupyter's clients run a kernel: a cell that calls
/// <c>Environment.Exit</c>, fails fast, overflows its stack or crashes a thread ends that process only, and the run
/// reports the notebook and cell; a cell past its time limit, or a notebook past <c>--max-memory</c>, is stopped by
/// ending the process and every process it started. The child writes the executed cells to a file, says "done" and
/// waits; the parent then ends its whole process tree, so nothing a cell started outlives the run.
/// </summary>
public static class IsolatedRun
{
    internal const string Command = "exec-one";
    private const string Progress = "progress\t", Done = "done";

    /// <summary>The child: run the notebook, write its cells and summary to <paramref name="resultPath"/>, report done, wait to be ended.</summary>
    internal static async Task<int> Child(string notebookPath, int timeoutSeconds, long maxCell, long maxNotebook, string resultPath)
    {
        // The protocol goes to stderr: native code's output is captured on fd 1 while a topic model fits.
        var output = ConsoleCapture.OriginalError;
        var notebook = NotebookFile.Load(notebookPath);
        var runner = new NotebookRunner(TimeSpan.FromSeconds(timeoutSeconds), maxCell, maxNotebook);
        var progress = new SynchronousProgress(p =>
        {
            lock (output) { output.WriteLine($"{Progress}{p.CodeCell}\t{p.CodeCells}\t{(p.Work ?? "").ReplaceLineEndings(" ")}"); output.Flush(); }
        });
        var result = await runner.RunAsync(notebook, progress).ConfigureAwait(false);
        var summary = new JsonObject
        {
            ["cells"] = notebook.Root["cells"]!.DeepClone(),
            ["codeCells"] = result.CodeCells,
            ["executed"] = result.Executed,
            ["durationMs"] = result.Duration.TotalMilliseconds,
            ["cellDurationsMs"] = new JsonArray([.. result.CellDurations.Select(d => (JsonNode)d.TotalMilliseconds)]),
            ["cellMemory"] = new JsonArray([.. result.CellMemory.Select(m => (JsonNode)new JsonArray(m.PeakBytes, m.RetainedBytes))]),
            ["failedCell"] = result.FailedCell,
            ["error"] = result.Error is { } e ? new JsonObject { ["name"] = e.Name, ["value"] = e.Value, ["traceback"] = new JsonArray([.. e.Traceback.Select(t => (JsonNode)t)]) } : null,
        };
        Analysis.AtomicFile.WriteAllText(resultPath, summary.ToJsonString());
        lock (output) { output.WriteLine(Done); output.Flush(); }
        // Wait to be ended: the parent ends this process and everything it started.
        await Console.In.ReadLineAsync().ConfigureAwait(false);
        return 0;
    }

    private sealed class SynchronousProgress(Action<CellProgress> report) : IProgress<CellProgress>
    {
        public void Report(CellProgress value) => report(value);
    }

    /// <summary>The parent: run <paramref name="notebook"/> in a child process and copy its executed cells into it.</summary>
    public static async Task<NotebookRunResult> RunAsync(NotebookFile notebook, int timeoutSeconds, (long Cell, long Notebook) limits, long? maxMemoryMb,
        Action<CellProgress>? onProgress, CancellationToken ct)
    {
        var resultPath = Path.Combine(Path.GetTempPath(), $"notebook-run-{Guid.NewGuid():N}.json");
        var (file, prefix) = Self();
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
            WorkingDirectory = Directory.GetCurrentDirectory(),
        };
        foreach (var a in prefix) start.ArgumentList.Add(a);
        foreach (var a in new[] { Command, notebook.Path, "--timeout", timeoutSeconds.ToString(CultureInfo.InvariantCulture), "--max-output", limits.Cell.ToString(CultureInfo.InvariantCulture),
                     "--max-notebook-output", limits.Notebook.ToString(CultureInfo.InvariantCulture), "--result", resultPath })
            start.ArgumentList.Add(a);
        var clock = Stopwatch.StartNew();
        using var child = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var cell = 0;
        var cells = notebook.CodeCells.Count();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new System.Text.StringBuilder();
        child.OutputDataReceived += (_, _) => { };
        child.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            if (e.Data == Done) { done.TrySetResult(); return; }
            if (!e.Data.StartsWith(Progress, StringComparison.Ordinal)) { lock (errors) { if (errors.Length < 4000) errors.AppendLine(e.Data); } return; }
            var parts = e.Data[Progress.Length..].Split('\t');
            if (parts.Length < 3 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var at)) return;
            cell = at;
            onProgress?.Invoke(new CellProgress(notebook.Name, at, cells) { Work = parts[2].Length > 0 ? parts[2] : null });
        };
        child.BeginOutputReadLine();
        child.BeginErrorReadLine();

        string? stopped = null;
        long peak = 0;
        try
        {
            var exited = child.WaitForExitAsync(ct);
            while (!done.Task.IsCompleted && !exited.IsCompleted)
            {
                await Task.WhenAny(done.Task, exited, Task.Delay(200, ct)).ConfigureAwait(false);
                ct.ThrowIfCancellationRequested();
                if (!child.HasExited)
                {
                    child.Refresh();
                    peak = Math.Max(peak, Math.Max(child.WorkingSet64, child.PeakWorkingSet64));
                }
                if (maxMemoryMb is { } limit && !child.HasExited)
                {
                    if (child.WorkingSet64 > limit * 1024 * 1024)
                    {
                        stopped = $"MemoryLimit: the notebook's process used {child.WorkingSet64 / (1024 * 1024)} MB, more than --max-memory {limit} MB; it was stopped in cell {cell}.";
                        break;
                    }
                }
            }
        }
        finally
        {
            // The run is over (or abandoned): note its peak, then end the child and everything it started.
            try
            {
                if (!child.HasExited)
                {
                    child.Refresh();
                    peak = Math.Max(peak, child.PeakWorkingSet64);
                    child.Kill(entireProcessTree: true);
                }
            }
            catch (InvalidOperationException) { }
            await child.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }

        JsonObject? summary = null;
        if (stopped is null && done.Task.IsCompleted && File.Exists(resultPath)) summary = JsonNode.Parse(await File.ReadAllTextAsync(resultPath, CancellationToken.None).ConfigureAwait(false)) as JsonObject;
        File.Delete(resultPath);
        if (summary is null)
        {
            var why = stopped ?? $"ProcessExit: the notebook's process ended (exit code {child.ExitCode}) in cell {cell} before the notebook finished" +
                (errors.Length > 0 ? $": {FirstLines(errors.ToString())}" : ".");
            var failedIndex = notebook.CodeCells.Skip(Math.Max(0, cell - 1)).Select(c => (int?)c.Index).FirstOrDefault();
            var (name, value) = (why[..why.IndexOf(':')], why[(why.IndexOf(':') + 2)..]);
            return new NotebookRunResult(notebook, cells, Math.Max(0, cell - 1), clock.Elapsed, [], failedIndex ?? 0, new ErrorOutput(name, value, [why])) { PeakBytes = peak > 0 ? peak : null };
        }
        notebook.Root["cells"] = summary["cells"]!.DeepClone();
        var error = summary["error"] is JsonObject e
            ? new ErrorOutput(e["name"]!.GetValue<string>(), e["value"]!.GetValue<string>(), [.. e["traceback"]!.AsArray().Select(t => t!.GetValue<string>())])
            : null;
        // In a process of its own an abandoned cell does not run on: the process was ended, with what it started.
        if (error is { Name: "TimeoutException" })
            error = error with { Value = $"The cell ran longer than the limit of {timeoutSeconds} s: its process was ended, and every process it started, so nothing of it runs on." };
        var durations = summary["cellDurationsMs"]!.AsArray().Select(d => TimeSpan.FromMilliseconds(d!.GetValue<double>())).ToImmutableArray();
        return new NotebookRunResult(notebook, summary["codeCells"]!.GetValue<int>(), summary["executed"]!.GetValue<int>(), TimeSpan.FromMilliseconds(summary["durationMs"]!.GetValue<double>()),
            durations, summary["failedCell"]?.GetValue<int>(), error)
        {
            Readings = error is null ? Readings.Check(notebook) : [],
            PeakBytes = peak > 0 ? peak : null,
            CellMemory = summary["cellMemory"] is JsonArray measured ? [.. measured.Select(c => new CellMemory(c![0]!.GetValue<long>(), c[1]!.GetValue<long>()))] : [],
        };
    }

    private static string FirstLines(string text) => string.Join(" ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(3).Select(l => l.Trim()));

    /// <summary>How to start this program again: its app host, or <c>dotnet Notebooks.dll</c> (also from a test host).</summary>
    private static (string File, string[] Prefix) Self()
    {
        var process = Environment.ProcessPath ?? "dotnet";
        if (Path.GetFileNameWithoutExtension(process).Equals("Notebooks", StringComparison.OrdinalIgnoreCase)) return (process, []);
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h && File.Exists(h) ? h
            : Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase) ? process : "dotnet";
        return (host, [typeof(IsolatedRun).Assembly.Location]);
    }
}
