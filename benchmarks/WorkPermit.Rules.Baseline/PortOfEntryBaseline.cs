using System.Runtime.CompilerServices;
using static WorkPermit.Rules.Baseline.Three;

namespace WorkPermit.Rules.Baseline;

/// <summary>
/// The port-of-entry determination written directly in C# from the catalogue (rules.md POE-01 to POE-07 with POE-ES-01,
/// LMIA-05, LMIA-06, OWP-01, POE-EXC-01 to POE-EXC-06X, and for the route of someone in Canada the inside-Canada outcome
/// INS-10 over INS-01 to INS-09 and INS-13), the reference lists and the library's readings (docs/interpretations.md),
/// without the rule engine or the rule classes. It is the floor the engine's evaluation is benchmarked against, and an
/// independent oracle for the rule set.
/// </summary>
/// <remarks>
/// <para>Three-valued and open-world: a missing fact is unknown, never false; AND and OR follow the catalogue's
/// conventions. Port-of-entry rules and reference lists are read as of <c>travel.arrivalDate</c>, the inside-Canada
/// bases as of <c>application.submittedDate</c>; each falls back to <c>evaluationDate</c>, then to today's date from the
/// clock, kept within the dates the rules reason about (contract.md, "As-of dates"; LIB-29).</para>
/// <para>The passport is read only through RD-01 and RD-02. When it is not given it is one of the citizenships (LIB-05,
/// AMB-20); when the citizenships are not given either (or the list is empty), it may be any country, so POE-01 and
/// POE-02 are tried with one passport of each kind the lists tell apart on the arrival date (LIB-27). A result holds
/// when every candidate passport gives it. US citizenship is read from the citizenships when they are given, else from a
/// US passport (LIB-06, LIB-25).</para>
/// <para>The inside-Canada outcome is worked out only when the route needs it (someone applying online from inside
/// Canada, or at a port of entry while in Canada and not eligible there), so a traveller arriving from abroad pays
/// nothing for it.</para>
/// <para>An instance is immutable and thread-safe. <see cref="Determine(WorkPermitProfile)"/> allocates nothing.</para>
/// </remarks>
public sealed class PortOfEntryBaseline
{
    private const int Eligible = 1;
    private const int NotRequired = 2;
    private const int NotEligible = 4;

    private static readonly DateOnly PgwpAtPortOfEntryEnded = new(2024, 6, 21);   // POE-EXC-05, inclusive
    private static readonly DateOnly FlagpolingEnded = new(2024, 12, 24);         // LIB-03: first arrival day excluded
    private static readonly DateOnly VisitorPolicyOpened = new(2020, 8, 24);      // INS-13, inclusive
    private static readonly DateOnly VisitorPolicyClosed = new(2024, 8, 28);      // INS-13: first day no longer covered (AMB-03)
    private static readonly DateOnly EarliestDate = new(1900, 1, 1);              // LIB-29: the dates the rules reason about
    private static readonly DateOnly LatestDate = new(2199, 12, 31);

    private static readonly ConditionalWeakTable<ReferenceDataSet, PortOfEntryBaseline> Shared = new();

    private readonly ReferenceList _visaExempt;
    private readonly ReferenceList _conditionalEta;
    private readonly ReferenceList _flagpoleExemptions;
    private readonly TimeProvider _timeProvider;

    // The kinds of passport RD-01 and RD-02 tell apart, per span of dates over which neither list changes (LIB-27).
    // A kind is (US passport?, RD-01 lookup, RD-02 lookup), bit (us ? 9 : 0) + 3 * RD-01 + RD-02 of the mask.
    private readonly DateOnly[] _spanStarts;
    private readonly int[] _passportKinds;

    // The RD-02 lookups some country gives on the span, as a set of Tri bits (POE-EXC-02 with citizenships unknown).
    private readonly int[] _conditionalEtaValues;

