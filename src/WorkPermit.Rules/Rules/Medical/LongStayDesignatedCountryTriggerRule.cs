using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;
using WorkPermit.Rules.Rules.Shared;

namespace WorkPermit.Rules.Rules.Medical;

/// <summary>IME-01 (Long stay + residence in designated countries): A medical exam is required for a stay of more than six months by someone who spent six months or more in a row in designated countries in the year before coming (AMB-08).</summary>
[Name(RuleIds.Ime01)]
[Description("A medical exam is required for a stay of more than six months by someone who spent six months or more in a row in designated countries in the year before coming (AMB-08).")]
[Tag("medical")]
[Tag("trigger")]
internal sealed class LongStayDesignatedCountryTriggerRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.MedicalIntendedStayMonths, FactId.MedicalDesignatedCountryMonthsPastYear, FactId.MedicalResidenceHistory);

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
        var stay = c.Medical.IntendedStayMonths is { } months ? Verdict.Of(months > 6) : Verdict.Unknown(FactId.MedicalIntendedStayMonths);
        if (stay.IsNo)
        {
            return Finding.Of(RuleIds.Ime01, Verdict.No, Reads);
        }

        var (designated, _, note) = MedicalHistory.SixMonthsInDesignatedCountries(c, c.ArrivalDate);
        return Finding.Of(RuleIds.Ime01, stay & designated, Reads | c.ArrivalDateFacts, note: note);
    }
}
