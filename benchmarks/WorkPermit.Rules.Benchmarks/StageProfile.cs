using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Benchmarks;

/// <summary>
/// A breakdown of one evaluation by stage (<c>dotnet run -c Release --project benchmarks/WorkPermit.Rules.Benchmarks -- stages</c>):
/// the time and bytes allocated by validation, the evaluation case, the rule session (create, insert, fire), the
/// report and the report's JSON, averaged over many warm runs of each benchmark profile. It points at where a benchmark's
/// figure goes; the benchmarks themselves are the measurement.
/// </summary>
internal static class StageProfile
{
    private const int Runs = 20_000;

    public static void Run()
    {
        var evaluator = WorkPermitEvaluator.Create();

        // Two passes over every profile, the first unreported: the JIT's tiering settles during the first pass, and
        // would otherwise be charged to whichever profile is measured first.
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var name in new[] { BenchmarkProfiles.Full, BenchmarkProfiles.Sparse, BenchmarkProfiles.PortOfEntry })
            {
                var json = BenchmarkProfiles.Utf8(name);
                var profile = BenchmarkProfiles.Read(name);
                var stages = new (string Name, long Ticks, long Bytes)[]
                {
                    ("(parse document)", 0, 0), ("(deserialize only)", 0, 0), ("read profile JSON", 0, 0), ("validate", 0, 0), ("evaluation case", 0, 0),
                    ("rule session (create, insert, fire)", 0, 0), ("build report", 0, 0), ("write report JSON", 0, 0),
                };
                var output = new ArrayBufferWriter<byte>(64 * 1024);
                for (var run = -2000; run < Runs; run++)
                {
                    var i = 0;
                    Measure(stages, ref i, run, () => System.Text.Json.JsonDocument.Parse(json).Dispose());
                    Measure(stages, ref i, run, () => System.Text.Json.JsonSerializer.Deserialize(json, Json.WorkPermitJsonContext.Default.WorkPermitProfile));
                    Measure(stages, ref i, run, () => ProfileJson.Read(json));
                    Measure(stages, ref i, run, () => ProfileJson.Validate(profile));
                    EvaluationCase c = null!;
                    Measure(stages, ref i, run, () => c = new EvaluationCase(profile, new DateOnly(2025, 4, 10), evaluator.ReferenceData));
                    FindingSet findings = null!;
                    Measure(stages, ref i, run, () => findings = WorkPermitRuleSet.Run(WorkPermitRuleSet.Compiled, c, 1000));
                    WorkPermitReport report = null!;
                    Measure(stages, ref i, run, () => report = ReportBuilder.Build(c, findings, evaluator.RuleSet));
                    Measure(stages, ref i, run, () =>
                    {
                        output.ResetWrittenCount();
                        ReportJson.WriteUtf8(report, output);
                    });
                }

                if (pass == 0)
                {
                    continue;
                }

                Console.WriteLine($"{name} (mean of {Runs.ToString("N0", CultureInfo.InvariantCulture)} warm runs)");
                foreach (var (stage, ticks, bytes) in stages)
                {
                    Console.WriteLine(string.Create(
                        CultureInfo.InvariantCulture,
                        $"  {stage,-36} {ticks * 1e6 / Stopwatch.Frequency / Runs,9:F2} µs {bytes / (double)Runs / 1024,9:F2} KB"));
                }
            }
        }
    }

    private static void Measure((string Name, long Ticks, long Bytes)[] stages, ref int index, int run, Action action)
    {
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        action();
        var elapsed = Stopwatch.GetTimestamp() - start;
        bytes = GC.GetAllocatedBytesForCurrentThread() - bytes;
        if (run >= 0)
        {
            stages[index].Ticks += elapsed;
            stages[index].Bytes += bytes;
        }

        index++;
    }
}

/// <summary>
/// Which types a stage allocates (<c>-- stages types</c>): the runtime's allocation-tick events (one sample about every
/// 100 KB allocated, naming the type that crossed the mark) counted per type over many evaluations of the full profile.
/// </summary>
internal sealed class AllocationSampler : System.Diagnostics.Tracing.EventListener
{
    private readonly Dictionary<string, long> _bytes = new(StringComparer.Ordinal);
    private bool _recording;

    public static void Run()
    {
        var evaluator = WorkPermitEvaluator.Create();
        var profile = BenchmarkProfiles.Read(BenchmarkProfiles.Full);
        for (var i = 0; i < 2000; i++)
        {
            evaluator.Evaluate(profile);
        }

        using var sampler = new AllocationSampler();
        sampler._recording = true;
        for (var i = 0; i < 200_000; i++)
        {
            evaluator.Evaluate(profile);
        }

        sampler._recording = false;
        var total = sampler._bytes.Values.Sum();
        Console.WriteLine("Allocation samples by type (Evaluate, full profile):");
        foreach (var (type, bytes) in sampler._bytes.OrderByDescending(x => x.Value).Take(30))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {bytes * 100.0 / total,5:F1}%  {type}"));
        }
    }

    protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, System.Diagnostics.Tracing.EventLevel.Verbose, (System.Diagnostics.Tracing.EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs eventData)
    {
        if (!_recording || eventData.EventName is null || !eventData.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.Payload is null)
        {
            return;
        }

        var type = eventData.PayloadNames!.IndexOf("TypeName") is var t and >= 0 ? eventData.Payload[t] as string ?? "?" : "?";
        var amount = eventData.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(eventData.Payload[a], CultureInfo.InvariantCulture) : 1;
        lock (_bytes)
        {
            _bytes[type] = _bytes.GetValueOrDefault(type) + amount;
        }
    }
}

