using System.Diagnostics;
using System.Globalization;
using System.Linq.Expressions;
using NRules;
using NRules.RuleModel;
using NRules.RuleModel.Builders;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Benchmarks;

/// <summary>
/// What NRules 1.0.4 itself costs for a rule set of the catalogue's size (<c>-- stages floor</c>): as many rules as the
/// catalogue has, each matching only the case and doing nothing, in a new session per evaluation, beside the real rule
/// set. The difference is what the rules' own work and the findings' way through the network add; the first figure is
/// the floor any rule set of one NRules rule per catalogue ID pays.
/// </summary>
internal static class FloorStages
{
    private const int Runs = 20_000;

    public static void Run()
    {
        var evaluator = WorkPermitEvaluator.Create();
        var profile = BenchmarkProfiles.Read(BenchmarkProfiles.Full);
        var date = new DateOnly(2025, 4, 10);
        var trivial = new RuleCompiler().Compile(Enumerable.Range(0, RuleCatalogue.Rules.Count).Select(Trivial));
        var real = WorkPermitRuleSet.Compiled;
        for (var round = 0; round < 3; round++)
        {
            Measure("trivial rules (match the case, do nothing)", () =>
            {
                var session = trivial.CreateSession();
                session.Insert(new EvaluationCase(profile, date, evaluator.ReferenceData));
                session.Fire();
            });
            Measure("the catalogue's rules", () => WorkPermitRuleSet.Run(real, new EvaluationCase(profile, date, evaluator.ReferenceData), 1000));
        }
    }

    public static void Noop(EvaluationCase c) => GC.KeepAlive(c);

    private static IRuleDefinition Trivial(int index)
    {
        var builder = new RuleBuilder();
        builder.Name($"trivial {index}");
        var c = builder.LeftHandSide().Pattern(typeof(EvaluationCase), "c");
        Expression<Action<IContext, EvaluationCase>> action = (_, c) => Noop(c);
        builder.RightHandSide().Action(action);
        return builder.Build();
    }

    private static void Measure(string name, Action evaluate)
    {
        for (var i = 0; i < 2000; i++)
        {
            evaluate();
        }

        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < Runs; i++)
        {
            evaluate();
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name,-44} {elapsed.TotalMicroseconds / Runs,8:F2} µs {(GC.GetAllocatedBytesForCurrentThread() - bytes) / (double)Runs / 1024,8:F2} KB"));
    }
}
