namespace WorkPermit.Rules.Evaluation;

/// <summary>
/// The findings a rule that combines many others collects in one pattern (<c>Query(...).Collect()</c>): which rule IDs
/// it takes, and a count guard so that the rule fires once, when every one of them has arrived.
/// </summary>
/// <remarks>One collecting pattern costs the network one selection node and one aggregate instead of a join per input;
/// a join chain copies its opposite memory at every level, so for a rule with nine or ten inputs this is much cheaper.</remarks>
internal sealed class RuleInputs
{
    private readonly bool[] _byOrder = new bool[RuleCatalogue.Rules.Count];

    public RuleInputs(params string[] ruleIds)
    {
        foreach (var ruleId in ruleIds)
        {
            _byOrder[RuleCatalogue.OrderOf(ruleId)] = true;
        }

        Count = ruleIds.Length;
    }

    /// <summary>How many findings the rule waits for.</summary>
    public int Count { get; }

    /// <summary>Whether the rule takes this finding.</summary>
    public bool Includes(Finding finding) => _byOrder[finding.Rule.Order];

    /// <summary>Whether every input has arrived (the count guard of the collecting pattern).</summary>
    public bool Complete(IEnumerable<Finding> collected) => collected.Count() == Count;

    /// <summary>The collected finding of one rule.</summary>
    /// <exception cref="InvalidOperationException">The collection holds no finding of that rule.</exception>
    public static Finding Get(IEnumerable<Finding> collected, string ruleId)
    {
        foreach (var finding in collected)
        {
            if (string.Equals(finding.RuleId, ruleId, StringComparison.Ordinal))
            {
                return finding;
            }
        }

        throw new InvalidOperationException($"No finding of {ruleId} was collected.");
    }
}
