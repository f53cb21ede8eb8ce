using Analysis.Text;
using Analysis.Topics;

namespace Analysis.Tests;

public class CoherenceTests
{
    private static readonly IReadOnlyList<string>[] Units = [["a", "b"], ["a", "c"], ["b"]];

    [Fact]
    public void Npmi_MatchesTheHandComputation()
    {
        // One window per unit (shorter than 10): P(a) = P(b) = 2/3, P(c) = 1/3, P(a,b) = P(a,c) = 1/3, P(b,c) = 0.
        // NPMI(a,b) = ln(0.75)/ln 3 = -0.261860; NPMI(a,c) = ln 1.5/ln 3 = 0.369070;
        // NPMI(b,c) = ln(1e-12 / (2/9)) / -ln(1e-12) = -0.945566; mean -0.279452.
        Assert.Equal(-0.279452, Coherence.Npmi(["a", "b", "c"], Units), 5);
    }

    [Fact]
    public void Npmi_SlidesAWindowOverLongUnits()
    {
        // Window 2 over [a x x b]: windows [a x], [x x], [x b]; a and b never share one: ln(1e-12 / (1/9)) / -ln(1e-12).
        Assert.Equal(-0.920482, Coherence.Npmi(["a", "b"], [["a", "x", "x", "b"]], window: 2), 5);
    }

    [Fact]
    public void UMass_MatchesTheHandComputation()
    {
        // D(a) = 2, D(b) = 2, D(a,b) = 1, D(a,c) = 1, D(b,c) = 0: ln(2/2), ln(2/2), ln(1/2); mean -0.231049.
        Assert.Equal(-0.231049, Coherence.UMass(["a", "b", "c"], Units), 5);
    }

    [Fact]
    public void Stability_IsOneForIdenticalFits_AndZeroForDisjointOnes()
    {
        IReadOnlyList<IReadOnlyList<string>> fit = [["a", "b"], ["c", "d"]];
        Assert.Equal(1, Coherence.Stability([fit, fit]));
        Assert.Equal(0, Coherence.Stability([fit, [["x"], ["y"]]]));
        Assert.Equal(1.0 / 3, Coherence.Jaccard(["a", "b"], ["b", "c"]), 10);
    }

    [Fact]
    public void Mds_ReproducesEuclideanDistances()
    {
        // A 3-4-5 right triangle: classical MDS recovers it exactly (up to rotation).
        var d = new double[3, 3] { { 0, 3, 4 }, { 3, 0, 5 }, { 4, 5, 0 } };
        var p = IntertopicDistance.Mds(d);
        double Dist(int i, int j) => Math.Sqrt(Math.Pow(p[i].X - p[j].X, 2) + Math.Pow(p[i].Y - p[j].Y, 2));
        Assert.Equal(3, Dist(0, 1), 6);
        Assert.Equal(4, Dist(0, 2), 6);
        Assert.Equal(5, Dist(1, 2), 6);
        Assert.Equal(0, IntertopicDistance.JensenShannon([0.5, 0.5], [0.5, 0.5]), 10);
        Assert.Equal(1, IntertopicDistance.JensenShannon([1, 0], [0, 1]), 10);
    }
}

public class TopicModelTests
{
    private static readonly Lazy<TopicDocuments> Units = new(() => TopicDocuments.FromCorpus(TestCorpus.Shipped));

    [Fact]
    public void Units_AreParagraphsAndComments_WithTermsInAtLeastTwoUnits()
    {
        var units = Units.Value;
        Assert.Equal(TestCorpus.Shipped.Units().Count(), units.Units.Length + units.Dropped.Length);
        Assert.Contains(units.Units, u => u is Comment);
        var df = units.Terms.SelectMany(t => t.Distinct()).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(units.Vocabulary, w => Assert.True(df[w] >= 2, w));
        Assert.Equal(units.Terms.Max(t => t.Length), units.LongestUnit);
    }

    [Fact]
    public void SameOrderSameData_GivesIdenticalTopicsAndNumbers()
    {
        var a = TopicModel.Fit(Units.Value, new TopicOptions { Topics = 4 });
        var b = TopicModel.Fit(Units.Value, new TopicOptions { Topics = 4 });
        Assert.Equal(a.Phi, b.Phi);
        Assert.Equal(a.Theta, b.Theta);
        Assert.All(a.Phi, row => Assert.Equal(1, row.Sum(), 6));
        Assert.All(a.Theta, row => Assert.Equal(1, row.Sum(), 5));
        Assert.Equal(1, a.Prevalence.Sum(), 6);
    }

