using WorkPermit.Rules.Engine.Dsl;
using WorkPermit.Rules.Engine.Fluent;
using WorkPermit.Rules.Engine.RuleModel;

namespace WorkPermit.Rules.Engine.Tests;

public class RepositoryLoadTests
{
    private static readonly System.Reflection.Assembly ThisAssembly = typeof(RepositoryLoadTests).Assembly;

    [Fact]
    public void Load_FromAssembly_LoadsPublicTopLevelRulesOnly()
    {
        var repository = new RuleRepository();

        repository.Load(x => x.From(ThisAssembly).Where(r => r.IsTagged("scan")));

        Assert.Equal(["ScanPublic"], RuleNames(repository));
    }

    [Fact]
    public void Load_FromAssemblyWithNestedTypes_AddsPublicNestedRules()
    {
        var repository = new RuleRepository();

        repository.Load(x => x.From(ThisAssembly).NestedTypes().Where(r => r.IsTagged("scan")));

        Assert.Equal(["ScanNestedPublic", "ScanPublic"], RuleNames(repository));
    }

    [Fact]
    public void Load_FromAssemblyWithPrivateTypes_AddsNonPublicTopLevelRules()
    {
        var repository = new RuleRepository();

        repository.Load(x => x.From(ThisAssembly).PrivateTypes().Where(r => r.IsTagged("scan")));

        Assert.Equal(["ScanInternal", "ScanPublic"], RuleNames(repository));
    }

    [Fact]
    public void Load_FromAssemblyWithNestedAndPrivateTypes_LoadsEveryConcreteRule()
    {
        var repository = new RuleRepository();

        repository.Load(x => x.From(ThisAssembly).NestedTypes().PrivateTypes().Where(r => r.IsTagged("scan")));

        Assert.Equal(["ScanInternal", "ScanNestedPrivate", "ScanNestedPublic", "ScanPublic"], RuleNames(repository));
    }

    [Fact]
    public void Load_FromTypes_LoadsPrivateNestedTypeRegardlessOfVisibility()
    {
        var repository = new RuleRepository();

        repository.Load(x => x.From(typeof(PrivateRule)));

        Assert.Equal(["PrivateRule"], RuleNames(repository));
    }

    [Fact]
    public void Load_WhereRejectsRule_RuleIsNeitherDefinedNorLoaded()
    {
        var repository = new RuleRepository();

        repository.Load(x => x.From(typeof(PrivateRule), typeof(BrokenRule)).Where(r => !r.IsTagged("broken")));

        Assert.Equal(["PrivateRule"], RuleNames(repository));
    }

    [Fact]
    public void Load_SeveralWhereFilters_AllMustAccept()
    {
        var repository = new RuleRepository();

        repository.Load(x => x
            .From(ThisAssembly).NestedTypes().PrivateTypes()
            .Where(r => r.IsTagged("scan"))
            .Where(r => r.Priority > 0));

        Assert.Equal(["ScanNestedPublic"], RuleNames(repository));
    }

    [Fact]
    public void Load_WhereFilter_SeesNameDescriptionTagsAndPriority()
    {
        var repository = new RuleRepository();
        var seen = new List<string>();

        repository.Load(x => x.From(typeof(PrivateRule)).Where(r =>
        {
            seen.Add($"{r.Name}|{r.Description}|{string.Join(",", r.Tags)}|{r.Priority}|{r.RuleType.Name}");
            return true;
        }));

        Assert.Equal(["PrivateRule|A private nested rule|one,two|4|PrivateRule"], seen);
    }

    [Fact]
    public void Load_RuleWithoutNameAttribute_IsNamedAfterItsClassFullName()
    {
        var repository = new RuleRepository();

        repository.Load(x => x.From(typeof(UnnamedRule)));

        Assert.Equal([typeof(UnnamedRule).FullName!], RuleNames(repository));
    }

    [Fact]
    public void Load_To_PutsRulesInTheNamedRuleSet()
    {
        var repository = new RuleRepository();

        repository.Load(x => x.From(typeof(PrivateRule)).To("first"));
        repository.Load(x => x.From(typeof(UnnamedRule)).To("second"));
        repository.Load(x => x.From(typeof(ScanPublicRule)).To("first"));

        var sets = repository.GetRuleSets().ToDictionary(s => s.Name, s => s.Rules.Select(r => r.Name).ToArray());
        Assert.Equal(["first", "second"], sets.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["PrivateRule", "ScanPublic"], sets["first"]);
        Assert.Single(sets["second"]);
    }

    [Fact]
    public void Load_WithoutTo_UsesTheDefaultRuleSet()
    {
        var repository = new RuleRepository();

        repository.Load(x => x.From(typeof(PrivateRule)));

        Assert.Equal("default", Assert.Single(repository.GetRuleSets()).Name);
    }

