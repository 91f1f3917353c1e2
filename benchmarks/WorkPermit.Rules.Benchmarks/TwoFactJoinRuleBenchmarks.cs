using BenchmarkDotNet.Attributes;
using WorkPermit.Rules.Engine;
using WorkPermit.Rules.Engine.Dsl;

namespace WorkPermit.Rules.Benchmarks;

/// <summary>
/// engine.md's two-fact join rule scenario (NRules' BenchmarkTwoFactJoinRule): one rule joining even Fact1 and even
/// Fact2 facts on <c>fact2.IntProperty % 2 == fact1.IntProperty % 4</c>, empty action, Fact1Count x Fact2Count facts
/// with IntProperty = i. Each operation creates a session, does the work, fires and returns the number of rules fired.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShortRunConfig))]
public class TwoFactJoinRuleBenchmarks
{
    private ISessionFactory _factory = null!;
    private Fact1[] _facts1 = null!;
    private Fact2[] _facts2 = null!;
    private int _matches;

    /// <summary>Gets or sets the number of <see cref="Fact1"/> facts.</summary>
    /// <value>10, 100 or 1000.</value>
    [Params(10, 100, 1000)]
    public int Fact1Count { get; set; }

    /// <summary>Gets or sets the number of <see cref="Fact2"/> facts.</summary>
    /// <value>10, 100 or 1000.</value>
    [Params(10, 100, 1000)]
    public int Fact2Count { get; set; }

    /// <summary>Compiles the rule and makes the facts.</summary>
    private void Setup()
    {
        _factory = BenchmarkSetup.Compile(null, typeof(JoinRule));
        _facts1 = new Fact1[Fact1Count];
        for (var i = 0; i < Fact1Count; i++)
        {
            _facts1[i] = new Fact1 { IntProperty = i };
        }

        _facts2 = new Fact2[Fact2Count];
        for (var i = 0; i < Fact2Count; i++)
        {
            _facts2[i] = new Fact2 { IntProperty = i };
        }

        // An even fact2 has remainder 0, so it joins every fact1 that is a multiple of 4.
        _matches = ((Fact1Count + 3) / 4) * ((Fact2Count + 1) / 2);
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

    /// <summary>Inserts every fact of both types and fires.</summary>
    /// <returns>The number of rules fired.</returns>
    [Benchmark(Baseline = true)]
    public int Insert()
    {
        var session = _factory.CreateSession();
        session.InsertAll(_facts1);
        session.InsertAll(_facts2);
        return session.Fire();
    }

    /// <summary>Inserts every fact of both types, updates them all and fires.</summary>
    /// <returns>The number of rules fired.</returns>
    [Benchmark]
    public int InsertUpdate()
    {
        var session = _factory.CreateSession();
        session.InsertAll(_facts1);
        session.InsertAll(_facts2);
        session.UpdateAll(_facts1);
        session.UpdateAll(_facts2);
        return session.Fire();
    }

    /// <summary>Inserts every fact of both types, retracts them all and fires.</summary>
    /// <returns>The number of rules fired (none).</returns>
    [Benchmark]
    public int InsertRetract()
    {
        var session = _factory.CreateSession();
        session.InsertAll(_facts1);
        session.InsertAll(_facts2);
        session.RetractAll(_facts1);
        session.RetractAll(_facts2);
        return session.Fire();
    }

    private sealed class JoinRule : Rule
    {
        public override void Define()
        {
            Fact1 fact1 = default!;
            Fact2 fact2 = default!;

            When()
                .Match(() => fact1, x => x.IntProperty % 2 == 0)
                .Match(() => fact2, x => x.IntProperty % 2 == 0, x => x.IntProperty % 2 == fact1.IntProperty % 4);
            Then()
                .Do(_ => BenchmarkSetup.Nothing());
        }
    }
}
