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
            _byOrder[RuleCatalogue.OrderOf(finding.RuleId)] = finding;
        }
    }

    public Finding this[string ruleId] => _byOrder[RuleCatalogue.OrderOf(ruleId)]
        ?? throw new InvalidOperationException($"Rule {ruleId} produced no finding; the rule set is incomplete.");

    /// <summary>The findings in catalogue order.</summary>
    public IEnumerable<Finding> InOrder()
    {
        foreach (var finding in _byOrder)
        {
            if (finding is not null)
            {
                yield return finding;
            }
        }
    }

    public int Count => _byOrder.Count(f => f is not null);
}
