using WorkPermit.Rules.Engine.Dsl;
using WorkPermit.Rules.Engine.RuleModel;

namespace WorkPermit.Rules.Engine.Tests;

public class LinkedFactsTruthMaintenanceTests
{
    [Fact]
    public void Fire_YieldRule_InsertsLinkedFactVisibleToQuery()
    {
        var session = TestEngine.Session(typeof(StageOne));
        session.Insert(new Item(1, 0, 5));

        session.Fire();

        Assert.Equal([new StageOneFact(1, 5)], session.Query<StageOneFact>());
        Assert.Equal(2, session.Query<object>().Count());
    }

    [Fact]
    public void Retract_SourceFact_RetractsLinkedFactImmediately()
    {
        var session = TestEngine.Session(typeof(StageOne));
        session.Insert(new Item(1, 0, 5));
        session.Fire();

        session.Retract(new Item(1, 0, 5));

        Assert.Empty(session.Query<StageOneFact>());
    }

    [Fact]
    public void Update_SourceFactSoMatchGoesAway_RetractsLinkedFact()
    {
        var session = TestEngine.Session(typeof(StageOne));
        session.Insert(new Item(1, 0, 5));
        session.Fire();

        session.Update(new Item(1, 0, -5));

        Assert.Empty(session.Query<StageOneFact>());
    }

    [Fact]
    public void Update_SourceFactMatchStillHolds_RefireReplacesLinkedFact()
    {
        var session = TestEngine.Session(typeof(StageOne));
        session.Insert(new Item(1, 0, 5));
        session.Fire();

        session.Update(new Item(1, 0, 6));
        session.Fire();

        Assert.Equal([new StageOneFact(1, 6)], session.Query<StageOneFact>());
    }

    [Fact]
    public void Retract_BaseOfThreeRuleChain_RetractsEveryDerivedFact()
    {
        var session = TestEngine.Session(typeof(StageOne), typeof(StageTwo), typeof(StageThree));
        session.InsertAll([new Item(1, 0, 5), new Item(2, 0, 7)]);
        session.Fire();
        Assert.Equal(2, session.Query<StageThreeFact>().Count());

        session.Retract(new Item(1, 0, 5));

        Assert.Equal([new StageOneFact(2, 7)], session.Query<StageOneFact>());
        Assert.Equal([new StageTwoFact(2)], session.Query<StageTwoFact>());
        Assert.Equal([new StageThreeFact(2)], session.Query<StageThreeFact>());
    }

    [Fact]
    public void Update_BaseOfChainSoFirstMatchGoesAway_RetractsWholeChain()
    {
        var session = TestEngine.Session(typeof(StageOne), typeof(StageTwo), typeof(StageThree));
        session.Insert(new Item(1, 0, 5));
        session.Fire();

        session.Update(new Item(1, 0, 0));

        Assert.Empty(session.Query<StageOneFact>());
        Assert.Empty(session.Query<StageTwoFact>());
        Assert.Empty(session.Query<StageThreeFact>());
    }

    [Fact]
    public void Update_BaseOfChainSoMiddleMatchGoesAway_RetractsFromTheMiddleOn()
    {
        var session = TestEngine.Session(typeof(StageOne), typeof(StageTwo), typeof(StageThree));
        session.Insert(new Item(1, 0, 5));
        session.Fire();

        session.Update(new Item(1, 0, 1));
        session.Fire();

        Assert.Equal([new StageOneFact(1, 1)], session.Query<StageOneFact>());
        Assert.Empty(session.Query<StageTwoFact>());
        Assert.Empty(session.Query<StageThreeFact>());
    }

    [Fact]
    public void Retract_FactBlockingNot_ChainOverNegationRederives()
    {
        var session = TestEngine.Session(typeof(StageOne), typeof(NoStageOneForGroup));
        session.Insert(new Item(1, Group: 3, Value: 5));
        session.Insert(new Customer(3, "group three"));
        session.Fire();
        Assert.Empty(session.Query<Note>());

        session.Retract(new Item(1, 3, 5));
        session.Fire();

        Assert.Equal([new Note("nothing for 3")], session.Query<Note>());
    }

