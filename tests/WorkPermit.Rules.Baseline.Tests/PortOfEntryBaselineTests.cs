using WorkPermit.Rules.Baseline.Tests.Support;

namespace WorkPermit.Rules.Baseline.Tests;

/// <summary>
/// Hand-written profiles at the catalogue's boundaries, each asserting the baseline's answer as the catalogue text gives it
/// (rules.md, reference-data.md, docs/interpretations.md), independently of the engine.
/// </summary>
public sealed class PortOfEntryBaselineTests
{
    private static readonly PortOfEntryBaseline Baseline = new(ReferenceDataSet.Default, Oracle.Clock);

    // A French traveller flying in from abroad for an LMIA-exempt job whose employer has done everything: eligible.
    private static readonly WorkPermitProfile Traveller = new()
    {
        EvaluationDate = new DateOnly(2025, 6, 2),
        Application = new ApplicationFacts
        {
            Channel = ApplicationChannel.PortOfEntry,
            PermitType = PermitType.EmployerSpecificLmiaExempt,
            Program = WorkPermitProgram.OtherImp,
        },
        StatusInCanada = new StatusInCanadaFacts { Location = Location.OutsideCanada },
        Travel = new TravelFacts
        {
            Mode = TravelMode.Air,
            ArrivalDate = new DateOnly(2025, 6, 2),
            TripType = TripType.ArrivingFromAbroad,
            TripPurposeImmigrationServicesOnReturn = false,
            FlagpoleExemption = FlagpoleExemption.None,
            HeldCanadianVisaPast10Years = false,
            ValidUsNonImmigrantVisa = false,
        },
        Person = new PersonFacts { Citizenships = ["FR"], PassportCountry = "FR", UsLawfulPermanentResident = false },
        Job = new JobFacts { EmployerCompletedRequiredSteps = true, OfferOfEmploymentNumberAvailable = true, EmployerComplianceFeePaid = true },
    };

    [Fact]
    public void Determine_VisaExemptTravellerByAirWithEmployerStepsDone_SameDayApplication()
    {
        var result = Baseline.Determine(Traveller);

        Assert.Equal(Tri.Yes, result.Applies);
        Assert.Equal(Tri.Yes, result.VisaExempt);
        Assert.Equal(Tri.Yes, result.Eta);
        Assert.Equal(Tri.Yes, result.TypeRequirements);
        Assert.Equal(EtaEligibility.Eligible, result.EtaEligibility);
        Assert.Equal(PortOfEntryExclusions.None, result.Exclusions);
        Assert.Equal(PortOfEntryExclusions.None, result.PossibleExclusions);
        Assert.Equal(Tri.Yes, result.Outcome);
        Assert.Equal(PermitRoute.SameDayPoeApplication, result.Route);
    }

    [Theory]
    [InlineData("2024-06-20", false)]
    [InlineData("2024-06-21", true)]
    public void Determine_PgwpArrivalAroundJune212024_ExcludedFromThatDay(string arrival, bool excluded)
    {
        // POE-EXC-05: "As of June 21, 2024, you can no longer apply for a PGWP at a port of entry" (inclusive).
        var profile = Traveller with
        {
            Application = Traveller.Application! with { PermitType = PermitType.Open, Program = WorkPermitProgram.Pgwp, OpenPermitCategoryEligible = true },
            Travel = Traveller.Travel! with { ArrivalDate = DateOnly.Parse(arrival, System.Globalization.CultureInfo.InvariantCulture) },
        };

        var result = Baseline.Determine(profile);

        Assert.Equal(excluded ? PortOfEntryExclusions.PostGraduationWorkPermit : PortOfEntryExclusions.None, result.Exclusions);
        Assert.Equal(excluded ? Tri.No : Tri.Yes, result.Outcome);
        Assert.Equal(excluded ? PermitRoute.ApplyOnlineThenIssueAtPoeWithLoi : PermitRoute.SameDayPoeApplication, result.Route);
    }

