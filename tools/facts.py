# The profile's facts: one row per JSON path of contract.md, with the plain-language question the
# interview asks. Run `python3 tools/facts.py` to regenerate src/WorkPermit.Rules/Profile/FactId.g.cs.
# kind: bool | enum:<EnumType> | date | datetime | country | countries | int | decimal | string | periods
FACTS = [
 ("EvaluationDate","evaluationDate","evaluation_date","date","What date should the evaluation use as today?"),
 ("PersonCitizenships","person.citizenships","citizenships","countries","Which countries are you a citizen of?"),
 ("PersonPassportCountry","person.passportCountry","travel_passport_country","country","Which country issued the passport you are using?"),
 ("PersonUsLawfulPermanentResident","person.usLawfulPermanentResident","us_lawful_permanent_resident","bool","Are you a lawful permanent resident of the United States (green card holder)?"),
 ("PersonSufficientFunds","person.sufficientFunds","sufficient_funds","bool","Do you have enough money for yourself and your family during the stay and to return home?"),
 ("PersonAccompanyingFamilyCount","person.accompanyingFamilyCount","accompanying_family_count","int","How many family members will come with you?"),
 ("PersonCriminalRecord","person.criminalRecord","criminal_record","enum:CriminalRecord","Do you have a record of criminal activity?"),
 ("PersonSecurityConcern","person.securityConcern","security_concern","enum:ConcernStatus","Has a security assessment found a concern? (An officer decides this.)"),
 ("PersonHealthConditionConcern","person.healthConditionConcern","health_condition_concern","enum:ConcernStatus","Is there a health concern other than a missing or expired medical exam?"),
 ("OfficerSatisfiedDepartureIntent","officer.satisfiedDepartureIntent","officer_satisfied_departure_intent","bool","Is the officer satisfied you will leave Canada when the permit expires? (An officer decides this.)"),
 ("OfficerPoliceCertificateRequested","officer.policeCertificateRequested","police_certificate_requested","bool","Has an officer asked you for a police clearance certificate?"),
 ("OfficerDocumentsRequested","officer.documentsRequested","officer_requested_documents","enum:OfficerDocumentsRequest","Has an officer asked you for other documents, and have you provided them?"),
 ("OfficerMedicalExamRequested","officer.medicalExamRequested","officer_requested_ime","bool","Has an officer told you to take a medical exam?"),
 ("StatusLocation","statusInCanada.location","location_before_trip","enum:Location","Are you in Canada or outside Canada (before any trip to the border)?"),
 ("StatusStatus","statusInCanada.status","status_in_canada","enum:TemporaryStatus","What temporary status do you hold in Canada?"),
 ("StatusHoldsValidWorkPermit","statusInCanada.holdsValidWorkPermit","holds_valid_work_permit","bool","Do you hold a work permit that is valid on the application date?"),
 ("StatusHoldsValidStudyPermit","statusInCanada.holdsValidStudyPermit","holds_valid_study_permit","bool","Do you hold a study permit that is valid on the application date?"),
 ("StatusStudyPermitExpiryDate","statusInCanada.studyPermitExpiryDate","study_permit_expiry_date","date","When does your study permit expire?"),
 ("StatusTrpExpiryDate","statusInCanada.trpExpiryDate","trp_expiry_date","date","When does your temporary resident permit expire? (Leave empty if you have none.)"),
 ("StatusPgwpEligible","statusInCanada.pgwpEligible","pgwp_eligible","bool","Do you meet the post-graduation work permit criteria?"),
 ("StatusInlandPrApplicationPending","statusInCanada.inlandPrApplicationPending","inland_pr_application_pending","bool","Are you waiting for a decision on a permanent residence application made from inside Canada?"),
 ("StatusRefugeeClaimMade","statusInCanada.refugeeClaimMade","refugee_claim_made","bool","Have you made a claim for refugee protection?"),
 ("StatusConventionRefugeeOrProtectedPerson","statusInCanada.conventionRefugeeOrProtectedPerson","irb_convention_refugee_or_protected_person","bool","Has the Immigration and Refugee Board recognised you as a Convention refugee or protected person?"),
 ("StatusWorkPermitExemption","statusInCanada.workPermitExemption","work_permit_exemption_basis","enum:WorkPermitExemption","On what basis, if any, may you work in Canada without a work permit today?"),
 ("StatusNeedsPermitForDifferentJob","statusInCanada.needsPermitForDifferentJob","needs_permit_for_different_job","bool","Is the new job outside what your exemption lets you do?"),
 ("StatusCusmaCategory","statusInCanada.cusmaCategory","cusma_category","enum:CusmaCategory","Are you a trader, investor, intra-company transferee or professional under CUSMA?"),
 ("StatusOnMaintainedStatusAsWorker","statusInCanada.onMaintainedStatusAsWorker","on_maintained_status_as_worker","bool","Are you working on maintained status while an extension is pending?"),
 ("StatusLeavesCanadaWhilePending","statusInCanada.leavesCanadaWhilePending","leaves_canada","bool","Will you leave Canada while the application is pending?"),
 ("StatusCurrentPermitType","statusInCanada.currentPermitType","current_permit_type","enum:CurrentPermitType","What kind of work permit do you hold today?"),
 ("StatusPreviousWorkPermitExpiryDate","statusInCanada.previousWorkPermitExpiryDate","previous_work_permit_expiry_date","date","When did your last work permit expire?"),
 ("FamilySpouseOrPartnerHoldsValidStudyOrWorkPermit","family.spouseOrPartnerHoldsValidStudyOrWorkPermit","spouse_or_partner_holds_valid_study_or_work_permit","bool","Does your spouse or common-law partner hold a valid study or work permit?"),
 ("FamilyParentHoldsValidStudyOrWorkPermit","family.parentHoldsValidStudyOrWorkPermit","parent_holds_valid_study_or_work_permit","bool","Does one of your parents hold a valid study or work permit?"),
 ("TravelMode","travel.mode","travel_mode","enum:TravelMode","How will you arrive in Canada?"),
 ("TravelArrivalDate","travel.arrivalDate","poe_arrival_date","date","On what date will you arrive at the port of entry?"),
 ("TravelPortOfEntry","travel.portOfEntry","poe_location_code","string","Which port of entry will you arrive at (its code, for example YVR)?"),
 ("TravelPortOfEntryOffersBiometrics","travel.portOfEntryOffersBiometrics","poe_offers_biometrics","bool","Does that port of entry take biometrics?"),
 ("TravelTripType","travel.tripType","poe_trip_type","enum:TripType","What kind of arrival is this?"),
 ("TravelTripPurposeImmigrationServicesOnReturn","travel.tripPurposeImmigrationServicesOnReturn","trip_purpose_immigration_services_on_return","bool","Did you leave Canada to get immigration services when you come back?"),
 ("TravelFlagpoleExemption","travel.flagpoleExemption","flagpole_exemption_category","enum:FlagpoleExemption","Do you belong to a category still allowed to flagpole?"),
 ("TravelHeldCanadianVisaPast10Years","travel.heldCanadianVisaPast10Years","held_canadian_visa_past_10y","bool","Have you held a Canadian visitor visa in the last 10 years?"),
 ("TravelValidUsNonImmigrantVisa","travel.validUsNonImmigrantVisa","valid_us_niv","bool","Do you hold a valid US non-immigrant visa?"),
 ("TravelStartAndFinishAtSamePoe","travel.startAndFinishAtSamePoe","start_and_finish_at_same_poe","bool","Will you start and finish your application at the same port of entry?"),
 ("TravelHasLetterOfIntroduction","travel.hasLetterOfIntroduction","has_poe_letter_of_introduction","bool","Do you hold a port of entry letter of introduction?"),
 ("TravelLetterActivationReentryFrom","travel.letterActivationReentryFrom","loi_activation_reentry_from","enum:ReentryFrom","Where will you re-enter Canada from to activate the letter?"),
 ("ApplicationChannel","application.channel","application_location","enum:ApplicationChannel","Where and how are you applying?"),
 ("ApplicationForm","application.form","application_form","enum:ApplicationForm","Which form or path are you using?"),
 ("ApplicationSubmittedDate","application.submittedDate","application_submitted_date","date","On what date was (or will) the application be submitted?"),
 ("ApplicationPermitType","application.permitType","permit_type","enum:PermitType","Which kind of work permit are you asking for?"),
 ("ApplicationProgram","application.program","program","enum:WorkPermitProgram","Under which program or category are you applying?"),
 ("ApplicationOpenPermitCategoryEligible","application.openPermitCategoryEligible","owp_category_eligible","bool","Do you meet the criteria of an open work permit category?"),
 ("ApplicationSuperVisa","application.superVisa","applying_super_visa","bool","Is this a parent or grandparent Super Visa application?"),
 ("ApplicationStage","application.stage","application_stage","enum:ApplicationStage","What stage is the application at?"),
 ("ApplicationDocumentsComplete","application.documentsComplete","application_documents_complete","bool","Did the application include all the necessary documents?"),
 ("ApplicationBiometricsRequired","application.biometricsRequired","biometrics_required","bool","Are biometrics required for this application?"),
 ("ApplicationBiometricsProvided","application.biometricsProvided","biometrics_provided","bool","Have you given your biometrics?"),
 ("ApplicationDecision","application.decision","decision","enum:Decision","What is the decision on the application?"),
 ("ApplicationDecisionLetterDate","application.decisionLetterDate","decision_letter_date","date","What is the date of the decision letter?"),
 ("ApplicationApprovalNoteReceived","application.approvalNoteReceived","online_account_approval_note_received","bool","Have you received the approval note in your online account?"),
 ("ApplicationPermitReceivedByMail","application.permitReceivedByMail","permit_received_by_mail","bool","Has the work permit arrived by mail?"),
 ("ApplicationMailingAddressChangedBeforeDecision","application.mailingAddressChangedBeforeDecision","mailing_address_changed_before_decision","bool","Did your mailing address change before the decision?"),
 ("ApplicationDocumentRequestDeadline","application.documentRequestDeadline","doc_request_deadline_date","date","What date did the officer give for uploading documents?"),
 ("ApplicationDocumentSubmittedAt","application.documentSubmittedAt","doc_submitted_at","datetime","When did you upload the documents (date, time and UTC offset)?"),
 ("JobHasJobOffer","job.hasJobOffer","has_job_offer","bool","Do you have a job offer?"),
 ("JobInQuebec","job.inQuebec","job_in_quebec","bool","Is the job in Quebec?"),
 ("JobLmiaStatus","job.lmiaStatus","lmia_status","enum:LmiaStatus","What is the state of the Labour Market Impact Assessment (LMIA)?"),
 ("JobOfferOfEmploymentNumberAvailable","job.offerOfEmploymentNumberAvailable","offer_of_employment_number_available","bool","Has the employer submitted the offer in the Employer Portal, so its offer of employment number is available?"),
 ("JobEmployerCompletedRequiredSteps","job.employerCompletedRequiredSteps","employer_completed_required_steps","bool","Has the employer completed all the required steps?"),
 ("JobEmployerComplianceFeePaid","job.employerComplianceFeePaid","employer_compliance_fee_paid","bool","Has the employer paid the employer compliance fee?"),
 ("JobEmployerNonComplianceStatus","job.employerNonComplianceStatus","employer_noncompliance_list_status","enum:EmployerComplianceListStatus","What is the employer's status on the list of employers who failed to comply?"),
 ("JobEmployerRegularlyOffersSexualServices","job.employerRegularlyOffersSexualServices","employer_regularly_offers_sexual_services","bool","Does the employer regularly offer striptease, erotic dance, escort services or erotic massages?"),
 ("JobPublicHealthProtection","job.publicHealthProtection","job_public_health_protection","bool","Is it a job in which public health must be protected (for example, health care)?"),
 ("JobWantsToChangeEmployerOrPosition","job.wantsToChangeEmployerOrPosition","wants_to_change_employer_or_position","bool","Do you want to change employer or position?"),
 ("MedicalIntendedStayMonths","medical.intendedStayMonths","intended_stay_months","decimal","How many months do you intend to stay in Canada?"),
 ("MedicalDesignatedCountryMonthsPastYear","medical.designatedCountryMonthsPastYear","designated_consecutive_months_past_year","decimal","In the year before entry, what was your longest unbroken stay, in months, in countries designated for medical exams?"),
 ("MedicalExamDate","medical.examDate","ime_exam_date","date","On what date did you take the immigration medical exam?"),
 ("MedicalIndicatedExpiryDate","medical.indicatedExpiryDate","ime_indicated_expiry_date","date","What expiry date does the medical result state, if any?"),
 ("MedicalResidenceHistory","medical.residenceHistory","residence_history","periods","Where did you live or travel in the year before entry (country and dates)?"),
 ("VisitorPolicyPhysicallyPresentAtApplication","visitorPolicy.physicallyPresentAtApplication","physically_present_in_canada_at_application","bool","Were you physically in Canada when you applied?"),
 ("VisitorPolicyVisitorStatusValidAtApplication","visitorPolicy.visitorStatusValidAtApplication","visitor_status_valid_at_application","bool","Did you have valid visitor status on the application date?"),
 ("VisitorPolicyLeftCanadaDuringProcessing","visitorPolicy.leftCanadaDuringProcessing","left_canada_during_processing","bool","Did you leave Canada while the application was processed?"),
 ("VisitorPolicyAuthorizationEmailReceived","visitorPolicy.authorizationEmailReceived","ircc_email_authorization_received","bool","Have you received IRCC's email saying you may work while you wait?"),
]
OFFICER = {"OfficerSatisfiedDepartureIntent", "PersonSecurityConcern"}

