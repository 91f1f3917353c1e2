// The contract's enumerations. JSON values are the contract's snake_case strings, fixed by attribute.
using System.Text.Json.Serialization;

namespace WorkPermit.Rules;

/// <summary>Criminal record (GEN-04).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CriminalRecord>))]
public enum CriminalRecord
{
    /// <summary>No criminal record. JSON: <c>none</c>.</summary>
    [JsonStringEnumMemberName("none")]
    None,

    /// <summary>Has a record of criminal activity. JSON: <c>has_record</c>.</summary>
    [JsonStringEnumMemberName("has_record")]
    HasRecord,
}

/// <summary>An assessment that either raises a concern or does not (security: GEN-06; health: GEN-07).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConcernStatus>))]
public enum ConcernStatus
{
    /// <summary>No concern. JSON: <c>none</c>.</summary>
    [JsonStringEnumMemberName("none")]
    None,

    /// <summary>A concern. JSON: <c>concern</c>.</summary>
    [JsonStringEnumMemberName("concern")]
    Concern,
}

/// <summary>Other documents an officer asked for (GEN-10).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OfficerDocumentsRequest>))]
public enum OfficerDocumentsRequest
{
    /// <summary>No other documents were requested. JSON: <c>none</c>.</summary>
    [JsonStringEnumMemberName("none")]
    None,

    /// <summary>Documents were requested and provided. JSON: <c>requested_and_provided</c>.</summary>
    [JsonStringEnumMemberName("requested_and_provided")]
    RequestedAndProvided,

    /// <summary>Documents were requested and not provided. JSON: <c>requested_not_provided</c>.</summary>
    [JsonStringEnumMemberName("requested_not_provided")]
    RequestedNotProvided,
}

/// <summary>Where the person is when applying, or before the trip to the port of entry.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Location>))]
public enum Location
{
    /// <summary>Outside Canada. JSON: <c>outside_canada</c>.</summary>
    [JsonStringEnumMemberName("outside_canada")]
    OutsideCanada,

    /// <summary>In Canada. JSON: <c>in_canada</c>.</summary>
    [JsonStringEnumMemberName("in_canada")]
    InCanada,
}

/// <summary>Temporary status held when applying (INS-11, INS-13).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TemporaryStatus>))]
public enum TemporaryStatus
{
    /// <summary>Not in Canada. JSON: <c>not_in_canada</c>.</summary>
    [JsonStringEnumMemberName("not_in_canada")]
    NotInCanada,

    /// <summary>Visitor. JSON: <c>visitor</c>.</summary>
    [JsonStringEnumMemberName("visitor")]
    Visitor,

    /// <summary>Worker. JSON: <c>worker</c>.</summary>
    [JsonStringEnumMemberName("worker")]
    Worker,

    /// <summary>Student. JSON: <c>student</c>.</summary>
    [JsonStringEnumMemberName("student")]
    Student,

    /// <summary>Temporary resident permit holder. JSON: <c>trp_holder</c>.</summary>
    [JsonStringEnumMemberName("trp_holder")]
    TrpHolder,

    /// <summary>Refugee claimant. JSON: <c>refugee_claimant</c>.</summary>
    [JsonStringEnumMemberName("refugee_claimant")]
    RefugeeClaimant,

    /// <summary>Protected person. JSON: <c>protected_person</c>.</summary>
    [JsonStringEnumMemberName("protected_person")]
    ProtectedPerson,

    /// <summary>No status. JSON: <c>no_status</c>.</summary>
    [JsonStringEnumMemberName("no_status")]
    NoStatus,

    /// <summary>Another status. JSON: <c>other</c>.</summary>
    [JsonStringEnumMemberName("other")]
    Other,
}

/// <summary>Basis on which the person may work without a permit today (INS-08).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WorkPermitExemption>))]
public enum WorkPermitExemption
{
    /// <summary>No exemption. JSON: <c>none</c>.</summary>
    [JsonStringEnumMemberName("none")]
    None,

    /// <summary>Business visitor. JSON: <c>business_visitor</c>.</summary>
    [JsonStringEnumMemberName("business_visitor")]
    BusinessVisitor,

