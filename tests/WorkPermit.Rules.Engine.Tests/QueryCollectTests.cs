using WorkPermit.Rules.Engine.Dsl;

namespace WorkPermit.Rules.Engine.Tests;

public class QueryCollectTests
{
    [Fact]
    public void Fire_CollectWithNoFacts_FiresOnceWithEmptyCollection()
    {
        var session = TestEngine.Session(typeof(CollectItemsRule));
        var log = new FiringLog(session);

        session.Fire();

        var firing = Assert.Single(log.Firings);
        Assert.Empty((IEnumerable<Item>)firing.Facts[0]!);
    }

    [Fact]
    public void Insert_FactIntoCollection_RefiresWithLargerCollection()
    {
        var session = TestEngine.Session(typeof(CollectItemsRule));
        var log = new FiringLog(session);
        session.Fire();

        session.Insert(new Item(1, 0, 0));
        session.Fire();
        session.Insert(new Item(2, 0, 0));
        session.Fire();

        Assert.Equal([0, 1, 2], log.Firings.Select(f => ((IEnumerable<Item>)f.Facts[0]!).Count()));
    }

    [Fact]
    public void Retract_CollectedFact_RefiresWithSmallerCollection()
    {
        var session = TestEngine.Session(typeof(CollectItemsRule));
        var log = new FiringLog(session);
        session.InsertAll([new Item(1, 0, 0), new Item(2, 0, 0)]);
        session.Fire();

        session.Retract(new Item(1, 0, 0));
        session.Fire();

        Assert.Equal([2, 1], log.Firings.Select(f => ((IEnumerable<Item>)f.Facts[0]!).Count()));
        Assert.Equal([new Item(2, 0, 0)], (IEnumerable<Item>)log.Firings[1].Facts[0]!);
    }

    [Fact]
    public void Update_CollectedFact_RefiresWithNewValue()
    {
        var session = TestEngine.Session(typeof(CollectItemsRule));
        var log = new FiringLog(session);
        session.Insert(new Item(1, 0, 5));
        session.Fire();

        session.Update(new Item(1, 0, 6));
        session.Fire();

        Assert.Equal(2, log.Firings.Count);
        Assert.Equal([new Item(1, 0, 6)], (IEnumerable<Item>)log.Firings[1].Facts[0]!);
    }

    [Fact]
    public void Fire_ManyChangesBetweenFires_FiresOnceWithFinalCollection()
    {
        var session = TestEngine.Session(typeof(CollectItemsRule));
        var log = new FiringLog(session);
        session.Fire();

        session.Insert(new Item(1, 0, 0));
        session.Insert(new Item(2, 0, 0));
        session.Insert(new Item(3, 0, 0));
        session.Retract(new Item(2, 0, 0));
        session.Fire();

        Assert.Equal(2, log.Firings.Count);
        Assert.Equal([1, 3], ((IEnumerable<Item>)log.Firings[1].Facts[0]!).Select(i => i.Id));
    }

    [Fact]
    public void Insert_FactOfAnotherType_DoesNotRefireCollect()
    {
        var session = TestEngine.Session(typeof(CollectItemsRule));
        session.Insert(new Item(1, 0, 0));
        session.Fire();

        session.Insert(new Label("unrelated"));

        Assert.Equal(0, session.Fire());
    }

