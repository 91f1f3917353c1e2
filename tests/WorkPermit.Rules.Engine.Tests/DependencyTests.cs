using WorkPermit.Rules.Engine.Dsl;
using WorkPermit.Rules.Engine.RuleModel;

namespace WorkPermit.Rules.Engine.Tests;

public class DependencyTests
{
    [Fact]
    public void Fire_RuleWithDependency_ActionUsesServiceFromCompilerResolver()
    {
        var resolver = new Resolver(new Greeter("Hello"));
        var factory = TestEngine.Compile(c => c.DependencyResolver = resolver, typeof(GreetingRule));
        var session = factory.CreateSession();
        session.Insert(new Customer(1, "Ann"));

        session.Fire();

        Assert.Equal([new Note("Hello, Ann")], session.Query<Note>());
        Assert.Equal(["Greeting"], resolver.RequestedBy);
    }

    [Fact]
    public void Fire_SessionResolverSet_OverridesFactoryResolver()
    {
        var factory = TestEngine.Compile(c => c.DependencyResolver = new Resolver(new Greeter("Hello")), typeof(GreetingRule));
        var session = factory.CreateSession();
        session.DependencyResolver = new Resolver(new Greeter("Bonjour"));
        session.Insert(new Customer(1, "Ann"));

        session.Fire();

        Assert.Equal([new Note("Bonjour, Ann")], session.Query<Note>());
    }

    [Fact]
    public void Fire_NoResolver_ThrowsRhsExceptionNamingRuleAndService()
    {
        var session = TestEngine.Session(typeof(GreetingRule));
        session.Insert(new Customer(1, "Ann"));

        var error = Assert.Throws<RuleRhsExpressionEvaluationException>(() => session.Fire());

        Assert.Equal("Greeting", error.Rule);
        var inner = Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Contains("Greeting", inner.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(IGreeter), inner.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fire_ContextResolveExtension_ResolvesService()
    {
        var factory = TestEngine.Compile(c => c.DependencyResolver = new Resolver(new Greeter("Hi")), typeof(ContextResolveRule));
        var session = factory.CreateSession();
        session.Insert(new Customer(1, "Bob"));

        session.Fire();

        Assert.Equal([new Note("Hi, Bob")], session.Query<Note>());
    }

    [Fact]
    public void Load_DependencyUsedInCondition_ThrowsRuleDefinitionException()
    {
        var repository = new Fluent.RuleRepository();

        var error = Assert.Throws<RuleDefinitionException>(() => repository.Load(x => x.From(typeof(DependencyInConditionRule))));

        Assert.Equal("DependencyInCondition", error.RuleName);
        Assert.Contains("greeter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fire_ContextRule_ExposesNameDescriptionTagsAndPriority()
    {
        var session = TestEngine.Session(typeof(DescribeSelfRule));
        session.Insert(new Customer(1, "Ann"));

        session.Fire();

        Assert.Equal([new Note("DescribeSelf|Writes its own metadata|a,b|7")], session.Query<Note>());
    }

    [Fact]
    public void Fire_ContextMatch_ExposesTheFactsOfTheMatch()
    {
        var session = TestEngine.Session(typeof(DescribeMatchRule));
        session.Insert(new Customer(1, "Ann"));

        session.Fire();

        Assert.Equal([new Note("customer=Ann")], session.Query<Note>());
    }

    public interface IGreeter
    {
        string Greet(string name);
    }

    private sealed class Greeter(string greeting) : IGreeter
    {
        public string Greet(string name) => greeting + ", " + name;
    }

    private sealed class Resolver(object service) : IDependencyResolver
    {
        public List<string> RequestedBy { get; } = [];

        public object Resolve(Type serviceType, IRuleDefinition rule)
        {
            RequestedBy.Add(rule.Name);
            return serviceType.IsInstanceOfType(service) ? service : throw new InvalidOperationException("no " + serviceType.Name);
        }
    }

    internal static class Describe
    {
        public static string Rule(IContext context) =>
            $"{context.Rule.Name}|{context.Rule.Description}|{string.Join(",", context.Rule.Tags)}|{context.Rule.Priority}";

        public static string Match(IContext context) =>
            string.Join(";", context.Match.Facts.Select(f => f.Name + "=" + ((Customer)f.Value!).Name));
    }

    [Name("Greeting")]
    private sealed class GreetingRule : Rule
    {
        public override void Define()
        {
            Customer customer = default!;
            IGreeter greeter = default!;
            Dependency().Resolve(() => greeter);
            When().Match(() => customer);
            Then().Do(ctx => ctx.Insert(new Note(greeter.Greet(customer.Name))));
        }
    }

    [Name("ContextResolve")]
    private sealed class ContextResolveRule : Rule
    {
        public override void Define()
        {
            Customer customer = default!;
            When().Match(() => customer);
            Then().Do(ctx => ctx.Insert(new Note(ctx.Resolve<IGreeter>().Greet(customer.Name))));
        }
    }

    [Name("DependencyInCondition")]
    private sealed class DependencyInConditionRule : Rule
    {
        public override void Define()
        {
            Customer customer = default!;
            IGreeter greeter = default!;
            Dependency().Resolve(() => greeter);
            When().Match(() => customer, c => greeter.Greet(c.Name).Length > 0);
            Then().Do(ctx => Act.Noop(customer));
        }
    }

    [Name("DescribeSelf"), Description("Writes its own metadata"), Tag("a"), Tag("b"), Priority(7)]
    private sealed class DescribeSelfRule : Rule
    {
        public override void Define()
        {
            Customer customer = default!;
            When().Match(() => customer);
            Then().Do(ctx => ctx.Insert(new Note(Describe.Rule(ctx))));
        }
    }

    [Name("DescribeMatch")]
    private sealed class DescribeMatchRule : Rule
    {
        public override void Define()
        {
            Customer customer = default!;
            When().Match(() => customer);
            Then().Do(ctx => ctx.Insert(new Note(Describe.Match(ctx))));
        }
    }
}
