using System.Diagnostics;
using Notebooks.Nbformat;

namespace Notebooks.Engine;

/// <summary>
/// Progress of a run, for a display: which notebook, which code cell of how many, and what long work inside the cell
/// reports (<see cref="Analysis.WorkProgress"/>), if any. Never part of the notebook.
/// </summary>
public sealed record CellProgress(string Notebook, int CodeCell, int CodeCells)
{
    public string? Work { get; init; }
}

public sealed record NotebookRunResult(
    NotebookFile Notebook,
    int CodeCells,
    int Executed,
    TimeSpan Duration,
    IReadOnlyList<TimeSpan> CellDurations,
    int? FailedCell,
    ErrorOutput? Error)
{
    public bool Succeeded => Error is null;

    /// <summary>Readings of the markdown that no longer hold for the outputs (checked only when every cell ran).</summary>
    public IReadOnlyList<ReadingProblem> Readings { get; init; } = [];

    /// <summary>The peak resident memory of the notebook's own process, when it ran in one (<c>run</c> and <c>check</c>).</summary>
    public long? PeakBytes { get; init; }

    /// <summary>Per executed code cell, with <c>NOTEBOOKS_PROFILE_MEMORY=1</c>: the process's peak resident memory while the cell ran and the managed bytes it left reachable.</summary>
    public IReadOnlyList<CellMemory> CellMemory { get; init; } = [];
}

/// <summary>What one cell cost in memory: the peak resident bytes while it ran, and the managed bytes reachable after it.</summary>
public sealed record CellMemory(long PeakBytes, long RetainedBytes);

/// <summary>
/// Where a notebook's memory goes, cell by cell: with <c>NOTEBOOKS_PROFILE_MEMORY=1</c> in the environment the runner resets the
/// process's peak resident size before each cell (Linux <c>/proc/self/clear_refs</c>) and, after it, reads the peak and the
/// managed heap left after a full collection. Off by default: the collections cost time.
/// </summary>
internal static class MemoryProfile
{
    internal static bool Enabled => Environment.GetEnvironmentVariable("NOTEBOOKS_PROFILE_MEMORY") == "1";

    internal static void ResetPeak()
    {
        try { File.WriteAllText("/proc/self/clear_refs", "5"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { } // not Linux: the peak is the process's so far
    }

    /// <summary>The process's peak resident size since <see cref="ResetPeak"/>.</summary>
    internal static long Peak => Process.GetCurrentProcess().PeakWorkingSet64;

    /// <summary>The cell's peak, and the managed memory it left reachable (read after the runner's collection).</summary>
    internal static CellMemory Measure(long peak)
    {
        GC.WaitForPendingFinalizers();
        return new CellMemory(peak, GC.GetTotalMemory(forceFullCollection: true));
    }
}

/// <summary>
/// Executes a notebook's code cells in order in one <see cref="CSharpSession"/> and writes their outputs into
/// the notebook (in memory; saving is the caller's choice). The first failing cell stops the run; cells below
/// it are left without outputs, so no stale result stands under an error.
/// </summary>
public sealed class NotebookRunner(TimeSpan cellTimeout, long maxCellOutput = OutputCollector.DefaultMaxStreamChars, long maxNotebookOutput = NotebookRunner.DefaultMaxNotebookOutput)
{
    /// <summary>Printed text kept per notebook by default (the cells' own limits still apply).</summary>
    public const long DefaultMaxNotebookOutput = 20_000_000;

    public NotebookRunner() : this(SessionOptions.DefaultCellTimeout) { }

    public async Task<NotebookRunResult> RunAsync(NotebookFile notebook, IProgress<CellProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        CSharpSession? session = new CSharpSession(new SessionOptions(notebook.Name, notebook.Directory, cellTimeout));
        var codeCells = notebook.CodeCells.ToList();
        var durations = new List<TimeSpan>();
        var memory = new List<CellMemory>();
        var profile = MemoryProfile.Enabled;
        var executionCount = 0;
        long printed = 0;
        int? failedCell = null;
        ErrorOutput? error = null;
        var previousDirectory = Directory.GetCurrentDirectory();
        // Relative paths in cells (Corpus.Load("../data")) mean what they mean in Jupyter: from the notebook's folder.
        Directory.SetCurrentDirectory(notebook.Directory);
        try
        {
            for (var i = 0; i < codeCells.Count; i++)
            {
                var cell = codeCells[i];
                if (failedCell is not null || string.IsNullOrWhiteSpace(cell.Source))
                {
                    // Jupyter's clients skip empty cells; cells after a failure have not run.
                    cell.SetOutputs([], null);
                    cell.SetClaims(new Dictionary<string, string>());
                    continue;
                }
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new CellProgress(notebook.Name, i + 1, codeCells.Count));
                var collector = new OutputCollector(Math.Max(0, Math.Min(maxCellOutput, maxNotebookOutput - printed)));
                var at = new CellProgress(notebook.Name, i + 1, codeCells.Count);
                CellRun run;
                if (profile) MemoryProfile.ResetPeak();
                using (Analysis.WorkProgress.To(work => progress?.Report(at with { Work = work })))
                    run = await session.ExecuteAsync(cell.Source, cell.Id, $"{notebook.Name}[{cell.Index + 1}]", ++executionCount, collector, cancellationToken).ConfigureAwait(false);
                durations.Add(run.Duration);
                var peak = profile ? MemoryProfile.Peak : 0;
                CollectAfterCell();
                if (profile) memory.Add(MemoryProfile.Measure(peak));
                printed += run.Outputs.OfType<StreamOutput>().Sum(o => (long)o.Text.Length);
                cell.SetOutputs(run.Outputs.Select(o => o.ToNbformat()), executionCount);
                cell.SetClaims(run.Claims);
                if (!run.Succeeded)
                {
                    failedCell = cell.Index;
                    error = run.Error;
                }
            }
        }
        finally
        {
            Directory.SetCurrentDirectory(previousDirectory);
        }
        // The session (and the corpus, tables and models its cells hold) is released here: collect it, large objects
        // compacted, before the next notebook loads its own, so that peaks do not add up across notebooks.
        session = null;
        ReturnMemoryToSystem();
        return new NotebookRunResult(notebook, codeCells.Count, durations.Count, clock.Elapsed, durations, failedCell, error)
        {
            Readings = error is null ? Readings.Check(notebook) : [],
            CellMemory = memory,
        };
    }

    /// <summary>
    /// A cell's transient tables are garbage once it ends: collected now, they do not add to the next cell's peak (notebook 01
    /// on the 8,039 man-page sections peaked at 1,146 MB without, 828 MB with; about 0.1 s a cell). When that leaves much more
    /// memory committed than the heap holds, it goes back to the system, so the next cell does not start from this one's peak.
    /// </summary>
    private static void CollectAfterCell()
    {
        GC.Collect();
        var info = GC.GetGCMemoryInfo();
        if (info.TotalCommittedBytes - info.HeapSizeBytes >= 256L << 20) ReturnMemoryToSystem();
    }

    /// <summary>A full collection, large objects compacted, that returns the freed memory to the system.</summary>
    private static void ReturnMemoryToSystem()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
