using System.Collections.Immutable;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Analysis.Topics;

/// <summary>
/// LDA settings. <see cref="AlphaSum"/> 1 gives α = 1/K per topic: short units (a paragraph, a comment) are
/// about one or two things, and ML.NET's default of 100 (α = 100/K) would spread every unit over all topics.
/// <see cref="Beta"/> 0.01 is the usual sparse prior on words (also ML.NET's default). <see cref="Order"/>:
/// 0 is the corpus order, any other value a seeded permutation of the units.
/// </summary>
public sealed record TopicOptions
{
    public int Topics { get; init; } = 6;
    public float AlphaSum { get; init; } = 1f;
    public float Beta { get; init; } = 0.01f;
    public int Iterations { get; init; } = 300;
    public int BurnIn { get; init; } = 20;
    public int Order { get; init; }

    /// <summary>
    /// θ is the mean over this many fits (this order and the next ones), each fit's topics matched to this fit's by the
    /// cosine of their word distributions: a mean over samples rather than one sampler state (whose shares are small
    /// fractions such as 3/7). φ stays this fit's. 1 = one fit.
    /// </summary>
    public int Samples { get; init; } = 1;

    /// <summary>
    /// Threads of one LightLDA fit. The fit depends on this number, not on the machine's cores: measured on 10kGNAD, 4 threads
    /// gave the same θ, bit for bit, pinned to one core as on two, run after run, and so did 2; 1, 2 and 4 threads give three
    /// different fits. 1 keeps the fits of earlier runs.
    /// </summary>
    public int Threads { get; init; } = 1;

    /// <summary>
    /// Metropolis–Hastings steps per token and iteration of LightLDA (ML.NET's default, 4). A fit's time grows with it: on
    /// 10kGNAD (<c>bench topics-gold</c>, ten unit orders) 2 steps took 0.57 to 0.61 of the time of 4; on 2 threads with no
    /// detectable change of NMI or NPMI, on 1 thread with NMI 0.028 lower on average. 4 keeps the fits of earlier runs.
    /// </summary>
    public int SamplingSteps { get; init; } = 4;
}

/// <summary>
/// A fitted topic model: topic-word distributions φ (K × V, rows sum to 1) and unit-topic distributions θ
/// (units × K, in the corpus order of <see cref="TopicDocuments.Units"/>), both read from ML.NET's fitted LDA.
/// </summary>
public sealed partial class TopicModel
{
    private TopicModel(TopicDocuments documents, TopicOptions options, double[][] phi, double[][] theta, string log)
    {
        Documents = documents;
        Options = options;
        Phi = phi;
        Theta = theta;
        TrainingLog = log;
        _marginal = Marginal(documents);
        var lengths = documents.Terms.Select(t => (double)t.Length).ToArray();
        var total = lengths.Sum();
        Prevalence = [.. Enumerable.Range(0, K).Select(k => Enumerable.Range(0, theta.Length).Sum(u => theta[u][k] * lengths[u]) / total)];
    }

    private readonly double[] _marginal;

    public TopicDocuments Documents { get; }
    public TopicOptions Options { get; }
    public int K => Options.Topics;
    public double[][] Phi { get; }
    public double[][] Theta { get; }
    /// <summary>Share of all terms assigned to each topic (θ weighted by unit length).</summary>
    public ImmutableArray<double> Prevalence { get; }
    /// <summary>What LightLDA printed while training (captured at the file-descriptor level); with <see cref="TopicOptions.Samples"/> &gt; 1, whose fits run at once, the lines of every sample.</summary>
    public string TrainingLog { get; }

    public static TopicModel Fit(TopicDocuments documents, TopicOptions? options = null)
    {
        options ??= new TopicOptions();
        if (options.Samples <= 1) return FitOne(documents, options);
        // Other orders are other samples, fitted at once, one per core: each fit is single-threaded with its own reset
        // generator, so the fits, and the mean below, are the same for any number of cores. Their topics are matched to the
        // first fit's, greedily by cosine of φ, best pair first.
        var fits = new TopicModel[options.Samples];
        Parallel.For(0, options.Samples, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            s => fits[s] = FitOne(documents, s == 0 ? options : options with { Order = options.Order + s }));
        var first = fits[0];
        var theta = first.Theta.Select(r => (double[])r.Clone()).ToArray();
        var agreement = new List<double>();
        for (var s = 1; s < options.Samples; s++)
        {
            var other = fits[s];
            var pairs = (from a in Enumerable.Range(0, first.K) from b in Enumerable.Range(0, first.K) select (a, b, Cosine(first.Phi[a], other.Phi[b])))
                .OrderByDescending(p => p.Item3).ThenBy(p => p.a).ThenBy(p => p.b).ToList();
            var match = new int[first.K];
            var (usedA, usedB) = (new bool[first.K], new bool[first.K]);
            foreach (var (a, b, cosine) in pairs)
            {
                if (usedA[a] || usedB[b]) continue;
                (usedA[a], usedB[b], match[a]) = (true, true, b);
                agreement.Add(cosine);
            }
            for (var u = 0; u < theta.Length; u++)
                for (var t = 0; t < first.K; t++) theta[u][t] += other.Theta[u][match[t]];
        }
        foreach (var row in theta)
            for (var t = 0; t < row.Length; t++) row[t] /= options.Samples;
        return new TopicModel(documents, options, first.Phi, theta, first.TrainingLog) { SampleAgreement = agreement.Average() };
    }

