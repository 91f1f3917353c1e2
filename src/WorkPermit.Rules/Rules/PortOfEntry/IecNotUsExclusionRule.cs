using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;
using WorkPermit.Rules.Rules.Shared;

namespace WorkPermit.Rules.Rules.PortOfEntry;

/// <summary>POE-EXC-03 (IEC applicant not a US citizen/PR): Exclusion at a port of entry: an International Experience Canada applicant who is not a citizen or permanent resident of the United States.</summary>
[Name(RuleIds.PoeExc03)]
[Description("Exclusion at a port of entry: an International Experience Canada applicant who is not a citizen or permanent resident of the United States.")]
[Tag("port-of-entry")]
[Tag("exclusion")]
internal sealed class IecNotUsExclusionRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.ApplicationProgram, FactId.PersonCitizenships, FactId.PersonPassportCountry, FactId.PersonUsLawfulPermanentResident);

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
        var american = Travellers.UsCitizen(c) | Is.True(c.Person.UsLawfulPermanentResident, FactId.PersonUsLawfulPermanentResident);
        var verdict = Is.Equal(c.Application.Program, WorkPermitProgram.Iec, FactId.ApplicationProgram) & !american;
        return Finding.Of(RuleIds.PoeExc03, verdict, Reads, applicable: Scope.PortOfEntry(c));
    }
}
