using System.Diagnostics;
using System.Globalization;
using System.Text;
using Analysis;
using Analysis.Text;
using Notebooks.Engine;
using Notebooks.Nbformat;

// Benchmarks, run with: dotnet run -c Release --project bench/Bench -- [engine|text|all]
// They report; they never fail a build. Numbers depend on the machine: see README for the reference figures.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var which = args.Length > 0 ? args[0] : "all";
if (which == "all")
{
    // Each benchmark in a process of its own: peak memory and JIT state must not carry over from another.
    foreach (var name in new[] { "engine", "text", "kernel", "topics" })
    {
        using var child = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, [name]) { UseShellExecute = false })!;
        child.WaitForExit();
    }
    return;
}
if (which is "engine" or "all") await EngineBench.Run();
if (which is "text" or "all") TextBench.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50);
if (which is "kernel" or "all") KernelBench.Run();
if (which is "topics" or "all") TopicBench.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000);
if (which == "real") RealTextBench.Run(args.Length > 1 ? args[1] : Path.Combine(ProjectPaths.Root, "bench", "corpus", "manpages-de"));
if (which == "topics-gold") TopicGoldBench.Run(args.Length > 1 ? args[1] : Path.Combine(ProjectPaths.Root, "bench", "gold", "10kgnad", "test.csv"), args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5,
    args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 10);
if (which == "voices") VoiceBench.Run(args.Length > 1 ? args[1] : Path.Combine(ProjectPaths.Root, "bench", "gold", "redewiedergabe"));
if (which == "lemmas") LemmaBench.Run(args.Length > 1 ? args[1] : Path.Combine(ProjectPaths.Root, "bench", "gold", "ud-german", "de_gsd-ud-dev.conllu"), args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 40);
if (which == "scale") ScaleBench.Run(args.Length > 1 ? args[1] : Path.Combine(ProjectPaths.Root, "bench", "corpus", "manpages-de-sections"), args.Length > 2 ? args[2] : "1,4,16", args.Contains("--notebooks"));
if (which == "scale-stage") ScaleBench.Stage(args[1]);
if (which.StartsWith("real-", StringComparison.Ordinal)) RealTextBench.Stage(which, args[1], args.Length > 2 ? args[2] : "");

