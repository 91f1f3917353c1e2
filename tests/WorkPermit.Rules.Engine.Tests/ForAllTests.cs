using WorkPermit.Rules.Engine.Dsl;

namespace WorkPermit.Rules.Engine.Tests;

public class ForAllTests
{
    [Fact]
    public void Fire_AllFactsSatisfyCondition_Fires()
    {
        var session = TestEngine.Session(typeof(AllPositiveRule));
        var log = new FiringLog(session);
        session.InsertAll([new Item(1, 0, 5), new Item(2, 0, 1)]);

        session.Fire();

        Assert.Equal(["AllPositive"], log.Rules);
    }

    [Fact]
    public void Fire_OneFactViolatesCondition_DoesNotFire()
    {
        var session = TestEngine.Session(typeof(AllPositiveRule));
        session.InsertAll([new Item(1, 0, 5), new Item(2, 0, -1)]);

        Assert.Equal(0, session.Fire());
    }

    [Fact]
    public void Fire_NoFactsAtAll_FiresVacuously()
    {
        var session = TestEngine.Session(typeof(AllPositiveRule));

        Assert.Equal(1, session.Fire());
    }

    [Fact]
    public void Update_ViolatingFactFixed_Fires()
    {
        var session = TestEngine.Session(typeof(AllPositiveRule));
        session.InsertAll([new Item(1, 0, 5), new Item(2, 0, -1)]);
        session.Fire();

        session.Update(new Item(2, 0, 3));

        Assert.Equal(1, session.Fire());
    }

    [Fact]
    public void Insert_ViolatingFactAfterFire_RetractsLinkedFact()
    {
        var session = TestEngine.Session(typeof(AllPositiveRule));
        session.Insert(new Item(1, 0, 5));
        session.Fire();
        Assert.Single(session.Query<Note>());

        session.Insert(new Item(2, 0, 0));

        Assert.Empty(session.Query<Note>());
    }

    [Fact]
    public void Fire_BaseConditionSelectsFacts_OnlySelectedFactsAreChecked()
    {
        var session = TestEngine.Session(typeof(GroupOneAllPositiveRule));
        session.InsertAll([new Item(1, Group: 1, Value: 5), new Item(2, Group: 2, Value: -7)]);

        Assert.Equal(1, session.Fire());

        session.Insert(new Item(3, Group: 1, Value: -1));
        Assert.Empty(session.Query<Note>());
    }

    [Fact]
    public void Fire_AllJoinedToEarlierAlias_IsCheckedPerOuterFact()
    {
        var session = TestEngine.Session(typeof(CustomerAllSmallOrdersRule));
        var log = new FiringLog(session);
        session.InsertAll([
            new Customer(1, "Ann"), new Customer(2, "Bob"), new Customer(3, "Cid"),
            new Order(10, 1, 50), new Order(11, 2, 50), new Order(12, 2, 500),
        ]);

        session.Fire();

        Assert.Equal(["Ann", "Cid"], log.Firings.Select(f => ((Customer)f.Facts[0]!).Name).Order(StringComparer.Ordinal));
    }

    [Name("AllPositive")]
    private sealed class AllPositiveRule : Rule
    {
        public override void Define()
        {
            When().All<Item>(i => i.Value > 0);
            Then().Yield(ctx => new Note("all positive"));
        }
    }

    [Name("GroupOneAllPositive")]
    private sealed class GroupOneAllPositiveRule : Rule
    {
        public override void Define()
        {
            When().All<Item>(i => i.Group == 1, i => i.Value > 0);
            Then().Yield(ctx => new Note("group one all positive"));
        }
    }

    [Name("CustomerAllSmallOrders")]
    private sealed class CustomerAllSmallOrdersRule : Rule
    {
        public override void Define()
        {
            Customer customer = default!;
            When()
                .Match(() => customer)
                .All<Order>(o => o.CustomerId == customer.Id, o => o.Amount < 100);
            Then().Do(ctx => Act.Noop(customer));
        }
    }
}
