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
        // RD-02 conditions are met (POE-01, POE-02). From the 29th a Mexican citizen on a Mexican passport, neither a US
        // citizen nor a US permanent resident, relies on the conditional eTA and is excluded (POE-EXC-02, AMB-05 revised).
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
    // A Brazilian citizen (RD-02) on a Brazilian passport, neither a US citizen nor a US permanent resident: excluded.
    [InlineData("BR", "BR", false, Tri.Yes)]
    // A US citizen is not excluded, whichever passport they carry; with the citizenships not given, a US passport shows
    // US citizenship and a Brazilian one leaves it unknown (LIB-06).
    [InlineData("BR,US", "BR", false, Tri.No)]
    [InlineData("BR,US", "US", false, Tri.No)]
    [InlineData(null, "US", false, Tri.No)]
    [InlineData(null, "BR", false, Tri.Unknown)]
    // A US permanent resident is not excluded; while that is unknown, neither is the exclusion.
    [InlineData("BR", "BR", true, Tri.No)]
    [InlineData("BR", "BR", null, Tri.Unknown)]
    // A dual national on the visa-exempt passport is not excluded, on the listed one they are.
    [InlineData("BR,FR", "FR", false, Tri.No)]
    [InlineData("BR,FR", "BR", false, Tri.Yes)]
    // Without the passport country it is one of the citizenships (LIB-05): settled only when they agree.
    [InlineData("BR,FR", null, false, Tri.Unknown)]
    [InlineData("BR,MX", null, false, Tri.Yes)]
    [InlineData("BR", null, false, Tri.Yes)]
    // Not a citizen of a listed country at all.
    [InlineData("FR", "FR", null, Tri.No)]
    public void Determine_ConditionalEtaCitizen_ExcludedOnlyWhenRelyingOnTheConditionalEta(string? citizenships, string? passport, bool? usPermanentResident, Tri excluded)
    {
        // POE-EXC-02 (AMB-05, revised): a listed citizen who is neither a US citizen nor a US permanent resident and does
        // not travel on a visa-exempt passport (RD-01 and not RD-02). Arrival 2025-06-02: BR and MX on RD-02, FR on RD-01.
        var profile = Traveller with
        {
            Person = new PersonFacts { Citizenships = citizenships?.Split(','), PassportCountry = passport, UsLawfulPermanentResident = usPermanentResident },
        };

        var result = Baseline.Determine(profile);

        Assert.Equal(excluded, Exclusion(result, PortOfEntryExclusions.ConditionalEtaCitizen));
    }

    [Fact]
    public void Determine_ConditionalEtaCitizenUsPermanentResidentFlyingIn_MayApplyAtThePortOfEntry()
    {
        // The traveller AMB-05 names: a US permanent resident is a visa-exempt traveller (POE-01) and, flying, needs an
        // eTA (POE-02); the Brazilian citizenship no longer bars them.
        var profile = Traveller with { Person = new PersonFacts { Citizenships = ["BR"], PassportCountry = "BR", UsLawfulPermanentResident = true } };

        var result = Baseline.Determine(profile);

        Assert.Equal(PortOfEntryExclusions.None, result.Exclusions);
        Assert.Equal(PortOfEntryExclusions.None, result.PossibleExclusions);
        Assert.Equal(Tri.Yes, result.Outcome);
        Assert.Equal(PermitRoute.SameDayPoeApplication, result.Route);
    }

    [Theory]
    [InlineData("2024-12-31", Tri.No)]
    [InlineData("2025-01-01", Tri.Yes)]
    public void Determine_VisaExemptPassportAlsoOnRd02_NoLongerSparesTheListedCitizen(string arrival, Tri excluded)
    {
        // A host adds FR to RD-02 from 2025-01-01 while it stays on RD-01: from then a French passport is no longer a
        // visa-exempt passport in POE-EXC-02's sense (RD-01 and not RD-02), so a French citizen relying on it is excluded.
        var referenceData = WorkPermitEvaluator.Create(options => options.ReferenceData
            .Add("RD-02", new ReferenceEntry { Code = "FR", From = new DateOnly(2025, 1, 1), Source = "test: a country on both lists" })).ReferenceData;
        var baseline = new PortOfEntryBaseline(referenceData, Oracle.Clock);
        var profile = Traveller with { Travel = Traveller.Travel! with { ArrivalDate = DateOnly.Parse(arrival, System.Globalization.CultureInfo.InvariantCulture) } };

        Assert.Equal(excluded, Exclusion(baseline.Determine(profile), PortOfEntryExclusions.ConditionalEtaCitizen));
    }

    [Theory]
    [InlineData("2024-12-23", FlagpoleExemption.None, false, false)]
    [InlineData("2024-12-24", FlagpoleExemption.None, false, true)]
    [InlineData("2025-03-01", FlagpoleExemption.FtaProfessionalOrTechnician, false, false)]
    [InlineData("2025-03-01", FlagpoleExemption.None, true, false)]
    public void Determine_FlagpolingAroundTheCutOff_ExcludedFromDecember242024UnlessExempt(string arrival, FlagpoleExemption exemption, bool usPermanentResident, bool excluded)
    {
        // POE-EXC-06 from the first arrival after flagpoling ended on 2024-12-23 at 11:59 pm ET (LIB-03); POE-EXC-06X
        // exempts RD-05 categories and any US citizen or permanent resident (LIB-04). A worker holding a permit has an
        // inside-Canada basis (INS-01), so once excluded they apply from inside Canada.
        var profile = Traveller with
        {
            StatusInCanada = new StatusInCanadaFacts { Location = Location.InCanada, HoldsValidWorkPermit = true },
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
    [InlineData("IN", "2017-04-30", false)]
    [InlineData("IN", "2017-05-01", true)]
    // A visa-exempt passport (RD-01, not RD-02) spares a listed citizen, so whatever the citizenships it is not possible.
    [InlineData("CL", "2017-04-30", false)]
    [InlineData("CL", "2017-05-01", false)]
    public void Determine_CitizenshipsUnknown_ConditionalEtaExclusionPossibleOnlyOnceRd02HasAMember(string passport, string date, bool possible)
    {
        // RD-02 has no member before Brazil joined (2017-05-01): no citizenship can then be on it. From then, someone on an
        // Indian passport may hold a listed citizenship and, US permanent residence unknown, may rely on the conditional eTA.
        var profile = new WorkPermitProfile
        {
            EvaluationDate = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
            Application = new ApplicationFacts { Channel = ApplicationChannel.PortOfEntry },
            Person = new PersonFacts { PassportCountry = passport },
        };

        var result = Baseline.Determine(profile);

        Assert.Equal(PortOfEntryExclusions.None, result.Exclusions & PortOfEntryExclusions.ConditionalEtaCitizen);
        Assert.Equal(possible, (result.PossibleExclusions & PortOfEntryExclusions.ConditionalEtaCitizen) != 0);
    }

    [Theory]
    [InlineData(Tri.Yes)]
    [InlineData(Tri.No)]
    [InlineData(Tri.Unknown)]
    public void Determine_OutsideCanadaOnline_NoPortOfEntrySectionAndLetterOfIntroductionWhateverInsideCanadaSays(Tri insideCanada)
    {
        var profile = InCanada(insideCanada) with
        {
            Application = Traveller.Application! with { Channel = ApplicationChannel.OutsideCanadaOnline, Program = WorkPermitProgram.Sawp },
        };

        var result = Baseline.Determine(profile);

        Assert.Equal(Tri.No, result.Applies);
        Assert.Equal(PermitRoute.ApplyOnlineThenIssueAtPoeWithLoi, result.Route);
    }

    [Theory]
    [InlineData(Tri.Yes, PermitRoute.ApplyOnlineFromInsideCanada)]
    [InlineData(Tri.No, PermitRoute.ApplyOnlineThenIssueAtPoeWithLoi)]
    [InlineData(Tri.Unknown, null)]
    public void Determine_InsideCanadaOnline_RouteFollowsIns10(Tri insideCanada, PermitRoute? route)
    {
        // POE-07: applying from inside Canada is a route only with an inside-Canada basis; without one the person applies
        // from outside and the permit is issued at a port of entry; while INS-10 is unknown the route is not settled.
        var profile = InCanada(insideCanada) with
        {
            Application = Traveller.Application! with { Channel = ApplicationChannel.InsideCanadaOnline, Program = WorkPermitProgram.Sawp },
        };

        var result = Baseline.Determine(profile);

        Assert.Equal(insideCanada, Baseline.InsideCanada(profile));
        Assert.Equal(Tri.No, result.Applies);
        Assert.Equal(route, result.Route);
    }

    [Theory]
    [InlineData(Tri.Yes, PermitRoute.ApplyOnlineFromInsideCanada)]
    [InlineData(Tri.No, PermitRoute.ApplyOnlineThenIssueAtPoeWithLoi)]
    [InlineData(Tri.Unknown, null)]
    public void Determine_InCanadaAndExcludedAtThePortOfEntry_RouteFollowsIns10(Tri insideCanada, PermitRoute? route)
    {
        // Flagpoling after it ended (POE-EXC-06): not eligible at the port of entry, so the route depends on INS-10.
        var profile = InCanada(insideCanada) with
        {
            Travel = Traveller.Travel! with { Mode = TravelMode.Land, TripType = TripType.ReturningFromUs, TripPurposeImmigrationServicesOnReturn = true },
        };

        var result = Baseline.Determine(profile);

        Assert.Equal(PortOfEntryExclusions.Flagpoling, result.Exclusions);
        Assert.Equal(Tri.No, result.Outcome);
        Assert.Equal(route, result.Route);
    }

    [Theory]
    [InlineData(Tri.Yes)]
    [InlineData(Tri.No)]
    [InlineData(Tri.Unknown)]
    public void Determine_InCanadaAndEligibleAtThePortOfEntry_SameDayWhateverInsideCanadaSays(Tri insideCanada)
    {
        // Returning from abroad (not flagpoling): eligible the same day, and INS-10 does not enter the route.
        var profile = InCanada(insideCanada) with { Travel = Traveller.Travel! with { TripType = TripType.ArrivingFromAbroad } };

        var result = Baseline.Determine(profile);

        Assert.Equal(Tri.Yes, result.Outcome);
        Assert.Equal(PermitRoute.SameDayPoeApplication, result.Route);
    }

    [Theory]
    // INS-01 and INS-02: the person's or a family member's permit.
    [InlineData("holdsValidStudyPermit", Tri.Yes)]
    [InlineData("parentHoldsValidStudyOrWorkPermit", Tri.Yes)]
    // INS-03: PGWP-eligible with the study permit valid on the submission date (2025-06-02), not the day before.
    [InlineData("pgwp expiry 2025-06-02", Tri.Yes)]
    [InlineData("pgwp expiry 2025-06-01", Tri.No)]
    [InlineData("pgwp no expiry", Tri.Unknown)]
    // INS-04: a TRP valid six calendar months after submission qualifies, a day less does not.
    [InlineData("trp 2025-12-02", Tri.Yes)]
    [InlineData("trp 2025-12-01", Tri.No)]
    [InlineData("trp holder without expiry", Tri.Unknown)]
    // INS-06: the status refugee_claimant shows a claim (LIB-11).
    [InlineData("refugee claimant status", Tri.Yes)]
    // INS-08: a business visitor has no basis; another exemption with a different job has one.
    [InlineData("other exemption, different job", Tri.Yes)]
    [InlineData("business visitor, different job", Tri.No)]
    // INS-09: a CUSMA professional.
    [InlineData("cusma professional", Tri.Yes)]
    // INS-13: an employer-specific application by a visitor in status, submitted 2024-08-27 but not 2024-08-28 (AMB-03).
    [InlineData("visitor policy 2024-08-27", Tri.Yes)]
    [InlineData("visitor policy 2024-08-28", Tri.No)]
    [InlineData("visitor policy 2020-08-24", Tri.Yes)]
    [InlineData("visitor policy 2020-08-23", Tri.No)]
    public void InsideCanada_OneBasisChanged_Ins10AsTheCatalogueReadsIt(string change, Tri expected)
    {
        var none = InCanada(Tri.No);
        var status = none.StatusInCanada!;
        var submitted = new DateOnly(2025, 6, 2);
        var application = none.Application! with { SubmittedDate = submitted };
        var profile = change switch
        {
            "holdsValidStudyPermit" => none with { StatusInCanada = status with { HoldsValidStudyPermit = true } },
            "parentHoldsValidStudyOrWorkPermit" => none with { Family = none.Family! with { ParentHoldsValidStudyOrWorkPermit = true } },
            "pgwp expiry 2025-06-02" => none with { Application = application, StatusInCanada = status with { PgwpEligible = true, HoldsValidStudyPermit = null, StudyPermitExpiryDate = submitted } },
            "pgwp expiry 2025-06-01" => none with { Application = application, StatusInCanada = status with { PgwpEligible = true, StudyPermitExpiryDate = submitted.AddDays(-1) } },
            "pgwp no expiry" => none with { StatusInCanada = status with { PgwpEligible = true, HoldsValidStudyPermit = null } },
            "trp 2025-12-02" => none with { Application = application, StatusInCanada = status with { Status = TemporaryStatus.TrpHolder, TrpExpiryDate = new DateOnly(2025, 12, 2) } },
            "trp 2025-12-01" => none with { Application = application, StatusInCanada = status with { Status = TemporaryStatus.TrpHolder, TrpExpiryDate = new DateOnly(2025, 12, 1) } },
            "trp holder without expiry" => none with { StatusInCanada = status with { Status = TemporaryStatus.TrpHolder } },
            "refugee claimant status" => none with { StatusInCanada = status with { Status = TemporaryStatus.RefugeeClaimant, RefugeeClaimMade = null } },
            "other exemption, different job" => none with { StatusInCanada = status with { WorkPermitExemption = WorkPermitExemption.OtherExemption, NeedsPermitForDifferentJob = true } },
            "business visitor, different job" => none with { StatusInCanada = status with { WorkPermitExemption = WorkPermitExemption.BusinessVisitor, NeedsPermitForDifferentJob = true } },
            "cusma professional" => none with { StatusInCanada = status with { CusmaCategory = CusmaCategory.Professional } },
            _ when change.StartsWith("visitor policy ", StringComparison.Ordinal) => none with
            {
                Application = none.Application! with
                {
                    SubmittedDate = DateOnly.Parse(change["visitor policy ".Length..], System.Globalization.CultureInfo.InvariantCulture),
                    PermitType = PermitType.EmployerSpecificLmiaRequired,
                },
                VisitorPolicy = new VisitorPolicyFacts { VisitorStatusValidAtApplication = true },
            },
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, "No such change."),
        };

        Assert.Equal(expected, Baseline.InsideCanada(profile));
    }

    [Theory]
    [InlineData("2024-08-27", Tri.Yes)]
    [InlineData("2024-08-28", Tri.No)]
    public void InsideCanada_NoSubmissionOrEvaluationDate_ReadAsOfToday(string today, Tri expected)
    {
        // The submission date falls back to the evaluation date, then to today: here the visitor policy (INS-13) is the
        // only possible basis, open on the 27th and closed on the 28th.
        var none = InCanada(Tri.No);
        var profile = none with
        {
            EvaluationDate = null,
            Application = none.Application! with { PermitType = PermitType.EmployerSpecificLmiaExempt, Channel = ApplicationChannel.InsideCanadaOnline },
            VisitorPolicy = new VisitorPolicyFacts { VisitorStatusValidAtApplication = true },
        };

        var route = Baseline.Determine(profile, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)).Route;

        Assert.Equal(expected == Tri.Yes ? PermitRoute.ApplyOnlineFromInsideCanada : PermitRoute.ApplyOnlineThenIssueAtPoeWithLoi, route);
    }

    [Fact]
    public void InsideCanada_ClockBeyondTheDatesTheRulesReasonAbout_ClampedNotThrown()
    {
        // LIB-29: a clock at the end of the calendar stands in as 2199-12-31, so INS-04's six months still fit.
        var baseline = new PortOfEntryBaseline(ReferenceDataSet.Default, new FixedTimeProvider(DateTimeOffset.MaxValue));
        var none = InCanada(Tri.No);
        var profile = none with
        {
            EvaluationDate = null,
            StatusInCanada = none.StatusInCanada! with { Status = TemporaryStatus.TrpHolder, TrpExpiryDate = new DateOnly(2199, 12, 31) },
        };

        Assert.Equal(Tri.No, baseline.InsideCanada(profile));
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

    /// <summary>Whether an exclusion applies (yes), may apply (unknown) or does not (no).</summary>
    private static Tri Exclusion(PortOfEntryDetermination result, PortOfEntryExclusions exclusion) =>
        (result.Exclusions & exclusion) != 0 ? Tri.Yes : (result.PossibleExclusions & exclusion) != 0 ? Tri.Unknown : Tri.No;

    /// <summary>The traveller, back in Canada before the trip, with an inside-Canada outcome (INS-10) of the given value:
    /// a valid work permit for yes; for no, a visitor who has none of the bases, applying after the visitor policy closed;
    /// for unknown, the same visitor whose spouse's permit is not stated.</summary>
    private static WorkPermitProfile InCanada(Tri insideCanada)
    {
        var none = Traveller with
        {
            StatusInCanada = new StatusInCanadaFacts
            {
                Location = Location.InCanada,
                Status = TemporaryStatus.Visitor,
                HoldsValidStudyPermit = false,
                HoldsValidWorkPermit = false,
                PgwpEligible = false,
                InlandPrApplicationPending = false,
                RefugeeClaimMade = false,
                ConventionRefugeeOrProtectedPerson = false,
                WorkPermitExemption = WorkPermitExemption.None,
                CusmaCategory = CusmaCategory.None,
            },
            Family = new FamilyFacts { SpouseOrPartnerHoldsValidStudyOrWorkPermit = false, ParentHoldsValidStudyOrWorkPermit = false },
        };

        return insideCanada switch
        {
            Tri.Yes => none with { StatusInCanada = none.StatusInCanada! with { Status = TemporaryStatus.Worker, HoldsValidWorkPermit = true } },
            Tri.No => none,
            _ => none with { Family = none.Family! with { SpouseOrPartnerHoldsValidStudyOrWorkPermit = null } },
        };
    }
}
