using System.Globalization;
using WorkPermit.Rules.Engine.Diagnostics;
using WorkPermit.Rules.Engine.Network;
using WorkPermit.Rules.Engine.RuleModel;

namespace WorkPermit.Rules.Engine.Runtime;

internal sealed class Session : ISession, IEventProvider
{
    private readonly SessionFactory _factory;
    private readonly Dictionary<object, Fact> _facts;
    private const int MaxFactCountHint = 4096;
    private long _factSequence;
    private long _stamp;
    private List<DirtyQuery>? _dirty;
    private List<DirtyQuery>? _dirtySpare;
    private List<Token>? _pendingLinked;
    private int _depth;
    private bool _halted;
    private int _busy;
    private bool _firing;
    private int _maxFirings;
    private bool _completing;
    private bool _dispatchFailed;
    private ActionContext? _context;
    private Stack<List<Token>>? _tokenPool;
    private Stack<List<Fact>>? _factPool;
    private Stack<List<AlphaMemoryNode>>? _memoryPool;
    private Stack<List<object>>? _objectPool;
    private Type? _lastType;
    private TypeNode[]? _lastTypeNodes;

    // What the session made since its last reset, for its next run; null until the first reset.
    private Recycler<Token>? _tokens;
    private Recycler<Fact>? _handles;
    private Recycler<RightEntry>? _entries;
    private Recycler<LinkedFacts>? _linked;

    public Session(SessionFactory factory)
    {
        _factory = factory;
        Memories = factory.MemoryCount == 0 ? [] : new object?[factory.MemoryCount];
        _facts = new Dictionary<object, Fact>(Volatile.Read(ref factory.FactCountHint), factory.Comparer);
        Agenda = new Agenda(factory.PriorityCount);
        DependencyResolver = factory.DependencyResolver;
        _maxFirings = factory.MaxFiringsPerFire;
        Start();
    }

    /// <summary>Gives every rule that does not start with a pattern its root token.</summary>
    private void Start()
    {
        var root = _factory.Root;
        var rootChildren = root.Children;
        if (rootChildren.Count > 0)
        {
            _depth++;
            foreach (var child in rootChildren)
            {
                child.AssertLeft(this, NewToken(null, null, root));
            }

            _depth--;
            Complete();
        }
    }

    // ----- Reuse -----

    public void Reset()
    {
        if (_firing || _busy != 0 || _depth != 0 || _completing)
        {
            throw new InvalidOperationException("Reset() cannot be called while the session is working (from a rule action or an event handler).");
        }

        _facts.Clear();
        var memories = Memories;
        for (var i = 0; i < memories.Length; i++)
        {
            (memories[i] as BetaMemory)?.Clear();
        }

        Agenda.Clear();
        _dirty?.Clear();
        _dirtySpare?.Clear();
        _pendingLinked?.Clear();
        _factSequence = 0;
        _halted = false;
        _dispatchFailed = false;

        if (_tokens is null)
        {
            // The first reset: from now on the session keeps what it makes, for the run after the next reset.
            _tokens = new Recycler<Token>();
            _handles = new Recycler<Fact>();
            _entries = new Recycler<RightEntry>();
            _linked = new Recycler<LinkedFacts>();
        }
        else
        {
            foreach (var token in _tokens.Used)
            {
                token.Recycle();
            }

            foreach (var fact in _handles!.Used)
            {
                fact.Recycle();
            }

            foreach (var entry in _entries!.Used)
            {
                entry.Recycle();
            }

            foreach (var linked in _linked!.Used)
            {
                linked.Recycle();
            }

            _tokens.Rewind();
            _handles.Rewind();
            _entries.Rewind();
            _linked.Rewind();
        }

        Start();
    }

    // The four factories below take a kept object when the session has one free (after a reset) and otherwise
    // allocate, keeping the new object when the session keeps what it makes (from its first reset on).

    public Token NewToken(Token? parent, Fact? fact, ReteNode owner)
    {
        if (_tokens?.Reuse() is { } token)
        {
            token.Parent = parent;
            token.Fact = fact;
            token.Owner = owner;
            return token;
        }

        token = new Token(parent, fact, owner);
        _tokens?.Keep(token);
        return token;
    }

