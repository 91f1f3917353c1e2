using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.Shared;

/// <summary>Decisions about the traveller's passport and citizenships, shared by the port-of-entry rules.</summary>
internal static class Travellers
{
    public const string UnitedStates = "US";

    public static readonly FactSet PassportFacts = FactSet.Of(FactId.PersonPassportCountry, FactId.PersonCitizenships);

    /// <summary>
    /// Evaluates a per-passport decision. When the passport country is not given, the passport must be one of the
    /// person's citizenships (LIB-05); when neither is given it may be any country, and the decision is tried with one
    /// passport of each kind the reference lists tell apart on the arrival date (LIB-27). The decision is settled when
    /// every candidate gives the same answer (AMB-20 models 'from a visa-exempt country' as the passport used).
    /// </summary>
    public static (Verdict Verdict, string? Note) ForPassport(EvaluationCase c, Func<string, Verdict> decide)
    {
        if (c.Person.PassportCountry is { } passport)
        {
            return (decide(passport), null);
        }

        var (candidates, fromCitizenships) = Candidates(c);
        var verdicts = new Verdict[candidates.Count];
        for (var i = 0; i < verdicts.Length; i++)
        {
            verdicts[i] = decide(candidates[i]);
        }

        if (verdicts.All(v => v.IsYes) || verdicts.All(v => v.IsNo))
        {
            return (verdicts[0], SameForEveryCandidate(c, fromCitizenships));
        }

        // The passport alone settles it to any value a candidate already has (and so do the citizenships, when they are
        // not given: one citizenship names the passport); another fact settles it only by bringing every candidate to
        // the same value.
        var passportFacts = fromCitizenships ? FactSet.Of(FactId.PersonPassportCountry) : PassportFacts;
        var toYes = verdicts.Any(v => v.IsYes) ? passportFacts : FactSet.Empty;
        var toNo = verdicts.Any(v => v.IsNo) ? passportFacts : FactSet.Empty;
        if (!verdicts.Any(v => v.IsNo))
        {
            toYes |= Intersect(verdicts.Where(v => v.IsUnknown).Select(v => v.ToYes));
        }

        if (!verdicts.Any(v => v.IsYes))
        {
            toNo |= Intersect(verdicts.Where(v => v.IsUnknown).Select(v => v.ToNo));
        }

        return (Verdict.Unknown(toYes, toNo), null);
    }

    /// <summary>
    /// The passports the person may be travelling on when the passport country is not given: the citizenships when they
    /// are known, else one country of each kind that the visa lists (RD-01, RD-02) tell apart on the arrival date.
    /// </summary>
    private static (IReadOnlyList<string> Candidates, bool FromCitizenships) Candidates(EvaluationCase c) =>
        c.Person.Citizenships is { Count: > 0 } held ? (held, true) : (c.Reference.PassportKinds(c.ArrivalDate), false);

    private static string SameForEveryCandidate(EvaluationCase c, bool fromCitizenships) => fromCitizenships
        ? $"The passport country is not given; every citizenship held ({string.Join(", ", c.Person.Citizenships!)}) gives the same answer."
        : "Neither the passport country nor the citizenships are given; every passport gives the same answer.";

    private static FactSet Intersect(IEnumerable<FactSet> sets)
    {
        FactSet? result = null;
        foreach (var set in sets)
        {
            result = result is null ? set : result.Value & set;
        }

        return result ?? FactSet.Empty;
    }

    /// <summary>The same inference for a value other than a verdict (the eTA status): settled when every candidate agrees.</summary>
    public static (T? Value, FactSet Missing, string? Note) ForPassport<T>(EvaluationCase c, Func<string, (T? Value, FactSet Missing)> decide)
        where T : struct
    {
        if (c.Person.PassportCountry is { } passport)
        {
            var (value, missing) = decide(passport);
            return (value, missing, null);
        }

        var (candidates, fromCitizenships) = Candidates(c);
        T? first = null;
        var agree = true;
        var all = fromCitizenships ? FactSet.Of(FactId.PersonPassportCountry) : PassportFacts;
        foreach (var country in candidates)
        {
            var (value, missing) = decide(country);
            all |= missing;
            if (value is null)
            {
                agree = false;
            }
            else if (first is null)
            {
                first = value;
            }
            else if (!EqualityComparer<T>.Default.Equals(first.Value, value.Value))
            {
                agree = false;
            }
        }

        return agree && first is not null
            ? (first, FactSet.Empty, SameForEveryCandidate(c, fromCitizenships))
            : (null, all, null);
    }

    /// <summary>Whether the person is a US citizen: listed among the citizenships when they are given (POE-EXC-03 reads
    /// 'US' IN citizenships; an explicit answer wins over an inference, LIB-25); when they are not given, a US passport
    /// shows US citizenship (LIB-06).</summary>
    public static Verdict UsCitizen(EvaluationCase c)
    {
        if (c.Person.Citizenships is { } citizenships)
        {
            return Verdict.Of(citizenships.Contains(UnitedStates, StringComparer.Ordinal));
        }

        return c.Person.PassportCountry switch
        {
            UnitedStates => Verdict.Yes,
            null => Verdict.Unknown(PassportFacts, FactSet.Of(FactId.PersonCitizenships)),
            _ => Verdict.Unknown(FactId.PersonCitizenships),
        };
    }

    /// <summary>Looks a code up in a reference list. An unknown answer from an incomplete list names no missing fact:
    /// no answer in the profile can settle it.</summary>
    public static Verdict OnList(ReferenceList list, string code, DateOnly date) => list.Contains(code, date) switch
    {
        Tri.Yes => Verdict.Yes,
        Tri.No => Verdict.No,
        _ => Verdict.Unknown(FactSet.Empty),
    };

