using WorkPermit.Rules.Engine.Dsl;

namespace WorkPermit.Rules.Engine.Tests;

public class FireLimitHaltTests
{
    [Fact]
    public void Fire_MaxBelowNumberOfMatches_FiresAtMostMax()
    {
        var session = TestEngine.Session(typeof(EachItemRule));
        var log = new FiringLog(session);
        session.InsertAll([new Item(1, 0, 0), new Item(2, 0, 0), new Item(3, 0, 0)]);

        var fired = session.Fire(2);

        Assert.Equal(2, fired);
        Assert.Equal(2, log.Firings.Count);
        Assert.Equal(1, session.AgendaCount);
    }

    [Fact]
    public void Fire_AfterLimitedFire_FiresTheRest()
    {
        var session = TestEngine.Session(typeof(EachItemRule));
        var log = new FiringLog(session);
        session.InsertAll([new Item(1, 0, 0), new Item(2, 0, 0), new Item(3, 0, 0)]);
        session.Fire(2);

        var fired = session.Fire();

        Assert.Equal(1, fired);
        Assert.Equal([1, 2, 3], log.Firings.Select(f => ((Item)f.Facts[0]!).Id));
    }

    [Fact]
    public void Fire_MaxAboveNumberOfMatches_FiresAllAndReturnsCount()
    {
        var session = TestEngine.Session(typeof(EachItemRule));
        session.InsertAll([new Item(1, 0, 0), new Item(2, 0, 0)]);

        Assert.Equal(2, session.Fire(10));
    }

    [Fact]
    public void Fire_Zero_FiresNothing()
    {
        var session = TestEngine.Session(typeof(EachItemRule));
        session.Insert(new Item(1, 0, 0));

        Assert.Equal(0, session.Fire(0));
        Assert.Equal(1, session.AgendaCount);
    }

    [Fact]
    public void Fire_NegativeMax_ThrowsArgumentOutOfRange()
    {
        var session = TestEngine.Session(typeof(EachItemRule));

        Assert.Throws<ArgumentOutOfRangeException>(() => session.Fire(-1));
    }

    [Fact]
    public void Halt_InAction_StopsFireAfterTheCurrentRule()
    {
        var session = TestEngine.Session(typeof(HaltingRule), typeof(EachItemRule));
        var log = new FiringLog(session);
        session.InsertAll([new Label("stop"), new Item(1, 0, 0)]);

        var fired = session.Fire();

        Assert.Equal(1, fired);
        Assert.Equal(["Halting"], log.Rules);
        Assert.Equal([new Note("after halt")], session.Query<Note>());
        Assert.Equal(1, session.AgendaCount);
    }

    [Fact]
    public void Fire_AfterHalt_ContinuesWithTheRemainingActivations()
    {
        var session = TestEngine.Session(typeof(HaltingRule), typeof(EachItemRule));
        var log = new FiringLog(session);
        session.InsertAll([new Label("stop"), new Item(1, 0, 0)]);
        session.Fire();

        var fired = session.Fire();

        Assert.Equal(1, fired);
        Assert.Equal(["Halting", "EachItem"], log.Rules);
    }

    [Fact]
    public void Halt_WithLimitedFire_StopsBeforeTheLimit()
    {
        var session = TestEngine.Session(typeof(HaltingRule), typeof(EachItemRule));
        session.InsertAll([new Label("stop"), new Item(1, 0, 0), new Item(2, 0, 0)]);

        Assert.Equal(1, session.Fire(5));
        Assert.Equal(2, session.Fire(5));
    }

    [Name("EachItem")]
    private sealed class EachItemRule : Rule
    {
        public override void Define()
        {
            Item item = default!;
            When().Match(() => item);
            Then().Do(ctx => Act.Noop(item));
        }
    }

    [Name("Halting"), Priority(10)]
    private sealed class HaltingRule : Rule
    {
        public override void Define()
        {
            When().Match<Label>(l => l.Name == "stop");
            Then()
                .Do(ctx => ctx.Halt())
                .Do(ctx => ctx.Insert(new Note("after halt")));
        }
    }
}
