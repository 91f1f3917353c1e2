using WorkPermit.Rules.Engine.Diagnostics;
using WorkPermit.Rules.Engine.Dsl;
using WorkPermit.Rules.Engine.RuleModel;

namespace WorkPermit.Rules.Engine.Tests;

public class EventsTests
{
    [Fact]
    public void Insert_MatchingFact_RaisesInsertingActivationCreatedInserted()
    {
        var session = TestEngine.Session(typeof(PositiveItemRule));
        var events = new EventRecorder(session);

        session.Insert(new Item(1, 0, 5));

        Assert.Equal(
            ["FactInserting Item(1)", "ActivationCreated PositiveItem [Item(1)]", "FactInserted Item(1)"],
            events.Entries);
    }

    [Fact]
    public void Update_MatchedFact_RaisesUpdatingActivationUpdatedUpdated()
    {
        var session = TestEngine.Session(typeof(PositiveItemRule));
        session.Insert(new Item(1, 0, 5));
        var events = new EventRecorder(session);

        session.Update(new Item(1, 0, 6));

        Assert.Equal(
            ["FactUpdating Item(1)", "ActivationUpdated PositiveItem [Item(1)]", "FactUpdated Item(1)"],
            events.Entries);
        Assert.Equal(new Item(1, 0, 6), events.LastFact);
    }

    [Fact]
    public void Retract_MatchedFact_RaisesRetractingActivationDeletedRetracted()
    {
        var session = TestEngine.Session(typeof(PositiveItemRule));
        session.Insert(new Item(1, 0, 5));
        var events = new EventRecorder(session);

        session.Retract(new Item(1, 0, 5));

        Assert.Equal(
            ["FactRetracting Item(1)", "ActivationDeleted PositiveItem [Item(1)]", "FactRetracted Item(1)"],
            events.Entries);
    }

    [Fact]
    public void Update_FactNoLongerMatching_RaisesActivationDeleted()
    {
        var session = TestEngine.Session(typeof(PositiveItemRule));
        session.Insert(new Item(1, 0, 5));
        var events = new EventRecorder(session);

        session.Update(new Item(1, 0, -5));

        Assert.Contains("ActivationDeleted PositiveItem [Item(1)]", events.Entries);
    }

    [Fact]
    public void Insert_FactNoRuleUses_RaisesOnlyFactEvents()
    {
        var session = TestEngine.Session(typeof(PositiveItemRule));
        var events = new EventRecorder(session);

        session.Insert(new Label("x"));

        Assert.Equal(["FactInserting Label(x)", "FactInserted Label(x)"], events.Entries);
    }

    [Fact]
    public void Fire_Rule_RaisesFiringThenActionEffectsThenFired()
    {
        var session = TestEngine.Session(typeof(NotePositiveItemRule));
        session.Insert(new Item(1, 0, 5));
        var events = new EventRecorder(session);

        session.Fire();

        Assert.Equal(
            ["RuleFiring NotePositiveItem [Item(1)]", "FactInserting Note(item 1)", "FactInserted Note(item 1)", "RuleFired NotePositiveItem [Item(1)]"],
            events.Entries);
    }

    [Fact]
    public void Fire_ActivationEventArgs_CarryTheRuleDefinitionAndMatchedFacts()
    {
        var session = TestEngine.Session(typeof(CustomerOrderRule));
        AgendaEventArgs? fired = null;
        session.Events.RuleFiredEvent += (_, e) => fired = e;
        session.InsertAll([new Customer(1, "Ann"), new Order(10, 1, 5)]);

        session.Fire();

        Assert.NotNull(fired);
        Assert.Equal("CustomerOrder", fired.Rule.Name);
        Assert.Equal("Matches an order to its customer", fired.Rule.Description);
        Assert.Equal(["customer", "order"], fired.Facts.Select(f => f.Name));
        Assert.Equal([typeof(Customer), typeof(Order)], fired.Facts.Select(f => f.Type));
        Assert.Equal(new object?[] { new Customer(1, "Ann"), new Order(10, 1, 5) }, fired.Facts.Select(f => f.Value));
        Assert.Same(fired.Match.Rule, fired.Rule);
    }

    [Fact]
    public void Retract_LinkedFactsSource_RaisesRetractedForTheLinkedFact()
    {
        var session = TestEngine.Session(typeof(NotePositiveItemYieldRule));
        session.Insert(new Item(1, 0, 5));
        session.Fire();
        var retracted = new List<object?>();
        session.Events.FactRetractedEvent += (_, e) => retracted.Add(e.Fact.Value);

        session.Retract(new Item(1, 0, 5));

        Assert.Equal(new object?[] { new Item(1, 0, 5), new Note("item 1") }, retracted);
    }