    /// <summary>Initializes a new instance of the <see cref="PortOfEntryBaseline"/> class over the given reference data.</summary>
    /// <param name="referenceData">The reference lists in force (RD-01, RD-02 and RD-05 are read).</param>
    /// <param name="timeProvider">The clock for today's date when a profile gives neither an arrival nor an evaluation
    /// date; the system clock by default.</param>
    /// <exception cref="ArgumentNullException"><paramref name="referenceData"/> is null.</exception>
    public PortOfEntryBaseline(ReferenceDataSet referenceData, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(referenceData);
        ReferenceData = referenceData;
        _visaExempt = referenceData.Lists["RD-01"];
        _conditionalEta = referenceData.Lists["RD-02"];
        _flagpoleExemptions = referenceData.Lists["RD-05"];
        _timeProvider = timeProvider ?? TimeProvider.System;
        (_spanStarts, _passportKinds, _conditionalEtaValues) = PassportKinds(_visaExempt, _conditionalEta);
    }

    /// <summary>Gets the reference data this instance reads.</summary>
    /// <value>The reference data.</value>
    public ReferenceDataSet ReferenceData { get; }

    /// <summary>Determines a profile with a shared instance for the reference data (built on first use) and the
    /// system clock.</summary>
    /// <param name="profile">The profile; missing facts are unknown.</param>
    /// <param name="referenceData">The reference lists in force.</param>
    /// <returns>The determination.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> or <paramref name="referenceData"/> is null.</exception>
    public static PortOfEntryDetermination Determine(WorkPermitProfile profile, ReferenceDataSet referenceData)
    {
        ArgumentNullException.ThrowIfNull(referenceData);
        return Shared.GetValue(referenceData, static data => new PortOfEntryBaseline(data)).Determine(profile);
    }

