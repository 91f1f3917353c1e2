namespace WorkPermit.Rules.Testing;

/// <summary>
/// An evaluator that passes every call to another and lets a function rewrite each report, for checking that a test
/// harness's invariants catch a broken evaluator (flip an outcome, drop a finding, ask a known fact...) rather than
/// pass silently. Both entry points are covered: a JSON profile is read, evaluated by the inner evaluator and its report
/// rewritten the same way.
/// </summary>
public sealed class WorkPermitEvaluatorDecorator : IWorkPermitEvaluator
{
    private readonly IWorkPermitEvaluator _inner;
    private readonly Func<WorkPermitProfile, WorkPermitReport, WorkPermitReport> _rewrite;

    /// <summary>Initializes a new instance of the <see cref="WorkPermitEvaluatorDecorator"/> class.</summary>
    /// <param name="inner">The evaluator that does the work.</param>
    /// <param name="rewrite">Rewrites the report of a profile; it may also throw, to simulate a crash.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public WorkPermitEvaluatorDecorator(IWorkPermitEvaluator inner, Func<WorkPermitProfile, WorkPermitReport, WorkPermitReport> rewrite)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(rewrite);
        _inner = inner;
        _rewrite = rewrite;
    }

    /// <inheritdoc/>
    public RuleSetInfo RuleSet => _inner.RuleSet;

    /// <inheritdoc/>
    public ReferenceDataSet ReferenceData => _inner.ReferenceData;

    /// <inheritdoc/>
    public WorkPermitReport Evaluate(WorkPermitProfile profile) => _rewrite(profile, _inner.Evaluate(profile));

    /// <inheritdoc/>
    public WorkPermitReport Evaluate(WorkPermitProfile profile, IEnumerable<object> facts) => _rewrite(profile, _inner.Evaluate(profile, facts));

    /// <inheritdoc/>
    public EvaluationResult Evaluate(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Evaluate(System.Text.Encoding.UTF8.GetBytes(json));
    }

    /// <inheritdoc/>
    public EvaluationResult Evaluate(ReadOnlySpan<byte> utf8Json)
    {
        var result = _inner.Evaluate(utf8Json);
        if (!result.IsValid)
        {
            return result;
        }

        var profile = ProfileJson.Read(utf8Json, UnknownPropertyHandling.Ignore).Profile!;
        return EvaluationResult.Success(_rewrite(profile, result.Report!));
    }
}
