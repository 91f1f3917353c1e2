using WorkPermit.Rules.Engine.Diagnostics;
using WorkPermit.Rules.Engine.Dsl;

namespace WorkPermit.Rules.Engine.Tests;

public class ErrorHandlingTests
{
    [Fact]
    public void Insert_ConditionThrows_ThrowsLhsExceptionNamingRuleAndFact()
    {
        var session = TestEngine.Session(typeof(FragileConditionRule));

        var error = Assert.Throws<RuleLhsExpressionEvaluationException>(() => session.Insert(new Item(1, 0, 0)));

        Assert.Equal(["FragileCondition"], error.Rules);
        Assert.Equal(new object?[] { new Item(1, 0, 0) }, error.Facts);
        Assert.IsType<DivideByZeroException>(error.InnerException);
        Assert.Contains("'FragileCondition'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Item { Id = 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("10 /", error.Expression, StringComparison.Ordinal);
    }

    [Fact]
    public void Insert_ConditionThrowsAndHandlerHandles_ConditionCountsAsFalse()
    {
        var session = TestEngine.Session(typeof(FragileConditionRule));
        LhsExpressionErrorEventArgs? reported = null;
        session.Events.LhsExpressionFailedEvent += (_, e) =>
        {
            reported = e;
            e.IsHandled = true;
        };

        session.Insert(new Item(1, 0, 0));
        session.Insert(new Item(2, 0, 5));

        Assert.NotNull(reported);
        Assert.Equal(["FragileCondition"], reported.Rules);
        Assert.Equal(new object?[] { new Item(1, 0, 0) }, reported.Facts);
        Assert.IsType<DivideByZeroException>(reported.Exception);
        Assert.Equal(1, session.Fire());
    }

    [Fact]
    public void Insert_ConditionThrowsAndHandlerDoesNotHandle_StillThrows()
    {
        var session = TestEngine.Session(typeof(FragileConditionRule));
        var calls = 0;
        session.Events.LhsExpressionFailedEvent += (_, _) => calls++;

        Assert.Throws<RuleLhsExpressionEvaluationException>(() => session.Insert(new Item(1, 0, 0)));
        Assert.Equal(1, calls);
    }

    [Fact]
    public void Insert_JoinConditionThrows_ExceptionListsBothFacts()
    {
        var session = TestEngine.Session(typeof(FragileJoinRule));
        session.Insert(new Customer(1, "Ann", Tier: 0));

        var error = Assert.Throws<RuleLhsExpressionEvaluationException>(() => session.Insert(new Order(10, 1, 5)));

        Assert.Equal(["FragileJoin"], error.Rules);
        Assert.Equal(new object?[] { new Customer(1, "Ann", 0), new Order(10, 1, 5) }, error.Facts);
    }

    [Fact]
    public void Insert_ConditionSharedByTwoRules_ExceptionNamesBoth()
    {
        var session = TestEngine.Session(typeof(FragileConditionRule), typeof(FragileConditionTwinRule));

        var error = Assert.Throws<RuleLhsExpressionEvaluationException>(() => session.Insert(new Item(1, 0, 0)));

        Assert.Equal(["FragileCondition", "FragileConditionTwin"], error.Rules.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Insert_LetExpressionThrows_ThrowsLhsExceptionNamingRule()
    {
        var session = TestEngine.Session(typeof(FragileLetRule));

        var error = Assert.Throws<RuleLhsExpressionEvaluationException>(() => session.Insert(new Item(1, 0, 0)));

        Assert.Equal(["FragileLet"], error.Rules);
        Assert.Contains(new Item(1, 0, 0), error.Facts);
    }

    [Fact]
    public void Insert_QueryExpressionThrows_ThrowsLhsExceptionNamingRule()
    {
        // Queries are recomputed at the end of the operation that changed them (truth maintenance), so the
        // error surfaces from the Insert, as it would in NRules, not from a later Fire.
        var session = TestEngine.Session(typeof(FragileQueryRule));

        var error = Assert.Throws<RuleLhsExpressionEvaluationException>(() => session.Insert(new Item(1, 0, 0)));

        Assert.Equal(["FragileQuery"], error.Rules);
    }

    [Fact]
    public void Insert_JoinKeyThrows_ThrowsLhsExceptionNamingRule()
    {
        var session = TestEngine.Session(typeof(FragileKeyRule));
        session.Insert(new Item(1, 0, 0));

        var error = Assert.Throws<RuleLhsExpressionEvaluationException>(() => session.Insert(new Chore(1, null)));

        Assert.Equal(["FragileKey"], error.Rules);
        Assert.Equal(new object?[] { new Chore(1, null) }, error.Facts);
        Assert.IsType<NullReferenceException>(error.InnerException);
    }

    [Fact]
    public void Fire_ActionThrows_ThrowsRhsExceptionNamingRuleAndFacts()
    {
        var session = TestEngine.Session(typeof(ThrowingActionRule));
        session.Insert(new Item(1, 0, 5));

        var error = Assert.Throws<RuleRhsExpressionEvaluationException>(() => session.Fire());

        Assert.Equal("ThrowingAction", error.Rule);
        Assert.Equal(new object?[] { new Item(1, 0, 5) }, error.Facts);
        Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Contains("'ThrowingAction'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Item { Id = 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("boom 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fire_ActionThrowsAndHandlerHandles_SkipsRestOfThatFiringAndGoesOn()
    {
        var session = TestEngine.Session(typeof(ThrowingActionRule));
        var reported = new List<RhsExpressionErrorEventArgs>();
        session.Events.RhsExpressionFailedEvent += (_, e) =>
        {
            reported.Add(e);
            e.IsHandled = true;
        };
        session.InsertAll([new Item(1, 0, 5), new Item(2, 0, 5)]);

        var fired = session.Fire();

        Assert.Equal(2, fired);
        Assert.Equal(2, reported.Count);
        Assert.Equal("ThrowingAction", reported[0].Match.Rule.Name);
        Assert.Equal(new Item(1, 0, 5), reported[0].Match.Facts[0].Value);
        Assert.IsType<InvalidOperationException>(reported[0].Exception);
        Assert.Empty(session.Query<Note>());
    }

    [Fact]
    public void Fire_AfterUnhandledActionError_RemainingActivationsStillFire()
    {
        var session = TestEngine.Session(typeof(ThrowingActionRule));
        session.InsertAll([new Item(1, 0, 5), new Item(2, 0, 5)]);
        Assert.Throws<RuleRhsExpressionEvaluationException>(() => session.Fire());

        var error = Assert.Throws<RuleRhsExpressionEvaluationException>(() => session.Fire());

        Assert.Equal(new Item(2, 0, 5), error.Facts[0]);
    }

    [Fact]
    public void Fire_YieldExpressionThrows_ThrowsRhsExceptionNamingRule()
    {
        var session = TestEngine.Session(typeof(ThrowingYieldRule));
        session.Insert(new Item(1, 0, 0));

        var error = Assert.Throws<RuleRhsExpressionEvaluationException>(() => session.Fire());

        Assert.Equal("ThrowingYield", error.Rule);
        Assert.IsType<DivideByZeroException>(error.InnerException);
    }

    [Fact]
    public void Fire_ActionInsertsDuplicateFact_ThrowsRhsExceptionWithArgumentException()
    {
        var session = TestEngine.Session(typeof(DuplicateInsertRule));
        session.Insert(new Item(1, 0, 0));
        session.Insert(new Note("dup"));

        var error = Assert.Throws<RuleRhsExpressionEvaluationException>(() => session.Fire());

        Assert.Equal("DuplicateInsert", error.Rule);
        Assert.IsType<ArgumentException>(error.InnerException);
    }

    internal sealed record Chore(int Id, string? Category) : WorkPermit.Rules.Engine.RuleModel.IIdentityProvider
    {
        public object GetIdentity() => Id;
    }

    internal static class Boom
    {
        public static void Throw(Item item) => throw new InvalidOperationException("boom " + item.Id);
    }

    [Name("FragileCondition")]
    private sealed class FragileConditionRule : Rule
    {
        public override void Define()
        {
            Item item = default!;
            When().Match(() => item, i => 10 / i.Value > 1);
            Then().Do(ctx => Act.Noop(item));
        }
    }

    [Name("FragileConditionTwin")]
    private sealed class FragileConditionTwinRule : Rule
    {
        public override void Define()
        {
            Item item = default!;
            When().Match(() => item, i => 10 / i.Value > 1);
            Then().Do(ctx => Act.Noop(item));
        }
    }

    [Name("FragileJoin")]
    private sealed class FragileJoinRule : Rule
    {
        public override void Define()
        {
            Customer customer = default!;
            Order order = default!;
            When()
                .Match(() => customer)
                .Match(() => order, o => o.Amount / customer.Tier > 1);
            Then().Do(ctx => Act.Noop(customer, order));
        }
    }

    [Name("FragileLet")]
    private sealed class FragileLetRule : Rule
    {
        public override void Define()
        {
            Item item = default!;
            var ratio = 0;
            When()
                .Match(() => item)
                .Let(() => ratio, () => 100 / item.Value);
            Then().Do(ctx => Act.Noop(item, ratio));
        }
    }

    [Name("FragileQuery")]
    private sealed class FragileQueryRule : Rule
    {
        public override void Define()
        {
            IEnumerable<int> ratios = default!;
            When().Query(() => ratios, q => q.Match<Item>().Select(i => 100 / i.Value).Collect());
            Then().Do(ctx => Act.Noop(ratios));
        }
    }

    [Name("FragileKey")]
    private sealed class FragileKeyRule : Rule
    {
        public override void Define()
        {
            Chore chore = default!;
            Item item = default!;
            When()
                .Match(() => chore)
                .Match(() => item, i => i.Group == chore.Category!.Length);
            Then().Do(ctx => Act.Noop(chore, item));
        }
    }

    [Name("ThrowingAction")]
    private sealed class ThrowingActionRule : Rule
    {
        public override void Define()
        {
            Item item = default!;
            When().Match(() => item);
            Then()
                .Do(ctx => Boom.Throw(item))
                .Do(ctx => ctx.Insert(new Note("after " + item.Id)));
        }
    }

    [Name("ThrowingYield")]
    private sealed class ThrowingYieldRule : Rule
    {
        public override void Define()
        {
            Item item = default!;
            When().Match(() => item);
            Then().Yield(ctx => new Note("ratio " + (100 / item.Value)));
        }
    }

    [Name("DuplicateInsert")]
    private sealed class DuplicateInsertRule : Rule
    {
        public override void Define()
        {
            Item item = default!;
            When().Match(() => item);
            Then().Do(ctx => ctx.Insert(new Note("dup")));
        }
    }
}