    [Fact]
    public void Events_HandlerRemoved_IsNoLongerCalled()
    {
        var session = TestEngine.Session(typeof(PositiveItemRule));
        var count = 0;
        void Handler(object? sender, WorkingMemoryEventArgs e) => count++;
        session.Events.FactInsertedEvent += Handler;
        session.Insert(new Item(1, 0, 5));

        session.Events.FactInsertedEvent -= Handler;
        session.Insert(new Item(2, 0, 5));

        Assert.Equal(1, count);
    }

    [Fact]
    public void Fire_Undo_RaisesFiringWithDeactivatedTrigger()
    {
        var session = TestEngine.Session(typeof(UndoingRule));
        session.Insert(new Item(1, 0, 5));
        session.Fire();
        var triggers = new List<ActionTrigger>();
        session.Events.RuleFiringEvent += (_, e) => triggers.Add(e.Match.Trigger);

        session.Retract(new Item(1, 0, 5));
        session.Fire();

        Assert.Equal([ActionTrigger.Deactivated], triggers);
    }

    /// <summary>Records session events as short strings.</summary>
    private sealed class EventRecorder
    {
        public EventRecorder(ISession session)
        {
            var events = session.Events;
            events.FactInsertingEvent += (_, e) => Fact("FactInserting", e);
            events.FactInsertedEvent += (_, e) => Fact("FactInserted", e);
            events.FactUpdatingEvent += (_, e) => Fact("FactUpdating", e);
            events.FactUpdatedEvent += (_, e) => Fact("FactUpdated", e);
            events.FactRetractingEvent += (_, e) => Fact("FactRetracting", e);
            events.FactRetractedEvent += (_, e) => Fact("FactRetracted", e);
            events.ActivationCreatedEvent += (_, e) => Agenda("ActivationCreated", e);
            events.ActivationUpdatedEvent += (_, e) => Agenda("ActivationUpdated", e);
            events.ActivationDeletedEvent += (_, e) => Agenda("ActivationDeleted", e);
            events.RuleFiringEvent += (_, e) => Agenda("RuleFiring", e);
            events.RuleFiredEvent += (_, e) => Agenda("RuleFired", e);
        }

        public List<string> Entries { get; } = [];

        public object? LastFact { get; private set; }

        private static string Short(object? value) => value switch
        {
            Item item => $"Item({item.Id})",
            Label label => $"Label({label.Name})",
            Note note => $"Note({note.Text})",
            _ => value?.ToString() ?? "null",
        };

        private void Fact(string name, WorkingMemoryEventArgs e)
        {
            LastFact = e.Fact.Value;
            Entries.Add($"{name} {Short(e.Fact.Value)}");
        }

        private void Agenda(string name, AgendaEventArgs e) =>
            Entries.Add($"{name} {e.Rule.Name} [{string.Join(", ", e.Facts.Select(f => Short(f.Value)))}]");
    }

    [Name("PositiveItem")]
    private sealed class PositiveItemRule : Rule
    {
        public override void Define()
        {
            Item item = default!;
            When().Match(() => item, i => i.Value > 0);
            Then().Do(ctx => Act.Noop(item));
        }
    }

    [Name("NotePositiveItem")]
    private sealed class NotePositiveItemRule : Rule
    {
        public override void Define()
        {
            Item item = default!;
            When().Match(() => item, i => i.Value > 0);
            Then().Do(ctx => ctx.Insert(new Note("item " + item.Id)));
        }
    }

    [Name("NotePositiveItemYield")]
    private sealed class NotePositiveItemYieldRule : Rule
    {
        public override void Define()
        {
            Item item = default!;
            When().Match(() => item, i => i.Value > 0);
            Then().Yield(ctx => new Note("item " + item.Id));
        }
    }

    [Name("CustomerOrder"), Description("Matches an order to its customer")]
    private sealed class CustomerOrderRule : Rule
    {
        public override void Define()
        {
            Customer customer = default!;
            Order order = default!;
            When().Match(() => customer).Match(() => order, o => o.CustomerId == customer.Id);
            Then().Do(ctx => Act.Noop(customer, order));
        }
    }

    [Name("Undoing")]
    private sealed class UndoingRule : Rule
    {
        public override void Define()
        {
            Item item = default!;
            When().Match(() => item);
            Then().Do(ctx => Act.Noop(item)).Undo(ctx => Act.Noop(item));
        }
    }
}
