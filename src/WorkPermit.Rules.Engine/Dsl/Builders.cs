using System.Linq.Expressions;
using WorkPermit.Rules.Engine.RuleModel;

namespace WorkPermit.Rules.Engine.Dsl;

internal sealed class LeftHandSideBuilder(RawGroup group) : ILeftHandSideExpression
{
    private IRawHavingTarget? _current;

    public ILeftHandSideExpression Match<TFact>(Expression<Func<TFact>> alias, params Expression<Func<TFact, bool>>[] conditions)
        where TFact : notnull
    {
        ArgumentNullException.ThrowIfNull(alias);
        var pattern = new RawPattern(typeof(TFact), alias);
        AddConditions(pattern.Conditions, conditions);
        group.Items.Add(pattern);
        _current = pattern;
        return this;
    }

    public ILeftHandSideExpression Match<TFact>(params Expression<Func<TFact, bool>>[] conditions)
        where TFact : notnull
    {
        var pattern = new RawPattern(typeof(TFact), alias: null);
        AddConditions(pattern.Conditions, conditions);
        group.Items.Add(pattern);
        _current = pattern;
        return this;
    }

    public ILeftHandSideExpression Exists<TFact>(params Expression<Func<TFact, bool>>[] conditions)
        where TFact : notnull => Quantifier(QuantifierKind.Exists, conditions);

    public ILeftHandSideExpression Not<TFact>(params Expression<Func<TFact, bool>>[] conditions)
        where TFact : notnull => Quantifier(QuantifierKind.Not, conditions);

    public ILeftHandSideExpression All<TFact>(Expression<Func<TFact, bool>> condition)
        where TFact : notnull
    {
        ArgumentNullException.ThrowIfNull(condition);
        Expression<Func<TFact, bool>> always = _ => true;
        return All(always, condition);
    }

    public ILeftHandSideExpression All<TFact>(Expression<Func<TFact, bool>> baseCondition, params Expression<Func<TFact, bool>>[] conditions)
        where TFact : notnull
    {
        ArgumentNullException.ThrowIfNull(baseCondition);
        var forAll = new RawForAll(typeof(TFact), baseCondition);
        AddConditions(forAll.Conditions, conditions);
        if (forAll.Conditions.Count == 0)
        {
            throw new ArgumentException("All<T>(baseCondition, conditions) needs at least one condition besides the base condition.", nameof(conditions));
        }

        group.Items.Add(forAll);
        _current = null;
        return this;
    }

    public ILeftHandSideExpression Query<TResult>(Expression<Func<TResult>> alias, Func<IQuery, IQuery<TResult>> queryAction)
        where TResult : notnull
    {
        ArgumentNullException.ThrowIfNull(alias);
        ArgumentNullException.ThrowIfNull(queryAction);
        var query = new RawQuery(alias);
        var result = queryAction(new QueryBuilder<object>(query));
        if (result is not IQueryBuilderAccess || query.SourceType is null)
        {
            throw new ArgumentException("A query must start with q.Match<T>(...) and be built only with the query methods of QueryExtensions.", nameof(queryAction));
        }

        group.Items.Add(query);
        _current = query;
        return this;
    }

    public ILeftHandSideExpression And(Action<ILeftHandSideExpression> builder) => Group(isOr: false, builder);

    public ILeftHandSideExpression Or(Action<ILeftHandSideExpression> builder) => Group(isOr: true, builder);

    public ILeftHandSideExpression Let<TResult>(Expression<Func<TResult>> alias, Expression<Func<TResult>> expression)
    {
        ArgumentNullException.ThrowIfNull(alias);
        ArgumentNullException.ThrowIfNull(expression);
        var let = new RawLet(alias, expression);
        group.Items.Add(let);
        _current = let;
        return this;
    }

    public ILeftHandSideExpression Having(params Expression<Func<bool>>[] conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        if (_current is null)
        {
            throw new ArgumentException("Having(...) adds conditions to the latest Match, Query or Let, and there is none before it in this group.", nameof(conditions));
        }

        foreach (var condition in conditions)
        {
            ArgumentNullException.ThrowIfNull(condition, nameof(conditions));
            _current.Having.Add(condition);
        }

        return this;
    }

    private LeftHandSideBuilder Quantifier<TFact>(QuantifierKind kind, Expression<Func<TFact, bool>>[] conditions)
    {
        var quantifier = new RawQuantifier(kind, typeof(TFact));
        AddConditions(quantifier.Conditions, conditions);
        group.Items.Add(quantifier);
        _current = null;
        return this;
    }

    private LeftHandSideBuilder Group(bool isOr, Action<ILeftHandSideExpression> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var nested = new RawGroup(isOr);
        builder(new LeftHandSideBuilder(nested));
        if (nested.Items.Count == 0)
        {
            throw new ArgumentException($"{(isOr ? "Or" : "And")}(...) must add at least one element.", nameof(builder));
        }

        group.Items.Add(nested);
        _current = null;
        return this;
    }

    private static void AddConditions(List<LambdaExpression> target, LambdaExpression[] conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        foreach (var condition in conditions)
        {
            ArgumentNullException.ThrowIfNull(condition, nameof(conditions));
            target.Add(condition);
        }
    }
}

internal sealed class RightHandSideBuilder(RawRule rule) : IRightHandSideExpression
{
    public IRightHandSideExpression Action(Expression<Action<IContext>> action, ActionTrigger actionTrigger)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (actionTrigger == ActionTrigger.None)
        {
            throw new ArgumentException("An action needs at least one trigger.", nameof(actionTrigger));
        }

        rule.Actions.Add(new RawDoAction(action, actionTrigger));
        return this;
    }

    public IRightHandSideExpression Do(Expression<Action<IContext>> action) =>
        Action(action, ActionTrigger.Activated | ActionTrigger.Reactivated);

    public IRightHandSideExpression Undo(Expression<Action<IContext>> action) =>
        Action(action, ActionTrigger.Deactivated);

    public IRightHandSideExpression Yield<TFact>(Expression<Func<IContext, TFact>> yield)
        where TFact : notnull
    {
        ArgumentNullException.ThrowIfNull(yield);
        rule.Actions.Add(new RawYieldAction(typeof(TFact), yield, Update: null));
        return this;
    }

    public IRightHandSideExpression Yield<TFact>(Expression<Func<IContext, TFact>> yieldInsert, Expression<Func<IContext, TFact, TFact>> yieldUpdate)
        where TFact : notnull
    {
        ArgumentNullException.ThrowIfNull(yieldInsert);
        ArgumentNullException.ThrowIfNull(yieldUpdate);
        rule.Actions.Add(new RawYieldAction(typeof(TFact), yieldInsert, yieldUpdate));
        return this;
    }
}

internal sealed class DependencyBuilder(RawRule rule) : IDependencyExpression
{
    public IDependencyExpression Resolve<TDependency>(Expression<Func<TDependency>> alias)
        where TDependency : notnull
    {
        ArgumentNullException.ThrowIfNull(alias);
        rule.Dependencies.Add(new RawDependency(alias, typeof(TDependency)));
        return this;
    }
}

internal interface IQueryBuilderAccess
{
    RawQuery Query { get; }
}

internal sealed class QueryBuilder<TSource>(RawQuery query) : IQuery, IQuery<TSource>, ICollectQuery<TSource>, IQueryBuilderAccess
{
    public RawQuery Query { get; } = query;
}
