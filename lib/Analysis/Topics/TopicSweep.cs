using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;

namespace Analysis.Topics;

/// <summary>One K of the sweep. No timings here: outputs must not change between runs (timings are in bench/).</summary>
public sealed record SweepRow(int K, double Npmi, double UMass, double Stability)
{
    /// <summary>
    /// Mean exclusivity of the top 10 words: for each, φ(w|t) / Σ_k φ(w|k), the share of the word's weight that its topic
    /// holds (1 = no other topic uses it); averaged over topics and fits. A further criterion beside coherence (Bischof &amp;
    /// Airoldi 2012; stm's FREX uses it): coherent topics of only the most frequent words score low.
    /// </summary>
    public double Exclusivity { get; init; }
}

/// <summary>One K of a sweep against the null sweep (shuffled units): stability and NPMI of both, and whether K beats it on both.</summary>
public sealed record NullComparison(int K, double Stability, double NullStability, double Npmi, double NullNpmi, bool BeatsNull)
{
    public double Exclusivity { get; init; }
    public double NullExclusivity { get; init; }
}

/// <summary>
/// Settings of a topic sweep. <see cref="SampleUnits"/>: above this many units the sweep fits a seeded sample of that
/// many (the final model is fitted on all units). <see cref="Tolerance"/>: fits stop after the iterations a pilot fit
/// needed to come within this share of its best log-likelihood. <see cref="Parallelism"/>: fits at once (null: one per
/// core); every fit is deterministic, so the result does not depend on it.
/// </summary>
public sealed record SweepOptions
{
    public ImmutableArray<int> Ks { get; init; } = [2, 3, 4, 5, 6, 7, 8, 9, 10];
    public ImmutableArray<int> Orders { get; init; } = [1, 2, 3];
    public int SampleUnits { get; init; } = 2_000;
    public int SampleSeed { get; init; } = 1;
    public double Tolerance { get; init; } = 0.01;
    public int? Parallelism { get; init; }
    public TopicOptions Model { get; init; } = new();
}

/// <summary>
/// What a sweep did and found: a row per K; the iterations every fit ran (from the pilot fit's convergence); how many
/// units it fitted (a sample of <see cref="Units"/> when <see cref="Sampled"/>).
/// </summary>
public sealed record Sweep(ImmutableArray<SweepRow> Rows, int Iterations, int PilotK, int Units, int FittedUnits, int Fits)
{
    public bool Sampled => FittedUnits < Units;

    /// <summary>See <see cref="TopicSweep.Choose"/>.</summary>
    public int Choose(double tolerance = 0.1) => TopicSweep.Choose(Rows, tolerance);
}

/// <summary>
/// Model choice in the open: fit every K with several unit orders, and report mean NPMI and UMass coherence of the
/// top-10 words and the stability across orders. Fits run in parallel, each as long as a pilot fit took to converge,
/// on a seeded sample of the units when the corpus is large.
/// </summary>
public static class TopicSweep
{
    /// <param name="documents">The units to fit.</param>
    /// <param name="options">Ks, orders, sampling.</param>
    /// <param name="scoreOn">The units coherence is scored on (default: <paramref name="documents"/>: all of them, or the
    /// held-out units when the sweep samples); the null sweep scores its topics on the real units, so that both sweeps are
    /// measured against the same co-occurrences.</param>
    public static Sweep Run(TopicDocuments documents, SweepOptions? options = null, TopicDocuments? scoreOn = null)
    {
        options ??= new SweepOptions();
        if (options.Ks.IsDefaultOrEmpty || options.Orders.IsDefaultOrEmpty) throw new ArgumentException("A sweep needs at least one K and one order.", nameof(options));
        var fitted = documents.Units.Length > options.SampleUnits ? documents.Sample(options.SampleUnits, options.SampleSeed) : documents;
        var clock = Stopwatch.StartNew();

        // Pilot: the largest K (slowest to converge) with the full iteration budget, logging the likelihood every 10.
        var pilotK = options.Ks.Max();
        WorkProgress.Report($"topic sweep: pilot fit K = {pilotK} on {fitted.Units.Length:#,0} units");
        var pilot = TopicModel.Fit(fitted, options.Model with { Topics = pilotK, Order = options.Orders[0] });
        var iterations = TopicModel.ConvergedIteration(pilot.TrainingLog, options.Tolerance) ?? options.Model.Iterations;
        iterations = Math.Max(iterations, options.Model.BurnIn + 10);

        var runs = options.Ks.SelectMany(k => options.Orders.Select(o => (K: k, Order: o))).ToList();
        var tops = new IReadOnlyList<string>[runs.Count][];
        var exclusivity = new double[runs.Count];
        var done = 0;
        Parallel.For(0, runs.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism ?? Environment.ProcessorCount }, i =>
        {
            var (k, order) = runs[i];
            TopicModel model;
            // The sweep reports its fits as they end; a fit's own iterations would hide that count.
            using (WorkProgress.To(static _ => { }))
                model = TopicModel.Fit(fitted, options.Model with { Topics = k, Order = order, Iterations = iterations });
            tops[i] = [.. Enumerable.Range(0, k).Select(t => model.TopByProbability(t, 10))];
            exclusivity[i] = Exclusivity(model);
            var n = Interlocked.Increment(ref done);
            WorkProgress.Report(string.Create(CultureInfo.InvariantCulture,
                $"topic sweep: fit {n} of {runs.Count} (K = {k}, order {order}, {iterations} iterations), {clock.Elapsed.TotalSeconds:0} s"));
        });

