using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Analysis;
using Analysis.Text;
using Analysis.Topics;

/// <summary>
/// Topic recovery on labelled German news (bench/gold/10kgnad.sh fetches the 10kGNAD test split): each article one
/// document, through the public token table and TopicDocuments; LDA with K = the number of labels; the dominant topic
/// of each article against its desk label (NMI, ARI), and the mean NPMI of the top 10 terms (one scorer for all), for
/// this repository's model and for scikit-learn's and gensim's LDA on the same term lists, with fit times, in one run.
/// </summary>
static class TopicGoldBench
{
    public static void Run(string file, int minUnits)
    {
        if (!File.Exists(file)) { Console.WriteLine($"topics-gold: no file {file}; fetch it with bench/gold/10kgnad.sh"); return; }
        var rows = File.ReadLines(file).Where(l => l.Contains(';')).Select(l =>
        {
            var cut = l.IndexOf(';');
            var text = l[(cut + 1)..].Trim();
            if (text.Length >= 2 && text[0] == '\'' && text[^1] == '\'') text = text[1..^1];
            return (Label: l[..cut], Text: text.Replace("''", "'"));
        }).ToList();
        var units = rows.Select((r, i) => (ITextUnit)new Paragraph($"g/{i + 1}", $"g{i + 1}", 1, ParagraphKind.Body, new TextSpan(0, r.Text.Length),
            SourcedText.FromRaw(r.Text, 0, r.Text.Length))).ToImmutableArray();
        var clock = Stopwatch.StartNew();
        var documents = TopicDocuments.Prepare(TokenTable.Of(units), minUnits);
        var prepare = clock.Elapsed.TotalSeconds;
        var labels = rows.Select(r => r.Label).Distinct().Count();
        var kept = documents.Units.Select(u => int.Parse(u.Id[2..], CultureInfo.InvariantCulture) - 1).ToList();
        // Order 0 at 300 iterations is the pilot; the final fit as notebook 02 makes it uses as many iterations as the pilot
        // needed to come within 1 % of its best likelihood. One fit is one draw: both counts also on unit orders 1 and 2.
        // With 2 threads (TopicOptions.Threads) as well: a fit that depends on the thread count, not on the machine.
        var fits = new List<(string Name, TopicModel Model, double Seconds)>();
        (TopicModel, double) Fit(int iterations, int order, int threads)
        {
            clock.Restart();
            var fitted = TopicModel.Fit(documents, new TopicOptions { Topics = labels, Iterations = iterations, Order = order, Threads = threads });
            return (fitted, clock.Elapsed.TotalSeconds);
        }
        var (pilot, pilotSeconds) = Fit(300, 0, 1);
        var converged = TopicModel.ConvergedIteration(pilot.TrainingLog, 0.01) ?? 300;
        fits.Add(($"1 thread, 300 iterations, unit order 0 (within 1 % of its best likelihood at {converged})", pilot, pilotSeconds));
        foreach (var (iterations, order, threads) in new[] { (converged, 0, 1), (300, 1, 1), (converged, 1, 1), (300, 2, 1), (converged, 2, 1),
                     (300, 0, 2), (converged, 0, 2), (300, 1, 2), (converged, 1, 2), (300, 2, 2), (converged, 2, 2) })
        {
            var (model, seconds) = Fit(iterations, order, threads);
            fits.Add(($"{threads} thread{(threads > 1 ? "s" : "")}, {iterations} iterations{(iterations == converged ? " (the converged count)" : "")}, unit order {order}", model, seconds));
        }
        var dir = Directory.CreateTempSubdirectory("topics-gold").FullName;
        try
        {
            File.WriteAllLines(Path.Combine(dir, "terms.txt"), documents.Terms.Select(t => string.Join(' ', t)));
            File.WriteAllLines(Path.Combine(dir, "labels.txt"), kept.Select(i => rows[i].Label));
            var ourFiles = fits.Select((f, i) =>
            {
                var path = Path.Combine(dir, $"ours{i}.txt");
                File.WriteAllLines(path, f.Model.Theta.Select(t => Array.IndexOf(t, t.Max()).ToString(CultureInfo.InvariantCulture)));
                return path;
            }).ToList();
            var script = Path.Combine(ProjectPaths.Root, "bench", "peers", "topics_gold.py");
            using var python = Process.Start(new ProcessStartInfo("/usr/bin/python3", [script, Path.Combine(dir, "terms.txt"), Path.Combine(dir, "labels.txt"), string.Join(',', ourFiles),
                labels.ToString(CultureInfo.InvariantCulture)]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = python.StandardOutput.ReadToEnd();
            var error = python.StandardError.ReadToEnd();
            python.WaitForExit();
            var scoring = documents.Terms.Select(t => (IReadOnlyList<string>)t).ToList();
            double Npmi(IEnumerable<IReadOnlyList<string>> tops) => tops.Average(t => Coherence.Npmi(t, scoring));
            Console.WriteLine($"topics-gold: {Path.GetFileName(file)}, {rows.Count} articles, {labels} labels, {documents.Units.Length} documents with terms, {documents.Vocabulary.Length:N0} terms in at least {minUnits} documents (token table + terms {prepare:0.0} s)");
            Console.WriteLine("  | model | fit (s) | NMI | ARI | mean NPMI of top 10 |");
            Console.WriteLine("  | --- | ---: | ---: | ---: | ---: |");
            if (python.ExitCode != 0) { Console.WriteLine($"  peers not run: {error.Split('\n').LastOrDefault(l => l.Length > 0)}"); return; }
            using var json = JsonDocument.Parse(output);
            var r = json.RootElement;
            for (var i = 0; i < fits.Count; i++)
            {
                var (name, model, seconds) = fits[i];
                var score = r.GetProperty("ours")[i];
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  | this repository: ML.NET LightLDA, {name} | {seconds:0.0} | {score.GetProperty("nmi").GetDouble():0.000} | {score.GetProperty("ari").GetDouble():0.000} | {Npmi(Enumerable.Range(0, model.K).Select(t => model.TopByProbability(t, 10))):0.000} |"));
            }
            foreach (var peer in new[] { "sklearn", "gensim" }.SelectMany(name => r.GetProperty(name).EnumerateArray()))
            {
                var label = peer.GetProperty("label").GetString();
                var tops = peer.GetProperty("top").EnumerateArray().Select(t => (IReadOnlyList<string>)[.. t.EnumerateArray().Select(w => w.GetString()!)]);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  | {label} | {peer.GetProperty("seconds").GetDouble():0.0} | {peer.GetProperty("nmi").GetDouble():0.000} | {peer.GetProperty("ari").GetDouble():0.000} | {Npmi(tops):0.000} |"));
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
