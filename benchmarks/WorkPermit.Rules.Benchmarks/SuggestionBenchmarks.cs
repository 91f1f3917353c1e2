using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace WorkPermit.Rules.Benchmarks;

/// <summary>
/// What suggestions cost (issue 19), side by side with the same profiles evaluated by an evaluator that does not look for
/// them: a visa-required traveller at the border (one change helps: apply online), the same traveller with an expired
/// medical exam (two changes are needed), and a criminal record (no change helps; the search stops before evaluating
/// anything). Each changed profile the search evaluates costs about one evaluation.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class SuggestionBenchmarks
{
    private IWorkPermitEvaluator _on = null!;
    private IWorkPermitEvaluator _off = null!;
    private WorkPermitProfile _oneChange = null!;
    private WorkPermitProfile _twoChanges = null!;
    private WorkPermitProfile _none = null!;

    /// <summary>Builds both evaluators, reads the profiles and checks that each gets the suggestions it stands for.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _on = WorkPermitEvaluator.Create();
        _off = WorkPermitEvaluator.Create(o => o.Suggestions.Enabled = false);
        _ = Evaluation.WorkPermitRuleSet.Compiled;
        _oneChange = BenchmarkProfiles.Read("suggest-one-change.json");
        _twoChanges = BenchmarkProfiles.Read("suggest-two-changes.json");
        _none = BenchmarkProfiles.Read("suggest-none.json");

        BenchmarkProfiles.Expect("one change helps the visa-required traveller", OneChangeOn().Suggestions is [{ Changes.Count: 2 }]);
        BenchmarkProfiles.Expect("the traveller with an expired exam needs two changes", TwoChangesOn().Suggestions is [{ Changes.Count: 3 }] && _on.Evaluate(_twoChanges).Suggestions[0].Text.Contains(", and ", StringComparison.Ordinal));
        BenchmarkProfiles.Expect("no change helps a criminal record, and nothing is evaluated", NoneOn().SuggestionSearch is { Status: SuggestionStatus.NoneFound, Evaluations: 0 });
        BenchmarkProfiles.Expect("the evaluator without suggestions looks for none", OneChangeOff().SuggestionSearch.Status == SuggestionStatus.Off);
    }

    /// <summary>The visa-required traveller, without suggestions.</summary>
    /// <returns>The report.</returns>
    [Benchmark(Baseline = true)]
    public WorkPermitReport OneChangeOff() => _off.Evaluate(_oneChange);

    /// <summary>The visa-required traveller, with suggestions (one change found).</summary>
    /// <returns>The report.</returns>
    [Benchmark]
    public WorkPermitReport OneChangeOn() => _on.Evaluate(_oneChange);

    /// <summary>The traveller with an expired exam, without suggestions.</summary>
    /// <returns>The report.</returns>
    [Benchmark]
    public WorkPermitReport TwoChangesOff() => _off.Evaluate(_twoChanges);

    /// <summary>The traveller with an expired exam, with suggestions (a pair of changes found).</summary>
    /// <returns>The report.</returns>
    [Benchmark]
    public WorkPermitReport TwoChangesOn() => _on.Evaluate(_twoChanges);

    /// <summary>A criminal record, with suggestions (none possible, none evaluated).</summary>
    /// <returns>The report.</returns>
    [Benchmark]
    public WorkPermitReport NoneOn() => _on.Evaluate(_none);

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(5).WithIterationCount(15).WithId("Warm"));
            AddColumn(StatisticColumn.Median);
        }
    }
}
