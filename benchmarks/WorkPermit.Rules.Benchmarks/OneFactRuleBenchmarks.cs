using BenchmarkDotNet.Attributes;
using WorkPermit.Rules.Engine;
using WorkPermit.Rules.Engine.Dsl;

namespace WorkPermit.Rules.Benchmarks;

/// <summary>
/// engine.md's one-fact rule scenario (NRules' BenchmarkOneFactRule): one rule matching even facts, empty action,
/// FactCount facts with IntProperty = i. Each operation creates a session, does the work, fires and returns the number
/// of rules fired.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShortRunConfig))]
public class OneFactRuleBenchmarks
{
    private ISessionFactory _factory = null!;
    private Fact[] _facts = null!;
    private int _matches;

    /// <summary>Gets or sets the number of facts.</summary>
    /// <value>10, 100 or 1000.</value>
    [Params(10, 100, 1000)]
    public int FactCount { get; set; }

    /// <summary>Compiles the rule and makes the facts.</summary>
    private void Setup()
    {
        _factory = BenchmarkSetup.Compile(null, typeof(EvenFactRule));
        _facts = new Fact[FactCount];
        for (var i = 0; i < FactCount; i++)
        {
            _facts[i] = new Fact { IntProperty = i };
        }

        _matches = (FactCount + 1) / 2;
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

    private sealed class EvenFactRule : Rule
    {
        public override void Define()
        {
            Fact fact = default!;

            When()
                .Match(() => fact, f => f.IntProperty % 2 == 0);
            Then()
                .Do(_ => BenchmarkSetup.Nothing());
        }
    }
}
