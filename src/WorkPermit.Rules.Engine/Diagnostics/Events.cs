using WorkPermit.Rules.Engine.RuleModel;

namespace WorkPermit.Rules.Engine.Diagnostics;

/// <summary>What a session reports while it runs. Handlers run synchronously on the session's thread.</summary>
public interface IEventProvider
{
    /// <summary>Raised before a fact is inserted.</summary>
    event EventHandler<WorkingMemoryEventArgs>? FactInsertingEvent;

    /// <summary>Raised after a fact is inserted and propagated.</summary>
    event EventHandler<WorkingMemoryEventArgs>? FactInsertedEvent;

    /// <summary>Raised before a fact is updated.</summary>
    event EventHandler<WorkingMemoryEventArgs>? FactUpdatingEvent;

    /// <summary>Raised after a fact is updated and propagated.</summary>
    event EventHandler<WorkingMemoryEventArgs>? FactUpdatedEvent;

    /// <summary>Raised before a fact is retracted.</summary>
    event EventHandler<WorkingMemoryEventArgs>? FactRetractingEvent;

    /// <summary>Raised after a fact is retracted and propagated.</summary>
    event EventHandler<WorkingMemoryEventArgs>? FactRetractedEvent;

    /// <summary>Raised when a new match is put on the agenda.</summary>
    event EventHandler<AgendaEventArgs>? ActivationCreatedEvent;

    /// <summary>Raised when a fact of an existing match is updated.</summary>
    event EventHandler<AgendaEventArgs>? ActivationUpdatedEvent;

    /// <summary>Raised when a match no longer holds.</summary>
    event EventHandler<AgendaEventArgs>? ActivationDeletedEvent;

    /// <summary>Raised before a rule's actions run.</summary>
    event EventHandler<AgendaEventArgs>? RuleFiringEvent;

    /// <summary>Raised after a rule's actions ran.</summary>
    event EventHandler<AgendaEventArgs>? RuleFiredEvent;

    /// <summary>Raised when a condition throws; set <see cref="ExpressionErrorEventArgs.IsHandled"/> to treat it as not matching.</summary>
    event EventHandler<LhsExpressionErrorEventArgs>? LhsExpressionFailedEvent;

    /// <summary>Raised when an action throws; set <see cref="ExpressionErrorEventArgs.IsHandled"/> to skip the rest of that firing and go on.</summary>
    event EventHandler<RhsExpressionErrorEventArgs>? RhsExpressionFailedEvent;
}

/// <summary>A working-memory change.</summary>
/// <param name="fact">The fact.</param>
public sealed class WorkingMemoryEventArgs(IFact fact) : EventArgs
{
    /// <summary>Gets the fact.</summary>
    /// <value>The fact.</value>
    public IFact Fact { get; } = fact;
}

/// <summary>An agenda change or a firing.</summary>
/// <param name="match">The match.</param>
public sealed class AgendaEventArgs(IMatch match) : EventArgs
{
    /// <summary>Gets the match.</summary>
    /// <value>The match.</value>
    public IMatch Match { get; } = match;

    /// <summary>Gets the rule.</summary>
    /// <value>The rule.</value>
    public IRuleDefinition Rule => Match.Rule;

    /// <summary>Gets the matched facts.</summary>
    /// <value>The facts.</value>
    public IReadOnlyList<IFactMatch> Facts => Match.Facts;
}

/// <summary>An expression that threw.</summary>
public abstract class ExpressionErrorEventArgs : EventArgs
{
    private protected ExpressionErrorEventArgs(string expression, Exception exception)
    {
        Expression = expression;
        Exception = exception;
    }

    /// <summary>Gets the expression, as text.</summary>
    /// <value>The expression.</value>
    public string Expression { get; }

    /// <summary>Gets what the expression threw.</summary>
    /// <value>The exception.</value>
    public Exception Exception { get; }

    /// <summary>Gets or sets whether the handler dealt with the error, so the engine goes on instead of throwing.</summary>
    /// <value><see langword="true"/> to go on.</value>
    public bool IsHandled { get; set; }
}

/// <summary>A condition that threw.</summary>
public sealed class LhsExpressionErrorEventArgs : ExpressionErrorEventArgs
{
    internal LhsExpressionErrorEventArgs(string expression, Exception exception, IReadOnlyList<string> rules, IReadOnlyList<object?> facts)
        : base(expression, exception)
    {
        Rules = rules;
        Facts = facts;
    }

    /// <summary>Gets the names of the rules that share the condition.</summary>
    /// <value>The rule names.</value>
    public IReadOnlyList<string> Rules { get; }

    /// <summary>Gets the facts the condition was evaluated on.</summary>
    /// <value>The facts.</value>
    public IReadOnlyList<object?> Facts { get; }
}

/// <summary>An action that threw.</summary>
public sealed class RhsExpressionErrorEventArgs : ExpressionErrorEventArgs
{
    internal RhsExpressionErrorEventArgs(string expression, Exception exception, IMatch match)
        : base(expression, exception) => Match = match;

    /// <summary>Gets the match the rule was firing on.</summary>
    /// <value>The match.</value>
    public IMatch Match { get; }
}