if __name__ == "__main__":
    import os
    kinds = {"bool":"Boolean","date":"Date","datetime":"DateTime","country":"Country","countries":"Countries","int":"Count","decimal":"Number","string":"Text","periods":"Periods"}
    lines = ["// Generated by tools/facts.py from the fact table of contract.md. Do not edit by hand.", "#nullable enable",
             "namespace WorkPermit.Rules;", "",
             "/// <summary>Identifies one fact of the profile (one JSON path of the contract).</summary>",
             "public enum FactId", "{"]
    for i,(name,path,vocab,kind,q) in enumerate(FACTS):
        lines.append(f"    /// <summary><c>{path}</c> ({vocab}).</summary>")
        lines.append(f"    {name} = {i},")
        if i < len(FACTS)-1: lines.append("")
    lines += ["}", "", "internal static partial class FactCatalog", "{",
              "    private static readonly FactDescriptor[] Descriptors =", "    ["]
    for name,path,vocab,kind,q in FACTS:
        if kind.startswith("enum:"):
            k = f"FactKind.Enumeration, typeof({kind[5:]})"
        else:
            k = f"FactKind.{kinds[kind]}, null"
        officer = "true" if name in OFFICER else "false"
        qq = q.replace('"','\\"')
        lines.append(f"        new(FactId.{name}, \"{path}\", \"{vocab}\", {k}, \"{qq}\", {officer}),")
    lines += ["    ];", ""]
    # A compiled reader per fact, so that the report can show the values behind its findings without reflection.
    def pascal(seg): return seg[0].upper() + seg[1:]
    lines += ["    /// <summary>Reads one fact of a profile: null when the profile leaves it unknown.</summary>",
              "    public static object? ValueOf(WorkPermitProfile profile, FactId id) => id switch", "    {"]
    for name,path,vocab,kind,q in FACTS:
        segs = path.split(".")
        expr = "profile." + pascal(segs[0]) if len(segs) == 1 else f"profile.{pascal(segs[0])}?.{pascal(segs[1])}"
        lines.append(f"        FactId.{name} => {expr},")
    lines += ["        _ => null,", "    };", "}", ""]
    out = os.path.join(os.path.dirname(__file__), "..", "src", "WorkPermit.Rules", "Profile", "FactId.g.cs")
    open(out, "w").write("\n".join(lines))
    print(len(FACTS), "facts")
