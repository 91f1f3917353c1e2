namespace WorkPermit.Rules.Cli;

/// <summary>The profile the CLI evaluates when run without arguments: a realistic traveller at a port of entry.</summary>
internal static class ExampleProfile
{
    public const string Description =
        "Built-in example: a British software engineer lands at Toronto Pearson (YYZ) with an LMIA-exempt job offer and asks "
        + "for a work permit at the border. Not known yet: whether the employer paid the compliance fee, how long she lived "
        + "in countries where a medical exam is required, and whether YYZ takes biometrics. The officer has not decided yet either.";

    /// <summary>Builds the profile with the library's typed model. Facts left out are unknown, never false.</summary>
    public static WorkPermitProfile Create() => new()
    {
        // 1. The application: at the port of entry, the same day, for an employer-specific LMIA-exempt permit.
        Application = new ApplicationFacts
        {
            Channel = ApplicationChannel.PortOfEntry,
            Form = ApplicationForm.PoeSameDay,
            PermitType = PermitType.EmployerSpecificLmiaExempt,
            Program = WorkPermitProgram.OtherImp,
            SuperVisa = false,
        },

        // 2. The person and the trip: a British citizen flying in from abroad. No arrival date: she arrives today.
        Person = new PersonFacts
        {
            Citizenships = ["GB"],
            PassportCountry = "GB",
            UsLawfulPermanentResident = false,
            SufficientFunds = true,
            AccompanyingFamilyCount = 0,
            CriminalRecord = CriminalRecord.None,
            HealthConditionConcern = ConcernStatus.None,
        },
        StatusInCanada = new StatusInCanadaFacts { Location = Location.OutsideCanada },
        Travel = new TravelFacts
        {
            TripType = TripType.ArrivingFromAbroad,
            Mode = TravelMode.Air,
            PortOfEntry = "YYZ",
            StartAndFinishAtSamePoe = true,
            HeldCanadianVisaPast10Years = false,
            ValidUsNonImmigrantVisa = false,
            FlagpoleExemption = FlagpoleExemption.None,
        },

        // 3. The job: the offer is in the Employer Portal; whether the $230 compliance fee was paid is not known.
        Job = new JobFacts
        {
            HasJobOffer = true,
            OfferOfEmploymentNumberAvailable = true,
            EmployerCompletedRequiredSteps = true,
            InQuebec = false,
            EmployerNonComplianceStatus = EmployerComplianceListStatus.NotListed,
            EmployerRegularlyOffersSexualServices = false,
            PublicHealthProtection = false,
        },

        // 4. A two-year stay; the time spent in designated countries last year is not known, so the exam is in question.
        Medical = new MedicalFacts { IntendedStayMonths = 24 },

        // 5. What the officer has asked for so far: nothing. Whether she will leave at the end is the officer's call.
        Officer = new OfficerFacts
        {
            DocumentsRequested = OfficerDocumentsRequest.None,
            PoliceCertificateRequested = false,
            MedicalExamRequested = false,
        },
    };
}
