using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Analysis;
using Analysis.Text;
using Analysis.Topics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

/// <summary>
/// Topic recovery on labelled German news (bench/gold/10kgnad.sh fetches the 10kGNAD test split): each article one
/// document, through the public token table and TopicDocuments; LDA with K = the number of labels; the dominant topic
/// of each article against its desk label (NMI, ARI), and the mean NPMI of the top 10 terms (one scorer for all), for
/// this repository's model and for scikit-learn's and gensim's LDA on the same term lists, with fit times, in one run;
/// each model over several draws (unit orders, seeds), reported as a mean with its 95 % interval.
/// </summary>
static class TopicGoldBench
{
    public static void Run(string file, int minUnits, int draws)
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
        // One fit is one draw: every configuration on unit orders 0 … draws − 1, the peers on as many seeds, and each reported
        // as a mean with its 95 % interval. The configurations: notebook 02's (1 thread, LightLDA's 4 sampling steps), and the
        // two options that trade cores or sampling steps for time (TopicOptions.Threads, TopicOptions.SamplingSteps); all at
        // 300 iterations. Fits depend on the thread count, not on the machine.
        var configurations = new[] { (Threads: 1, Steps: 4), (Threads: 1, Steps: 2), (Threads: 2, Steps: 4), (Threads: 2, Steps: 2) };
        var fits = new List<(string Name, TopicModel Model, double Seconds)>();
        foreach (var (threads, steps) in configurations)
            for (var order = 0; order < draws; order++)
            {
                clock.Restart();
                var model = TopicModel.Fit(documents, new TopicOptions { Topics = labels, Iterations = 300, Order = order, Threads = threads, SamplingSteps = steps });
                fits.Add(($"this repository: ML.NET LightLDA, 300 iterations, {threads} thread{(threads > 1 ? "s" : "")}, {steps} sampling steps", model, clock.Elapsed.TotalSeconds));
                Console.Error.Write('.');
            }
        Console.Error.WriteLine();
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
                labels.ToString(CultureInfo.InvariantCulture), draws.ToString(CultureInfo.InvariantCulture)]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = python.StandardOutput.ReadToEnd();
            var error = python.StandardError.ReadToEnd();
            python.WaitForExit();
            var scoring = documents.Terms.Select(t => (IReadOnlyList<string>)t).ToList();
            double Npmi(IEnumerable<IReadOnlyList<string>> tops) => tops.Average(t => Coherence.Npmi(t, scoring));
            Console.WriteLine($"topics-gold: {Path.GetFileName(file)}, {rows.Count} articles, {labels} labels, {documents.Units.Length} documents with terms, {documents.Vocabulary.Length:N0} terms in at least {minUnits} documents (token table + terms {prepare:0.0} s); {draws} draws of each model");
            if (python.ExitCode != 0) { Console.WriteLine($"  peers not run: {error.Split('\n').LastOrDefault(l => l.Length > 0)}"); return; }
            using var json = JsonDocument.Parse(output);
            var r = json.RootElement;
            var draw = new List<Draw>();
            for (var i = 0; i < fits.Count; i++)
            {
                var score = r.GetProperty("ours")[i];
                draw.Add(new Draw(fits[i].Name, fits[i].Seconds, score.GetProperty("nmi").GetDouble(), score.GetProperty("ari").GetDouble(),
                    Npmi(Enumerable.Range(0, fits[i].Model.K).Select(t => fits[i].Model.TopByProbability(t, 10)))));
            }
            foreach (var peer in new[] { "sklearn", "gensim" }.SelectMany(name => r.GetProperty(name).EnumerateArray()))
            {
                var tops = peer.GetProperty("top").EnumerateArray().Select(t => (IReadOnlyList<string>)[.. t.EnumerateArray().Select(w => w.GetString()!)]);
                draw.Add(new Draw(peer.GetProperty("label").GetString()!, peer.GetProperty("seconds").GetDouble(), peer.GetProperty("nmi").GetDouble(),
                    peer.GetProperty("ari").GetDouble(), Npmi(tops)));
            }
            var models = draw.GroupBy(d => d.Model).ToList();
            Console.WriteLine("  | model | draws | fit (s), median [min–max] | NMI, mean [95 % interval] | ARI, mean | mean NPMI of top 10, mean [95 % interval] |");
            Console.WriteLine("  | --- | ---: | ---: | ---: | ---: | ---: |");
            foreach (var model in models)
            {
                var seconds = model.Select(d => d.Seconds).ToArray();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  | {model.Key} | {seconds.Length} | {seconds.Median():0.00} [{seconds.Min():0.00}–{seconds.Max():0.00}] | {Interval(model.Select(d => d.Nmi).ToArray())} | {model.Average(d => d.Ari):0.000} | {Interval(model.Select(d => d.Npmi).ToArray())} |"));
            }
            // Each of our options against notebook 02's fit (the first configuration) and against the peer on one core: the time
            // ratio of the medians, and the differences of NMI and NPMI with Welch's intervals, simultaneous at 95 % over all the
            // differences printed (Bonferroni), so that no single one is read as a finding by chance.
            var peerDraws = models.FirstOrDefault(m => m.Key.StartsWith("scikit-learn", StringComparison.Ordinal) && !m.Key.Contains("jobs", StringComparison.Ordinal));
            var ours = models.Where(m => m.Key.StartsWith("this repository", StringComparison.Ordinal)).ToList();
            var pairs = ours.SelectMany(model => new[] { ours[0], peerDraws }.Where(o => o is not null && o != model).Select(other => (Model: model, Other: other!))).ToList();
            var level = 1 - 0.05 / (2 * pairs.Count);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  differences (this − other) with Welch intervals at {100 * level:0.00} % each, simultaneous 95 % over all {2 * pairs.Count} (Bonferroni):"));
            foreach (var (model, other) in pairs)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {model.Key} against {other.Key}: time {model.Select(d => d.Seconds).Median() / other.Select(d => d.Seconds).Median():0.00} of it; " +
                    $"NMI {Difference([.. model.Select(d => d.Nmi)], [.. other.Select(d => d.Nmi)], level)}, NPMI {Difference([.. model.Select(d => d.Npmi)], [.. other.Select(d => d.Npmi)], level)}"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private sealed record Draw(string Model, double Seconds, double Nmi, double Ari, double Npmi);

    /// <summary>Mean with its 95 % t interval ("0.349 [0.331, 0.367]"); one draw has no interval.</summary>
    private static string Interval(double[] x)
    {
        var mean = x.Average();
        if (x.Length < 2) return mean.ToString("0.000", CultureInfo.InvariantCulture);
        var half = StudentT.InvCDF(0, 1, x.Length - 1, 0.975) * x.StandardDeviation() / Math.Sqrt(x.Length);
        return string.Create(CultureInfo.InvariantCulture, $"{mean:0.000} [{mean - half:0.000}, {mean + half:0.000}]");
    }

    /// <summary>Difference of means a − b with Welch's interval at <paramref name="level"/> (unequal variances, Welch–Satterthwaite degrees of freedom).</summary>
    private static string Difference(double[] a, double[] b, double level)
    {
        if (a.Length < 2 || b.Length < 2) return "(needs two draws of each)";
        var (va, vb) = (a.Variance() / a.Length, b.Variance() / b.Length);
        var df = (va + vb) * (va + vb) / (va * va / (a.Length - 1) + vb * vb / (b.Length - 1));
        var half = StudentT.InvCDF(0, 1, df, 1 - (1 - level) / 2) * Math.Sqrt(va + vb);
        var d = a.Average() - b.Average();
        return string.Create(CultureInfo.InvariantCulture, $"{d:+0.000;-0.000} [{d - half:+0.000;-0.000}, {d + half:+0.000;-0.000}]");
    }
}