    /// <summary>Another work-permit exemption. JSON: <c>other_exemption</c>.</summary>
    [JsonStringEnumMemberName("other_exemption")]
    OtherExemption,
}

/// <summary>CUSMA category (INS-09).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CusmaCategory>))]
public enum CusmaCategory
{
    /// <summary>Not a CUSMA category. JSON: <c>none</c>.</summary>
    [JsonStringEnumMemberName("none")]
    None,

    /// <summary>Trader. JSON: <c>trader</c>.</summary>
    [JsonStringEnumMemberName("trader")]
    Trader,

    /// <summary>Investor. JSON: <c>investor</c>.</summary>
    [JsonStringEnumMemberName("investor")]
    Investor,

    /// <summary>Intra-company transferee. JSON: <c>intra_company_transferee</c>.</summary>
    [JsonStringEnumMemberName("intra_company_transferee")]
    IntraCompanyTransferee,

    /// <summary>Professional. JSON: <c>professional</c>.</summary>
    [JsonStringEnumMemberName("professional")]
    Professional,
}

/// <summary>The work permit held today (CHG-01, CHG-02).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CurrentPermitType>))]
public enum CurrentPermitType
{
    /// <summary>Employer-specific, LMIA required. JSON: <c>employer_specific_lmia_required</c>.</summary>
    [JsonStringEnumMemberName("employer_specific_lmia_required")]
    EmployerSpecificLmiaRequired,

    /// <summary>Employer-specific, LMIA exempt. JSON: <c>employer_specific_lmia_exempt</c>.</summary>
    [JsonStringEnumMemberName("employer_specific_lmia_exempt")]
    EmployerSpecificLmiaExempt,

    /// <summary>Open work permit. JSON: <c>open</c>.</summary>
    [JsonStringEnumMemberName("open")]
    Open,

    /// <summary>No work permit. JSON: <c>none</c>.</summary>
    [JsonStringEnumMemberName("none")]
    None,
}

/// <summary>The work permit requested.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PermitType>))]
public enum PermitType
{
    /// <summary>Employer-specific, LMIA required. JSON: <c>employer_specific_lmia_required</c>.</summary>
    [JsonStringEnumMemberName("employer_specific_lmia_required")]
    EmployerSpecificLmiaRequired,

    /// <summary>Employer-specific, LMIA exempt. JSON: <c>employer_specific_lmia_exempt</c>.</summary>
    [JsonStringEnumMemberName("employer_specific_lmia_exempt")]
    EmployerSpecificLmiaExempt,

    /// <summary>Open work permit. JSON: <c>open</c>.</summary>
    [JsonStringEnumMemberName("open")]
    Open,
}

/// <summary>How the person arrives (an eTA is for air travel).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TravelMode>))]
public enum TravelMode
{
    /// <summary>By air. JSON: <c>air</c>.</summary>
    [JsonStringEnumMemberName("air")]
    Air,

    /// <summary>By land. JSON: <c>land</c>.</summary>
    [JsonStringEnumMemberName("land")]
    Land,

    /// <summary>By sea. JSON: <c>sea</c>.</summary>
    [JsonStringEnumMemberName("sea")]
    Sea,
}

/// <summary>The nature of this arrival (POE-EXC-06).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TripType>))]
public enum TripType
{
    /// <summary>Arriving from abroad. JSON: <c>arriving_from_abroad</c>.</summary>
    [JsonStringEnumMemberName("arriving_from_abroad")]
    ArrivingFromAbroad,

    /// <summary>Returning from the United States. JSON: <c>returning_from_us</c>.</summary>
    [JsonStringEnumMemberName("returning_from_us")]
    ReturningFromUs,

    /// <summary>Returning from Saint Pierre and Miquelon. JSON: <c>returning_from_spm</c>.</summary>
    [JsonStringEnumMemberName("returning_from_spm")]
    ReturningFromSpm,

    /// <summary>Returning from another country. JSON: <c>returning_from_other_country</c>.</summary>
    [JsonStringEnumMemberName("returning_from_other_country")]
    ReturningFromOtherCountry,
}

/// <summary>Category still allowed to flagpole (POE-EXC-06X, RD-05).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FlagpoleExemption>))]
public enum FlagpoleExemption
{
    /// <summary>None of the categories. JSON: <c>none</c>.</summary>
    [JsonStringEnumMemberName("none")]
    None,

