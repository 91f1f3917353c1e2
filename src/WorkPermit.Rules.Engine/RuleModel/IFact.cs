namespace WorkPermit.Rules.Engine.RuleModel;

/// <summary>A fact in a session's working memory, or a value a rule bound in its conditions.</summary>
public interface IFact
{
    /// <summary>Gets the declared type of the fact.</summary>
    /// <value>The fact type.</value>
    Type Type { get; }

    /// <summary>Gets the fact object.</summary>
    /// <value>The fact, or <see langword="null"/> for a binding whose value is null.</value>
    object? Value { get; }

    /// <summary>Gets the match that produced this fact when it is a linked fact (yielded or inserted linked by a rule).</summary>
    /// <value>The producing match, or <see langword="null"/> for a fact the host inserted.</value>
    IMatch? Source { get; }
}

/// <summary>One fact of a rule match, with the alias it was bound to.</summary>
public interface IFactMatch : IFact
{
    /// <summary>Gets the alias (the local variable name in <c>Define()</c>) the fact is bound to.</summary>
    /// <value>The alias name; a generated name for unnamed patterns.</value>
    string Name { get; }
}

/// <summary>A set of facts that satisfy a rule's conditions: an activation.</summary>
public interface IMatch
{
    /// <summary>Gets the rule that matched.</summary>
    /// <value>The rule.</value>
    IRuleDefinition Rule { get; }

    /// <summary>Gets the facts of the match, one per bound pattern, in the rule's order.</summary>
    /// <value>The matched facts.</value>
    IReadOnlyList<IFactMatch> Facts { get; }

    /// <summary>Gets the trigger for the current firing of this match.</summary>
    /// <value>The trigger.</value>
    ActionTrigger Trigger { get; }
}

/// <summary>Implemented by facts whose identity in working memory is something other than themselves.</summary>
public interface IIdentityProvider
{
    /// <summary>Gets the object whose equality decides the fact's identity.</summary>
    /// <returns>The identity.</returns>
    object GetIdentity();
}
