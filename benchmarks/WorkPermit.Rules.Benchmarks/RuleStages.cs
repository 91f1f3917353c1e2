using System.Diagnostics;
using System.Globalization;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Benchmarks;

/// <summary>
/// The rule session of one full-profile evaluation split finer (<c>-- stages rules</c>): creating the session, inserting
/// the case, firing and propagating; then the time each rule's action takes, from NRules' firing events (the events add
/// their own cost, so read the rule times against each other, not as absolute figures).
/// </summary>
internal static class RuleStages
{
    private const int Runs = 10_000;

    public static void Run()
    {
        var evaluator = WorkPermitEvaluator.Create();
        var profile = BenchmarkProfiles.Read(BenchmarkProfiles.Full);
        var factory = WorkPermitRuleSet.Compiled;
        var date = new DateOnly(2025, 4, 10);
        long create = 0, insert = 0, fire = 0, createBytes = 0, insertBytes = 0, fireBytes = 0;
        for (var run = -2000; run < Runs; run++)
        {
            var c = new EvaluationCase(profile, date, evaluator.ReferenceData);
            var b0 = GC.GetAllocatedBytesForCurrentThread();
            var t0 = Stopwatch.GetTimestamp();
            var session = factory.CreateSession();
            session.AutoPropagateLinkedFacts = false;
            var t1 = Stopwatch.GetTimestamp();
            var b1 = GC.GetAllocatedBytesForCurrentThread();
            session.Insert(c);
            var t2 = Stopwatch.GetTimestamp();
            var b2 = GC.GetAllocatedBytesForCurrentThread();
            WorkPermitRuleSet.FireUntilQuiet(session, c, 1000, 0);
            var t3 = Stopwatch.GetTimestamp();
            var b3 = GC.GetAllocatedBytesForCurrentThread();
            if (run >= 0)
            {
                create += t1 - t0;
                insert += t2 - t1;
                fire += t3 - t2;
                createBytes += b1 - b0;
                insertBytes += b2 - b1;
                fireBytes += b3 - b2;
            }
        }

        Write("create session", create, createBytes);
        Write("insert the case", insert, insertBytes);
        Write("fire and propagate", fire, fireBytes);

        {
            // What one evaluation asks of the network, by node kind: nodes reached, and the facts or tuples in and out.
            var session = factory.CreateSession();
            session.AutoPropagateLinkedFacts = false;
            var c = new EvaluationCase(profile, date, evaluator.ReferenceData);
            session.Insert(c);
            WorkPermitRuleSet.FireUntilQuiet(session, c, 1000, 0);
            var kinds = session.GetSchema().Nodes.ToDictionary(n => n.Id, n => n.NodeType.ToString());
            Console.WriteLine("  node kind          reached   in(insert) out(insert) in(update) out(update)");
            foreach (var group in session.Metrics.GetAll().GroupBy(m => kinds[m.NodeId]).OrderByDescending(g => g.Sum(m => m.InsertInputCount)))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {group.Key,-16} {group.Count(),8} {group.Sum(m => m.InsertInputCount),11} {group.Sum(m => m.InsertOutputCount),11} {group.Sum(m => m.UpdateInputCount),10} {group.Sum(m => m.UpdateOutputCount),11}"));
            }
        }

        var perRule = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var run = -500; run < Runs / 2; run++)
        {
            var c = new EvaluationCase(profile, date, evaluator.ReferenceData);
            var session = factory.CreateSession();
            session.AutoPropagateLinkedFacts = false;
            long started = 0;
            var counting = run >= 0;
            session.Events.RuleFiringEvent += (_, _) => started = Stopwatch.GetTimestamp();
            session.Events.RuleFiredEvent += (_, e) =>
            {
                if (counting)
                {
                    var name = e.Rule.Name;
                    perRule[name] = perRule.GetValueOrDefault(name) + (Stopwatch.GetTimestamp() - started);
                }
            };
            session.Insert(c);
            WorkPermitRuleSet.FireUntilQuiet(session, c, 1000, 0);
        }

        var total = perRule.Values.Sum();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  rule actions in all: {total * 1e6 / Stopwatch.Frequency / (Runs / 2),8:F2} µs per evaluation; the costliest:"));
        foreach (var (name, ticks) in perRule.OrderByDescending(p => p.Value).Take(25))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-14} {ticks * 1e6 / Stopwatch.Frequency / (Runs / 2),8:F2} µs"));
        }
    }

    private static void Write(string stage, long ticks, long bytes) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {stage,-36} {ticks * 1e6 / Stopwatch.Frequency / Runs,9:F2} µs {bytes / (double)Runs / 1024,9:F2} KB"));
}