    /// <summary>Citizen or lawful permanent resident of the United States. JSON: <c>us_citizen_or_lpr</c>.</summary>
    [JsonStringEnumMemberName("us_citizen_or_lpr")]
    UsCitizenOrLpr,

    /// <summary>Professional or technician under a free trade agreement. JSON: <c>fta_professional_or_technician</c>.</summary>
    [JsonStringEnumMemberName("fta_professional_or_technician")]
    FtaProfessionalOrTechnician,

    /// <summary>Spouse or common-law partner of such a professional or technician. JSON: <c>fta_spouse</c>.</summary>
    [JsonStringEnumMemberName("fta_spouse")]
    FtaSpouse,

    /// <summary>International truck driver on maintained status. JSON: <c>international_truck_driver_maintained</c>.</summary>
    [JsonStringEnumMemberName("international_truck_driver_maintained")]
    InternationalTruckDriverMaintained,

    /// <summary>Has a pre-booked CBSA appointment. JSON: <c>pre_booked_cbsa_appointment</c>.</summary>
    [JsonStringEnumMemberName("pre_booked_cbsa_appointment")]
    PreBookedCbsaAppointment,
}

/// <summary>Where the person will re-enter from to activate the letter of introduction (AFT-13).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReentryFrom>))]
public enum ReentryFrom
{
    /// <summary>The United States. JSON: <c>us</c>.</summary>
    [JsonStringEnumMemberName("us")]
    Us,

    /// <summary>Saint Pierre and Miquelon. JSON: <c>spm</c>.</summary>
    [JsonStringEnumMemberName("spm")]
    Spm,

    /// <summary>Another country. JSON: <c>other_country</c>.</summary>
    [JsonStringEnumMemberName("other_country")]
    OtherCountry,

    /// <summary>Not applicable. JSON: <c>not_applicable</c>.</summary>
    [JsonStringEnumMemberName("not_applicable")]
    NotApplicable,
}

/// <summary>Where and how the application is made.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApplicationChannel>))]
public enum ApplicationChannel
{
    /// <summary>Online, from outside Canada. JSON: <c>outside_canada_online</c>.</summary>
    [JsonStringEnumMemberName("outside_canada_online")]
    OutsideCanadaOnline,

    /// <summary>Online, from inside Canada. JSON: <c>inside_canada_online</c>.</summary>
    [JsonStringEnumMemberName("inside_canada_online")]
    InsideCanadaOnline,

    /// <summary>At a port of entry. JSON: <c>port_of_entry</c>.</summary>
    [JsonStringEnumMemberName("port_of_entry")]
    PortOfEntry,
}

/// <summary>The form or path used (INS-12, AFT-07, AFT-09, AFT-13).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApplicationForm>))]
public enum ApplicationForm
{
    /// <summary>IMM 5710, from inside Canada. JSON: <c>imm5710</c>.</summary>
    [JsonStringEnumMemberName("imm5710")]
    Imm5710,

    /// <summary>IMM 1295, from outside Canada. JSON: <c>imm1295</c>.</summary>
    [JsonStringEnumMemberName("imm1295")]
    Imm1295,

    /// <summary>Same-day application at a port of entry. JSON: <c>poe_same_day</c>.</summary>
    [JsonStringEnumMemberName("poe_same_day")]
    PoeSameDay,
}

/// <summary>The program or category requested.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WorkPermitProgram>))]
public enum WorkPermitProgram
{
    /// <summary>Temporary Foreign Worker Program. JSON: <c>tfwp_regular</c>.</summary>
    [JsonStringEnumMemberName("tfwp_regular")]
    TfwpRegular,

    /// <summary>Seasonal Agricultural Worker Program. JSON: <c>sawp</c>.</summary>
    [JsonStringEnumMemberName("sawp")]
    Sawp,

    /// <summary>International Experience Canada. JSON: <c>iec</c>.</summary>
    [JsonStringEnumMemberName("iec")]
    Iec,

    /// <summary>Post-graduation work permit. JSON: <c>pgwp</c>.</summary>
    [JsonStringEnumMemberName("pgwp")]
    Pgwp,

