using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Notebooks.Engine;

public sealed record SessionOptions(string NotebookName, string BaseDirectory, TimeSpan CellTimeout)
{
    /// <summary>
    /// An hour: long enough for the slowest cell of the repository's notebooks at the largest size measured (notebook 02's
    /// final topic fit on 104,507 documents, about 20 minutes on two cores), short enough that a cell that never ends
    /// still ends the run.
    /// </summary>
    public static readonly TimeSpan DefaultCellTimeout = TimeSpan.FromMinutes(60);
}

/// <summary>What one cell produced.</summary>
public sealed record CellRun(IReadOnlyList<CellOutput> Outputs, bool Succeeded, TimeSpan Duration)
{
    /// <summary>The values the cell published with <c>claim</c> (empty when it failed).</summary>
    public IReadOnlyDictionary<string, string> Claims { get; init; } = new Dictionary<string, string>();

    public ErrorOutput? Error => Outputs.OfType<ErrorOutput>().FirstOrDefault();
}

/// <summary>
/// One C# script state shared by a notebook's cells, as in .NET Interactive's C# kernel: each cell continues
/// the state of the one before (<c>ContinueWith</c>), so variables, usings and types carry over.
/// </summary>
public sealed partial class CSharpSession
{
    public static readonly ImmutableArray<string> DefaultImports =
        ["System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq"];

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    private readonly SessionOptions _options;
    private readonly CellGlobals _globals = new();

    // Package sources (#i) and restored package assemblies (#r "nuget:") of this session, for every later cell.
    private readonly List<string> _sources = [];
    private readonly List<string> _packageReferences = [];
    private ScriptState<object>? _state;

    public CSharpSession(SessionOptions options)
    {
        _options = options;
        ConsoleCapture.Install();
    }

    /// <summary>The current script state, for completion and inspection (null before the first cell).</summary>
    public ScriptState<object>? State => _state;

