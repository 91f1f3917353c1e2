using WorkPermit.Rules.Engine.Dsl;
using WorkPermit.Rules.Engine.RuleModel;

namespace WorkPermit.Rules.Engine.Tests;

public class UndoTests
{
    [Fact]
    public void Retract_MatchThatFired_UndoRunsDuringNextFire()
    {
        var session = TestEngine.Session(typeof(DoUndoRule));
        session.Insert(new Item(1, 0, 5));
        session.Fire();
        Assert.Equal([new Note("done 1")], session.Query<Note>());

        session.Retract(new Item(1, 0, 5));
        Assert.Equal([new Note("done 1")], session.Query<Note>());
        session.Fire();

        Assert.Empty(session.Query<Note>());
    }

    [Fact]
    public void Retract_MatchThatNeverFired_UndoDoesNotRun()
    {
        var session = TestEngine.Session(typeof(DoUndoRule));
        var log = new FiringLog(session);
        session.Insert(new Item(1, 0, 5));

        session.Retract(new Item(1, 0, 5));
        var fired = session.Fire();

        Assert.Equal(0, fired);
        Assert.Empty(log.Firings);
    }

    [Fact]
    public void Update_MatchGoesAway_UndoRunsWithDeactivatedTrigger()
    {
        var session = TestEngine.Session(typeof(DoUndoRule));
        var log = new FiringLog(session);
        session.Insert(new Item(1, 0, 5));
        session.Fire();

        session.Update(new Item(1, 0, 0));
        session.Fire();

        Assert.Equal([ActionTrigger.Activated, ActionTrigger.Deactivated], log.Firings.Select(f => f.Trigger));
        Assert.Equal(1, ((Item)log.Firings[1].Facts[0]!).Id);
        Assert.Empty(session.Query<Note>());
    }

    [Fact]
    public void Update_MatchStillHolds_UndoDoesNotRun()
    {
        var session = TestEngine.Session(typeof(DoUndoRule));
        var log = new FiringLog(session);
        session.Insert(new Item(1, 0, 5));
        session.Fire();

        session.Update(new Item(1, 0, 6));
        session.Fire();

        Assert.DoesNotContain(log.Firings, f => f.Trigger == ActionTrigger.Deactivated);
        Assert.Equal([new Note("done 1")], session.Query<Note>());
    }

    [Fact]
    public void Retract_ThenInsertAgainBeforeFire_UndoRunsBeforeTheNewMatchFires()
    {
        var session = TestEngine.Session(typeof(DoUndoRule));
        var log = new FiringLog(session);
        session.Insert(new Item(1, 0, 5));
        session.Fire();

        session.Retract(new Item(1, 0, 5));
        session.Insert(new Item(1, 0, 5));
        session.Fire();

        Assert.Equal([ActionTrigger.Activated, ActionTrigger.Deactivated, ActionTrigger.Activated], log.Firings.Select(f => f.Trigger));
        Assert.Equal([new Note("done 1")], session.Query<Note>());
    }

    [Fact]
    public void Action_WithDeactivatedTrigger_RunsLikeUndo()
    {
        var session = TestEngine.Session(typeof(ExplicitTriggerRule));
        session.Insert(new Item(1, 0, 5));
        session.Fire();

        session.Retract(new Item(1, 0, 5));
        session.Fire();

        Assert.Equal([new Note("gone 1")], session.Query<Note>());
    }

    [Fact]
    public void Retract_RuleWithYieldAndUndo_LinkedFactGoesAtOnceAndUndoRunsOnFire()
    {
        var session = TestEngine.Session(typeof(YieldAndUndoRule));
        session.Insert(new Item(1, 0, 5));
        session.Fire();

        session.Retract(new Item(1, 0, 5));
        Assert.Empty(session.Query<Note>());
        session.Fire();

        Assert.Equal([new Label("undone 1")], session.Query<Label>());
    }

    [Fact]
    public void Retract_CollectRuleThatFired_UndoDoesNotRunWhileCollectStillMatches()
    {
        var session = TestEngine.Session(typeof(CollectUndoRule));
        var log = new FiringLog(session);
        session.InsertAll([new Item(1, 0, 5), new Item(2, 0, 5)]);
        session.Fire();

        session.Retract(new Item(1, 0, 5));
        session.Fire();

        Assert.DoesNotContain(log.Firings, f => f.Trigger == ActionTrigger.Deactivated);
    }

    [Name("DoUndo")]
    private sealed class DoUndoRule : Rule
    {
        public override void Define()
        {
            Item item = default!;
            When().Match(() => item, i => i.Value > 0);
            Then()
                .Do(ctx => ctx.TryInsert(new Note("done " + item.Id)))
                .Undo(ctx => ctx.Retract(new Note("done " + item.Id)));
        }
    }

    [Name("ExplicitTrigger")]
    private sealed class ExplicitTriggerRule : Rule
    {
        public override void Define()
        {
            Item item = default!;
            When().Match(() => item);
            Then()
                .Action(ctx => ctx.Insert(new Note("gone " + item.Id)), ActionTrigger.Deactivated);
        }
    }

    [Name("YieldAndUndo")]
    private sealed class YieldAndUndoRule : Rule
    {
        public override void Define()
        {
            Item item = default!;
            When().Match(() => item);
            Then()
                .Yield(ctx => new Note("linked " + item.Id))
                .Undo(ctx => ctx.Insert(new Label("undone " + item.Id)));
        }
    }

    [Name("CollectUndo")]
    private sealed class CollectUndoRule : Rule
    {
        public override void Define()
        {
            IEnumerable<Item> items = default!;
            When().Query(() => items, q => q.Match<Item>().Collect());
            Then()
                .Do(ctx => Act.Noop(items))
                .Undo(ctx => Act.Noop(items));
        }
    }
}
