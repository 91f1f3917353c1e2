using WorkPermit.Rules.Engine.Dsl;

namespace WorkPermit.Rules.Engine.Tests;

public class OrTests
{
    [Fact]
    public void Fire_FactsMatchBothBranches_FiresTwice()
    {
        var session = TestEngine.Session(typeof(BigOrEvenOrderRule));
        var log = new FiringLog(session);
        session.InsertAll([new Customer(1, "Ann"), new Order(10, 1, 200)]);

        session.Fire();

        Assert.Equal(2, log.Count("BigOrEvenOrder"));
        Assert.All(log.Firings, f => Assert.Equal(new Order(10, 1, 200), f.Facts[1]));
    }

    [Fact]
    public void Fire_FactsMatchOneBranch_FiresOnce()
    {
        var session = TestEngine.Session(typeof(BigOrEvenOrderRule));
        var log = new FiringLog(session);
        session.InsertAll([new Customer(1, "Ann"), new Order(10, 1, 201), new Order(11, 1, 4), new Order(12, 1, 5)]);

        session.Fire();

        Assert.Equal([10, 11], log.Firings.Select(f => ((Order)f.Facts[1]!).Id).Order());
    }

    [Fact]
    public void Fire_FactsMatchNoBranch_DoesNotFire()
    {
        var session = TestEngine.Session(typeof(BigOrEvenOrderRule));
        session.InsertAll([new Customer(1, "Ann"), new Order(10, 1, 5), new Order(11, 2, 400)]);

        Assert.Equal(0, session.Fire());
    }

    [Fact]
    public void Compile_RuleWithOr_IsOneRuleWithOneName()
    {
        var factory = TestEngine.Compile(typeof(BigOrEvenOrderRule));

        var rule = Assert.Single(factory.Rules);

        Assert.Equal("BigOrEvenOrder", rule.Name);
    }

    [Fact]
    public void Fire_OrOfAndGroups_EachGroupIsABranch()
    {
        var session = TestEngine.Session(typeof(AAndBOrCRule));
        var log = new FiringLog(session);
        session.Insert(new Label("a"));
        Assert.Equal(0, session.Fire());

        session.Insert(new Label("b"));
        session.Fire();
        Assert.Single(log.Firings);

        session.Insert(new Label("c"));
        session.Fire();
        Assert.Equal(2, log.Firings.Count);
    }

    [Fact]
    public void Fire_TwoOrGroups_FiresForEveryCombinationOfBranches()
    {
        var session = TestEngine.Session(typeof(TwoOrGroupsRule));
        var log = new FiringLog(session);
        session.InsertAll([new Label("a"), new Label("b"), new Label("c"), new Label("d")]);

        session.Fire();

        Assert.Equal(4, log.Count("TwoOrGroups"));
    }

    [Fact]
    public void Update_FactLeavesOneBranch_OnlyThatBranchLinkedFactIsRetracted()
    {
        var session = TestEngine.Session(typeof(BigOrEvenOrderRule));
        session.InsertAll([new Customer(1, "Ann"), new Order(10, 1, 200)]);
        session.Fire();
        Assert.Equal(2, session.Query<Counter>().Count());

        session.Update(new Order(10, 1, 201));
        session.Fire();

        Assert.Single(session.Query<Counter>());
    }

    [Fact]
    public void Retract_FactOfBothBranches_RetractsBothLinkedFacts()
    {
        var session = TestEngine.Session(typeof(BigOrEvenOrderRule));
        session.InsertAll([new Customer(1, "Ann"), new Order(10, 1, 200)]);
        session.Fire();

        session.Retract(new Order(10, 1, 200));

        Assert.Empty(session.Query<Counter>());
    }

    [Name("BigOrEvenOrder")]
    private sealed class BigOrEvenOrderRule : Rule
    {
        public override void Define()
        {
            Customer customer = default!;
            Order order = default!;
            When()
                .Match(() => customer)
                .Or(x => x
                    .Match(() => order, o => o.CustomerId == customer.Id, o => o.Amount > 100)
                    .Match(() => order, o => o.CustomerId == customer.Id, o => o.Amount % 2 == 0));
            Then().Yield(ctx => new Counter("order " + order.Id, order.Amount));
        }
    }

    [Name("AAndBOrC")]
    private sealed class AAndBOrCRule : Rule
    {
        public override void Define()
        {
            When().Or(x => x
                .And(a => a.Match<Label>(l => l.Name == "a").Match<Label>(l => l.Name == "b"))
                .Match<Label>(l => l.Name == "c"));
            Then().Do(ctx => Act.Noop());
        }
    }

    [Name("TwoOrGroups")]
    private sealed class TwoOrGroupsRule : Rule
    {
        public override void Define()
        {
            When()
                .Or(x => x.Match<Label>(l => l.Name == "a").Match<Label>(l => l.Name == "b"))
                .Or(x => x.Match<Label>(l => l.Name == "c").Match<Label>(l => l.Name == "d"));
            Then().Do(ctx => Act.Noop());
        }
    }
}