    /// <summary>CUSMA. JSON: <c>cusma</c>.</summary>
    [JsonStringEnumMemberName("cusma")]
    Cusma,

    /// <summary>Another International Mobility Program category. JSON: <c>other_imp</c>.</summary>
    [JsonStringEnumMemberName("other_imp")]
    OtherImp,

    /// <summary>Spousal open work permit. JSON: <c>spousal_owp</c>.</summary>
    [JsonStringEnumMemberName("spousal_owp")]
    SpousalOwp,

    /// <summary>Bridging open work permit. JSON: <c>bridging_owp</c>.</summary>
    [JsonStringEnumMemberName("bridging_owp")]
    BridgingOwp,

    /// <summary>Open permit for a permanent-residence applicant's family. JSON: <c>pr_applicant_family_owp</c>.</summary>
    [JsonStringEnumMemberName("pr_applicant_family_owp")]
    PrApplicantFamilyOwp,

    /// <summary>Open permit for refugees and their families. JSON: <c>refugee_owp</c>.</summary>
    [JsonStringEnumMemberName("refugee_owp")]
    RefugeeOwp,

    /// <summary>Open permit for a temporary resident permit holder. JSON: <c>trp_holder_owp</c>.</summary>
    [JsonStringEnumMemberName("trp_holder_owp")]
    TrpHolderOwp,

    /// <summary>Another open work permit category. JSON: <c>other_owp_category</c>.</summary>
    [JsonStringEnumMemberName("other_owp_category")]
    OtherOwpCategory,

    /// <summary>No program. JSON: <c>none</c>.</summary>
    [JsonStringEnumMemberName("none")]
    None,
}

/// <summary>The processing stage.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApplicationStage>))]
public enum ApplicationStage
{
    /// <summary>Not submitted. JSON: <c>not_submitted</c>.</summary>
    [JsonStringEnumMemberName("not_submitted")]
    NotSubmitted,

    /// <summary>Being processed. JSON: <c>processing</c>.</summary>
    [JsonStringEnumMemberName("processing")]
    Processing,

    /// <summary>Decided. JSON: <c>decided</c>.</summary>
    [JsonStringEnumMemberName("decided")]
    Decided,
}

/// <summary>The decision on the application.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Decision>))]
public enum Decision
{
    /// <summary>Pending. JSON: <c>pending</c>.</summary>
    [JsonStringEnumMemberName("pending")]
    Pending,

    /// <summary>Approved. JSON: <c>approved</c>.</summary>
    [JsonStringEnumMemberName("approved")]
    Approved,

    /// <summary>Refused. JSON: <c>refused</c>.</summary>
    [JsonStringEnumMemberName("refused")]
    Refused,
}

/// <summary>The state of the Labour Market Impact Assessment (LMIA-06, POE-ES-01).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LmiaStatus>))]
public enum LmiaStatus
{
    /// <summary>Not applicable. JSON: <c>not_applicable</c>.</summary>
    [JsonStringEnumMemberName("not_applicable")]
    NotApplicable,

    /// <summary>A positive LMIA was issued. JSON: <c>positive_issued</c>.</summary>
    [JsonStringEnumMemberName("positive_issued")]
    PositiveIssued,

    /// <summary>Pending. JSON: <c>pending</c>.</summary>
    [JsonStringEnumMemberName("pending")]
    Pending,

    /// <summary>Refused, or none. JSON: <c>refused_or_none</c>.</summary>
    [JsonStringEnumMemberName("refused_or_none")]
    RefusedOrNone,
}

/// <summary>The employer's status on the list of employers who failed to comply (GEN-08).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EmployerComplianceListStatus>))]
public enum EmployerComplianceListStatus
{
    /// <summary>Not listed. JSON: <c>not_listed</c>.</summary>
    [JsonStringEnumMemberName("not_listed")]
    NotListed,

    /// <summary>Listed as ineligible. JSON: <c>listed_ineligible</c>.</summary>
    [JsonStringEnumMemberName("listed_ineligible")]
    ListedIneligible,

    /// <summary>Listed with another status. JSON: <c>listed_other</c>.</summary>
    [JsonStringEnumMemberName("listed_other")]
    ListedOther,
}
