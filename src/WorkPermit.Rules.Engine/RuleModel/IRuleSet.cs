namespace WorkPermit.Rules.Engine.RuleModel;

/// <summary>A named group of rules.</summary>
public interface IRuleSet
{
    /// <summary>Gets the rule set's name.</summary>
    /// <value>The name.</value>
    string Name { get; }

    /// <summary>Gets the rules, in load order.</summary>
    /// <value>The rules.</value>
    IReadOnlyList<IRuleDefinition> Rules { get; }
}

/// <summary>A source of rule sets to compile.</summary>
public interface IRuleRepository
{
    /// <summary>Gets the rule sets.</summary>
    /// <returns>The rule sets.</returns>
    IEnumerable<IRuleSet> GetRuleSets();
}
