using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;
using WorkPermit.Rules.Rules.Shared;

namespace WorkPermit.Rules.Rules.PortOfEntry;

/// <summary>POE-EXC-02 (Citizen of a conditional-eTA country): Exclusion at a port of entry: a citizen of a country on the conditional-eTA list (RD-02, as of arrival) who depends on the conditional eTA: not a US citizen or US permanent resident and not travelling on a visa-exempt passport (AMB-05, revised).</summary>
[Name(RuleIds.PoeExc02)]
[Description("Exclusion at a port of entry: a citizen of a country on the conditional-eTA list (RD-02, as of arrival) who depends on the conditional eTA: not a US citizen or US permanent resident and not travelling on a visa-exempt passport (AMB-05, revised).")]
[Tag("port-of-entry")]
[Tag("exclusion")]
internal sealed class ConditionalEtaCitizenExclusionRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.PersonCitizenships, FactId.PersonPassportCountry, FactId.PersonUsLawfulPermanentResident);

    /// <inheritdoc/>
    public override void Define()
    {
        EvaluationCase c = default!;

        When()
            .Match(() => c);

        Then()
            .Do(_ => c.Publish(Decide(c)));
    }

    internal static Finding Decide(EvaluationCase c)
    {
        var date = c.ArrivalDate;
        var list = c.Reference.ConditionalEta;
        Verdict verdict;
        string? note = null;
        // A complete list with no entry at all on the date settles it for anyone; an entry marked conditional or
        // uncertain still counts, since looking its country up gives unknown, not no.
        if (list.IsComplete && !list.Entries.Any(e => e.AppliesOn(date)))
        {
            verdict = Verdict.No;
            note = $"No country is on the conditional-eTA list (RD-02) on {date:yyyy-MM-dd}.";
        }
        else
        {
            // AMB-05 (revised): the list bars a listed citizen who depends on the conditional eTA, so it does not bar a
            // US citizen, a US permanent resident or someone travelling on a visa-exempt passport.
            var listed = ListedCitizen(c, list, date);
            var reliesOnList = !Travellers.UsCitizen(c)
                & !Is.True(c.Person.UsLawfulPermanentResident, FactId.PersonUsLawfulPermanentResident)
                & !VisaExemptPassport(c, date);
            verdict = listed & reliesOnList;
            if (listed.IsYes && verdict.IsNo)
            {
                note = "A listed citizenship, but the traveller does not depend on the conditional eTA (a US citizen, a US permanent resident or a visa-exempt passport): read literally, 'a citizen of one of the countries on this list' would bar this traveller (AMB-05).";
            }
            else if (c.Person.Citizenships is null && c.Person.PassportCountry is not null && listed.IsYes)
            {
                note = "The citizenships are not given; a passport issued by a listed country shows a listed citizenship.";
            }
        }

        return Finding.Of(RuleIds.PoeExc02, verdict, Reads | c.ArrivalDateFacts, note: note, applicable: Scope.PortOfEntry(c));
    }

    /// <summary>Whether any citizenship is on the list; without the citizenships, a listed passport shows one.</summary>
    private static Verdict ListedCitizen(EvaluationCase c, ReferenceList list, DateOnly date)
    {
        if (c.Person.Citizenships is { } citizenships)
        {
            var verdict = Verdict.No;
            foreach (var country in citizenships)
            {
                verdict |= Travellers.OnList(list, country, date);
            }

            return verdict;
        }

        if (c.Person.PassportCountry is { } passport && list.Contains(passport, date) == Tri.Yes)
        {
            return Verdict.Yes;
        }

        return Verdict.Unknown(c.Person.PassportCountry is null ? Travellers.PassportFacts : FactSet.Of(FactId.PersonCitizenships), FactSet.Of(FactId.PersonCitizenships));
    }

    /// <summary>Whether the traveller uses a passport of a visa-exempt country (RD-01) that is not on the list. Without
    /// the passport country, the passport is one of the citizenships (LIB-05), so it is settled when they all agree.</summary>
    private static Verdict VisaExemptPassport(EvaluationCase c, DateOnly date)
    {
        Verdict Exempt(string passport) => Travellers.OnList(c.Reference.VisaExempt, passport, date)
            & !Travellers.OnList(c.Reference.ConditionalEta, passport, date);

        if (c.Person.PassportCountry is { } given)
        {
            return Exempt(given);
        }

        if (c.Person.Citizenships is { Count: > 0 } held)
        {
            var verdicts = held.Select(Exempt).ToArray();
            if (verdicts.All(v => v.IsNo))
            {
                return Verdict.No;
            }

            if (verdicts.All(v => v.IsYes))
            {
                return Verdict.Yes;
            }
        }

        return Verdict.Unknown(FactId.PersonPassportCountry);
    }
}
