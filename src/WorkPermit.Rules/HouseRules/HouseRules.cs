using System.Reflection;
using NRules.Fluent;
using NRules.Fluent.Dsl;

namespace WorkPermit.Rules;

/// <summary>
/// A firm's own rules, added beside the catalogue's in the same NRules session (see
/// <see cref="WorkPermitRulesOptions.HouseRules"/>). A house rule is an ordinary NRules rule class
/// (<see cref="Rule"/>) whose <c>[Name]</c> is its ID. It can match the profile being evaluated
/// (<see cref="EvaluatedProfile"/>), the catalogue's findings (<see cref="CatalogueFinding"/>) and facts of the host's
/// own types passed with the evaluation, and it concludes by inserting or yielding a <see cref="HouseFinding"/>, which
/// the report lists under <see cref="WorkPermitReport.House"/>. A house rule never changes a catalogue outcome.
/// </summary>
public sealed class HouseRuleRegistry
{
    private readonly List<Type> _types = [];

    /// <summary>Gets the house rule classes registered, in registration order.</summary>
    /// <value>The rule classes.</value>
    public IReadOnlyList<Type> Types => _types;

    /// <summary>Registers a house rule class.</summary>
    /// <typeparam name="TRule">The rule class.</typeparam>
    /// <returns>This registry, for chaining.</returns>
    public HouseRuleRegistry Add<TRule>()
        where TRule : Rule => Add(typeof(TRule));

    /// <summary>Registers a house rule class.</summary>
    /// <param name="ruleType">The rule class: a concrete class deriving from <see cref="Rule"/>.</param>
    /// <returns>This registry, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleType"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="ruleType"/> is not a concrete rule class.</exception>
    public HouseRuleRegistry Add(Type ruleType)
    {
        ArgumentNullException.ThrowIfNull(ruleType);
        if (!IsRuleClass(ruleType))
        {
            throw new ArgumentException($"{ruleType.FullName} is not a concrete class deriving from NRules.Fluent.Dsl.Rule.", nameof(ruleType));
        }

        if (!_types.Contains(ruleType))
        {
            _types.Add(ruleType);
        }

        return this;
    }

    /// <summary>Registers every concrete rule class an assembly defines (public or not).</summary>
    /// <param name="assembly">The assembly.</param>
    /// <returns>This registry, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="assembly"/> is null.</exception>
    public HouseRuleRegistry AddFrom(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        foreach (var type in assembly.GetTypes().Where(IsRuleClass).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            Add(type);
        }

        return this;
    }

    private static bool IsRuleClass(Type type) =>
        type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && typeof(Rule).IsAssignableFrom(type);

    /// <summary>The IDs (rule names) of the registered classes.</summary>
    internal IEnumerable<(Type Type, string Id)> Ids() => _types.Select(t => (t, new RuleMetadata(t).Name));
}

/// <summary>
/// The profile being evaluated, as the rules see it: a read-only fact in the session that house rules can match, with
/// the as-of dates the catalogue's rules use.
/// </summary>
public sealed class EvaluatedProfile
{
    internal EvaluatedProfile(WorkPermitProfile profile, AsOfDates dates, ReferenceDataSet referenceData)
    {
        Profile = profile;
        Dates = dates;
        ReferenceData = referenceData;
    }

    /// <summary>Gets the profile.</summary>
    /// <value>The profile (immutable records).</value>
    public WorkPermitProfile Profile { get; }

    /// <summary>Gets the dates the rules are read as of (the evaluation, arrival and submission dates, each falling back
    /// as the catalogue says when the profile leaves it out).</summary>
    /// <value>The dates.</value>
    public AsOfDates Dates { get; }

    /// <summary>Gets the host's own data sent with the profile (JSON <c>extensions</c>), as it came.</summary>
    /// <value>A JSON object, or <see langword="null"/> when the profile has none.</value>
    public System.Text.Json.JsonElement? Extensions => Profile.Extensions;

    /// <summary>Gets the reference lists in force for this evaluation.</summary>
    /// <value>The reference data.</value>
    public ReferenceDataSet ReferenceData { get; }
}

/// <summary>A catalogue rule's finding, as house rules see it: a read-only copy in the session, inserted once every
/// catalogue rule has concluded.</summary>
public sealed class CatalogueFinding
{
    internal CatalogueFinding(FindingResult result) => Result = result;

    /// <summary>Gets the catalogue rule ID (for example "POE-04").</summary>
    /// <value>The rule ID.</value>
    public string RuleId => Result.RuleId;