        // Coherence on every unit when the sweep fits them all (the whole corpus); when it fits a sample, on as many
        // held-out units as the sample leaves, so that the fitted units do not score their own topics.
        var reference = scoreOn ?? documents;
        var scored = reference.Units.Length > options.SampleUnits ? reference.HeldOut(options.SampleUnits, options.SampleSeed) : reference;
        var units = scored.Terms.Select(t => (IReadOnlyList<string>)t).ToList();
        var unitSets = Coherence.UnitSets(units);
        var rows = options.Ks.Select(k =>
        {
            var ofK = Enumerable.Range(0, runs.Count).Where(i => runs[i].K == k).ToList();
            var fits = ofK.Select(i => tops[i]).ToList();
            var topics = fits.SelectMany(f => f).ToList();
            return new SweepRow(k,
                Math.Round(topics.Average(t => Coherence.Npmi(t, units)), 4),
                Math.Round(topics.Average(t => Coherence.UMass(t, unitSets)), 4),
                Math.Round(Coherence.Stability([.. fits.Select(f => (IReadOnlyList<IReadOnlyList<string>>)f)]), 4)) { Exclusivity = Math.Round(ofK.Average(i => exclusivity[i]), 4) };
        }).ToImmutableArray();
        return new Sweep(rows, iterations, pilotK, documents.Units.Length, fitted.Units.Length, runs.Count + 1);
    }

    /// <summary>
    /// The same sweep on <see cref="TopicDocuments.Shuffled"/> units, coherence scored on the real ones: the baseline a K
    /// must beat before its topics say more than the words' frequencies do.
    /// </summary>
    public static Sweep Null(TopicDocuments documents, SweepOptions? options = null, int seed = 1) =>
        Run(documents.Shuffled(seed), options, scoreOn: documents);

    /// <summary>Each K of a sweep beside the null sweep's: whether its stability and its NPMI both exceed the baseline's.</summary>
    public static IReadOnlyList<NullComparison> AgainstNull(Sweep sweep, Sweep baseline) =>
        [.. sweep.Rows.Join(baseline.Rows, r => r.K, b => b.K, (r, b) => new NullComparison(r.K, r.Stability, b.Stability, r.Npmi, b.Npmi,
            r.Stability > b.Stability && r.Npmi > b.Npmi) { Exclusivity = r.Exclusivity, NullExclusivity = b.Exclusivity })];

    /// <summary>Mean over topics of the mean exclusivity φ(w|t) / Σ_k φ(w|k) of each topic's 10 most probable words.</summary>
    internal static double Exclusivity(TopicModel model)
    {
        var vocabulary = model.Documents.Vocabulary;
        var index = vocabulary.Select((w, i) => (w, i)).ToDictionary(p => p.w, p => p.i, StringComparer.Ordinal);
        return Enumerable.Range(0, model.K).Average(t => model.TopByProbability(t, 10).Average(w =>
        {
            var i = index[w];
            var total = Enumerable.Range(0, model.K).Sum(k => model.Phi[k][i]);
            return total > 0 ? model.Phi[t][i] / total : 0;
        }));
    }

    /// <summary>How often stability falls from one K to the next, of how many steps (rows in K order).</summary>
    public static (int Falls, int Steps) StabilityDrops(IReadOnlyList<SweepRow> rows)
    {
        var ordered = rows.OrderBy(r => r.K).ToList();
        return (ordered.Zip(ordered.Skip(1)).Count(p => p.Second.Stability < p.First.Stability), Math.Max(0, ordered.Count - 1));
    }

    /// <summary>
    /// The K to use: among the K whose stability is within <paramref name="tolerance"/> of the most stable K,
    /// the one with the highest NPMI (ties: the smaller K). Stability first, because a topic that another order
    /// of the same units does not reproduce is not a finding; coherence then picks among the reproducible.
    /// </summary>
    public static int Choose(IReadOnlyList<SweepRow> rows, double tolerance = 0.1)
    {
        var best = rows.Max(r => r.Stability);
        return rows.Where(r => r.Stability >= best - tolerance).OrderByDescending(r => r.Npmi).ThenBy(r => r.K).First().K;
    }
}
