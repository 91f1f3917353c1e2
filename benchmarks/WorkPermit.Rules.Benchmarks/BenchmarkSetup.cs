using WorkPermit.Rules.Engine;
using WorkPermit.Rules.Engine.Fluent;

namespace WorkPermit.Rules.Benchmarks;

/// <summary>What the benchmark classes share: compiling rules and checking that a scenario does the work it should.</summary>
internal static class BenchmarkSetup
{
    /// <summary>Loads rule classes through a repository and compiles them, outside the measured code.</summary>
    /// <param name="activator">The activator, or <see langword="null"/> for the default one.</param>
    /// <param name="ruleTypes">The rule classes.</param>
    /// <returns>The session factory.</returns>
    public static ISessionFactory Compile(IRuleActivator? activator, params Type[] ruleTypes)
    {
        var repository = new RuleRepository();
        if (activator is not null)
        {
            repository.Activator = activator;
        }

        repository.Load(x => x.From(ruleTypes));
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

    /// <summary>The rules' empty action.</summary>
    public static void Nothing()
    {
    }
}
