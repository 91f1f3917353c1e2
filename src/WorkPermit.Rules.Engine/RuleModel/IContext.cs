namespace WorkPermit.Rules.Engine.RuleModel;

/// <summary>What a rule action can see and do while the rule fires.</summary>
public interface IContext
{
    /// <summary>Gets the rule that is firing.</summary>
    /// <value>The rule.</value>
    IRuleDefinition Rule { get; }

    /// <summary>Gets the match the rule is firing on.</summary>
    /// <value>The match.</value>
    IMatch Match { get; }

    /// <summary>Stops the current <c>Fire</c> call after this rule's actions complete.</summary>
    void Halt();

    /// <summary>Inserts a new fact into working memory.</summary>
    /// <param name="fact">The fact.</param>
    /// <exception cref="ArgumentException">A fact with the same identity is already in working memory.</exception>
    void Insert(object fact);

    /// <summary>Inserts several facts; none is inserted if any is already present.</summary>
    /// <param name="facts">The facts.</param>
    /// <exception cref="ArgumentException">A fact with the same identity is already in working memory.</exception>
    void InsertAll(IEnumerable<object> facts);

    /// <summary>Inserts a fact unless one with the same identity is present.</summary>
    /// <param name="fact">The fact.</param>
    /// <returns><see langword="true"/> if the fact was inserted.</returns>
    bool TryInsert(object fact);

    /// <summary>Updates a fact in working memory; <paramref name="fact"/> may be a new instance with the same identity.</summary>
    /// <param name="fact">The fact.</param>
    /// <exception cref="ArgumentException">No fact with that identity is in working memory.</exception>
    void Update(object fact);

    /// <summary>Updates a fact unless it is absent.</summary>
    /// <param name="fact">The fact.</param>
    /// <returns><see langword="true"/> if the fact was updated.</returns>
    bool TryUpdate(object fact);

    /// <summary>Removes a fact from working memory.</summary>
    /// <param name="fact">The fact.</param>
    /// <exception cref="ArgumentException">No fact with that identity is in working memory.</exception>
    void Retract(object fact);

    /// <summary>Removes a fact unless it is absent.</summary>
    /// <param name="fact">The fact.</param>
    /// <returns><see langword="true"/> if the fact was removed.</returns>
    bool TryRetract(object fact);

    /// <summary>Gets the keys of the facts linked to the current match.</summary>
    /// <returns>The keys.</returns>
    IEnumerable<object> GetLinkedKeys();

    /// <summary>Gets the fact linked to the current match under <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The linked fact, or <see langword="null"/>.</returns>
    object? GetLinked(object key);

    /// <summary>Inserts a fact linked to the current match: it is retracted automatically when the match no longer holds.</summary>
    /// <param name="key">A key that names the link within this match.</param>
    /// <param name="fact">The fact.</param>
    /// <exception cref="ArgumentException">The key is already linked, or the fact is already in working memory.</exception>
    void InsertLinked(object key, object fact);

    /// <summary>Replaces the fact linked under <paramref name="key"/> with <paramref name="fact"/> and propagates the change.</summary>
    /// <param name="key">The key.</param>
    /// <param name="fact">The new value of the linked fact.</param>
    /// <exception cref="ArgumentException">Nothing is linked under the key.</exception>
    void UpdateLinked(object key, object fact);

    /// <summary>Retracts the fact linked under <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="fact">The linked fact.</param>
    /// <exception cref="ArgumentException">Nothing is linked under the key.</exception>
    void RetractLinked(object key, object fact);

    /// <summary>Resolves a service through the session's dependency resolver.</summary>
    /// <param name="serviceType">The service type.</param>
    /// <returns>The service.</returns>
    /// <exception cref="InvalidOperationException">No dependency resolver is set, or it cannot supply the service.</exception>
    object Resolve(Type serviceType);
}