    [Fact]
    public void DifferentOrders_GiveAStabilityFigure_NotACrash()
    {
        var rows = TopicSweep.Run(Units.Value, new SweepOptions { Ks = [3], Orders = [1, 2] }).Rows;
        var row = Assert.Single(rows);
        Assert.InRange(row.Stability, 0, 1);
        Assert.InRange(row.Npmi, -1, 1);
        Assert.True(row.UMass <= 0);
        Assert.Equal([0, 1, 2, 3], TopicDocuments.Order(4, 0));
        Assert.Equal(TopicDocuments.Order(50, 7), TopicDocuments.Order(50, 7));
        Assert.NotEqual(TopicDocuments.Order(50, 7), TopicDocuments.Order(50, 8));
    }

    [Fact]
    public void Sweep_GivesTheSameResultForAnyNumberOfParallelFits_AndStatesWhatItFitted()
    {
        var options = new SweepOptions { Ks = [2, 3, 4], Orders = [1, 2] };
        var one = TopicSweep.Run(Units.Value, options with { Parallelism = 1 });
        var two = TopicSweep.Run(Units.Value, options with { Parallelism = 2 });
        var four = TopicSweep.Run(Units.Value, options with { Parallelism = 4 });
        Assert.Equal(one.Rows.AsEnumerable(), two.Rows.AsEnumerable());
        Assert.Equal(one.Rows.AsEnumerable(), four.Rows.AsEnumerable());
        Assert.Equal(7, one.Fits); // 3 K x 2 orders + the pilot
        Assert.InRange(one.Iterations, 30, 300);
        Assert.False(one.Sampled);
        // A sample: fewer units fitted, a seeded choice.
        var sampled = TopicSweep.Run(Units.Value, options with { SampleUnits = 40 });
        Assert.True(sampled.Sampled);
        Assert.Equal(40, sampled.FittedUnits);
        Assert.Equal(Units.Value.Sample(40, 1).Units.Select(u => u.Id), Units.Value.Sample(40, 1).Units.Select(u => u.Id));
    }

    [Fact]
    public void ConvergedIteration_IsTheFirstLoggedIterationWithinTheToleranceOfTheBest()
    {
        const string log = "loglikelihood @iter0000 = -1000.0\nloglikelihood @iter0010 = -800.0\nloglikelihood @iter0020 = -705.0\n" +
                           "loglikelihood @iter0030 = -690.0\nloglikelihood @iter0040 = -700.0\nloglikelihood @iter0050 = -695.0\n";
        // best -690; within 1 %: >= -696.9, first at 30; within 2 %: >= -703.8, first at 30; within 3 %: >= -710.7, first at 20.
        Assert.Equal(30, TopicModel.ConvergedIteration(log, 0.01));
        Assert.Equal(20, TopicModel.ConvergedIteration(log, 0.03));
        Assert.Null(TopicModel.ConvergedIteration("no likelihood here", 0.01));
    }

    [Fact]
    public void LightLdaProgress_IsCapturedAtTheFileDescriptor_AlsoWhenFitsOverlap()
    {
        // Two fits at once: each log has its own fit's lines; afterwards fd 1 is restored and nothing is left over.
        var models = new TopicModel[2];
        Parallel.For(0, 2, i => models[i] = TopicModel.Fit(Units.Value, new TopicOptions { Topics = 2 + i, Iterations = 50 }));
        Assert.All(models, m => Assert.Contains("loglikelihood @iter0049", m.TrainingLog, StringComparison.Ordinal));
        NativeOutput.Capture(() => 0, out var after);
        Assert.Equal("", after);
    }

    [Fact]
    public void TopTerms_RankByRelevance_AndShowWrittenForms()
    {
        var model = TopicModel.Fit(Units.Value, new TopicOptions { Topics = 3 });
        var top = model.TopTerms(0, 10);
        Assert.Equal(10, top.Count);
        Assert.Equal(top.OrderByDescending(t => t.Relevance).Select(t => t.Term), top.Select(t => t.Term));
        Assert.All(top, t => Assert.Equal(Units.Value.Surface(t.Term), t.Surface));
        var byProbability = model.TopTerms(0, 1, lambda: 1)[0];
        Assert.Equal(model.TopByProbability(0, 1)[0], byProbability.Term);
    }

