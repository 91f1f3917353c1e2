namespace WorkPermit.Rules.Engine;

/// <summary>Thrown when a rule's condition throws and no <c>LhsExpressionFailedEvent</c> handler handled it.</summary>
public sealed class RuleLhsExpressionEvaluationException : Exception
{
    internal RuleLhsExpressionEvaluationException(string expression, IReadOnlyList<string> rules, IReadOnlyList<object?> facts, Exception inner)
        : base($"Condition '{expression}' of rule {Describe(rules)} threw {inner.GetType().Name} on facts [{string.Join(", ", facts.Select(f => f?.ToString() ?? "null"))}]: {inner.Message}", inner)
    {
        Expression = expression;
        Rules = rules;
        Facts = facts;
    }

    /// <summary>Gets the condition, as text.</summary>
    /// <value>The condition.</value>
    public string Expression { get; }

    /// <summary>Gets the names of the rules that use the condition.</summary>
    /// <value>The rule names.</value>
    public IReadOnlyList<string> Rules { get; }

    /// <summary>Gets the facts the condition was evaluated on.</summary>
    /// <value>The facts.</value>
    public IReadOnlyList<object?> Facts { get; }

    private static string Describe(IReadOnlyList<string> rules) =>
        rules.Count == 1 ? $"'{rules[0]}'" : $"[{string.Join(", ", rules.Select(r => $"'{r}'"))}]";
}

/// <summary>Thrown when a rule's action throws and no <c>RhsExpressionFailedEvent</c> handler handled it.</summary>
public sealed class RuleRhsExpressionEvaluationException : Exception
{
    internal RuleRhsExpressionEvaluationException(string expression, string rule, IReadOnlyList<object?> facts, Exception inner)
        : base($"Action '{expression}' of rule '{rule}' threw {inner.GetType().Name} on facts [{string.Join(", ", facts.Select(f => f?.ToString() ?? "null"))}]: {inner.Message}", inner)
    {
        Expression = expression;
        Rule = rule;
        Facts = facts;
    }

    /// <summary>Gets the action, as text.</summary>
    /// <value>The action.</value>
    public string Expression { get; }

    /// <summary>Gets the name of the rule.</summary>
    /// <value>The rule name.</value>
    public string Rule { get; }

    /// <summary>Gets the facts of the match the rule fired on.</summary>
    /// <value>The facts.</value>
    public IReadOnlyList<object?> Facts { get; }
}

/// <summary>Thrown by <c>Fire()</c> when more rules fire in one call than <see cref="ISession.MaxFiringsPerFire"/>: the rules
/// keep re-activating each other and never reach a fixpoint.</summary>
public sealed class RuleFiringLimitExceededException : Exception
{
    internal RuleFiringLimitExceededException(int limit, IReadOnlyList<KeyValuePair<string, int>> recentRules)
        : base($"Fire() stopped after {limit} firings without reaching a fixpoint; the rules firing most recently were: "
            + string.Join(", ", recentRules.Select(r => $"'{r.Key}' ({r.Value} of the last firings)"))
            + ". Their actions probably keep updating facts that re-activate them; make them non-repeatable or guard the update.")
    {
        Limit = limit;
        Rules = recentRules.Select(r => r.Key).ToArray();
    }

    /// <summary>Gets the firing limit that was exceeded.</summary>
    /// <value>The limit.</value>
    public int Limit { get; }

    /// <summary>Gets the rules involved, most frequent first.</summary>
    /// <value>The rule names.</value>
    public IReadOnlyList<string> Rules { get; }
}
