using WorkPermit.Rules.Engine.Dsl;

namespace WorkPermit.Rules.Engine.Tests;

public class InsertUpdateRetractTests
{
    [Fact]
    public void Insert_Null_ThrowsArgumentNullException()
    {
        var session = TestEngine.Session(typeof(PositiveItemRule));

        Assert.Throws<ArgumentNullException>(() => session.Insert(null!));
        Assert.Throws<ArgumentNullException>(() => session.TryInsert(null!));
        Assert.Throws<ArgumentNullException>(() => session.Update(null!));
        Assert.Throws<ArgumentNullException>(() => session.Retract(null!));
        Assert.Throws<ArgumentNullException>(() => session.InsertAll(null!));
    }

    [Fact]
    public void InsertAll_OneAlreadyPresent_ThrowsAndInsertsNothing()
    {
        var session = TestEngine.Session(typeof(PositiveItemRule));
        session.Insert(new Item(2, 0, 1));

        var error = Assert.Throws<ArgumentException>(() => session.InsertAll([new Item(1, 0, 1), new Item(2, 0, 5), new Item(3, 0, 1)]));

        Assert.Contains("already", error.Message, StringComparison.Ordinal);
        Assert.Equal([2], session.Query<Item>().Select(i => i.Id));
        Assert.Equal(1, session.Fire());
    }

    [Fact]
    public void InsertAll_RepeatedItem_ThrowsAndInsertsNothing()
    {
        var session = TestEngine.Session(typeof(PositiveItemRule));

        Assert.Throws<ArgumentException>(() => session.InsertAll([new Item(1, 0, 1), new Item(1, 0, 2)]));

        Assert.Empty(session.Query<Item>());
        Assert.Equal(0, session.AgendaCount);
    }

    [Fact]
    public void InsertAll_NullItem_ThrowsAndInsertsNothing()
    {
        var session = TestEngine.Session(typeof(PositiveItemRule));

        Assert.Throws<ArgumentException>(() => session.InsertAll([new Item(1, 0, 1), null!]));

        Assert.Empty(session.Query<Item>());
    }

    [Fact]
    public void InsertAll_NewFacts_InsertsAllInOrder()
    {
        var session = TestEngine.Session(typeof(PositiveItemRule));

        session.InsertAll([new Item(3, 0, 1), new Item(1, 0, 1), new Item(2, 0, -1)]);

        Assert.Equal([3, 1, 2], session.Query<Item>().Select(i => i.Id));
        Assert.Equal(2, session.Fire());
    }

    [Fact]
    public void UpdateAll_OneAbsent_ThrowsAndUpdatesNothing()
    {
        var session = TestEngine.Session(typeof(PositiveItemRule));
        session.InsertAll([new Item(1, 0, -1), new Item(2, 0, -1)]);

        Assert.Throws<ArgumentException>(() => session.UpdateAll([new Item(1, 0, 5), new Item(3, 0, 5)]));

        Assert.Equal([new Item(1, 0, -1), new Item(2, 0, -1)], session.Query<Item>());
        Assert.Equal(0, session.Fire());
    }

    [Fact]
    public void UpdateAll_AllPresent_UpdatesAll()
    {
        var session = TestEngine.Session(typeof(PositiveItemRule));
        session.InsertAll([new Item(1, 0, -1), new Item(2, 0, -1)]);

        session.UpdateAll([new Item(1, 0, 5), new Item(2, 0, 6)]);

        Assert.Equal(2, session.Fire());
    }

    [Fact]
    public void UpdateAll_RepeatedItem_ThrowsAndUpdatesNothing()
    {
        var session = TestEngine.Session(typeof(PositiveItemRule));
        session.InsertAll([new Item(1, 0, -1), new Item(2, 0, -1)]);

        Assert.Throws<ArgumentException>(() => session.UpdateAll([new Item(1, 0, 5), new Item(1, 0, 6)]));

        Assert.Equal([new Item(1, 0, -1), new Item(2, 0, -1)], session.Query<Item>());
    }

    [Fact]
    public void TryUpdate_PresentFact_UpdatesAndReturnsTrue()
    {
        var session = TestEngine.Session(typeof(PositiveItemRule));
        session.Insert(new Item(1, 0, -1));

        Assert.True(session.TryUpdate(new Item(1, 0, 4)));

        Assert.Equal(1, session.Fire());
    }

    [Fact]
    public void RetractAll_OneAbsent_ThrowsAndRetractsNothing()
    {
        var session = TestEngine.Session(typeof(PositiveItemRule));
        session.InsertAll([new Item(1, 0, 1), new Item(2, 0, 1)]);

        Assert.Throws<ArgumentException>(() => session.RetractAll([new Item(1, 0, 1), new Item(3, 0, 1)]));

        Assert.Equal(2, session.Query<Item>().Count());
        Assert.Equal(2, session.Fire());
    }

    [Fact]
    public void RetractAll_AllPresent_RetractsAll()
    {
        var session = TestEngine.Session(typeof(PositiveItemRule));
        session.InsertAll([new Item(1, 0, 1), new Item(2, 0, 1), new Item(3, 0, 1)]);

        session.RetractAll([new Item(1, 0, 1), new Item(3, 0, 1)]);

        Assert.Equal([2], session.Query<Item>().Select(i => i.Id));
        Assert.Equal(1, session.Fire());
    }

