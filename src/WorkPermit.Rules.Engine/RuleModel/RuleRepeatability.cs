namespace WorkPermit.Rules.Engine.RuleModel;

/// <summary>Whether a rule fires again when the facts of a match it already fired on are updated.</summary>
public enum RuleRepeatability
{
    /// <summary>The rule fires again each time a fact in its match is updated (the default).</summary>
    Repeatable = 0,

    /// <summary>The rule fires once per match; it fires again only after the match is retracted and made again.</summary>
    NonRepeatable = 1,
}

/// <summary>The event in an activation's life that makes a rule action run.</summary>
[Flags]
public enum ActionTrigger
{
    /// <summary>No trigger.</summary>
    None = 0,

    /// <summary>The match was created.</summary>
    Activated = 1,

    /// <summary>A fact in a match the rule already fired on was updated.</summary>
    Reactivated = 2,

    /// <summary>A match the rule fired on no longer holds.</summary>
    Deactivated = 4,
}
