using WorkPermit.Rules.Engine.RuleModel;

namespace WorkPermit.Rules.Engine.Dsl;

/// <summary>Names a rule. Without it the rule is named after its class's full name.</summary>
/// <param name="value">The rule name.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class NameAttribute(string value) : Attribute
{
    /// <summary>Gets the rule name.</summary>
    /// <value>The name.</value>
    public string Value { get; } = value;
}

/// <summary>Describes a rule.</summary>
/// <param name="value">The description.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class DescriptionAttribute(string value) : Attribute
{
    /// <summary>Gets the description.</summary>
    /// <value>The description.</value>
    public string Value { get; } = value;
}

/// <summary>Tags a rule; a rule may carry several tags, and tags are inherited from base rule classes.</summary>
/// <param name="value">The tag.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = true, AllowMultiple = true)]
public sealed class TagAttribute(string value) : Attribute
{
    /// <summary>Gets the tag.</summary>
    /// <value>The tag.</value>
    public string Value { get; } = value;
}

/// <summary>Sets a rule's priority: when several rules are active, higher priorities fire first.</summary>
/// <param name="value">The priority; may be negative. The default is 0.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = true, AllowMultiple = false)]
public sealed class PriorityAttribute(int value) : Attribute
{
    /// <summary>Gets the priority.</summary>
    /// <value>The priority.</value>
    public int Value { get; } = value;
}

/// <summary>Sets whether a rule fires again when the facts it matched are updated.</summary>
/// <param name="value">The repeatability.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = true, AllowMultiple = false)]
public sealed class RepeatabilityAttribute(RuleRepeatability value) : Attribute
{
    /// <summary>Gets the repeatability.</summary>
    /// <value>The repeatability.</value>
    public RuleRepeatability Value { get; } = value;
}
