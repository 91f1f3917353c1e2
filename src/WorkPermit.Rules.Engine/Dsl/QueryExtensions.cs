using System.Linq.Expressions;

namespace WorkPermit.Rules.Engine.Dsl;

/// <summary>The operations a rule query is built from: <c>Match</c>, then any of <c>Where</c>, <c>Select</c>,
/// <c>SelectMany</c>, <c>GroupBy</c>, and optionally <c>Collect</c> last.</summary>
public static class QueryExtensions
{
    /// <summary>Starts a query from the facts of type <typeparamref name="TFact"/> that satisfy the conditions.</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <param name="query">The query.</param>
    /// <param name="conditions">Conditions; they may mention aliases bound before the query.</param>
    /// <returns>The query over matching facts.</returns>
    public static IQuery<TFact> Match<TFact>(this IQuery query, params Expression<Func<TFact, bool>>[] conditions)
        where TFact : notnull
    {
        var raw = Access(query);
        if (raw.SourceType is not null)
        {
            throw new InvalidOperationException("A query has exactly one Match, at its start.");
        }

        ArgumentNullException.ThrowIfNull(conditions);
        raw.SourceType = typeof(TFact);
        foreach (var condition in conditions)
        {
            ArgumentNullException.ThrowIfNull(condition, nameof(conditions));
            raw.SourceConditions.Add(condition);
        }

        return new QueryBuilder<TFact>(raw);
    }

    /// <summary>Keeps the elements that satisfy every predicate.</summary>
    /// <typeparam name="TSource">The element type.</typeparam>
    /// <param name="source">The query.</param>
    /// <param name="predicates">Predicates.</param>
    /// <returns>The filtered query.</returns>
    public static IQuery<TSource> Where<TSource>(this IQuery<TSource> source, params Expression<Func<TSource, bool>>[] predicates)
    {
        ArgumentNullException.ThrowIfNull(predicates);
        foreach (var predicate in predicates)
        {
            ArgumentNullException.ThrowIfNull(predicate, nameof(predicates));
        }

        return Add<TSource, TSource>(source, QueryOperation.Where, predicates);
    }

    /// <summary>Projects each element.</summary>
    /// <typeparam name="TSource">The element type.</typeparam>
    /// <typeparam name="TResult">The projected type.</typeparam>
    /// <param name="source">The query.</param>
    /// <param name="selector">The projection.</param>
    /// <returns>The projected query.</returns>
    public static IQuery<TResult> Select<TSource, TResult>(this IQuery<TSource> source, Expression<Func<TSource, TResult>> selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        return Add<TSource, TResult>(source, QueryOperation.Select, [selector]);
    }

    /// <summary>Flattens a collection selected from each element.</summary>
    /// <typeparam name="TSource">The element type.</typeparam>
    /// <typeparam name="TResult">The flattened type.</typeparam>
    /// <param name="source">The query.</param>
    /// <param name="selector">Selects the collection.</param>
    /// <returns>The flattened query.</returns>
    public static IQuery<TResult> SelectMany<TSource, TResult>(this IQuery<TSource> source, Expression<Func<TSource, IEnumerable<TResult>>> selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        return Add<TSource, TResult>(source, QueryOperation.SelectMany, [selector]);
    }

    /// <summary>Groups the elements by key; each group is one result, in order of its first element.</summary>
    /// <typeparam name="TSource">The element type.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <param name="source">The query.</param>
    /// <param name="keySelector">Selects the key.</param>
    /// <returns>The query over groups.</returns>
    public static IQuery<IGrouping<TKey, TSource>> GroupBy<TSource, TKey>(this IQuery<TSource> source, Expression<Func<TSource, TKey>> keySelector)
    {
        ArgumentNullException.ThrowIfNull(keySelector);
        Expression<Func<TSource, TSource>> identity = x => x;
        return Add<TSource, IGrouping<TKey, TSource>>(source, QueryOperation.GroupBy, [keySelector, identity]);
    }

    /// <summary>Groups projected elements by key.</summary>
    /// <typeparam name="TSource">The element type.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TElement">The projected element type.</typeparam>
    /// <param name="source">The query.</param>
    /// <param name="keySelector">Selects the key.</param>
    /// <param name="elementSelector">Projects each element.</param>
    /// <returns>The query over groups.</returns>
    public static IQuery<IGrouping<TKey, TElement>> GroupBy<TSource, TKey, TElement>(this IQuery<TSource> source,
        Expression<Func<TSource, TKey>> keySelector, Expression<Func<TSource, TElement>> elementSelector)
    {
        ArgumentNullException.ThrowIfNull(keySelector);
        ArgumentNullException.ThrowIfNull(elementSelector);
        return Add<TSource, IGrouping<TKey, TElement>>(source, QueryOperation.GroupBy, [keySelector, elementSelector]);
    }

    /// <summary>Collects all elements into one read-only collection; the query then matches once, even when nothing is collected.</summary>
    /// <typeparam name="TSource">The element type.</typeparam>
    /// <param name="source">The query.</param>
    /// <returns>The collecting query.</returns>
    public static ICollectQuery<TSource> Collect<TSource>(this IQuery<TSource> source)
    {
        var raw = Access(source);
        raw.Steps.Add(new RawQueryStep(QueryOperation.Collect, typeof(IEnumerable<TSource>), []));
        return new QueryBuilder<TSource>(raw);
    }

    private static QueryBuilder<TResult> Add<TSource, TResult>(IQuery<TSource> source, QueryOperation operation, LambdaExpression[] expressions)
    {
        var raw = Access(source);
        raw.Steps.Add(new RawQueryStep(operation, typeof(TResult), expressions));
        return new QueryBuilder<TResult>(raw);
    }

    private static RawQuery Access(object query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query is not IQueryBuilderAccess access)
        {
            throw new ArgumentException("Queries must be built from the IQuery passed to Query(...), not from another implementation.", nameof(query));
        }

        if (access.Query.Steps.Count > 0 && access.Query.Steps[^1].Operation == QueryOperation.Collect)
        {
            throw new InvalidOperationException("Collect() must be the last operation of a query.");
        }

        return access.Query;
    }
}