    [Fact]
    public void AFitOnTwoThreads_IsTheSameRunAfterRun_AndAnotherFitThanOnOne()
    {
        var options = new TopicOptions { Topics = 4, Iterations = 100, Threads = 2 };
        var a = TopicModel.Fit(Units.Value, options);
        var b = TopicModel.Fit(Units.Value, options);
        Assert.Equal(a.Phi, b.Phi);
        Assert.Equal(a.Theta, b.Theta);
        Assert.NotEqual(a.Theta, TopicModel.Fit(Units.Value, options with { Threads = 1 }).Theta);
        Assert.Throws<ArgumentOutOfRangeException>(() => TopicModel.Fit(Units.Value, options with { Threads = 0 }));
    }

    [Fact]
    public void AFit_ReportsItsIterations_FromLightLdasLikelihoodLines_AndASweepReportsItsFitsInstead()
    {
        var messages = new List<string>();
        void Collect(string m) { lock (messages) messages.Add(m); }
        using (WorkProgress.To(Collect))
            TopicModel.Fit(Units.Value, new TopicOptions { Topics = 3, Iterations = 40 });
        Assert.Equal($"topic model: K = 3, {Units.Value.Units.Length} units: starting", messages[0]);
        // LightLDA logs the likelihood every 10 iterations and at the last (0-based 39); the capture's last read hands it on.
        Assert.Equal($"topic model: K = 3, {Units.Value.Units.Length} units: iteration 39 of 40", messages[^1]);
        Assert.All(messages, m => Assert.Matches(@": (starting|iteration (0|10|20|30|39) of 40)$", m));

        messages.Clear();
        using (WorkProgress.To(Collect))
            TopicSweep.Run(Units.Value, new SweepOptions { Ks = [2, 3], Orders = [1, 2] });
        Assert.Equal(4, messages.Count(m => m.StartsWith("topic sweep: fit ", StringComparison.Ordinal)));
        // Only the pilot (the largest K, the first order) reports its iterations.
        Assert.All(messages.Where(m => m.StartsWith("topic model:", StringComparison.Ordinal)), m => Assert.StartsWith("topic model: K = 3, ", m));
        Assert.Contains(messages, m => m.StartsWith("topic model: K = 3, ", StringComparison.Ordinal) && m.EndsWith("of 300", StringComparison.Ordinal));
    }

    [Fact]
    public void FewerSamplingSteps_GiveAnotherFit_TheSameRunAfterRun()
    {
        var options = new TopicOptions { Topics = 4, Iterations = 100, SamplingSteps = 2 };
        var a = TopicModel.Fit(Units.Value, options);
        Assert.Equal(a.Theta, TopicModel.Fit(Units.Value, options).Theta);
        Assert.NotEqual(a.Theta, TopicModel.Fit(Units.Value, options with { SamplingSteps = 4 }).Theta);
        Assert.Throws<ArgumentOutOfRangeException>(() => TopicModel.Fit(Units.Value, options with { SamplingSteps = 0 }));
    }

    [Fact]
    public void BadInput_GivesClearErrorsOrDefinedResults()
    {
        var tooMany = Assert.Throws<ArgumentException>(() => TopicModel.Fit(Units.Value, new TopicOptions { Topics = Units.Value.Vocabulary.Length + 1 }));
        Assert.Contains("terms in the vocabulary", tooMany.Message);
        Assert.Throws<ArgumentException>(() => TopicDocuments.Prepare(TokenTable.Of([])));
        var stopOnly = new Paragraph("x/p1", "x", 1, ParagraphKind.Body, new TextSpan(0, 11), SourcedText.FromRaw("und der die", 0, 11));
        var withEmpty = TopicDocuments.Prepare(TokenTable.Of(TestCorpus.Shipped.Units().Append(stopOnly)));
        Assert.Contains(withEmpty.Dropped, u => u.Id == "x/p1");
    }

