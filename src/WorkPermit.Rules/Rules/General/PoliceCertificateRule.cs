using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.General;

/// <summary>GEN-05 (Police clearance certificate on request): A police clearance certificate is needed when an officer asks for one.</summary>
[Name(RuleIds.Gen05)]
[Description("A police clearance certificate is needed when an officer asks for one.")]
[Tag("general")]
[Tag("document")]
internal sealed class PoliceCertificateRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.OfficerPoliceCertificateRequested);

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
        var verdict = Is.True(c.Officer.PoliceCertificateRequested, FactId.OfficerPoliceCertificateRequested);
        return Finding.Of(RuleIds.Gen05, verdict, Reads, documents: verdict.IsYes ? Documents.PoliceClearanceCertificate : null);
    }
}
