using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using FsCheck;
using FsCheck.Fluent;
using WorkPermit.Rules.Testing;

namespace WorkPermit.Rules.Benchmarks;

/// <summary>
/// Screening a caseload (issue 17) against a plain evaluation loop over the same 2,000 generated profiles on every core:
/// what the screener's channels, the as-of dates and the report snapshots cost per client. <see cref="ScreenComparingDates"/>
/// evaluates every client twice (two as-of dates) and compares the reports. Divide 2,000 by the time for clients per
/// second.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class ScreeningBenchmarks
{
    private const int Clients = 2_000;

    private IWorkPermitEvaluator _evaluator = null!;
    private CaseloadLine[] _lines = null!;

    /// <summary>Builds the evaluator and the caseload.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _evaluator = WorkPermitEvaluator.Create();
        _ = Evaluation.WorkPermitRuleSet.Compiled; // a warm process runs on the compiled rule set
        _lines = [.. WorkPermitGenerators.Default.AnyProfile.Sample(Clients, new Rnd(17UL), 50).Select((p, i) => new CaseloadLine(i + 1, $"c{i + 1}", p, []))];
    }

    /// <summary>The floor: every profile evaluated once, in parallel, nothing kept.</summary>
    /// <returns>The number evaluated.</returns>
    [Benchmark(Baseline = true)]
    public int PlainLoop()
    {
        var count = 0;
        Parallel.ForEach(_lines, line =>
        {
            _evaluator.Evaluate(line.Profile!);
            Interlocked.Increment(ref count);
        });
        return count;
    }

    /// <summary>The screener over the same caseload, as of one date (a snapshot per client).</summary>
    /// <returns>The number screened.</returns>
    [Benchmark]
    public Task<int> Screen() => Run(new ScreeningOptions { AsOf = new DateOnly(2025, 3, 1) });

    /// <summary>The screener under two as-of dates, comparing each client's two reports.</summary>
    /// <returns>The number screened.</returns>
    [Benchmark]
    public Task<int> ScreenComparingDates() => Run(new ScreeningOptions { AsOf = new DateOnly(2024, 6, 20), CompareAsOf = new DateOnly(2024, 6, 21) });

    private async Task<int> Run(ScreeningOptions options)
    {
        var count = 0;
        await foreach (var result in new CaseloadScreener(_evaluator).ScreenAsync(Lines(), options))
        {
            count += result.IsValid ? 1 : 0;
        }

        BenchmarkProfiles.Expect("every client is screened", count == Clients);
        return count;
    }

    private async IAsyncEnumerable<CaseloadLine> Lines()
    {
        foreach (var line in _lines)
        {
            yield return line;
        }

        await Task.CompletedTask;
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(2).WithIterationCount(8).WithId("Warm"));
            AddColumn(StatisticColumn.Median);
        }
    }
}