/// <summary>
/// Where a cold start goes (<c>-- stages cold</c>, one fresh process): each step from nothing to the first report, with
/// the time the JIT spent in it (<see cref="System.Runtime.JitInfo"/>). Run it several times; the first run after a
/// build also pays for reading the files from disk.
/// </summary>
internal static class ColdStages
{
    public static void Run()
    {
        var clock = Stopwatch.StartNew();
        var steps = new List<(string Name, double Ms, double JitMs)>();
        var last = 0.0;
        var lastJit = System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds;
        void Step(string name)
        {
            var now = clock.Elapsed.TotalMilliseconds;
            var jit = System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds;
            steps.Add((name, now - last, jit - lastJit));
            last = now;
            lastJit = jit;
        }

        var json = BenchmarkProfiles.Utf8(BenchmarkProfiles.PortOfEntry);
        Step("profile bytes (benchmark's own resource)");
        // As a host does it: creating the evaluator starts the rule-set compile on another thread, then reads the
        // catalogue and the reference lists; the compile's remaining time shows as the wait after that.
        WorkPermitRuleSet.StartCompiling();
        Step("start rule set compile (background)");
        _ = RuleCatalogue.Rules.Count;
        Step("rule catalogue (embedded passages)");
        _ = ReferenceDataSet.Default;
        Step("reference data (embedded lists)");
        var evaluator = WorkPermitEvaluator.Create();
        Step("evaluator (rule set fingerprint)");
        _ = WorkPermitRuleSet.Factory;
        Step("wait for the interpreted rule set");
        var profile = ProfileJson.Read(json).Profile!;
        Step("first profile JSON read");
        var report = evaluator.Evaluate(profile);
        Step("first evaluation");
        _ = ReportJson.WriteUtf8(report);
        Step("first report JSON write");
        evaluator.Evaluate(profile);
        Step("second evaluation");

        foreach (var (name, ms, jit) in steps)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-42} {ms,8:F1} ms   (JIT {jit,6:F1} ms)"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  methods JIT-compiled: {System.Runtime.JitInfo.GetCompiledMethodCount()}"));

        // The two paths ColdStartBenchmarks measures, rebuilt from the steps: the profile's own bytes are the benchmark's,
        // and a profile built in C# needs neither JSON step.
        var fromCSharp = steps.Where(s => s.Name is not ("profile bytes (benchmark's own resource)" or "first profile JSON read" or "first report JSON write" or "second evaluation")).Sum(s => s.Ms);
        var fromJson = steps.Where(s => s.Name is not ("profile bytes (benchmark's own resource)" or "second evaluation")).Sum(s => s.Ms);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  to the first report, profile built in C#: {fromCSharp,8:F1} ms; JSON to JSON: {fromJson,8:F1} ms"));
    }
}

/// <summary>
/// The batch workload (the generated pool of <see cref="BatchBenchmarks"/>) outside BenchmarkDotNet: 100,000 evaluations
/// on one thread, then on one thread per core, a few rounds each, with the evaluations per second, the number of gen0
/// collections, the time the GC paused the process and the bytes allocated per evaluation. It shows how far the batch
/// scales with cores and how much of it the GC takes.
/// </summary>
internal static class BatchStages
{
    public static void Run(int rounds)
    {
        var evaluator = WorkPermitEvaluator.Create();
        var pool = BatchBenchmarks.CreatePool();
        foreach (var profile in pool)
        {
            evaluator.Evaluate(profile);
        }

        for (var round = 0; round < rounds; round++)
        {
            foreach (var threads in new[] { 1, Environment.ProcessorCount })
            {
                var gcs = GC.CollectionCount(0);
                var paused = GC.GetTotalPauseDuration();
                var allocated = GC.GetTotalAllocatedBytes(precise: false);
                var clock = Stopwatch.StartNew();
                if (threads == 1)
                {
                    for (var i = 0; i < 100_000; i++)
                    {
                        evaluator.Evaluate(pool[i % pool.Length]);
                    }
                }
                else
                {
                    Parallel.For(0, 100_000, new ParallelOptions { MaxDegreeOfParallelism = threads }, i => evaluator.Evaluate(pool[i % pool.Length]));
                }

                clock.Stop();
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"  {threads} thread(s): {100_000 / clock.Elapsed.TotalSeconds,8:N0} evaluations/s, {GC.CollectionCount(0) - gcs,5} gen0 GCs, GC pauses {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds,5:F0} ms of {clock.ElapsedMilliseconds,5} ms, {(GC.GetTotalAllocatedBytes(precise: false) - allocated) / 100_000.0 / 1024,5:F1} KB per evaluation"));
            }
        }
    }
}