    [Theory]
    [InlineData("2024-02-28", TravelMode.Air, Tri.Yes, EtaEligibility.Eligible, PortOfEntryExclusions.None)]
    [InlineData("2024-02-28", TravelMode.Land, Tri.Yes, EtaEligibility.NotRequired, PortOfEntryExclusions.None)]
    [InlineData("2024-02-29", TravelMode.Air, Tri.Yes, EtaEligibility.Eligible, PortOfEntryExclusions.ConditionalEtaCitizen)]
    [InlineData("2024-02-29", TravelMode.Land, Tri.No, EtaEligibility.NotEligible, PortOfEntryExclusions.ConditionalEtaCitizen | PortOfEntryExclusions.NeedsVisitorVisa)]
    public void Determine_MexicanAroundFebruary292024_VisaExemptThenConditionalEta(string arrival, TravelMode mode, Tri visaExempt, EtaEligibility eta, PortOfEntryExclusions exclusions)
    {
        // RD-01 until 2024-02-28, RD-02 from 2024-02-29 (LIB-07); held a Canadian visa in the last 10 years, so by air the
        // RD-02 conditions are met (POE-01, POE-02), but any RD-02 citizenship excludes (POE-EXC-02).
        var profile = Traveller with
        {
            Person = new PersonFacts { Citizenships = ["MX"], PassportCountry = "MX", UsLawfulPermanentResident = false },
            Travel = Traveller.Travel! with { ArrivalDate = DateOnly.Parse(arrival, System.Globalization.CultureInfo.InvariantCulture), Mode = mode, HeldCanadianVisaPast10Years = true },
        };

        var result = Baseline.Determine(profile);

        Assert.Equal(visaExempt, result.VisaExempt);
        Assert.Equal(eta, result.EtaEligibility);
        Assert.Equal(exclusions, result.Exclusions);
        Assert.Equal(exclusions == PortOfEntryExclusions.None ? Tri.Yes : Tri.No, result.Outcome);
    }

    [Theory]
    [InlineData("2024-12-23", FlagpoleExemption.None, false, false)]
    [InlineData("2024-12-24", FlagpoleExemption.None, false, true)]
    [InlineData("2025-03-01", FlagpoleExemption.FtaProfessionalOrTechnician, false, false)]
    [InlineData("2025-03-01", FlagpoleExemption.None, true, false)]
    public void Determine_FlagpolingAroundTheCutOff_ExcludedFromDecember242024UnlessExempt(string arrival, FlagpoleExemption exemption, bool usPermanentResident, bool excluded)
    {
        // POE-EXC-06 from the first arrival after flagpoling ended on 2024-12-23 at 11:59 pm ET (LIB-03); POE-EXC-06X
        // exempts RD-05 categories and any US citizen or permanent resident (LIB-04).
        var profile = Traveller with
        {
            StatusInCanada = new StatusInCanadaFacts { Location = Location.InCanada },
            Person = Traveller.Person! with { UsLawfulPermanentResident = usPermanentResident },
            Travel = Traveller.Travel! with
            {
                ArrivalDate = DateOnly.Parse(arrival, System.Globalization.CultureInfo.InvariantCulture),
                Mode = TravelMode.Land,
                TripType = TripType.ReturningFromUs,
                TripPurposeImmigrationServicesOnReturn = true,
                FlagpoleExemption = exemption,
            },
        };

        var result = Baseline.Determine(profile);

        Assert.Equal(excluded ? PortOfEntryExclusions.Flagpoling : PortOfEntryExclusions.None, result.Exclusions);
        Assert.Equal(excluded ? PermitRoute.ApplyOnlineFromInsideCanada : PermitRoute.SameDayPoeApplication, result.Route);
    }

    [Fact]
    public void Determine_FlagpolingExemptionUnknown_FlagpolingPossible()
    {
        var profile = Traveller with
        {
            StatusInCanada = new StatusInCanadaFacts { Location = Location.InCanada },
            Travel = Traveller.Travel! with { TripType = TripType.ReturningFromSpm, TripPurposeImmigrationServicesOnReturn = true, FlagpoleExemption = null },
        };

        var result = Baseline.Determine(profile);

        Assert.Equal(PortOfEntryExclusions.Flagpoling, result.PossibleExclusions);
        Assert.Equal(Tri.Unknown, result.Outcome);
        Assert.Null(result.Route);
    }

