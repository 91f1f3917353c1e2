using System.Globalization;

namespace WorkPermit.Rules.Cli.Rendering;

/// <summary>One outcome of the report as a line: what it answers, its value and the rules that decide it.</summary>
internal sealed record OutcomeRow(string Label, string Path, string Value, string Rules);

/// <summary>A part of the report (general requirements, port of entry...) and the rule IDs whose findings explain it.</summary>
internal sealed record ReportSection(string Title, IReadOnlyList<OutcomeRow> Rows, IReadOnlyList<string> RulePrefixes)
{
    public bool Covers(FindingResult finding) => RulePrefixes.Any(p => finding.RuleId.StartsWith(p, StringComparison.Ordinal));
}

/// <summary>
/// Lays the report's outcomes out by section, in the contract's order. A section the report leaves out (null) is not
/// shown; each row names the rules (from the catalogue) whose findings produce it.
/// </summary>
internal static class ReportSections
{
    public static IReadOnlyList<ReportSection> Of(WorkPermitReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sections = new List<ReportSection>();

        // 1. General requirements (GEN-01 over GEN-02 to GEN-10; the medical exam behind GEN-07 has its own section).
        var general = report.General;
        var generalRows = new List<OutcomeRow> { new("General requirements met", "general.outcome", Word(general.Outcome), "GEN-01" + Detail(general)) };
        sections.Add(new("General requirements", generalRows, ["GEN-"]));

        // 2. Where the application may be made: outside Canada, inside Canada, at a port of entry.
        if (report.OutsideCanada is { } outside)
        {
            sections.Add(new("Applying from outside Canada", [new("May apply from outside Canada", "outsideCanada.outcome", Word(outside.Outcome), "OUT-01")], ["OUT-"]));
        }

        if (report.InsideCanada is { } inside)
        {
            sections.Add(new("Applying from inside Canada", [new("May apply from inside Canada", "insideCanada.outcome", Word(inside.Outcome), "INS-10" + List("; bases met: ", inside.Bases))], ["INS-"]));
        }

        if (report.PortOfEntry is { } port)
        {
            var rows = new List<OutcomeRow>
            {
                new("May apply at the port of entry", "portOfEntry.outcome", Word(port.Outcome), "POE-04" + List("; excluded by: ", port.Exclusions) + List("; may be excluded by: ", port.PossibleExclusions)),
            };
            foreach (var (id, outcome) in port.Requirements.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                rows.Add(new(Title(id), $"portOfEntry.requirements.{id}", Word(outcome), id));
            }

            rows.Add(new("eTA eligibility", "portOfEntry.etaEligibility", Snake(port.EtaEligibility), "POE-02"));
            if (report.Route is { } route)
            {
                rows.Add(new("How the permit is obtained", "route", Snake(route), "POE-07"));
            }

            sections.Add(new("Applying at a port of entry", rows, ["POE-", "OWP-01", "LMIA-06"]));
        }
        else if (report.Route is { } route)
        {
            sections.Add(new("How the permit is obtained", [new("Route", "route", Snake(route), "POE-07")], ["POE-07"]));
        }

        // 3. Biometrics, medical exam, open permit category.
        sections.Add(new("Biometrics", [new("Biometrics may be given at the port of entry", "biometricsAtPortOfEntry.outcome", Word(report.BiometricsAtPortOfEntry.Outcome), "BIO-01, BIO-02, BIO-03")], ["BIO-"]));

        var medical = report.MedicalExam;
        var medicalRows = new List<OutcomeRow> { new("Medical exam required", "medicalExam.required", Word(medical.Required), "IME-01, IME-02, IME-03, IME-06") };
        if (medical.ValidOnEntry is { } valid)
        {
            medicalRows.Add(new("Medical exam valid on the day of entry", "medicalExam.validOnEntry", Word(valid), "IME-05"));
        }

        if (medical.ExpiryDate is { } expiry)
        {
            medicalRows.Add(new("Medical exam expires", "medicalExam.expiryDate", expiry.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "IME-05"));
        }

        sections.Add(new("Medical exam", medicalRows, ["IME-"]));

        if (report.OpenPermit.Category is { } category)
        {
            sections.Add(new("Open work permit", [new("Open permit category", "openPermit.category", category, $"{category} {Title(category)}")], ["OWP-"]));
        }

        // 4. The employer.
        var employer = report.Employer;
        var employerRows = new List<OutcomeRow>
        {
            new("Employer compliance fee required", "employer.complianceFeeRequired", Word(employer.ComplianceFeeRequired), "LMIA-05"),
            new("Quebec Acceptance Certificate may be needed", "employer.caqMayBeNeeded", Word(employer.CaqMayBeNeeded), "LMIA-02, LMIA-03"),
        };
        if (employer.NewPermitRequired is { } newPermit)
        {
            employerRows.Add(new("New permit needed to change employer", "employer.newPermitRequired", Word(newPermit), "CHG-02"));
        }

        employerRows.Add(new("May work only for the named employer", "employer.mayWorkOnlyForNamedEmployer", Word(employer.MayWorkOnlyForNamedEmployer), "CHG-01"));
        sections.Add(new("Employer", employerRows, ["LMIA-", "CHG-"]));

        // 5. The visitor interim authorization and what follows an application.
        if (report.InterimAuthorization is { } interim)
        {
            sections.Add(new("Interim work authorization", [new("Visitor may work while waiting", "interimAuthorization.outcome", Word(interim.Outcome), "AFT-15" + List("; conditions not met: ", interim.FailedConditions))], ["AFT-15", "AFT-16"]));
        }

        var after = AfterApplying(report.AfterApplying);
        if (after.Count > 0)
        {
            sections.Add(new("After applying", after, ["AFT-"]));
        }

        return sections;
    }