    /// <summary>With <see cref="TopicOptions.Samples"/> &gt; 1: the mean cosine between matched topics of the fits (1 = the same topics).</summary>
    public double? SampleAgreement { get; private init; }

    private static double Cosine(double[] x, double[] y)
    {
        double dot = 0, nx = 0, ny = 0;
        for (var i = 0; i < x.Length; i++) { dot += x[i] * y[i]; nx += x[i] * x[i]; ny += y[i] * y[i]; }
        return nx == 0 || ny == 0 ? 0 : dot / Math.Sqrt(nx * ny);
    }

    private static TopicModel FitOne(TopicDocuments documents, TopicOptions options)
    {
        var vocabulary = documents.Vocabulary;
        if (options.Topics < 2) throw new ArgumentOutOfRangeException(nameof(options), options.Topics, "A topic model needs at least 2 topics.");
        if (options.Threads < 1) throw new ArgumentOutOfRangeException(nameof(options), options.Threads, "A topic model needs at least 1 thread.");
        if (options.SamplingSteps < 1) throw new ArgumentOutOfRangeException(nameof(options), options.SamplingSteps, "A topic model needs at least 1 sampling step.");
        if (options.Topics > vocabulary.Length)
            throw new ArgumentException($"{options.Topics} topics but only {vocabulary.Length} terms in the vocabulary (terms in at least {documents.MinUnits} units): choose K ≤ {vocabulary.Length}.", nameof(options));

        var order = TopicDocuments.Order(documents.Units.Length, options.Order);
        var ml = new MLContext(seed: 1);
        var rows = order.Select(i => new UnitTerms { Terms = [.. documents.Terms[i]] }).ToList();
        var data = ml.Data.LoadFromEnumerable(rows);
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Keys", nameof(UnitTerms.Terms))
            .Append(ml.Transforms.Text.ProduceNgrams("Counts", "Keys", ngramLength: 1, useAllLengths: false))
            .Append(ml.Transforms.Text.LatentDirichletAllocation("Topics", "Counts",
                numberOfTopics: options.Topics,
                alphaSum: options.AlphaSum,
                beta: options.Beta,
                samplingStepCount: options.SamplingSteps,
                maximumNumberOfIterations: options.Iterations,
                numberOfBurninIterations: options.BurnIn,
                likelihoodInterval: 10,
                numberOfThreads: options.Threads,                     // the fit depends on it: an option, not the core count
                maximumTokenCountPerDocument: documents.LongestUnit,   // the default 512 would silently truncate
                numberOfSummaryTermsPerTopic: vocabulary.Length,       // the whole distribution, not a top-10
                resetRandomGenerator: true));

        // Progress from LightLDA's likelihood lines (every 10 iterations): a final fit on a million units runs for minutes.
        // The lines do not say which of several parallel fits wrote them, so the message names none.
        var fitting = $"topic model: K = {options.Topics}, {documents.Units.Length:#,0} units";
        WorkProgress.Report($"{fitting}: starting");
        void Progress(string lines)
        {
            var last = LikelihoodLine().Matches(lines).LastOrDefault();
            if (last is not null)
                WorkProgress.Report($"{fitting}: iteration {int.Parse(last.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)} of {options.Iterations}");
        }
        var (phi, theta) = NativeOutput.Capture(() =>
        {
            var model = pipeline.Fit(data);
            var details = model.LastTransformer.GetLdaDetails(0);
            var index = vocabulary.Select((w, i) => (w, i)).ToDictionary(x => x.w, x => x.i, StringComparer.Ordinal);
            var phi = details.WordScoresPerTopic.Select(topic =>
            {
                var row = new double[vocabulary.Length];
                foreach (var s in topic) row[index[s.Word]] += s.Score;
                return Normalize(row);
            }).ToArray();
            var transformed = ml.Data.CreateEnumerable<UnitTopics>(model.Transform(data), reuseRowObject: false).ToList();
            var theta = new double[order.Length][];
            for (var r = 0; r < order.Length; r++) theta[order[r]] = Normalize([.. transformed[r].Topics.Select(v => (double)v)]);
            return (phi, theta);
        }, out var log, Progress);
        return new TopicModel(documents, options, phi, theta, log);
    }

