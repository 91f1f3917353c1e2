using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.General;

/// <summary>GEN-09 (Employer regularly offers sex-related services): Applies (bars the applicant) when the employer regularly offers striptease, erotic dance, escort services or erotic massages.</summary>
[Name(RuleIds.Gen09)]
[Description("Applies (bars the applicant) when the employer regularly offers striptease, erotic dance, escort services or erotic massages.")]
[Tag("general")]
[Tag("exclusion")]
internal sealed class EmployerSexServicesRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.JobEmployerRegularlyOffersSexualServices);

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
        return Finding.Of(RuleIds.Gen09, Is.True(c.Job.EmployerRegularlyOffersSexualServices, FactId.JobEmployerRegularlyOffersSexualServices), Reads);
    }
}
