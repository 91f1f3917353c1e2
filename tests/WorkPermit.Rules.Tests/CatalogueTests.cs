using System.Reflection;
using NRules.Fluent;
using NRules.Fluent.Dsl;

namespace WorkPermit.Rules.Tests;

public sealed class CatalogueTests
{
    private static readonly Type[] RuleTypes = typeof(WorkPermitEvaluator).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(Rule)) && !t.IsAbstract)
        .ToArray();

    [Fact]
    public void Catalogue_Has91Rules_WithQuotesFromTheFiveSources()
    {
        Assert.Equal(91, RuleCatalogue.Rules.Count);
        Assert.All(RuleCatalogue.Rules, rule =>
        {
            Assert.NotEmpty(rule.Citations);
            Assert.All(rule.Citations, c => Assert.False(string.IsNullOrWhiteSpace(c.SourceTitle)));
            Assert.False(string.IsNullOrWhiteSpace(rule.Statement));
        });
        Assert.Equal(23, RuleCatalogue.Interpretations.Count);
    }

    [Fact]
    public void EveryCatalogueId_HasExactlyOneRuleClass()
    {
        var names = RuleTypes.Select(t => new RuleMetadata(t).Name).ToArray();
        var missing = RuleCatalogue.Rules.Select(r => r.Id).Except(names).ToArray();
        var extra = names.Except(RuleCatalogue.Rules.Select(r => r.Id)).ToArray();
        var repeated = names.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();

        Assert.True(missing.Length == 0, $"No rule class for {string.Join(", ", missing)}");
        Assert.True(extra.Length == 0, $"Rule classes not in the catalogue: {string.Join(", ", extra)}");
        Assert.True(repeated.Length == 0, $"Several classes for {string.Join(", ", repeated)}");
    }

    [Fact]
    public void RuleSet_LoadsEveryRuleClass_OnceEach_InCatalogueOrder()
    {
        // The rule set loads a written list of classes (RuleClasses.All), not what reflection finds: the list must hold
        // every rule class of the catalogue's namespaces, and keep the catalogue's order.
        var catalogueClasses = RuleTypes.Where(t => t.Namespace?.StartsWith("WorkPermit.Rules.Rules", StringComparison.Ordinal) == true);
        var listed = Evaluation.WorkPermitRuleSet.RuleTypes;

        Assert.Equal(catalogueClasses.OrderBy(t => t.FullName, StringComparer.Ordinal), listed.OrderBy(t => t.FullName, StringComparer.Ordinal));
        Assert.Equal(RuleCatalogue.Rules.Select(r => r.Id), listed.Select(t => new RuleMetadata(t).Name));
    }

    [Fact]
    public void EveryRuleClass_IsDescribedTaggedAndSealed()
    {
        Assert.All(RuleTypes, type =>
        {
            Assert.True(type.IsSealed, $"{type.Name} is not sealed");
            Assert.False(string.IsNullOrWhiteSpace(new RuleMetadata(type).Description), $"{type.Name} has no description");
            var tags = new RuleMetadata(type).Tags;
            var kind = RuleCatalogue.Get(new RuleMetadata(type).Name).Kind;
            Assert.Contains(kind == RuleKind.Document ? "document" : kind.ToString().ToLowerInvariant(), tags);
            Assert.Equal(2, tags.Length);
        });
    }

    [Fact]
    public void RuleClasses_LiveInTheFolderOfTheirArea()
    {
        var expected = new Dictionary<string, string>
        {
            ["GEN"] = "General", ["OUT"] = "OutsideCanada", ["INS"] = "InsideCanada", ["POE"] = "PortOfEntry",
            ["LMIA"] = "Employer", ["CHG"] = "Employer", ["OWP"] = "OpenPermits", ["IME"] = "Medical", ["BIO"] = "Biometrics", ["AFT"] = "AfterApplying",
        };
        Assert.All(RuleTypes, type =>
        {
            var id = new RuleMetadata(type).Name;
            Assert.EndsWith("." + expected[id.Split('-')[0]], type.Namespace, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Facts_CoverEveryPropertyOfTheProfileOnce()
    {
        var paths = FactCatalog.All.Select(f => f.Path).ToArray();
        Assert.Equal(paths.Length, paths.Distinct().Count());

        var fromRecords = new List<string> { "evaluationDate" };
        // Extensions are the host's own data, not facts of the contract.
        foreach (var group in typeof(WorkPermitProfile).GetProperties().Where(p => p.Name is not (nameof(WorkPermitProfile.EvaluationDate) or nameof(WorkPermitProfile.Extensions))))
        {
            var prefix = char.ToLowerInvariant(group.Name[0]) + group.Name[1..];
            fromRecords.AddRange(group.PropertyType.GetProperties().Where(p => p.Name != "EqualityContract").Select(p => $"{prefix}.{char.ToLowerInvariant(p.Name[0])}{p.Name[1..]}"));
        }

        Assert.Equal(fromRecords.Order(StringComparer.Ordinal), paths.Order(StringComparer.Ordinal));
    }
    [Fact]
    public void RuleLookUp_FindsTheRule_WhateverStringInstanceNamesIt()
    {
        foreach (var rule in RuleCatalogue.Rules)
        {
            // A copy is a different instance from the interned ID: the look-up must not depend on the instance.
            var copy = new string(rule.Id.AsSpan());
            Assert.False(ReferenceEquals(copy, rule.Id));
            Assert.Same(rule, RuleCatalogue.Get(copy));
            Assert.Same(rule, RuleCatalogue.Get(rule.Id));
            Assert.True(RuleCatalogue.TryGet(copy, out var found));
            Assert.Same(rule, found);
        }

        Assert.False(RuleCatalogue.TryGet("GEN-99", out _));
        Assert.Throws<KeyNotFoundException>(() => RuleCatalogue.Get("gen-01"));
    }

    [Fact]
    public void RuleInputs_YieldNothingUntilEveryInputHasArrived_ThenOneSetTakenByRuleId()
    {
        var inputs = new Evaluation.RuleInputs(Rules.RuleIds.Ins01, Rules.RuleIds.Ins13, Rules.RuleIds.Ins05);
        Assert.Equal("AllOf(INS-01,INS-13,INS-05)", inputs.AggregateName);
        Assert.Equal(3, Evaluation.RuleInputs.FromAggregateName(inputs.AggregateName).Count);
        var aggregator = new Evaluation.AllInputsAggregator(inputs);
        var ins13 = Fact(Rules.RuleIds.Ins13, Verdict.Yes);
        var ins01 = Fact(Rules.RuleIds.Ins01, Verdict.No);
        var ins05 = Fact(Rules.RuleIds.Ins05, Verdict.Unknown(FactSet.Empty));

        Assert.Empty(aggregator.Add(null!, null!, [ins13]));
        Assert.Empty(aggregator.Add(null!, null!, [ins01]));
        var added = Assert.Single(aggregator.Add(null!, null!, [ins05]));
        Assert.Equal(NRules.Aggregators.AggregationAction.Added, added.Action);
        var set = Assert.IsType<Evaluation.CollectedInputs>(added.Aggregate);
        Assert.Same(ins01.Value, set[Rules.RuleIds.Ins01]);
        Assert.Same(ins13.Value, set[new string(Rules.RuleIds.Ins13.AsSpan())]);
        Assert.Same(ins05.Value, set[Rules.RuleIds.Ins05]);
        Assert.Equal([ins01, ins13, ins05], added.Source!);
        Assert.Contains("INS-02", Assert.Throws<InvalidOperationException>(() => set[Rules.RuleIds.Ins02]).Message, StringComparison.Ordinal);

        // A replaced input yields a new set in place of the first; a retracted one takes the set back.
        var again = Fact(Rules.RuleIds.Ins01, Verdict.Yes);
        var modified = Assert.Single(aggregator.Modify(null!, null!, [again]));
        Assert.Equal(NRules.Aggregators.AggregationAction.Modified, modified.Action);
        Assert.Same(set, modified.Previous);
        Assert.Same(again.Value, ((Evaluation.CollectedInputs)modified.Aggregate)[Rules.RuleIds.Ins01]);
        Assert.Same(ins01.Value, set[Rules.RuleIds.Ins01]);
        var removed = Assert.Single(aggregator.Remove(null!, null!, [ins13]));
        Assert.Equal(NRules.Aggregators.AggregationAction.Removed, removed.Action);
        Assert.Same(modified.Aggregate, removed.Aggregate);
        Assert.Empty(aggregator.Remove(null!, null!, [ins05]));
        Assert.Throws<ArgumentException>(() => new Evaluation.RuleInputs(Rules.RuleIds.Ins01, Rules.RuleIds.Ins01));
        Assert.Throws<ArgumentException>(() => Evaluation.RuleInputs.FromAggregateName("Collect"));

        static NRules.RuleModel.IFact Fact(string ruleId, Verdict verdict) => new TestFact(Evaluation.Finding.Of(ruleId, verdict, FactSet.Empty));
    }

    private sealed class TestFact(object value) : NRules.RuleModel.IFact
    {
        public Type Type => Value!.GetType();

        public object? Value { get; } = value;

        public NRules.RuleModel.IFactSource? Source => null;
    }
}
