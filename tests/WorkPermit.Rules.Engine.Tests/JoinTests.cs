using WorkPermit.Rules.Engine.Dsl;

namespace WorkPermit.Rules.Engine.Tests;

public class JoinTests
{
    [Fact]
    public void Fire_OneMatchingFact_FiresOnce()
    {
        var session = TestEngine.Session(typeof(VipCustomerRule));
        var log = new FiringLog(session);
        session.Insert(new Customer(1, "Ann", Tier: 2));
        session.Insert(new Customer(2, "Bob", Tier: 0));

        var fired = session.Fire();

        Assert.Equal(1, fired);
        var firing = Assert.Single(log.Firings);
        Assert.Equal("Vip", firing.Rule);
        Assert.Equal(new object?[] { new Customer(1, "Ann", 2) }, firing.Facts);
    }

    [Fact]
    public void Fire_CustomerWithTwoOrders_FiresOncePerPair()
    {
        var session = TestEngine.Session(typeof(CustomerOrderRule));
        var log = new FiringLog(session);
        var ann = new Customer(1, "Ann");
        var bob = new Customer(2, "Bob");
        session.InsertAll([ann, bob, new Order(10, 1, 5), new Order(11, 1, 7), new Order(12, 3, 9)]);

        session.Fire();

        Assert.Equal(
            ["Ann/10", "Ann/11"],
            log.Firings.Select(f => $"{((Customer)f.Facts[0]!).Name}/{((Order)f.Facts[1]!).Id}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Fire_NoMatchingPair_DoesNotFire()
    {
        var session = TestEngine.Session(typeof(CustomerOrderRule));
        session.Insert(new Customer(1, "Ann"));
        session.Insert(new Order(10, 2, 5));

        Assert.Equal(0, session.Fire());
    }

    [Fact]
    public void Fire_RightFactInsertedBeforeLeft_SameMatchesAsLeftFirst()
    {
        var first = TestEngine.Session(typeof(CustomerOrderRule));
        var second = TestEngine.Session(typeof(CustomerOrderRule));
        var firstLog = new FiringLog(first);
        var secondLog = new FiringLog(second);
        first.Insert(new Customer(1, "Ann"));
        first.Insert(new Order(10, 1, 5));
        second.Insert(new Order(10, 1, 5));
        second.Insert(new Customer(1, "Ann"));

        first.Fire();
        second.Fire();

        Assert.Equal(firstLog.Firings.Select(f => f.ToString()), secondLog.Firings.Select(f => f.ToString()));
        Assert.Single(firstLog.Firings);
    }

    [Fact]
    public void Fire_ThreeWayJoin_MatchesOnlyConsistentTriples()
    {
        var session = TestEngine.Session(typeof(ThreeWayRule));
        var log = new FiringLog(session);
        session.InsertAll([
            new Customer(1, "Ann"), new Customer(2, "Bob"),
            new Order(10, 1, 5), new Order(20, 2, 5),
            new Item(100, Group: 10, Value: 1), new Item(101, Group: 20, Value: 1), new Item(102, Group: 10, Value: 2), new Item(103, Group: 99, Value: 3),
        ]);

        session.Fire();

        Assert.Equal(
            ["1/10/100", "1/10/102", "2/20/101"],
            log.Firings.Select(f => $"{((Customer)f.Facts[0]!).Id}/{((Order)f.Facts[1]!).Id}/{((Item)f.Facts[2]!).Id}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Fire_SelfJoin_PairsDistinctFactsOfTheSameType()
    {
        var session = TestEngine.Session(typeof(SameGroupPairRule));
        var log = new FiringLog(session);
        session.InsertAll([new Item(1, 7, 0), new Item(2, 7, 0), new Item(3, 7, 0), new Item(4, 8, 0)]);

        session.Fire();

        Assert.Equal(
            ["1-2", "1-3", "2-3"],
            log.Firings.Select(f => $"{((Item)f.Facts[0]!).Id}-{((Item)f.Facts[1]!).Id}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Update_JoinKeyChangesToMatch_FiresForNewPair()
    {
        var session = TestEngine.Session(typeof(CustomerOrderRule));
        var log = new FiringLog(session);
        session.Insert(new Customer(1, "Ann"));
        session.Insert(new Order(10, 2, 5));
        session.Fire();

        session.Update(new Order(10, 1, 5));
        session.Fire();

        var firing = Assert.Single(log.Firings);
        Assert.Equal(new Order(10, 1, 5), firing.Facts[1]);
    }

    [Fact]
    public void Update_JoinKeyChangesAwayBeforeFire_ActivationRemoved()
    {
        var session = TestEngine.Session(typeof(CustomerOrderRule));
        session.Insert(new Customer(1, "Ann"));
        session.Insert(new Order(10, 1, 5));
        Assert.Equal(1, session.AgendaCount);

        session.Update(new Order(10, 2, 5));

        Assert.Equal(0, session.AgendaCount);
        Assert.Equal(0, session.Fire());
    }

    [Fact]
    public void Update_LeftFactKeyChanges_JoinsWithOtherOrders()
    {
        var session = TestEngine.Session(typeof(ItemOrderRule));
        var log = new FiringLog(session);
        session.InsertAll([new Item(1, Group: 1, Value: 0), new Order(10, 1, 5), new Order(20, 2, 5)]);
        session.Fire();
        log.Clear();

        session.Update(new Item(1, Group: 2, Value: 0));
        session.Fire();

        Assert.Equal(["1/20"], log.Firings.Select(f => $"{((Item)f.Facts[0]!).Id}/{((Order)f.Facts[1]!).Id}"));
    }

    [Fact]
    public void Retract_RightFactBeforeFire_RemovesActivation()
    {
        var session = TestEngine.Session(typeof(CustomerOrderRule));
        session.Insert(new Customer(1, "Ann"));
        session.Insert(new Order(10, 1, 5));

        session.Retract(new Order(10, 1, 5));

        Assert.Equal(0, session.AgendaCount);
        Assert.Equal(0, session.Fire());
    }

    [Fact]
    public void Retract_LeftFactBeforeFire_RemovesEveryActivationItWasIn()
    {
        var session = TestEngine.Session(typeof(CustomerOrderRule));
        session.InsertAll([new Customer(1, "Ann"), new Order(10, 1, 5), new Order(11, 1, 6)]);
        Assert.Equal(2, session.AgendaCount);

        session.Retract(new Customer(1, "Ann"));

        Assert.Equal(0, session.Fire());
    }

    [Fact]
    public void Fire_UnboundPattern_ActsAsAFilterWithoutBinding()
    {
        var session = TestEngine.Session(typeof(VipWhenPromotionRule));
        var log = new FiringLog(session);
        session.Insert(new Customer(1, "Ann"));
        session.Fire();
        Assert.Empty(log.Firings);

        session.Insert(new Label("promotion"));
        session.Fire();

        var firing = Assert.Single(log.Firings);
        Assert.Equal(2, firing.Facts.Count);
        Assert.Equal(new Label("promotion"), firing.Facts[1]);
    }

    [Fact]
    public void Fire_NonEqualityJoinCondition_MatchesByComparison()
    {
        var session = TestEngine.Session(typeof(LargeOrderForTierRule));
        var log = new FiringLog(session);
        session.InsertAll([new Customer(1, "Ann", Tier: 1), new Order(10, 1, 50), new Order(11, 1, 150), new Order(12, 2, 500)]);

        session.Fire();

        var firing = Assert.Single(log.Firings);
        Assert.Equal(new Order(11, 1, 150), firing.Facts[1]);
    }

    [Fact]
    public void Fire_FactOfSubtype_MatchesPatternOfBaseType()
    {
        var session = TestEngine.Session(typeof(AnyAnimalRule));
        var log = new FiringLog(session);
        session.Insert(new Dog("Rex"));
        session.Insert(new Cat("Tom"));

        session.Fire();

        Assert.Equal(2, log.Count("AnyAnimal"));
    }

    [Fact]
    public void Insert_GuardOnEarlierAliasProtectsEqualityJoin_ShortCircuitsLikeCSharp()
    {
        var session = TestEngine.Session(typeof(OrderInCustomerCityRule));
        session.Insert(new Shop(10, "Paris"));

        session.Insert(new Resident(1, Address: null));
        session.Insert(new Resident(2, new Address("Paris")));

        var firing = Assert.Single(new FiringLogAfterFire(session).Firings);
        Assert.Equal(new Resident(2, new Address("Paris")), firing.Facts[0]);
    }

    [Fact]
    public void Insert_GuardOnEarlierAliasProtectsConditionOnNewFact_ShortCircuitsLikeCSharp()
    {
        var session = TestEngine.Session(typeof(GuardedRatioRule));

        session.Insert(new Customer(1, "Ann", Tier: 0));
        session.Insert(new Order(10, 1, Amount: 0));

        Assert.Equal(0, session.Fire());
    }

    [Fact]
    public void Insert_GuardInEarlierConditionOfSamePattern_ShortCircuitsLikeCSharp()
    {
        var session = TestEngine.Session(typeof(GuardedInSeparateConditionRule));
        session.Insert(new Shop(10, "Paris"));

        session.Insert(new Resident(1, Address: null));

        Assert.Equal(0, session.Fire());
    }

    internal sealed record Address(string City);

    internal sealed record Resident(int Id, Address? Address) : WorkPermit.Rules.Engine.RuleModel.IIdentityProvider
    {
        public object GetIdentity() => Id;
    }

    internal sealed record Shop(int Id, string City);

    /// <summary>Fires the session and records what fired.</summary>
    private sealed class FiringLogAfterFire
    {
        public FiringLogAfterFire(ISession session)
        {
            var log = new FiringLog(session);
            session.Fire();
            Firings = log.Firings;
        }

        public IReadOnlyList<Firing> Firings { get; }
    }

    [Name("OrderInCustomerCity")]
    private sealed class OrderInCustomerCityRule : Rule
    {
        public override void Define()
        {
            Resident resident = default!;
            Shop shop = default!;
            When()
                .Match(() => resident)
                .Match(() => shop, s => resident.Address != null && s.City == resident.Address.City);
            Then().Do(ctx => Act.Noop(resident, shop));
        }
    }

    [Name("GuardedInSeparateCondition")]
    private sealed class GuardedInSeparateConditionRule : Rule
    {
        public override void Define()
        {
            Resident resident = default!;
            Shop shop = default!;
            When()
                .Match(() => resident)
                .Match(() => shop, s => resident.Address != null, s => s.City == resident.Address!.City);
            Then().Do(ctx => Act.Noop(resident, shop));
        }
    }

    [Name("GuardedRatio")]
    private sealed class GuardedRatioRule : Rule
    {
        public override void Define()
        {
            Customer customer = default!;
            Order order = default!;
            When()
                .Match(() => customer)
                .Match(() => order, o => customer.Tier > 0 && 100 / o.Amount > 1);
            Then().Do(ctx => Act.Noop(customer, order));
        }
    }

    internal abstract record Animal(string Name);

    internal sealed record Dog(string Name) : Animal(Name);

    internal sealed record Cat(string Name) : Animal(Name);

    [Name("Vip")]
    private sealed class VipCustomerRule : Rule
    {
        public override void Define()
        {
            Customer customer = default!;
            When().Match(() => customer, c => c.Tier >= 2);
            Then().Do(ctx => Act.Noop(customer));
        }
    }

    [Name("CustomerOrder")]
    private sealed class CustomerOrderRule : Rule
    {
        public override void Define()
        {
            Customer customer = default!;
            Order order = default!;
            When()
                .Match(() => customer)
                .Match(() => order, o => o.CustomerId == customer.Id);
            Then().Do(ctx => Act.Noop(customer, order));
        }
    }

    [Name("ItemOrder")]
    private sealed class ItemOrderRule : Rule
    {
        public override void Define()
        {
            Item item = default!;
            Order order = default!;
            When()
                .Match(() => item)
                .Match(() => order, o => o.CustomerId == item.Group);
            Then().Do(ctx => Act.Noop(item, order));
        }
    }

    [Name("ThreeWay")]
    private sealed class ThreeWayRule : Rule
    {
        public override void Define()
        {
            Customer customer = default!;
            Order order = default!;
            Item item = default!;
            When()
                .Match(() => customer)
                .Match(() => order, o => o.CustomerId == customer.Id)
                .Match(() => item, i => i.Group == order.Id);
            Then().Do(ctx => Act.Noop(customer, order, item));
        }
    }

    [Name("SameGroupPair")]
    private sealed class SameGroupPairRule : Rule
    {
        public override void Define()
        {
            Item first = default!;
            Item second = default!;
            When()
                .Match(() => first)
                .Match(() => second, i => i.Group == first.Group, i => i.Id > first.Id);
            Then().Do(ctx => Act.Noop(first, second));
        }
    }

    [Name("VipWhenPromotion")]
    private sealed class VipWhenPromotionRule : Rule
    {
        public override void Define()
        {
            Customer customer = default!;
            When()
                .Match(() => customer)
                .Match<Label>(l => l.Name == "promotion");
            Then().Do(ctx => Act.Noop(customer));
        }
    }

    [Name("LargeOrderForTier")]
    private sealed class LargeOrderForTierRule : Rule
    {
        public override void Define()
        {
            Customer customer = default!;
            Order order = default!;
            When()
                .Match(() => customer)
                .Match(() => order, o => o.CustomerId == customer.Id && o.Amount > (customer.Tier * 100));
            Then().Do(ctx => Act.Noop(customer, order));
        }
    }

    [Name("AnyAnimal")]
    private sealed class AnyAnimalRule : Rule
    {
        public override void Define()
        {
            Animal animal = default!;
            When().Match(() => animal);
            Then().Do(ctx => Act.Noop(animal));
        }
    }
}
