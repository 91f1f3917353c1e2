using WorkPermit.Rules.Engine.Diagnostics;
using WorkPermit.Rules.Engine.Fluent;
using WorkPermit.Rules.Engine.RuleModel;

namespace WorkPermit.Rules.Engine.Tests;

/// <summary>Compiles rule classes the way a host does: a repository loaded from explicit types, then compiled.</summary>
internal static class TestEngine
{
    public static ISessionFactory Compile(params Type[] ruleTypes)
    {
        var repository = new RuleRepository();
        repository.Load(x => x.From(ruleTypes));
        return repository.Compile();
    }

    public static ISession Session(params Type[] ruleTypes) => Compile(ruleTypes).CreateSession();

    public static ISessionFactory Compile(Action<RuleCompiler> configure, params Type[] ruleTypes)
    {
        var repository = new RuleRepository();
        repository.Load(x => x.From(ruleTypes));
        var compiler = new RuleCompiler();
        configure(compiler);
        return compiler.Compile(repository.GetRuleSets());
    }
}

/// <summary>One rule firing as the RuleFired event reported it.</summary>
internal sealed record Firing(string Rule, IReadOnlyList<object?> Facts, ActionTrigger Trigger)
{
    public override string ToString() => $"{Rule}({string.Join(", ", Facts)}){(Trigger == ActionTrigger.Activated ? string.Empty : " " + Trigger)}";
}

/// <summary>Records the rules a session fires, in order, with the facts of each match.</summary>
internal sealed class FiringLog
{
    private readonly List<Firing> _firings = [];

    public FiringLog(ISession session)
    {
        session.Events.RuleFiredEvent += OnFired;
    }

    public IReadOnlyList<Firing> Firings => _firings;

    public IReadOnlyList<string> Rules => _firings.Select(f => f.Rule).ToArray();

    public int Count(string rule) => _firings.Count(f => f.Rule == rule);

    public IReadOnlyList<Firing> Of(string rule) => _firings.Where(f => f.Rule == rule).ToArray();

    public void Clear() => _firings.Clear();

    private void OnFired(object? sender, AgendaEventArgs e) =>
        _firings.Add(new Firing(e.Rule.Name, e.Facts.Select(f => f.Value).ToArray(), e.Match.Trigger));
}

/// <summary>A side-effect-free call for rule actions whose firing is observed through events.</summary>
internal static class Act
{
    public static void Noop(params object?[] values) => _ = values;

    /// <summary>Increments a counter and returns it, so an action can write <c>ctx.Update(Act.Increment(counter))</c>.</summary>
    public static Counter Increment(Counter counter)
    {
        counter.Value++;
        return counter;
    }
}

// ----- Small fact types shared by the example-based tests -----

/// <summary>A fact whose identity is its Id (so it can be updated with a new record instance).</summary>
internal sealed record Item(int Id, int Group, int Value) : IIdentityProvider
{
    public object GetIdentity() => Id;
}

/// <summary>A fact whose identity is its Id.</summary>
internal sealed record Customer(int Id, string Name, int Tier = 0) : IIdentityProvider
{
    public object GetIdentity() => Id;
}

/// <summary>A fact whose identity is its Id.</summary>
internal sealed record Order(int Id, int CustomerId, int Amount) : IIdentityProvider
{
    public object GetIdentity() => Id;
}

/// <summary>A value fact: two equal tags are the same fact.</summary>
internal sealed record Label(string Name);

/// <summary>A mutable fact with reference identity.</summary>
internal sealed class Counter(string name, int value = 0)
{
    public string Name { get; } = name;

    public int Value { get; set; } = value;

    public override string ToString() => $"Counter({Name}={Value})";
}

/// <summary>A fact that rules derive.</summary>
internal sealed record Note(string Text);
