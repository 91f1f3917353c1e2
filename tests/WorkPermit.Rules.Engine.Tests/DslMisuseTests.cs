using WorkPermit.Rules.Engine.Dsl;
using WorkPermit.Rules.Engine.Fluent;
using WorkPermit.Rules.Engine.RuleModel;

namespace WorkPermit.Rules.Engine.Tests;

public class DslMisuseTests
{
    [Fact]
    public void When_CalledOutsideDefine_ThrowsInvalidOperationNamingTheClass()
    {
        var rule = new LateCallerRule();

        var error = Assert.Throws<InvalidOperationException>(rule.CallWhenLate);

        Assert.Contains(nameof(LateCallerRule), error.Message, StringComparison.Ordinal);
        Assert.Contains("Define", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThenAndDependency_CalledOutsideDefine_ThrowInvalidOperation()
    {
        var rule = new LateCallerRule();

        Assert.Throws<InvalidOperationException>(rule.CallThenLate);
        Assert.Throws<InvalidOperationException>(rule.CallDependencyLate);
    }

    [Fact]
    public void When_CalledOutsideDefineAfterLoading_StillThrows()
    {
        var rule = new LateCallerRule();
        var repository = new RuleRepository { Activator = new SingleInstanceActivator(rule) };
        repository.Load(x => x.From(typeof(LateCallerRule)));

        Assert.Throws<InvalidOperationException>(rule.CallWhenLate);
    }

    [Fact]
    public void Load_AliasUsedBeforeItIsBound_ThrowsNamingRuleAndAlias()
    {
        var error = LoadFails(typeof(AliasBeforeBindingRule));

        Assert.Equal("AliasBeforeBinding", error.RuleName);
        Assert.Equal(typeof(AliasBeforeBindingRule), error.RuleType);
        Assert.Contains("'AliasBeforeBinding'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'order'", error.Message, StringComparison.Ordinal);
        Assert.Contains("before it is bound", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ActionUsesAliasBoundInOnlyOneOrBranch_ThrowsNamingTheBranch()
    {
        var error = LoadFails(typeof(AliasInOneBranchRule));

        Assert.Equal("AliasInOneBranch", error.RuleName);
        Assert.Contains("'label'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Or branch 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_HavingWithNothingBeforeIt_ThrowsNamingTheRule()
    {
        var error = LoadFails(typeof(LeadingHavingRule));

        Assert.Equal("LeadingHaving", error.RuleName);
        Assert.Contains("Having", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_HavingAfterNot_ThrowsNamingTheRule()
    {
        var error = LoadFails(typeof(HavingAfterNotRule));

        Assert.Equal("HavingAfterNot", error.RuleName);
        Assert.Contains("Having", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RuleWithoutActions_ThrowsNamingTheRule()
    {
        var error = LoadFails(typeof(NoActionsRule));

        Assert.Equal("NoActions", error.RuleName);
        Assert.Contains("no actions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RuleWithoutConditions_ThrowsNamingTheRule()
    {
        var error = LoadFails(typeof(NoConditionsRule));

        Assert.Equal("NoConditions", error.RuleName);
        Assert.Contains("no conditions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AliasThatIsAFieldOfTheRule_ThrowsExplainingWhatAnAliasIs()
    {
        var error = LoadFails(typeof(FieldAliasRule));

        Assert.Equal("FieldAlias", error.RuleName);
        Assert.Contains("local variable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AliasThatIsAnExpression_ThrowsExplainingWhatAnAliasIs()
    {
        var error = LoadFails(typeof(ExpressionAliasRule));

        Assert.Equal("ExpressionAlias", error.RuleName);
        Assert.Contains("local variable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AliasBoundTwice_ThrowsNamingTheAlias()
    {
        var error = LoadFails(typeof(AliasTwiceRule));

        Assert.Equal("AliasTwice", error.RuleName);
        Assert.Contains("'item'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DefineThrows_WrapsTheExceptionNamingTheRule()
    {
        var error = LoadFails(typeof(ThrowingDefineRule));

        Assert.Equal("ThrowingDefine", error.RuleName);
        Assert.IsType<FormatException>(error.InnerException);
        Assert.Contains("bad setting", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_QueryWithoutMatch_ThrowsNamingTheRule()
    {
        var error = LoadFails(typeof(QueryWithoutMatchRule));

        Assert.Equal("QueryWithoutMatch", error.RuleName);
        Assert.Contains("Match", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EmptyOr_ThrowsNamingTheRule()
    {
        var error = LoadFails(typeof(EmptyOrRule));

        Assert.Equal("EmptyOr", error.RuleName);
        Assert.Contains("Or", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AllWithOnlyABaseCondition_ThrowsNamingTheRule()
    {
        var error = LoadFails(typeof(AllWithoutConditionsRule));

        Assert.Equal("AllWithoutConditions", error.RuleName);
    }

    [Fact]
    public void Load_ActionWithoutTrigger_ThrowsNamingTheRule()
    {
        var error = LoadFails(typeof(NoTriggerRule));

        Assert.Equal("NoTrigger", error.RuleName);
        Assert.Contains("trigger", error.Message, StringComparison.Ordinal);
    }

    private static RuleDefinitionException LoadFails(Type ruleType)
    {
        var repository = new RuleRepository();
        return Assert.Throws<RuleDefinitionException>(() => repository.Load(x => x.From(ruleType)));
    }

    private sealed class NotAQuery : IQuery<IEnumerable<Item>>;

    private sealed class SingleInstanceActivator(Rule rule) : IRuleActivator
    {
        public IEnumerable<Rule> Activate(Type type) => [rule];
    }

    [Name("LateCaller")]
    private sealed class LateCallerRule : Rule
    {
        public override void Define()
        {
            Item item = default!;
            When().Match(() => item);
            Then().Do(ctx => Act.Noop(item));
        }

        public void CallWhenLate() => When();

        public void CallThenLate() => Then();

        public void CallDependencyLate() => Dependency();
    }

    [Name("AliasBeforeBinding")]
    private sealed class AliasBeforeBindingRule : Rule
    {
        public override void Define()
        {
            Customer customer = default!;
            Order order = default!;
            When()
                .Match(() => customer, c => c.Id == order.CustomerId)
                .Match(() => order);
            Then().Do(ctx => Act.Noop(customer, order));
        }
    }

    [Name("AliasInOneBranch")]
    private sealed class AliasInOneBranchRule : Rule
    {
        public override void Define()
        {
            Label label = default!;
            Item item = default!;
            When().Or(x => x.Match(() => label).Match(() => item));
            Then().Do(ctx => Act.Noop(label));
        }
    }

    [Name("LeadingHaving")]
    private sealed class LeadingHavingRule : Rule
    {
        public override void Define()
        {
            When().Having(() => true).Match<Item>();
            Then().Do(ctx => Act.Noop());
        }
    }

    [Name("HavingAfterNot")]
    private sealed class HavingAfterNotRule : Rule
    {
        public override void Define()
        {
            When().Not<Item>().Having(() => true);
            Then().Do(ctx => Act.Noop());
        }
    }

    [Name("NoActions")]
    private sealed class NoActionsRule : Rule
    {
        public override void Define()
        {
            When().Match<Item>();
        }
    }

    [Name("NoConditions")]
    private sealed class NoConditionsRule : Rule
    {
        public override void Define()
        {
            Then().Do(ctx => Act.Noop());
        }
    }

    [Name("FieldAlias")]
    private sealed class FieldAliasRule : Rule
    {
        private readonly Item _item = new(0, 0, 0);

        public override void Define()
        {
            When().Match(() => _item);
            Then().Do(ctx => Act.Noop());
        }
    }

    [Name("ExpressionAlias")]
    private sealed class ExpressionAliasRule : Rule
    {
        public override void Define()
        {
            When().Match(() => new Item(0, 0, 0));
            Then().Do(ctx => Act.Noop());
        }
    }

    [Name("AliasTwice")]
    private sealed class AliasTwiceRule : Rule
    {
        public override void Define()
        {
            Item item = default!;
            When().Match(() => item).Match(() => item);
            Then().Do(ctx => Act.Noop(item));
        }
    }

    [Name("ThrowingDefine")]
    private sealed class ThrowingDefineRule : Rule
    {
        public override void Define() => throw new FormatException("bad setting");
    }

    [Name("QueryWithoutMatch")]
    private sealed class QueryWithoutMatchRule : Rule
    {
        public override void Define()
        {
            IEnumerable<Item> items = default!;
            When().Query(() => items, q => new NotAQuery());
            Then().Do(ctx => Act.Noop(items));
        }
    }

    [Name("EmptyOr")]
    private sealed class EmptyOrRule : Rule
    {
        public override void Define()
        {
            When().Match<Item>().Or(x => { });
            Then().Do(ctx => Act.Noop());
        }
    }

    [Name("AllWithoutConditions")]
    private sealed class AllWithoutConditionsRule : Rule
    {
        public override void Define()
        {
            When().All<Item>(i => i.Value > 0, []);
            Then().Do(ctx => Act.Noop());
        }
    }

    [Name("NoTrigger")]
    private sealed class NoTriggerRule : Rule
    {
        public override void Define()
        {
            When().Match<Item>();
            Then().Action(ctx => Act.Noop(), ActionTrigger.None);
        }
    }
}
