using WorkPermit.Rules.Testing.Tests.Support;

namespace WorkPermit.Rules.Testing.Tests;

public sealed class ReportOutcomesTests
{
    [Fact]
    public void Rules_EveryOutcomePathMapped_ToCatalogueRules()
    {
        foreach (var path in ReportOutcomes.TriPaths.Concat(ReportOutcomes.ValuePaths).Append("portOfEntry.etaEligibility"))
        {
            var map = ReportOutcomes.RulesBehind(path);
            Assert.True(map is not null, path);
            Assert.All(map.Rules, id => Assert.True(RuleCatalogue.TryGet(id, out _), $"{path}: {id}"));
        }
    }

    [Fact]
    public void Of_QuestionAffects_UseTheSamePaths()
    {
        var reports = TestEvaluators.Generators.AnyProfile.Sample(300, 50).Select(TestEvaluators.Default.Evaluate);

        var affects = reports.SelectMany(r => r.Questions).SelectMany(q => q.Affects).ToHashSet();

        // Besides the three-valued outcomes, a question may settle which documents and actions follow, or whether a
        // worker on maintained status may work after coming back.
        Assert.Subset(ReportOutcomes.TriPaths.Concat(["portOfEntry.etaEligibility", "documents", "actions", "afterApplying.canWorkAfterReturn"]).ToHashSet(), affects);
    }

    [Fact]
    public void Signature_SameProfileTwice_Equal_AndNamesTheRulesBehindEachItem()
    {
        var profile = TestEvaluators.Generators.CompleteProfile.Sample(1, 50)[0];

        var first = ReportOutcomes.Signature(TestEvaluators.Default.Evaluate(profile));
        var second = ReportOutcomes.Signature(TestEvaluators.Default.Evaluate(profile));

        Assert.Equal(first.Keys.Order(), second.Keys.Order());
        Assert.All(first, item => Assert.Equal(item.Value, second[item.Key]));
        Assert.Equal(["GEN-01"], first["general.outcome"].Rules);
        Assert.All(first.Where(i => i.Key.StartsWith("findings/", StringComparison.Ordinal)), i => Assert.Equal([i.Key["findings/".Length..]], i.Value.Rules));
    }
}
