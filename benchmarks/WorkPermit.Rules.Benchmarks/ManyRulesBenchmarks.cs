using BenchmarkDotNet.Attributes;
using WorkPermit.Rules.Engine;
using WorkPermit.Rules.Engine.Dsl;
using WorkPermit.Rules.Engine.Fluent;

namespace WorkPermit.Rules.Benchmarks;

/// <summary>
/// engine.md's many-rules scenario (NRules' BenchmarkMultipleRules): RuleCount generated one-pattern rules over 100
/// facts with IntProperty = i, rule i (1..RuleCount) matching <c>f.IntProperty % i == 0</c> with an empty action. The
/// rules are instances of one parameterised rule class, made by a custom <see cref="IRuleActivator"/>. Each operation
/// creates a session, does the work, fires and returns the number of rules fired.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShortRunConfig))]
public class ManyRulesBenchmarks
{
    private const int FactCount = 100;

    private ISessionFactory _factory = null!;
    private Fact[] _facts = null!;
    private int _matches;

    /// <summary>Gets or sets the number of generated rules.</summary>
    /// <value>10, 100 or 1000.</value>
    [Params(10, 100, 1000)]
    public int RuleCount { get; set; }

    /// <summary>Compiles the rules and makes the facts.</summary>
    private void Setup()
    {
        _factory = BenchmarkSetup.Compile(new DivisibleByRuleActivator(RuleCount), typeof(DivisibleByRule));
        BenchmarkSetup.Expect("rules compiled", _factory.Rules.Count, RuleCount);
        _facts = new Fact[FactCount];
        for (var i = 0; i < FactCount; i++)
        {
            _facts[i] = new Fact { IntProperty = i };
        }

        // Rule i matches 0, i, 2i, ... below FactCount.
        _matches = Enumerable.Range(1, RuleCount).Sum(i => ((FactCount - 1) / i) + 1);
    }

    /// <summary>Sets up <see cref="Insert"/> and checks, once and outside the measurement, that it fires what the scenario implies.</summary>
    [GlobalSetup(Target = nameof(Insert))]
    public void SetupInsert()
    {
        Setup();
        BenchmarkSetup.Expect(nameof(Insert), Insert(), _matches);
    }

    /// <summary>Sets up <see cref="InsertUpdate"/> and checks, once and outside the measurement, that it fires what the scenario implies.</summary>
    [GlobalSetup(Target = nameof(InsertUpdate))]
    public void SetupInsertUpdate()
    {
        Setup();
        BenchmarkSetup.Expect(nameof(InsertUpdate), InsertUpdate(), _matches);
    }

    /// <summary>Sets up <see cref="InsertRetract"/> and checks, once and outside the measurement, that it fires nothing.</summary>
    [GlobalSetup(Target = nameof(InsertRetract))]
    public void SetupInsertRetract()
    {
        Setup();
        BenchmarkSetup.Expect(nameof(InsertRetract), InsertRetract(), 0);
    }

    /// <summary>Inserts every fact and fires.</summary>
    /// <returns>The number of rules fired.</returns>
    [Benchmark(Baseline = true)]
    public int Insert()
    {
        var session = _factory.CreateSession();
        session.InsertAll(_facts);
        return session.Fire();
    }

    /// <summary>Inserts every fact, updates every fact and fires.</summary>
    /// <returns>The number of rules fired.</returns>
    [Benchmark]
    public int InsertUpdate()
    {
        var session = _factory.CreateSession();
        session.InsertAll(_facts);
        session.UpdateAll(_facts);
        return session.Fire();
    }

    /// <summary>Inserts every fact, retracts every fact and fires.</summary>
    /// <returns>The number of rules fired (none).</returns>
    [Benchmark]
    public int InsertRetract()
    {
        var session = _factory.CreateSession();
        session.InsertAll(_facts);
        session.RetractAll(_facts);
        return session.Fire();
    }

    /// <summary>Rule i of the scenario: matches facts whose IntProperty is a multiple of i.</summary>
    /// <param name="index">The rule's index, 1 to RuleCount.</param>
    private sealed class DivisibleByRule(int index) : Rule
    {
        private readonly int _index = index;

        public override void Define()
        {
            // Copy the field into a local so that the condition captures a constant of this instance, not the rule.
            var index = _index;
            Fact fact = default!;

            When()
                .Match(() => fact, f => f.IntProperty % index == 0);
            Then()
                .Do(_ => BenchmarkSetup.Nothing());
        }
    }

    /// <summary>Makes RuleCount instances of <see cref="DivisibleByRule"/>, with indexes 1 to RuleCount.</summary>
    /// <param name="ruleCount">The number of rules.</param>
    private sealed class DivisibleByRuleActivator(int ruleCount) : IRuleActivator
    {
        public IEnumerable<Rule> Activate(Type type) =>
            type == typeof(DivisibleByRule)
                ? Enumerable.Range(1, ruleCount).Select(i => new DivisibleByRule(i)).ToArray()
                : [];
    }
}
