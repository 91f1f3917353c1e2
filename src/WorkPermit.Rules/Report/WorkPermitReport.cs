namespace WorkPermit.Rules;

/// <summary>
/// What the rules conclude for a profile: every outcome as yes, no or unknown, the findings and quoted passages
/// behind them, the documents and actions that follow, and the questions whose answers would settle what is unknown.
/// A section that does not concern the profile (for example the port-of-entry section of an online application) is
/// <see langword="null"/>. The report is advice to prepare an application: the officer always decides (POE-09).
/// </summary>
public sealed record WorkPermitReport
{
    /// <summary>Gets the as-of dates the rules used.</summary>
    /// <value>The dates.</value>
    public required AsOfDates AsOf { get; init; }

    /// <summary>
    /// Gets the one answer for the application the profile describes: its channel, whether it can succeed as far as the
    /// rules can tell (general requirements, the channel's own eligibility and, for someone entering Canada, a medical
    /// exam valid on the day of entry where one is required), and the findings that block it or keep it open.
    /// </summary>
    /// <value>The summary.</value>
    public required ApplicationSummary Summary { get; init; }

    /// <summary>
    /// Gets, for a summary that is no, the smallest sets of changes the person could make (to <see cref="ActionableFacts"/>
    /// only) after which nothing blocks the application; for a summary that is unknown, only changes that settle it yes.
    /// Each was checked by evaluating the changed profile. <see cref="SuggestionSearch"/> says why the list is empty when it is.
    /// </summary>
    /// <value>The suggestions (all with the fewest changes that work; those that keep the channel first); empty when none is
    /// needed, none exists, or the search is off.</value>
    public IReadOnlyList<Suggestion> Suggestions { get; init; } = [];

    /// <summary>Gets how the search for <see cref="Suggestions"/> went: found, not needed, none found (with the reason),
    /// out of budget, or off.</summary>
    /// <value>The search result.</value>
    public SuggestionSearchResult SuggestionSearch { get; init; } = SuggestionSearchResult.Off;

    /// <summary>Gets the general requirements every applicant must meet (GEN-01).</summary>
    /// <value>The general requirements.</value>
    public required GeneralRequirementsResult General { get; init; }

    /// <summary>Gets whether the applicant may apply from outside Canada (OUT-01); null when the application is made through another channel.</summary>
    /// <value>The result, or <see langword="null"/>.</value>
    public OutsideCanadaResult? OutsideCanada { get; init; }

    /// <summary>Gets whether the applicant may apply from inside Canada (INS-10); null when the person is outside Canada and not applying from inside.</summary>
    /// <value>The result, or <see langword="null"/>.</value>
    public InsideCanadaResult? InsideCanada { get; init; }

    /// <summary>Gets whether the applicant may apply at a port of entry (POE-04); null when the application is made online.</summary>
    /// <value>The result, or <see langword="null"/>.</value>
    public PortOfEntryResult? PortOfEntry { get; init; }

    /// <summary>Gets how the permit is obtained (POE-07), when the facts settle it.</summary>
    /// <value>The route, or <see langword="null"/>.</value>
    public PermitRoute? Route { get; init; }

    /// <summary>Gets whether biometrics may be given at the port of entry (BIO-01 to BIO-03).</summary>
    /// <value>The result.</value>
    public required BiometricsResult BiometricsAtPortOfEntry { get; init; }

    /// <summary>Gets the immigration medical exam results (IME-01 to IME-06).</summary>
    /// <value>The result.</value>
    public required MedicalExamResult MedicalExam { get; init; }

    /// <summary>Gets the open work permit category (OWP-02 to OWP-06).</summary>
    /// <value>The result.</value>
    public required OpenPermitResult OpenPermit { get; init; }

    /// <summary>Gets the employer-related results (LMIA-02, LMIA-03, LMIA-05, CHG-01, CHG-02).</summary>
    /// <value>The result.</value>
    public required EmployerResult Employer { get; init; }

    /// <summary>Gets the visitor interim work authorization result (AFT-15); null unless the applicant is a visitor in Canada.</summary>
    /// <value>The result, or <see langword="null"/>.</value>
    public InterimAuthorizationResult? InterimAuthorization { get; init; }

