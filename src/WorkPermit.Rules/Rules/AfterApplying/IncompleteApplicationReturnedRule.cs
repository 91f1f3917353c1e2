using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.AfterApplying;

/// <summary>AFT-01 (Incomplete application returned): An application missing necessary documents, or biometrics when they are required, is returned without processing.</summary>
[Name(RuleIds.Aft01)]
[Description("An application missing necessary documents, or biometrics when they are required, is returned without processing.")]
[Tag("after-applying")]
[Tag("requirement")]
internal sealed class IncompleteApplicationReturnedRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.ApplicationDocumentsComplete, FactId.ApplicationBiometricsRequired, FactId.ApplicationBiometricsProvided);

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
        var verdict = Is.False(c.Application.DocumentsComplete, FactId.ApplicationDocumentsComplete)
            | (Is.True(c.Application.BiometricsRequired, FactId.ApplicationBiometricsRequired) & Is.False(c.Application.BiometricsProvided, FactId.ApplicationBiometricsProvided));
        return Finding.Of(RuleIds.Aft01, verdict, Reads);
    }
}