    [Theory]
    [InlineData(TravelMode.Land, EtaEligibility.NotRequired)]
    [InlineData(TravelMode.Sea, EtaEligibility.NotRequired)]
    [InlineData(TravelMode.Air, EtaEligibility.Eligible)]
    public void Determine_UsPermanentResidentOnAVisaRequiredPassport_VisaExemptAndEtaOnlyByAir(TravelMode mode, EtaEligibility eta)
    {
        // POE-01 names US lawful permanent residents; POE-02: by land or sea no eTA, by air an eTA.
        var profile = Traveller with
        {
            Person = new PersonFacts { Citizenships = ["IN"], PassportCountry = "IN", UsLawfulPermanentResident = true },
            Travel = Traveller.Travel! with { Mode = mode },
        };

        var result = Baseline.Determine(profile);

        Assert.Equal(Tri.Yes, result.VisaExempt);
        Assert.Equal(eta, result.EtaEligibility);
        Assert.Equal(Tri.Yes, result.Outcome);
    }

    [Fact]
    public void Determine_VisaRequiredPassportWithoutUsResidence_NeedsVisitorVisa()
    {
        var profile = Traveller with { Person = new PersonFacts { Citizenships = ["IN"], PassportCountry = "IN", UsLawfulPermanentResident = false } };

        var result = Baseline.Determine(profile);

        Assert.Equal(Tri.No, result.VisaExempt);
        Assert.Equal(Tri.No, result.Eta);
        Assert.Equal(EtaEligibility.NotEligible, result.EtaEligibility);
        Assert.Equal(PortOfEntryExclusions.NeedsVisitorVisa, result.Exclusions);
        Assert.Equal(PermitRoute.ApplyOnlineThenIssueAtPoeWithLoi, result.Route);
    }

    [Fact]
    public void Determine_UsPassportByAir_NoEtaRequired()
    {
        var profile = Traveller with { Person = new PersonFacts { Citizenships = ["US"], PassportCountry = "US", UsLawfulPermanentResident = false } };

        var result = Baseline.Determine(profile);

        Assert.Equal(Tri.Yes, result.VisaExempt);
        Assert.Equal(EtaEligibility.NotRequired, result.EtaEligibility);
    }

    [Theory]
    [InlineData("FR", "FR", false, true)]
    [InlineData("FR", "FR", true, false)]
    [InlineData("US", "US", false, false)]
    // A US passport but citizenships given without the US: the citizenships are the catalogue's test ('US' IN
    // citizenships) and the explicit answer wins (LIB-25); found by the oracle, the library was fixed.
    [InlineData("FR", "US", false, true)]
    public void Determine_IecApplicant_ExcludedUnlessUsCitizenOrPermanentResident(string citizenship, string passport, bool usPermanentResident, bool excluded)
    {
        var profile = Traveller with
        {
            Application = Traveller.Application! with { PermitType = PermitType.Open, Program = WorkPermitProgram.Iec, OpenPermitCategoryEligible = true },
            Person = new PersonFacts { Citizenships = [citizenship], PassportCountry = passport, UsLawfulPermanentResident = usPermanentResident },
        };

        var result = Baseline.Determine(profile);

        Assert.Equal(excluded ? PortOfEntryExclusions.IecNotUsCitizenOrResident : PortOfEntryExclusions.None, result.Exclusions);
    }

    [Fact]
    public void Determine_SeasonalAgriculturalWorker_Excluded()
    {
        var profile = Traveller with { Application = Traveller.Application! with { PermitType = PermitType.EmployerSpecificLmiaRequired, Program = WorkPermitProgram.Sawp } };

        var result = Baseline.Determine(profile);

        Assert.Equal(PortOfEntryExclusions.SeasonalAgriculturalWorker, result.Exclusions);
        Assert.Equal(Tri.No, result.Outcome);
    }

    [Theory]
    [InlineData(PermitType.EmployerSpecificLmiaRequired, LmiaStatus.Pending, true, Tri.No)]
    [InlineData(PermitType.EmployerSpecificLmiaRequired, LmiaStatus.PositiveIssued, false, Tri.Yes)]
    [InlineData(PermitType.EmployerSpecificLmiaExempt, LmiaStatus.NotApplicable, false, Tri.No)]
    [InlineData(PermitType.EmployerSpecificLmiaExempt, LmiaStatus.NotApplicable, true, Tri.Yes)]
    public void Determine_EmployerSpecificPermit_Lmia06AndLmia05DecideTypeRequirements(PermitType permit, LmiaStatus lmia, bool feePaid, Tri expected)
    {
        // POE-ES-01: employer steps AND LMIA-06 (positive LMIA / offer of employment number) AND, when LMIA-exempt, LMIA-05.
        var profile = Traveller with
        {
            Application = Traveller.Application! with { PermitType = permit },
            Job = Traveller.Job! with { LmiaStatus = lmia, EmployerComplianceFeePaid = feePaid },
        };

        Assert.Equal(expected, Baseline.Determine(profile).TypeRequirements);
    }

