using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using FsCheck;
using FsCheck.Fluent;
using WorkPermit.Rules.Testing;

namespace WorkPermit.Rules.Benchmarks;

/// <summary>
/// A batch re-screening: 100,000 generated profiles evaluated across all cores, each report reduced to a checksum and
/// dropped (streaming: nothing is collected), reported as evaluations per second. The profiles come from
/// <see cref="WorkPermitGenerators.AnyProfile"/> with a fixed seed; a pool of 4,096 distinct profiles is generated
/// once in setup and cycled, so that generation is not measured. "Max heap" is the largest managed heap seen while a
/// batch ran (sampled every 1,024 evaluations): flat memory means it stays near the heap before the batch.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class BatchBenchmarks
{
    /// <summary>Profiles per batch.</summary>
    public const int BatchSize = 100_000;

    private const int PoolSize = 4096;

    /// <summary>One worker per core: more workers than cores only queue behind each other (and behind the GC).</summary>
    private static readonly ParallelOptions Cores = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };
    private IWorkPermitEvaluator _evaluator = null!;
    private WorkPermitProfile[] _pool = null!;

    /// <summary>Gets the largest managed heap seen during any measured batch, in bytes.</summary>
    /// <value>The bytes.</value>
    internal static long MaxHeapBytes { get; private set; }

    /// <summary>Gets the managed heap after setup, before any batch ran, in bytes.</summary>
    /// <value>The bytes.</value>
    internal static long HeapBeforeBytes { get; private set; }

    /// <summary>Gets or sets whether reports carry suggestions (the default evaluator's setting) or not (as a host that
    /// only screens would configure it; screening itself never looks for them).</summary>
    /// <value><see langword="true"/> for the default evaluator.</value>
    [Params(true, false)]
    public bool Suggestions { get; set; }

    /// <summary>Builds the evaluator and generates the profile pool.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _evaluator = WorkPermitEvaluator.Create(o => o.Suggestions.Enabled = Suggestions);
        _ = Evaluation.WorkPermitRuleSet.Compiled; // a warm process runs on the compiled rule set, not the interim interpreted one
        // FsCheck's fluent Sample takes the number of samples, the seed, then the size.
        _pool = CreatePool();
        BenchmarkProfiles.Expect($"the pool holds {PoolSize} profiles", _pool.Length == PoolSize);
        BenchmarkProfiles.Expect("the pool holds valid profiles", _pool.All(p => ProfileJson.Validate(p).Count == 0));
        BenchmarkProfiles.Expect("the pool's profiles differ", _pool.Distinct().Count() > PoolSize / 2);
        GC.Collect();
        HeapBeforeBytes = GC.GetGCMemoryInfo().HeapSizeBytes;
        BenchmarkProfiles.Expect("a batch evaluates every profile", Batch() > 0);
    }

    /// <summary>Writes the heap figures to the log (for the job that runs in its own process, where the table's column
    /// cannot read them).</summary>
    [GlobalCleanup]
    public void Cleanup() => Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"// Batch heap: {HeapBeforeBytes / 1048576.0:F1} MB after setup, at most {MaxHeapBytes / 1048576.0:F1} MB while batches ran ({(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC)"));

    /// <summary>The pool of generated profiles the batch cycles through (fixed seed, so every run evaluates the same).</summary>
    /// <returns>The profiles.</returns>
    internal static WorkPermitProfile[] CreatePool() =>
        WorkPermitGenerators.Default.AnyProfile.Sample(PoolSize, new Rnd(20_261_128UL), 50).ToArray();

    /// <summary>Evaluates <see cref="BatchSize"/> profiles in parallel, one evaluation per profile.</summary>
    /// <returns>A checksum of the reports (outcomes at yes), so no evaluation can be optimised away.</returns>
    [Benchmark(OperationsPerInvoke = BatchSize)]
    public long Batch()
    {
        long checksum = 0;
        Parallel.For(
            0,
            BatchSize,
            Cores,
            () => 0L,
            (i, _, local) =>
            {
                var report = _evaluator.Evaluate(_pool[i % PoolSize]);
                if ((i & 1023) == 0)
                {
                    var heap = GC.GetGCMemoryInfo().HeapSizeBytes;
                    if (heap > MaxHeapBytes)
                    {
                        MaxHeapBytes = heap;
                    }
                }

                return local + (report.General.Outcome == Tri.Yes ? 1 : 0) + report.Findings.Count;
            },
            local => Interlocked.Add(ref checksum, local));
        return checksum;
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            // The GC as a console host gets it by default (in process), and as a batch host would configure it: server
            // GC with a 64 MB allocation budget per heap between collections (its own process, set by environment).
            // In process, a batch with suggestions runs longer than the toolchain's default limit of five minutes.
            AddJob(Job.ShortRun.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true)).WithIterationCount(5).WithId("DefaultGC"));
            AddJob(Job.ShortRun.WithIterationCount(5).WithGcServer(true)
                .WithEnvironmentVariables(new EnvironmentVariable("DOTNET_GCgen0size", "0x4000000")).WithId("BatchHostGC"));
            AddColumn(new EvaluationsPerSecondColumn(), new HeapColumn());
        }
    }

    /// <summary>Evaluations per second: the inverse of the mean time per evaluation (the mean is per operation, and
    /// one operation is one evaluation thanks to OperationsPerInvoke).</summary>
    private sealed class EvaluationsPerSecondColumn() : TextColumn(
        "EvaluationsPerSecond", "Evaluations/s", 0, "Evaluations per second across all cores (1 s / mean per evaluation)")
    {
        protected override string Value(Summary summary, BenchmarkCase benchmarkCase) =>
            summary[benchmarkCase]?.ResultStatistics?.Mean is > 0 and var mean
                ? (1e9 / mean).ToString("N0", System.Globalization.CultureInfo.InvariantCulture)
                : "NA";
    }

    /// <summary>The managed heap before the batches and the largest seen during them.</summary>
    private sealed class HeapColumn() : TextColumn(
        "MaxHeap", "Heap before / max", 1, "Managed heap after setup, and the largest sampled while batches ran (MB)")
    {
        protected override string Value(Summary summary, BenchmarkCase benchmarkCase) =>
            benchmarkCase.Job.Infrastructure.Toolchain is InProcessEmitToolchain
                ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{HeapBeforeBytes / 1048576.0:F1} MB / {MaxHeapBytes / 1048576.0:F1} MB")
                : "in the log";
    }

    /// <summary>A custom column whose value is computed from the summary.</summary>
    private abstract class TextColumn(string id, string name, int priority, string legend) : IColumn
    {
        public string Id => id;

        public string ColumnName => name;

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => priority;

        public bool IsNumeric => false;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => legend;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => Value(summary, benchmarkCase);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => Value(summary, benchmarkCase);

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        protected abstract string Value(Summary summary, BenchmarkCase benchmarkCase);
    }
}
