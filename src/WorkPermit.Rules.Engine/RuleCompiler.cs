using WorkPermit.Rules.Engine.Compilation;
using WorkPermit.Rules.Engine.RuleModel;

namespace WorkPermit.Rules.Engine;

/// <summary>Compiles rules into a session factory. Configure it, then call <see cref="Compile(IEnumerable{IRuleSet})"/>.</summary>
public sealed class RuleCompiler
{
    private int _maxFirings = 10_000_000;

    /// <summary>Gets the registry of identity comparers by fact type.</summary>
    /// <value>The registry.</value>
    public FactIdentityComparerRegistry FactIdentityComparerRegistry { get; } = new();

    /// <summary>Gets or sets the dependency resolver that new sessions start with.</summary>
    /// <value>The resolver, or <see langword="null"/>.</value>
    public IDependencyResolver? DependencyResolver { get; set; }

    /// <summary>Gets or sets the loop guard that new sessions start with (see <see cref="ISession.MaxFiringsPerFire"/>).</summary>
    /// <value>The limit; 10,000,000 by default.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public int MaxFiringsPerFire
    {
        get => _maxFirings;
        set => _maxFirings = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The firing limit must be positive.");
    }

    /// <summary>Compiles the rules of some rule sets.</summary>
    /// <param name="ruleSets">The rule sets.</param>
    /// <returns>The session factory.</returns>
    /// <exception cref="RuleCompilationException">A rule cannot be compiled.</exception>
    public ISessionFactory Compile(IEnumerable<IRuleSet> ruleSets)
    {
        ArgumentNullException.ThrowIfNull(ruleSets);
        return Compile(ruleSets.SelectMany(s => s.Rules));
    }

    /// <summary>Compiles rules.</summary>
    /// <param name="rules">The rules, as loaded by a <see cref="Fluent.RuleRepository"/>.</param>
    /// <returns>The session factory.</returns>
    /// <exception cref="RuleCompilationException">A rule cannot be compiled.</exception>
    public ISessionFactory Compile(IEnumerable<IRuleDefinition> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return NetworkCompiler.Compile(rules, FactIdentityComparerRegistry.Snapshot(), DependencyResolver, _maxFirings);
    }
}

/// <summary>Identity comparers by fact type: facts of a registered type are the same fact when the comparer says so.</summary>
public sealed class FactIdentityComparerRegistry
{
    private readonly Dictionary<Type, IEqualityComparer<object>> _comparers = [];

    /// <summary>Registers the identity comparer for facts of exactly type <typeparamref name="TFact"/>.</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <param name="comparer">The comparer.</param>
    public void RegisterComparer<TFact>(IEqualityComparer<TFact> comparer)
    {
        ArgumentNullException.ThrowIfNull(comparer);
        _comparers[typeof(TFact)] = new Adapter<TFact>(comparer);
    }

    internal IReadOnlyDictionary<Type, IEqualityComparer<object>> Snapshot() => new Dictionary<Type, IEqualityComparer<object>>(_comparers);

    private sealed class Adapter<TFact>(IEqualityComparer<TFact> inner) : IEqualityComparer<object>
    {
        public new bool Equals(object? x, object? y) => inner.Equals((TFact)x!, (TFact)y!);

        public int GetHashCode(object obj) => inner.GetHashCode((TFact)obj);
    }
}

/// <summary>Thrown when a rule cannot be compiled into the network.</summary>
public sealed class RuleCompilationException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="RuleCompilationException"/> class.</summary>
    /// <param name="ruleName">The rule that failed.</param>
    /// <param name="inner">Why.</param>
    public RuleCompilationException(string ruleName, Exception inner)
        : base($"Rule '{ruleName}' could not be compiled: {inner.Message}", inner) => RuleName = ruleName;

    /// <summary>Gets the name of the rule that failed.</summary>
    /// <value>The rule name.</value>
    public string RuleName { get; }
}

/// <summary>Compiles a repository's rules with default settings.</summary>
public static class RuleRepositoryExtensions
{
    /// <summary>Compiles every rule set of the repository.</summary>
    /// <param name="repository">The repository.</param>
    /// <returns>The session factory.</returns>
    /// <exception cref="RuleCompilationException">A rule cannot be compiled.</exception>
    public static ISessionFactory Compile(this IRuleRepository repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return new RuleCompiler().Compile(repository.GetRuleSets());
    }
}