    [Fact]
    public void Determine_PermitTypeUnknownAndEveryTypeMet_TypeRequirementsMet()
    {
        // POE-03 chooses POE-ES-01 or OWP-01 by the permit type; with the type unknown it is settled when every case agrees.
        var profile = Traveller with
        {
            Application = Traveller.Application! with { PermitType = null, OpenPermitCategoryEligible = true },
            Job = Traveller.Job! with { LmiaStatus = LmiaStatus.PositiveIssued },
        };

        Assert.Equal(Tri.Yes, Baseline.Determine(profile).TypeRequirements);
    }

    [Fact]
    public void Determine_PermitTypeUnknownAndEachTypeFailsOnItsOwnCondition_TypeRequirementsUnknown()
    {
        // Each rule that branches on the type is decided on its own, then combined as the catalogue composes them: LMIA-06
        // (LMIA not positive, offer number unknown) and LMIA-05 (fee not paid) are each unknown without the type, so
        // POE-ES-01 is unknown and POE-03 stays unknown although no permit type would meet it (the library's reading,
        // found as a disagreement by the oracle and kept).
        var profile = new WorkPermitProfile
        {
            EvaluationDate = new DateOnly(2020, 7, 2),
            Application = new ApplicationFacts { Channel = ApplicationChannel.PortOfEntry, OpenPermitCategoryEligible = false },
            Job = new JobFacts { LmiaStatus = LmiaStatus.NotApplicable, EmployerComplianceFeePaid = false },
        };

        Assert.Equal(Tri.Unknown, Baseline.Determine(profile).TypeRequirements);
    }

    [Fact]
    public void Determine_PassportUnknownAndEveryCitizenshipVisaExempt_SettledWithoutThePassport()
    {
        // LIB-05: the passport is one of the citizenships; both are visa-exempt, by land no eTA.
        var profile = Traveller with
        {
            Person = new PersonFacts { Citizenships = ["FR", "DE"], UsLawfulPermanentResident = false },
            Travel = Traveller.Travel! with { Mode = TravelMode.Land },
        };

        var result = Baseline.Determine(profile);

        Assert.Equal(Tri.Yes, result.VisaExempt);
        Assert.Equal(EtaEligibility.NotRequired, result.EtaEligibility);
        Assert.Equal(Tri.Yes, result.Outcome);
    }

    [Fact]
    public void Determine_UsPermanentResidentByLandWithNoPassportOrCitizenship_VisaExemptWithoutEta()
    {
        // LIB-27: whatever passport they carry, a US permanent resident arriving by land is visa-exempt and needs no eTA.
        var profile = new WorkPermitProfile
        {
            EvaluationDate = new DateOnly(2025, 4, 29),
            Application = new ApplicationFacts { Channel = ApplicationChannel.PortOfEntry },
            Person = new PersonFacts { UsLawfulPermanentResident = true },
            Travel = new TravelFacts { Mode = TravelMode.Land },
        };

        var result = Baseline.Determine(profile);

        Assert.Equal(Tri.Yes, result.VisaExempt);
        Assert.Equal(Tri.Yes, result.Eta);
        Assert.Equal(EtaEligibility.NotRequired, result.EtaEligibility);
        Assert.Equal(PortOfEntryExclusions.None, result.Exclusions & PortOfEntryExclusions.NeedsVisitorVisa);
        Assert.Equal(PortOfEntryExclusions.None, result.PossibleExclusions & PortOfEntryExclusions.NeedsVisitorVisa);
    }

