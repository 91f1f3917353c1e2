using WorkPermit.Rules.Engine.Dsl;
using WorkPermit.Rules.Engine.RuleModel;

namespace WorkPermit.Rules.Engine.Tests;

public class IdentityAndComparerTests
{
    [Fact]
    public void Insert_EqualRecordTwice_ThrowsArgumentException()
    {
        var session = TestEngine.Session(typeof(AnyLabelRule));
        session.Insert(new Label("a"));

        var error = Assert.Throws<ArgumentException>(() => session.Insert(new Label("a")));

        Assert.Contains("Label", error.Message, StringComparison.Ordinal);
        Assert.Single(session.Query<Label>());
    }

    [Fact]
    public void TryInsert_EqualRecord_ReturnsFalseAndKeepsTheFirst()
    {
        var session = TestEngine.Session(typeof(AnyLabelRule));
        var first = new Label("a");
        Assert.True(session.TryInsert(first));

        var inserted = session.TryInsert(new Label("a"));

        Assert.False(inserted);
        Assert.Same(first, Assert.Single(session.Query<Label>()));
        Assert.Equal(1, session.Fire());
    }

    [Fact]
    public void Insert_TwoEqualValuedObjectsWithReferenceIdentity_BothInserted()
    {
        var session = TestEngine.Session(typeof(AnyCounterRule));

        session.Insert(new Counter("c", 1));
        session.Insert(new Counter("c", 1));

        Assert.Equal(2, session.Query<Counter>().Count());
        Assert.Equal(2, session.Fire());
    }

    [Fact]
    public void Insert_SameReferenceTwice_ThrowsArgumentException()
    {
        var session = TestEngine.Session(typeof(AnyCounterRule));
        var counter = new Counter("c");
        session.Insert(counter);

        Assert.Throws<ArgumentException>(() => session.Insert(counter));
    }

    [Fact]
    public void Insert_IdentityProviderWithSameIdentity_ThrowsEvenWhenValuesDiffer()
    {
        var session = TestEngine.Session(typeof(AnyItemRule));
        session.Insert(new Item(1, 0, 0));

        Assert.Throws<ArgumentException>(() => session.Insert(new Item(1, 5, 5)));
        Assert.False(session.TryInsert(new Item(1, 6, 6)));
        Assert.Equal([new Item(1, 0, 0)], session.Query<Item>());
    }

    [Fact]
    public void Update_IdentityProviderNewInstance_ReplacesFactAndRuleSeesNewValues()
    {
        var session = TestEngine.Session(typeof(AnyItemRule));
        var log = new FiringLog(session);
        session.Insert(new Item(1, 0, 0));
        session.Fire();

        session.Update(new Item(1, 9, 9));
        session.Fire();

        Assert.Equal([new Item(1, 9, 9)], session.Query<Item>());
        Assert.Equal(new Item(1, 9, 9), log.Firings[^1].Facts[0]);
    }

    [Fact]
    public void Retract_ObjectWithSameIdentity_RetractsTheStoredFact()
    {
        var session = TestEngine.Session(typeof(AnyItemRule));
        session.Insert(new Item(1, 0, 0));

        session.Retract(new Item(1, 7, 7));

        Assert.Empty(session.Query<Item>());
    }

    [Fact]
    public void Insert_DifferentTypesWithSameIdentity_AreDifferentFacts()
    {
        var session = TestEngine.Session(typeof(AnyItemRule));

        session.Insert(new Item(1, 0, 0));
        session.Insert(new Customer(1, "Ann"));

        Assert.Equal(2, session.Query<object>().Count());
    }

    [Fact]
    public void RegisterComparer_FactsEqualByComparer_AreOneFact()
    {
        var factory = TestEngine.Compile(c => c.FactIdentityComparerRegistry.RegisterComparer(new TicketById()), typeof(OpenTicketRule));
        var session = factory.CreateSession();
        session.Insert(new Ticket(1, "open"));

        Assert.Throws<ArgumentException>(() => session.Insert(new Ticket(1, "closed")));
        Assert.False(session.TryInsert(new Ticket(1, "other")));
        session.Insert(new Ticket(2, "open"));
        Assert.Equal(2, session.Query<Ticket>().Count());
    }

    [Fact]
    public void RegisterComparer_UpdateWithNewInstance_ReplacesFact()
    {
        var factory = TestEngine.Compile(c => c.FactIdentityComparerRegistry.RegisterComparer(new TicketById()), typeof(OpenTicketRule));
        var session = factory.CreateSession();
        session.Insert(new Ticket(1, "open"));
        session.Fire();
        Assert.Single(session.Query<Note>());

        session.Update(new Ticket(1, "closed"));

        Assert.Equal([new Ticket(1, "closed")], session.Query<Ticket>());
        Assert.Empty(session.Query<Note>());
    }