    [Fact]
    public void Fire_CollectJoinedToOuterFact_OneCollectionPerOuterFact()
    {
        var session = TestEngine.Session(typeof(OrdersPerCustomerRule));
        var log = new FiringLog(session);
        session.InsertAll([new Customer(1, "Ann"), new Customer(2, "Bob"), new Order(10, 1, 5), new Order(11, 1, 7), new Order(12, 3, 9)]);

        session.Fire();

        Assert.Equal(
            ["Ann:10,11", "Bob:"],
            log.Firings.Select(f => $"{((Customer)f.Facts[0]!).Name}:{string.Join(",", ((IEnumerable<Order>)f.Facts[1]!).Select(o => o.Id))}")
                .Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Update_OuterFactJoinKey_CollectionFollowsNewKey()
    {
        var session = TestEngine.Session(typeof(ItemsOfGroupRule));
        var log = new FiringLog(session);
        session.InsertAll([new Customer(1, "Ann"), new Item(1, Group: 1, Value: 0), new Item(2, Group: 2, Value: 0)]);
        session.Fire();

        session.Update(new Customer(1, "Ann", Tier: 1));
        session.Fire();

        Assert.Equal(["1", "2"], log.Firings.Select(f => string.Join(",", ((IEnumerable<Item>)f.Facts[1]!).Select(i => i.Id))));
    }

    [Fact]
    public void Fire_CollectAfterWhereAndSelect_CollectsProjectedValues()
    {
        var session = TestEngine.Session(typeof(GroupOneValuesRule));
        var log = new FiringLog(session);
        session.InsertAll([new Item(1, 1, 10), new Item(2, 2, 20), new Item(3, 1, 30)]);

        session.Fire();

        Assert.Equal([10, 30], (IEnumerable<int>)Assert.Single(log.Firings).Facts[0]!);
    }

    [Fact]
    public void Fire_CollectAfterSelectMany_CollectsFlattenedElements()
    {
        var session = TestEngine.Session(typeof(AllProductsRule));
        var log = new FiringLog(session);
        session.InsertAll([new Basket(1, ["apple", "pear"]), new Basket(2, []), new Basket(3, ["fig"])]);

        session.Fire();

        Assert.Equal(["apple", "pear", "fig"], (IEnumerable<string>)Assert.Single(log.Firings).Facts[0]!);
    }

    [Fact]
    public void Fire_CollectedElements_AreInWorkingMemoryOrder()
    {
        var session = TestEngine.Session(typeof(CollectItemsRule));
        var log = new FiringLog(session);
        session.Insert(new Item(3, 0, 0));
        session.Insert(new Item(1, 0, 0));
        session.Insert(new Item(2, 0, 0));
        session.Update(new Item(3, 0, 9));

        session.Fire();

        Assert.Equal([3, 1, 2], ((IEnumerable<Item>)Assert.Single(log.Firings).Facts[0]!).Select(i => i.Id));
    }

    [Fact]
    public void Fire_CollectWithHavingOnCount_MatchesOnlyWhenEnough()
    {
        var session = TestEngine.Session(typeof(AtLeastTwoItemsRule));
        session.Insert(new Item(1, 0, 0));
        Assert.Equal(0, session.Fire());

        session.Insert(new Item(2, 0, 0));
        Assert.Equal(1, session.Fire());
        Assert.Single(session.Query<Note>());

        session.Retract(new Item(1, 0, 0));
        session.Fire();
        Assert.Empty(session.Query<Note>());
    }

    [Fact]
    public void Fire_QueryWithoutCollect_MatchesOncePerElement()
    {
        var session = TestEngine.Session(typeof(TenfoldValueRule));
        var log = new FiringLog(session);
        session.InsertAll([new Item(1, 0, 1), new Item(2, 0, 2)]);

        session.Fire();

        Assert.Equal([10, 20], log.Firings.Select(f => (int)f.Facts[0]!).Order());
    }

    internal sealed record Basket(int Id, IReadOnlyList<string> Products);

    [Name("CollectItems")]
    private sealed class CollectItemsRule : Rule
    {
        public override void Define()
        {
            IEnumerable<Item> items = default!;
            When().Query(() => items, q => q.Match<Item>().Collect());
            Then().Do(ctx => Act.Noop(items));
        }
    }

    [Name("OrdersPerCustomer")]
    private sealed class OrdersPerCustomerRule : Rule
    {
        public override void Define()
        {
            Customer customer = default!;
            IEnumerable<Order> orders = default!;
            When()
                .Match(() => customer)
                .Query(() => orders, q => q.Match<Order>(o => o.CustomerId == customer.Id).Collect());
            Then().Do(ctx => Act.Noop(customer, orders));
        }
    }

    [Name("ItemsOfGroup")]
    private sealed class ItemsOfGroupRule : Rule
    {
        public override void Define()
        {
            Customer customer = default!;
            IEnumerable<Item> items = default!;
            When()
                .Match(() => customer)
                .Query(() => items, q => q.Match<Item>(i => i.Group == customer.Tier + 1).Collect());
            Then().Do(ctx => Act.Noop(customer, items));
        }
    }

    [Name("GroupOneValues")]
    private sealed class GroupOneValuesRule : Rule
    {
        public override void Define()
        {
            IEnumerable<int> values = default!;
            When().Query(() => values, q => q.Match<Item>().Where(i => i.Group == 1).Select(i => i.Value).Collect());
            Then().Do(ctx => Act.Noop(values));
        }
    }

    [Name("AllProducts")]
    private sealed class AllProductsRule : Rule
    {
        public override void Define()
        {
            IEnumerable<string> products = default!;
            When().Query(() => products, q => q.Match<Basket>().SelectMany(b => b.Products).Collect());
            Then().Do(ctx => Act.Noop(products));
        }
    }

    [Name("AtLeastTwoItems")]
    private sealed class AtLeastTwoItemsRule : Rule
    {
        public override void Define()
        {
            IEnumerable<Item> items = default!;
            When()
                .Query(() => items, q => q.Match<Item>().Collect())
                .Having(() => items.Count() >= 2);
            Then().Yield(ctx => new Note("at least two"));
        }
    }

    [Name("TenfoldValue")]
    private sealed class TenfoldValueRule : Rule
    {
        public override void Define()
        {
            int value = 0;
            When().Query(() => value, q => q.Match<Item>().Select(i => i.Value * 10));
            Then().Do(ctx => Act.Noop(value));
        }
    }
}
