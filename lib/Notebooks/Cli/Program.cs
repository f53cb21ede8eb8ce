using System.CommandLine;
using System.Globalization;
using Analysis;
using Analysis.Figures;
using Notebooks.Engine;
using Notebooks.Nbformat;
using Notebooks.Report;
using Spectre.Console;

namespace Notebooks.Cli;

/// <summary>Exit codes: 0 ok; 1 a cell failed or outputs are stale; 2 bad input (missing or malformed notebook); 130 interrupted.</summary>
public static class Program
{
    public const int Ok = 0, Failed = 1, BadInput = 2, Interrupted = 130;

    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        ConsoleCapture.Install();
        // System.CommandLine 2.0.0 leaves Ctrl-C unhandled by default (the process just dies): ask for the token, so that
        // an interrupted run stops at once, saves nothing and says so.
        var invocation = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(10) };
        var parsed = BuildCommand().Parse(args);
        // A malformed argument ("--timeout abc") is bad input: one line each, exit 2, like every other bad input.
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) ConsoleCapture.OriginalError.WriteLine($"error: {error.Message}");
            return BadInput;
        }
        return await parsed.InvokeAsync(invocation).ConfigureAwait(false);
    }

    public static RootCommand BuildCommand()
    {
        var notebooks = new Argument<string[]>("notebooks") { Arity = ArgumentArity.ZeroOrMore, Description = "Notebook files (default: every notebooks/*.ipynb of the repository)." };
        var timeout = new Option<int>("--timeout") { Description = "Per-cell time limit in seconds.", DefaultValueFactory = _ => (int)SessionOptions.DefaultCellTimeout.TotalSeconds };
        var noReport = new Option<bool>("--no-report") { Description = "Do not write the HTML report after running." };
        var output = new Option<string?>("--output") { Description = "Report folder (default: artifacts/report)." };
        var maxOutput = new Option<long>("--max-output") { Description = "Printed characters kept per cell; beyond it output is cut with a marker.", DefaultValueFactory = _ => OutputCollector.DefaultMaxStreamChars };
        var maxNotebookOutput = new Option<long>("--max-notebook-output") { Description = "Printed characters kept per notebook; later cells' output is cut with a marker.", DefaultValueFactory = _ => NotebookRunner.DefaultMaxNotebookOutput };

        var maxMemory = new Option<long?>("--max-memory") { Description = "Per-notebook memory limit in MB: a notebook whose process grows beyond it is stopped with an error." };
        var inProcess = new Option<bool>("--in-process") { Description = "Run the notebooks in this process (faster start; a cell that exits or runs away takes the run with it)." };
        var parallel = new Option<int?>("--parallel") { Description = "Notebooks run at once, each in its own process (default: 2, or 1 on a one-core machine)." };

        var run = new Command("run", "Execute notebooks, save their outputs into the .ipynb files and write the HTML report.") { notebooks, timeout, noReport, output, maxOutput, maxNotebookOutput, maxMemory, inProcess, parallel };
        run.SetAction((result, ct) => RunAsync(Files(result.GetValue(notebooks)), result.GetValue(timeout), (result.GetValue(maxOutput), result.GetValue(maxNotebookOutput)), save: true, report: !result.GetValue(noReport), result.GetValue(output),
            result.GetValue(maxMemory), result.GetValue(inProcess), result.GetValue(parallel), ct));

        var check = new Command("check", "Execute notebooks in memory; fail if a saved notebook differs from a fresh run (stale outputs).") { notebooks, timeout, maxOutput, maxNotebookOutput, maxMemory, inProcess, parallel };
        check.SetAction((result, ct) => RunAsync(Files(result.GetValue(notebooks)), result.GetValue(timeout), (result.GetValue(maxOutput), result.GetValue(maxNotebookOutput)), save: false, report: false, null,
            result.GetValue(maxMemory), result.GetValue(inProcess), result.GetValue(parallel), ct));

        var notebookPath = new Argument<string>("notebook");
        var resultPath = new Option<string>("--result") { Required = true };
        var execOne = new Command(IsolatedRun.Command, "Run one notebook for 'run' or 'check' in a process of its own (internal).") { notebookPath, timeout, maxOutput, maxNotebookOutput, resultPath };
        execOne.Hidden = true;
        execOne.SetAction(result => IsolatedRun.Child(result.GetValue(notebookPath)!, result.GetValue(timeout), result.GetValue(maxOutput), result.GetValue(maxNotebookOutput), result.GetValue(resultPath)!));

        var report = new Command("report", "Render the saved notebooks as HTML (nothing is executed).") { notebooks, output };
        report.SetAction(result => Report(Files(result.GetValue(notebooks)), result.GetValue(output)));

        var dataDir = new Option<string?>("--data-dir") { Description = "Jupyter data directory (default: $JUPYTER_DATA_DIR, else ~/.local/share/jupyter)." };
        var install = new Command("install", "Install the kernelspec 'csharp-analysis' so Jupyter and VS Code can run the notebooks with this engine.") { dataDir };
        install.SetAction(result =>
        {
            var directory = Kernel.KernelSpec.Install(result.GetValue(dataDir));
            ConsoleCapture.OriginalOut.WriteLine($"installed kernel '{Kernel.KernelSpec.Name}' in {directory}");
            return Ok;
        });
        var uninstall = new Command("uninstall", "Remove the kernelspec.") { dataDir };
        uninstall.SetAction(result =>
        {
            var directory = Kernel.KernelSpec.Uninstall(result.GetValue(dataDir));
            ConsoleCapture.OriginalOut.WriteLine(directory is null ? $"kernel '{Kernel.KernelSpec.Name}' was not installed" : $"removed {directory}");
            return Ok;
        });
        var connectionFile = new Argument<string>("connection-file") { Description = "The connection file Jupyter passes." };
        var start = new Command("start", "Run as a Jupyter kernel (started by Jupyter with a connection file).") { connectionFile };
        start.SetAction(result =>
        {
            Kernel.ConnectionInfo connection;
            try
            {
                connection = Kernel.ConnectionInfo.Load(result.GetValue(connectionFile)!);
            }
            catch (Exception e) when (e is IOException or FormatException or System.Text.Json.JsonException)
            {
                ErrorTerminal.WriteLine($"error: {e.Message}");
                return BadInput;
            }
            using var server = new Kernel.KernelServer(connection, ConsoleCapture.OriginalError);
            server.Run();
            return Ok;
        });
        var kernel = new Command("kernel", "The Jupyter kernel: install, uninstall, start.") { install, uninstall, start };

        var files = new Argument<string[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "UTF-8 .txt files or saved web pages (.html)." };
        var data = new Option<string?>("--data") { Description = "The data folder (default: the repository's data/)." };
        var id = new Option<string?>("--id") { Description = "The document id (one file only; default: from the title)." };
        var genre = new Option<string?>("--genre") { Description = "The genre, e.g. \"news report\", \"commentary\" (default: empty)." };
        var profile = new Option<string?>("--profile") { Description = "The cleaning profile (default: generic; HTML is read as HTML)." };
        var add = new Command("add", "Copy texts into data/raw and add them to the manifest, filled from what each file says.") { files, data, id, genre, profile };
        add.SetAction(result => AddToCorpus(result.GetValue(data) ?? ProjectPaths.Data, result.GetValue(files)!,
            new AddOptions { Id = result.GetValue(id), Genre = result.GetValue(genre), Profile = result.GetValue(profile) }));
        var corpus = new Command("corpus", "The corpus: add texts.") { add };

        var review = new Command("review", $"Write every unreviewed figure the extractor finds to data/{FigureCandidates.ReviewFileName}, with guessed unit, measure, entity and period.") { data };
        review.SetAction(result => Figures(result.GetValue(data), corpus =>
        {
            var written = FigureCandidates.WriteReview(corpus);
            var total = written.Kept + written.Added;
            var output = ConsoleCapture.OriginalOut;
            output.WriteLine($"{total} unreviewed figure{(total == 1 ? "" : "s")} in {Path.GetRelativePath(Directory.GetCurrentDirectory(), written.Path)}"
                + (written.Kept > 0 ? $" ({written.Kept} kept from the earlier review with your corrections, {written.Added} new)" : "")
                + $": correct the guesses, write '{FigureCandidates.Accept}' or '{FigureCandidates.IgnorePrefix} REASON' in the decision column, then run 'figures accept'.");
            foreach (var line in written.Dropped) output.WriteLine($"dropped {line}");
            if (written.Consequences.Count > 0) output.WriteLine("If accepted unchanged:");
            foreach (var line in written.Consequences) output.WriteLine($"  {line}");
        }));
        var accept = new Command("accept", $"Move the decided rows of data/{FigureCandidates.ReviewFileName} into figures.csv (accept) or figures-ignored.csv (ignore: reason).") { data };
        accept.SetAction(result => Figures(result.GetValue(data), corpus =>
        {
            var done = FigureCandidates.ApplyReview(corpus);
            ConsoleCapture.OriginalOut.WriteLine($"accepted {done.Accepted}, ignored {done.Ignored}, {done.Open} still undecided.");
        }));
        var figures = new Command("figures", "Reported figures: review what the extractor finds.") { review, accept };

        return new RootCommand("Runs the repository's C# notebooks (nbformat 4.5, .NET Interactive's C# dialect) and renders them.") { run, check, report, kernel, corpus, figures, execOne };
    }

    private static int Figures(string? data, Action<Corpus> action)
    {
        try
        {
            action(Corpus.Load(data ?? ProjectPaths.Data));
            return Ok;
        }
        catch (Exception e) when (e is CorpusException or Analysis.Figures.FigureFormatException)
        {
            ErrorTerminal.WriteLine($"error: {e.Message}");
            ErrorTerminal.WriteLine("nothing was written.");
            return BadInput;
        }
    }

    private static int AddToCorpus(string data, string[] files, AddOptions options)
    {
        try
        {
            foreach (var added in CorpusFiles.Add(data, files, options))
            {
                var info = added.Info;
                ConsoleCapture.OriginalOut.WriteLine($"added '{info.Id}' from {DataFolder.Escape(added.Source)} as raw/{info.File}: {added.Paragraphs} paragraphs; title: {info.Title ?? "(none)"}; date: " +
                    $"{info.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "(none)"}; outlet: {info.Outlet ?? "(none)"}; authors: {(info.Authors.IsEmpty ? "(none)" : string.Join(", ", info.Authors))}" +
                    (added.RepairedSequences > 0 ? $"; repaired {added.RepairedSequences} double-encoded sequences" : ""));
            }
            ConsoleCapture.OriginalOut.WriteLine("Fill in what the files did not say (genre, an empty title or date) in data/corpus.json, then run the notebooks again.");
            return Ok;
        }
        catch (CorpusException e)
        {
            // A file name may carry control characters: escaped, so they cannot move the terminal's cursor.
            ErrorTerminal.WriteLine($"error: {DataFolder.Escape(e.Message)}");
            ErrorTerminal.WriteLine("nothing was added.");
            return BadInput;
        }
    }

    private static IAnsiConsole Terminal { get; } = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(ConsoleCapture.OriginalOut) });
    private static IAnsiConsole ErrorTerminal { get; } = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(ConsoleCapture.OriginalError) });

    private static IReadOnlyList<string> Files(string[]? given) =>
        given is { Length: > 0 }
            ? given
            : Directory.GetFiles(ProjectPaths.Notebooks, "*.ipynb").Order(StringComparer.Ordinal).ToList();

    /// <summary>Loads every notebook first, so one malformed file stops the command before anything runs or is written.</summary>
    private static List<NotebookFile>? LoadAll(IReadOnlyList<string> files)
    {
        try
        {
            if (files.Count == 0) throw new NotebookFormatException(ProjectPaths.Notebooks, "no notebooks found.");
            return files.Select(NotebookFile.Load).ToList();
        }
        catch (NotebookFormatException e)
        {
            ErrorTerminal.WriteLine($"error: {e.Message}");
            return null;
        }
    }

    private static async Task<int> RunAsync(IReadOnlyList<string> files, int timeoutSeconds, (long Cell, long Notebook) limits, bool save, bool report, string? output,
        long? maxMemoryMb, bool inProcess, int? parallel, CancellationToken ct)
    {
        if (maxMemoryMb is <= 0)
        {
            ErrorTerminal.WriteLine($"error: --max-memory {maxMemoryMb}: a memory limit must be at least 1 MB.");
            return BadInput;
        }
        var maxOutput = limits.Cell;
        if (limits.Notebook < 0)
        {
            ErrorTerminal.WriteLine($"error: --max-notebook-output {limits.Notebook}: a number of characters cannot be negative.");
            return BadInput;
        }
        if (timeoutSeconds <= 0)
        {
            ErrorTerminal.WriteLine($"error: --timeout {timeoutSeconds}: the per-cell time limit must be at least 1 second.");
            return BadInput;
        }
        if (maxOutput < 0)
        {
            ErrorTerminal.WriteLine($"error: --max-output {maxOutput}: a number of characters cannot be negative.");
            return BadInput;
        }
        if (output is not null && File.Exists(output))
        {
            ErrorTerminal.WriteLine($"error: --output {output}: is a file; the report needs a folder.");
            return BadInput;
        }
        var notebooks = LoadAll(files);
        if (notebooks is null) return BadInput;
        var runner = new NotebookRunner(TimeSpan.FromSeconds(timeoutSeconds), limits.Cell, limits.Notebook);
        var workers = parallel ?? Math.Max(1, Math.Min(2, Environment.ProcessorCount));
        if (workers < 1)
        {
            ErrorTerminal.WriteLine($"error: --parallel {workers}: at least one notebook must run at a time.");
            return BadInput;
        }
        var unsaved = 0;
        var results = new List<(NotebookRunResult Result, string Status)>();
        // Progress goes to stderr: native code's output is captured on fd 1 while a topic model fits.
        var interactive = ErrorTerminal.Profile.Capabilities.Interactive && !Console.IsErrorRedirected;

        var finished = new (NotebookRunResult Result, string Status)?[notebooks.Count];
        async Task RunOne(int index, Action<CellProgress>? onProgress)
        {
            var saved = notebooks[index];
            {
                var notebook = save ? saved : saved.Clone();
                var result = inProcess
                    ? await runner.RunAsync(notebook, onProgress is null ? null : new Progress<CellProgress>(onProgress), ct).ConfigureAwait(false)
                    : await IsolatedRun.RunAsync(notebook, timeoutSeconds, limits, maxMemoryMb, onProgress, ct).ConfigureAwait(false);
                if (ct.IsCancellationRequested) return; // Ctrl-C: leave the saved file as it was.
                string status;
                string SetAside()
                {
                    var failed = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(output ?? ProjectPaths.Report))!, "failed", notebook.Name);
                    Directory.CreateDirectory(Path.GetDirectoryName(failed)!);
                    AtomicFile.WriteAllText(failed, notebook.Serialize());
                    return Path.GetRelativePath(Directory.GetCurrentDirectory(), failed);
                }
                if (save && result.Succeeded)
                {
                    try
                    {
                        notebook.Save();
                        status = "saved";
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        // Read-only, changed since it was read, or a folder we cannot write: nothing of the user's is replaced.
                        status = $"not saved: {e.Message} This run is in {SetAside()}";
                        Interlocked.Increment(ref unsaved);
                    }
                }
                else if (save)
                {
                    // A failed run never replaces the last good results: the notebook keeps them, the failed run goes beside the report.
                    status = $"error: the notebook keeps its last good outputs; this run is in {SetAside()}";
                }
                else
                {
                    var stale = FirstDifference(saved, notebook);
                    status = !result.Succeeded ? "error" : stale is null ? "up to date" : $"stale: {stale}";
                }
                if (result.Readings.Count > 0) status += $"; {result.Readings.Count} reading{(result.Readings.Count == 1 ? "" : "s")} no longer hold";
                finished[index] = (result, status);
                if (!interactive) lock (finished) Terminal.WriteLine($"{notebook.Name}: {status} ({result.Executed}/{result.CodeCells} cells, {result.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s)");
            }
        }

        async Task RunAll(Action<CellProgress>? onProgress)
        {
            try
            {
                if (inProcess || workers <= 1)
                {
                    for (var i = 0; i < notebooks.Count && !ct.IsCancellationRequested; i++) await RunOne(i, onProgress).ConfigureAwait(false);
                    return;
                }
                // Notebooks are independent: each in a process of its own, a few at a time; results in notebook order.
                using var slots = new SemaphoreSlim(workers);
                await Task.WhenAll(Enumerable.Range(0, notebooks.Count).Select(async i =>
                {
                    await slots.WaitAsync(ct).ConfigureAwait(false);
                    try { await RunOne(i, onProgress).ConfigureAwait(false); }
                    finally { slots.Release(); }
                })).ConfigureAwait(false);
            }
            finally
            {
                results.AddRange(finished.Where(f => f is not null).Select(f => f!.Value));
            }
        }

        try
        {
            if (interactive)
            {
                await ErrorTerminal.Progress().AutoClear(true).StartAsync(async context =>
                {
                    var tasks = notebooks.ToDictionary(n => n.Name, n => context.AddTask(Markup.Escape(n.Name), maxValue: Math.Max(1, n.CodeCells.Count())));
                    await RunAll(p =>
                    {
                        tasks[p.Notebook].Value = p.CodeCell - 1;
                        tasks[p.Notebook].Description = Markup.Escape($"{p.Notebook} cell {p.CodeCell}/{p.CodeCells}" + (p.Work is null ? "" : $": {p.Work}"));
                    }).ConfigureAwait(false);
                    foreach (var t in tasks.Values) t.Value = t.MaxValue;
                }).ConfigureAwait(false);
            }
            else
            {
                await RunAll(p => ConsoleCapture.OriginalError.WriteLine($"  {p.Notebook}: cell {p.CodeCell}/{p.CodeCells}" + (p.Work is null ? "" : $": {p.Work}"))).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
        if (ct.IsCancellationRequested)
        {
            ErrorTerminal.WriteLine("interrupted: the notebook being run was not saved.");
            return Interrupted;
        }

        var table = new Table().AddColumns("notebook", "cells", "seconds", "peak MB", "status");
        foreach (var (result, status) in results)
            table.AddRow(Markup.Escape(result.Notebook.Name), $"{result.Executed}/{result.CodeCells}", result.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture),
                result.PeakBytes is { } peak ? (peak / (1024 * 1024)).ToString(CultureInfo.InvariantCulture) : "–", Markup.Escape(status));
        Terminal.Write(table);
        foreach (var (result, _) in results.Where(r => !r.Result.Succeeded))
            ErrorTerminal.WriteLine($"{result.Notebook.Name}, cell {result.FailedCell + 1}: {result.Error!.Name}: {result.Error.Value}");
        var readings = results.SelectMany(r => r.Result.Readings).ToList();
        if (readings.Count > 0)
        {
            // Plain lines, not wrapped at the terminal's width: each problem is one line to read or grep.
            ConsoleCapture.OriginalError.WriteLine($"{readings.Count} reading{(readings.Count == 1 ? "" : "s")} in the markdown no longer match{(readings.Count == 1 ? "es" : "")} the results: edit the prose, then run again.");
            foreach (var problem in readings) ConsoleCapture.OriginalError.WriteLine("  " + problem);
        }

        if (report && !TryReport(notebooks, output)) return BadInput;
        return unsaved == 0 && results.All(r => r.Result.Succeeded && r.Result.Readings.Count == 0 && !r.Status.StartsWith("stale", StringComparison.Ordinal)) ? Ok : Failed;
    }

    private static int Report(IReadOnlyList<string> files, string? output)
    {
        if (output is not null && File.Exists(output))
        {
            ErrorTerminal.WriteLine($"error: --output {output}: is a file; the report needs a folder.");
            return BadInput;
        }
        var notebooks = LoadAll(files);
        if (notebooks is null) return BadInput;
        return TryReport(notebooks, output) ? Ok : BadInput;
    }

    /// <summary>Writes the report, or says in one line why it could not (a full disk, a folder that cannot be written).</summary>
    private static bool TryReport(IReadOnlyList<NotebookFile> notebooks, string? output)
    {
        try
        {
            Report(notebooks, output);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ErrorTerminal.WriteLine($"error: the report could not be written to {output ?? ProjectPaths.Report}: {e.Message} The notebooks were saved as listed above.");
            return false;
        }
    }

    private static void Report(IReadOnlyList<NotebookFile> notebooks, string? output)
    {
        var index = ReportWriter.Write(notebooks, output ?? ProjectPaths.Report);
        ConsoleCapture.OriginalOut.WriteLine($"report: {Path.GetRelativePath(Directory.GetCurrentDirectory(), index)}");
    }

    /// <summary>Where a fresh run differs from the saved notebook: "cell N" of the first differing cell, or null.</summary>
    public static string? FirstDifference(NotebookFile saved, NotebookFile fresh)
    {
        if (saved.Serialize() == fresh.Serialize()) return null;
        var a = saved.AllCells.ToList();
        var b = fresh.AllCells.ToList();
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
            if (JupyterJson.Serialize(a[i].Json) != JupyterJson.Serialize(b[i].Json)) return $"cell {i + 1}";
        return "notebook metadata";
    }
}
