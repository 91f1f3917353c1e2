using WorkPermit.Rules.Engine.Network;
using WorkPermit.Rules.Engine.RuleModel;

namespace WorkPermit.Rules.Engine.Runtime;

/// <summary>The <see cref="IContext"/> given to actions; one per session, re-pointed at each firing.</summary>
internal sealed class ActionContext(Session session) : IContext
{
    private TerminalNode? _terminal;
    private Token? _activation;
    private ActionTrigger _trigger;
    private IMatch? _match;

    public IRuleDefinition Rule => Terminal.Rule.Definition;

    public IMatch Match => _match ??= Terminal.CreateMatch(Activation, _trigger);

    private TerminalNode Terminal => _terminal ?? throw NotFiring();

    private Token Activation => _activation ?? throw NotFiring();

    public void Begin(TerminalNode terminal, Token activation, ActionTrigger trigger)
    {
        _terminal = terminal;
        _activation = activation;
        _trigger = trigger;
        _match = null;
    }

    public void End()
    {
        _terminal = null;
        _activation = null;
        _match = null;
    }

    public void Halt()
    {
        _ = Terminal;
        session.Halt();
    }

    public void Insert(object fact) => session.Insert(fact);

    public void InsertAll(IEnumerable<object> facts) => session.InsertAll(facts);

    public bool TryInsert(object fact) => session.TryInsert(fact);

    public void Update(object fact) => session.Update(fact);

    public bool TryUpdate(object fact) => session.TryUpdate(fact);

    public void Retract(object fact) => session.Retract(fact);

    public bool TryRetract(object fact) => session.TryRetract(fact);

    public IEnumerable<object> GetLinkedKeys() => Session.GetLinkedKeys(Activation);

    public object? GetLinked(object key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Session.GetLinked(Activation, key);
    }

    public void InsertLinked(object key, object fact) => session.InsertLinked(Activation, key, fact);

    public void UpdateLinked(object key, object fact) => session.UpdateLinked(Activation, key, fact);

    public void RetractLinked(object key, object fact) => session.RetractLinked(Activation, key);

    public object Resolve(Type serviceType)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return session.Resolve(serviceType, Rule);
    }

    private static InvalidOperationException NotFiring() =>
        new("The rule context can only be used while the rule's actions run.");
}
