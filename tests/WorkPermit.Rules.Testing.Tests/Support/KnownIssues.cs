using System.Text.RegularExpressions;

namespace WorkPermit.Rules.Testing.Tests.Support;

/// <summary>
/// Library bugs the invariants found, set aside by the problem lines they produce so that the property tests keep
/// failing on anything new. Each issue has a shrunk counterexample; <c>KnownIssuesTests</c> checks that each still
/// reproduces, so the entry is removed once the library is fixed.
/// </summary>
public static class KnownIssues
{
    public static IReadOnlyList<KnownIssue> All { get; } =
    [
        new(
            "KI-1",
            "The port-of-entry requirements (POE-01 to POE-03) and the eTA status are shown settled while the port-of-entry "
                + "section is itself unknown (channel not given), and vanish when the channel is answered: a settled value "
                + "disappears (LIB-01), and the channel question's affects leaves them out.",
            "src/WorkPermit.Rules/Evaluation/ReportBuilder.cs, port-of-entry section: requirements[id] and etaEligibility "
                + "take f[id].Verdict directly instead of Gated(portGate, ...) like portOfEntry.outcome.",
            """{"evaluationDate":"2025-06-01","person":{"citizenships":["NO"]}}""",
            new Dictionary<string, Regex>
            {
                ["MonotonicKnowledge"] = new(@"^application\.channel = \S+ changed portOfEntry\.(requirements\.POE-0[123]|etaEligibility) from \S+ to \(absent\)$"),
                ["QuestionsCompleteAndHonest"] = new(@"^affects: application\.channel = \S+ settles portOfEntry\.(requirements\.POE-0[123]|etaEligibility) \(\(absent\)\)"),
            }),
        new(
            "KI-2",
            "The eTA status's questions are not exact (LIB-26): travel.mode, person.passportCountry and the conditional-eTA "
                + "facts are asked for portOfEntry.etaEligibility although none of them alone can settle it.",
            "src/WorkPermit.Rules/Rules/Shared/Travellers.cs: Eta adds travel.mode whenever the visa-exempt basis is unknown "
                + "and returns the union of every unknown input; ForPassport<T> always adds person.passportCountry.",
            """{"evaluationDate":"2025-06-01","person":{"passportCountry":"SR"}}""",
            new Dictionary<string, Regex>
            {
                ["QuestionsCompleteAndHonest"] = new(@"^honest: \S+ is asked \(affects portOfEntry\.etaEligibility\), but no value tried settles"),
            }),
        new(
            "KI-3",
            "application.permitType settles POE-03 (and through it POE-04 and biometrics) when the employer-specific branch "
                + "depends on the permit type, but POE-03 does not name it as missing, so the permit-type question's affects leaves them out.",
            "src/WorkPermit.Rules/Rules/PortOfEntry/TypeSpecificRequirementsRule.cs, Either: the permit type is added only when "
                + "a branch is already settled, not when the branch's own missing facts include the permit type (POE-ES-01/LMIA-06).",
            """{"evaluationDate":"2025-06-01","job":{"lmiaStatus":"refused_or_none"}}""",
            new Dictionary<string, Regex>
            {
                ["QuestionsCompleteAndHonest"] = new(@"^affects: application\.permitType = \S+ settles (portOfEntry\.requirements\.POE-03|portOfEntry\.outcome|biometricsAtPortOfEntry\.outcome) "),
            }),
        new(
            "KI-4",
            "Before 2017-05-01 RD-02 has no member, yet POE-EXC-02 names person.citizenships as able to make it yes, so the "
                + "citizenships are asked for biometrics (and the port-of-entry outcome) although no answer can settle them.",
            "src/WorkPermit.Rules/Rules/PortOfEntry/ConditionalEtaCitizenExclusionRule.cs: the unknown branch's ToYes does not "
                + "consider whether any country is on RD-02 on the arrival date.",
            """{"evaluationDate":"2017-04-03","person":{"passportCountry":"CL"}}""",
            new Dictionary<string, Regex>
            {
                ["QuestionsCompleteAndHonest"] = new(@"^honest: person\.citizenships is asked "),
            },
            Applies: profile => NoConditionalEtaCountryOn(profile.Travel?.ArrivalDate ?? profile.EvaluationDate ?? TestEvaluators.Today)),
    ];

    /// <summary>The result without the problems of known issues.</summary>
    public static InvariantResult WithoutKnown(this InvariantResult result, WorkPermitProfile profile) =>
        result.Except(line => All.Any(issue => issue.Explains(result.Invariant, profile, line)));

    private static bool NoConditionalEtaCountryOn(DateOnly date) =>
        TestEvaluators.Default.ReferenceData.Lists["RD-02"].Entries.All(e => !e.AppliesOn(date));
}

/// <summary>One known library bug.</summary>
/// <param name="Id">Its ID.</param>
/// <param name="Summary">What is wrong.</param>
/// <param name="RootCause">Where, and why.</param>
/// <param name="CounterexampleJson">A shrunk profile that shows it.</param>
/// <param name="Problems">By invariant, the problem lines it produces.</param>
/// <param name="Applies">When only some profiles are affected, which.</param>
public sealed record KnownIssue(string Id, string Summary, string RootCause, string CounterexampleJson,
    IReadOnlyDictionary<string, Regex> Problems, Func<WorkPermitProfile, bool>? Applies = null)
{
    public bool Explains(string invariant, WorkPermitProfile profile, string line) =>
        Problems.TryGetValue(invariant, out var pattern) && pattern.IsMatch(line) && (Applies?.Invoke(profile) ?? true);

    public WorkPermitProfile Counterexample => ProfileJson.Read(CounterexampleJson).Profile!;

    public override string ToString() => Id;
}
