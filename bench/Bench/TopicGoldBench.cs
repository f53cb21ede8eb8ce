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
        clock.Restart();
        var model = TopicModel.Fit(documents, new TopicOptions { Topics = labels, Iterations = 300 });
        var fit = clock.Elapsed.TotalSeconds;
        var converged = TopicModel.ConvergedIteration(model.TrainingLog, 0.01);
        var dominant = model.Theta.Select(t => Array.IndexOf(t, t.Max())).ToList();
        // The final fit as notebook 02 makes it: as many iterations as a pilot fit needed to come within 1 % of its best
        // likelihood (here the 300-iteration fit above is the pilot, as the sweep's pilot is a full-length fit).
        var finalIterations = converged ?? 300;
        clock.Restart();
        var final = TopicModel.Fit(documents, new TopicOptions { Topics = labels, Iterations = finalIterations });
        var finalFit = clock.Elapsed.TotalSeconds;
        var finalDominant = final.Theta.Select(t => Array.IndexOf(t, t.Max())).ToList();
        var dir = Directory.CreateTempSubdirectory("topics-gold").FullName;
        try
        {
            File.WriteAllLines(Path.Combine(dir, "terms.txt"), documents.Terms.Select(t => string.Join(' ', t)));
            File.WriteAllLines(Path.Combine(dir, "labels.txt"), kept.Select(i => rows[i].Label));
            File.WriteAllLines(Path.Combine(dir, "ours.txt"), dominant.Select(d => d.ToString(CultureInfo.InvariantCulture)));
            File.WriteAllLines(Path.Combine(dir, "final.txt"), finalDominant.Select(d => d.ToString(CultureInfo.InvariantCulture)));
            var script = Path.Combine(ProjectPaths.Root, "bench", "peers", "topics_gold.py");
            using var python = Process.Start(new ProcessStartInfo("/usr/bin/python3", [script, Path.Combine(dir, "terms.txt"), Path.Combine(dir, "labels.txt"), Path.Combine(dir, "ours.txt") + "," + Path.Combine(dir, "final.txt"),
                labels.ToString(CultureInfo.InvariantCulture)]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = python.StandardOutput.ReadToEnd();
            var error = python.StandardError.ReadToEnd();
            python.WaitForExit();
            var scoring = documents.Terms.Select(t => (IReadOnlyList<string>)t).ToList();
            double Npmi(IEnumerable<IReadOnlyList<string>> tops) => tops.Average(t => Coherence.Npmi(t, scoring));
            var ours = Npmi(Enumerable.Range(0, model.K).Select(t => model.TopByProbability(t, 10)));
            var finalNpmi = Npmi(Enumerable.Range(0, final.K).Select(t => final.TopByProbability(t, 10)));
            Console.WriteLine($"topics-gold: {Path.GetFileName(file)}, {rows.Count} articles, {labels} labels, {documents.Units.Length} documents with terms, {documents.Vocabulary.Length:N0} terms in at least {minUnits} documents (token table + terms {prepare:0.0} s)");
            Console.WriteLine("  | model | fit (s) | NMI | ARI | mean NPMI of top 10 |");
            Console.WriteLine("  | --- | ---: | ---: | ---: | ---: |");
            if (python.ExitCode != 0) { Console.WriteLine($"  peers not run: {error.Split('\n').LastOrDefault(l => l.Length > 0)}"); return; }
            using var json = JsonDocument.Parse(output);
            var r = json.RootElement;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  | this repository: ML.NET LightLDA, 300 iterations (within 1 % of its best likelihood at {converged?.ToString(CultureInfo.InvariantCulture) ?? "-"}) | {fit:0.0} | {r.GetProperty("ours")[0].GetProperty("nmi").GetDouble():0.000} | {r.GetProperty("ours")[0].GetProperty("ari").GetDouble():0.000} | {ours:0.000} |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  | this repository, final fit at the converged count: {finalIterations} iterations | {finalFit:0.0} | {r.GetProperty("ours")[1].GetProperty("nmi").GetDouble():0.000} | {r.GetProperty("ours")[1].GetProperty("ari").GetDouble():0.000} | {finalNpmi:0.000} |"));
            foreach (var (name, label) in new[] { ("sklearn", "scikit-learn LatentDirichletAllocation (batch, 50 iterations)"), ("gensim", "gensim LdaModel (10 passes)") })
            {
                var peer = r.GetProperty(name);
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
