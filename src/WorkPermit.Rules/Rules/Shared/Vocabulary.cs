namespace WorkPermit.Rules.Rules;

/// <summary>The document IDs of the contract, grouped as the rules name them.</summary>
internal static class Documents
{
    public static readonly string[] Imm5710 = ["imm5710"];
    public static readonly string[] LmiaRequiredAtPortOfEntry = ["job_offer", "lmia_copy", "lmia_number", "proof_meets_job_requirements"];
    public static readonly string[] CaqProof = ["caq_proof_if_required"];
    public static readonly string[] LmiaExemptAtPortOfEntry = ["job_offer", "offer_of_employment_number", "proof_role_lmia_exempt", "proof_meets_job_requirements"];
    public static readonly string[] LmiaApprovalLetters = ["lmia_approval_letter_copy", "detailed_job_offer_letter"];
    public static readonly string[] TemporaryResidentVisa = ["temporary_resident_visa"];
    public static readonly string[] PoeLetterOfIntroduction = ["poe_letter_of_introduction"];
    public static readonly string[] PoliceClearanceCertificate = ["police_clearance_certificate"];
    public static readonly string[] OfficerRequestedDocuments = ["officer_requested_documents"];
    public static readonly string[] StatusTracker = ["uci", "application_number"];
    public static readonly string[] InterimAuthorizationWebForm =
        ["ircc_web_form_visit2work2020", "previous_work_permit_number", "previous_permit_expiry_date", "employer_name", "job_title"];
}

/// <summary>The action IDs of the contract.</summary>
internal static class Actions
{
    public static readonly string[] NotifyIrccNewAddress = ["notify_ircc_new_address"];
    public static readonly string[] ContactIrccPermitNotReceived = ["contact_ircc_permit_not_received"];
}

/// <summary>The interim authorization condition IDs of the contract (AFT-15).</summary>
internal static class InterimConditions
{
    public const string PhysicallyPresent = "physically_present";
    public const string ValidVisitorStatus = "valid_visitor_status";
    public const string EmployerSpecific = "employer_specific";
    public const string AppliedInWindow = "applied_in_window";
    public const string WorkPermitValidInPrior12Months = "work_permit_valid_in_prior_12_months";
    public const string StayedInCanada = "stayed_in_canada";
}

/// <summary>The dates the catalogue names.</summary>
internal static class PolicyDates
{
    /// <summary>Visitor public policy: first day applications count (INS-13, AFT-15; inclusive).</summary>
    public static readonly DateOnly VisitorPolicyStart = new(2020, 8, 24);

    /// <summary>Visitor public policy: first day applications no longer count (AMB-03: 2024-08-28 excluded).</summary>
    public static readonly DateOnly VisitorPolicyEnd = new(2024, 8, 28);

    /// <summary>First arrival date on which a PGWP can no longer be asked for at a port of entry (POE-EXC-05).</summary>
    public static readonly DateOnly PgwpAtPortOfEntryEnded = new(2024, 6, 21);

    /// <summary>First arrival date after flagpoling ended on 2024-12-23 at 11:59 pm ET (POE-EXC-06, RD-05).</summary>
    public static readonly DateOnly FlagpolingEnded = new(2024, 12, 24);
}

/// <summary>Which channel a rule's scope is.</summary>
internal static class Scope
{
    public static Tri PortOfEntry(Evaluation.EvaluationCase c) => c.Application.Channel switch
    {
        null => Tri.Unknown,
        ApplicationChannel.PortOfEntry => Tri.Yes,
        _ => Tri.No,
    };

    /// <summary>The facts that decide <see cref="InsideCanada"/>.</summary>
    public static readonly FactSet InsideCanadaReads = FactSet.Of(FactId.ApplicationChannel, FactId.StatusLocation);

    /// <summary>The facts that decide <see cref="VisitorPolicy"/>: the status and the application date.</summary>
    public static FactSet VisitorPolicyReads(Evaluation.EvaluationCase c) => FactSet.Of(FactId.StatusStatus) | c.SubmissionDateFacts;

    /// <summary>Both scopes: out of scope when either is, in scope when both are.</summary>
    public static Tri Both(Tri a, Tri b) => a == Tri.No || b == Tri.No ? Tri.No : a == Tri.Yes && b == Tri.Yes ? Tri.Yes : Tri.Unknown;

    /// <summary>Applying from outside Canada (OUT-01) concerns the profile when that is its channel.</summary>
    public static Tri OutsideCanada(Evaluation.EvaluationCase c) => c.Application.Channel switch
    {
        null => Tri.Unknown,
        ApplicationChannel.OutsideCanadaOnline => Tri.Yes,
        _ => Tri.No,
    };

    /// <summary>
    /// Applying from inside Canada (INS-xx) concerns the profile when that is its channel or the person is in Canada (who
    /// may have to apply another way). It does not concern someone applying from outside Canada online, or a traveller
    /// known to be outside Canada; until the channel and the location say which, it may.
    /// </summary>
    public static Tri InsideCanada(Evaluation.EvaluationCase c)
    {
        if (c.Application.Channel == ApplicationChannel.InsideCanadaOnline || c.Status.Location == Location.InCanada)
        {
            return Tri.Yes;
        }

        if (c.Status.Location == Location.OutsideCanada || c.Application.Channel == ApplicationChannel.OutsideCanadaOnline)
        {
            return Tri.No;
        }

        return Tri.Unknown;
    }

    /// <summary>The visitor public policy's own eligibility (AFT-15) concerns a visitor in Canada, who is told whether
    /// the application date fell in its window.</summary>
    public static Tri Visitor(Evaluation.EvaluationCase c) => c.Status.Status == TemporaryStatus.Visitor ? Tri.Yes : Tri.No;

    /// <summary>
    /// The visitor public policy's steps after eligibility (AFT-16 to AFT-18) concern a visitor whose application date falls in the policy's
    /// window (2020-08-24 to 2024-08-27, AMB-03); for any other date the policy was not open and does not concern them.
    /// </summary>
    public static Tri VisitorPolicy(Evaluation.EvaluationCase c)
    {
        if (c.SubmissionDate < PolicyDates.VisitorPolicyStart || c.SubmissionDate >= PolicyDates.VisitorPolicyEnd)
        {
            return Tri.No;
        }

        return c.Status.Status switch
        {
            null => Tri.Unknown,
            TemporaryStatus.Visitor => Tri.Yes,
            _ => Tri.No,
        };
    }
}
