using NRules;
using NRules.Fluent;

namespace WorkPermit.Rules.Benchmarks;

/// <summary>What the benchmark classes share: compiling rules and checking that a scenario does the work it should.</summary>
internal static class BenchmarkSetup
{
    /// <summary>Loads rule classes through a repository and compiles them, outside the measured code.</summary>
    /// <param name="ruleTypes">The rule classes (internal ones included).</param>
    /// <returns>The session factory.</returns>
    public static ISessionFactory Compile(params Type[] ruleTypes)
    {
        var repository = new RuleRepository();
        repository.Load(x => x.PrivateTypes().From(ruleTypes));
        Expect("loading the rules", repository.GetRules().Count(), ruleTypes.Length);
        return repository.Compile();
    }

    /// <summary>Fails the run when an operation fired a different number of rules than the scenario implies, so a
    /// figure is never reported for work the engine did not do.</summary>
    /// <param name="operation">The operation.</param>
    /// <param name="actual">The rules it fired.</param>
    /// <param name="expected">The rules it should have fired.</param>
    /// <exception cref="InvalidOperationException">The counts differ.</exception>
    public static void Expect(string operation, int actual, int expected)
    {
        if (actual != expected)
        {
            throw new InvalidOperationException($"{operation} fired {actual} rules; the scenario implies {expected}.");
        }
    }
}
