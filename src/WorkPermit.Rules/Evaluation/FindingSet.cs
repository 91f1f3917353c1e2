namespace WorkPermit.Rules.Evaluation;

/// <summary>The findings of one evaluation, by catalogue order.</summary>
internal sealed class FindingSet
{
    private readonly Finding?[] _byOrder = new Finding?[RuleCatalogue.Rules.Count];

    /// <summary>Adds a rule's finding. A rule that fires again (a rule set that loops) replaces its earlier finding
    /// and is counted in <see cref="Repeats"/>.</summary>
    public void Add(Finding finding)
    {
        ref var slot = ref _byOrder[finding.Rule.Order];
        if (slot is null)
        {
            Count++;
        }
        else
        {
            Repeats++;
        }

        slot = finding;
    }

    public Finding this[string ruleId] => _byOrder[RuleCatalogue.OrderOf(ruleId)]
        ?? throw new InvalidOperationException($"Rule {ruleId} produced no finding; the rule set is incomplete.");

    /// <summary>The findings in catalogue order, with a null for each catalogue rule that made none.</summary>
    public ReadOnlySpan<Finding?> ByOrder => _byOrder;

    public int Count { get; private set; }

    /// <summary>How many times a rule recorded a finding when it already had one.</summary>
    public int Repeats { get; private set; }
}
