using WorkPermit.Rules.Engine.Diagnostics;
using WorkPermit.Rules.Engine.RuleModel;

namespace WorkPermit.Rules.Engine;

/// <summary>
/// A working memory and agenda over a compiled rule set. Sessions are cheap to create and are not thread-safe:
/// use one per unit of work (for example, one per evaluation) on one thread at a time.
/// </summary>
public interface ISession
{
    /// <summary>Gets the session's events.</summary>
    /// <value>The event provider.</value>
    IEventProvider Events { get; }

    /// <summary>Gets or sets the resolver of the services that rules declare with <c>Dependency()</c>.</summary>
    /// <value>The resolver; the factory's by default.</value>
    IDependencyResolver? DependencyResolver { get; set; }

    /// <summary>Gets or sets the loop guard: the most rules one <see cref="Fire()"/> call may fire before it stops with
    /// <see cref="RuleFiringLimitExceededException"/>.</summary>
    /// <value>The limit; 10,000,000 by default. Must be positive.</value>
    int MaxFiringsPerFire { get; set; }

    /// <summary>Inserts a fact.</summary>
    /// <param name="fact">The fact.</param>
    /// <exception cref="ArgumentNullException"><paramref name="fact"/> is null.</exception>
    /// <exception cref="ArgumentException">A fact with the same identity is already in working memory.</exception>
    void Insert(object fact);

    /// <summary>Inserts facts, all or none.</summary>
    /// <param name="facts">The facts.</param>
    /// <exception cref="ArgumentException">A fact is null, repeated, or already in working memory; nothing was inserted.</exception>
    void InsertAll(IEnumerable<object> facts);

    /// <summary>Inserts a fact unless one with the same identity is present.</summary>
    /// <param name="fact">The fact.</param>
    /// <returns><see langword="true"/> if it was inserted.</returns>
    bool TryInsert(object fact);

    /// <summary>Updates a fact; <paramref name="fact"/> may be a new instance with the same identity (for example a record copy).</summary>
    /// <param name="fact">The fact.</param>
    /// <exception cref="ArgumentException">No fact with that identity is in working memory.</exception>
    void Update(object fact);

    /// <summary>Updates facts, all or none.</summary>
    /// <param name="facts">The facts.</param>
    /// <exception cref="ArgumentException">A fact is not in working memory; nothing was updated.</exception>
    void UpdateAll(IEnumerable<object> facts);

    /// <summary>Updates a fact unless it is absent.</summary>
    /// <param name="fact">The fact.</param>
    /// <returns><see langword="true"/> if it was updated.</returns>
    bool TryUpdate(object fact);

    /// <summary>Retracts a fact.</summary>
    /// <param name="fact">The fact, or an object with the same identity.</param>
    /// <exception cref="ArgumentException">No fact with that identity is in working memory.</exception>
    void Retract(object fact);

    /// <summary>Retracts facts, all or none.</summary>
    /// <param name="facts">The facts.</param>
    /// <exception cref="ArgumentException">A fact is not in working memory; nothing was retracted.</exception>
    void RetractAll(IEnumerable<object> facts);

    /// <summary>Retracts a fact unless it is absent.</summary>
    /// <param name="fact">The fact.</param>
    /// <returns><see langword="true"/> if it was retracted.</returns>
    bool TryRetract(object fact);

    /// <summary>Fires rules until the agenda is empty or an action halts.</summary>
    /// <returns>The number of rules fired.</returns>
    /// <exception cref="RuleRhsExpressionEvaluationException">An action threw and no handler handled it.</exception>
    /// <exception cref="RuleLhsExpressionEvaluationException">A condition threw and no handler handled it.</exception>
    /// <exception cref="RuleFiringLimitExceededException">More than <see cref="MaxFiringsPerFire"/> rules fired.</exception>
    int Fire();

    /// <summary>Fires at most <paramref name="maxRulesNumber"/> rules.</summary>
    /// <param name="maxRulesNumber">The most rules to fire.</param>
    /// <returns>The number of rules fired.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxRulesNumber"/> is negative.</exception>
    int Fire(int maxRulesNumber);

    /// <summary>Queries the facts in working memory (inserted and linked), in insertion order.</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <returns>A snapshot of the facts of that type.</returns>
    IQueryable<TFact> Query<TFact>();

    /// <summary>Gets the number of activations waiting on the agenda.</summary>
    /// <value>The agenda size.</value>
    int AgendaCount { get; }

    /// <summary>
    /// Empties the session so it can serve another unit of work: every fact and every activation is dropped, as if the
    /// session had just been created, but without running any action (no <c>Undo</c>) or raising any event. The
    /// session keeps what it allocated, so a session that is reset and reused allocates little per unit of work
    /// (a pool of sessions, for example one per thread). Event handlers, the dependency resolver and the firing limit
    /// are kept.
    /// </summary>
    /// <remarks>
    /// A session keeps what it makes from its first reset on, up to a bound, until the next reset; reset a session
    /// between units of work rather than using one reset session for an unbounded stream of changes. Matches and
    /// facts obtained from events (<see cref="RuleModel.IMatch"/>, <see cref="RuleModel.IFact"/>) before a reset must not be
    /// used after it. The facts themselves (the objects inserted or yielded) are not touched.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The session is working: <c>Reset</c> was called from a rule action or an event handler.</exception>
    void Reset();

    /// <summary>Explains a fact: for a linked fact, the rule and the facts whose match produced it, recursively.</summary>
    /// <param name="fact">The fact.</param>
    /// <returns>The explanation, or <see langword="null"/> when the fact is not in working memory.</returns>
    FactExplanation? Explain(object fact);
}

/// <summary>A compiled rule set: immutable and safe to share between threads; it makes sessions.</summary>
public interface ISessionFactory
{
    /// <summary>Gets the rules, one per rule definition loaded.</summary>
    /// <value>The rules.</value>
    IReadOnlyList<IRuleDefinition> Rules { get; }

    /// <summary>Creates a new, empty session.</summary>
    /// <returns>The session.</returns>
    ISession CreateSession();
}

/// <summary>Supplies the services that rule actions resolve.</summary>
public interface IDependencyResolver
{
    /// <summary>Resolves a service.</summary>
    /// <param name="serviceType">The service type.</param>
    /// <param name="rule">The rule whose action asks for it.</param>
    /// <returns>The service.</returns>
    object Resolve(Type serviceType, IRuleDefinition rule);
}

/// <summary>Why a fact is in working memory: inserted by the host, or yielded by a rule on a match of other facts.</summary>
/// <param name="Fact">The fact.</param>
/// <param name="Rule">The rule that produced it, or <see langword="null"/> if the host inserted it.</param>
/// <param name="Because">The explanations of the facts of that rule's match.</param>
public sealed record FactExplanation(object? Fact, string? Rule, IReadOnlyList<FactExplanation> Because)
{
    /// <summary>Renders the explanation as an indented tree.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var builder = new System.Text.StringBuilder();
        Write(builder, 0);
        return builder.ToString().TrimEnd();
    }

    private void Write(System.Text.StringBuilder builder, int depth)
    {
        var text = Fact is System.Collections.IEnumerable and not string ? $"[{Because.Count} item(s)]" : Fact?.ToString() ?? "null";
        builder.Append(' ', depth * 2).Append(text);
        builder.AppendLine(Rule is null ? string.Empty : $"  <- {Rule}");
        foreach (var reason in Because)
        {
            reason.Write(builder, depth + 1);
        }
    }
}
