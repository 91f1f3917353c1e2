namespace WorkPermit.Rules.WebApi.Tests.Support;

/// <summary>An evaluator that fails the way a bug would, with a message no client should ever see.</summary>
public sealed class ThrowingEvaluator : IWorkPermitEvaluator
{
    /// <summary>The text of every failure: something a client must never be shown.</summary>
    public const string Secret = "connection string Server=db01;Password=hunter2";

    public RuleSetInfo RuleSet => throw Failure();

    public ReferenceDataSet ReferenceData => throw Failure();

    public WorkPermitReport Evaluate(WorkPermitProfile profile) => throw Failure();

    public EvaluationResult Evaluate(string json) => throw Failure();

    public EvaluationResult Evaluate(ReadOnlySpan<byte> utf8Json) => throw Failure();

    private static InvalidOperationException Failure() => new($"Could not open {Secret}");
}
