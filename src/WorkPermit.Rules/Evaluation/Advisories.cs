using WorkPermit.Rules.Rules;

namespace WorkPermit.Rules.Evaluation;

/// <summary>The advice the report gives, in plain language, each from the rule whose passage it rests on.</summary>
internal static class Advisories
{
    private static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        [RuleIds.Out02] = "Check the visa office requirements of the country or territory you apply from.",
        [RuleIds.Out03] = "Check whether the application qualifies for Global Skills Strategy two-week processing.",
        [RuleIds.Poe05] = "IRCC recommends applying for the work permit before travelling; apply at the port of entry only if eligible there.",
        [RuleIds.Poe06] = "Most people already in Canada can no longer apply at a port of entry: apply online for an initial permit or an extension (IMM 5710 when eligible to apply inside Canada).",
        [RuleIds.Poe09] = "The border officer makes the final decision and prints the permit after reviewing your documents and admissibility; this report is not a decision.",
        [RuleIds.Lmia10] = "An LMIA shows that no Canadian citizen or permanent resident is available for the job and that hiring a foreign worker will not harm the labour market; the employer applies for it.",
        [RuleIds.Owp08] = "The open work permit categories listed are examples; eligibility is specific to each category and may need documents beyond a job offer.",
        [RuleIds.Bio04] = "Book your biometrics appointment as soon as you can to avoid processing delays.",
        [RuleIds.Aft05] = "To follow the application in the status tracker you need your unique client identifier (UCI) and your application number.",
        [RuleIds.Aft08] = "Your work permit will state the type of work you can do, the employer you can work for, where you can work and for how long.",
        [RuleIds.Ime06] = "An officer will send instructions for the medical exam; it can add over 3 months to processing.",
        [RuleIds.Aft18] = "After asking for interim authorization, wait for IRCC's email before starting to work; it may take up to 30 business days (6 weeks).",
    };

    private const string InterviewOutside = "IRCC may ask you to attend an interview with its officials in your country, or to send more information or documents.";
    private const string InterviewInside = "IRCC may ask you to send more information.";
    private const string ActivationRisk = "You may not be able to activate your work permit if you re-enter Canada from the U.S. or Saint-Pierre-et-Miquelon.";

    public static IReadOnlyList<Advisory> For(EvaluationCase c, FindingSet f, bool interimEligible)
    {
        var list = new List<Advisory>();
        foreach (var id in (string[])[RuleIds.Out02, RuleIds.Out03, RuleIds.Poe05, RuleIds.Poe06, RuleIds.Poe09, RuleIds.Lmia10, RuleIds.Owp08, RuleIds.Bio04, RuleIds.Aft08, RuleIds.Ime06])
        {
            if (f[id].IsYes)
            {
                list.Add(Make(id, Texts[id], 0));
            }
        }

        if (f[RuleIds.Aft03].IsYes)
        {
            list.Add(c.Application.Channel == ApplicationChannel.OutsideCanadaOnline
                ? Make(RuleIds.Aft03, InterviewOutside, 0)
                : Make(RuleIds.Aft03, InterviewInside, 2));
        }

        if (c.Application.Stage is ApplicationStage.Processing or ApplicationStage.Decided || c.Application.Decision is not null)
        {
            list.Add(Make(RuleIds.Aft05, Texts[RuleIds.Aft05], 0));
        }

        if (f[RuleIds.Aft13].Value is WorkPermit.Rules.ActivationRisk.MayNotBeAbleToActivateOnReentryFromUsOrSpm)
        {
            list.Add(Make(RuleIds.Aft13, ActivationRisk, 1));
        }

        if (interimEligible)
        {
            list.Add(Make(RuleIds.Aft18, Texts[RuleIds.Aft18], 0));
        }

        list.Sort((a, b) => RuleCatalogue.OrderOf(a.RuleId).CompareTo(RuleCatalogue.OrderOf(b.RuleId)));
        return list;
    }

    private static Advisory Make(string ruleId, string text, int quote)
    {
        var citations = RuleCatalogue.Get(ruleId).Citations;
        return new Advisory(ruleId, text, citations[Math.Min(quote, citations.Count - 1)]);
    }
}
