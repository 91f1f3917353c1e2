using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace WorkPermit.Rules.Benchmarks;

/// <summary>
/// Cold start: from nothing to the first report. Each launch is a fresh process that runs the benchmark once with no
/// warm-up, so the measured call includes loading the library, reading the embedded reference data and catalogue,
/// compiling the rule set and JIT-compiling the evaluation path. Ten launches each. <see cref="FirstReport"/> is the
/// library's cold start as the issue defines it (rule compile plus reference-data load, to the first report object,
/// from a profile built in C#); <see cref="FirstReportFromJson"/> adds what a web host's first request also pays:
/// reading the profile JSON and writing the report JSON.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class ColdStartBenchmarks
{
    private byte[] _json = null!;

    /// <summary>Reads the profile bytes (a file read, not library work).</summary>
    [GlobalSetup]
    public void Setup() => _json = BenchmarkProfiles.Utf8(BenchmarkProfiles.PortOfEntry);

    /// <summary>Creates an evaluator and evaluates the port-of-entry profile built in C#.</summary>
    /// <returns>The report.</returns>
    [Benchmark(Baseline = true)]
    public WorkPermitReport FirstReport()
    {
        var evaluator = WorkPermitEvaluator.Create();
        var report = evaluator.Evaluate(BenchmarkProfiles.PortOfEntryInCode());
        BenchmarkProfiles.Expect("the first report answers the port-of-entry question", report.PortOfEntry?.Outcome == Tri.Yes);
        return report;
    }

    /// <summary>Creates an evaluator, evaluates the port-of-entry profile's UTF-8 JSON and writes the report's JSON.</summary>
    /// <returns>The report's JSON.</returns>
    [Benchmark]
    public byte[] FirstReportFromJson()
    {
        var evaluator = WorkPermitEvaluator.Create();
        var report = evaluator.Evaluate(_json).Report!;
        BenchmarkProfiles.Expect("the first report answers the port-of-entry question", report.PortOfEntry?.Outcome == Tri.Yes);
        return ReportJson.WriteUtf8(report);
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default.WithStrategy(RunStrategy.ColdStart).WithLaunchCount(10).WithWarmupCount(0).WithIterationCount(1).WithId("Cold"));
        }
    }
}
