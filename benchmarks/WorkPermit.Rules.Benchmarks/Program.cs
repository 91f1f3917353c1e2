using BenchmarkDotNet.Running;

namespace WorkPermit.Rules.Benchmarks;

/// <summary>Runs the benchmarks the command line selects, e.g. <c>--filter '*EvaluateBenchmarks*'</c>, or with <c>stages</c> the
/// breakdown of one evaluation by stage (<c>stages cold</c>: of a cold start; <c>stages types</c>: allocations by type;
/// <c>stages batch</c>: the batch's throughput on one thread and on every core, with the GC's share).</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    /// <param name="args">BenchmarkDotNet's command-line arguments.</param>
    public static void Main(string[] args)
    {
        if (args is ["stages", "loop"])
        {
            // A steady load for a sampling profiler: evaluate the full profile for 20 seconds.
            var evaluator = WorkPermitEvaluator.Create();
            var profile = BenchmarkProfiles.Read(BenchmarkProfiles.Full);
            var until = System.Diagnostics.Stopwatch.GetTimestamp() + (20 * System.Diagnostics.Stopwatch.Frequency);
            while (System.Diagnostics.Stopwatch.GetTimestamp() < until)
            {
                evaluator.Evaluate(profile);
            }

            return;
        }

        if (args is ["stages", "batch", ..])
        {
            BatchStages.Run(args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3);
            return;
        }

        if (args is ["stages", "cold"])
        {
            ColdStages.Run();
            return;
        }

        if (args is ["stages", "types"])
        {
            AllocationSampler.Run();
            return;
        }

        if (args is ["stages"])
        {
            StageProfile.Run();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
