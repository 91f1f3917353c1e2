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
    private static readonly FactSet Reads = FactSet.Of(FactId.ApplicationForm, FactId.ApplicationChannel, FactId.StatusLocation, FactId.TravelLetterActivationReentryFrom);

    /// <inheritdoc/>
    public override void Define()
    {
        EvaluationCase c = default!;
        PortOfEntryFinding poe07 = default!;

        When()
            .Match(() => c)
            .Match(() => poe07, f => f.RuleId == RuleIds.Poe07);

        Then()
            .Do(_ => c.Record(Decide(c, poe07)));
    }

    internal static Finding Decide(EvaluationCase c, Finding poe07)
    {
        // The application is an IMM 1295 when the profile says so or when the route (POE-07) is to apply from outside
        // Canada and collect the permit at a port of entry. Its approval is a letter of introduction (AFT-06), never the
        // permit itself, so someone in Canada activates it only by leaving and coming back: whether the letter is
        // already held changes when, not whether.
        // Settled as yes by either; as no only once the route is known to be another and the form is known to be another.
        var viaLetter = poe07.Value is PermitRoute.ApplyOnlineThenIssueAtPoeWithLoi;
        var imm1295 = viaLetter || c.Application.Form == ApplicationForm.Imm1295 ? Verdict.Yes
            : poe07.Value is not null && c.Application.Form is not null ? Verdict.No
            : Verdict.Unknown((poe07.Value is null ? poe07.Missing : FactSet.Empty) | (c.Application.Form is null ? FactSet.Of(FactId.ApplicationForm) : FactSet.Empty));

        // Someone applying online from outside Canada who does not say they are in Canada is taken to be outside it.
        var inCanada = c.Status.Location is not null ? Verdict.Of(c.Status.Location == Location.InCanada)
            : c.Application.Channel == ApplicationChannel.OutsideCanadaOnline ? Verdict.No
            : c.Application.Channel is null ? Verdict.Unknown(FactSet.Of(FactId.StatusLocation), FactSet.Of(FactId.StatusLocation, FactId.ApplicationChannel))
            : Verdict.Unknown(FactId.StatusLocation);
        var verdict = imm1295 & inCanada;
        ActivationRisk? risk = verdict.IsYes
            ? c.Travel.LetterActivationReentryFrom switch
            {
                ReentryFrom.Us or ReentryFrom.Spm => ActivationRisk.MayNotBeAbleToActivateOnReentryFromUsOrSpm,
                ReentryFrom.OtherCountry or ReentryFrom.NotApplicable => ActivationRisk.None,
                _ => null,
            }
            : null;
        var reads = Reads | poe07.Reads;
        return Finding.Of(RuleIds.Aft13, verdict, reads, value: risk);
    }
}
