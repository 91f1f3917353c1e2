using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.AfterApplying;

/// <summary>AFT-13 (IMM 1295 approval while in Canada: leave to activate): Someone in Canada who gets an IMM 1295 approval (letter of introduction) must leave Canada to activate the permit, and may not manage it when re-entering from the US or Saint-Pierre-et-Miquelon.</summary>
[Name(RuleIds.Aft13)]
[Description("Someone in Canada who gets an IMM 1295 approval (letter of introduction) must leave Canada to activate the permit, and may not manage it when re-entering from the US or Saint-Pierre-et-Miquelon.")]
[Tag("after-applying")]
[Tag("requirement")]
internal sealed class LeaveCanadaToActivateRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.ApplicationForm, FactId.TravelHasLetterOfIntroduction, FactId.StatusLocation, FactId.TravelLetterActivationReentryFrom);

    /// <inheritdoc/>
    public override void Define()
    {
        EvaluationCase c = default!;

        When()
            .Match(() => c);

        Then()
            .Do(_ => c.Record(Decide(c)));
    }

    internal static Finding Decide(EvaluationCase c)
    {
        var verdict = Is.Equal(c.Application.Form, ApplicationForm.Imm1295, FactId.ApplicationForm)
            & Is.True(c.Travel.HasLetterOfIntroduction, FactId.TravelHasLetterOfIntroduction)
            & Is.Equal(c.Status.Location, Location.InCanada, FactId.StatusLocation);
        ActivationRisk? risk = verdict.IsYes
            ? c.Travel.LetterActivationReentryFrom switch
            {
                ReentryFrom.Us or ReentryFrom.Spm => ActivationRisk.MayNotBeAbleToActivateOnReentryFromUsOrSpm,
                ReentryFrom.OtherCountry or ReentryFrom.NotApplicable => ActivationRisk.None,
                _ => null,
            }
            : null;
        return Finding.Of(RuleIds.Aft13, verdict, Reads, value: risk);
    }
}
