using WorkPermit.Rules.Engine.Dsl;
using WorkPermit.Rules.Engine.RuleModel;

namespace WorkPermit.Rules.Engine.Tests;

public class PriorityAndOrderTests
{
    [Fact]
    public void Fire_SameFactActivatesSeveralPriorities_HigherPriorityFiresFirst()
    {
        var session = TestEngine.Session(typeof(LowOnX), typeof(NegativeOnX), typeof(HighOnX));
        var log = new FiringLog(session);
        session.Insert(new Label("x"));

        session.Fire();

        Assert.Equal(["HighOnX", "LowOnX", "NegativeOnX"], log.Rules);
    }

    [Fact]
    public void Fire_HigherPriorityActivatedLast_StillFiresFirst()
    {
        var session = TestEngine.Session(typeof(LowOnA), typeof(HighOnB));
        var log = new FiringLog(session);
        session.Insert(new Label("a"));
        session.Insert(new Label("b"));

        session.Fire();

        Assert.Equal(["HighOnB", "LowOnA"], log.Rules);
    }

    [Fact]
    public void Fire_EqualPriority_FiresInTheOrderActivationsArose()
    {
        var session = TestEngine.Session(typeof(EachItem));
        var log = new FiringLog(session);
        session.Insert(new Item(3, 0, 0));
        session.Insert(new Item(1, 0, 0));
        session.Insert(new Item(2, 0, 0));

        session.Fire();

        Assert.Equal([3, 1, 2], log.Firings.Select(f => ((Item)f.Facts[0]!).Id));
    }

    [Fact]
    public void Fire_EqualPriorityDifferentRules_FiresInTheOrderActivationsArose()
    {
        var session = TestEngine.Session(typeof(LowOnA), typeof(LowOnX));
        var log = new FiringLog(session);
        session.Insert(new Label("x"));
        session.Insert(new Label("a"));

        session.Fire();

        Assert.Equal(["LowOnX", "LowOnA"], log.Rules);
    }

    [Fact]
    public void Fire_ActionActivatesHigherPriorityRule_ItFiresBeforeRemainingLowerOnes()
    {
        var session = TestEngine.Session(typeof(LabelEachItem), typeof(HighOnAnyLabel));
        var log = new FiringLog(session);
        session.Insert(new Item(1, 0, 0));
        session.Insert(new Item(2, 0, 0));

        session.Fire();

        Assert.Equal(["LabelEachItem", "HighOnAnyLabel", "LabelEachItem", "HighOnAnyLabel"], log.Rules);
        Assert.Equal(new Label("item 1"), log.Firings[1].Facts[0]);
    }

    [Fact]
    public void Fire_ReactivatedMatch_JoinsTheBackOfItsQueue()
    {
        var session = TestEngine.Session(typeof(EachItem));
        var log = new FiringLog(session);
        session.InsertAll([new Item(1, 0, 0), new Item(2, 0, 0), new Item(3, 0, 0)]);
        session.Fire(1);

        session.Update(new Item(1, 0, 5));
        session.Fire();

        Assert.Equal([1, 2, 3, 1], log.Firings.Select(f => ((Item)f.Facts[0]!).Id));
    }

    [Fact]
    public void Fire_UpdateOfMatchStillOnAgenda_KeepsItsPlace()
    {
        var session = TestEngine.Session(typeof(EachItem));
        var log = new FiringLog(session);
        session.InsertAll([new Item(1, 0, 0), new Item(2, 0, 0), new Item(3, 0, 0)]);

        session.Update(new Item(1, 0, 5));
        session.Fire();

        Assert.Equal([1, 2, 3], log.Firings.Select(f => ((Item)f.Facts[0]!).Id));
    }

    [Fact]
    public void Compile_PriorityAttribute_IsTheRulePriority()
    {
        var factory = TestEngine.Compile(typeof(HighOnX), typeof(LowOnX), typeof(NegativeOnX));

        Assert.Equal(
            ["HighOnX:10", "LowOnX:0", "NegativeOnX:-5"],
            factory.Rules.Select(r => $"{r.Name}:{r.Priority}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Fire_OrRuleWithPriority_EveryBranchFiresBeforeLowerPriority()
    {
        var session = TestEngine.Session(typeof(LowOnX), typeof(HighOrRule));
        var log = new FiringLog(session);
        session.Insert(new Label("x"));

        session.Fire();

        Assert.Equal(["HighOr", "HighOr", "LowOnX"], log.Rules);
    }

    [Name("HighOnX"), Priority(10)]
    private sealed class HighOnX : Rule
    {
        public override void Define()
        {
            When().Match<Label>(l => l.Name == "x");
            Then().Do(ctx => Act.Noop());
        }
    }

    [Name("LowOnX")]
    private sealed class LowOnX : Rule
    {
        public override void Define()
        {
            When().Match<Label>(l => l.Name == "x");
            Then().Do(ctx => Act.Noop());
        }
    }

    [Name("NegativeOnX"), Priority(-5)]
    private sealed class NegativeOnX : Rule
    {
        public override void Define()
        {
            When().Match<Label>(l => l.Name == "x");
            Then().Do(ctx => Act.Noop());
        }
    }

    [Name("LowOnA"), Priority(0)]
    private sealed class LowOnA : Rule
    {
        public override void Define()
        {
            When().Match<Label>(l => l.Name == "a");
            Then().Do(ctx => Act.Noop());
        }
    }

    [Name("HighOnB"), Priority(3)]
    private sealed class HighOnB : Rule
    {
        public override void Define()
        {
            When().Match<Label>(l => l.Name == "b");
            Then().Do(ctx => Act.Noop());
        }
    }

    [Name("EachItem")]
    private sealed class EachItem : Rule
    {
        public override void Define()
        {
            Item item = default!;
            When().Match(() => item);
            Then().Do(ctx => Act.Noop(item));
        }
    }

    [Name("LabelEachItem")]
    private sealed class LabelEachItem : Rule
    {
        public override void Define()
        {
            Item item = default!;
            When().Match(() => item);
            Then().Do(ctx => ctx.Insert(new Label("item " + item.Id)));
        }
    }

    [Name("HighOnAnyLabel"), Priority(1)]
    private sealed class HighOnAnyLabel : Rule
    {
        public override void Define()
        {
            Label label = default!;
            When().Match(() => label);
            Then().Do(ctx => Act.Noop(label));
        }
    }

    [Name("HighOr"), Priority(2)]
    private sealed class HighOrRule : Rule
    {
        public override void Define()
        {
            Label label = default!;
            When().Or(x => x.Match(() => label, l => l.Name == "x").Match(() => label, l => l.Name.Length == 1));
            Then().Do(ctx => Act.Noop(label));
        }
    }
}
