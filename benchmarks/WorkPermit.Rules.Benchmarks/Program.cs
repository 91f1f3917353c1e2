using BenchmarkDotNet.Running;

namespace WorkPermit.Rules.Benchmarks;

/// <summary>Runs the benchmarks the command line selects, e.g. <c>--filter '*EvaluateBenchmarks*'</c>, or with <c>stages</c> the
/// breakdown of one evaluation by stage (<c>stages cold</c>: of a cold start; <c>stages types</c>: allocations by type; <c>stages network</c>: the rule set's nodes by kind;
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

        if (args is ["stages", "network"])
        {
            // The compiled rule set's Rete network: how many nodes of each kind a finding or the case can pass through.
            var session = Evaluation.WorkPermitRuleSet.Compiled.CreateSession();
            var graph = session.GetSchema();
            foreach (var group in graph.Nodes.GroupBy(n => n.NodeType).OrderByDescending(g => g.Count()))
            {
                Console.WriteLine($"  {group.Key,-16} {group.Count(),4}");
            }

            Console.WriteLine($"  {"(all)",-16} {graph.Nodes.Count,4}, {graph.Links.Count} links");
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
