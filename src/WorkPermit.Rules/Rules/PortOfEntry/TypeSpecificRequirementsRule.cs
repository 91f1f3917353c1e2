using WorkPermit.Rules.Engine.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.PortOfEntry;

/// <summary>POE-03 (Type-specific requirements): Requirement at a port of entry: the requirements of the permit type are met (POE-ES-01 for employer-specific permits, OWP-01 for open permits).</summary>
[Name(RuleIds.Poe03)]
[Description("Requirement at a port of entry: the requirements of the permit type are met (POE-ES-01 for employer-specific permits, OWP-01 for open permits).")]
[Tag("port-of-entry")]
[Tag("requirement")]
internal sealed class TypeSpecificRequirementsRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.ApplicationPermitType);

    /// <inheritdoc/>
    public override void Define()
    {
        EvaluationCase c = default!;
        Finding poeEs01 = default!;
        Finding owp01 = default!;

        When()
            .Match(() => c)
            .Match(() => poeEs01, f => f.RuleId == RuleIds.PoeEs01)
            .Match(() => owp01, f => f.RuleId == RuleIds.Owp01);

        Then()
            .Yield(_ => Decide(c, poeEs01, owp01));
    }

    internal static Finding Decide(EvaluationCase c, Finding poeEs01, Finding owp01)
    {
        var verdict = c.Application.PermitType switch
        {
            PermitType.EmployerSpecificLmiaRequired or PermitType.EmployerSpecificLmiaExempt => poeEs01.Verdict,
            PermitType.Open => owp01.Verdict,
            _ => poeEs01.Verdict.Value == owp01.Verdict.Value && !poeEs01.IsUnknown
                ? poeEs01.Verdict
                : Verdict.Unknown(FactSet.Of(FactId.ApplicationPermitType) | poeEs01.Missing | owp01.Missing),
        };
        return Finding.Of(RuleIds.Poe03, verdict, Reads | poeEs01.Reads | owp01.Reads, applicable: Scope.PortOfEntry(c));
    }
}
