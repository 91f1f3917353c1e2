using System.Linq.Expressions;
using WorkPermit.Rules.Engine.RuleModel;

namespace WorkPermit.Rules.Engine.Dsl;

/// <summary>Builds a rule's conditions (its left-hand side). Each call adds to the rule and returns the builder.</summary>
public interface ILeftHandSideExpression
{
    /// <summary>Matches facts of type <typeparamref name="TFact"/> that satisfy every condition, and binds each to <paramref name="alias"/>.</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <param name="alias">The local variable the fact binds to, written <c>() =&gt; x</c>.</param>
    /// <param name="conditions">Conditions; one that mentions an earlier alias is a join.</param>
    /// <returns>This builder.</returns>
    ILeftHandSideExpression Match<TFact>(Expression<Func<TFact>> alias, params Expression<Func<TFact, bool>>[] conditions)
        where TFact : notnull;

    /// <summary>Matches facts of type <typeparamref name="TFact"/> that satisfy every condition, without binding them.</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <param name="conditions">Conditions.</param>
    /// <returns>This builder.</returns>
    ILeftHandSideExpression Match<TFact>(params Expression<Func<TFact, bool>>[] conditions)
        where TFact : notnull;

    /// <summary>Matches when at least one fact satisfies the conditions (existential quantifier).</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <param name="conditions">Conditions.</param>
    /// <returns>This builder.</returns>
    ILeftHandSideExpression Exists<TFact>(params Expression<Func<TFact, bool>>[] conditions)
        where TFact : notnull;

    /// <summary>Matches when no fact satisfies the conditions (negation).</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <param name="conditions">Conditions.</param>
    /// <returns>This builder.</returns>
    ILeftHandSideExpression Not<TFact>(params Expression<Func<TFact, bool>>[] conditions)
        where TFact : notnull;

    /// <summary>Matches when every fact of type <typeparamref name="TFact"/> satisfies the condition (true when there are none).</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <param name="condition">The condition.</param>
    /// <returns>This builder.</returns>
    ILeftHandSideExpression All<TFact>(Expression<Func<TFact, bool>> condition)
        where TFact : notnull;

    /// <summary>Matches when every fact that satisfies <paramref name="baseCondition"/> also satisfies all <paramref name="conditions"/>.</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <param name="baseCondition">Selects the facts to check.</param>
    /// <param name="conditions">What each selected fact must satisfy.</param>
    /// <returns>This builder.</returns>
    ILeftHandSideExpression All<TFact>(Expression<Func<TFact, bool>> baseCondition, params Expression<Func<TFact, bool>>[] conditions)
        where TFact : notnull;

    /// <summary>Binds the result of a query over working memory (for example a collection) to <paramref name="alias"/>.</summary>
    /// <typeparam name="TResult">The query result type.</typeparam>
    /// <param name="alias">The local variable the result binds to.</param>
    /// <param name="queryAction">Builds the query: <c>q =&gt; q.Match&lt;T&gt;(...).Where(...).Collect()</c>.</param>
    /// <returns>This builder.</returns>
    ILeftHandSideExpression Query<TResult>(Expression<Func<TResult>> alias, Func<IQuery, IQuery<TResult>> queryAction)
        where TResult : notnull;

    /// <summary>Groups conditions that must all hold.</summary>
    /// <param name="builder">Adds the grouped conditions.</param>
    /// <returns>This builder.</returns>
    ILeftHandSideExpression And(Action<ILeftHandSideExpression> builder);

    /// <summary>Groups alternatives: the rule is split into one rule per branch, so facts matching two branches fire twice.</summary>
    /// <param name="builder">Adds the alternatives; each top-level element is one branch.</param>
    /// <returns>This builder.</returns>
    ILeftHandSideExpression Or(Action<ILeftHandSideExpression> builder);

    /// <summary>Binds the value of an expression over earlier aliases to <paramref name="alias"/>.</summary>
    /// <typeparam name="TResult">The value type.</typeparam>
    /// <param name="alias">The local variable the value binds to.</param>
    /// <param name="expression">The expression.</param>
    /// <returns>This builder.</returns>
    ILeftHandSideExpression Let<TResult>(Expression<Func<TResult>> alias, Expression<Func<TResult>> expression);

    /// <summary>Adds conditions to the latest <c>Match</c>, <c>Query</c> or <c>Let</c>.</summary>
    /// <param name="conditions">Conditions over aliases bound so far.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">There is no pattern or binding before this call.</exception>
    ILeftHandSideExpression Having(params Expression<Func<bool>>[] conditions);
}

/// <summary>Builds a rule's actions (its right-hand side).</summary>
public interface IRightHandSideExpression
{
    /// <summary>Adds an action that runs on the given triggers.</summary>
    /// <param name="action">The action.</param>
    /// <param name="actionTrigger">When it runs.</param>
    /// <returns>This builder.</returns>
    IRightHandSideExpression Action(Expression<Action<IContext>> action, ActionTrigger actionTrigger);

    /// <summary>Adds an action that runs when the rule fires on a new match or, for a repeatable rule, an updated one.</summary>
    /// <param name="action">The action.</param>
    /// <returns>This builder.</returns>
    IRightHandSideExpression Do(Expression<Action<IContext>> action);

    /// <summary>Adds an action that runs when a match the rule fired on no longer holds.</summary>
    /// <param name="action">The action.</param>
    /// <returns>This builder.</returns>
    IRightHandSideExpression Undo(Expression<Action<IContext>> action);

    /// <summary>Inserts a linked fact when the rule fires, updates it (with a fresh evaluation) when the rule fires again on an update,
    /// and retracts it when the match no longer holds.</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <param name="yield">Makes the fact.</param>
    /// <returns>This builder.</returns>
    IRightHandSideExpression Yield<TFact>(Expression<Func<IContext, TFact>> yield)
        where TFact : notnull;

    /// <summary>Like <see cref="Yield{TFact}(Expression{Func{IContext, TFact}})"/>, with a separate expression for the update.</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <param name="yieldInsert">Makes the fact.</param>
    /// <param name="yieldUpdate">Makes the updated fact from the current one.</param>
    /// <returns>This builder.</returns>
    IRightHandSideExpression Yield<TFact>(Expression<Func<IContext, TFact>> yieldInsert, Expression<Func<IContext, TFact, TFact>> yieldUpdate)
        where TFact : notnull;
}

/// <summary>Declares services that the rule's actions use.</summary>
public interface IDependencyExpression
{
    /// <summary>Binds a service, resolved through the session's dependency resolver when an action runs.</summary>
    /// <typeparam name="TDependency">The service type.</typeparam>
    /// <param name="alias">The local variable the service binds to.</param>
    /// <returns>This builder.</returns>
    IDependencyExpression Resolve<TDependency>(Expression<Func<TDependency>> alias)
        where TDependency : notnull;
}

/// <summary>The start of a query; continue with <see cref="QueryExtensions.Match{TFact}(IQuery, Expression{Func{TFact, bool}}[])"/>.</summary>
public interface IQuery;

/// <summary>A query whose elements are of type <typeparamref name="TSource"/>.</summary>
/// <typeparam name="TSource">The element type.</typeparam>
public interface IQuery<out TSource>;

/// <summary>A query that collects its elements into one collection, matched even when empty.</summary>
/// <typeparam name="TSource">The element type.</typeparam>
public interface ICollectQuery<out TSource> : IQuery<IEnumerable<TSource>>;
