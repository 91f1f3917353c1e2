namespace WorkPermit.Rules.Evaluation;

/// <summary>The findings of one evaluation, by rule ID.</summary>
internal sealed class FindingSet
{
    private readonly Finding?[] _byOrder;

    public FindingSet(IEnumerable<Finding> findings)
    {
        _byOrder = new Finding?[RuleCatalogue.Rules.Count];
        foreach (var finding in findings)
        {
            ref var slot = ref _byOrder[finding.Rule.Order];
            Count += slot is null ? 1 : 0;
            slot = finding;
        }
    }

    public Finding this[string ruleId] => _byOrder[RuleCatalogue.OrderOf(ruleId)]
        ?? throw new InvalidOperationException($"Rule {ruleId} produced no finding; the rule set is incomplete.");

    /// <summary>The findings in catalogue order, with a null for each catalogue rule that made none.</summary>
    public ReadOnlySpan<Finding?> ByOrder => _byOrder;

    public int Count { get; }
}