    /// <summary>
    /// The first iteration at which the log-likelihood LightLDA logged (every 10 iterations) came within
    /// <paramref name="tolerance"/> (a share, e.g. 0.01) of the best value of the whole fit; null without a log.
    /// The sampler's likelihood is noisy, so "within 1 % of the best" marks where it stops climbing.
    /// </summary>
    public static int? ConvergedIteration(string trainingLog, double tolerance)
    {
        var points = LikelihoodLine().Matches(trainingLog)
            .Select(m => (Iteration: int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                          Value: double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        if (points.Count == 0) return null;
        var best = points.Max(p => p.Value);
        return points.First(p => p.Value >= best - tolerance * Math.Abs(best)).Iteration;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"loglikelihood @iter(\d+) = (-?[\d.]+(?:e[-+]?\d+)?)")]
    private static partial System.Text.RegularExpressions.Regex LikelihoodLine();

    private static double[] Normalize(double[] row)
    {
        var sum = row.Sum();
        if (sum <= 0) return [.. row.Select(_ => 1.0 / row.Length)];
        return [.. row.Select(v => v / sum)];
    }

    /// <summary>
    /// Terms of a topic ranked by relevance (Sievert &amp; Shirley 2014): λ log φ_kw + (1 − λ) log(φ_kw / p_w), with
    /// p_w the term's share of all kept terms. λ = 1 ranks by probability, lower λ favours terms exclusive to the topic.
    /// </summary>
    public IReadOnlyList<(string Term, string Surface, double Relevance, double Probability)> TopTerms(int topic, int n = 10, double lambda = 0.6)
    {
        var marginal = _marginal;
        return [.. Enumerable.Range(0, Documents.Vocabulary.Length)
            .Where(w => Phi[topic][w] > 0)
            .Select(w => (Term: Documents.Vocabulary[w], Relevance: lambda * Math.Log(Phi[topic][w]) + (1 - lambda) * Math.Log(Phi[topic][w] / marginal[w]), P: Phi[topic][w]))
            .OrderByDescending(x => x.Relevance).ThenBy(x => x.Term, StringComparer.Ordinal)
            .Take(n)
            .Select(x => (x.Term, Documents.Surface(x.Term), x.Relevance, x.P))];
    }

    /// <summary>The top-n terms by probability φ (ties: term order), as coherence and stability use them.</summary>
    public IReadOnlyList<string> TopByProbability(int topic, int n = 10) =>
        [.. Enumerable.Range(0, Documents.Vocabulary.Length).OrderByDescending(w => Phi[topic][w]).ThenBy(w => Documents.Vocabulary[w], StringComparer.Ordinal)
            .Take(n).Select(w => Documents.Vocabulary[w])];

    /// <summary>A short label: the three most relevant terms.</summary>
    public string Label(int topic) => $"T{topic + 1}: " + string.Join(" · ", TopTerms(topic, 3).Select(t => t.Surface));

    /// <summary>
    /// The units most typical of a topic: highest θ (ties: corpus order), among units with at least
    /// <paramref name="minTerms"/> terms. A heading of three terms gets θ near 1 for some topic by chance.
    /// </summary>
    public IReadOnlyList<(ITextUnit Unit, double Share)> Typical(int topic, int n = 3, int minTerms = 8) =>
        [.. Enumerable.Range(0, Theta.Length).Where(u => Documents.Terms[u].Length >= minTerms)
            .OrderByDescending(u => Theta[u][topic]).ThenBy(u => u).Take(n).Select(u => (Documents.Units[u], Theta[u][topic]))];

    /// <summary>p(w): each term's share of all kept terms.</summary>
    private static double[] Marginal(TopicDocuments documents)
    {
        var counts = new double[documents.Vocabulary.Length];
        var index = documents.Vocabulary.Select((w, i) => (w, i)).ToDictionary(x => x.w, x => x.i, StringComparer.Ordinal);
        foreach (var terms in documents.Terms)
            foreach (var t in terms) counts[index[t]]++;
        var total = counts.Sum();
        return [.. counts.Select(c => c / total)];
    }

    private sealed class UnitTerms
    {
        public string[] Terms { get; set; } = [];
    }

    private sealed class UnitTopics
    {
        [VectorType]
        public float[] Topics { get; set; } = [];
    }
}
