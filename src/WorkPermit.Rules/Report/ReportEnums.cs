using System.Text.Json.Serialization;

namespace WorkPermit.Rules;

/// <summary>Whether the traveller may get an eTA or needs none (POE-02).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EtaEligibility>))]
public enum EtaEligibility
{
    /// <summary>Not settled by the facts given. JSON: <c>unknown</c>.</summary>
    [JsonStringEnumMemberName("unknown")]
    Unknown,

    /// <summary>May get an eTA. JSON: <c>eligible</c>.</summary>
    [JsonStringEnumMemberName("eligible")]
    Eligible,

    /// <summary>Needs neither a visa nor an eTA for this trip. JSON: <c>not_required</c>.</summary>
    [JsonStringEnumMemberName("not_required")]
    NotRequired,

    /// <summary>Cannot get an eTA and needs a visitor visa. JSON: <c>not_eligible</c>.</summary>
    [JsonStringEnumMemberName("not_eligible")]
    NotEligible,
}

/// <summary>How the permit is obtained (POE-07).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PermitRoute>))]
public enum PermitRoute
{
    /// <summary>Apply at the port of entry and get the permit the same day. JSON: <c>same_day_poe_application</c>.</summary>
    [JsonStringEnumMemberName("same_day_poe_application")]
    SameDayPoeApplication,

    /// <summary>Apply online first, then get the permit printed at the port of entry with the letter of introduction.
    /// JSON: <c>apply_online_then_issue_at_poe_with_loi</c>.</summary>
    [JsonStringEnumMemberName("apply_online_then_issue_at_poe_with_loi")]
    ApplyOnlineThenIssueAtPoeWithLoi,

    /// <summary>Apply online from inside Canada. JSON: <c>apply_online_from_inside_canada</c>.</summary>
    [JsonStringEnumMemberName("apply_online_from_inside_canada")]
    ApplyOnlineFromInsideCanada,
}

/// <summary>How an approved permit is issued (AFT-07, AFT-09).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PermitIssuance>))]
public enum PermitIssuance
{
    /// <summary>Mailed to the Canadian address given. JSON: <c>mailed_to_canadian_address</c>.</summary>
    [JsonStringEnumMemberName("mailed_to_canadian_address")]
    MailedToCanadianAddress,

    /// <summary>Issued at the port of entry on the day of arrival. JSON: <c>issued_at_poe_on_arrival_day</c>.</summary>
    [JsonStringEnumMemberName("issued_at_poe_on_arrival_day")]
    IssuedAtPoeOnArrivalDay,
}

/// <summary>Whether a worker who left on maintained status may work after returning (AFT-14).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WorkAfterReturn>))]
public enum WorkAfterReturn
{
    /// <summary>May work. JSON: <c>yes</c>.</summary>
    [JsonStringEnumMemberName("yes")]
    Yes,

    /// <summary>May not work until the application is approved. JSON: <c>no_until_approved</c>.</summary>
    [JsonStringEnumMemberName("no_until_approved")]
    NoUntilApproved,
}

/// <summary>The risk in activating a permit by re-entering Canada (AFT-13).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ActivationRisk>))]
public enum ActivationRisk
{
    /// <summary>No known risk. JSON: <c>none</c>.</summary>
    [JsonStringEnumMemberName("none")]
    None,

    /// <summary>Re-entering from the United States or Saint-Pierre-et-Miquelon may not activate the permit.
    /// JSON: <c>may_not_be_able_to_activate_on_reentry_from_us_or_spm</c>.</summary>
    [JsonStringEnumMemberName("may_not_be_able_to_activate_on_reentry_from_us_or_spm")]
    MayNotBeAbleToActivateOnReentryFromUsOrSpm,
}

/// <summary>What a document item of the report is, so that a form to file is not shown among the documents to bring.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReportItemKind>))]
public enum ReportItemKind
{
    /// <summary>A document to bring or include (a job offer, a letter, a certificate). JSON: <c>document</c>.</summary>
    [JsonStringEnumMemberName("document")]
    Document,

    /// <summary>A form or request to file (IMM 5710, the IRCC web form). JSON: <c>form</c>.</summary>
    [JsonStringEnumMemberName("form")]
    Form,

    /// <summary>A number or detail to have at hand or to enter in a form (UCI, application number, job title). JSON: <c>detail</c>.</summary>
    [JsonStringEnumMemberName("detail")]
    Detail,

    /// <summary>Something to do (tell IRCC a new address, contact IRCC). JSON: <c>action</c>.</summary>
    [JsonStringEnumMemberName("action")]
    Action,
}
