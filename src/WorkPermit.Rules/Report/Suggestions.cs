using System.Text.Json;
using System.Text.Json.Serialization;

namespace WorkPermit.Rules;

/// <summary>
/// A change the person could make after which nothing the rules check blocks the application (contract,
/// "Suggestions"). It was checked by evaluating the changed profile, never guessed: <see cref="Outcome"/> is what that
/// evaluation gave.
/// </summary>
public sealed record Suggestion
{
    /// <summary>Gets the facts to change, each from the profile's value to the new one. Only facts a person can act on
    /// (<see cref="ActionableFacts"/>) are changed.</summary>
    /// <value>The changes, in the contract's fact order.</value>
    public required IReadOnlyList<FactChange> Changes { get; init; }

    /// <summary>Gets how the summary's outcome changes: <c>summary.outcome</c> from the report's answer to the changed
    /// profile's.</summary>
    /// <value>The outcome change.</value>
    public required SuggestionOutcome Outcome { get; init; }

    /// <summary>Gets the rules whose result differs after the change, among those the summary weighs (a rule that stops
    /// applying, for example a port-of-entry exclusion after a switch to an online application, counts).</summary>
    /// <value>Rule IDs, in catalogue order.</value>
    public required IReadOnlyList<string> Rules { get; init; }

    /// <summary>Gets what to do and what follows, in plain language.</summary>
    /// <value>The text.</value>
    public required string Text { get; init; }

    /// <summary>Applies the changes to a profile, for example to evaluate it or to store it as the plan.</summary>
    /// <param name="profile">The profile the suggestion was made for.</param>
    /// <returns>A new profile with the changes made.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    /// <exception cref="ArgumentException">A change names a fact that is not actionable, or a value that fact cannot take.</exception>
    public WorkPermitProfile ApplyTo(WorkPermitProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return ActionableFacts.Apply(profile, Changes);
    }
}

/// <summary>One fact changed by a suggestion. The values are JSON, as the profile writes them (a boolean, a snake_case
/// string, a yyyy-MM-dd date); <see langword="null"/> means the profile leaves the fact unknown.</summary>
/// <param name="Fact">The fact's JSON path, for example <c>application.channel</c>.</param>
/// <param name="From">The profile's value, or <see langword="null"/> when it is unknown.</param>
/// <param name="To">The new value, or <see langword="null"/> when the change removes the value (a new medical exam
/// removes the old result's stated expiry).</param>
public sealed record FactChange(
    string Fact,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] JsonElement? From,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] JsonElement? To)
{
    /// <summary>Gets the new value as the report's <see cref="WorkPermitReport.Facts"/> writes values, for showing it.</summary>
    /// <value>The text, or <see langword="null"/> when the change removes the value.</value>
    [JsonIgnore]
    public string? ToText => To is { } to ? (to.ValueKind == JsonValueKind.String ? to.GetString() : to.GetRawText()) : null;

    /// <summary>Gets the old value as text, for showing it.</summary>
    /// <value>The text, or <see langword="null"/> when the profile left the fact unknown.</value>
    [JsonIgnore]
    public string? FromText => From is { } from ? (from.ValueKind == JsonValueKind.String ? from.GetString() : from.GetRawText()) : null;
}

/// <summary>How an outcome of the report changes.</summary>
/// <param name="Path">The report path, <c>summary.outcome</c>.</param>
/// <param name="From">The report's outcome.</param>
/// <param name="To">The changed profile's outcome: yes, or unknown only for unanswered questions or the officer's decision.</param>
public sealed record SuggestionOutcome(string Path, Tri From, Tri To);

/// <summary>How the search for suggestions went, so that an empty list is never silent.</summary>
public sealed record SuggestionSearchResult
{
    /// <summary>Gets the result when no search was made because the host turned suggestions off.</summary>
    /// <value>The result.</value>
    public static SuggestionSearchResult Off { get; } = new()
    {
        Status = SuggestionStatus.Off,
        Evaluations = 0,
        Text = "Suggestions were not sought: they are turned off for this evaluator.",
    };

    /// <summary>Gets the result for a summary that is yes: nothing to search for.</summary>
    /// <value>The result.</value>
    public static SuggestionSearchResult NotNeeded { get; } = new()
    {
        Status = SuggestionStatus.NotNeeded,
        Evaluations = 0,
        Text = "Nothing the rules check blocks the application, so no change is needed.",
    };

    /// <summary>Gets what the search found.</summary>
    /// <value>The status.</value>
    public required SuggestionStatus Status { get; init; }

    /// <summary>Gets how many changed profiles were evaluated.</summary>
    /// <value>The count, at most the budget (<see cref="SuggestionOptions.MaxEvaluations"/>).</value>
    public required int Evaluations { get; init; }

    /// <summary>Gets the reason in plain language: why nothing is suggested, or what the suggestions do.</summary>
    /// <value>The text.</value>
    public required string Text { get; init; }
}

/// <summary>What the search for suggestions found.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SuggestionStatus>))]
public enum SuggestionStatus
{
    /// <summary>Nothing blocks the application (the summary is yes): no change is needed. JSON: <c>not_needed</c>.</summary>
    [JsonStringEnumMemberName("not_needed")]
    NotNeeded,

    /// <summary>At least one checked change was found. JSON: <c>found</c>.</summary>
    [JsonStringEnumMemberName("found")]
    Found,

    /// <summary>No change a person can make helps, within the number of changes searched. JSON: <c>none_found</c>.</summary>
    [JsonStringEnumMemberName("none_found")]
    NoneFound,

    /// <summary>The search used its budget of evaluations before it found a change. JSON: <c>budget_exhausted</c>.</summary>
    [JsonStringEnumMemberName("budget_exhausted")]
    BudgetExhausted,

    /// <summary>The host turned suggestions off. JSON: <c>off</c>.</summary>
    [JsonStringEnumMemberName("off")]
    Off,
}

/// <summary>How the evaluator looks for suggestions (see <see cref="WorkPermitRulesOptions.Suggestions"/>).</summary>
public sealed class SuggestionOptions
{
    /// <summary>Gets or sets whether reports carry suggestions.</summary>
    /// <value><see langword="true"/> by default.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets how many changed profiles one report may evaluate. Each costs about one evaluation; a
    /// report whose summary is yes, or whose blocking rules no actionable fact can reach, costs none.</summary>
    /// <value>32 by default; between 1 and 1,000.</value>
    public int MaxEvaluations { get; set; } = 32;

    /// <summary>Gets or sets the most changes one suggestion may combine.</summary>
    /// <value>2 by default; between 1 and 3.</value>
    public int MaxChanges { get; set; } = 2;
}
