using WorkPermit.Rules.Engine.Runtime;

namespace WorkPermit.Rules.Engine.Network;

/// <summary>A node of the compiled network. Nodes are immutable after compilation and shared by every session;
/// per-session state lives in the session (memories, tokens, facts).</summary>
internal abstract class ReteNode
{
    private readonly List<string> _rules = [];

    /// <summary>Topological order: a node's id is greater than its parent's.</summary>
    public int Id { get; set; }

    /// <summary>Index of this node's memory in a session, or -1 when it keeps none.</summary>
    public int MemoryIndex { get; set; } = -1;

    /// <summary>The single consumer of this node's tokens (beta nodes are not shared between rules).</summary>
    public ReteNode? Child { get; set; }

    /// <summary>Names of the rules that use this node, for error messages.</summary>
    public IReadOnlyList<string> Rules => _rules;

    public void AddRule(string name)
    {
        if (!_rules.Contains(name))
        {
            _rules.Add(name);
        }
    }

    public virtual void AssertLeft(Session session, Token token) => throw Unsupported();

    public virtual void ModifyLeft(Session session, Token token) => throw Unsupported();

    public virtual void RetractLeft(Session session, Token token) => throw Unsupported();

    public virtual void AssertRight(Session session, Fact fact) => throw Unsupported();

    public virtual void ModifyRight(Session session, Fact fact) => throw Unsupported();

    public virtual void RetractRight(Session session, Fact fact) => throw Unsupported();

    private InvalidOperationException Unsupported() => new($"{GetType().Name} does not take this input.");
}

/// <summary>A compiled condition over a left token and a right fact.</summary>
internal sealed class BetaCondition(Func<Token?, object?, bool> test, string expression)
{
    public Func<Token?, object?, bool> Test { get; } = test;
    public string Expression { get; } = expression;
}

/// <summary>A single-fact condition, compiled on first use: conditions reached through a hashed dispatch are only
/// evaluated one by one when reading the dispatch key throws, so most are never compiled.</summary>
internal sealed class AlphaCondition(Func<Func<object?, bool>> compile, string expression)
{
    private Func<object?, bool>? _test;

    public Func<object?, bool> Test => _test ?? Compile();

    public string Expression { get; } = expression;

    /// <summary>Compiles now (used for conditions that every fact of their type reaches).</summary>
    public void Prepare() => _ = Test;

    private Func<object?, bool> Compile()
    {
        // Benign race: two threads may both compile; either delegate is correct and one wins.
        var compiled = compile();
        Interlocked.CompareExchange(ref _test, compiled, null);
        return _test!;
    }
}
