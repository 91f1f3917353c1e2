using WorkPermit.Rules.Engine.Model;
using WorkPermit.Rules.Engine.RuleModel;
using WorkPermit.Rules.Engine.Runtime;

namespace WorkPermit.Rules.Engine.Network;

/// <summary>The end of one rule branch: the tokens it receives are the rule's activations, kept on the agenda.</summary>
internal sealed class TerminalNode(CompiledRule rule) : ReteNode
{
    public CompiledRule Rule { get; } = rule;

    /// <summary>Position of the rule's priority among the rule set's distinct priorities (0 = highest).</summary>
    public int PriorityRank { get; set; }

    public override void AssertLeft(Session session, Token token)
    {
        token.Flags |= TokenFlags.Activation;
        session.Agenda.Enqueue(token, PriorityRank);
        session.OnActivationCreated(this, token);
    }

    public override void ModifyLeft(Session session, Token token)
    {
        if ((token.Flags & TokenFlags.InAgenda) == 0 && (token.Flags & TokenFlags.Fired) != 0
            && Rule.Definition.Repeatability == RuleRepeatability.Repeatable)
        {
            token.Flags |= TokenFlags.Reactivated;
            session.Agenda.Enqueue(token, PriorityRank);
        }

        session.OnActivationUpdated(this, token);
    }

    public override void RetractLeft(Session session, Token token)
    {
        token.Flags |= TokenFlags.Dead;
        if ((token.Flags & TokenFlags.InAgenda) != 0)
        {
            session.Agenda.Remove(token);
        }

        token.Flags &= ~TokenFlags.Reactivated;
        session.OnActivationDeleted(this, token);
        if ((token.Flags & TokenFlags.Fired) != 0)
        {
            if (Rule.HasUndo)
            {
                token.Flags |= TokenFlags.PendingUndo;
                session.Agenda.Enqueue(token, PriorityRank);
            }

            if (token.State is LinkedFacts)
            {
                session.QueueLinkedRetraction(token);
            }
        }
    }

    public IMatch CreateMatch(Token token, ActionTrigger trigger = ActionTrigger.None) => new RuleMatch(this, token, trigger);

    public override string ToString() => $"Terminal({Rule.Definition.Name})";
}

/// <summary>The facts linked to one activation, by key. The first is held inline: most activations link one fact.</summary>
internal sealed class LinkedFacts
{
    private object? _firstKey;
    private Fact? _first;
    private List<KeyValuePair<object, Fact>>? _more;

    public int Count => (_first is null ? 0 : 1) + (_more?.Count ?? 0);

    /// <summary>Forgets every fact, keeping the list's storage for a reset session's next run.</summary>
    public void Recycle()
    {
        _firstKey = null;
        _first = null;
        _more?.Clear();
    }

    public void Add(object key, Fact fact)
    {
        if (_first is null)
        {
            _firstKey = key;
            _first = fact;
        }
        else
        {
            (_more ??= []).Add(new KeyValuePair<object, Fact>(key, fact));
        }
    }

    public Fact? Find(object key)
    {
        if (_first is not null && Equals(_firstKey, key))
        {
            return _first;
        }

        if (_more is not null)
        {
            foreach (var item in _more)
            {
                if (Equals(item.Key, key))
                {
                    return item.Value;
                }
            }
        }

        return null;
    }

    public void RemoveFact(Fact fact)
    {
        if (ReferenceEquals(_first, fact))
        {
            PromoteNext();
            return;
        }

        _more?.RemoveAll(item => ReferenceEquals(item.Value, fact));
    }

    public IEnumerable<object> Keys()
    {
        if (_first is not null)
        {
            yield return _firstKey!;
        }

        if (_more is not null)
        {
            foreach (var item in _more)
            {
                yield return item.Key;
            }
        }
    }

    /// <summary>Copies the facts out, so they can be retracted while the list changes.</summary>
    public Fact[] Facts()
    {
        var facts = new Fact[Count];
        var index = 0;
        if (_first is not null)
        {
            facts[index++] = _first;
        }

        if (_more is not null)
        {
            foreach (var item in _more)
            {
                facts[index++] = item.Value;
            }
        }

        return facts;
    }

    private void PromoteNext()
    {
        if (_more is { Count: > 0 })
        {
            _firstKey = _more[0].Key;
            _first = _more[0].Value;
            _more.RemoveAt(0);
        }
        else
        {
            _firstKey = null;
            _first = null;
        }
    }
}

/// <summary>A rule branch ready to run: its definition, the depth of its activation tokens and its actions.</summary>
internal sealed class CompiledRule(RuleDefinition definition, RuleBranch branch, int level, CompiledAction[] actions)
{
    public RuleDefinition Definition { get; } = definition;
    public RuleBranch Branch { get; } = branch;

    /// <summary>The level of the activation tokens (the number of steps of the branch).</summary>
    public int Level { get; } = level;

    public CompiledAction[] Actions { get; } = actions;
    public bool HasUndo { get; } = actions.Any(a => (a.Trigger & ActionTrigger.Deactivated) != 0);

    public Fact? FactOf(Token activation, Declaration declaration)
    {
        var token = activation.Ancestor(Level - declaration.Position);
        return token.Fact;
    }
}

internal abstract class CompiledAction(ActionTrigger trigger, string expression)
{
    public ActionTrigger Trigger { get; } = trigger;
    public string Expression { get; } = expression;

    public abstract void Execute(ActionContext context, Token activation);
}

internal sealed class ExecuteActionPlan(ActionTrigger trigger, Action<IContext, Token> action, string expression) : CompiledAction(trigger, expression)
{
    public override void Execute(ActionContext context, Token activation) => action(context, activation);
}

internal sealed class YieldActionPlan(Func<IContext, Token, object> insert, Func<IContext, object, Token, object>? update, object key, string expression)
    : CompiledAction(ActionTrigger.Activated | ActionTrigger.Reactivated, expression)
{
    public override void Execute(ActionContext context, Token activation)
    {
        var current = context.GetLinked(key);
        if (current is null)
        {
            context.InsertLinked(key, insert(context, activation));
        }
        else
        {
            context.UpdateLinked(key, update is null ? insert(context, activation) : update(context, current, activation));
        }
    }
}

/// <summary>A match as the public API sees it; the facts are read from the token when asked for.</summary>
internal sealed class RuleMatch(TerminalNode terminal, Token token, ActionTrigger trigger) : IMatch
{
    private IReadOnlyList<IFactMatch>? _facts;

    public IRuleDefinition Rule => terminal.Rule.Definition;

    public IReadOnlyList<IFactMatch> Facts => _facts ??= terminal.Rule.Branch.Declarations
        .Select(d => (IFactMatch)new FactMatch(d, terminal.Rule.FactOf(token, d)))
        .ToArray();

    public ActionTrigger Trigger { get; } = trigger;

    internal Token Token => token;

    public override string ToString() => $"{Rule.Name}({string.Join(", ", Facts.Select(f => $"{f.Name}={f.Value}"))})";

    private sealed class FactMatch(Declaration declaration, Fact? fact) : IFactMatch
    {
        public string Name => declaration.Name;
        public Type Type => declaration.Type;
        public object? Value => fact?.Object;
        public IMatch? Source => fact?.SourceActivation is { } source ? source.Terminal?.CreateMatch(source) : null;
    }
}
