namespace WorkPermit.Rules.Evaluation;

/// <summary>
/// What one catalogue rule concluded for the profile; when other rules build on it, its rule publishes it into the rule
/// session as a fact, which they match. Its meaning follows the rule's kind: a requirement is met (yes) or not,
/// an exclusion applies (yes) or not, a category or trigger applies, an advisory applies, a document is needed.
/// Its identity is the rule ID: a rule concludes one finding. Its type is its catalogue area's (see AreaFindings.cs), so
/// that the network sorts findings by area before it tests their rule IDs.
/// </summary>
internal abstract class Finding : IEquatable<Finding>
{
    private static readonly string[] NoItems = [];

    /// <summary>What few findings carry (documents, actions, conditions, a note): kept apart so that the many findings
    /// without them stay small.</summary>
    private readonly Extras? _extras;

    private protected Finding(in FindingData data)
    {
        Rule = data.Rule;
        Verdict = data.Verdict;
        Reads = data.Reads | data.Verdict.Missing;
        Value = data.Value;
        _extras = data.Documents is { Count: > 0 } || data.Actions is { Count: > 0 } || data.Conditions is { Count: > 0 } || data.Note is not null
            ? new Extras(data.Documents ?? NoItems, data.Actions ?? NoItems, data.Conditions ?? NoItems, data.Note)
            : null;
        Applicable = data.Applicable;
    }

    public string RuleId => Rule.Id;

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

    /// <summary>Whether the finding carries documents, actions, conditions or a note.</summary>
    public bool HasExtras => _extras is not null;

    /// <summary>Documents the finding adds to the report (only when they are needed).</summary>
    public IReadOnlyList<string> Documents => _extras?.Documents ?? NoItems;

    /// <summary>Actions the finding adds to the report.</summary>
    public IReadOnlyList<string> Actions => _extras?.Actions ?? NoItems;

    /// <summary>Conditions the finding names (the failed interim authorization conditions of AFT-15).</summary>
    public IReadOnlyList<string> Conditions => _extras?.Conditions ?? NoItems;

    /// <summary>Whether the rule's scope (channel, permit type) covers the profile: rules out of scope are left out of the report's findings.</summary>
    public Tri Applicable { get; }

    /// <summary>How the rule inferred a fact from another, when it did.</summary>
    public string? Note => _extras?.Note;

    public static Finding Of(string ruleId, Verdict verdict, FactSet reads, object? value = null, IReadOnlyList<string>? documents = null,
        IReadOnlyList<string>? actions = null, IReadOnlyList<string>? conditions = null, string? note = null, Tri applicable = Tri.Yes)
    {
        var rule = RuleCatalogue.Get(ruleId);
        return Areas[rule.Order](new FindingData(rule, verdict, reads, value, documents, actions, conditions, note, applicable));
    }

    /// <summary>Per catalogue rule (by order), the constructor of its area's finding type.</summary>
    private static readonly Func<FindingData, Finding>[] Areas = RuleCatalogue.Rules.Select(AreaOf).ToArray();

    private static Func<FindingData, Finding> AreaOf(CatalogueRule rule) => rule.Id[..rule.Id.IndexOf('-', StringComparison.Ordinal)] switch
    {
        "GEN" => static data => new GeneralFinding(data),
        "INS" => static data => new InsideCanadaFinding(data),
        "OUT" => static data => new OutsideCanadaFinding(data),
        "POE" => static data => new PortOfEntryFinding(data),
        "OWP" => static data => new OpenPermitFinding(data),
        "LMIA" or "CHG" => static data => new EmployerFinding(data),
        "IME" => static data => new MedicalFinding(data),
        "BIO" => static data => new BiometricsFinding(data),
        "AFT" => static data => new AfterApplyingFinding(data),
        _ => throw new InvalidOperationException($"Rule {rule.Id} belongs to no catalogue area."),
    };

    // The catalogue holds one CatalogueRule per ID, so the rule's identity and its catalogue position stand for the
    // rule ID: no string is compared or hashed when the session files a finding.
    public bool Equals(Finding? other) => other is not null && ReferenceEquals(Rule, other.Rule);

    public override bool Equals(object? obj) => Equals(obj as Finding);

    public override int GetHashCode() => Rule.Order;

    public override string ToString() => $"{RuleId}: {Verdict}";

    private sealed record Extras(IReadOnlyList<string> Documents, IReadOnlyList<string> Actions, IReadOnlyList<string> Conditions, string? Note);
}

/// <summary>What a finding is made of, passed to the area finding types' constructors.</summary>
internal readonly record struct FindingData(CatalogueRule Rule, Verdict Verdict, FactSet Reads, object? Value, IReadOnlyList<string>? Documents,
    IReadOnlyList<string>? Actions, IReadOnlyList<string>? Conditions, string? Note, Tri Applicable);