    /// <summary>Gets what follows the application (AFT-01 to AFT-18).</summary>
    /// <value>The result.</value>
    public required AfterApplyingResult AfterApplying { get; init; }

    /// <summary>Gets the documents needed, each with the rule that asks for it.</summary>
    /// <value>The documents, in catalogue order, without repeats.</value>
    public required IReadOnlyList<ReportItem> Documents { get; init; }

    /// <summary>Gets the actions required, each with the rule that asks for it.</summary>
    /// <value>The actions.</value>
    public required IReadOnlyList<ReportItem> Actions { get; init; }

    /// <summary>Gets the advice that applies.</summary>
    /// <value>The advisories.</value>
    public required IReadOnlyList<Advisory> Advisories { get; init; }

    /// <summary>Gets every rule that reached a result for this profile, with the facts it read and missed and its citation.</summary>
    /// <value>The findings, in catalogue order.</value>
    public required IReadOnlyList<FindingResult> Findings { get; init; }

    /// <summary>Gets the findings of the host's house rules (see <see cref="WorkPermitRulesOptions.HouseRules"/>), in the
    /// same shape as <see cref="Findings"/>, ordered by ID. House rules never change a catalogue outcome.</summary>
    /// <value>The house findings; empty when the evaluator has no house rules.</value>
    public IReadOnlyList<FindingResult> House { get; init; } = [];

    /// <summary>
    /// Gets the values of the profile's facts that the listed findings read, by JSON path, written as the profile
    /// writes them (dates as yyyy-MM-dd, enumerations in snake_case, lists joined with commas). With a finding's
    /// <see cref="FindingResult.Read"/> paths they give the values that decided it; <see cref="FactsBehind"/> pairs them.
    /// </summary>
    /// <value>Path to value; a fact the profile leaves unknown is absent.</value>
    public IReadOnlyDictionary<string, string> Facts { get; init; } = EmptyFacts;

    /// <summary>Gets the questions whose answers could settle an outcome that is unknown, most useful first.</summary>
    /// <value>The questions.</value>
    public required IReadOnlyList<Question> Questions { get; init; }

    /// <summary>Gets warnings about how far the report can be relied on, for example an as-of date far outside the period
    /// the sources describe (2015 to 2035).</summary>
    /// <value>Plain-language warnings; empty when there are none.</value>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Gets the rule set and reference data that produced this report.</summary>
    /// <value>The rule set.</value>
    public required RuleSetInfo RuleSet { get; init; }

    private static readonly IReadOnlyDictionary<string, string> EmptyFacts = new Dictionary<string, string>();

    /// <summary>The profile's values behind a finding: each fact it read that the profile gives, in the finding's order.</summary>
    /// <param name="finding">A finding of this report.</param>
    /// <returns>Path and value pairs; empty when the finding read no fact the profile gives.</returns>
    public IReadOnlyList<KeyValuePair<string, string>> FactsBehind(FindingResult finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var list = new List<KeyValuePair<string, string>>();
        foreach (var path in finding.Read)
        {
            if (Facts.TryGetValue(path, out var value))
            {
                list.Add(new(path, value));
            }
        }

        return list;
    }
}

/// <summary>The one answer for the application the profile describes (contract, "Summary").</summary>
public sealed record ApplicationSummary
{
    /// <summary>Gets the channel summarised: the profile's own; null while the profile does not say.</summary>
    /// <value>The channel, or <see langword="null"/>.</value>
    public ApplicationChannel? Channel { get; init; }

    /// <summary>Gets whether the application can succeed as far as the rules can tell: the general requirements, the
    /// channel's own eligibility and, for someone entering Canada, a medical exam valid on the day of entry where one is
    /// required. Yes never sits beside a no at the channel level.</summary>
    /// <value>Yes, no or unknown.</value>
    public required Tri Outcome { get; init; }

    /// <summary>Gets the findings that make the outcome no: requirements not met, exclusions that apply.</summary>
    /// <value>Rule IDs, in catalogue order.</value>
    public required IReadOnlyList<string> Blocking { get; init; }

    /// <summary>Gets the findings still unknown that keep the outcome from yes and that an answer in the profile could settle.</summary>
    /// <value>Rule IDs, in catalogue order.</value>
    public required IReadOnlyList<string> Open { get; init; }