    [Fact]
    public void Query_AfterUpdateWithNewInstance_ReturnsNewInstanceInOriginalPosition()
    {
        var session = TestEngine.Session(typeof(PositiveItemRule));
        session.InsertAll([new Item(1, 0, 1), new Item(2, 0, 1), new Item(3, 0, 1)]);
        var replacement = new Item(2, 0, 9);

        session.Update(replacement);

        var items = session.Query<Item>().ToArray();
        Assert.Equal([1, 2, 3], items.Select(i => i.Id));
        Assert.Same(replacement, items[1]);
    }

    [Fact]
    public void Query_AfterRetractAndInsert_KeepsInsertionOrder()
    {
        var session = TestEngine.Session(typeof(PositiveItemRule));
        session.InsertAll([new Item(1, 0, 1), new Item(2, 0, 1), new Item(3, 0, 1)]);

        session.Retract(new Item(1, 0, 1));
        session.Insert(new Item(4, 0, 1));
        session.Insert(new Item(1, 0, 1));

        Assert.Equal([2, 3, 4, 1], session.Query<Item>().Select(i => i.Id));
    }

    [Fact]
    public void Query_OfBaseType_ReturnsFactsOfEveryDerivedType()
    {
        var session = TestEngine.Session(typeof(PositiveItemRule));
        session.Insert(new Item(1, 0, 1));
        session.Insert(new Label("x"));

        Assert.Equal(2, session.Query<object>().Count());
        Assert.Single(session.Query<Label>());
    }

    [Fact]
    public void Fire_SeveralMatches_ReturnsNumberOfRulesFired()
    {
        var session = TestEngine.Session(typeof(PositiveItemRule));
        session.InsertAll([new Item(1, 0, 1), new Item(2, 0, 1), new Item(3, 0, 0)]);

        Assert.Equal(2, session.Fire());
        Assert.Equal(0, session.Fire());
    }

    [Fact]
    public void Update_MutatedReferenceFact_RuleSeesNewValue()
    {
        var session = TestEngine.Session(typeof(BigCounterRule));
        var counter = new Counter("c", 1);
        session.Insert(counter);
        Assert.Equal(0, session.Fire());

        counter.Value = 10;
        session.Update(counter);

        Assert.Equal(1, session.Fire());
    }

    [Fact]
    public void Update_BeforeFire_FiresOnceWithNewValues()
    {
        var session = TestEngine.Session(typeof(PositiveItemRule));
        var log = new FiringLog(session);
        session.Insert(new Item(1, 0, 1));

        session.Update(new Item(1, 0, 2));
        session.Fire();

        var firing = Assert.Single(log.Firings);
        Assert.Equal(new Item(1, 0, 2), firing.Facts[0]);
    }

    [Fact]
    public void Update_FactStopsMatchingBeforeFire_NothingFires()
    {
        var session = TestEngine.Session(typeof(PositiveItemRule));
        session.Insert(new Item(1, 0, 1));

        session.Update(new Item(1, 0, -1));

        Assert.Equal(0, session.Fire());
    }

    [Fact]
    public void Retract_BeforeFire_NothingFires()
    {
        var session = TestEngine.Session(typeof(PositiveItemRule));
        session.Insert(new Item(1, 0, 1));

        session.Retract(new Item(1, 0, 1));

        Assert.Equal(0, session.AgendaCount);
        Assert.Equal(0, session.Fire());
    }

    [Fact]
    public void Insert_AfterRetract_IsANewFactAndFiresAgain()
    {
        var session = TestEngine.Session(typeof(PositiveItemRule));
        session.Insert(new Item(1, 0, 1));
        session.Fire();
        session.Retract(new Item(1, 0, 1));

        session.Insert(new Item(1, 0, 1));

        Assert.Equal(1, session.Fire());
    }

    [Fact]
    public void CreateSession_TwoSessions_DoNotShareWorkingMemory()
    {
        var factory = TestEngine.Compile(typeof(PositiveItemRule));
        var first = factory.CreateSession();
        var second = factory.CreateSession();

        first.Insert(new Item(1, 0, 1));

        Assert.Empty(second.Query<Item>());
        Assert.Equal(0, second.Fire());
        Assert.Equal(1, first.Fire());
    }

    [Fact]
    public void Insert_FromAction_FactReachesOtherRules()
    {
        var session = TestEngine.Session(typeof(NoteForPositiveItemRule), typeof(CountNotesRule));
        var log = new FiringLog(session);
        session.Insert(new Item(1, 0, 1));

        session.Fire();

        Assert.Equal(["NoteForPositiveItem", "CountNotes"], log.Rules);
        Assert.Equal([new Note("positive 1")], session.Query<Note>());
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

    [Name("BigCounter")]
    private sealed class BigCounterRule : Rule
    {
        public override void Define()
        {
            Counter counter = default!;
            When().Match(() => counter, c => c.Value > 5);
            Then().Do(ctx => Act.Noop(counter));
        }
    }

    [Name("NoteForPositiveItem")]
    private sealed class NoteForPositiveItemRule : Rule
    {
        public override void Define()
        {
            Item item = default!;
            When().Match(() => item, i => i.Value > 0);
            Then().Do(ctx => ctx.Insert(new Note("positive " + item.Id)));
        }
    }

    [Name("CountNotes")]
    private sealed class CountNotesRule : Rule
    {
        public override void Define()
        {
            Note note = default!;
            When().Match(() => note);
            Then().Do(ctx => Act.Noop(note));
        }
    }
}
