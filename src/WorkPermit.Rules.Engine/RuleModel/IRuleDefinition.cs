namespace WorkPermit.Rules.Engine.RuleModel;

/// <summary>A rule's metadata, as the engine knows it after loading.</summary>
public interface IRuleDefinition
{
    /// <summary>Gets the rule's name: the <c>[Name]</c> attribute, or the rule class's full name.</summary>
    /// <value>The rule name.</value>
    string Name { get; }

    /// <summary>Gets the rule's description, or an empty string.</summary>
    /// <value>The description.</value>
    string Description { get; }

    /// <summary>Gets the rule's priority; higher priorities fire first.</summary>
    /// <value>The priority; 0 by default.</value>
    int Priority { get; }

    /// <summary>Gets whether the rule fires again when the facts it matched are updated.</summary>
    /// <value>The repeatability.</value>
    RuleRepeatability Repeatability { get; }

    /// <summary>Gets the rule's tags.</summary>
    /// <value>The tags, in declaration order.</value>
    IReadOnlyList<string> Tags { get; }

    /// <summary>Gets the class that declared the rule, when it came from a rule class.</summary>
    /// <value>The rule class, or <see langword="null"/>.</value>
    Type? RuleType { get; }
}
