using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.General;

/// <summary>GEN-10 (Other documents requested by officer): The applicant must give the officer any other documents they ask for: met unless requested and not provided; the documents are needed whenever requested.</summary>
[Name(RuleIds.Gen10)]
[Description("The applicant must give the officer any other documents they ask for: met unless requested and not provided; the documents are needed whenever requested.")]
[Tag("general")]
[Tag("document")]
internal sealed class OfficerRequestedDocumentsRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.OfficerDocumentsRequested);

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
        var requested = c.Officer.DocumentsRequested;
        var verdict = requested is null ? Verdict.Unknown(FactId.OfficerDocumentsRequested) : Verdict.Of(requested != OfficerDocumentsRequest.RequestedNotProvided);
        var needed = requested is OfficerDocumentsRequest.RequestedAndProvided or OfficerDocumentsRequest.RequestedNotProvided;
        return Finding.Of(RuleIds.Gen10, verdict, Reads, documents: needed ? Documents.OfficerRequestedDocuments : null);
    }
}
