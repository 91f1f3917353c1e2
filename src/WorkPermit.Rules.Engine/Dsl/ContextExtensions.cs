using WorkPermit.Rules.Engine.RuleModel;

namespace WorkPermit.Rules.Engine.Dsl;

/// <summary>Conveniences over <see cref="IContext"/> for rule actions.</summary>
public static class ContextExtensions
{
    /// <summary>Applies <paramref name="updateAction"/> to <paramref name="fact"/>, then updates the fact in working memory.</summary>
    /// <typeparam name="T">The fact type.</typeparam>
    /// <param name="context">The context.</param>
    /// <param name="fact">The fact.</param>
    /// <param name="updateAction">The change to apply.</param>
    public static void Update<T>(this IContext context, T fact, Action<T> updateAction)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(updateAction);
        updateAction(fact);
        context.Update(fact);
    }

    /// <summary>Resolves a service through the session's dependency resolver.</summary>
    /// <typeparam name="TService">The service type.</typeparam>
    /// <param name="context">The context.</param>
    /// <returns>The service.</returns>
    public static TService Resolve<TService>(this IContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return (TService)context.Resolve(typeof(TService));
    }
}
