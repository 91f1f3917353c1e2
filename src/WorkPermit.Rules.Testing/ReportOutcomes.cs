using System.Globalization;

namespace WorkPermit.Rules.Testing;

/// <summary>How a report outcome follows from the findings of the rules behind it.</summary>
public enum OutcomeBacking
{
    /// <summary>The outcome is the finding's outcome (for example <c>general.outcome</c> is GEN-01's).</summary>
    Same,

    /// <summary>The outcome is the OR of the findings' outcomes (for example <c>medicalExam.required</c>: IME-01, IME-02,
    /// IME-03, IME-06): yes is backed by a finding at yes, no by findings at no.</summary>
    AnyOf,

    /// <summary>The outcome rests on the finding's passage, whatever its outcome (for example
    /// <c>afterApplying.letterOfIntroductionIsWorkPermit</c> is always no and rests on AFT-06).</summary>
    Present,
}

/// <summary>The rules behind one report outcome.</summary>
/// <param name="Path">The report path, for example <c>portOfEntry.outcome</c>.</param>
/// <param name="Rules">The rules whose findings produce it.</param>
/// <param name="Backing">How the outcome follows from their findings.</param>
public sealed record OutcomeRules(string Path, IReadOnlyList<string> Rules, OutcomeBacking Backing);

/// <summary>
/// A flat view of a report: every outcome by its report path (the paths the questions' <c>affects</c> use), the rules
/// behind each, and a signature of everything else the report says, each item with the rules it comes from.
/// </summary>
public static class ReportOutcomes
{
    private static readonly OutcomeRules[] Map =
    [
        new("summary.outcome", ["GEN-01", "OUT-01", "INS-10", "POE-04", "IME-04"], OutcomeBacking.AnyOf),
        new("general.outcome", ["GEN-01"], OutcomeBacking.Same),
        new("outsideCanada.outcome", ["OUT-01"], OutcomeBacking.Same),
        new("insideCanada.outcome", ["INS-10"], OutcomeBacking.Same),
        new("portOfEntry.outcome", ["POE-04"], OutcomeBacking.Same),
        new("portOfEntry.requirements.POE-01", ["POE-01"], OutcomeBacking.Same),
        new("portOfEntry.requirements.POE-02", ["POE-02"], OutcomeBacking.Same),
        new("portOfEntry.requirements.POE-03", ["POE-03"], OutcomeBacking.Same),
        new("portOfEntry.etaEligibility", ["POE-02"], OutcomeBacking.Present),
        new("biometricsAtPortOfEntry.outcome", ["BIO-01"], OutcomeBacking.Same),
        new("medicalExam.required", ["IME-01", "IME-02", "IME-03", "IME-06"], OutcomeBacking.AnyOf),
        new("medicalExam.validOnEntry", ["IME-05"], OutcomeBacking.Same),
        new("employer.complianceFeeRequired", ["LMIA-05"], OutcomeBacking.Same),
        new("employer.caqMayBeNeeded", ["LMIA-02", "LMIA-03"], OutcomeBacking.AnyOf),
        new("employer.newPermitRequired", ["CHG-02"], OutcomeBacking.Same),
        new("employer.mayWorkOnlyForNamedEmployer", ["CHG-01"], OutcomeBacking.Same),
        new("interimAuthorization.outcome", ["AFT-15"], OutcomeBacking.Same),
        new("afterApplying.returnedUnprocessed", ["AFT-01"], OutcomeBacking.Same),
        new("afterApplying.canWorkNow", ["AFT-11", "AFT-18"], OutcomeBacking.AnyOf),
        new("afterApplying.mustLeaveCanadaToActivate", ["AFT-13"], OutcomeBacking.Same),
        new("afterApplying.documentSubmissionOnTime", ["AFT-04"], OutcomeBacking.Same),
        new("afterApplying.letterOfIntroductionIsWorkPermit", ["AFT-06"], OutcomeBacking.Present),
        new("route", ["POE-07"], OutcomeBacking.Present),
        new("medicalExam.expiryDate", ["IME-05"], OutcomeBacking.Present),
        new("openPermit.category", ["OWP-02", "OWP-03", "OWP-04", "OWP-05", "OWP-06"], OutcomeBacking.Present),
        new("afterApplying.permitIssuance", ["AFT-07", "AFT-09"], OutcomeBacking.Present),
        new("afterApplying.canWorkAfterReturn", ["AFT-14"], OutcomeBacking.Present),
        new("afterApplying.activationRisk", ["AFT-13"], OutcomeBacking.Present),
        new("afterApplying.documentSubmittedAtUtc", ["AFT-04"], OutcomeBacking.Present),
        new("afterApplying.daysSinceDecisionLetter", ["AFT-12"], OutcomeBacking.Present),
        new("interimAuthorization.failedConditions", ["AFT-15"], OutcomeBacking.Present),
        new("portOfEntry.exclusions", ["POE-04"], OutcomeBacking.Present),
        new("portOfEntry.possibleExclusions", ["POE-04"], OutcomeBacking.Present),
        new("insideCanada.bases", ["INS-10"], OutcomeBacking.Present),
        new("general.failed", ["GEN-01"], OutcomeBacking.Present),
        new("general.unknown", ["GEN-01"], OutcomeBacking.Present),
        new("general.awaitsOfficer", ["GEN-01"], OutcomeBacking.Present),
    ];

