using NRules.Fluent.Dsl;
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
        PortOfEntryFinding poeEs01 = default!;
        OpenPermitFinding owp01 = default!;

        When()
            .Match(() => c)
            .Match(() => poeEs01, f => f.RuleId == RuleIds.PoeEs01)
            .Match(() => owp01, f => f.RuleId == RuleIds.Owp01);

        Then()
            .Do(_ => c.Publish(Decide(c, poeEs01, owp01)));
    }

    internal static Finding Decide(EvaluationCase c, Finding poeEs01, Finding owp01)
    {
        var verdict = c.Application.PermitType switch
        {
            PermitType.EmployerSpecificLmiaRequired or PermitType.EmployerSpecificLmiaExempt => poeEs01.Verdict,
            PermitType.Open => owp01.Verdict,
            _ => Either(poeEs01.Verdict, owp01.Verdict),
        };
        return Finding.Of(RuleIds.Poe03, verdict, Reads | poeEs01.Reads | owp01.Reads, applicable: Scope.PortOfEntry(c));
    }

    /// <summary>The result when the permit type is unknown: settled only if both branches agree; a fact of one
    /// branch can settle it only once the other branch is settled.</summary>
    internal static Verdict Either(Verdict employerSpecific, Verdict open)
    {
        if (!employerSpecific.IsUnknown && employerSpecific.Value == open.Value)
        {
            return employerSpecific;
        }

        var permit = FactSet.Of(FactId.ApplicationPermitType);
        var toYes = (employerSpecific.IsYes || open.IsYes ? permit : FactSet.Empty)
            | (open.IsYes ? employerSpecific.ToYes : FactSet.Empty)
            | (employerSpecific.IsYes ? open.ToYes : FactSet.Empty)
            | (employerSpecific.IsUnknown && open.IsUnknown ? employerSpecific.ToYes & open.ToYes : FactSet.Empty);
        var toNo = (employerSpecific.IsNo || open.IsNo ? permit : FactSet.Empty)
            | (open.IsNo ? employerSpecific.ToNo : FactSet.Empty)
            | (employerSpecific.IsNo ? open.ToNo : FactSet.Empty)
            | (employerSpecific.IsUnknown && open.IsUnknown ? employerSpecific.ToNo & open.ToNo : FactSet.Empty);

        // A branch that the permit type itself can settle (it depends on it) is settled by answering the permit type.
        if ((employerSpecific.ToYes | open.ToYes).Contains(FactId.ApplicationPermitType))
        {
            toYes |= permit;
        }

        if ((employerSpecific.ToNo | open.ToNo).Contains(FactId.ApplicationPermitType))
        {
            toNo |= permit;
        }

        return Verdict.Unknown(toYes, toNo);
    }
}
