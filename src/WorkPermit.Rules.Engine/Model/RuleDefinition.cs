using System.Linq.Expressions;
using WorkPermit.Rules.Engine.Dsl;
using WorkPermit.Rules.Engine.RuleModel;

namespace WorkPermit.Rules.Engine.Model;

// The canonical rule model: independent of the DSL that produced it and of the network that runs it.
// A rule is a list of branches (its Or groups expanded); a branch is a sequence of steps, each of which
// binds at most one declaration, followed by actions over the declarations.

/// <summary>A variable bound by a rule: the fact of a pattern, a query result, a Let value or a service.</summary>
internal sealed class Declaration(string name, Type type, int position)
{
    public string Name { get; } = name;
    public Type Type { get; } = type;

    /// <summary>Position of the step that binds it within its branch (1-based); 0 for services.</summary>
    public int Position { get; } = position;

    public ParameterExpression Parameter { get; } = System.Linq.Expressions.Expression.Parameter(type, name);

    public override string ToString() => $"{Name}:{Type.Name}";
}

/// <summary>An expression over declarations: its lambda's parameters are exactly the declarations it reads, in position order.</summary>
internal sealed class BoundExpression(LambdaExpression lambda, IReadOnlyList<Declaration> parameters)
{
    public LambdaExpression Lambda { get; } = lambda;
    public IReadOnlyList<Declaration> Parameters { get; } = parameters;

    public bool References(Declaration declaration) => Parameters.Contains(declaration);

    public override string ToString() => Lambda.ToString();
}

internal abstract class Step(int position)
{
    public int Position { get; } = position;
}

/// <summary>Match a fact; conditions may read earlier declarations (joins).</summary>
internal sealed class PatternStep(int position, Declaration declaration, IReadOnlyList<BoundExpression> conditions) : Step(position)
{
    public Declaration Declaration { get; } = declaration;
    public IReadOnlyList<BoundExpression> Conditions { get; } = conditions;
}

/// <summary>Not / Exists (ForAll is lowered to Not).</summary>
internal sealed class QuantifierStep(int position, QuantifierKind kind, Declaration element, IReadOnlyList<BoundExpression> conditions) : Step(position)
{
    public QuantifierKind Kind { get; } = kind;
    public Declaration Element { get; } = element;
    public IReadOnlyList<BoundExpression> Conditions { get; } = conditions;
}

internal sealed class QueryOperationModel(QueryOperation operation, Type inputType, Type resultType, IReadOnlyList<BoundExpression> expressions, Declaration input)
{
    public QueryOperation Operation { get; } = operation;
    public Type InputType { get; } = inputType;
    public Type ResultType { get; } = resultType;

    /// <summary>The operation's lambdas; each has <see cref="Input"/> among its parameters when it reads the element.</summary>
    public IReadOnlyList<BoundExpression> Expressions { get; } = expressions;

    public Declaration Input { get; } = input;
}

/// <summary>Query: facts of a source pattern, transformed and bound as one declaration.</summary>
internal sealed class QueryStep(int position, Declaration result, Declaration source, IReadOnlyList<BoundExpression> sourceConditions, IReadOnlyList<QueryOperationModel> operations) : Step(position)
{
    public Declaration Result { get; } = result;
    public Declaration Source { get; } = source;
    public IReadOnlyList<BoundExpression> SourceConditions { get; } = sourceConditions;
    public IReadOnlyList<QueryOperationModel> Operations { get; } = operations;
    public bool IsCollect => Operations.Count > 0 && Operations[^1].Operation == QueryOperation.Collect;
}

/// <summary>Let: bind the value of an expression over earlier declarations.</summary>
internal sealed class BindingStep(int position, Declaration declaration, BoundExpression expression) : Step(position)
{
    public Declaration Declaration { get; } = declaration;
    public BoundExpression Expression { get; } = expression;
}

/// <summary>Having on a query or binding: conditions over declarations bound so far.</summary>
internal sealed class FilterStep(int position, IReadOnlyList<BoundExpression> conditions) : Step(position)
{
    public IReadOnlyList<BoundExpression> Conditions { get; } = conditions;
}

internal abstract class ActionModel(ActionTrigger trigger)
{
    public ActionTrigger Trigger { get; } = trigger;
}

/// <summary>An action; its lambda's parameters are the context followed by the declarations it reads.</summary>
internal sealed class ExecuteAction(ActionTrigger trigger, LambdaExpression lambda, IReadOnlyList<Declaration> parameters) : ActionModel(trigger)
{
    public LambdaExpression Lambda { get; } = lambda;
    public IReadOnlyList<Declaration> Parameters { get; } = parameters;
}

/// <summary>A Yield; Insert's parameters are (context, declarations...); Update's are (context, current, declarations...).</summary>
internal sealed class YieldAction(Type factType, LambdaExpression insert, IReadOnlyList<Declaration> insertParameters, LambdaExpression? update, IReadOnlyList<Declaration>? updateParameters)
    : ActionModel(ActionTrigger.Activated | ActionTrigger.Reactivated)
{
    public Type FactType { get; } = factType;
    public LambdaExpression Insert { get; } = insert;
    public IReadOnlyList<Declaration> InsertParameters { get; } = insertParameters;
    public LambdaExpression? Update { get; } = update;
    public IReadOnlyList<Declaration>? UpdateParameters { get; } = updateParameters;
    public object Key { get; } = new YieldKey();

    private sealed class YieldKey
    {
        public override string ToString() => "yield";
    }
}

internal sealed class RuleBranch(IReadOnlyList<Step> steps, IReadOnlyList<ActionModel> actions, IReadOnlyList<Declaration> declarations)
{
    public IReadOnlyList<Step> Steps { get; } = steps;
    public IReadOnlyList<ActionModel> Actions { get; } = actions;

    /// <summary>Declarations bound by the steps, in position order (what a match exposes).</summary>
    public IReadOnlyList<Declaration> Declarations { get; } = declarations;
}

internal sealed class RuleDefinition(RuleMetadata metadata, IReadOnlyList<RuleBranch> branches) : IRuleDefinition
{
    public string Name { get; } = metadata.Name;
    public string Description { get; } = metadata.Description;
    public int Priority { get; } = metadata.Priority;
    public RuleRepeatability Repeatability { get; } = metadata.Repeatability;
    public IReadOnlyList<string> Tags { get; } = metadata.Tags;
    public Type? RuleType { get; } = metadata.RuleType;
    public IReadOnlyList<RuleBranch> Branches { get; } = branches;

    public override string ToString() => Name;
}