    private static readonly Dictionary<string, OutcomeRules> ByPath = Map.ToDictionary(m => m.Path, StringComparer.Ordinal);

    /// <summary>Gets the three-valued outcome paths, in report order (the requirements of POE-01 to POE-03 included).</summary>
    /// <value>Report paths.</value>
    public static IReadOnlyList<string> TriPaths { get; } =
    [
        "summary.outcome", "general.outcome", "outsideCanada.outcome", "insideCanada.outcome", "portOfEntry.outcome",
        "portOfEntry.requirements.POE-01", "portOfEntry.requirements.POE-02", "portOfEntry.requirements.POE-03",
        "biometricsAtPortOfEntry.outcome", "medicalExam.required", "medicalExam.validOnEntry",
        "employer.complianceFeeRequired", "employer.caqMayBeNeeded", "employer.newPermitRequired", "employer.mayWorkOnlyForNamedEmployer",
        "interimAuthorization.outcome", "afterApplying.returnedUnprocessed", "afterApplying.canWorkNow",
        "afterApplying.mustLeaveCanadaToActivate", "afterApplying.documentSubmissionOnTime", "afterApplying.letterOfIntroductionIsWorkPermit",
    ];

    /// <summary>Gets the settled values that are not three-valued: once given they must not change or disappear when an
    /// unknown fact is answered.</summary>
    /// <value>Report paths.</value>
    public static IReadOnlyList<string> ValuePaths { get; } =
    [
        "route", "openPermit.category", "afterApplying.permitIssuance", "afterApplying.canWorkAfterReturn", "afterApplying.activationRisk",
    ];

    /// <summary>Gets every report path with the rules behind it.</summary>
    /// <value>The map.</value>
    public static IReadOnlyList<OutcomeRules> Rules => Map;

    /// <summary>The rules behind a report path (an outcome, a list or a value).</summary>
    /// <param name="path">The report path.</param>
    /// <returns>The rules, or <see langword="null"/> for a path the map does not know.</returns>
    public static OutcomeRules? RulesBehind(string path) => ByPath.GetValueOrDefault(path);

    /// <summary>The three-valued outcomes of a report, plus <c>portOfEntry.etaEligibility</c>, by report path, as the
    /// contract's strings (<c>yes</c>, <c>no</c>, <c>unknown</c>; an eTA value); outcomes the report leaves out are absent.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The outcomes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static IReadOnlyDictionary<string, string> Of(WorkPermitReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var outcomes = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string path, Tri? value)
        {
            if (value is { } v)
            {
                outcomes[path] = Name(v);
            }
        }

