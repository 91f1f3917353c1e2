using System.Collections.Concurrent;
using WorkPermit.Rules.Engine.Network;
using WorkPermit.Rules.Engine.RuleModel;

namespace WorkPermit.Rules.Engine.Runtime;

/// <summary>The compiled network. Immutable once built; the only shared mutable state is a thread-safe cache
/// of which type nodes a runtime type reaches.</summary>
internal sealed class SessionFactory(
    RootNode root,
    TypeNode[] typeNodes,
    int memoryCount,
    int priorityCount,
    FactIdentityComparer comparer,
    IDependencyResolver? dependencyResolver,
    int maxFiringsPerFire,
    IReadOnlyList<IRuleDefinition> rules,
    IReadOnlyList<TerminalNode> terminals) : ISessionFactory
{
    private readonly ConcurrentDictionary<Type, TypeNode[]> _typeNodesByType = new();

    public RootNode Root { get; } = root;
    public int MemoryCount { get; } = memoryCount;
    public int PriorityCount { get; } = priorityCount;
    public FactIdentityComparer Comparer { get; } = comparer;
    public IDependencyResolver? DependencyResolver { get; } = dependencyResolver;
    public int MaxFiringsPerFire { get; } = maxFiringsPerFire;
    public IReadOnlyList<IRuleDefinition> Rules { get; } = rules;
    public IReadOnlyList<TerminalNode> Terminals { get; } = terminals;
    public IReadOnlyList<TypeNode> TypeNodes { get; } = typeNodes;

    public TypeNode[] TypeNodesFor(Type type) =>
        _typeNodesByType.GetOrAdd(type, static (t, nodes) => nodes.Where(n => n.FactType.IsAssignableFrom(t)).ToArray(), typeNodes);

    public ISession CreateSession() => new Session(this);

    /// <summary>How many facts sessions of this factory have held, capped: new sessions start with that capacity,
    /// so a typical session does not regrow its identity map. Updated racily; any value is only a hint.</summary>
    public int FactCountHint;
}
