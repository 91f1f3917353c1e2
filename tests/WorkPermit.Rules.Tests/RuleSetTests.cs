using System.Linq.Expressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NRules;
using NRules.Fluent.Dsl;
using NRules.RuleModel;
using WorkPermit.Rules.Evaluation;
using WorkPermit.Rules.Rules;
using WorkPermit.Rules.Testing;
using WorkPermit.Rules.Tests.Support;

namespace WorkPermit.Rules.Tests;

/// <summary>
/// How the catalogue runs on NRules: every rule loads, the findings that flow through the network are exactly those
/// some rule matches, propagating them in batches changes nothing, every rule fires once, and a rule set that loops is
/// stopped with the rules named.
/// </summary>
public sealed class RuleSetTests
{
    private static readonly DateOnly Today = new(2025, 11, 21);
    private static readonly IReadOnlyCollection<IRuleDefinition> Definitions = WorkPermitRuleSet.Load(WorkPermitRuleSet.RuleTypes).GetRules().ToArray();

    [Fact]
    public void Repository_LoadsExactlyTheCatalogueRules()
    {
        // The rule classes are internal: without PrivateTypes() NRules would load none of them and say nothing.
        var loaded = Definitions.Select(d => d.Name).Order(StringComparer.Ordinal).ToArray();
        var catalogue = RuleCatalogue.Rules.Select(r => r.Id).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(catalogue, loaded);
        Assert.Equal(["work-permit"], WorkPermitRuleSet.Load(WorkPermitRuleSet.RuleTypes).GetRuleSets().Select(s => s.Name));
    }