    /// <summary>Gets the findings still unknown only because an officer has not decided yet (never asked as questions).</summary>
    /// <value>Rule IDs, in catalogue order.</value>
    public required IReadOnlyList<string> AwaitsOfficer { get; init; }

    /// <summary>Gets the answer in one plain sentence, naming what blocks it or what is still open.</summary>
    /// <value>The text.</value>
    public required string Text { get; init; }
}

/// <summary>The dates the rules were read as of.</summary>
/// <param name="Evaluation">The evaluation date (post-decision rules; the fallback for missing event dates).</param>
/// <param name="Arrival">The arrival date (port-of-entry rules and reference lists).</param>
/// <param name="Submission">The submission date (inside-Canada and public-policy rules).</param>
public sealed record AsOfDates(DateOnly Evaluation, DateOnly Arrival, DateOnly Submission);

/// <summary>The general requirements (GEN-01).</summary>
public sealed record GeneralRequirementsResult
{
    /// <summary>Gets whether every general requirement is met.</summary>
    /// <value>Yes, no or unknown.</value>
    public required Tri Outcome { get; init; }

    /// <summary>Gets the rules not met (requirements that are no, exclusions that apply).</summary>
    /// <value>Rule IDs.</value>
    public required IReadOnlyList<string> Failed { get; init; }

    /// <summary>Gets the rules not settled.</summary>
    /// <value>Rule IDs.</value>
    public required IReadOnlyList<string> Unknown { get; init; }

    /// <summary>Gets, when the outcome is unknown only because of an officer's judgment, the rules that wait for it.</summary>
    /// <value>Rule IDs, or empty.</value>
    public required IReadOnlyList<string> AwaitsOfficer { get; init; }
}

/// <summary>Applying from outside Canada (OUT-01).</summary>
public sealed record OutsideCanadaResult
{
    /// <summary>Gets whether the applicant may apply from outside Canada.</summary>
    /// <value>Yes, no or unknown.</value>
    public required Tri Outcome { get; init; }
}

/// <summary>Applying from inside Canada (INS-01 to INS-13).</summary>
public sealed record InsideCanadaResult
{
    /// <summary>Gets whether the applicant may apply from inside Canada.</summary>
    /// <value>Yes, no or unknown.</value>
    public required Tri Outcome { get; init; }

    /// <summary>Gets the bases met (INS-01 to INS-09, INS-13).</summary>
    /// <value>Rule IDs.</value>
    public required IReadOnlyList<string> Bases { get; init; }
}

/// <summary>Applying at a port of entry (POE-01 to POE-EXC-06X).</summary>
public sealed record PortOfEntryResult
{
    /// <summary>Gets whether the applicant may apply at a port of entry.</summary>
    /// <value>Yes, no or unknown.</value>
    public required Tri Outcome { get; init; }

    /// <summary>Gets the requirements POE-01, POE-02 and POE-03.</summary>
    /// <value>Rule ID to outcome.</value>
    public required IReadOnlyDictionary<string, Tri> Requirements { get; init; }

    /// <summary>Gets the exclusions that apply.</summary>
    /// <value>Rule IDs.</value>
    public required IReadOnlyList<string> Exclusions { get; init; }

    /// <summary>Gets the exclusions that may apply (not settled).</summary>
    /// <value>Rule IDs.</value>
    public required IReadOnlyList<string> PossibleExclusions { get; init; }

    /// <summary>Gets the traveller's eTA status (POE-02).</summary>
    /// <value>The eTA eligibility.</value>
    public required EtaEligibility EtaEligibility { get; init; }
}

/// <summary>Biometrics at the port of entry.</summary>
public sealed record BiometricsResult
{
    /// <summary>Gets whether biometrics may be given at the port of entry.</summary>
    /// <value>Yes, no or unknown.</value>
    public required Tri Outcome { get; init; }
}

/// <summary>The immigration medical exam.</summary>
public sealed record MedicalExamResult
{
    /// <summary>Gets whether a medical exam is required (IME-01, IME-02, IME-03 or IME-06).</summary>
    /// <value>Yes, no or unknown.</value>
    public required Tri Required { get; init; }

    /// <summary>Gets whether the exam is valid on the day of entry (IME-05); null when no exam is required.</summary>
    /// <value>Yes, no, unknown or <see langword="null"/>.</value>
    public Tri? ValidOnEntry { get; init; }

