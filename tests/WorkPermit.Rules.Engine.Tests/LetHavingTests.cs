using WorkPermit.Rules.Engine.Dsl;
using WorkPermit.Rules.Engine.RuleModel;

namespace WorkPermit.Rules.Engine.Tests;

public class LetHavingTests
{
    [Fact]
    public void Fire_LetBindsComputedValue_ActionAndMatchSeeIt()
    {
        var session = TestEngine.Session(typeof(DoubledValueRule));
        var log = new FiringLog(session);
        session.Insert(new Item(1, 0, 7));

        session.Fire();

        var firing = Assert.Single(log.Firings);
        Assert.Equal(new object?[] { new Item(1, 0, 7), 14 }, firing.Facts);
        Assert.Equal([new Note("item 1 doubled 14")], session.Query<Note>());
    }

    [Fact]
    public void Fire_HavingOnLetFalse_DoesNotFire()
    {
        var session = TestEngine.Session(typeof(DoubledValueRule));
        session.Insert(new Item(1, 0, 5));

        Assert.Equal(0, session.Fire());
    }

    [Fact]
    public void Update_LetValueChanges_RefiresWithNewValue()
    {
        var session = TestEngine.Session(typeof(DoubledValueRule));
        session.Insert(new Item(1, 0, 7));
        session.Fire();

        session.Update(new Item(1, 0, 8));
        session.Fire();

        Assert.Equal([new Note("item 1 doubled 16")], session.Query<Note>());
    }

    [Fact]
    public void Update_HavingBecomesFalse_RetractsLinkedFact()
    {
        var session = TestEngine.Session(typeof(DoubledValueRule));
        session.Insert(new Item(1, 0, 7));
        session.Fire();

        session.Update(new Item(1, 0, 2));

        Assert.Empty(session.Query<Note>());
    }

    [Fact]
    public void Update_HavingBecomesTrue_Fires()
    {
        var session = TestEngine.Session(typeof(DoubledValueRule));
        session.Insert(new Item(1, 0, 2));
        session.Fire();

        session.Update(new Item(1, 0, 9));

        Assert.Equal(1, session.Fire());
    }

    [Fact]
    public void Fire_HavingOnMatch_FiltersLikeACondition()
    {
        var session = TestEngine.Session(typeof(HavingOnMatchRule));
        var log = new FiringLog(session);
        session.InsertAll([new Item(1, 0, 3), new Item(2, 0, 4)]);

        session.Fire();

        var firing = Assert.Single(log.Firings);
        Assert.Equal(new object?[] { new Item(2, 0, 4) }, firing.Facts);
    }

    [Fact]
    public void Fire_LetValueUsedAsJoinKey_JoinsOnComputedKey()
    {
        var session = TestEngine.Session(typeof(OrderByComputedIdRule));
        var log = new FiringLog(session);
        session.InsertAll([new Customer(1, "Ann"), new Customer(2, "Bob"), new Order(10, 0, 1), new Order(20, 0, 2), new Order(30, 0, 3)]);

        session.Fire();

        Assert.Equal(["Ann/10", "Bob/20"], log.Firings.Select(f => $"{((Customer)f.Facts[0]!).Name}/{((Order)f.Facts[2]!).Id}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Update_LetJoinKeyChanges_JoinsWithNewFact()
    {
        var session = TestEngine.Session(typeof(OrderByComputedIdRule));
        var log = new FiringLog(session);
        session.InsertAll([new Customer(1, "Ann"), new Order(10, 0, 1), new Order(20, 0, 2)]);
        session.Fire();

        session.Update(new Customer(1, "Ann", Tier: 1));
        session.Fire();

        Assert.Equal([10, 20], log.Firings.Select(f => ((Order)f.Facts[2]!).Id));
        Assert.Equal([ActionTrigger.Activated, ActionTrigger.Activated], log.Firings.Select(f => f.Trigger));
    }

    [Fact]
    public void Fire_HavingOverSeveralAliases_ComparesThem()
    {
        var session = TestEngine.Session(typeof(OrderAboveTierRule));
        var log = new FiringLog(session);
        session.InsertAll([new Customer(1, "Ann", Tier: 5), new Order(10, 1, 4), new Order(11, 1, 6)]);

        session.Fire();

        var firing = Assert.Single(log.Firings);
        Assert.Equal(new Order(11, 1, 6), firing.Facts[1]);
        Assert.Equal(11, firing.Facts[2]);
    }

    [Name("DoubledValue")]
    private sealed class DoubledValueRule : Rule
    {
        public override void Define()
        {
            Item item = default!;
            var doubled = 0;
            When()
                .Match(() => item)
                .Let(() => doubled, () => item.Value * 2)
                .Having(() => doubled > 10);
            Then().Yield(ctx => new Note("item " + item.Id + " doubled " + doubled));
        }
    }

    [Name("HavingOnMatch")]
    private sealed class HavingOnMatchRule : Rule
    {
        public override void Define()
        {
            Item item = default!;
            When()
                .Match(() => item)
                .Having(() => item.Value > 3);
            Then().Do(ctx => Act.Noop(item));
        }
    }

    [Name("OrderByComputedId")]
    private sealed class OrderByComputedIdRule : Rule
    {
        public override void Define()
        {
            Customer customer = default!;
            var wanted = 0;
            Order order = default!;
            When()
                .Match(() => customer)
                .Let(() => wanted, () => (customer.Id + customer.Tier) * 10)
                .Match(() => order, o => o.Id == wanted);
            Then().Do(ctx => Act.Noop(customer, wanted, order));
        }
    }

    [Name("OrderAboveTier")]
    private sealed class OrderAboveTierRule : Rule
    {
        public override void Define()
        {
            Customer customer = default!;
            Order order = default!;
            var total = 0;
            When()
                .Match(() => customer)
                .Match(() => order, o => o.CustomerId == customer.Id)
                .Let(() => total, () => order.Amount + customer.Tier)
                .Having(() => order.Amount > customer.Tier, () => total > 10);
            Then().Do(ctx => Act.Noop(customer, order, total));
        }
    }
}