    /// <summary>Determines a profile; today's date, when needed, comes from this instance's clock.</summary>
    /// <param name="profile">The profile; missing facts are unknown.</param>
    /// <returns>The determination.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    public PortOfEntryDetermination Determine(WorkPermitProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return Decide(profile, null);
    }

    /// <summary>Determines a profile with a given date for "today" (used only when the profile gives no evaluation date
    /// and the date it needs, arrival or submission, is not given either).</summary>
    /// <param name="profile">The profile; missing facts are unknown.</param>
    /// <param name="today">Today's date.</param>
    /// <returns>The determination.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    public PortOfEntryDetermination Determine(WorkPermitProfile profile, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return Decide(profile, today);
    }

    /// <summary>Whether the person may apply from inside Canada (INS-10: any of the bases INS-01 to INS-09 and INS-13),
    /// as of <c>application.submittedDate</c>, falling back to <c>evaluationDate</c>, then to today's date from this
    /// instance's clock. It is what the route of someone in Canada follows (POE-07); it is exposed so that it can be
    /// compared with the engine's inside-Canada outcome on its own.</summary>
    /// <param name="profile">The profile; missing facts are unknown.</param>
    /// <returns>Yes, no or unknown.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    public Tri InsideCanada(WorkPermitProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return InsideCanada(profile, null);
    }

    /// <summary>The determination; <paramref name="today"/> null means the clock's date, read only if a date falls back
    /// to it.</summary>
    private PortOfEntryDetermination Decide(WorkPermitProfile profile, DateOnly? today)
    {
        var travel = profile.Travel;
        var application = profile.Application;
        var arrival = travel?.ArrivalDate ?? EvaluationDate(profile, today);

        // LIB-01: the section is there for a port-of-entry application, and (unsettled) while the channel is unknown.
        var channel = application?.Channel;
        var applies = Is(channel, ApplicationChannel.PortOfEntry);
        if (applies == Tri.No)
        {
            // LIB-02 with POE-07: applying online from outside Canada leads to the letter of introduction; applying
            // online from inside Canada is a route only for someone with an inside-Canada basis.
            var online = channel == ApplicationChannel.OutsideCanadaOnline
                ? PermitRoute.ApplyOnlineThenIssueAtPoeWithLoi
                : FromInsideCanada(profile, today);
            return new PortOfEntryDetermination { Applies = Tri.No, Route = online };
        }

        var person = profile.Person;
        var citizenships = person?.Citizenships;
        var passport = person?.PassportCountry;
        var lpr = Of(person?.UsLawfulPermanentResident);
        var program = application?.Program;

        // POE-01 and POE-02, over the candidate passports.
        var span = Span(arrival);
        var visaExemptPossible = 0;
        var etaPossible = 0;
        var mode = travel?.Mode;
        var conditions = Or(Of(travel?.HeldCanadianVisaPast10Years), Of(travel?.ValidUsNonImmigrantVisa));
        if (passport is not null)
        {
            Candidate(IsUs(passport), _visaExempt.Contains(passport, arrival), _conditionalEta.Contains(passport, arrival),
                lpr, mode, conditions, ref visaExemptPossible, ref etaPossible);
        }
        else if (citizenships is { Count: > 0 })
        {
            // LIB-05: the passport is one of the citizenships.
            for (var i = 0; i < citizenships.Count; i++)
            {
                var country = citizenships[i];
                Candidate(IsUs(country), _visaExempt.Contains(country, arrival), _conditionalEta.Contains(country, arrival),
                    lpr, mode, conditions, ref visaExemptPossible, ref etaPossible);
            }
        }
        else
        {
            // LIB-27: any passport, one of each kind the lists tell apart on the arrival date.
            var kinds = _passportKinds[span];
            for (var kind = 0; kind < 18; kind++)
            {
                if ((kinds & (1 << kind)) != 0)
                {
                    Candidate(kind >= 9, (Tri)(kind % 9 / 3), (Tri)(kind % 3), lpr, mode, conditions, ref visaExemptPossible, ref etaPossible);
                }
            }
        }

        var poe01 = Settled(visaExemptPossible);
        var poe02 = (etaPossible & NotEligible) == 0 ? Tri.Yes : etaPossible == NotEligible ? Tri.No : Tri.Unknown;
        var eta = etaPossible switch
        {
            Eligible => EtaEligibility.Eligible,
            NotRequired => EtaEligibility.NotRequired,
            NotEligible => EtaEligibility.NotEligible,
            _ => EtaEligibility.Unknown,
        };

        // POE-03 (POE-ES-01 with LMIA-05 and LMIA-06, or OWP-01).
        var poe03 = TypeRequirements(application, profile.Job);

        // US citizenship: read from the citizenships when given (the explicit answer, LIB-25), else a US passport shows it
        // (LIB-06); unknown otherwise.
        var usCitizen = citizenships is not null ? Of(ContainsUs(citizenships)) : passport is not null && IsUs(passport) ? Tri.Yes : Tri.Unknown;

        // POE-EXC-01: needs a visitor visa, i.e. no visa-exempt basis.
        var exc01 = Not(poe01);

        // POE-EXC-02 (AMB-05, revised): RD-02 names the citizens who may get an eTA only on conditions, so it bars a
        // listed citizen who relies on that conditional eTA, not one who enters as a US citizen, a US permanent resident
        // or on a visa-exempt passport. The citizenship test comes first: for most travellers it is no and settles it.
        var listed = ListedCitizen(citizenships, passport, arrival, span);
        var exc02 = listed == Tri.No
            ? Tri.No
            : And(listed, And(Not(usCitizen), And(Not(lpr), Not(VisaExemptPassport(citizenships, passport, arrival)))));

        // POE-EXC-03: IEC applicant who is neither a US citizen nor a US lawful permanent resident.
        var exc03 = And(Is(program, WorkPermitProgram.Iec), Not(Or(usCitizen, lpr)));

        // POE-EXC-04: Seasonal Agricultural Worker Program.
        var exc04 = Is(program, WorkPermitProgram.Sawp);

        // POE-EXC-05: PGWP, arriving on or after 2024-06-21.
        var exc05 = And(Is(program, WorkPermitProgram.Pgwp), Of(arrival >= PgwpAtPortOfEntryEnded));

        // POE-EXC-06: in Canada, back from the US or Saint-Pierre-et-Miquelon for immigration services, not exempt
        // (POE-EXC-06X: an RD-05 category, or any US citizen or permanent resident, LIB-04), arriving after flagpoling
        // ended (LIB-03).
        var flagpole = travel?.FlagpoleExemption;
        var exemptCategory = flagpole is { } category ? _flagpoleExemptions.Contains(Code(category), arrival) : Tri.Unknown;
        var exempt = Or(exemptCategory, Or(usCitizen, lpr));
        var trip = travel?.TripType;
        var returning = trip is { } t ? Of(t is TripType.ReturningFromUs or TripType.ReturningFromSpm) : Tri.Unknown;
        var exc06 = And(
            And(Is(profile.StatusInCanada?.Location, Location.InCanada), returning),
            And(And(Of(travel?.TripPurposeImmigrationServicesOnReturn), Not(exempt)), Of(arrival >= FlagpolingEnded)));

        var exclusions = Flags(Tri.Yes, exc01, exc02, exc03, exc04, exc05, exc06);
        var possible = Flags(Tri.Unknown, exc01, exc02, exc03, exc04, exc05, exc06);

        // POE-04: every requirement and no exclusion.
        var notExcluded = exclusions != 0 ? Tri.No : possible != 0 ? Tri.Unknown : Tri.Yes;
        var poe04 = And(And(poe01, poe02), And(poe03, notExcluded));

        // POE-07 (LIB-02), for a port-of-entry application: same day when eligible; otherwise online first, from where
        // the person is. Someone in Canada without an inside-Canada basis applies from outside and is issued the permit
        // at a port of entry, so that the route never contradicts INS-10.
        PermitRoute? route = null;
        if (applies == Tri.Yes)
        {
            if (poe04 == Tri.Yes)
            {
                route = PermitRoute.SameDayPoeApplication;
            }
            else if (poe04 == Tri.No)
            {
                route = profile.StatusInCanada?.Location switch
                {
                    Location.OutsideCanada => PermitRoute.ApplyOnlineThenIssueAtPoeWithLoi,
                    Location.InCanada => FromInsideCanada(profile, today),
                    _ => null,
                };
            }
        }

        // LIB-01: until the channel is known, the outcome, requirements and eTA status stay unknown.
        if (applies == Tri.Unknown)
        {
            return new PortOfEntryDetermination(Tri.Unknown, Tri.Unknown, Tri.Unknown, Tri.Unknown, Tri.Unknown,
                exclusions, possible, EtaEligibility.Unknown, route);
        }

        return new PortOfEntryDetermination(Tri.Yes, poe04, poe01, poe02, poe03, exclusions, possible, eta, route);
    }

    /// <summary>POE-01 and the POE-02 derivation for one candidate passport, adding each's possible values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Candidate(bool us, Tri visaExempt, Tri conditionalEta, Tri lpr, TravelMode? mode, Tri conditions,
        ref int visaExemptPossible, ref int etaPossible)
    {
        var air = mode is { } m ? Of(m == TravelMode.Air) : Tri.Unknown;

        // POE-01: RD-01 passport, US passport, US LPR, or RD-02 passport with the eTA conditions, flying.
        var conditional = And(conditionalEta, And(conditions, air));
        visaExemptPossible |= Bit(Or(Or(visaExempt, Of(us)), Or(lpr, conditional)));

        // POE-02: US passport -> not required; visa-exempt or US LPR -> eligible by air, not required by land or sea;
        // RD-02 passport flying with the conditions -> eligible; otherwise not eligible.
        if (us)
        {
            etaPossible |= NotRequired;
            return;
        }

        var exemptOrLpr = Or(visaExempt, lpr);
        if (exemptOrLpr != Tri.No)
        {
            etaPossible |= air switch
            {
                Tri.Yes => Eligible,
                Tri.No => NotRequired,
                _ => Eligible | NotRequired,
            };
        }

        if (exemptOrLpr != Tri.Yes)
        {
            etaPossible |= conditional switch
            {
                Tri.Yes => Eligible,
                Tri.No => NotEligible,
                _ => Eligible | NotEligible,
            };
        }
    }

    /// <summary>POE-03 as the catalogue composes it: POE-ES-01 (the employer completed the required steps AND the LMIA-06
    /// prerequisite AND, for an LMIA-exempt permit, the LMIA-05 fee) for an employer-specific permit, OWP-01 for an open
    /// one.</summary>
    /// <remarks>The catalogue's conventions define AND and OR but not a choice on a value that is unknown. Where a rule
    /// branches on the permit type (POE-03, LMIA-06, LMIA-05) and the type is unknown, the branch is settled when every
    /// case gives the same answer, else unknown; each rule is decided on its own and then combined, as the catalogue
    /// composes them (LIB-28, the library's reading).</remarks>
    private static Tri TypeRequirements(ApplicationFacts? application, JobFacts? job)
    {
        var type = application?.PermitType;

        // LMIA-06: a positive LMIA for an LMIA-required permit, an offer of employment number for an LMIA-exempt one.
        var positiveLmia = Is(job?.LmiaStatus, LmiaStatus.PositiveIssued);
        var offerNumber = Of(job?.OfferOfEmploymentNumberAvailable);
        var prerequisite = type switch
        {
            PermitType.EmployerSpecificLmiaRequired => positiveLmia,
            PermitType.EmployerSpecificLmiaExempt => offerNumber,
            PermitType.Open => Tri.No,
            _ => Agree(positiveLmia, offerNumber),
        };

        // LMIA-05: an LMIA-exempt permit needs the compliance fee paid; an LMIA-required one does not.
        var feePaid = Of(job?.EmployerComplianceFeePaid);
        var fee = type switch
        {
            PermitType.EmployerSpecificLmiaExempt => feePaid,
            PermitType.EmployerSpecificLmiaRequired => Tri.Yes,
            _ => Agree(Tri.Yes, feePaid),
        };

        // POE-ES-01, and OWP-01 (eligible under an open work permit category).
        var employerSpecific = And(Of(job?.EmployerCompletedRequiredSteps), And(prerequisite, fee));
        var openPermit = Of(application?.OpenPermitCategoryEligible);
        return type switch
        {
            PermitType.EmployerSpecificLmiaRequired or PermitType.EmployerSpecificLmiaExempt => employerSpecific,
            PermitType.Open => openPermit,
            _ => Agree(employerSpecific, openPermit),
        };

        static Tri Agree(Tri a, Tri b) => a == b ? a : Tri.Unknown;
    }

    /// <summary>POE-EXC-02's first condition: whether any citizenship is on RD-02 on the arrival date. Without the
    /// citizenships, a passport on RD-02 shows one (LIB-06); otherwise some citizenship may be listed unless no country
    /// can be on RD-02 that day.</summary>
    private Tri ListedCitizen(IReadOnlyList<string>? citizenships, string? passport, DateOnly arrival, int span)
    {
        if (citizenships is not null)
        {
            var listed = Tri.No;
            for (var i = 0; i < citizenships.Count && listed != Tri.Yes; i++)
            {
                listed = Or(listed, _conditionalEta.Contains(citizenships[i], arrival));
            }

            return listed;
        }

        if (passport is not null && _conditionalEta.Contains(passport, arrival) == Tri.Yes)
        {
            return Tri.Yes;
        }

        return (_conditionalEtaValues[span] & ~Bit(Tri.No)) != 0 ? Tri.Unknown : Tri.No;
    }

    /// <summary>POE-EXC-02's last condition: whether the passport is visa-exempt (RD-01) and not on RD-02 on the arrival
    /// date. Without the passport country it is one of the citizenships (LIB-05), so it is settled only when every
    /// citizenship gives the same answer; with neither, any passport is possible.</summary>
    private Tri VisaExemptPassport(IReadOnlyList<string>? citizenships, string? passport, DateOnly arrival)
    {
        if (passport is not null)
        {
            return VisaExemptNotConditional(passport, arrival);
        }

        if (citizenships is not { Count: > 0 })
        {
            return Tri.Unknown;
        }

        var possible = 0;
        for (var i = 0; i < citizenships.Count; i++)
        {
            possible |= Bit(VisaExemptNotConditional(citizenships[i], arrival));
        }

        return Settled(possible);
    }

    private Tri VisaExemptNotConditional(string country, DateOnly arrival) =>
        And(_visaExempt.Contains(country, arrival), Not(_conditionalEta.Contains(country, arrival)));

    /// <summary>The route of someone in Canada who cannot apply the same day at a port of entry (POE-07): from inside
    /// Canada with an inside-Canada basis (INS-10 yes); without one, online from outside with the permit issued at a port
    /// of entry on the letter of introduction; unsettled while INS-10 is unknown.</summary>
    private PermitRoute? FromInsideCanada(WorkPermitProfile profile, DateOnly? today) => InsideCanada(profile, today) switch
    {
        Tri.Yes => PermitRoute.ApplyOnlineFromInsideCanada,
        Tri.No => PermitRoute.ApplyOnlineThenIssueAtPoeWithLoi,
        _ => null,
    };

    /// <summary>INS-10, the closed list of inside-Canada bases ('only if'): OR of INS-01 to INS-09 and INS-13, as of the
    /// submission date.</summary>
    private Tri InsideCanada(WorkPermitProfile profile, DateOnly? today)
    {
        var status = profile.StatusInCanada;
        var family = profile.Family;
        var submitted = profile.Application?.SubmittedDate ?? EvaluationDate(profile, today);
        var studyPermit = Of(status?.HoldsValidStudyPermit);

        // INS-01: a valid study or work permit.
        var basis = Or(studyPermit, Of(status?.HoldsValidWorkPermit));

        // INS-02: a spouse or common-law partner, or a parent, with a valid study or work permit.
        basis = Or(basis, Or(Of(family?.SpouseOrPartnerHoldsValidStudyOrWorkPermit), Of(family?.ParentHoldsValidStudyOrWorkPermit)));

        // INS-03: PGWP-eligible with the study permit still valid on the submission date. The expiry date shows it, and so
        // does a permit valid on the application date, whatever the date says (LIB-10); with no expiry date, a permit
        // known not to be valid shows it is not (the catalogue's note).
        var expiry = status?.StudyPermitExpiryDate;
        var expiryStillValid = expiry is { } until ? Of(until >= submitted) : studyPermit == Tri.No ? Tri.No : Tri.Unknown;
        basis = Or(basis, And(Of(status?.PgwpEligible), Or(expiryStillValid, studyPermit)));

        // INS-04: a temporary resident permit valid 6 months or more after submission (AMB-01: calendar months, month-end
        // clamped). Without its expiry date, a known status other than trp_holder means there is no TRP (LIB-25).
        var trp = status?.TrpExpiryDate is { } trpExpiry
            ? Of(trpExpiry >= submitted.AddMonths(6))
            : status?.Status is null or TemporaryStatus.TrpHolder ? Tri.Unknown : Tri.No;
        basis = Or(basis, trp);

        // INS-05: waiting on an inland permanent residence application.
        basis = Or(basis, Of(status?.InlandPrApplicationPending));

        // INS-06: a refugee claim, which the status refugee_claimant also shows (LIB-11).
        basis = Or(basis, Or(Of(status?.RefugeeClaimMade), Is(status?.Status, TemporaryStatus.RefugeeClaimant)));

        // INS-07: recognised by the IRB as a Convention refugee or protected person.
        basis = Or(basis, Of(status?.ConventionRefugeeOrProtectedPerson));

        // INS-08: exempt from a work permit (not as a business visitor) and needing one for a different job.
        basis = Or(basis, And(Is(status?.WorkPermitExemption, WorkPermitExemption.OtherExemption), Of(status?.NeedsPermitForDifferentJob)));

        // INS-09: a CUSMA trader, investor, intra-company transferee or professional.
        var cusma = status?.CusmaCategory is { } category
            ? Of(category is CusmaCategory.Trader or CusmaCategory.Investor or CusmaCategory.IntraCompanyTransferee or CusmaCategory.Professional)
            : Tri.Unknown;
        basis = Or(basis, cusma);

        // INS-13: a visitor, still in status, applying for an employer-specific permit while the public policy was open.
        var permitType = profile.Application?.PermitType;
        var employerSpecific = permitType is { } type
            ? Of(type is PermitType.EmployerSpecificLmiaRequired or PermitType.EmployerSpecificLmiaExempt)
            : Tri.Unknown;
        var historicVisitor = And(
            And(Of(submitted >= VisitorPolicyOpened && submitted < VisitorPolicyClosed), Is(status?.Status, TemporaryStatus.Visitor)),
            And(Of(profile.VisitorPolicy?.VisitorStatusValidAtApplication), employerSpecific));
        return Or(basis, historicVisitor);
    }

    /// <summary>The evaluation date, the fallback of every missing event date: the profile's, else today's (the given
    /// date, else the clock's), kept within the dates the rules reason about (LIB-29).</summary>
    private DateOnly EvaluationDate(WorkPermitProfile profile, DateOnly? today)
    {
        if (profile.EvaluationDate is { } given)
        {
            return given;
        }

        var date = today ?? ClockDate();
        return date < EarliestDate ? EarliestDate : date > LatestDate ? LatestDate : date;
    }

    /// <summary>Today's date in the clock's time zone; a clock so near the ends of the calendar that it cannot be moved
    /// to its zone gives its UTC date, which is clamped anyway.</summary>
    private DateOnly ClockDate()
    {
        var now = _timeProvider.GetUtcNow();
        var inRange = now > DateTimeOffset.MinValue.AddDays(2) && now < DateTimeOffset.MaxValue.AddDays(-2);
        return DateOnly.FromDateTime(inRange ? TimeZoneInfo.ConvertTime(now, _timeProvider.LocalTimeZone).DateTime : now.UtcDateTime);
    }

    private static PortOfEntryExclusions Flags(Tri value, Tri exc01, Tri exc02, Tri exc03, Tri exc04, Tri exc05, Tri exc06) =>
        (exc01 == value ? PortOfEntryExclusions.NeedsVisitorVisa : 0)
        | (exc02 == value ? PortOfEntryExclusions.ConditionalEtaCitizen : 0)
        | (exc03 == value ? PortOfEntryExclusions.IecNotUsCitizenOrResident : 0)
        | (exc04 == value ? PortOfEntryExclusions.SeasonalAgriculturalWorker : 0)
        | (exc05 == value ? PortOfEntryExclusions.PostGraduationWorkPermit : 0)
        | (exc06 == value ? PortOfEntryExclusions.Flagpoling : 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsUs(string country) => string.Equals(country, "US", StringComparison.OrdinalIgnoreCase);

    private static bool ContainsUs(IReadOnlyList<string> citizenships)
    {
        for (var i = 0; i < citizenships.Count; i++)
        {
            if (IsUs(citizenships[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The RD-05 code of a flagpoling exemption (the contract's value of <c>travel.flagpoleExemption</c>).</summary>
    private static string Code(FlagpoleExemption category) => category switch
    {
        FlagpoleExemption.None => "none",
        FlagpoleExemption.UsCitizenOrLpr => "us_citizen_or_lpr",
        FlagpoleExemption.FtaProfessionalOrTechnician => "fta_professional_or_technician",
        FlagpoleExemption.FtaSpouse => "fta_spouse",
        FlagpoleExemption.InternationalTruckDriverMaintained => "international_truck_driver_maintained",
        FlagpoleExemption.PreBookedCbsaAppointment => "pre_booked_cbsa_appointment",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Not a flagpoling exemption of the contract."),
    };

    private int Span(DateOnly date)
    {
        var index = Array.BinarySearch(_spanStarts, date);
        return index >= 0 ? index : ~index - 1;
    }

    /// <summary>Splits time where RD-01 or RD-02 changes and records, per span, the kinds of passport the two lists
    /// tell apart and the RD-02 answers some country gets (built once; not on the hot path).</summary>
    private static (DateOnly[] Starts, int[] Kinds, int[] ConditionalEtaValues) PassportKinds(ReferenceList visaExempt, ReferenceList conditionalEta)
    {
        var entries = new List<ReferenceEntry>();
        entries.AddRange(visaExempt.Entries);
        entries.AddRange(visaExempt.NotListed);
        entries.AddRange(conditionalEta.Entries);
        entries.AddRange(conditionalEta.NotListed);

        var starts = new SortedSet<DateOnly> { DateOnly.MinValue };
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "US" };
        foreach (var entry in entries)
        {
            codes.Add(entry.Code);
            if (entry.From is { } from)
            {
                starts.Add(from);
            }

            if (entry.To is { } to && to < DateOnly.MaxValue)
            {
                starts.Add(to.AddDays(1));
            }
        }

        // A country no list names: off a complete list, unknown on an incomplete one.
        var unlistedVisaExempt = visaExempt.IsComplete ? Tri.No : Tri.Unknown;
        var unlistedConditional = conditionalEta.IsComplete ? Tri.No : Tri.Unknown;

        var startArray = starts.ToArray();
        var kinds = new int[startArray.Length];
        var conditionalValues = new int[startArray.Length];
        for (var i = 0; i < startArray.Length; i++)
        {
            var date = startArray[i];
            kinds[i] = 1 << Kind(false, unlistedVisaExempt, unlistedConditional);
            conditionalValues[i] = Bit(unlistedConditional);
            foreach (var code in codes)
            {
                var onConditional = conditionalEta.Contains(code, date);
                kinds[i] |= 1 << Kind(IsUs(code), visaExempt.Contains(code, date), onConditional);
                conditionalValues[i] |= Bit(onConditional);
            }
        }

        return (startArray, kinds, conditionalValues);

        static int Kind(bool us, Tri visaExempt, Tri conditional) => (us ? 9 : 0) + (3 * (int)visaExempt) + (int)conditional;
    }
}