    [Fact]
    public void RegisterComparer_RetractWithEqualByComparer_RetractsFact()
    {
        var factory = TestEngine.Compile(c => c.FactIdentityComparerRegistry.RegisterComparer(new TicketById()), typeof(OpenTicketRule));
        var session = factory.CreateSession();
        session.Insert(new Ticket(1, "open"));

        session.Retract(new Ticket(1, "anything"));

        Assert.Empty(session.Query<Ticket>());
        Assert.Equal(0, session.Fire());
    }

    [Fact]
    public void RegisterComparer_WithoutComparer_RecordEqualityDecides()
    {
        var session = TestEngine.Session(typeof(OpenTicketRule));
        session.Insert(new Ticket(1, "open"));

        session.Insert(new Ticket(1, "closed"));

        Assert.Equal(2, session.Query<Ticket>().Count());
        Assert.Throws<ArgumentException>(() => session.Update(new Ticket(1, "pending")));
    }

    [Fact]
    public void RegisterComparer_ForIdentityProviderType_ComparerTakesPrecedence()
    {
        var factory = TestEngine.Compile(c => c.FactIdentityComparerRegistry.RegisterComparer(new ItemByGroup()), typeof(AnyItemRule));
        var session = factory.CreateSession();
        session.Insert(new Item(1, Group: 5, Value: 0));

        Assert.False(session.TryInsert(new Item(2, Group: 5, Value: 0)));
        Assert.True(session.TryInsert(new Item(1, Group: 6, Value: 0)));
    }

    [Fact]
    public void RegisterComparer_AfterCompile_DoesNotChangeTheCompiledFactory()
    {
        var compiler = new RuleCompiler();
        var repository = new Fluent.RuleRepository();
        repository.Load(x => x.From(typeof(OpenTicketRule)));
        var factory = compiler.Compile(repository.GetRuleSets());

        compiler.FactIdentityComparerRegistry.RegisterComparer(new TicketById());
        var session = factory.CreateSession();
        session.Insert(new Ticket(1, "open"));

        Assert.True(session.TryInsert(new Ticket(1, "closed")));
    }

    [Fact]
    public void Update_AbsentFact_ThrowsAndTryUpdateReturnsFalse()
    {
        var session = TestEngine.Session(typeof(AnyItemRule));

        Assert.Throws<ArgumentException>(() => session.Update(new Item(1, 0, 0)));
        Assert.False(session.TryUpdate(new Item(1, 0, 0)));
        Assert.Empty(session.Query<Item>());
    }

    [Fact]
    public void Retract_AbsentFact_ThrowsAndTryRetractReturnsFalse()
    {
        var session = TestEngine.Session(typeof(AnyItemRule));
        session.Insert(new Item(2, 0, 0));

        Assert.Throws<ArgumentException>(() => session.Retract(new Item(1, 0, 0)));
        Assert.False(session.TryRetract(new Item(1, 0, 0)));
        Assert.True(session.TryRetract(new Item(2, 0, 0)));
        Assert.Empty(session.Query<Item>());
    }

    internal sealed record Ticket(int Id, string Status);

    private sealed class TicketById : IEqualityComparer<Ticket>
    {
        public bool Equals(Ticket? x, Ticket? y) => x?.Id == y?.Id;

        public int GetHashCode(Ticket obj) => obj.Id.GetHashCode();
    }

    private sealed class ItemByGroup : IEqualityComparer<Item>
    {
        public bool Equals(Item? x, Item? y) => x?.Group == y?.Group;

        public int GetHashCode(Item obj) => obj.Group.GetHashCode();
    }

    [Name("AnyLabel")]
    private sealed class AnyLabelRule : Rule
    {
        public override void Define()
        {
            Label label = default!;
            When().Match(() => label);
            Then().Do(ctx => Act.Noop(label));
        }
    }

    [Name("AnyCounter")]
    private sealed class AnyCounterRule : Rule
    {
        public override void Define()
        {
            Counter counter = default!;
            When().Match(() => counter);
            Then().Do(ctx => Act.Noop(counter));
        }
    }

    [Name("AnyItem")]
    private sealed class AnyItemRule : Rule
    {
        public override void Define()
        {
            Item item = default!;
            When().Match(() => item);
            Then().Do(ctx => Act.Noop(item));
        }
    }

    [Name("OpenTicket")]
    private sealed class OpenTicketRule : Rule
    {
        public override void Define()
        {
            Ticket ticket = default!;
            When().Match(() => ticket, t => t.Status == "open");
            Then().Yield(ctx => new Note("open " + ticket.Id));
        }
    }
}