    public ScriptOptions ScriptOptions(string filePath) =>
        Microsoft.CodeAnalysis.Scripting.ScriptOptions.Default
            .WithReferences(References.Value)
            .WithImports(DefaultImports)
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(_options.BaseDirectory))
            .WithSourceResolver(new SourceFileResolver([], _options.BaseDirectory))
            .WithEmitDebugInformation(true)
            .WithFilePath(filePath)
            .WithFileEncoding(System.Text.Encoding.UTF8);

    /// <summary>
    /// Runs a cell. Outputs go to <paramref name="collector"/> as they happen; the trailing expression's value
    /// comes last as an execute_result. Never throws for the cell's own faults: they become an error output.
    /// </summary>
    /// <param name="code">The cell's source.</param>
    /// <param name="cellId">The cell's id (element ids of charts derive from it).</param>
    /// <param name="cellLabel">How stack traces name the cell, e.g. "00-corpus.ipynb[3]".</param>
    /// <param name="executionCount">The count an execute_result carries.</param>
    /// <param name="collector">Receives the outputs as they happen.</param>
    /// <param name="cancellationToken">Interrupts the cell: it is abandoned and reported as interrupted.</param>
    public async Task<CellRun> ExecuteAsync(string code, string cellId, string cellLabel, int executionCount, OutputCollector collector, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var run = Task.Run(() => RunAsync(code, cellId, cellLabel, executionCount, collector), CancellationToken.None);
        var timeout = Task.Delay(_options.CellTimeout, cancellationToken);
        var finished = await Task.WhenAny(run, timeout).ConfigureAwait(false);
        if (finished != run)
        {
            // Script code cannot be stopped from outside: the cell is abandoned. Its thread may run on, but the
            // session keeps the state from before it, so later cells run as if it had never started.
            const string stillRunning = " Its code may still be running in the background (.NET cannot stop a thread from outside); whatever it writes from now on is discarded, and the next cell starts from the state before this one.";
            collector.Add(cancellationToken.IsCancellationRequested
                ? Error("OperationCanceledException", "The cell was interrupted." + stillRunning, [])
                : Error("TimeoutException", $"The cell ran longer than the limit of {_options.CellTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s and was abandoned." + stillRunning +
                    " A cell that is only slow (a topic model on a very large corpus) needs a higher limit: `run` and `check` take --timeout SECONDS.", []));
            collector.Seal();
            return new CellRun(collector.Outputs, false, clock.Elapsed);
        }
        var state = await run.ConfigureAwait(false);
        if (state is not null) _state = state;
        return new CellRun(collector.Outputs, state is not null, clock.Elapsed) { Claims = state is null ? new Dictionary<string, string>() : collector.Claims };
    }

    /// <summary>Runs the cell; returns the new script state, or null when the cell failed (its error is in the outputs).</summary>
    private async Task<ScriptState<object>?> RunAsync(string code, string cellId, string cellLabel, int executionCount, OutputCollector collector)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        _globals.Collector = collector;
        _globals.Context = output => new DisplayContext(cellId, output);
        using var capture = ConsoleCapture.Into(collector);
        try
        {
            string prepared;
            try
            {
                var cell = CellDirectives.Prepare(code, _sources);
                prepared = cell.Code;
                foreach (var package in cell.Packages)
                {
                    foreach (var conflict in package.Conflicts) Console.Error.WriteLine($"#r \"nuget: {package.Name}, {package.Version}\": {conflict}");
                    _packageReferences.AddRange(package.Assemblies.Where(a => !_packageReferences.Contains(a)));
                }
            }
            catch (DirectiveException e)
            {
                collector.Add(Error("DirectiveError", e.Message, [$"({e.Line},1): error: {e.Message}"]));
                return null;
            }

            var options = ScriptOptions(cellLabel).AddReferences(_packageReferences.Select(p => MetadataReference.CreateFromFile(p)));
            var script = _state is null
                ? CSharpScript.Create(prepared, options, typeof(CellGlobals))
                : _state.Script.ContinueWith(prepared, options);
            var errors = script.Compile().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                var lines = errors.Select(FormatDiagnostic).ToImmutableArray();
                collector.Add(Error("CompilationError", lines[0], lines));
                return null;
            }
            var hasValue = HasTrailingValue(script.GetCompilation());

            var state = _state is null
                ? await script.RunAsync(_globals, _ => true).ConfigureAwait(false)
                : await script.RunFromAsync(_state, _ => true).ConfigureAwait(false);
            if (state.Exception is { } exception)
            {
                collector.Add(FromException(exception));
                return null;
            }
            // A trailing display(…) is a display, not also a result (its handle is no value to show).
            if (hasValue && state.ReturnValue is not DisplayHandle)
                collector.Add(new ResultOutput(MimeFormatter.Format(state.ReturnValue, new DisplayContext(cellId, collector.Count)), executionCount));
            return state;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A formatter or the engine itself failed: still the cell's error, not a crash of the run.
            collector.Add(FromException(e));
            return null;
        }
        finally
        {
            Console.Out.Flush();
            _globals.Collector = null;
        }
    }

    /// <summary>A final expression statement without ';' whose type is not void: the cell's result, as in .NET Interactive.</summary>
    private static bool HasTrailingValue(Compilation compilation)
    {
        var tree = compilation.SyntaxTrees.Last();
        if (tree.GetRoot() is not Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax root) return false;
        if (root.Members.LastOrDefault() is not Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax { Statement: Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionStatementSyntax statement }
            || !statement.SemicolonToken.IsMissing)
            return false;
        var type = compilation.GetSemanticModel(tree).GetTypeInfo(statement.Expression).Type;
        return type is not null && type.SpecialType != SpecialType.System_Void;
    }

    /// <summary>"(line,col): error CSxxxx: message", with the cell's own line numbers.</summary>
    private static string FormatDiagnostic(Diagnostic d)
    {
        var position = d.Location.GetLineSpan().StartLinePosition;
        return $"({position.Line + 1},{position.Character + 1}): error {d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}";
    }

    private static ErrorOutput Error(string name, string value, ImmutableArray<string> traceback) =>
        new(name, value, traceback.IsDefaultOrEmpty ? [$"{name}: {value}"] : traceback);

    /// <summary>The exception with the frames a reader can act on: the cells' and the library's, not the script host's.</summary>
    public static ErrorOutput FromException(Exception exception)
    {
        while (exception is System.Reflection.TargetInvocationException or AggregateException && exception.InnerException is not null)
            exception = exception.InnerException;
        var type = exception.GetType().FullName ?? exception.GetType().Name;
        var lines = new List<string> { $"{type}: {exception.Message}" };
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e != exception) lines.Add($" ---> {e.GetType().FullName}: {e.Message}");
            lines.AddRange((e.StackTrace ?? "").Split('\n')
                .Select(l => l.TrimEnd('\r'))
                .Where(l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal)
                    && !l.Contains("Microsoft.CodeAnalysis.Scripting", StringComparison.Ordinal)
                    && !l.Contains("System.Runtime.CompilerServices", StringComparison.Ordinal)
                    && !l.Contains("System.Threading.", StringComparison.Ordinal)
                    && !l.Contains("Notebooks.Engine", StringComparison.Ordinal))
                .Select(WithoutMachinePath));
        }
        return new ErrorOutput(type, exception.Message, [.. lines]);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@" in (?<path>.+?):line (?<line>\d+)$")]
    private static partial System.Text.RegularExpressions.Regex FrameLocation();

    /// <summary>
    /// A frame's file as a reader can use it anywhere: a cell as "notebook.ipynb[3]", the repository's code relative to
    /// the repository (the build maps it to /src/), anything else by file name; never a path of this machine.
    /// </summary>
    private static string WithoutMachinePath(string frame) => FrameLocation().Replace(frame, m =>
    {
        var path = m.Groups["path"].Value.Replace('\\', '/');
        var shown = path.StartsWith("/src/", StringComparison.Ordinal) ? path["/src/".Length..] : path[(path.LastIndexOf('/') + 1)..];
        return $" in {shown}:line {m.Groups["line"].Value}";
    });

    /// <summary>
    /// Every managed assembly the host process can load (its trusted platform assemblies): the framework,
    /// lib/Analysis and the pinned packages. A cell needs only a using line to reach them.
    /// </summary>
    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var paths = ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Where(p => !Path.GetFileName(p).StartsWith("testhost", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        return [.. paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }
}