    /// <summary>Gets the exam's expiry date (IME-05), when the exam date or an indicated expiry is known.</summary>
    /// <value>The date, or <see langword="null"/>.</value>
    public DateOnly? ExpiryDate { get; init; }
}

/// <summary>The open work permit category.</summary>
public sealed record OpenPermitResult
{
    /// <summary>Gets the category rule (OWP-02 to OWP-06) the requested program falls in.</summary>
    /// <value>A rule ID, or <see langword="null"/>.</value>
    public string? Category { get; init; }
}

/// <summary>Employer-related results.</summary>
public sealed record EmployerResult
{
    /// <summary>Gets whether the employer compliance fee is required (LMIA-05).</summary>
    /// <value>Yes, no or unknown.</value>
    public required Tri ComplianceFeeRequired { get; init; }

    /// <summary>Gets whether a Quebec Acceptance Certificate may be needed (LMIA-02, LMIA-03).</summary>
    /// <value>Yes, no or unknown.</value>
    public required Tri CaqMayBeNeeded { get; init; }

    /// <summary>Gets whether a new permit is needed to change employer or position (CHG-02); null for someone outside Canada.</summary>
    /// <value>Yes, no, unknown or <see langword="null"/>.</value>
    public Tri? NewPermitRequired { get; init; }

    /// <summary>Gets whether the permit limits the worker to the named employer (CHG-01, OWP-07).</summary>
    /// <value>Yes, no or unknown.</value>
    public required Tri MayWorkOnlyForNamedEmployer { get; init; }
}

/// <summary>The visitor interim work authorization public policy (AFT-15).</summary>
public sealed record InterimAuthorizationResult
{
    /// <summary>Gets whether the visitor is eligible for interim authorization.</summary>
    /// <value>Yes, no or unknown.</value>
    public required Tri Outcome { get; init; }

    /// <summary>Gets the conditions not met.</summary>
    /// <value>Condition IDs.</value>
    public required IReadOnlyList<string> FailedConditions { get; init; }
}

/// <summary>What follows the application. Each value is null when the facts do not concern it.</summary>
public sealed record AfterApplyingResult
{
    /// <summary>Gets whether the application is returned unprocessed (AFT-01).</summary>
    /// <value>Yes, no, unknown or <see langword="null"/>.</value>
    public Tri? ReturnedUnprocessed { get; init; }

    /// <summary>Gets how the approved permit is issued (AFT-07, AFT-09).</summary>
    /// <value>The issuance, or <see langword="null"/>.</value>
    public PermitIssuance? PermitIssuance { get; init; }

    /// <summary>Gets whether the applicant may work now (AFT-11, AFT-18).</summary>
    /// <value>Yes, no, unknown or <see langword="null"/>.</value>
    public Tri? CanWorkNow { get; init; }

    /// <summary>Gets whether a worker who left on maintained status may work after returning (AFT-14).</summary>
    /// <value>The answer, or <see langword="null"/>.</value>
    public WorkAfterReturn? CanWorkAfterReturn { get; init; }

    /// <summary>Gets whether the applicant must leave Canada to activate the permit (AFT-13).</summary>
    /// <value>Yes, no, unknown or <see langword="null"/>.</value>
    public Tri? MustLeaveCanadaToActivate { get; init; }

    /// <summary>Gets the risk in activating the permit on re-entry (AFT-13).</summary>
    /// <value>The risk, or <see langword="null"/>.</value>
    public ActivationRisk? ActivationRisk { get; init; }

    /// <summary>Gets whether requested documents were uploaded on time (AFT-04).</summary>
    /// <value>Yes, no, unknown or <see langword="null"/>.</value>
    public Tri? DocumentSubmissionOnTime { get; init; }

    /// <summary>Gets the upload time in UTC (AFT-04).</summary>
    /// <value>The time, or <see langword="null"/>.</value>
    public DateTime? DocumentSubmittedAtUtc { get; init; }

    /// <summary>Gets the days from the decision letter to the evaluation date (AFT-12).</summary>
    /// <value>The days, or <see langword="null"/>.</value>
    public int? DaysSinceDecisionLetter { get; init; }

    /// <summary>Gets whether the port of entry letter of introduction is the work permit: it never is (AFT-06).</summary>
    /// <value>No, or <see langword="null"/> when there is no letter.</value>
    public Tri? LetterOfIntroductionIsWorkPermit { get; init; }
}