    [Fact]
    public void InsertLinkedAndUpdateLinked_ThroughContext_KeepOneLinkedFactPerKey()
    {
        var session = TestEngine.Session(typeof(ManualLinkRule));
        session.Insert(new Item(1, 0, 5));
        session.Fire();

        session.Update(new Item(1, 0, 6));
        session.Fire();

        Assert.Equal([new Note("manual 1=6")], session.Query<Note>());
    }

    [Fact]
    public void RetractLinked_ThroughContext_RemovesLinkedFact()
    {
        var session = TestEngine.Session(typeof(ManualLinkRule));
        session.Insert(new Item(1, 0, 5));
        session.Fire();

        session.Update(new Item(1, 0, 0));
        session.Fire();

        Assert.Empty(session.Query<Note>());
    }

    [Fact]
    public void InsertLinked_KeyAlreadyLinked_ThrowsNamingTheRule()
    {
        var session = TestEngine.Session(typeof(DoubleLinkRule));
        session.Insert(new Item(1, 0, 5));

        var error = Assert.Throws<RuleRhsExpressionEvaluationException>(() => session.Fire());

        Assert.Equal("DoubleLink", error.Rule);
        Assert.IsType<ArgumentException>(error.InnerException);
    }

    [Fact]
    public void Yield_WithUpdateExpression_RefireUsesTheUpdate()
    {
        var session = TestEngine.Session(typeof(YieldWithUpdateRule));
        session.Insert(new Item(1, 0, 1));
        session.Fire();

        session.Update(new Item(1, 0, 2));
        session.Fire();

        Assert.Equal([new Note("created 1 then 2")], session.Query<Note>());
    }

    [Fact]
    public void Retract_LinkedFactByHost_IsGoneAndRefireRecreatesIt()
    {
        var session = TestEngine.Session(typeof(StageOne));
        session.Insert(new Item(1, 0, 5));
        session.Fire();

        session.Retract(new StageOneFact(1, 5));
        Assert.Empty(session.Query<StageOneFact>());
        session.Update(new Item(1, 0, 6));
        session.Fire();

        Assert.Equal([new StageOneFact(1, 6)], session.Query<StageOneFact>());
    }

    [Fact]
    public void Fire_ActionRetractsItsOwnMatchBeforeYield_NoLinkedFactRemains()
    {
        var session = TestEngine.Session(typeof(ConsumeThenYieldRule));
        session.Insert(new Item(1, 0, 5));

        session.Fire();

        Assert.Empty(session.Query<Item>());
        Assert.Empty(session.Query<Note>());
    }

    [Fact]
    public void Retract_CollectedFactSoHavingFails_LinkedFactRetractedWithoutFire()
    {
        var session = TestEngine.Session(typeof(PairOfItemsRule));
        session.InsertAll([new Item(1, 0, 0), new Item(2, 0, 0)]);
        session.Fire();
        Assert.Single(session.Query<Note>());

        session.Retract(new Item(1, 0, 0));

        Assert.Empty(session.Query<Note>());
    }

    [Fact]
    public void Retract_LastFactOfGroup_GroupLinkedFactRetractedWithoutFire()
    {
        var session = TestEngine.Session(typeof(GroupNoteRule));
        session.InsertAll([new Item(1, 1, 0), new Item(2, 2, 0)]);
        session.Fire();

        session.Retract(new Item(2, 2, 0));

        Assert.Equal([new Note("group 1")], session.Query<Note>());
    }

    [Fact]
    public void LinkedFact_Source_NamesTheRuleAndMatch()
    {
        var session = TestEngine.Session(typeof(StageOne));
        IFact? linked = null;
        session.Events.FactInsertedEvent += (_, e) =>
        {
            if (e.Fact.Value is StageOneFact)
            {
                linked = e.Fact;
            }
        };
        session.Insert(new Item(1, 0, 5));

        session.Fire();

        Assert.NotNull(linked);
        var source = Assert.IsType<IMatch>(linked.Source, exactMatch: false);
        Assert.Equal("StageOne", source.Rule.Name);
        Assert.Equal(new Item(1, 0, 5), Assert.Single(source.Facts).Value);
    }