    /// <summary>The conditional-eTA conditions of RD-02 that the profile carries: a Canadian visa in the past 10 years or a valid US non-immigrant visa.</summary>
    public static Verdict ConditionalEtaConditions(EvaluationCase c) =>
        Is.True(c.Travel.HeldCanadianVisaPast10Years, FactId.TravelHeldCanadianVisaPast10Years)
        | Is.True(c.Travel.ValidUsNonImmigrantVisa, FactId.TravelValidUsNonImmigrantVisa);

    /// <summary>POE-01 for one passport country: visa-exempt country, US passport, US lawful permanent resident, or a
    /// conditional-eTA national who meets the conditions and flies.</summary>
    public static Verdict VisaExemptBasis(EvaluationCase c, string passport)
    {
        var date = c.ArrivalDate;
        return OnList(c.Reference.VisaExempt, passport, date)
            | Verdict.Of(passport == UnitedStates)
            | Is.True(c.Person.UsLawfulPermanentResident, FactId.PersonUsLawfulPermanentResident)
            | (OnList(c.Reference.ConditionalEta, passport, date)
               & ConditionalEtaConditions(c)
               & Is.Equal(c.Travel.Mode, TravelMode.Air, FactId.TravelMode));
    }

    /// <summary>
    /// The facts whose answer alone settles an unknown eTA status: each unknown input is tried with every value that
    /// matters (the eTA is a value of four, not a yes or no, so the AND/OR bookkeeping of verdicts does not apply).
    /// </summary>
    public static FactSet EtaMissing(EvaluationCase c)
    {
        var missing = FactSet.Empty;
        var person = c.Person;
        var travel = c.Travel;
        bool Settles(WorkPermitProfile profile)
        {
            var changed = new EvaluationCase(profile, c.EvaluationDate, c.Reference);
            return ForPassport<EtaEligibility>(changed, passport => Eta(changed, passport)).Value is not null;
        }

        var profile = c.Profile with { EvaluationDate = c.EvaluationDate };
        if (person.PassportCountry is null)
        {
            // The passport must be one of the citizenships when they are known; otherwise a US passport settles it.
            var candidates = person.Citizenships is { Count: > 0 } held ? held : [UnitedStates];
            if (candidates.Any(country => Settles(profile with { Person = person with { PassportCountry = country } })))
            {
                missing |= FactSet.Of(FactId.PersonPassportCountry);
            }

            if (person.Citizenships is null)
            {
                missing |= FactSet.Of(FactId.PersonCitizenships);
            }
        }

        if (person.UsLawfulPermanentResident is null
            && (Settles(profile with { Person = person with { UsLawfulPermanentResident = true } }) || Settles(profile with { Person = person with { UsLawfulPermanentResident = false } })))
        {
            missing |= FactSet.Of(FactId.PersonUsLawfulPermanentResident);
        }

        if (travel.Mode is null && Enum.GetValues<TravelMode>().Any(mode => Settles(profile with { Travel = travel with { Mode = mode } })))
        {
            missing |= FactSet.Of(FactId.TravelMode);
        }

        if (travel.HeldCanadianVisaPast10Years is null
            && (Settles(profile with { Travel = travel with { HeldCanadianVisaPast10Years = true } }) || Settles(profile with { Travel = travel with { HeldCanadianVisaPast10Years = false } })))
        {
            missing |= FactSet.Of(FactId.TravelHeldCanadianVisaPast10Years);
        }

        if (travel.ValidUsNonImmigrantVisa is null
            && (Settles(profile with { Travel = travel with { ValidUsNonImmigrantVisa = true } }) || Settles(profile with { Travel = travel with { ValidUsNonImmigrantVisa = false } })))
        {
            missing |= FactSet.Of(FactId.TravelValidUsNonImmigrantVisa);
        }

        return missing;
    }

    /// <summary>POE-02 for one passport country.</summary>
    public static (EtaEligibility? Value, FactSet Missing) Eta(EvaluationCase c, string passport)
    {
        if (passport == UnitedStates)
        {
            return (EtaEligibility.NotRequired, FactSet.Empty);
        }

        var date = c.ArrivalDate;
        var exempt = OnList(c.Reference.VisaExempt, passport, date)
            | Is.True(c.Person.UsLawfulPermanentResident, FactId.PersonUsLawfulPermanentResident);
        var conditional = OnList(c.Reference.ConditionalEta, passport, date)
            & ConditionalEtaConditions(c)
            & Is.Equal(c.Travel.Mode, TravelMode.Air, FactId.TravelMode);
        if (exempt.IsYes)
        {
            return c.Travel.Mode switch
            {
                TravelMode.Air => (EtaEligibility.Eligible, FactSet.Empty),
                TravelMode.Land or TravelMode.Sea => (EtaEligibility.NotRequired, FactSet.Empty),
                _ => (null, FactSet.Of(FactId.TravelMode)),
            };
        }

        if (conditional.IsYes)
        {
            // Flying: a conditional-eTA national who meets the conditions is eligible, and so is a US permanent resident.
            return (EtaEligibility.Eligible, FactSet.Empty);
        }

        if (exempt.IsNo && conditional.IsNo)
        {
            return (EtaEligibility.NotEligible, FactSet.Empty);
        }

        return (null, exempt.Missing | conditional.Missing | (exempt.IsUnknown && c.Travel.Mode is null ? FactSet.Of(FactId.TravelMode) : FactSet.Empty));
    }
}
