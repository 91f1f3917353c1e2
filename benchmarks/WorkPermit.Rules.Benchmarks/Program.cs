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
        if (args is ["stages", "loop", "write"])
        {
            // A steady load for a sampling profiler: write the full profile's report JSON for 20 seconds.
            var report = WorkPermitEvaluator.Create().Evaluate(BenchmarkProfiles.Read(BenchmarkProfiles.Full));
            var buffer = new System.Buffers.ArrayBufferWriter<byte>(128 * 1024);
            var until = System.Diagnostics.Stopwatch.GetTimestamp() + (20 * System.Diagnostics.Stopwatch.Frequency);
            while (System.Diagnostics.Stopwatch.GetTimestamp() < until)
            {
                buffer.ResetWrittenCount();
                ReportJson.WriteUtf8(report, buffer);
            }

            return;
        }

        if (args is ["stages", "loop", "read"])
        {
            // A steady load for a sampling profiler: read the port-of-entry profile's JSON for 20 seconds.
            var json = BenchmarkProfiles.Utf8(BenchmarkProfiles.PortOfEntry);
            var until = System.Diagnostics.Stopwatch.GetTimestamp() + (20 * System.Diagnostics.Stopwatch.Frequency);
            while (System.Diagnostics.Stopwatch.GetTimestamp() < until)
            {
                _ = ProfileJson.Read(json);
            }

            return;
        }

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

        if (args is ["reports", var input, var output])
        {
            ReportDump.Run(input, output);
            return;
        }

        if (args is ["stages", "floor"])
        {
            FloorStages.Run();
            return;
        }

        if (args is ["stages", "rules"])
        {
            RuleStages.Run();
            return;
        }

        if (args is ["stages", "cold", "rules"])
        {
            // The rule set's cold build alone, in this thread: loading the rule classes (their Define methods), then
            // compiling the network with interpreted expressions.
            var clock = System.Diagnostics.Stopwatch.StartNew();
            _ = RuleCatalogue.Rules.Count;
            var catalogue = clock.Elapsed.TotalMilliseconds;
            var types = Evaluation.WorkPermitRuleSet.RuleTypes;
            var found = clock.Elapsed.TotalMilliseconds;
            Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"  catalogue {catalogue,8:F1} ms; rule types {found - catalogue,8:F1} ms"));
            clock.Restart();
            var jit0 = System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds;
            var repository = Evaluation.WorkPermitRuleSet.Load(types);
            var loaded = clock.Elapsed.TotalMilliseconds;
            var jit1 = System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds;
            _ = Evaluation.WorkPermitRuleSet.Compile(repository, interpret: true);
            var compiled = clock.Elapsed.TotalMilliseconds;
            var jit2 = System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds;
            Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"  load the rule classes {loaded,8:F1} ms (JIT {jit1 - jit0,6:F1} ms); compile, interpreted {compiled - loaded,8:F1} ms (JIT {jit2 - jit1,6:F1} ms)"));
            return;
        }

        if (args is ["stages", "cold"])
        {
            ColdStages.Run();
            return;
        }

        if (args is ["caseload", var countText, var path])
        {
            // A caseload of generated profiles (JSON Lines) for screening runs: caseload 1000000 /tmp/caseload.jsonl
            var count = int.Parse(countText, System.Globalization.CultureInfo.InvariantCulture);
            using var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false));
            for (var written = 0; written < count;)
            {
                var chunk = Math.Min(10_000, count - written);
                foreach (var profile in FsCheck.Fluent.Gen.Sample(Testing.WorkPermitGenerators.Default.AnyProfile, chunk, new FsCheck.Rnd((ulong)written + 1), 50))
                {
                    written++;
                    writer.Write("{\"id\":\"client-");
                    writer.Write(written.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    writer.Write("\",\"profile\":");
                    writer.Write(ProfileJson.Write(profile));
                    writer.WriteLine("}");
                }
            }

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