static class EngineBench
{
    /// <summary>First-cell cost (Roslyn warm-up and references) and per-cell overhead of trivial cells after it.</summary>
    public static async Task Run()
    {
        var dir = Directory.CreateTempSubdirectory("engine-bench").FullName;
        try
        {
            var cells = new List<string> { "var x0 = 0;" };
            cells.AddRange(Enumerable.Range(1, 30).Select(i => $"var x{i} = x{i - 1} + 1;"));
            var json = "{\"cells\": [" + string.Join(",", cells.Select((c, i) =>
                $"{{\"cell_type\": \"code\", \"execution_count\": null, \"id\": \"c{i}\", \"metadata\": {{}}, \"outputs\": [], \"source\": [\"{c}\"]}}")) +
                "], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}";
            var path = Path.Combine(dir, "bench.ipynb");
            File.WriteAllText(path, json);
            var clock = Stopwatch.StartNew();
            var result = await new NotebookRunner().RunAsync(NotebookFile.Load(path));
            var total = clock.Elapsed;
            var rest = result.CellDurations.Skip(1).Select(d => d.TotalMilliseconds).Order().ToList();
            Console.WriteLine($"engine: first cell {result.CellDurations[0].TotalMilliseconds:0} ms; later cells median {rest[rest.Count / 2]:0.0} ms, max {rest[^1]:0.0} ms ({rest.Count} cells); notebook {total.TotalSeconds:0.00} s");

            // Output capture: 80,000 Console.WriteLine in one cell (target <= 1 s; string concatenation made it 80 s).
            var writes = Path.Combine(dir, "writes.ipynb");
            File.WriteAllText(writes, "{\"cells\": [{\"cell_type\": \"code\", \"execution_count\": null, \"id\": \"w\", \"metadata\": {}, \"outputs\": [], \"source\": [\"for (var i = 0; i < 80_000; i++) Console.WriteLine(i);\"]}], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}");
            var runs = new List<double>();
            for (var i = 0; i < 3; i++) runs.Add((await new NotebookRunner().RunAsync(NotebookFile.Load(writes))).CellDurations[0].TotalMilliseconds);
            runs.Sort();
            Console.WriteLine($"engine: 80,000 Console.WriteLine in one cell: median {runs[1]:0} ms of 3 (runs {string.Join(", ", runs.Select(r => r.ToString("0", CultureInfo.InvariantCulture)))} ms; target <= 1000 ms)");
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}

static class TextBench
{
    /// <summary>
    /// Cache-hot figure only: token table + counts over at least <paramref name="megabytes"/> MB made by repeating the
    /// corpus's paragraphs, so nearly every word is a form seen before. The headline is <c>bench real</c>.
    /// </summary>
    public static void Run(int megabytes)
    {
        var corpus = Corpus.Load(ProjectPaths.Data);
        var paragraphs = corpus.Units().ToList();
        var units = new List<ITextUnit>();
        long bytes = 0;
        while (bytes < megabytes * 1_000_000L)
            foreach (var p in paragraphs)
            {
                // A fresh copy of the text: the per-text token cache must not answer for it.
                var text = new string(p.Text.AsSpan());
                units.Add(new Paragraph($"{p.Id}#{units.Count}", p.DocumentId, 1, ParagraphKind.Body, new TextSpan(0, text.Length), SourcedText.FromRaw(text, 0, text.Length)));
                bytes += Encoding.UTF8.GetByteCount(text) + 1;
            }
        GC.Collect();
        if (Environment.GetEnvironmentVariable("BENCH_DETAIL") == "1") TokenizerOnly.Run([.. units.Select(u => u.Text)], bytes);
        var clock = Stopwatch.StartNew();
        var counts = TermCounts.Count(TokenTable.Of(units), u => u.DocumentId);
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"text (cache-hot, repeated paragraphs): {bytes / 1e6:0.0} MB, {units.Count} units, {counts.Totals.Values.Sum()} counted tokens: {bytes / 1e6 / seconds:0.0} MB/s; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:0} MB");
    }
}

static class TokenizerOnly
{
    public static void Run(List<string> texts, long bytes)
    {
        var clock = Stopwatch.StartNew();
        long n = 0;
        foreach (var t in texts) n += Tokenizer.Tokenize(t).Count;
        Console.WriteLine($"  tokenizer alone: {n} tokens, {bytes / 1e6 / clock.Elapsed.TotalSeconds:0.0} MB/s");
    }
}

static class TopicBench
{
    /// <summary>K = 10 on the corpus's units repeated to <paramref name="units"/>, single-threaded; then the real K sweep.</summary>
    public static void Run(int units)
    {
        var corpus = Corpus.Load(ProjectPaths.Data);
        var real = corpus.Units().ToList();
        var repeated = Enumerable.Range(0, units).Select(i => real[i % real.Count]).ToList();
        var documents = Analysis.Topics.TopicDocuments.Prepare(TokenTable.Of(repeated));
        var clock = Stopwatch.StartNew();
        var model = Analysis.Topics.TopicModel.Fit(documents, new Analysis.Topics.TopicOptions { Topics = 10 });
        var fit = clock.Elapsed.TotalSeconds;
        var npmi = Enumerable.Range(0, 10).Average(k => Analysis.Topics.Coherence.Npmi(model.TopByProbability(k), documents.Terms.Select(t => (IReadOnlyList<string>)t).Take(real.Count)));
        Console.WriteLine($"topics: K = 10 on {documents.Units.Length} units ({documents.Vocabulary.Length} terms): fit {fit:0.00} s, mean NPMI {npmi:0.000}; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:0} MB");
        clock.Restart();
        var fast = Analysis.Topics.TopicModel.Fit(documents, new Analysis.Topics.TopicOptions { Topics = 10, Iterations = 80 });
        var fastNpmi = Enumerable.Range(0, 10).Average(k => Analysis.Topics.Coherence.Npmi(fast.TopByProbability(k), documents.Terms.Select(t => (IReadOnlyList<string>)t).Take(real.Count)));
        Console.WriteLine($"topics: the same with 80 iterations instead of 300: fit {clock.Elapsed.TotalSeconds:0.00} s, mean NPMI {fastNpmi:0.000}");
        clock.Restart();
        var sweep = Analysis.Topics.TopicSweep.Run(Analysis.Topics.TopicDocuments.FromCorpus(corpus));
        Console.WriteLine($"topics: K sweep 2..10 x 3 orders on the real corpus: {clock.Elapsed.TotalSeconds:0.0} s ({sweep.Iterations} iterations per fit)");
    }
}

static class KernelBench
{
    /// <summary>Kernel process start to kernel_info_reply, and the warm round trip of execute_request "1 + 1" (median of 50).</summary>
    public static void Run()
    {
        var ports = Enumerable.Range(0, 5).Select(_ => { var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0); l.Start(); var p = ((System.Net.IPEndPoint)l.LocalEndpoint).Port; l.Stop(); return p; }).ToArray();
        var connection = new Notebooks.Kernel.ConnectionInfo("tcp", "127.0.0.1", ports[0], ports[1], ports[2], ports[3], ports[4], "bench", "hmac-sha256");
        var file = Path.GetTempFileName();
        File.WriteAllText(file, $$"""{"transport": "tcp", "ip": "127.0.0.1", "shell_port": {{ports[0]}}, "iopub_port": {{ports[1]}}, "stdin_port": {{ports[2]}}, "control_port": {{ports[3]}}, "hb_port": {{ports[4]}}, "key": "bench", "signature_scheme": "hmac-sha256"}""");
        var wire = new Notebooks.Kernel.WireFormat("bench");
        using var shell = new NetMQ.Sockets.DealerSocket();
        shell.Connect(connection.Address(connection.ShellPort));
        var clock = Stopwatch.StartNew();
        using var kernel = Process.Start(new ProcessStartInfo("dotnet", [typeof(Notebooks.Kernel.KernelServer).Assembly.Location, "kernel", "start", file]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        try
        {
            Send(shell, wire, "kernel_info_request", new System.Text.Json.Nodes.JsonObject());
            Receive(shell, wire);
            var start = clock.Elapsed.TotalMilliseconds;
            Send(shell, wire, "execute_request", new System.Text.Json.Nodes.JsonObject { ["code"] = "1 + 1", ["silent"] = false, ["store_history"] = true });
            Receive(shell, wire);
            var trips = new List<double>();
            for (var i = 0; i < 50; i++)
            {
                var t = Stopwatch.StartNew();
                Send(shell, wire, "execute_request", new System.Text.Json.Nodes.JsonObject { ["code"] = "1 + 1", ["silent"] = false, ["store_history"] = true });
                Receive(shell, wire);
                trips.Add(t.Elapsed.TotalMilliseconds);
            }
            trips.Sort();
            Console.WriteLine($"kernel: start to kernel_info_reply {start:0} ms; execute_request '1 + 1' round trip, warm: median {trips[25]:0.0} ms, max {trips[^1]:0.0} ms (50 requests)");

            // Live output: a cell writes the time once a second; each stream message's delay from the write to its arrival.
            using var iopub = new NetMQ.Sockets.SubscriberSocket();
            iopub.Connect(connection.Address(connection.IoPubPort));
            iopub.SubscribeToAnyTopic();
            Thread.Sleep(500); // the subscription reaches the publisher
            Send(shell, wire, "execute_request", new System.Text.Json.Nodes.JsonObject { ["code"] = "for (var i = 0; i < 5; i++) { Console.WriteLine(DateTime.UtcNow.Ticks); System.Threading.Thread.Sleep(1000); }" });
            var delays = new List<double>();
            while (delays.Count < 5)
            {
                NetMQ.NetMQMessage? message = null;
                if (!NetMQ.ReceivingSocketExtensions.TryReceiveMultipartMessage(iopub, TimeSpan.FromSeconds(10), ref message)) break;
                var arrived = DateTime.UtcNow.Ticks;
                var parsed = wire.Parse([.. message!.Select(f => f.ToByteArray())]);
                if (parsed.Type != "stream") continue;
                foreach (var line in parsed.Content["text"]!.GetValue<string>().Split('\n', StringSplitOptions.RemoveEmptyEntries))
                    delays.Add((arrived - long.Parse(line, CultureInfo.InvariantCulture)) / 10_000.0);
            }
            Receive(shell, wire);
            delays.Sort();
            Console.WriteLine($"kernel: a cell writing once a second: each write reached the client after median {delays[delays.Count / 2]:0} ms, max {delays[^1]:0} ms ({delays.Count} writes; target <= 200 ms)");
            Send(shell, wire, "shutdown_request", new System.Text.Json.Nodes.JsonObject { ["restart"] = false });
            kernel.WaitForExit(5000);
        }
        finally
        {
            if (!kernel.HasExited) kernel.Kill();
            File.Delete(file);
        }
    }

    private static void Send(NetMQ.Sockets.DealerSocket socket, Notebooks.Kernel.WireFormat wire, string type, System.Text.Json.Nodes.JsonObject content)
    {
        var message = new NetMQ.NetMQMessage();
        foreach (var frame in wire.Serialize(new Notebooks.Kernel.JupyterMessage { Header = Notebooks.Kernel.JupyterMessage.NewHeader(type, "bench"), Content = content })) message.Append(frame);
        NetMQ.OutgoingSocketExtensions.SendMultipartMessage(socket, message);
    }

    private static void Receive(NetMQ.Sockets.DealerSocket socket, Notebooks.Kernel.WireFormat wire)
    {
        NetMQ.NetMQMessage? message = null;
        if (!NetMQ.ReceivingSocketExtensions.TryReceiveMultipartMessage(socket, TimeSpan.FromSeconds(30), ref message)) throw new TimeoutException("kernel did not answer");
    }
}

static class RealTextBench
{
    private static string Peer(string name) => Path.Combine(ProjectPaths.Root, "bench", "peers", name);