    [Theory]
    [InlineData("2017-04-30", false)]
    [InlineData("2017-05-01", true)]
    public void Determine_CitizenshipsUnknown_ConditionalEtaExclusionPossibleOnlyOnceRd02HasAMember(string date, bool possible)
    {
        // RD-02 has no member before Brazil joined (2017-05-01): no citizenship can then be on it.
        var profile = new WorkPermitProfile
        {
            EvaluationDate = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
            Application = new ApplicationFacts { Channel = ApplicationChannel.PortOfEntry },
            Person = new PersonFacts { PassportCountry = "CL" },
        };

        var result = Baseline.Determine(profile);

        Assert.Equal(PortOfEntryExclusions.None, result.Exclusions & PortOfEntryExclusions.ConditionalEtaCitizen);
        Assert.Equal(possible, (result.PossibleExclusions & PortOfEntryExclusions.ConditionalEtaCitizen) != 0);
    }

    [Theory]
    [InlineData(ApplicationChannel.OutsideCanadaOnline, PermitRoute.ApplyOnlineThenIssueAtPoeWithLoi)]
    [InlineData(ApplicationChannel.InsideCanadaOnline, PermitRoute.ApplyOnlineFromInsideCanada)]
    public void Determine_OnlineChannel_NoPortOfEntrySectionAndRouteFromTheChannel(ApplicationChannel channel, PermitRoute route)
    {
        var profile = Traveller with { Application = Traveller.Application! with { Channel = channel, Program = WorkPermitProgram.Sawp } };

        var result = Baseline.Determine(profile);

        Assert.Equal(Tri.No, result.Applies);
        Assert.Equal(route, result.Route);
    }

    [Fact]
    public void Determine_ChannelUnknown_OutcomeUnknownButExclusionsShown()
    {
        // LIB-01: the section stays, unsettled, while the channel is unknown; POE-EXC-04 has no channel condition.
        var profile = Traveller with { Application = Traveller.Application! with { Channel = null, Program = WorkPermitProgram.Sawp } };

        var result = Baseline.Determine(profile);

        Assert.Equal(Tri.Unknown, result.Applies);
        Assert.Equal(Tri.Unknown, result.Outcome);
        Assert.Equal(Tri.Unknown, result.VisaExempt);
        Assert.Equal(EtaEligibility.Unknown, result.EtaEligibility);
        Assert.Equal(PortOfEntryExclusions.SeasonalAgriculturalWorker, result.Exclusions);
        Assert.Null(result.Route);
    }

    [Fact]
    public void Determine_NotEligibleAndLocationUnknown_NoRoute()
    {
        var profile = Traveller with
        {
            StatusInCanada = null,
            Application = Traveller.Application! with { Program = WorkPermitProgram.Sawp },
        };

        var result = Baseline.Determine(profile);

        Assert.Equal(Tri.No, result.Outcome);
        Assert.Null(result.Route);
    }

    [Fact]
    public void Determine_NoDates_ReadsAsOfTodayFromTheClock()
    {
        // Arrival falls back to the evaluation date, then to today (2025-11-21 on the test clock): PGWP is excluded.
        var profile = new WorkPermitProfile
        {
            Application = new ApplicationFacts { Channel = ApplicationChannel.PortOfEntry, Program = WorkPermitProgram.Pgwp },
        };

        Assert.Equal(PortOfEntryExclusions.PostGraduationWorkPermit, Baseline.Determine(profile).Exclusions & PortOfEntryExclusions.PostGraduationWorkPermit);
        Assert.Equal(PortOfEntryExclusions.None, Baseline.Determine(profile, new DateOnly(2024, 6, 20)).Exclusions & PortOfEntryExclusions.PostGraduationWorkPermit);
    }

    [Fact]
    public void Determine_StaticEntryPoint_SameAsAnInstance()
    {
        Assert.Equal(Baseline.Determine(Traveller), PortOfEntryBaseline.Determine(Traveller, ReferenceDataSet.Default));
    }

    [Fact]
    public void RuleIds_EveryExclusion_InCatalogueOrder()
    {
        var all = (PortOfEntryExclusions)0b111111;

        Assert.Equal(["POE-EXC-01", "POE-EXC-02", "POE-EXC-03", "POE-EXC-04", "POE-EXC-05", "POE-EXC-06"], PortOfEntryDetermination.RuleIds(all));
        Assert.Equal(PortOfEntryExclusions.Flagpoling, PortOfEntryDetermination.Flag("POE-EXC-06"));
        Assert.Throws<ArgumentException>(() => PortOfEntryDetermination.Flag("POE-EXC-06X"));
    }
}
