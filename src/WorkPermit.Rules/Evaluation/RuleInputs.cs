namespace WorkPermit.Rules.Evaluation;

/// <summary>
/// The findings a rule that combines many others collects in one pattern (<c>Query(...).Collect()</c>): which rule IDs
/// it takes, and a count guard so that the rule fires once, when every one of them has arrived.
/// </summary>
/// <remarks>One collecting pattern costs the network one selection node and one aggregate instead of a join per input;
/// a join chain copies its opposite memory at every level, so for a rule with nine or ten inputs this is much cheaper.</remarks>
internal sealed class RuleInputs
{
    /// <summary>Per catalogue rule (by order), its position among the inputs, or -1.</summary>
    private readonly int[] _positionByOrder = new int[RuleCatalogue.Rules.Count];
    private readonly string[] _ruleIds;

    public RuleInputs(params string[] ruleIds)
    {
        Array.Fill(_positionByOrder, -1);
        for (var i = 0; i < ruleIds.Length; i++)
        {
            _positionByOrder[RuleCatalogue.OrderOf(ruleIds[i])] = i;
        }

        _ruleIds = ruleIds;
        Count = ruleIds.Length;
    }

    /// <summary>How many findings the rule waits for.</summary>
    public int Count { get; }

    /// <summary>Whether the rule takes this finding.</summary>
    public bool Includes(Finding finding) => _positionByOrder[finding.Rule.Order] >= 0;

    /// <summary>Whether every input has arrived (the count guard of the collecting pattern).</summary>
    public bool Complete(IEnumerable<Finding> collected) => collected.Count() == Count;

    /// <summary>Takes the collected findings in one pass over the collection, for the rule's action to take each by
    /// its rule ID.</summary>
    /// <exception cref="InvalidOperationException">The collection lacks one of the inputs.</exception>
    public Arranged Arrange(IEnumerable<Finding> collected)
    {
        var findings = new Finding[Count];
        foreach (var finding in collected)
        {
            var position = _positionByOrder[finding.Rule.Order];
            if (position >= 0)
            {
                findings[position] = finding;
            }
        }

        for (var i = 0; i < findings.Length; i++)
        {
            if (findings[i] is null)
            {
                throw new InvalidOperationException($"No finding of {_ruleIds[i]} was collected.");
            }
        }

        return new Arranged(findings);
    }

    /// <summary>A rule's collected inputs, one finding per input rule.</summary>
    internal readonly struct Arranged(Finding[] findings)
    {
        /// <summary>The collected finding of one rule.</summary>
        /// <exception cref="InvalidOperationException">The rule is not one of the inputs.</exception>
        public Finding this[string ruleId]
        {
            get
            {
                // Rule IDs are interned (the catalogue's and the RuleIds constants are the same instances), so this
                // usually compares references only.
                foreach (var finding in findings)
                {
                    if (string.Equals(finding.RuleId, ruleId, StringComparison.Ordinal))
                    {
                        return finding;
                    }
                }

                throw new InvalidOperationException($"{ruleId} is not one of the rule's inputs.");
            }
        }
    }
}
