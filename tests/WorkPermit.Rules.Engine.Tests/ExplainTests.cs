using WorkPermit.Rules.Engine.Dsl;

namespace WorkPermit.Rules.Engine.Tests;

public class ExplainTests
{
    [Fact]
    public void Explain_HostInsertedFact_HasNoRuleAndNoReasons()
    {
        var session = TestEngine.Session(typeof(DiscountRule));
        session.Insert(new Customer(1, "Ann", Tier: 2));

        var explanation = session.Explain(new Customer(1, "Ann", 2));

        Assert.NotNull(explanation);
        Assert.Equal(new Customer(1, "Ann", 2), explanation.Fact);
        Assert.Null(explanation.Rule);
        Assert.Empty(explanation.Because);
    }

    [Fact]
    public void Explain_LinkedFact_NamesTheRuleAndTheMatchedFacts()
    {
        var session = TestEngine.Session(typeof(DiscountRule));
        session.InsertAll([new Customer(1, "Ann", Tier: 2), new Order(10, 1, 500)]);
        session.Fire();

        var explanation = session.Explain(new Discount(10, 50));

        Assert.NotNull(explanation);
        Assert.Equal("Discount", explanation.Rule);
        Assert.Equal(new object?[] { new Customer(1, "Ann", 2), new Order(10, 1, 500) }, explanation.Because.Select(b => b.Fact));
        Assert.All(explanation.Because, b => Assert.Null(b.Rule));
    }

    [Fact]
    public void Explain_FactDerivedThroughAChain_TracesBackToHostFacts()
    {
        var session = TestEngine.Session(typeof(DiscountRule), typeof(BigDiscountAlertRule));
        session.InsertAll([new Customer(1, "Ann", Tier: 2), new Order(10, 1, 500)]);
        session.Fire();

        var explanation = session.Explain(new Note("big discount on 10"));

        Assert.NotNull(explanation);
        Assert.Equal("BigDiscountAlert", explanation.Rule);
        var discount = Assert.Single(explanation.Because);
        Assert.Equal(new Discount(10, 50), discount.Fact);
        Assert.Equal("Discount", discount.Rule);
        Assert.Equal(2, discount.Because.Count);
    }

    [Fact]
    public void Explain_FactNotInWorkingMemory_ReturnsNull()
    {
        var session = TestEngine.Session(typeof(DiscountRule));
        session.InsertAll([new Customer(1, "Ann", Tier: 2), new Order(10, 1, 500)]);
        session.Fire();
        session.Retract(new Order(10, 1, 500));

        Assert.Null(session.Explain(new Discount(10, 50)));
        Assert.Null(session.Explain(new Label("never inserted")));
    }

    [Fact]
    public void Explain_AfterSourceFactUpdated_ShowsCurrentValues()
    {
        var session = TestEngine.Session(typeof(DiscountRule));
        session.InsertAll([new Customer(1, "Ann", Tier: 2), new Order(10, 1, 500)]);
        session.Fire();

        session.Update(new Order(10, 1, 600));
        session.Fire();

        var explanation = session.Explain(new Discount(10, 60));
        Assert.NotNull(explanation);
        Assert.Equal(new Order(10, 1, 600), explanation.Because[1].Fact);
    }

    [Fact]
    public void Explain_ToString_RendersAnIndentedTreeWithRuleNames()
    {
        var session = TestEngine.Session(typeof(DiscountRule), typeof(BigDiscountAlertRule));
        session.InsertAll([new Customer(1, "Ann", Tier: 2), new Order(10, 1, 500)]);
        session.Fire();

        var text = session.Explain(new Note("big discount on 10"))!.ToString();

        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("Note", lines[0], StringComparison.Ordinal);
        Assert.Contains("<- BigDiscountAlert", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("  Discount", lines[1], StringComparison.Ordinal);
        Assert.Contains("<- Discount", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("    Customer", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("    Order", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_FactFromCollectRule_ListsTheCollectionAsAReason()
    {
        var session = TestEngine.Session(typeof(OrderCountRule));
        session.InsertAll([new Customer(1, "Ann"), new Order(10, 1, 5), new Order(11, 1, 6)]);
        session.Fire();

        var explanation = session.Explain(new Note("Ann has 2 orders"));

        Assert.NotNull(explanation);
        Assert.Equal("OrderCount", explanation.Rule);
        Assert.Equal(new Customer(1, "Ann"), explanation.Because[0].Fact);
        Assert.Equal([10, 11], ((IEnumerable<Order>)explanation.Because[1].Fact!).Select(o => o.Id));
    }

    [Fact]
    public void Explain_FactFromRuleWithNot_ListsOnlyTheBoundFacts()
    {
        var session = TestEngine.Session(typeof(LonelyCustomerRule));
        session.Insert(new Customer(1, "Ann"));
        session.Fire();

        var explanation = session.Explain(new Note("Ann has no orders"));

        Assert.NotNull(explanation);
        var reason = Assert.Single(explanation.Because);
        Assert.Equal(new Customer(1, "Ann"), reason.Fact);
    }

    internal sealed record Discount(int OrderId, int Amount);

    [Name("Discount")]
    private sealed class DiscountRule : Rule
    {
        public override void Define()
        {
            Customer customer = default!;
            Order order = default!;
            When()
                .Match(() => customer, c => c.Tier >= 2)
                .Match(() => order, o => o.CustomerId == customer.Id);
            Then().Yield(ctx => new Discount(order.Id, order.Amount / 10));
        }
    }

    [Name("BigDiscountAlert")]
    private sealed class BigDiscountAlertRule : Rule
    {
        public override void Define()
        {
            Discount discount = default!;
            When().Match(() => discount, d => d.Amount >= 50);
            Then().Yield(ctx => new Note("big discount on " + discount.OrderId));
        }
    }

    [Name("OrderCount")]
    private sealed class OrderCountRule : Rule
    {
        public override void Define()
        {
            Customer customer = default!;
            IEnumerable<Order> orders = default!;
            When()
                .Match(() => customer)
                .Query(() => orders, q => q.Match<Order>(o => o.CustomerId == customer.Id).Collect());
            Then().Yield(ctx => new Note(customer.Name + " has " + orders.Count() + " orders"));
        }
    }

    [Name("LonelyCustomer")]
    private sealed class LonelyCustomerRule : Rule
    {
        public override void Define()
        {
            Customer customer = default!;
            When()
                .Match(() => customer)
                .Not<Order>(o => o.CustomerId == customer.Id);
            Then().Yield(ctx => new Note(customer.Name + " has no orders"));
        }
    }
}
