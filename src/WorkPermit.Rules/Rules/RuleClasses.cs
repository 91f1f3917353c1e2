namespace WorkPermit.Rules.Rules;

/// <summary>
/// The catalogue's rule classes, in catalogue order: the rule set loads exactly these. Listing them, rather than finding
/// them by reflection over the assembly, lets the rule set start loading in a fresh process before the catalogue is read
/// (finding them needed the catalogue to order them) and skips scanning every type. A test checks that the list holds
/// every rule class of these namespaces, once each, in catalogue order.
/// </summary>
internal static class RuleClasses
{
    public static readonly Type[] All =
    [
        typeof(General.GeneralRequirementsRule), // GEN-01
        typeof(General.DepartureIntentRule), // GEN-02
        typeof(General.SufficientFundsRule), // GEN-03
        typeof(General.NoCriminalRecordRule), // GEN-04
        typeof(General.PoliceCertificateRule), // GEN-05
        typeof(General.NotSecurityDangerRule), // GEN-06
        typeof(General.GoodHealthRule), // GEN-07
        typeof(General.EmployerNotIneligibleRule), // GEN-08
        typeof(General.EmployerSexServicesRule), // GEN-09
        typeof(General.OfficerRequestedDocumentsRule), // GEN-10
        typeof(OutsideCanada.ApplyFromOutsideRule), // OUT-01
        typeof(OutsideCanada.VisaOfficeRequirementsRule), // OUT-02
        typeof(OutsideCanada.GlobalSkillsStrategyRule), // OUT-03
        typeof(InsideCanada.ValidStudyOrWorkPermitBasisRule), // INS-01
        typeof(InsideCanada.FamilyPermitBasisRule), // INS-02
        typeof(InsideCanada.PgwpWithValidStudyPermitBasisRule), // INS-03
        typeof(InsideCanada.TemporaryResidentPermitBasisRule), // INS-04
        typeof(InsideCanada.InlandPermanentResidenceBasisRule), // INS-05
        typeof(InsideCanada.RefugeeClaimantBasisRule), // INS-06
        typeof(InsideCanada.ProtectedPersonBasisRule), // INS-07
        typeof(InsideCanada.ExemptWorkerDifferentJobBasisRule), // INS-08
        typeof(InsideCanada.CusmaBasisRule), // INS-09
        typeof(InsideCanada.InsideCanadaClosedListRule), // INS-10
        typeof(InsideCanada.VisitorsNotEligibleInsideRule), // INS-11
        typeof(InsideCanada.InsideCanadaFormRule), // INS-12
        typeof(InsideCanada.HistoricVisitorExceptionRule), // INS-13
        typeof(PortOfEntry.VisaExemptTravellerRule), // POE-01
        typeof(PortOfEntry.EtaEligibilityRule), // POE-02
        typeof(PortOfEntry.TypeSpecificRequirementsRule), // POE-03
        typeof(PortOfEntry.PortOfEntryEligibilityRule), // POE-04
        typeof(PortOfEntry.ApplyBeforeTravellingAdvisoryRule), // POE-05
        typeof(PortOfEntry.AlreadyInCanadaApplyOnlineAdvisoryRule), // POE-06
        typeof(PortOfEntry.PermitRouteRule), // POE-07
        typeof(PortOfEntry.LetterOfIntroductionAtBorderRule), // POE-08
        typeof(PortOfEntry.BorderOfficerDecidesAdvisoryRule), // POE-09
        typeof(PortOfEntry.NeedsVisitorVisaExclusionRule), // POE-EXC-01
        typeof(PortOfEntry.ConditionalEtaCitizenExclusionRule), // POE-EXC-02
        typeof(PortOfEntry.IecNotUsExclusionRule), // POE-EXC-03
        typeof(PortOfEntry.SeasonalAgriculturalWorkerExclusionRule), // POE-EXC-04
        typeof(PortOfEntry.PostGraduationPermitExclusionRule), // POE-EXC-05
        typeof(PortOfEntry.FlagpolingExclusionRule), // POE-EXC-06
        typeof(PortOfEntry.FlagpolingExemptionRule), // POE-EXC-06X
        typeof(PortOfEntry.EmployerCompletedStepsRule), // POE-ES-01
        typeof(Employer.LmiaRequiredPortOfEntryDocumentsRule), // LMIA-01
        typeof(Employer.QuebecLmiaCaqRule), // LMIA-02
        typeof(Employer.QuebecCaqRule), // LMIA-03
        typeof(Employer.LmiaExemptPortOfEntryDocumentsRule), // LMIA-04
        typeof(Employer.EmployerComplianceFeeRule), // LMIA-05
        typeof(Employer.EmployerApprovalPrerequisiteRule), // LMIA-06
        typeof(Employer.LmiaClassificationRule), // LMIA-07
        typeof(Employer.LmiaApprovalLetterDocumentsRule), // LMIA-08
        typeof(Employer.TemporaryResidentVisaRule), // LMIA-09
        typeof(Employer.LmiaDefinitionAdvisoryRule), // LMIA-10
        typeof(OpenPermits.OpenPermitCategoryRequiredRule), // OWP-01
        typeof(OpenPermits.SpouseOrPartnerCategoryRule), // OWP-02
        typeof(OpenPermits.PermanentResidenceApplicantCategoryRule), // OWP-03
        typeof(OpenPermits.RefugeeCategoryRule), // OWP-04
        typeof(OpenPermits.TemporaryResidentPermitHolderCategoryRule), // OWP-05
        typeof(OpenPermits.PostGraduationCategoryRule), // OWP-06
        typeof(OpenPermits.OpenPermitAnyEmployerRule), // OWP-07
        typeof(OpenPermits.OpenPermitCategoriesNonExhaustiveAdvisoryRule), // OWP-08
        typeof(Employer.NamedEmployerRestrictionRule), // CHG-01
        typeof(Employer.ChangeEmployerNewPermitRule), // CHG-02
        typeof(Medical.LongStayDesignatedCountryTriggerRule), // IME-01
        typeof(Medical.SuperVisaTriggerRule), // IME-02
        typeof(Medical.PublicHealthOccupationTriggerRule), // IME-03
        typeof(Medical.MedicalExamValidOnEntryRule), // IME-04
        typeof(Medical.MedicalExamValidityRule), // IME-05
        typeof(Medical.OfficerInstructedExamTriggerRule), // IME-06
        typeof(Biometrics.BiometricsAtPortOfEntryRule), // BIO-01
        typeof(Biometrics.BiometricsTwoRequirementsRule), // BIO-02
        typeof(Biometrics.BiometricsPortListedRule), // BIO-03
        typeof(Biometrics.BookBiometricsEarlyAdvisoryRule), // BIO-04
        typeof(AfterApplying.IncompleteApplicationReturnedRule), // AFT-01
        typeof(AfterApplying.OfficerChecksEmployerAndQualificationRule), // AFT-02
        typeof(AfterApplying.FurtherRequestsAdvisoryRule), // AFT-03
        typeof(AfterApplying.UtcDocumentDeadlineRule), // AFT-04
        typeof(AfterApplying.StatusTrackerDocumentsRule), // AFT-05
        typeof(AfterApplying.LetterOfIntroductionRule), // AFT-06
        typeof(AfterApplying.IssuedAtPortOfEntryRule), // AFT-07
        typeof(AfterApplying.PermitConditionsAdvisoryRule), // AFT-08
        typeof(AfterApplying.MailedPermitRule), // AFT-09
        typeof(AfterApplying.ReportAddressChangeRule), // AFT-10
        typeof(AfterApplying.WorkOnApprovalNoteRule), // AFT-11
        typeof(AfterApplying.MailedPermitDelayRule), // AFT-12
        typeof(AfterApplying.LeaveCanadaToActivateRule), // AFT-13
        typeof(AfterApplying.MaintainedStatusLeavingRule), // AFT-14
        typeof(AfterApplying.VisitorInterimAuthorizationRule), // AFT-15
        typeof(AfterApplying.VisitorPolicyLostByLeavingRule), // AFT-16
        typeof(AfterApplying.InterimAuthorizationWebFormRule), // AFT-17
        typeof(AfterApplying.WaitForAuthorizationEmailRule), // AFT-18
    ];
}
