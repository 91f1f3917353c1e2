using WorkPermit.Rules.Engine.Dsl;

namespace WorkPermit.Rules.Engine.Tests;

public class LoopGuardTests
{
    [Fact]
    public void Fire_RuleKeepsUpdatingFactItMatches_ThrowsNamingTheRule()
    {
        var session = TestEngine.Session(typeof(EndlessIncrementRule));
        session.MaxFiringsPerFire = 1000;
        session.Insert(new Counter("c"));

        var error = Assert.Throws<RuleFiringLimitExceededException>(() => session.Fire());

        Assert.Equal(1000, error.Limit);
        Assert.Equal(["EndlessIncrement"], error.Rules);
        Assert.Contains("'EndlessIncrement'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fire_TwoRulesReactivatingEachOther_NamesBoth()
    {
        var session = TestEngine.Session(typeof(EvenBumpRule), typeof(OddBumpRule), typeof(EachItemRule));
        session.MaxFiringsPerFire = 1000;
        session.Insert(new Counter("c"));
        session.Insert(new Item(1, 0, 0));

        var error = Assert.Throws<RuleFiringLimitExceededException>(() => session.Fire());

        Assert.Equal(["EvenBump", "OddBump"], error.Rules.Order(StringComparer.Ordinal));
        Assert.Contains("'EvenBump'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'OddBump'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fire_ExactlyTheLimitOfFirings_DoesNotThrow()
    {
        var session = TestEngine.Session(typeof(CountToFiveRule));
        session.MaxFiringsPerFire = 5;
        var counter = new Counter("c");
        session.Insert(counter);

        var fired = session.Fire();

        Assert.Equal(5, fired);
        Assert.Equal(5, counter.Value);
    }

    [Fact]
    public void Fire_OneFiringOverTheLimit_Throws()
    {
        var session = TestEngine.Session(typeof(CountToFiveRule));
        session.MaxFiringsPerFire = 4;
        session.Insert(new Counter("c"));

        Assert.Throws<RuleFiringLimitExceededException>(() => session.Fire());
    }

    [Fact]
    public void Compile_LimitSetOnCompiler_NewSessionsUseIt()
    {
        var factory = TestEngine.Compile(c => c.MaxFiringsPerFire = 50, typeof(EndlessIncrementRule));
        var session = factory.CreateSession();
        session.Insert(new Counter("c"));

        var error = Assert.Throws<RuleFiringLimitExceededException>(() => session.Fire());

        Assert.Equal(50, session.MaxFiringsPerFire);
        Assert.Equal(50, error.Limit);
    }

    [Fact]
    public void MaxFiringsPerFire_NotPositive_ThrowsArgumentOutOfRange()
    {
        var session = TestEngine.Session(typeof(EndlessIncrementRule));
        var compiler = new RuleCompiler();

        Assert.Throws<ArgumentOutOfRangeException>(() => session.MaxFiringsPerFire = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => compiler.MaxFiringsPerFire = -1);
    }

    [Fact]
    public void MaxFiringsPerFire_Default_IsTenMillion()
    {
        var session = TestEngine.Session(typeof(EndlessIncrementRule));

        Assert.Equal(10_000_000, session.MaxFiringsPerFire);
    }

    [Name("EndlessIncrement")]
    private sealed class EndlessIncrementRule : Rule
    {
        public override void Define()
        {
            Counter counter = default!;
            When().Match(() => counter, c => c.Value >= 0);
            Then().Do(ctx => ctx.Update(Act.Increment(counter)));
        }
    }

    [Name("CountToFive")]
    private sealed class CountToFiveRule : Rule
    {
        public override void Define()
        {
            Counter counter = default!;
            When().Match(() => counter, c => c.Value < 5);
            Then().Do(ctx => ctx.Update(Act.Increment(counter)));
        }
    }

    [Name("EvenBump")]
    private sealed class EvenBumpRule : Rule
    {
        public override void Define()
        {
            Counter counter = default!;
            When().Match(() => counter, c => c.Value % 2 == 0);
            Then().Do(ctx => ctx.Update(Act.Increment(counter)));
        }
    }

    [Name("OddBump")]
    private sealed class OddBumpRule : Rule
    {
        public override void Define()
        {
            Counter counter = default!;
            When().Match(() => counter, c => c.Value % 2 == 1);
            Then().Do(ctx => ctx.Update(Act.Increment(counter)));
        }
    }

    [Name("EachItem"), Priority(-1)]
    private sealed class EachItemRule : Rule
    {
        public override void Define()
        {
            Item item = default!;
            When().Match(() => item);
            Then().Do(ctx => Act.Noop(item));
        }
    }
}