    public Fact NewFact(object? value, bool synthetic)
    {
        if (_handles?.Reuse() is { } fact)
        {
            fact.Object = value;
            fact.IsSynthetic = synthetic;
            return fact;
        }

        fact = new Fact(value, synthetic);
        _handles?.Keep(fact);
        return fact;
    }

    public RightEntry NewEntry(Fact fact, ReteNode owner)
    {
        if (_entries?.Reuse() is { } entry)
        {
            entry.Fact = fact;
            entry.Owner = owner;
            return entry;
        }

        entry = new RightEntry(fact, owner);
        _entries?.Keep(entry);
        return entry;
    }

    private LinkedFacts NewLinkedFacts()
    {
        if (_linked?.Reuse() is { } linked)
        {
            return linked;
        }

        linked = new LinkedFacts();
        _linked?.Keep(linked);
        return linked;
    }

    public readonly object?[] Memories;

    public Agenda Agenda { get; }

    public IEventProvider Events => this;

    public IDependencyResolver? DependencyResolver { get; set; }

    public int MaxFiringsPerFire
    {
        get => _maxFirings;
        set => _maxFirings = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The firing limit must be positive.");
    }

    public int AgendaCount
    {
        get
        {
            _busy++;
            try
            {
                FlushQueries();
                return Agenda.Count;
            }
            finally
            {
                _busy--;
            }
        }
    }

    public event EventHandler<WorkingMemoryEventArgs>? FactInsertingEvent;
    public event EventHandler<WorkingMemoryEventArgs>? FactInsertedEvent;
    public event EventHandler<WorkingMemoryEventArgs>? FactUpdatingEvent;
    public event EventHandler<WorkingMemoryEventArgs>? FactUpdatedEvent;
    public event EventHandler<WorkingMemoryEventArgs>? FactRetractingEvent;
    public event EventHandler<WorkingMemoryEventArgs>? FactRetractedEvent;
    public event EventHandler<AgendaEventArgs>? ActivationCreatedEvent;
    public event EventHandler<AgendaEventArgs>? ActivationUpdatedEvent;
    public event EventHandler<AgendaEventArgs>? ActivationDeletedEvent;
    public event EventHandler<AgendaEventArgs>? RuleFiringEvent;
    public event EventHandler<AgendaEventArgs>? RuleFiredEvent;
    public event EventHandler<LhsExpressionErrorEventArgs>? LhsExpressionFailedEvent;
    public event EventHandler<RhsExpressionErrorEventArgs>? RhsExpressionFailedEvent;

    // ----- Working memory -----

    public void Insert(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        _busy++;
        try
        {
            if (!InsertCore(fact, null, null))
            {
                throw new ArgumentException($"The session already holds a fact with the same identity as {Describe(fact)}.", nameof(fact));
            }

            Complete();
        }
        finally
        {
            _busy--;
        }
    }

    public bool TryInsert(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        _busy++;
        try
        {
            var inserted = InsertCore(fact, null, null);
            Complete();
            return inserted;
        }
        finally
        {
            _busy--;
        }
    }

