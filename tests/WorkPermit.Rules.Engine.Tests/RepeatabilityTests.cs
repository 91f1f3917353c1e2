using WorkPermit.Rules.Engine.Dsl;
using WorkPermit.Rules.Engine.RuleModel;

namespace WorkPermit.Rules.Engine.Tests;

public class RepeatabilityTests
{
    [Fact]
    public void Update_MatchedFactOfRepeatableRule_FiresAgainAsReactivated()
    {
        var session = TestEngine.Session(typeof(RepeatableRule));
        var log = new FiringLog(session);
        session.Insert(new Item(1, 0, 0));
        session.Fire();

        session.Update(new Item(1, 0, 1));
        var fired = session.Fire();

        Assert.Equal(1, fired);
        Assert.Equal([ActionTrigger.Activated, ActionTrigger.Reactivated], log.Firings.Select(f => f.Trigger));
        Assert.Equal(new Item(1, 0, 1), log.Firings[1].Facts[0]);
    }

    [Fact]
    public void Update_SameValuesOfRepeatableRule_StillFiresAgain()
    {
        var session = TestEngine.Session(typeof(RepeatableRule));
        session.Insert(new Item(1, 0, 0));
        session.Fire();

        session.Update(new Item(1, 0, 0));

        Assert.Equal(1, session.Fire());
    }

    [Fact]
    public void Update_MatchedFactOfNonRepeatableRule_DoesNotFireAgain()
    {
        var session = TestEngine.Session(typeof(NonRepeatableRule));
        session.Insert(new Item(1, 0, 0));
        session.Fire();

        session.Update(new Item(1, 0, 1));

        Assert.Equal(0, session.Fire());
    }

    [Fact]
    public void RetractAndInsert_NonRepeatableRule_FiresAgain()
    {
        var session = TestEngine.Session(typeof(NonRepeatableRule));
        session.Insert(new Item(1, 0, 0));
        session.Fire();

        session.Retract(new Item(1, 0, 0));
        session.Insert(new Item(1, 0, 0));

        Assert.Equal(1, session.Fire());
    }

    [Fact]
    public void Update_NonRepeatableMatchBrokenAndRemade_FiresAgain()
    {
        var session = TestEngine.Session(typeof(NonRepeatableRule));
        session.Insert(new Item(1, 0, 0));
        session.Fire();

        session.Update(new Item(1, 0, -1));
        session.Update(new Item(1, 0, 2));

        Assert.Equal(1, session.Fire());
    }

    [Fact]
    public void Update_BeforeFirstFire_FiresOnceAsActivated()
    {
        var session = TestEngine.Session(typeof(RepeatableRule), typeof(NonRepeatableRule));
        var log = new FiringLog(session);
        session.Insert(new Item(1, 0, 0));

        session.Update(new Item(1, 0, 3));
        session.Fire();

        Assert.Equal(["NonRepeatable:Activated:3", "Repeatable:Activated:3"],
            log.Firings.Select(f => $"{f.Rule}:{f.Trigger}:{((Item)f.Facts[0]!).Value}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Compile_NoRepeatabilityAttribute_RuleIsRepeatable()
    {
        var factory = TestEngine.Compile(typeof(DefaultRule), typeof(NonRepeatableRule));

        Assert.Equal(RuleRepeatability.Repeatable, factory.Rules.Single(r => r.Name == "Default").Repeatability);
        Assert.Equal(RuleRepeatability.NonRepeatable, factory.Rules.Single(r => r.Name == "NonRepeatable").Repeatability);
    }

    [Fact]
    public void Fire_NonRepeatableRuleUpdatesItsOwnFact_FiresOnceWithoutLooping()
    {
        var session = TestEngine.Session(typeof(NonRepeatableSelfUpdate));
        var counter = new Counter("c");
        session.Insert(counter);

        var fired = session.Fire();

        Assert.Equal(1, fired);
        Assert.Equal(1, counter.Value);
    }

    [Fact]
    public void Update_RightFactOfJoinInRepeatableRule_FiresAgain()
    {
        var session = TestEngine.Session(typeof(RepeatableJoinRule));
        var log = new FiringLog(session);
        session.InsertAll([new Customer(1, "Ann"), new Order(10, 1, 5)]);
        session.Fire();

        session.Update(new Order(10, 1, 6));
        session.Fire();

        Assert.Equal([ActionTrigger.Activated, ActionTrigger.Reactivated], log.Firings.Select(f => f.Trigger));
    }

    [Name("Repeatable"), Repeatability(RuleRepeatability.Repeatable)]
    private sealed class RepeatableRule : Rule
    {
        public override void Define()
        {
            Item item = default!;
            When().Match(() => item, i => i.Value >= 0);
            Then().Do(ctx => Act.Noop(item));
        }
    }

    [Name("NonRepeatable"), Repeatability(RuleRepeatability.NonRepeatable)]
    private sealed class NonRepeatableRule : Rule
    {
        public override void Define()
        {
            Item item = default!;
            When().Match(() => item, i => i.Value >= 0);
            Then().Do(ctx => Act.Noop(item));
        }
    }

    [Name("Default")]
    private sealed class DefaultRule : Rule
    {
        public override void Define()
        {
            Item item = default!;
            When().Match(() => item);
            Then().Do(ctx => Act.Noop(item));
        }
    }

    [Name("NonRepeatableSelfUpdate"), Repeatability(RuleRepeatability.NonRepeatable)]
    private sealed class NonRepeatableSelfUpdate : Rule
    {
        public override void Define()
        {
            Counter counter = default!;
            When().Match(() => counter);
            Then().Do(ctx => ctx.Update(Act.Increment(counter)));
        }
    }

    [Name("RepeatableJoin")]
    private sealed class RepeatableJoinRule : Rule
    {
        public override void Define()
        {
            Customer customer = default!;
            Order order = default!;
            When().Match(() => customer).Match(() => order, o => o.CustomerId == customer.Id);
            Then().Do(ctx => Act.Noop(customer, order));
        }
    }
}