    /// <summary>
    /// Every stage a notebook uses, on real, varied German text (the man pages <c>bench/corpus/build.sh</c> renders), each
    /// in a fresh process so that no cache of an earlier pass answers: load, token table + counts (median of 3; and again
    /// after a pass over the shipped texts, with compiled code), LDA K = 20, the topic sweep on the ≥ 5,000-document
    /// variant, and every notebook end to end on it; with the Python peers (scikit-learn, gensim) on the same input in the
    /// same run when Debian's packages are installed.
    /// </summary>
    public static void Run(string folder)
    {
        var sections = folder + "-sections";
        if (!File.Exists(Path.Combine(folder, "corpus.json")))
        {
            Console.WriteLine($"real: no corpus in {folder}; build it with bench/corpus/build.sh");
            return;
        }
        var passes = Enumerable.Range(0, 3).Select(_ => Child("real-count", folder)).ToList();
        var counted = passes.Select(p => p.Split(' ')).OrderBy(p => double.Parse(p[1], CultureInfo.InvariantCulture)).ToList();
        var median = counted[1];
        var ours = double.Parse(median[1], CultureInfo.InvariantCulture);
        var megabytes = double.Parse(median[5], CultureInfo.InvariantCulture);
        Console.WriteLine($"real: {median[6]} documents, {megabytes:0.0} MB of German man pages");
        Console.WriteLine($"  load and clean (Corpus.Load): {median[0]} s");
        Console.WriteLine($"  measures on the {median[4]} document-term rows (tf-idf, weighted log-odds, G2 and Log Ratio): {median[7]} s");
        Console.WriteLine($"  token table + lemmas + counts (TokenTable.Of, TermCounts.Count; lexicon load {median[2]} s included): median {ours:0.00} s of 3 fresh processes " +
                          $"({string.Join(", ", counted.Select(p => p[1]))}) = {megabytes / ours:0.0} MB/s; peak working set {median[3]} MB; {median[4]} document-term rows");
        // The same pass after the process has run the pipeline once on the shipped texts (another corpus): code compiled and
        // the lexicon loaded, as the peer's interpreter and stemmer are before its timed fits; the man pages' word forms are
        // still new to the form index, as the peer's vocabulary is new to each fit.
        var warmPasses = Enumerable.Range(0, 3).Select(_ => Child("real-count-warm", folder).Split(' ')).OrderBy(p => double.Parse(p[1], CultureInfo.InvariantCulture)).ToList();
        var warm = double.Parse(warmPasses[1][1], CultureInfo.InvariantCulture);
        Console.WriteLine($"  the same after one pass over the shipped texts in the process (compiled code, lexicon loaded): median {warm:0.00} s of 3 ({string.Join(", ", warmPasses.Select(p => p[1]))})");
        var sklearn = Python(Peer("count_sklearn.py"), folder);
        if (sklearn is not null)
        {
            var parts = sklearn.Split(' ');
            var seconds = double.Parse(parts[0], CultureInfo.InvariantCulture);
            Console.WriteLine($"  peer: scikit-learn CountVectorizer + PyStemmer, same files, same run: median {seconds:0.00} s = {megabytes / seconds:0.0} MB/s; ours/peer speed {seconds / ours:0.00}x fresh, {seconds / warm:0.00}x warm (target >= 3x)");
        }
        Console.WriteLine("  " + Child("real-lda", folder));
        if (File.Exists(Path.Combine(sections, "corpus.json")))
        {
            Console.WriteLine("  " + Child("real-sweep", sections));
            Console.WriteLine("  " + Child("real-notebooks", sections));
        }
    }