    internal sealed record StageOneFact(int ItemId, int Value);

    internal sealed record StageTwoFact(int ItemId);

    internal sealed record StageThreeFact(int ItemId);

    /// <summary>Links a note to the match, updates it, or retracts it when the item's value is zero.</summary>
    internal static class Linker
    {
        public static void Sync(IContext context, Item item)
        {
            var current = context.GetLinked("note");
            if (item.Value == 0)
            {
                if (current is not null)
                {
                    context.RetractLinked("note", current);
                }

                return;
            }

            var note = new Note("manual " + item.Id + "=" + item.Value);
            if (current is null)
            {
                context.InsertLinked("note", note);
            }
            else
            {
                context.UpdateLinked("note", note);
            }
        }
    }

    [Name("StageOne")]
    private sealed class StageOne : Rule
    {
        public override void Define()
        {
            Item item = default!;
            When().Match(() => item, i => i.Value > 0);
            Then().Yield(ctx => new StageOneFact(item.Id, item.Value));
        }
    }

    [Name("StageTwo")]
    private sealed class StageTwo : Rule
    {
        public override void Define()
        {
            StageOneFact stage = default!;
            When().Match(() => stage, s => s.Value >= 3);
            Then().Yield(ctx => new StageTwoFact(stage.ItemId));
        }
    }

    [Name("StageThree")]
    private sealed class StageThree : Rule
    {
        public override void Define()
        {
            StageTwoFact stage = default!;
            Item item = default!;
            When()
                .Match(() => stage)
                .Match(() => item, i => i.Id == stage.ItemId);
            Then().Yield(ctx => new StageThreeFact(item.Id));
        }
    }

    [Name("NoStageOneForGroup")]
    private sealed class NoStageOneForGroup : Rule
    {
        public override void Define()
        {
            Customer customer = default!;
            When()
                .Match(() => customer)
                .Not<StageOneFact>(s => s.ItemId == customer.Id - 2);
            Then().Yield(ctx => new Note("nothing for " + customer.Id));
        }
    }

    [Name("ManualLink")]
    private sealed class ManualLinkRule : Rule
    {
        public override void Define()
        {
            Item item = default!;
            When().Match(() => item);
            Then().Do(ctx => Linker.Sync(ctx, item));
        }
    }

    [Name("DoubleLink")]
    private sealed class DoubleLinkRule : Rule
    {
        public override void Define()
        {
            Item item = default!;
            When().Match(() => item);
            Then()
                .Do(ctx => ctx.InsertLinked("k", new Note("first")))
                .Do(ctx => ctx.InsertLinked("k", new Note("second")));
        }
    }

    [Name("YieldWithUpdate")]
    private sealed class YieldWithUpdateRule : Rule
    {
        public override void Define()
        {
            Item item = default!;
            When().Match(() => item);
            Then().Yield(ctx => new Note("created " + item.Value), (ctx, note) => new Note(note.Text + " then " + item.Value));
        }
    }

    [Name("ConsumeThenYield")]
    private sealed class ConsumeThenYieldRule : Rule
    {
        public override void Define()
        {
            Item item = default!;
            When().Match(() => item);
            Then()
                .Do(ctx => ctx.Retract(item))
                .Yield(ctx => new Note("consumed " + item.Id));
        }
    }

    [Name("PairOfItems")]
    private sealed class PairOfItemsRule : Rule
    {
        public override void Define()
        {
            IEnumerable<Item> items = default!;
            When()
                .Query(() => items, q => q.Match<Item>().Collect())
                .Having(() => items.Count() >= 2);
            Then().Yield(ctx => new Note("pair"));
        }
    }

    [Name("GroupNote")]
    private sealed class GroupNoteRule : Rule
    {
        public override void Define()
        {
            IGrouping<int, Item> group = default!;
            When().Query(() => group, q => q.Match<Item>().GroupBy(i => i.Group));
            Then().Yield(ctx => new Note("group " + group.Key));
        }
    }
}