        Add("summary.outcome", report.Summary?.Outcome);
        Add("general.outcome", report.General?.Outcome);
        Add("outsideCanada.outcome", report.OutsideCanada?.Outcome);
        Add("insideCanada.outcome", report.InsideCanada?.Outcome);
        if (report.PortOfEntry is { } port)
        {
            Add("portOfEntry.outcome", port.Outcome);
            foreach (var (id, value) in port.Requirements ?? new Dictionary<string, Tri>())
            {
                Add($"portOfEntry.requirements.{id}", value);
            }

            outcomes["portOfEntry.etaEligibility"] = Name(port.EtaEligibility);
        }

        Add("biometricsAtPortOfEntry.outcome", report.BiometricsAtPortOfEntry?.Outcome);
        Add("medicalExam.required", report.MedicalExam?.Required);
        Add("medicalExam.validOnEntry", report.MedicalExam?.ValidOnEntry);
        Add("employer.complianceFeeRequired", report.Employer?.ComplianceFeeRequired);
        Add("employer.caqMayBeNeeded", report.Employer?.CaqMayBeNeeded);
        Add("employer.newPermitRequired", report.Employer?.NewPermitRequired);
        Add("employer.mayWorkOnlyForNamedEmployer", report.Employer?.MayWorkOnlyForNamedEmployer);
        Add("interimAuthorization.outcome", report.InterimAuthorization?.Outcome);
        Add("afterApplying.returnedUnprocessed", report.AfterApplying?.ReturnedUnprocessed);
        Add("afterApplying.canWorkNow", report.AfterApplying?.CanWorkNow);
        Add("afterApplying.mustLeaveCanadaToActivate", report.AfterApplying?.MustLeaveCanadaToActivate);
        Add("afterApplying.documentSubmissionOnTime", report.AfterApplying?.DocumentSubmissionOnTime);
        Add("afterApplying.letterOfIntroductionIsWorkPermit", report.AfterApplying?.LetterOfIntroductionIsWorkPermit);
        return outcomes;
    }

    /// <summary>The settled values of <see cref="ValuePaths"/> a report gives.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The values by report path; values left out are absent.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static IReadOnlyDictionary<string, string> Values(WorkPermitReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string path, object? value)
        {
            if (value is not null)
            {
                values[path] = value.ToString()!;
            }
        }

        Add("route", report.Route);
        Add("openPermit.category", report.OpenPermit?.Category);
        Add("afterApplying.permitIssuance", report.AfterApplying?.PermitIssuance);
        Add("afterApplying.canWorkAfterReturn", report.AfterApplying?.CanWorkAfterReturn);
        Add("afterApplying.activationRisk", report.AfterApplying?.ActivationRisk);
        return values;
    }

    /// <summary>
    /// Everything the report says except its as-of dates and rule-set version, one entry per item: each outcome and value,
    /// each member of each list (exclusions, bases, failed rules...), each document, action, advisory and question, and
    /// each finding (its outcome, scope, the facts it read and missed, its note), with the rules the item comes from.
    /// Two reports of the same profile have equal signatures; the keys that differ between two reports say what changed.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <returns>The items by key, each with its value and its rules.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static IReadOnlyDictionary<string, ReportItemSignature> Signature(WorkPermitReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var items = new Dictionary<string, ReportItemSignature>(StringComparer.Ordinal);
        void Add(string key, string value, IEnumerable<string> rules) => items[key] = new ReportItemSignature(value, rules.Distinct(StringComparer.Ordinal).ToArray());
        IReadOnlyList<string> RulesOf(string path) => ByPath.TryGetValue(path, out var map) ? map.Rules : [];

        foreach (var (path, value) in Of(report))
        {
            Add(path, value, RulesOf(path));
        }

        foreach (var (path, value) in Values(report))
        {
            Add(path, value, path == "openPermit.category" ? [value, .. RulesOf(path)] : RulesOf(path));
        }

        if (report.MedicalExam?.ExpiryDate is { } expiry)
        {
            Add("medicalExam.expiryDate", expiry.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), RulesOf("medicalExam.expiryDate"));
        }

        if (report.AfterApplying?.DocumentSubmittedAtUtc is { } utc)
        {
            Add("afterApplying.documentSubmittedAtUtc", utc.ToString("O", CultureInfo.InvariantCulture), RulesOf("afterApplying.documentSubmittedAtUtc"));
        }

        if (report.AfterApplying?.DaysSinceDecisionLetter is { } days)
        {
            Add("afterApplying.daysSinceDecisionLetter", days.ToString(CultureInfo.InvariantCulture), RulesOf("afterApplying.daysSinceDecisionLetter"));
        }

        void Members(string path, IReadOnlyList<string>? members, bool membersAreRules)
        {
            foreach (var member in members ?? [])
            {
                Add($"{path}/{member}", "listed", membersAreRules ? [member, .. RulesOf(path)] : RulesOf(path));
            }
        }

        Members("portOfEntry.exclusions", report.PortOfEntry?.Exclusions, true);
        Members("portOfEntry.possibleExclusions", report.PortOfEntry?.PossibleExclusions, true);
        Members("insideCanada.bases", report.InsideCanada?.Bases, true);
        Members("general.failed", report.General?.Failed, true);
        Members("general.unknown", report.General?.Unknown, true);
        Members("general.awaitsOfficer", report.General?.AwaitsOfficer, true);
        Members("interimAuthorization.failedConditions", report.InterimAuthorization?.FailedConditions, false);

        foreach (var document in report.Documents ?? [])
        {
            Add($"documents/{document.Id}", document.RuleId, [document.RuleId]);
        }

        foreach (var action in report.Actions ?? [])
        {
            Add($"actions/{action.Id}", action.RuleId, [action.RuleId]);
        }

        foreach (var advisory in report.Advisories ?? [])
        {
            Add($"advisories/{advisory.RuleId}/{advisory.Text}", "listed", [advisory.RuleId]);
        }

        foreach (var question in report.Questions ?? [])
        {
            Add($"questions/{question.Fact}", string.Join(",", (question.Affects ?? []).Order(StringComparer.Ordinal)),
                (question.Affects ?? []).SelectMany(RulesOf));
        }

        foreach (var finding in report.Findings ?? [])
        {
            var value = string.Join(" | ", Name(finding.Outcome), "applies " + Name(finding.Applies),
                "read " + string.Join(",", finding.Read ?? []), "missing " + string.Join(",", finding.Missing ?? []), finding.Note ?? string.Empty);
            Add($"findings/{finding.RuleId}", value, [finding.RuleId]);
        }

        return items;
    }

    /// <summary>The contract's string for a three-valued outcome (an undefined value gives its number).</summary>
    /// <param name="value">The value.</param>
    /// <returns><c>yes</c>, <c>no</c> or <c>unknown</c>.</returns>
    public static string Name(Tri value) => value switch
    {
        Tri.Yes => "yes",
        Tri.No => "no",
        Tri.Unknown => "unknown",
        _ => ((int)value).ToString(CultureInfo.InvariantCulture),
    };

    private static string Name(EtaEligibility value) => value switch
    {
        EtaEligibility.Unknown => "unknown",
        EtaEligibility.Eligible => "eligible",
        EtaEligibility.NotRequired => "not_required",
        EtaEligibility.NotEligible => "not_eligible",
        _ => ((int)value).ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>One item of a report's <see cref="ReportOutcomes.Signature"/>.</summary>
/// <param name="Value">What the report says for it.</param>
/// <param name="Rules">The rules it comes from.</param>
public sealed record ReportItemSignature(string Value, IReadOnlyList<string> Rules)
{
    /// <summary>Compares two items by value and rules.</summary>
    /// <param name="other">The other item.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(ReportItemSignature? other) =>
        other is not null && Value == other.Value && Rules.SequenceEqual(other.Rules, StringComparer.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Value, Rules.Count);
}