    [Fact]
    public void Theta_IsTheMeanOverSeveralFits_WithTopicsMatched_AndStaysDeterministic()
    {
        var one = TopicModel.Fit(Units.Value, new TopicOptions { Topics = 3, Iterations = 100 });
        var three = TopicModel.Fit(Units.Value, new TopicOptions { Topics = 3, Iterations = 100, Samples = 3 });
        Assert.All(three.Theta, row => Assert.Equal(1.0, row.Sum(), 6));
        Assert.Equal(one.Phi, three.Phi);     // φ is the first fit's
        var moved = one.Theta.Zip(three.Theta).Count(p => p.First.Zip(p.Second).Any(q => Math.Abs(q.First - q.Second) > 1e-6));
        Assert.True(moved > one.Theta.Length / 2, $"{moved} of {one.Theta.Length} units moved");
        Assert.InRange(three.SampleAgreement!.Value, 0.0, 1.0);
        Assert.Null(one.SampleAgreement);
        Assert.Equal(three.Theta, TopicModel.Fit(Units.Value, new TopicOptions { Topics = 3, Iterations = 100, Samples = 3 }).Theta);
    }

    // In this class, not another: LightLDA's progress is captured per process, and a fit running in a parallel test class
    // would write into the pilot fit's log, from which the sweep reads its iteration count.
    [Fact]
    public void Exclusivity_IsAShareOfEachTopWordsWeight()
    {
        var sweep = TopicSweep.Run(TopicDocuments.FromCorpus(TestCorpus.Shipped), new SweepOptions { Ks = [2, 4], Orders = [1, 2] });
        Assert.All(sweep.Rows, r => Assert.InRange(r.Exclusivity, 1.0 / r.K, 1.0));
    }
}

public class SweepTrendTests
{
    [Fact]
    public void StabilityDrops_CountsTheStepsWhereStabilityFalls_InKOrder()
    {
        SweepRow R(int k, double stability) => new(k, 0, 0, stability);
        Assert.Equal((2, 3), TopicSweep.StabilityDrops([R(4, 0.2), R(2, 0.4), R(3, 0.3), R(5, 0.25)]));
        Assert.Equal((0, 0), TopicSweep.StabilityDrops([R(2, 0.4)]));
    }

    [Fact]
    public void AgainstNull_BeatsTheBaselineOnlyOnBothMeasures()
    {
        var sweep = new Sweep([new SweepRow(2, -0.29, 0, 0.38), new SweepRow(3, -0.34, 0, 0.24)], 100, 3, 82, 82, 7);
        var baseline = new Sweep([new SweepRow(2, -0.31, 0, 0.39), new SweepRow(3, -0.38, 0, 0.23)], 100, 3, 82, 82, 7);
        var rows = TopicSweep.AgainstNull(sweep, baseline);
        Assert.False(rows.Single(r => r.K == 2).BeatsNull); // better NPMI, lower stability
        Assert.True(rows.Single(r => r.K == 3).BeatsNull);
        Assert.Equal(0.39, rows.Single(r => r.K == 2).NullStability);
    }
}

public class NullCorpusTests
{
    [Fact]
    public void Shuffled_KeepsEveryUnitsLengthAndEveryWordsFrequency_AndMovesTheWords()
    {
        var units = TopicDocuments.FromCorpus(TestCorpus.Shipped);
        var shuffled = units.Shuffled(seed: 1);
        Assert.Equal(units.Terms.Select(t => t.Length), shuffled.Terms.Select(t => t.Length));
        Assert.Equal(units.Terms.SelectMany(t => t).Order(StringComparer.Ordinal), shuffled.Terms.SelectMany(t => t).Order(StringComparer.Ordinal));
        var same = units.Terms.Zip(shuffled.Terms).Count(p => p.First.SequenceEqual(p.Second));
        Assert.True(same < units.Terms.Length / 10, $"{same} units unchanged");
        // Seeded: the same seed, the same null corpus.
        Assert.Equal(shuffled.Terms.SelectMany(t => t), units.Shuffled(seed: 1).Terms.SelectMany(t => t));
    }

    [Fact]
    public void WholeDocuments_JoinEachDocumentsRunningText_AndKeepTheComments()
    {
        var corpus = TestCorpus.Shipped;
        var documents = TopicDocuments.FromCorpus(corpus, wholeDocuments: true);
        var comments = corpus.Units(includeComments: true).Count(u => u is Comment);
        Assert.Equal(corpus.Documents.Length + comments, documents.Units.Length + documents.Dropped.Length);
        var essay = Assert.Single(documents.Units, u => u.Id == "essay");
        var paragraphs = corpus.Units().Where(u => u.DocumentId == "essay").ToList();
        var at = 0;
        foreach (var p in paragraphs)
        {
            var found = essay.Text.IndexOf(p.Text, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"{p.Id} missing or out of order");
            at = found + p.Text.Length;
        }
        Assert.Equal(essay.Text.Length, essay.Source.Offsets.Length);
    }

}
