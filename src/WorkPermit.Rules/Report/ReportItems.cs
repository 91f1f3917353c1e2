namespace WorkPermit.Rules;

/// <summary>The names and kinds of the contract's document and action IDs, as a consultant would write them.</summary>
internal static class ReportItems
{
    private static readonly Dictionary<string, (string Name, ReportItemKind Kind)> Items = new(StringComparer.Ordinal)
    {
        ["imm5710"] = ("Application to change conditions or extend stay as a worker (IMM 5710)", ReportItemKind.Form),
        ["ircc_web_form_visit2work2020"] = ("IRCC web form request for interim authorization (priority code VISIT2WORK2020)", ReportItemKind.Form),
        ["job_offer"] = ("Job offer", ReportItemKind.Document),
        ["lmia_copy"] = ("Copy of the Labour Market Impact Assessment (LMIA)", ReportItemKind.Document),
        ["proof_meets_job_requirements"] = ("Proof that you meet the job's requirements (education, experience)", ReportItemKind.Document),
        ["caq_proof_if_required"] = ("Quebec Acceptance Certificate (CAQ), if the job needs one", ReportItemKind.Document),
        ["proof_role_lmia_exempt"] = ("Proof that the job is exempt from the LMIA", ReportItemKind.Document),
        ["lmia_approval_letter_copy"] = ("Copy of the LMIA approval letter", ReportItemKind.Document),
        ["detailed_job_offer_letter"] = ("Detailed job offer letter", ReportItemKind.Document),
        ["temporary_resident_visa"] = ("Temporary resident (visitor) visa", ReportItemKind.Document),
        ["poe_letter_of_introduction"] = ("Port of entry letter of introduction (printed or on screen)", ReportItemKind.Document),
        ["police_clearance_certificate"] = ("Police clearance certificate", ReportItemKind.Document),
        ["officer_requested_documents"] = ("Documents the officer asked for", ReportItemKind.Document),
        ["lmia_number"] = ("LMIA number", ReportItemKind.Detail),
        ["offer_of_employment_number"] = ("Offer of employment number (from the Employer Portal)", ReportItemKind.Detail),
        ["uci"] = ("Unique client identifier (UCI)", ReportItemKind.Detail),
        ["application_number"] = ("Application number", ReportItemKind.Detail),
        ["previous_work_permit_number"] = ("Number of the previous work permit", ReportItemKind.Detail),
        ["previous_permit_expiry_date"] = ("Expiry date of the previous work permit", ReportItemKind.Detail),
        ["employer_name"] = ("Employer's name", ReportItemKind.Detail),
        ["job_title"] = ("Job title", ReportItemKind.Detail),
        ["courier_tracking_number"] = ("Courier tracking number (paper applications)", ReportItemKind.Detail),
        ["notify_ircc_new_address"] = ("Tell IRCC the new mailing address", ReportItemKind.Action),
        ["contact_ircc_permit_not_received"] = ("Contact IRCC: the permit has not arrived by mail", ReportItemKind.Action),
    };

    public static string NameOf(string id) => Items.TryGetValue(id, out var item) ? item.Name : id;

    public static ReportItemKind KindOf(string id) => Items.TryGetValue(id, out var item) ? item.Kind : ReportItemKind.Document;
}
