using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.Shared;

/// <summary>Decisions about the traveller's passport and citizenships, shared by the port-of-entry rules.</summary>
internal static class Travellers
{
    public const string UnitedStates = "US";

    public static readonly FactSet PassportFacts = FactSet.Of(FactId.PersonPassportCountry, FactId.PersonCitizenships);

    /// <summary>
    /// Evaluates a per-passport decision. When the passport country is not given, the passport must be one of the
    /// person's citizenships: the decision is settled if it comes out the same for every citizenship (AMB-20 models
    /// 'from a visa-exempt country' as the passport used).
    /// </summary>
    public static (Verdict Verdict, string? Note) ForPassport(EvaluationCase c, Func<string, Verdict> decide)
    {
        if (c.Person.PassportCountry is { } passport)
        {
            return (decide(passport), null);
        }

        var citizenships = c.Person.Citizenships;
        if (citizenships is null || citizenships.Count == 0)
        {
            return (Verdict.Unknown(FactSet.Of(FactId.PersonPassportCountry)), null);
        }

        Verdict? combined = null;
        var settled = true;
        var missing = FactSet.Of(FactId.PersonPassportCountry);
        foreach (var country in citizenships)
        {
            var verdict = decide(country);
            missing |= verdict.Missing;
            if (combined is null)
            {
                combined = verdict;
            }
            else if (combined.Value.Value != verdict.Value)
            {
                settled = false;
            }
        }

        if (settled && combined is { IsUnknown: false } result)
        {
            return (result, $"The passport country is not given; every citizenship held ({string.Join(", ", citizenships)}) gives the same answer.");
        }

        return (Verdict.Unknown(missing), null);
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

        var citizenships = c.Person.Citizenships;
        if (citizenships is null || citizenships.Count == 0)
        {
            return (null, FactSet.Of(FactId.PersonPassportCountry), null);
        }

        T? first = null;
        var agree = true;
        var all = FactSet.Of(FactId.PersonPassportCountry);
        for (var i = 0; i < citizenships.Count; i++)
        {
            var (value, missing) = decide(citizenships[i]);
            all |= missing;
            if (value is null)
            {
                agree = false;
            }
            else if (i == 0)
            {
                first = value;
            }
            else if (!EqualityComparer<T>.Default.Equals(first!.Value, value.Value))
            {
                agree = false;
            }
        }

        return agree && first is not null
            ? (first, FactSet.Empty, $"The passport country is not given; every citizenship held ({string.Join(", ", citizenships)}) gives the same answer.")
            : (null, all, null);
    }

    /// <summary>Whether the person is a US citizen: listed among the citizenships, or travelling on a US passport.</summary>
    public static Verdict UsCitizen(EvaluationCase c)
    {
        if (c.Person.Citizenships is { } citizenships)
        {
            return Verdict.Of(citizenships.Contains(UnitedStates, StringComparer.Ordinal) || c.Person.PassportCountry == UnitedStates);
        }

        return c.Person.PassportCountry == UnitedStates ? Verdict.Yes : Verdict.Unknown(FactId.PersonCitizenships);
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

        return (null, exempt.Missing | conditional.Missing | (exempt.IsUnknown ? FactSet.Of(FactId.TravelMode) : FactSet.Empty));
    }
}
