using System.Linq.Expressions;
using WorkPermit.Rules.Engine.RuleModel;

namespace WorkPermit.Rules.Engine.Dsl;

// The DSL records what Define() said, unresolved: aliases are still closure fields and conditions still
// read them through the closure. RuleDefinitionFactory resolves this into the canonical model once Define()
// has finished, when every alias of the rule is known.

internal abstract class RawElement;

internal sealed class RawGroup(bool isOr) : RawElement
{
    public bool IsOr { get; } = isOr;
    public List<RawElement> Items { get; } = [];
}

/// <summary>Something <c>Having</c> can add conditions to.</summary>
internal interface IRawHavingTarget
{
    List<LambdaExpression> Having { get; }
}

internal sealed class RawPattern(Type factType, LambdaExpression? alias) : RawElement, IRawHavingTarget
{
    public Type FactType { get; } = factType;
    public LambdaExpression? Alias { get; } = alias;
    public List<LambdaExpression> Conditions { get; } = [];
    public List<LambdaExpression> Having { get; } = [];
}

internal enum QuantifierKind { Not, Exists }

internal sealed class RawQuantifier(QuantifierKind kind, Type factType) : RawElement
{
    public QuantifierKind Kind { get; } = kind;
    public Type FactType { get; } = factType;
    public List<LambdaExpression> Conditions { get; } = [];
}

internal sealed class RawForAll(Type factType, LambdaExpression baseCondition) : RawElement
{
    public Type FactType { get; } = factType;
    public LambdaExpression BaseCondition { get; } = baseCondition;
    public List<LambdaExpression> Conditions { get; } = [];
}

internal sealed class RawLet(LambdaExpression alias, LambdaExpression expression) : RawElement, IRawHavingTarget
{
    public LambdaExpression Alias { get; } = alias;
    public LambdaExpression Expression { get; } = expression;
    public List<LambdaExpression> Having { get; } = [];
}

internal enum QueryOperation { Where, Select, SelectMany, GroupBy, Collect }

internal sealed record RawQueryStep(QueryOperation Operation, Type ResultType, IReadOnlyList<LambdaExpression> Expressions);

internal sealed class RawQuery(LambdaExpression alias) : RawElement, IRawHavingTarget
{
    public LambdaExpression Alias { get; } = alias;
    public Type? SourceType { get; set; }
    public List<LambdaExpression> SourceConditions { get; } = [];
    public List<RawQueryStep> Steps { get; } = [];
    public List<LambdaExpression> Having { get; } = [];
}

internal abstract record RawAction;

internal sealed record RawDoAction(LambdaExpression Action, ActionTrigger Trigger) : RawAction;

internal sealed record RawYieldAction(Type FactType, LambdaExpression Insert, LambdaExpression? Update) : RawAction;

internal sealed record RawDependency(LambdaExpression Alias, Type ServiceType);

internal sealed class RawRule
{
    public RawGroup Root { get; } = new(isOr: false);
    public List<RawAction> Actions { get; } = [];
    public List<RawDependency> Dependencies { get; } = [];
}