    [Fact]
    public void Findings_ArePublishedExactlyWhenSomeRuleMatchesThem()
    {
        // A finding another rule matches must enter the session (EvaluationCase.Publish); a finding no rule matches is
        // only recorded (EvaluationCase.Record), since passing it through the network would cost time and match nothing.
        var matched = Definitions.SelectMany(MatchedRuleIds).ToHashSet(StringComparer.Ordinal);
        var yielding = Definitions.Where(Publishes).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(44, matched.Count);
        Assert.Equal(matched.Order(StringComparer.Ordinal), yielding.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Rules_UseNoNegationQuantifierOrPriority()
    {
        // Findings are propagated in batches, which is sound only while a rule's conclusion cannot depend on the order
        // in which findings arrive: no Not, Exists or All over findings, and no priorities.
        foreach (var definition in Definitions)
        {
            var walker = new Walker();
            walker.Visit(Context.Empty, definition);
            Assert.False(walker.Quantified, $"{definition.Name} uses Not, Exists or All");
            Assert.Equal(0, definition.Priority);
        }
    }

    [Property(Arbitrary = [typeof(WorkPermitArbitraries)], MaxTest = 300)]
    public void Batches_GiveTheSameFindingsAsOneByOne(WorkPermitProfile profile)
    {
        var batched = Run(profile, batch: true);
        var oneByOne = Run(profile, batch: false);

        // Every rule concludes once: the collecting rules wait for all their inputs (their AllOf aggregate yields only a
        // complete set).
        Assert.Equal(RuleCatalogue.Rules.Count, batched.Count);
        Assert.Equal(0, batched.Repeats);
        AssertSame(batched, oneByOne, profile);
    }

    [Property(Arbitrary = [typeof(WorkPermitArbitraries)], MaxTest = 200)]
    public void InterpretedRuleSet_GivesTheSameFindingsAsTheCompiledOne(WorkPermitProfile profile)
    {
        // The first evaluations of a process run on the interpreted rule set, the rest on the compiled one.
        var interpreted = WorkPermitRuleSet.Run(Interpreted.Value, new EvaluationCase(profile, Today, ReferenceDataSet.Default), 1000);
        var compiled = Run(profile, batch: true);

        AssertSame(compiled, interpreted, profile);
    }

    [Fact]
    public void Evaluator_MovesToTheCompiledRuleSet_AfterItsFirstEvaluations()
    {
        var evaluator = WorkPermitEvaluator.Create();
        for (var i = 0; i < 20; i++)
        {
            evaluator.Evaluate(new WorkPermitProfile());
        }

        SpinWait.SpinUntil(() => ReferenceEquals(WorkPermitRuleSet.Factory, WorkPermitRuleSet.Compiled), TimeSpan.FromSeconds(60));
        Assert.Same(WorkPermitRuleSet.Compiled, WorkPermitRuleSet.Factory);
    }

    [Fact]
    public void Run_RuleThatKeepsFiring_StopsAndNamesIt()
    {
        var factory = WorkPermitRuleSet.Load([typeof(SeedRule), typeof(LoopingRule)]).Compile();
        var evaluationCase = new EvaluationCase(new WorkPermitProfile(), Today, ReferenceDataSet.Default);

        var error = Assert.Throws<RuleLoopException>(() => WorkPermitRuleSet.Run(factory, evaluationCase, 50));

        Assert.Equal(["Looping rule"], error.Rules);
        Assert.Equal(50, error.Firings);
        Assert.Contains("Looping rule", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RuleThatRepublishesItsFinding_StopsAndNamesIt()
    {
        // A published finding equal to one already in the session (same rule ID) replaces it, which re-enables the rules
        // that match it: a rule matching its own finding loops, and the bound stops it.
        var factory = WorkPermitRuleSet.Load([typeof(PublishingSeedRule), typeof(RepublishingRule)]).Compile();
        var evaluationCase = new EvaluationCase(new WorkPermitProfile(), Today, ReferenceDataSet.Default);

        var error = Assert.Throws<RuleLoopException>(() => WorkPermitRuleSet.Run(factory, evaluationCase, 40));

        Assert.Equal(["Republishing rule"], error.Rules);
        // Each firing after the first replaced the finding (an insert of an equal fact would have thrown instead): 39 in
        // the bounded run, and one more in the run that names the looping rules.
        Assert.Equal(40, evaluationCase.Findings.Repeats);
    }

    [Fact]
    public void Load_ClassThatIsNotARule_IsAConfigurationErrorNotASilentSkip()
    {
        var error = Assert.Throws<WorkPermitRulesConfigurationException>(() => WorkPermitRuleSet.Load([typeof(SeedRule), typeof(AbstractRule)]));

        Assert.Contains(error.Problems, p => p.Contains(nameof(AbstractRule), StringComparison.Ordinal));
    }

    [Fact]
    public void Run_CatalogueRules_StayWellInsideTheBound()
    {
        var profile = WorkPermitGenerators.Default.CompleteProfile.Sample(1, new Rnd(11UL), 30).Single();

        // Exactly one firing per rule would need 91; the bound must not cut a normal evaluation short.
        var findings = WorkPermitRuleSet.Run(WorkPermitRuleSet.Compiled, new EvaluationCase(profile, Today, ReferenceDataSet.Default), RuleCatalogue.Rules.Count);

        Assert.Equal(RuleCatalogue.Rules.Count, findings.Count);
    }

    private static readonly Lazy<ISessionFactory> Interpreted = new(() => WorkPermitRuleSet.Compile(WorkPermitRuleSet.Load(WorkPermitRuleSet.RuleTypes), interpret: true));

    private static FindingSet Run(WorkPermitProfile profile, bool batch) =>
        WorkPermitRuleSet.Run(WorkPermitRuleSet.Compiled, new EvaluationCase(profile, Today, ReferenceDataSet.Default), 1000, batch);

    private static void AssertSame(FindingSet expected, FindingSet actual, WorkPermitProfile profile)
    {
        Assert.Equal(RuleCatalogue.Rules.Count, actual.Count);
        Assert.Equal(0, actual.Repeats);
        for (var i = 0; i < expected.ByOrder.Length; i++)
        {
            var (a, b) = (expected.ByOrder[i]!, actual.ByOrder[i]!);
            Assert.Equal(a.RuleId, b.RuleId);
            Assert.True(a.Verdict.Equals(b.Verdict) && a.Reads.Equals(b.Reads) && a.Applicable == b.Applicable && Equals(a.Value, b.Value) && a.Note == b.Note
                && a.Documents.SequenceEqual(b.Documents) && a.Actions.SequenceEqual(b.Actions) && a.Conditions.SequenceEqual(b.Conditions),
                $"{a.RuleId} differs: {a} against {b}, for {ProfileJson.Write(profile)}");
        }
    }

    /// <summary>The rule IDs whose findings a rule's patterns accept, found by testing each pattern's conditions against a
    /// finding of every catalogue rule.</summary>
    private static IEnumerable<string> MatchedRuleIds(IRuleDefinition definition)
    {
        var walker = new Walker();
        walker.Visit(Context.Empty, definition);
        foreach (var pattern in walker.Patterns.Where(p => typeof(Finding).IsAssignableFrom(p.ValueType)))
        {
            var conditions = pattern.Expressions.Select(e => e.Expression).ToArray();
            Assert.All(conditions, c => Assert.Single(c.Parameters));
            var compiled = conditions.Select(c => c.Compile()).ToArray();
            foreach (var rule in RuleCatalogue.Rules)
            {
                var probe = Finding.Of(rule.Id, Verdict.No, FactSet.Empty);
                if (pattern.ValueType.IsInstanceOfType(probe) && compiled.All(c => (bool)c.DynamicInvoke(probe)!))
                {
                    yield return rule.Id;
                }
            }
        }
    }

    private static bool Publishes(IRuleDefinition definition)
    {
        var walker = new Walker();
        walker.Visit(Context.Empty, definition);
        return walker.Publishes;
    }

    /// <summary>Collects a rule's patterns, whether it quantifies, and whether an action publishes a finding into the
    /// session.</summary>
    private sealed class Walker : RuleElementVisitor<Context>
    {
        public List<PatternElement> Patterns { get; } = [];

        public bool Quantified { get; private set; }

        public bool Publishes { get; private set; }

        protected override PatternElement VisitPattern(Context context, PatternElement element)
        {
            Patterns.Add(element);
            return base.VisitPattern(context, element);
        }

        protected override RuleElement VisitNot(Context context, NotElement element)
        {
            Quantified = true;
            return base.VisitNot(context, element);
        }

        protected override RuleElement VisitExists(Context context, ExistsElement element)
        {
            Quantified = true;
            return base.VisitExists(context, element);
        }

        protected override RuleElement VisitForAll(Context context, ForAllElement element)
        {
            Quantified = true;
            return base.VisitForAll(context, element);
        }

        protected override ActionElement VisitAction(Context context, ActionElement element)
        {
            Publishes |= new PublishFinder().Finds(element.Expression);
            return base.VisitAction(context, element);
        }
    }

    private sealed class PublishFinder : ExpressionVisitor
    {
        private bool _found;

        public bool Finds(Expression expression)
        {
            Visit(expression);
            return _found;
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            _found |= node.Method.DeclaringType == typeof(EvaluationCase) && node.Method.Name == nameof(EvaluationCase.Publish);
            return base.VisitMethodCall(node);
        }
    }

    internal sealed record Tick(int Count);

    /// <summary>Publishes a GEN-02 finding once.</summary>
    [Name("Publishing seed rule")]
    internal sealed class PublishingSeedRule : Rule
    {
        public override void Define()
        {
            EvaluationCase c = default!;
            When().Match(() => c);
            Then().Do(_ => c.Publish(Finding.Of(RuleIds.Gen02, Verdict.Yes, FactSet.Empty)));
        }
    }

    /// <summary>Matches the GEN-02 finding and publishes another, which replaces it in the session: a loop.</summary>
    [Name("Republishing rule")]
    internal sealed class RepublishingRule : Rule
    {
        public override void Define()
        {
            EvaluationCase c = default!;
            GeneralFinding gen02 = default!;
            When()
                .Match(() => c)
                .Match(() => gen02, f => f.RuleId == RuleIds.Gen02);
            Then().Do(_ => c.Publish(Finding.Of(RuleIds.Gen02, Verdict.Yes, FactSet.Empty)));
        }
    }

    /// <summary>Not a rule NRules can load (abstract).</summary>
    internal abstract class AbstractRule : Rule
    {
    }

    /// <summary>Starts the loop once.</summary>
    [Name("Seed rule")]
    internal sealed class SeedRule : Rule
    {
        public override void Define()
        {
            EvaluationCase c = default!;
            When().Match(() => c);
            Then().Yield(_ => new Tick(0));
        }
    }

    /// <summary>Each tick makes the next one, which it matches again: a loop.</summary>
    [Name("Looping rule")]
    internal sealed class LoopingRule : Rule
    {
        public override void Define()
        {
            Tick tick = default!;
            When().Match(() => tick);
            Then().Do(ctx => ctx.Insert(new Tick(tick.Count + 1)));
        }
    }
}