    [Fact]
    public void Compile_SelectedRuleSet_OnlyItsRulesRun()
    {
        var repository = new RuleRepository();
        repository.Load(x => x.From(typeof(PrivateRule)).To("first"));
        repository.Load(x => x.From(typeof(ScanPublicRule)).To("second"));

        var factory = new RuleCompiler().Compile(repository.GetRuleSets().Where(s => s.Name == "second"));

        Assert.Equal(["ScanPublic"], factory.Rules.Select(r => r.Name));
    }

    [Fact]
    public void Load_TypeThatIsNotARule_ThrowsArgumentException()
    {
        var repository = new RuleRepository();

        Assert.Throws<ArgumentException>(() => repository.Load(x => x.From(typeof(string))));
        Assert.Throws<ArgumentException>(() => repository.Load(x => x.From(typeof(ScanAbstractRule))));
    }

    [Fact]
    public void Load_ActivatorReturnsSeveralInstances_EachIsARule()
    {
        var repository = new RuleRepository { Activator = new ThresholdActivator(1, 5) };
        repository.Load(x => x.From(typeof(ThresholdRule)));
        var factory = repository.Compile();
        var session = factory.CreateSession();

        session.InsertAll([new Item(1, 0, 3), new Item(2, 0, 7)]);
        session.Fire();

        Assert.Equal(2, factory.Rules.Count);
        Assert.Equal(["3>1", "7>1", "7>5"], session.Query<Note>().Select(n => n.Text).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Load_ActivatorThrows_ThrowsInvalidOperationNamingTheClass()
    {
        var repository = new RuleRepository { Activator = new FailingActivator() };

        var error = Assert.Throws<InvalidOperationException>(() => repository.Load(x => x.From(typeof(PrivateRule))));

        Assert.Contains(typeof(PrivateRule).FullName!, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RuleTags_AreAvailableOnTheDefinition()
    {
        var factory = TestEngine.Compile(typeof(PrivateRule));

        var rule = Assert.Single(factory.Rules);

        Assert.Equal(["one", "two"], rule.Tags);
        Assert.Equal("A private nested rule", rule.Description);
        Assert.Equal(typeof(PrivateRule), rule.RuleType);
    }

    private static string[] RuleNames(RuleRepository repository) =>
        repository.GetRuleSets().SelectMany(s => s.Rules).Select(r => r.Name).Order(StringComparer.Ordinal).ToArray();

    private sealed class ThresholdActivator(params int[] thresholds) : IRuleActivator
    {
        public IEnumerable<Rule> Activate(Type type) => thresholds.Select(t => (Rule)new ThresholdRule(t));
    }

    private sealed class FailingActivator : IRuleActivator
    {
        public IEnumerable<Rule> Activate(Type type) => throw new InvalidOperationException("container is down");
    }

    [Name("PrivateRule"), Description("A private nested rule"), Tag("one"), Tag("two"), Priority(4)]
    private sealed class PrivateRule : Rule
    {
        public override void Define()
        {
            Item item = default!;
            When().Match(() => item);
            Then().Do(ctx => Act.Noop(item));
        }
    }

    private sealed class UnnamedRule : Rule
    {
        public override void Define()
        {
            Item item = default!;
            When().Match(() => item);
            Then().Do(ctx => Act.Noop(item));
        }
    }

    [Name("Broken"), Tag("broken")]
    private sealed class BrokenRule : Rule
    {
        public override void Define() => throw new InvalidOperationException("must not be defined");
    }

    [Name("Threshold")]
    private sealed class ThresholdRule(int threshold) : Rule
    {
        private readonly int _threshold = threshold;

        public override void Define()
        {
            Item item = default!;
            When().Match(() => item, i => i.Value > _threshold);
            Then().Do(ctx => ctx.Insert(new Note(item.Value + ">" + _threshold)));
        }
    }
}

// Rule classes for the assembly scans above: one of each visibility, all tagged "scan".

[Name("ScanPublic"), Tag("scan")]
public sealed class ScanPublicRule : Rule
{
    public override void Define()
    {
        Item item = default!;
        When().Match(() => item);
        Then().Do(ctx => Act.Noop(item));
    }
}

[Name("ScanInternal"), Tag("scan")]
internal sealed class ScanInternalRule : Rule
{
    public override void Define()
    {
        Item item = default!;
        When().Match(() => item);
        Then().Do(ctx => Act.Noop(item));
    }
}

[Tag("scan")]
public abstract class ScanAbstractRule : Rule;

public static class ScanHolder
{
    [Name("ScanNestedPublic"), Tag("scan"), Priority(1)]
    public sealed class ScanNestedPublicRule : ScanAbstractRule
    {
        public override void Define()
        {
            Item item = default!;
            When().Match(() => item);
            Then().Do(ctx => Act.Noop(item));
        }
    }

    [Name("ScanNestedPrivate"), Tag("scan")]
    private sealed class ScanNestedPrivateRule : Rule
    {
        public override void Define()
        {
            Item item = default!;
            When().Match(() => item);
            Then().Do(ctx => Act.Noop(item));
        }
    }
}
