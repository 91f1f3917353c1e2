using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using NRules;
using NRules.Fluent;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Benchmarks;

/// <summary>
/// engine.md's "Compile" scenario: compiling the project's whole work-permit rule set (the 91 catalogue rules). Each
/// operation loads the rule classes into a new repository (new instances, so every Define() runs again) and compiles
/// the network. Two jobs: warm (in process, after warm-up) and cold (the first compilation in a fresh process, five
/// processes, no warm-up: JIT of NRules and of the expression compiler included).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class CompileBenchmarks
{
    [Benchmark]
    public ISessionFactory Compile()
    {
        // No setup compiles first: in the cold job this is the process's first compilation.
        var repository = new RuleRepository();
        repository.Load(x => x.PrivateTypes().From(WorkPermitRuleSet.RuleTypes));
        BenchmarkSetup.Expect(nameof(Compile), repository.GetRules().Count(), 91);
        return repository.Compile();
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("Warm"));
            AddJob(Job.Default.WithStrategy(RunStrategy.ColdStart).WithLaunchCount(5).WithWarmupCount(0).WithIterationCount(1).WithId("Cold"));
        }
    }
}
