using WorkPermit.Rules.Engine.Dsl;

namespace WorkPermit.Rules.Engine.Tests;

public class NotExistsTests
{
    [Fact]
    public void Fire_NotWithNoBlockingFact_Fires()
    {
        var session = TestEngine.Session(typeof(CustomerWithoutOrdersRule));
        var log = new FiringLog(session);
        session.Insert(new Customer(1, "Ann"));
        session.Insert(new Order(10, CustomerId: 2, Amount: 5));

        session.Fire();

        var firing = Assert.Single(log.Firings);
        Assert.Equal(new object?[] { new Customer(1, "Ann") }, firing.Facts);
    }

    [Fact]
    public void Insert_BlockingFactBeforeFire_CancelsActivation()
    {
        var session = TestEngine.Session(typeof(CustomerWithoutOrdersRule));
        session.Insert(new Customer(1, "Ann"));
        Assert.Equal(1, session.AgendaCount);

        session.Insert(new Order(10, CustomerId: 1, Amount: 5));

        Assert.Equal(0, session.AgendaCount);
        Assert.Equal(0, session.Fire());
    }

    [Fact]
    public void Retract_LastBlockingFact_NotMatchesAgain()
    {
        var session = TestEngine.Session(typeof(CustomerWithoutOrdersRule));
        var log = new FiringLog(session);
        session.InsertAll([new Customer(1, "Ann"), new Order(10, 1, 5), new Order(11, 1, 6)]);
        session.Fire();

        session.Retract(new Order(10, 1, 5));
        session.Fire();
        Assert.Empty(log.Firings);

        session.Retract(new Order(11, 1, 6));
        session.Fire();

        Assert.Single(log.Firings);
    }

    [Fact]
    public void Fire_NotAtRuleStartOnEmptySession_FiresOnce()
    {
        var session = TestEngine.Session(typeof(NoLabelsRule));
        var log = new FiringLog(session);

        var fired = session.Fire();

        Assert.Equal(1, fired);
        Assert.Equal(["NoLabels"], log.Rules);
        Assert.Equal(0, session.Fire());
    }

    [Fact]
    public void Insert_FactIntoNotAtRuleStart_RetractsItsLinkedFact()
    {
        var session = TestEngine.Session(typeof(NoLabelsRule));
        session.Fire();
        Assert.Single(session.Query<Note>());

        session.Insert(new Label("x"));

        Assert.Empty(session.Query<Note>());
    }