    /// <summary>One stage in a fresh process (see <c>Stage</c>); returns its one line.</summary>
    private static string Child(string stage, string folder)
    {
        using var child = Process.Start(SelfStart(stage, folder))!;
        var output = child.StandardOutput.ReadToEnd().Trim().Split('\n').LastOrDefault() ?? "";
        child.WaitForExit();
        return output;
    }

    /// <summary>This program again with <paramref name="args"/>: through <c>dotnet Bench.dll</c> or its app host, as it was started.</summary>
    public static ProcessStartInfo SelfStart(params string[] args)
    {
        var host = Environment.ProcessPath!;
        string[] prefix = Path.GetFileNameWithoutExtension(host) == "dotnet" ? [typeof(RealTextBench).Assembly.Location] : [];
        return new ProcessStartInfo(host, [.. prefix, .. args]) { RedirectStandardOutput = true, UseShellExecute = false };
    }

    private static string? Python(string script, params string[] args)
    {
        try
        {
            using var python = Process.Start(new ProcessStartInfo("/usr/bin/python3", [script, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = python.StandardOutput.ReadToEnd().Trim();
            var error = python.StandardError.ReadToEnd();
            python.WaitForExit();
            if (python.ExitCode == 0) return output;
            Console.WriteLine($"  peer {Path.GetFileName(script)} not run ({error.Split('\n').LastOrDefault(l => l.Length > 0)}); install python3-sklearn python3-stemmer python3-gensim");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Console.WriteLine("  peers not run (no /usr/bin/python3)");
        }
        return null;
    }

    private static string Peak() => (Process.GetCurrentProcess().PeakWorkingSet64 / 1e6).ToString("0", CultureInfo.InvariantCulture);

    /// <summary>The stages, each run by <see cref="Child"/> in its own process.</summary>
    public static void Stage(string stage, string folder, string only = "")
    {
        var clock = Stopwatch.StartNew();
        var corpus = Corpus.Load(folder);
        var load = clock.Elapsed.TotalSeconds;
        switch (stage)
        {
            case "real-count" or "real-count-warm":
            {
                if (stage == "real-count-warm") _ = TermCounts.ByDocument(Corpus.Load(ProjectPaths.Data));
                clock.Restart();
                _ = GermanLexicon.Default;
                var lexicon = clock.Elapsed.TotalSeconds;
                var table = TokenTable.Of(corpus);
                var counts = TermCounts.ByDocument(corpus);
                var seconds = clock.Elapsed.TotalSeconds;
                // The measures notebook 01 computes from the counts.
                clock.Restart();
                _ = Measures.TfIdf(counts);
                _ = Measures.WeightedLogOdds(counts);
                _ = Measures.Keyness(counts, [counts.Groups.First()]);
                var measures = clock.Elapsed.TotalSeconds;
                var megabytes = corpus.Documents.Sum(d => (long)Encoding.UTF8.GetByteCount(d.Raw)) / 1e6;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{load:0.00} {seconds:0.00} {lexicon:0.00} {Peak()} {counts.Rows.Length} {megabytes:0.00} {corpus.Documents.Length} {measures:0.00}"));
                break;
            }
            case "real-lda":
            {
                // K = 20 on a seeded sample of 20,000 units (paragraphs) of the man pages; the same term lists for gensim.
                var documents = Analysis.Topics.TopicDocuments.FromCorpus(corpus).Sample(20_000, 1);
                var units = documents.Terms.Select(t => (IReadOnlyList<string>)t).ToList();
                double Npmi(IEnumerable<IReadOnlyList<string>> topics) => topics.Average(t => Analysis.Topics.Coherence.Npmi(t, units));
                clock.Restart();
                var full = Analysis.Topics.TopicModel.Fit(documents, new Analysis.Topics.TopicOptions { Topics = 20 });
                var fullSeconds = clock.Elapsed.TotalSeconds;
                var converged = Analysis.Topics.TopicModel.ConvergedIteration(full.TrainingLog, 0.01) ?? 300;
                clock.Restart();
                var fast = Analysis.Topics.TopicModel.Fit(documents, new Analysis.Topics.TopicOptions { Topics = 20, Iterations = converged });
                var fastSeconds = clock.Elapsed.TotalSeconds;
                // The option that trades cores and sampling steps for time (see bench topics-gold): 2 threads, 2 steps, 300 iterations.
                clock.Restart();
                var lean = Analysis.Topics.TopicModel.Fit(documents, new Analysis.Topics.TopicOptions { Topics = 20, Threads = 2, SamplingSteps = 2 });
                var leanSeconds = clock.Elapsed.TotalSeconds;
                var ours = $"LDA K = 20 on {documents.Units.Length:#,0} units ({documents.Vocabulary.Length:#,0} terms), mean NPMI of the top 10 by one scorer: " +
                           $"ML.NET 300 iterations {fullSeconds:0.0} s, NPMI {Npmi(Enumerable.Range(0, 20).Select(k => full.TopByProbability(k))):0.000}; " +
                           $"ML.NET {converged} iterations (converged) {fastSeconds:0.0} s, NPMI {Npmi(Enumerable.Range(0, 20).Select(k => fast.TopByProbability(k))):0.000}; " +
                           $"ML.NET 300 iterations, 2 threads, 2 sampling steps {leanSeconds:0.0} s, NPMI {Npmi(Enumerable.Range(0, 20).Select(k => lean.TopByProbability(k))):0.000}";
                var input = Path.GetTempFileName();
                var output = Path.GetTempFileName();
                try
                {
                    File.WriteAllLines(input, units.Select(u => string.Join(' ', u)));
                    var gensim = Python(Peer("lda_gensim.py"), input, "20", output);
                    if (gensim is not null)
                    {
                        var seconds = double.Parse(gensim, CultureInfo.InvariantCulture);
                        var topics = File.ReadAllLines(output).Select(l => (IReadOnlyList<string>)l.Split(' ')).ToList();
                        ours += $"; gensim LdaModel {seconds:0.0} s, NPMI {Npmi(topics):0.000}; ours (converged)/gensim time {fastSeconds / seconds:0.00}, ours (2 threads, 2 steps)/gensim {leanSeconds / seconds:0.00} (target <= 0.5)";
                    }
                }
                finally
                {
                    File.Delete(input);
                    File.Delete(output);
                }
                Console.WriteLine(ours + $"; peak working set {Peak()} MB");
                break;
            }
            case "real-sweep":
            {
                var documents = Analysis.Topics.TopicDocuments.FromCorpus(corpus);
                clock.Restart();
                var sweep = Analysis.Topics.TopicSweep.Run(documents);
                Console.WriteLine($"topic sweep on {corpus.Documents.Length:#,0} documents ({documents.Units.Length:#,0} units, {(sweep.Sampled ? $"a sample of {sweep.FittedUnits:#,0}" : "all")} fitted): " +
                                  $"{sweep.Fits} fits of {sweep.Iterations} iterations on {Environment.ProcessorCount} cores in {clock.Elapsed.TotalSeconds:0.0} s (target <= 60 s); peak working set {Peak()} MB");
                break;
            }
            case "real-notebooks":
            {
                // Every notebook of the repository on this corpus, as a user would run them after `corpus add`.
                var dir = Directory.CreateTempSubdirectory("bench-notebooks").FullName;
                try
                {
                    Directory.CreateDirectory(Path.Combine(dir, "notebooks"));
                    Directory.CreateSymbolicLink(Path.Combine(dir, "data"), Path.GetFullPath(folder));
                    var lines = new List<string>();
                    clock.Restart();
                    // A third argument runs only the notebooks whose name starts with it ("00").
                    foreach (var source in Directory.GetFiles(Path.Combine(ProjectPaths.Root, "notebooks"), only + "*.ipynb").Order(StringComparer.Ordinal))
                    {
                        var path = Path.Combine(dir, "notebooks", Path.GetFileName(source));
                        File.Copy(source, path);
                        var notebook = NotebookFile.Load(path);
                        // In a process of its own, as `run` runs it: its peak is its own, and its memory is returned when it ends.
                        // A cell may take an hour: notebook 02's final fit on 104,507 documents took more than the 20 minutes allowed before.
                        var result = Notebooks.Cli.IsolatedRun.RunAsync(notebook, 60 * 60, (Notebooks.Engine.OutputCollector.DefaultMaxStreamChars, NotebookRunner.DefaultMaxNotebookOutput), null, null, CancellationToken.None).GetAwaiter().GetResult();
                        notebook.Save();
                        lines.Add($"{notebook.Name} {result.Duration.TotalSeconds:0} s, peak {(result.PeakBytes ?? 0) / 1048576:#,0} MB, {new FileInfo(path).Length / 1e6:0.00} MB{(result.Succeeded ? "" : $", FAILED at cell {result.FailedCell + 1}: {result.Error!.Value}")}");
                        // With NOTEBOOKS_PROFILE_MEMORY=1: each code cell's time, peak resident and retained managed memory.
                        if (result.CellMemory.Count > 0)
                            Console.Error.WriteLine($"  {notebook.Name} by code cell (s / peak MB / retained MB): " + string.Join("; ", result.CellMemory.Select((m, i) =>
                                $"{i + 1}: {result.CellDurations[i].TotalSeconds:0.0} / {m.PeakBytes / 1048576:#,0} / {m.RetainedBytes / 1048576:#,0}")));
                    }
                    Console.WriteLine($"all notebooks on {corpus.Documents.Length:#,0} documents: {clock.Elapsed.TotalSeconds:0} s (target <= 300 s); each notebook in its own process, one after another, peak of this process {Peak()} MB; {string.Join("; ", lines)}");
                }
                finally
                {
                    Directory.Delete(dir, true);
                }
                break;
            }
        }
    }
}

static class ScaleBench
{
    /// <summary>
    /// The growth curve: the corpus at 1×, 4× and 16× its size (copy c &gt; 0 of document i is document i followed by another
    /// real document chosen by c, so every document stays distinct), each size in a fresh process: load, token table and
    /// counts, the measures, the Parquet files and the streamed count from them; wall time, peak memory and bytes per token.
    /// With --notebooks, every notebook on each size as well (each in its own process, as <c>run</c> runs them).
    /// </summary>
    public static void Run(string folder, string factors, bool notebooks)
    {
        if (!File.Exists(Path.Combine(folder, "corpus.json"))) { Console.WriteLine($"scale: no corpus in {folder}; build it with bench/corpus/build.sh"); return; }
        foreach (var factor in factors.Split(',').Select(f => int.Parse(f, CultureInfo.InvariantCulture)))
        {
            var data = factor == 1 ? folder : Generate(folder, factor);
            Console.WriteLine($"scale {factor}x: " + Child("scale-stage", data));
            if (notebooks) Console.WriteLine($"scale {factor}x: " + Child("real-notebooks", data));
        }
    }

    private static string Child(string stage, string folder)
    {
        using var child = Process.Start(RealTextBench.SelfStart(stage, folder))!;
        var output = child.StandardOutput.ReadToEnd().Trim().Split('\n').LastOrDefault() ?? "";
        child.WaitForExit();
        return child.ExitCode == 0 ? output : $"{stage} failed (exit code {child.ExitCode}): {output}";
    }

    /// <summary>A data folder beside the corpus with <paramref name="factor"/> times its documents (rebuilt only when missing).</summary>
    private static string Generate(string folder, int factor)
    {
        var target = $"{folder.TrimEnd('/')}-{factor}x";
        if (File.Exists(Path.Combine(target, "corpus.json"))) return target;
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "corpus.json")))!["documents"]!.AsArray();
        var entries = manifest.Select(e => (Id: e!["id"]!.GetValue<string>(), File: e["file"]!.GetValue<string>(), Title: e["title"]?.GetValue<string>() ?? "")).ToList();
        var texts = entries.Select(e => File.ReadAllText(Path.Combine(folder, "raw", e.File))).ToList();
        var building = target + ".partial";
        if (Directory.Exists(building)) Directory.Delete(building, true);
        Directory.CreateDirectory(Path.Combine(building, "raw"));
        var documents = new System.Text.Json.Nodes.JsonArray();
        for (var c = 0; c < factor; c++)
            for (var i = 0; i < entries.Count; i++)
            {
                var id = $"{entries[i].Id}x{c:00}";
                var other = (int)(((long)i * 31 + (long)c * 7919) % entries.Count);
                File.WriteAllText(Path.Combine(building, "raw", id + ".txt"), c == 0 ? texts[i] : texts[i].TrimEnd() + "\n\n" + texts[other]);
                documents.Add(new System.Text.Json.Nodes.JsonObject { ["id"] = id, ["file"] = id + ".txt", ["title"] = entries[i].Title, ["genre"] = "man page section", ["language"] = "de", ["profile"] = "generic" });
            }
        File.WriteAllText(Path.Combine(building, "corpus.json"), new System.Text.Json.Nodes.JsonObject { ["documents"] = documents }.ToJsonString());
        File.WriteAllText(Path.Combine(building, "figures.csv"), "id,document,quote,offset,value,unit,measure,period,entity,kind,note\n");
        File.WriteAllText(Path.Combine(building, "figures-ignored.csv"), "document,offset,text,reason\n");
        Directory.Move(building, target);
        return target;
    }

    /// <summary>One size, in a fresh process: each step's seconds, then peak memory and bytes per token.</summary>
    public static void Stage(string folder)
    {
        var clock = Stopwatch.StartNew();
        var steps = new List<string>();
        void Step(string name) { steps.Add($"{name} {clock.Elapsed.TotalSeconds:0.0} s"); clock.Restart(); }
        var corpus = Corpus.Load(folder);
        Step("load");
        var table = TokenTable.Of(corpus);
        var counts = TermCounts.ByDocument(corpus);
        Step("token table + counts");
        _ = Measures.TfIdf(counts);
        _ = Measures.WeightedLogOdds(counts);
        Step("tf-idf + log-odds");
        // The analysis's own peak, before the Parquet steps (reading the table back and DuckDB's native memory add theirs).
        var analysisPeak = Process.GetCurrentProcess().PeakWorkingSet64;
        var retained = GC.GetTotalMemory(forceFullCollection: true);
        var parquet = Path.Combine(Path.GetTempPath(), "scale-parquet-" + Guid.NewGuid().ToString("N"));
        try
        {
            clock.Restart();
            TokenParquet.Write(table, parquet);
            Step("Parquet write");
            if (TokenParquet.Read(parquet, corpus.Units()).Count != table.Count) throw new InvalidOperationException("the table read back has another number of tokens");
            Step("Parquet read");
            var streamed = TokenParquet.Count(parquet, u => u.IsComment ? null : u.DocumentId);
            Step("streamed count");
            if (!streamed.Rows.SequenceEqual(counts.Rows)) throw new InvalidOperationException("the streamed count differs from the count in memory");
            // The README's query, by DuckDB over the same files: the same (document, key, n) rows as TermCounts.
            using (var duck = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:"))
            {
                duck.Open();
                using var query = duck.CreateCommand();
                query.CommandText = TokenParquet.CountsSql(parquet);
                var fromSql = new List<(string, string, int)>();
                using (var reader = query.ExecuteReader())
                    while (reader.Read()) fromSql.Add((reader.GetString(0), reader.GetString(1), (int)reader.GetInt64(2)));
                if (!fromSql.Order().SequenceEqual(counts.Rows.Select(r => (r.Group, r.Term, r.N)).Order()))
                    throw new InvalidOperationException("DuckDB's counts over the Parquet files differ from TermCounts");
                Step($"DuckDB query ({fromSql.Count:#,0} rows, equal to TermCounts)");
            }
            var megabytes = corpus.Documents.Sum(d => (long)Encoding.UTF8.GetByteCount(d.Raw)) / 1e6;
            var files = Directory.GetFiles(parquet).Sum(f => new FileInfo(f).Length) / 1e6;
            var peak = Process.GetCurrentProcess().PeakWorkingSet64;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{corpus.Documents.Length:#,0} documents, {megabytes:0.0} MB, {table.Count:#,0} tokens: {string.Join(", ", steps)}; peak up to the measures {analysisPeak / 1048576:#,0} MB = {(double)analysisPeak / table.Count:0} bytes per token, with the Parquet steps {peak / 1048576:#,0} MB; " +
                $"managed heap after the counts {retained / 1048576:#,0} MB = {(double)retained / table.Count:0} bytes per token; Parquet {files:0.0} MB ({files * 1e6 / table.Count:0.0} bytes per token)"));
        }
        finally
        {
            if (Directory.Exists(parquet)) Directory.Delete(parquet, true);
        }
    }
}