    public void InsertAll(IEnumerable<object> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        _busy++;
        try
        {
            var batch = AsList(facts, out var rented);
            _facts.EnsureCapacity(_facts.Count + batch.Count);

            // Phase 1 adds every fact to the identity map without propagating, so a problem leaves the session unchanged.
            var wrappers = RentFacts();
            List<string>? problems = null;
            for (var i = 0; i < batch.Count; i++)
            {
                var obj = batch[i];
                if (obj is null)
                {
                    (problems ??= []).Add($"item {i} is null");
                    continue;
                }

                ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_facts, obj, out var exists);
                if (exists)
                {
                    (problems ??= []).Add(wrappers.Contains(slot!)
                        ? $"item {i} ({Describe(obj)}) repeats an earlier item"
                        : $"item {i} ({Describe(obj)}) is already in the session");
                    continue;
                }

                slot = NewFact(obj, synthetic: false);
                slot.Sequence = ++_factSequence;
                wrappers.Add(slot);
            }

            if (problems is not null)
            {
                foreach (var wrapper in wrappers)
                {
                    _facts.Remove(wrapper.Object!);
                }

                ReturnFacts(wrappers);
                Release(rented);
                throw new ArgumentException($"No fact was inserted: {string.Join("; ", problems)}.", nameof(facts));
            }

            foreach (var wrapper in wrappers)
            {
                Propagate(wrapper);
            }

            ReturnFacts(wrappers);
            Release(rented);
            Complete();
        }
        finally
        {
            _busy--;
        }
    }

    public void Update(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        _busy++;
        try
        {
            if (!_facts.TryGetValue(fact, out var wrapper))
            {
                throw new ArgumentException($"The session holds no fact with the same identity as {Describe(fact)}, so it cannot be updated.", nameof(fact));
            }

            UpdateCore(wrapper, fact);
            Complete();
        }
        finally
        {
            _busy--;
        }
    }

    public bool TryUpdate(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        _busy++;
        try
        {
            if (!_facts.TryGetValue(fact, out var wrapper))
            {
                return false;
            }

            UpdateCore(wrapper, fact);
            Complete();
            return true;
        }
        finally
        {
            _busy--;
        }
    }

    public void UpdateAll(IEnumerable<object> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        _busy++;
        try
        {
            var batch = AsList(facts, out var rented);
            var wrappers = FindAll(batch, nameof(facts), "updated", rented);
            for (var i = 0; i < wrappers.Count; i++)
            {
                UpdateCore(wrappers[i], batch[i]);
            }

            ReturnFacts(wrappers);
            Release(rented);
            Complete();
        }
        finally
        {
            _busy--;
        }
    }

    public void Retract(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        _busy++;
        try
        {
            if (!_facts.TryGetValue(fact, out var wrapper))
            {
                throw new ArgumentException($"The session holds no fact with the same identity as {Describe(fact)}, so it cannot be retracted.", nameof(fact));
            }

            RetractCore(wrapper);
            Complete();
        }
        finally
        {
            _busy--;
        }
    }

    public bool TryRetract(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        _busy++;
        try
        {
            if (!_facts.TryGetValue(fact, out var wrapper))
            {
                return false;
            }

            RetractCore(wrapper);
            Complete();
            return true;
        }
        finally
        {
            _busy--;
        }
    }

    public void RetractAll(IEnumerable<object> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        _busy++;
        try
        {
            var batch = AsList(facts, out var rented);
            var wrappers = FindAll(batch, nameof(facts), "retracted", rented);
            foreach (var wrapper in wrappers)
            {
                RetractCore(wrapper);
            }

            ReturnFacts(wrappers);
            Release(rented);
            Complete();
        }
        finally
        {
            _busy--;
        }
    }

    /// <summary>Finds the wrapper of every fact of a batch, or throws naming every fact that is absent or repeated.</summary>
    private List<Fact> FindAll(IReadOnlyList<object> batch, string parameter, string verb, List<object>? rented)
    {
        var wrappers = RentFacts();
        var stamp = NextStamp();
        List<string>? problems = null;
        for (var i = 0; i < batch.Count; i++)
        {
            var obj = batch[i];
            if (obj is null)
            {
                (problems ??= []).Add($"item {i} is null");
            }
            else if (!_facts.TryGetValue(obj, out var wrapper))
            {
                (problems ??= []).Add($"item {i} ({Describe(obj)}) is not in the session");
            }
            else if (wrapper.Mark == stamp)
            {
                (problems ??= []).Add($"item {i} ({Describe(obj)}) repeats an earlier item");
            }
            else
            {
                wrapper.Mark = stamp;
                wrappers.Add(wrapper);
            }
        }

        if (problems is not null)
        {
            ReturnFacts(wrappers);
            Release(rented);
            throw new ArgumentException($"No fact was {verb}: {string.Join("; ", problems)}.", parameter);
        }

        return wrappers;
    }

    private IReadOnlyList<object> AsList(IEnumerable<object> facts, out List<object>? rented)
    {
        if (facts is IReadOnlyList<object> list)
        {
            rented = null;
            return list;
        }

        rented = _objectPool is { Count: > 0 } ? _objectPool.Pop() : [];
        rented.AddRange(facts);
        return rented;
    }

    private void Release(List<object>? rented)
    {
        if (rented is not null)
        {
            rented.Clear();
            (_objectPool ??= new Stack<List<object>>()).Push(rented);
        }
    }

    public IQueryable<TFact> Query<TFact>()
    {
        var matches = RentFacts();
        foreach (var fact in _facts.Values)
        {
            if (fact.Object is TFact)
            {
                matches.Add(fact);
            }
        }

        // Results come in insertion order. The identity map usually enumerates in that order already (it does until a
        // fact is removed), so the sort is skipped when it would change nothing.
        for (var i = 1; i < matches.Count; i++)
        {
            if (matches[i - 1].Sequence > matches[i].Sequence)
            {
                matches.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
                break;
            }
        }

        var result = new TFact[matches.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = (TFact)matches[i].Object!;
        }

        ReturnFacts(matches);
        return result.AsQueryable();
    }

    public FactExplanation? Explain(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return _facts.TryGetValue(fact, out var wrapper) ? Explain(wrapper, 0) : null;
    }

    private FactExplanation Explain(Fact fact, int depth)
    {
        if (fact.SourceActivation is not { } activation || activation.Terminal is not { } terminal || depth > 64)
        {
            return new FactExplanation(fact.Object, null, []);
        }

        var because = new List<FactExplanation>();
        foreach (var declaration in terminal.Rule.Branch.Declarations)
        {
            var matched = terminal.Rule.FactOf(activation, declaration);
            if (matched is not null)
            {
                because.Add(matched.IsSynthetic ? ExplainValue(matched.Object, depth) : Explain(matched, depth + 1));
            }
        }

        return new FactExplanation(fact.Object, terminal.Rule.Definition.Name, because);
    }

    /// <summary>A Let value or query result: a collection or group is explained by the facts it holds.</summary>
    private FactExplanation ExplainValue(object? value, int depth)
    {
        if (value is System.Collections.IEnumerable items and not string)
        {
            var members = new List<FactExplanation>();
            foreach (var item in items)
            {
                members.Add(item is not null && _facts.TryGetValue(item, out var wrapper) ? Explain(wrapper, depth + 1) : new FactExplanation(item, null, []));
            }

            return new FactExplanation(value, null, members);
        }

        return new FactExplanation(value, null, []);
    }

    private bool InsertCore(object obj, Token? source, object? key)
    {
        ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_facts, obj, out var exists);
        if (exists)
        {
            return false;
        }

        var fact = NewFact(obj, synthetic: false);
        fact.Sequence = ++_factSequence;
        fact.SourceActivation = source;
        slot = fact;
        if (_facts.Count > _factory.FactCountHint && _facts.Count <= MaxFactCountHint)
        {
            Volatile.Write(ref _factory.FactCountHint, _facts.Count);
        }
        if (source?.State is LinkedFacts linked)
        {
            linked.Add(key!, fact);
        }

        Propagate(fact);
        return true;
    }

    private void Propagate(Fact fact)
    {
        FactInsertingEvent?.Invoke(this, new WorkingMemoryEventArgs(fact));
        _depth++;
        try
        {
            var typeNodes = TypeNodesFor(fact.Object!.GetType());
            for (var i = 0; i < typeNodes.Length; i++)
            {
                AlphaAssert(typeNodes[i], fact);
            }
        }
        finally
        {
            _depth--;
        }

        FactInsertedEvent?.Invoke(this, new WorkingMemoryEventArgs(fact));
    }

    private void UpdateCore(Fact fact, object obj)
    {
        FactUpdatingEvent?.Invoke(this, new WorkingMemoryEventArgs(fact));
        if (!ReferenceEquals(fact.Object, obj))
        {
            _facts.Remove(fact.Object!);
            _facts.Add(obj, fact);
            fact.Object = obj;
        }

        _depth++;
        try
        {
            PropagateUpdate(fact);
        }
        finally
        {
            _depth--;
        }

        FactUpdatedEvent?.Invoke(this, new WorkingMemoryEventArgs(fact));
    }

    private void RetractCore(Fact fact)
    {
        FactRetractingEvent?.Invoke(this, new WorkingMemoryEventArgs(fact));
        _facts.Remove(fact.Object!);
        fact.Removed = true;
        if (fact.SourceActivation?.State is LinkedFacts linked)
        {
            linked.RemoveFact(fact);
        }

        _depth++;
        try
        {
            while (fact.AlphaMemoryCount > 0)
            {
                var memory = fact.GetAlphaMemory(fact.AlphaMemoryCount - 1);
                fact.RemoveAlphaMemory(memory);
                var sinks = memory.Sinks;
                for (var i = 0; i < sinks.Count; i++)
                {
                    sinks[i].RetractRight(this, fact);
                }
            }
        }
        finally
        {
            _depth--;
        }

        FactRetractedEvent?.Invoke(this, new WorkingMemoryEventArgs(fact));
    }

    private TypeNode[] TypeNodesFor(Type type)
    {
        if (type == _lastType)
        {
            return _lastTypeNodes!;
        }

        var nodes = _factory.TypeNodesFor(type);
        _lastType = type;
        _lastTypeNodes = nodes;
        return nodes;
    }

    private void AlphaAssert(AlphaNode node, Fact fact)
    {
        if (node.Memory is { } memory)
        {
            fact.AddAlphaMemory(memory);
            var sinks = memory.Sinks;
            for (var i = 0; i < sinks.Count; i++)
            {
                sinks[i].AssertRight(this, fact);
            }
        }

        var dispatches = node.Dispatches;
        for (var i = 0; i < dispatches.Length; i++)
        {
            if (Dispatch(dispatches[i], fact) is { } matched)
            {
                foreach (var child in matched)
                {
                    AlphaAssert(child, fact);
                }
            }
            else if (_dispatchFailed)
            {
                _dispatchFailed = false;
                foreach (var member in dispatches[i].Members)
                {
                    if (member.Test(this, fact))
                    {
                        AlphaAssert(member, fact);
                    }
                }
            }
        }

        var children = node.Children;
        for (var i = 0; i < children.Count; i++)
        {
            if (children[i].Test(this, fact))
            {
                AlphaAssert(children[i], fact);
            }
        }
    }

    private void AlphaCollect(AlphaNode node, Fact fact, List<AlphaMemoryNode> into)
    {
        if (node.Memory is { } memory)
        {
            into.Add(memory);
        }

        var dispatches = node.Dispatches;
        for (var i = 0; i < dispatches.Length; i++)
        {
            if (Dispatch(dispatches[i], fact) is { } matched)
            {
                foreach (var child in matched)
                {
                    AlphaCollect(child, fact, into);
                }
            }
            else if (_dispatchFailed)
            {
                _dispatchFailed = false;
                foreach (var member in dispatches[i].Members)
                {
                    if (member.Test(this, fact))
                    {
                        AlphaCollect(member, fact, into);
                    }
                }
            }
        }

        var children = node.Children;
        for (var i = 0; i < children.Count; i++)
        {
            if (children[i].Test(this, fact))
            {
                AlphaCollect(children[i], fact, into);
            }
        }
    }

    /// <summary>Finds the child whose constant equals the fact's member; when reading the member throws, sets
    /// <see cref="_dispatchFailed"/> so the caller tests each child and the error surfaces with its rule.</summary>
    private SelectionNode[]? Dispatch(AlphaDispatch dispatch, Fact fact)
    {
        object? key;
        try
        {
            key = dispatch.KeyOf(fact.Object);
        }
        catch (Exception)
        {
            _dispatchFailed = true;
            return null;
        }

        if (key is string text && dispatch.ByString is { } byString)
        {
            return byString.TryGetValue(text, out var node) ? node : null;
        }

        return key is not null && dispatch.ByValue.TryGetValue(key, out var child) ? child : null;
    }

    private void PropagateUpdate(Fact fact)
    {
        var before = RentMemories();
        for (var i = 0; i < fact.AlphaMemoryCount; i++)
        {
            before.Add(fact.GetAlphaMemory(i));
        }

        var after = RentMemories();
        var typeNodes = TypeNodesFor(fact.Object!.GetType());
        for (var i = 0; i < typeNodes.Length; i++)
        {
            AlphaCollect(typeNodes[i], fact, after);
        }

        foreach (var memory in before)
        {
            if (!after.Contains(memory))
            {
                fact.RemoveAlphaMemory(memory);
                foreach (var sink in memory.Sinks)
                {
                    sink.RetractRight(this, fact);
                }
            }
        }

        foreach (var memory in before)
        {
            if (after.Contains(memory))
            {
                foreach (var sink in memory.Sinks)
                {
                    sink.ModifyRight(this, fact);
                }
            }
        }

        foreach (var memory in after)
        {
            if (!before.Contains(memory))
            {
                fact.AddAlphaMemory(memory);
                foreach (var sink in memory.Sinks)
                {
                    sink.AssertRight(this, fact);
                }
            }
        }

        ReturnMemories(before);
        ReturnMemories(after);
    }

    /// <summary>
    /// Finishes a top-level operation: recomputes the queries the operation changed and retracts the linked facts of
    /// matches that went away, until nothing is left to do, so derived facts never outlive their reasons.
    /// </summary>
    private void Complete()
    {
        if (_depth != 0 || _completing)
        {
            return;
        }

        _completing = true;
        try
        {
            while (_dirty is { Count: > 0 } || _pendingLinked is { Count: > 0 })
            {
                FlushDirtyQueries();
                ProcessPendingLinked();
            }
        }
        finally
        {
            _completing = false;
        }
    }

    private void ProcessPendingLinked()
    {
        while (_pendingLinked is { Count: > 0 })
        {
            var activation = _pendingLinked[^1];
            _pendingLinked.RemoveAt(_pendingLinked.Count - 1);
            if (activation.State is not LinkedFacts linked)
            {
                continue;
            }

            activation.State = null;
            foreach (var fact in linked.Facts())
            {
                if (!fact.Removed)
                {
                    RetractCore(fact);
                }
            }
        }
    }

    public void QueueLinkedRetraction(Token activation) => (_pendingLinked ??= []).Add(activation);

    // ----- Linked facts (called through the action context) -----

    internal void InsertLinked(Token activation, object key, object fact)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(fact);
        if (activation.IsDead)
        {
            // The match this fact would depend on is already gone: truth maintenance would retract it at once.
            return;
        }

        var linked = activation.State as LinkedFacts ?? (LinkedFacts)(activation.State = NewLinkedFacts());
        if (linked.Find(key) is not null)
        {
            throw new ArgumentException($"A fact is already linked under key '{key}' for this match of rule '{activation.Terminal!.Rule.Definition.Name}'.", nameof(key));
        }

        if (!InsertCore(fact, activation, key))
        {
            throw new ArgumentException($"The session already holds a fact with the same identity as linked fact {Describe(fact)} (rule '{activation.Terminal!.Rule.Definition.Name}').", nameof(fact));
        }

        Complete();
    }

    internal void UpdateLinked(Token activation, object key, object fact)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(fact);
        var wrapper = (activation.State as LinkedFacts)?.Find(key);
        if (wrapper is null)
        {
            if (activation.IsDead)
            {
                return;
            }

            throw new ArgumentException($"No fact is linked under key '{key}' for this match of rule '{activation.Terminal!.Rule.Definition.Name}'.", nameof(key));
        }

        if (!ReferenceEquals(wrapper.Object, fact))
        {
            if (!_factory.Comparer.Equals(wrapper.Object!, fact) && _facts.ContainsKey(fact))
            {
                throw new ArgumentException($"The session already holds a fact with the same identity as the updated linked fact {Describe(fact)}.", nameof(fact));
            }

            FactUpdatingEvent?.Invoke(this, new WorkingMemoryEventArgs(wrapper));
            _facts.Remove(wrapper.Object!);
            _facts.Add(fact, wrapper);
            wrapper.Object = fact;
        }
        else
        {
            FactUpdatingEvent?.Invoke(this, new WorkingMemoryEventArgs(wrapper));
        }

        _depth++;
        try
        {
            PropagateUpdate(wrapper);
        }
        finally
        {
            _depth--;
        }

        FactUpdatedEvent?.Invoke(this, new WorkingMemoryEventArgs(wrapper));
        Complete();
    }

    internal void RetractLinked(Token activation, object key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var wrapper = (activation.State as LinkedFacts)?.Find(key)
            ?? throw new ArgumentException($"No fact is linked under key '{key}' for this match.", nameof(key));
        RetractCore(wrapper);
        Complete();
    }

    internal static object? GetLinked(Token activation, object key) => (activation.State as LinkedFacts)?.Find(key)?.Object;

    internal static IEnumerable<object> GetLinkedKeys(Token activation) =>
        activation.State is LinkedFacts linked ? linked.Keys().ToArray() : [];

    // ----- Firing -----

    public int Fire() => Fire(int.MaxValue);

    public int Fire(int maxRulesNumber)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxRulesNumber);
        if (_firing)
        {
            throw new InvalidOperationException("Fire() cannot be called from a rule action; the session is already firing.");
        }

        _firing = true;
        _halted = false;
        var fired = 0;
        Queue<string>? recent = null;
        try
        {
            while (fired < maxRulesNumber && !_halted)
            {
                FlushQueries();
                var activation = Agenda.Dequeue();
                if (activation is null)
                {
                    break;
                }

                if (fired >= _maxFirings)
                {
                    throw LoopDetected(recent);
                }

                var terminal = activation.Terminal!;
                if (fired >= _maxFirings - 256)
                {
                    recent ??= new Queue<string>();
                    recent.Enqueue(terminal.Rule.Definition.Name);
                }

                FireOne(terminal, activation);
                fired++;
            }
        }
        finally
        {
            _firing = false;
        }

        return fired;
    }

    private RuleFiringLimitExceededException LoopDetected(Queue<string>? recent)
    {
        var counts = (recent ?? new Queue<string>())
            .GroupBy(name => name, StringComparer.Ordinal)
            .Select(g => new KeyValuePair<string, int>(g.Key, g.Count()))
            .OrderByDescending(p => p.Value)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .ToArray();
        return new RuleFiringLimitExceededException(_maxFirings, counts);
    }

    private void FireOne(TerminalNode terminal, Token activation)
    {
        ActionTrigger trigger;
        if ((activation.Flags & TokenFlags.PendingUndo) != 0)
        {
            activation.Flags &= ~TokenFlags.PendingUndo;
            trigger = ActionTrigger.Deactivated;
        }
        else if ((activation.Flags & TokenFlags.Reactivated) != 0)
        {
            activation.Flags &= ~TokenFlags.Reactivated;
            trigger = ActionTrigger.Reactivated;
        }
        else
        {
            activation.Flags |= TokenFlags.Fired;
            trigger = ActionTrigger.Activated;
        }

        var context = _context ??= new ActionContext(this);
        context.Begin(terminal, activation, trigger);
        try
        {
            if (RuleFiringEvent is not null)
            {
                RuleFiringEvent(this, new AgendaEventArgs(terminal.CreateMatch(activation, trigger)));
            }

            var actions = terminal.Rule.Actions;
            for (var i = 0; i < actions.Length; i++)
            {
                var action = actions[i];
                if ((action.Trigger & trigger) == 0)
                {
                    continue;
                }

                try
                {
                    action.Execute(context, activation);
                }
                catch (Exception ex) when (ex is not RuleLhsExpressionEvaluationException and not RuleRhsExpressionEvaluationException and not RuleFiringLimitExceededException)
                {
                    var match = terminal.CreateMatch(activation, trigger);
                    if (RhsExpressionFailedEvent is not null)
                    {
                        var args = new RhsExpressionErrorEventArgs(action.Expression, ex, match);
                        RhsExpressionFailedEvent(this, args);
                        if (args.IsHandled)
                        {
                            break;
                        }
                    }

                    throw new RuleRhsExpressionEvaluationException(action.Expression, terminal.Rule.Definition.Name, match.Facts.Select(f => f.Value).ToArray(), ex);
                }
            }

            if (RuleFiredEvent is not null)
            {
                RuleFiredEvent(this, new AgendaEventArgs(terminal.CreateMatch(activation, trigger)));
            }
        }
        finally
        {
            context.End();
        }
    }

    internal void Halt() => _halted = true;

    internal object Resolve(Type serviceType, IRuleDefinition rule)
    {
        var resolver = DependencyResolver ?? throw new InvalidOperationException(
            $"Rule '{rule.Name}' needs a {serviceType.FullName}, but the session has no dependency resolver; set ISession.DependencyResolver or RuleCompiler.DependencyResolver.");
        return resolver.Resolve(serviceType, rule)
            ?? throw new InvalidOperationException($"The dependency resolver returned null for {serviceType.FullName} (rule '{rule.Name}').");
    }

    // ----- Queries (deferred recomputation) -----

    public void MarkDirty(AggregateNode node, Token token)
    {
        if ((token.Flags & TokenFlags.Dirty) != 0)
        {
            return;
        }

        token.Flags |= TokenFlags.Dirty;
        var dirty = _dirty ??= [];
        dirty.Add(new DirtyQuery(node, token, dirty.Count));
    }

    private void FlushQueries()
    {
        if (_dirty is not { Count: > 0 })
        {
            return;
        }

        FlushDirtyQueries();
        Complete();
    }

    private void FlushDirtyQueries()
    {
        while (_dirty is { Count: > 0 })
        {
            var batch = _dirty;
            _dirty = _dirtySpare ?? [];
            _dirtySpare = null;
            if (batch.Count > 1)
            {
                batch.Sort(static (a, b) => a.Node.Id != b.Node.Id ? a.Node.Id.CompareTo(b.Node.Id) : a.Order.CompareTo(b.Order));
            }

            _depth++;
            try
            {
                foreach (var item in batch)
                {
                    item.Node.Flush(this, item.Token);
                }
            }
            finally
            {
                _depth--;
            }

            batch.Clear();
            _dirtySpare = batch;
        }
    }

    private readonly record struct DirtyQuery(AggregateNode Node, Token Token, int Order);

    // ----- Support for nodes -----

    public long NextStamp() => ++_stamp;

    public List<Token> RentTokens() => _tokenPool is { Count: > 0 } ? _tokenPool.Pop() : [];

    public void ReturnTokens(List<Token> list)
    {
        list.Clear();
        (_tokenPool ??= new Stack<List<Token>>()).Push(list);
    }

    public List<Fact> RentFacts() => _factPool is { Count: > 0 } ? _factPool.Pop() : [];

    public void ReturnFacts(List<Fact> list)
    {
        list.Clear();
        (_factPool ??= new Stack<List<Fact>>()).Push(list);
    }

    private List<AlphaMemoryNode> RentMemories() => _memoryPool is { Count: > 0 } ? _memoryPool.Pop() : [];

    private void ReturnMemories(List<AlphaMemoryNode> list)
    {
        list.Clear();
        (_memoryPool ??= new Stack<List<AlphaMemoryNode>>()).Push(list);
    }

    /// <summary>Reports a condition that threw: returns when a handler handled it (the condition then counts as false), throws otherwise.</summary>
    public void OnLhsError(ReteNode node, string expression, Exception exception, Token? token, Fact? fact)
    {
        var facts = new List<object?>();
        for (var t = token; t is not null; t = t.Parent)
        {
            if (t.Fact is not null)
            {
                facts.Insert(0, t.Fact.Object);
            }
        }

        if (fact is not null)
        {
            facts.Add(fact.Object);
        }

        if (LhsExpressionFailedEvent is not null)
        {
            var args = new LhsExpressionErrorEventArgs(expression, exception, node.Rules, facts);
            LhsExpressionFailedEvent(this, args);
            if (args.IsHandled)
            {
                return;
            }
        }

        throw new RuleLhsExpressionEvaluationException(expression, node.Rules, facts, exception);
    }

    public void OnActivationCreated(TerminalNode terminal, Token token)
    {
        if (ActivationCreatedEvent is not null)
        {
            ActivationCreatedEvent(this, new AgendaEventArgs(terminal.CreateMatch(token)));
        }
    }

    public void OnActivationUpdated(TerminalNode terminal, Token token)
    {
        if (ActivationUpdatedEvent is not null)
        {
            ActivationUpdatedEvent(this, new AgendaEventArgs(terminal.CreateMatch(token)));
        }
    }

    public void OnActivationDeleted(TerminalNode terminal, Token token)
    {
        if (ActivationDeletedEvent is not null)
        {
            ActivationDeletedEvent(this, new AgendaEventArgs(terminal.CreateMatch(token)));
        }
    }

    private static string Describe(object fact)
    {
        var text = Convert.ToString(fact, CultureInfo.InvariantCulture) ?? fact.GetType().Name;
        return text.Length > 200 ? string.Concat(text.AsSpan(0, 200), "…") : text;
    }
}