    /// <summary>Gets what the rule's yes means.</summary>
    /// <value>The title.</value>
    public string Title => Result.Title;

    /// <summary>Gets the kind of rule.</summary>
    /// <value>The kind.</value>
    public RuleKind Kind => Result.Kind;

    /// <summary>Gets the rule's outcome.</summary>
    /// <value>Yes, no or unknown.</value>
    public Tri Outcome => Result.Outcome;

    /// <summary>Gets whether the rule's scope covers the profile.</summary>
    /// <value>Yes, no or unknown.</value>
    public Tri Applies => Result.Applies;

    /// <summary>Gets the fact paths the rule read.</summary>
    /// <value>Fact paths.</value>
    public IReadOnlyList<string> Read => Result.Read;

    /// <summary>Gets the fact paths whose answer the rule is missing.</summary>
    /// <value>Fact paths.</value>
    public IReadOnlyList<string> Missing => Result.Missing;

    internal FindingResult Result { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{RuleId}: {Outcome}";
}

/// <summary>
/// What a house rule concluded: insert or yield one from the rule's action. Its <see cref="Id"/> is the rule's own and
/// must not be a catalogue ID.
/// </summary>
public sealed record HouseFinding
{
    /// <summary>Gets the finding's ID (usually the house rule's name).</summary>
    /// <value>The ID.</value>
    public required string Id { get; init; }

    /// <summary>Gets what the finding's yes means (for example "Passport valid for six months after arrival").</summary>
    /// <value>The title.</value>
    public required string Title { get; init; }

    /// <summary>Gets the kind of finding.</summary>
    /// <value>The kind; <see cref="RuleKind.Advisory"/> by default.</value>
    public RuleKind Kind { get; init; } = RuleKind.Advisory;

    /// <summary>Gets the outcome.</summary>
    /// <value>Yes, no or unknown.</value>
    public required Tri Outcome { get; init; }

    /// <summary>Gets the fact paths the rule read (profile paths such as <c>travel.arrivalDate</c>, or the host's own).</summary>
    /// <value>Fact paths.</value>
    public IReadOnlyList<string> Read { get; init; } = [];

    /// <summary>Gets the fact paths whose answer the rule is missing; each becomes a question in the report.</summary>
    /// <value>Fact paths.</value>
    public IReadOnlyList<string> Missing { get; init; } = [];

    /// <summary>Gets the questions to ask for missing facts that are not the profile's own (a host fact), by fact path.
    /// A missing profile fact is asked with the library's own question.</summary>
    /// <value>Question text by fact path.</value>
    public IReadOnlyDictionary<string, string> Questions { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets the firm's own source for the rule, if any.</summary>
    /// <value>The citation, or <see langword="null"/>.</value>
    public Citation? Citation { get; init; }

    /// <summary>Gets the documents the finding adds to the report.</summary>
    /// <value>Document IDs (the firm's own).</value>
    public IReadOnlyList<string> Documents { get; init; } = [];

    /// <summary>Gets the actions the finding adds to the report.</summary>
    /// <value>Action IDs (the firm's own).</value>
    public IReadOnlyList<string> Actions { get; init; } = [];

    /// <summary>Gets a note on how the rule reached its outcome.</summary>
    /// <value>The note, or <see langword="null"/>.</value>
    public string? Note { get; init; }
}

/// <summary>Thrown when a house rule fails during an evaluation: names the rule and the facts it was working on. The
/// evaluation is abandoned; later evaluations are not affected (each runs in a session of its own).</summary>
public sealed class HouseRuleException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="HouseRuleException"/> class.</summary>
    /// <param name="rule">The house rule's name.</param>
    /// <param name="facts">Descriptions of the facts the rule had matched.</param>
    /// <param name="innerException">What the rule threw.</param>
    public HouseRuleException(string rule, IReadOnlyList<string> facts, Exception? innerException)
        : base($"House rule '{rule}' failed: {innerException?.Message} Facts: {string.Join("; ", facts ?? [])}.", innerException)
    {
        Rule = rule;
        Facts = facts ?? [];
    }

    /// <summary>Gets the house rule's name.</summary>
    /// <value>The rule name.</value>
    public string Rule { get; }

    /// <summary>Gets descriptions of the facts the rule had matched.</summary>
    /// <value>One description per fact.</value>
    public IReadOnlyList<string> Facts { get; }
}
