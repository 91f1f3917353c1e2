using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace WorkPermit.Rules.Benchmarks;

/// <summary>
/// The measurement NRules' figures in engine.md were taken with: BenchmarkDotNet's ShortRun job (1 launch,
/// 3 warm-up and 3 measured iterations), run in-process. Each benchmark class adds <c>[MemoryDiagnoser]</c> itself.
/// </summary>
public sealed class InProcessShortRunConfig : ManualConfig
{
    /// <summary>Initializes a new instance of the <see cref="InProcessShortRunConfig"/> class.</summary>
    public InProcessShortRunConfig()
    {
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
    }
}