/// <summary>A document or action, with the rule that asks for it.</summary>
/// <param name="Id">The document or action ID of the contract.</param>
/// <param name="RuleId">The rule.</param>
public sealed record ReportItem(string Id, string RuleId)
{
    /// <summary>Gets the document's or action's name as a person reads it, for example "Application to change conditions (IMM 5710)".</summary>
    /// <value>The name (the ID itself for an ID the contract does not list).</value>
    public string Name => ReportItems.NameOf(Id);

    /// <summary>Gets what the item is: a form to file, a document to bring, a detail to have at hand, or an action.</summary>
    /// <value>The kind.</value>
    public ReportItemKind Kind => ReportItems.KindOf(Id);
}

/// <summary>Advice that applies, with its source.</summary>
/// <param name="RuleId">The rule.</param>
/// <param name="Text">The advice, in plain language.</param>
/// <param name="Citation">The passage it rests on.</param>
public sealed record Advisory(string RuleId, string Text, Citation Citation);

/// <summary>What one rule concluded.</summary>
public sealed record FindingResult
{
    /// <summary>Gets the rule ID.</summary>
    /// <value>The ID.</value>
    public required string RuleId { get; init; }

    /// <summary>Gets the rule's title.</summary>
    /// <value>The title.</value>
    public required string Title { get; init; }

    /// <summary>Gets the rule's kind.</summary>
    /// <value>The kind.</value>
    public required RuleKind Kind { get; init; }

    /// <summary>Gets the outcome: a requirement met, an exclusion, category, trigger or advisory that applies, a document needed.</summary>
    /// <value>Yes, no or unknown.</value>
    public required Tri Outcome { get; init; }

    /// <summary>Gets whether the rule's scope (channel, permit type) covers the profile; unknown when that is not settled.</summary>
    /// <value>Yes or unknown (rules known to be out of scope are not listed).</value>
    public required Tri Applies { get; init; }

    /// <summary>Gets the facts the rule read (JSON paths), directly or through the rules it builds on.</summary>
    /// <value>Paths.</value>
    public required IReadOnlyList<string> Read { get; init; }

    /// <summary>Gets the facts whose answer could settle the outcome while it is unknown.</summary>
    /// <value>Paths.</value>
    public required IReadOnlyList<string> Missing { get; init; }

    /// <summary>Gets the main passage the rule implements.</summary>
    /// <value>The citation.</value>
    public required Citation Citation { get; init; }

    /// <summary>Gets every passage the rule implements.</summary>
    /// <value>The citations.</value>
    public required IReadOnlyList<Citation> Citations { get; init; }

    /// <summary>Gets the interpretations (AMB-xx) the rule's reading relies on.</summary>
    /// <value>Interpretation IDs.</value>
    public required IReadOnlyList<string> Interpretations { get; init; }

    /// <summary>Gets how the rule inferred a fact from another, when it did.</summary>
    /// <value>The note, or <see langword="null"/>.</value>
    public string? Note { get; init; }
}

/// <summary>A question whose answer could settle an outcome that is unknown.</summary>
public sealed record Question
{
    /// <summary>Gets the fact's JSON path in the profile.</summary>
    /// <value>The path.</value>
    public required string Fact { get; init; }

    /// <summary>Gets the question, in plain language.</summary>
    /// <value>The text.</value>
    public required string Text { get; init; }

    /// <summary>Gets the kind of answer expected.</summary>
    /// <value>The kind.</value>
    public required FactKind Kind { get; init; }

    /// <summary>Gets the allowed answers, for booleans and enumerations.</summary>
    /// <value>The answers, or empty for free values.</value>
    public required IReadOnlyList<string> AllowedAnswers { get; init; }

    /// <summary>Gets the report outcomes the answer could settle.</summary>
    /// <value>Report paths.</value>
    public required IReadOnlyList<string> Affects { get; init; }
}

/// <summary>The rule set that produced a report.</summary>
/// <param name="Version">The library version.</param>
/// <param name="Fingerprint">A hash of the rules, the catalogue and the reference data in force.</param>
/// <param name="Rules">The number of rules.</param>
public sealed record RuleSetInfo(string Version, string Fingerprint, int Rules);
