using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;
using WorkPermit.Rules.Rules.Shared;

namespace WorkPermit.Rules.Rules.PortOfEntry;

/// <summary>POE-EXC-02 (Citizen of a conditional-eTA country ('countries on this list')): Exclusion at a port of entry: a citizen of a country on the conditional-eTA list (RD-02, as of arrival) - any citizenship, even with an eTA or US permanent residence (AMB-05).</summary>
[Name(RuleIds.PoeExc02)]
[Description("Exclusion at a port of entry: a citizen of a country on the conditional-eTA list (RD-02, as of arrival) - any citizenship, even with an eTA or US permanent residence (AMB-05).")]
[Tag("port-of-entry")]
[Tag("exclusion")]
internal sealed class ConditionalEtaCitizenExclusionRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.PersonCitizenships, FactId.PersonPassportCountry);

    /// <inheritdoc/>
    public override void Define()
    {
        EvaluationCase c = default!;

        When()
            .Match(() => c);

        Then()
            .Yield(_ => c.Record(Decide(c)));
    }

    internal static Finding Decide(EvaluationCase c)
    {
        var date = c.ArrivalDate;
        var list = c.Reference.ConditionalEta;
        Verdict verdict;
        string? note = null;
        if (list.IsComplete && !list.Entries.Any(e => e.Status == ReferenceStatus.Member && e.AppliesOn(date)))
        {
            verdict = Verdict.No;
            note = $"No country is on the conditional-eTA list (RD-02) on {date:yyyy-MM-dd}.";
        }
        else if (c.Person.Citizenships is { } citizenships)
        {
            verdict = Verdict.No;
            foreach (var country in citizenships)
            {
                verdict |= Travellers.OnList(list, country, date);
            }
        }
        else if (c.Person.PassportCountry is { } passport && list.Contains(passport, date) == Tri.Yes)
        {
            verdict = Verdict.Yes;
            note = "The citizenships are not given; a passport issued by a listed country shows a listed citizenship.";
        }
        else
        {
            verdict = Verdict.Unknown(c.Person.PassportCountry is null ? Travellers.PassportFacts : FactSet.Of(FactId.PersonCitizenships), FactSet.Of(FactId.PersonCitizenships));
        }

        return Finding.Of(RuleIds.PoeExc02, verdict, Reads | c.ArrivalDateFacts, note: note, applicable: Scope.PortOfEntry(c));
    }
}
