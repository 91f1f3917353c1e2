namespace WorkPermit.Rules.Evaluation;

/// <summary>
/// What one catalogue rule concluded for the profile: a fact in the rule session, yielded by the rule and
/// matched by the rules that build on it. Its meaning follows the rule's kind: a requirement is met (yes) or not,
/// an exclusion applies (yes) or not, a category or trigger applies, an advisory applies, a document is needed.
/// Its identity is the rule ID: a rule yields one finding.
/// </summary>
internal sealed class Finding : IEquatable<Finding>
{
    private static readonly string[] NoItems = [];

    private Finding(string ruleId, Verdict verdict, FactSet reads, object? value, IReadOnlyList<string>? documents,
        IReadOnlyList<string>? actions, IReadOnlyList<string>? conditions, string? note, Tri applicable)
    {
        RuleId = ruleId;
        Rule = RuleCatalogue.Get(ruleId);
        Verdict = verdict;
        Reads = reads | verdict.Missing;
        Value = value;
        Documents = documents ?? NoItems;
        Actions = actions ?? NoItems;
        Conditions = conditions ?? NoItems;
        Note = note;
        Applicable = applicable;
    }

    public string RuleId { get; }

    public CatalogueRule Rule { get; }

    public Verdict Verdict { get; }

    public Tri Outcome => Verdict.Value;

    public bool IsYes => Verdict.IsYes;

    public bool IsNo => Verdict.IsNo;

    public bool IsUnknown => Verdict.IsUnknown;

    public FactSet Missing => Verdict.Missing;

    /// <summary>Facts the rule read, directly or through the findings it builds on.</summary>
    public FactSet Reads { get; }

    /// <summary>A value the rule computed (an eTA status, a route, a date...).</summary>
    public object? Value { get; }

    /// <summary>Documents the finding adds to the report (only when they are needed).</summary>
    public IReadOnlyList<string> Documents { get; }

    /// <summary>Actions the finding adds to the report.</summary>
    public IReadOnlyList<string> Actions { get; }

    /// <summary>Conditions the finding names (the failed interim authorization conditions of AFT-15).</summary>
    public IReadOnlyList<string> Conditions { get; }

    /// <summary>Whether the rule's scope (channel, permit type) covers the profile: rules out of scope are left out of the report's findings.</summary>
    public Tri Applicable { get; }

    /// <summary>How the rule inferred a fact from another, when it did.</summary>
    public string? Note { get; }

    public static Finding Of(string ruleId, Verdict verdict, FactSet reads, object? value = null, IReadOnlyList<string>? documents = null,
        IReadOnlyList<string>? actions = null, IReadOnlyList<string>? conditions = null, string? note = null, Tri applicable = Tri.Yes) =>
        new(ruleId, verdict, reads, value, documents, actions, conditions, note, applicable);

    public bool Equals(Finding? other) => other is not null && string.Equals(RuleId, other.RuleId, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as Finding);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(RuleId);

    public override string ToString() => $"{RuleId}: {Verdict}";
}