    private static List<OutcomeRow> AfterApplying(AfterApplyingResult a)
    {
        var rows = new List<OutcomeRow>();
        void Add(string label, string path, string? value, string rules)
        {
            if (value is not null)
            {
                rows.Add(new(label, $"afterApplying.{path}", value, rules));
            }
        }

        Add("Returned unprocessed", "returnedUnprocessed", Word(a.ReturnedUnprocessed), "AFT-01");
        Add("How the permit is issued", "permitIssuance", a.PermitIssuance is { } issuance ? Snake(issuance) : null, "AFT-07, AFT-09");
        Add("May work now", "canWorkNow", Word(a.CanWorkNow), "AFT-11, AFT-18");
        Add("May work after returning", "canWorkAfterReturn", a.CanWorkAfterReturn is { } ret ? Snake(ret) : null, "AFT-14");
        Add("Must leave Canada to activate", "mustLeaveCanadaToActivate", Word(a.MustLeaveCanadaToActivate), "AFT-13");
        Add("Activation risk", "activationRisk", a.ActivationRisk is { } risk ? Snake(risk) : null, "AFT-13");
        Add("Documents uploaded on time", "documentSubmissionOnTime", Word(a.DocumentSubmissionOnTime), "AFT-04");
        Add("Documents uploaded at (UTC)", "documentSubmittedAtUtc", a.DocumentSubmittedAtUtc?.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture), "AFT-04");
        Add("Days since the decision letter", "daysSinceDecisionLetter", a.DaysSinceDecisionLetter?.ToString(CultureInfo.InvariantCulture), "AFT-12");
        Add("Letter of introduction is the permit", "letterOfIntroductionIsWorkPermit", Word(a.LetterOfIntroductionIsWorkPermit), "AFT-06");
        return rows;
    }

    private static string Detail(GeneralRequirementsResult general) =>
        List("; not met: ", general.Failed) + List("; not settled: ", general.Unknown) + List("; awaits the officer: ", general.AwaitsOfficer);

    private static string List(string label, IReadOnlyList<string> items) => items.Count == 0 ? string.Empty : label + string.Join(", ", items);

    private static string Title(string ruleId) => RuleCatalogue.TryGet(ruleId, out var rule) ? rule.Title : ruleId;

    private static string Word(Tri value) => ReportView.Word(value);

    private static string? Word(Tri? value) => value is { } v ? ReportView.Word(v) : null;

    /// <summary>The contract's snake_case name of an enumeration value (read from its JSON attribute), with spaces for reading.</summary>
    private static string Snake<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var field = typeof(TEnum).GetField(value.ToString());
        var attribute = field?.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute), false)
            .OfType<System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute>().FirstOrDefault();
        return (attribute?.Name ?? value.ToString()).Replace('_', ' ');
    }
}