    [Fact]
    public void Fire_NotJoinedToEarlierAlias_BlocksOnlyTheMatchingOuterFact()
    {
        var session = TestEngine.Session(typeof(CustomerWithoutOrdersRule));
        var log = new FiringLog(session);
        session.InsertAll([new Customer(1, "Ann"), new Customer(2, "Bob"), new Customer(3, "Cid"), new Order(10, 2, 5)]);

        session.Fire();

        Assert.Equal(["Ann", "Cid"], log.Firings.Select(f => ((Customer)f.Facts[0]!).Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Update_BlockingFactNoLongerMatches_Fires()
    {
        var session = TestEngine.Session(typeof(CustomerWithoutOrdersRule));
        var log = new FiringLog(session);
        session.InsertAll([new Customer(1, "Ann"), new Order(10, 1, 5)]);
        session.Fire();

        session.Update(new Order(10, 2, 5));
        session.Fire();

        Assert.Single(log.Firings);
    }

    [Fact]
    public void Update_FactStartsBlocking_RetractsLinkedFact()
    {
        var session = TestEngine.Session(typeof(CustomerWithoutOrdersRule));
        session.InsertAll([new Customer(1, "Ann"), new Order(10, 2, 5)]);
        session.Fire();
        Assert.Single(session.Query<Note>());

        session.Update(new Order(10, 1, 5));

        Assert.Empty(session.Query<Note>());
    }

    [Fact]
    public void Fire_ExistsWithSeveralMatchingFacts_FiresOnce()
    {
        var session = TestEngine.Session(typeof(CustomerWithOrdersRule));
        var log = new FiringLog(session);
        session.InsertAll([new Customer(1, "Ann"), new Order(10, 1, 5), new Order(11, 1, 6), new Order(12, 1, 7)]);

        session.Fire();

        var firing = Assert.Single(log.Firings);
        Assert.Equal(new object?[] { new Customer(1, "Ann") }, firing.Facts);
    }

    [Fact]
    public void Fire_ExistsWithNoMatchingFact_DoesNotFire()
    {
        var session = TestEngine.Session(typeof(CustomerWithOrdersRule));
        session.InsertAll([new Customer(1, "Ann"), new Order(10, 2, 5)]);

        Assert.Equal(0, session.Fire());
    }

    [Fact]
    public void Insert_MoreMatchingFactsAfterFire_ExistsDoesNotFireAgain()
    {
        var session = TestEngine.Session(typeof(CustomerWithOrdersRule));
        var log = new FiringLog(session);
        session.InsertAll([new Customer(1, "Ann"), new Order(10, 1, 5)]);
        session.Fire();

        session.Insert(new Order(11, 1, 6));
        session.Retract(new Order(10, 1, 5));
        session.Fire();

        Assert.Single(log.Firings);
        Assert.Single(session.Query<Note>());
    }

    [Fact]
    public void Retract_LastExistingFact_RetractsLinkedFact()
    {
        var session = TestEngine.Session(typeof(CustomerWithOrdersRule));
        session.InsertAll([new Customer(1, "Ann"), new Order(10, 1, 5), new Order(11, 1, 6)]);
        session.Fire();

        session.Retract(new Order(10, 1, 5));
        Assert.Single(session.Query<Note>());
        session.Retract(new Order(11, 1, 6));

        Assert.Empty(session.Query<Note>());
    }

    [Fact]
    public void Update_FactMovesIntoExists_Fires()
    {
        var session = TestEngine.Session(typeof(CustomerWithOrdersRule));
        var log = new FiringLog(session);
        session.InsertAll([new Customer(1, "Ann"), new Order(10, 2, 5)]);
        session.Fire();

        session.Update(new Order(10, 1, 5));
        session.Fire();

        Assert.Single(log.Firings);
    }

    [Fact]
    public void Fire_ExistsAtRuleStart_FiresOnceForAnyNumberOfFacts()
    {
        var session = TestEngine.Session(typeof(AnyLabelRule));
        var log = new FiringLog(session);
        session.Fire();
        Assert.Empty(log.Firings);

        session.InsertAll([new Label("a"), new Label("b")]);
        session.Fire();

        Assert.Single(log.Firings);
    }

    [Name("CustomerWithoutOrders")]
    private sealed class CustomerWithoutOrdersRule : Rule
    {
        public override void Define()
        {
            Customer customer = default!;
            When()
                .Match(() => customer)
                .Not<Order>(o => o.CustomerId == customer.Id);
            Then().Yield(ctx => new Note("no orders: " + customer.Name));
        }
    }

    [Name("CustomerWithOrders")]
    private sealed class CustomerWithOrdersRule : Rule
    {
        public override void Define()
        {
            Customer customer = default!;
            When()
                .Match(() => customer)
                .Exists<Order>(o => o.CustomerId == customer.Id);
            Then().Yield(ctx => new Note("has orders: " + customer.Name));
        }
    }

    [Name("NoLabels")]
    private sealed class NoLabelsRule : Rule
    {
        public override void Define()
        {
            When().Not<Label>();
            Then().Yield(ctx => new Note("no labels"));
        }
    }

    [Name("AnyLabel")]
    private sealed class AnyLabelRule : Rule
    {
        public override void Define()
        {
            When().Exists<Label>();
            Then().Do(ctx => Act.Noop());
        }
    }
}
