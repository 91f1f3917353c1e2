using WorkPermit.Rules.Engine.Dsl;
using WorkPermit.Rules.Engine.RuleModel;

namespace WorkPermit.Rules.Engine.Tests;

public class QueryGroupBySelectTests
{
    [Fact]
    public void Fire_GroupBy_OneMatchPerGroup()
    {
        var session = TestEngine.Session(typeof(ItemsByGroupRule));
        session.InsertAll([new Item(1, 1, 0), new Item(2, 1, 0), new Item(3, 2, 0)]);

        Assert.Equal(2, session.Fire());

        Assert.Equal(["group 1: 2", "group 2: 1"], Notes(session));
    }

    [Fact]
    public void Fire_GroupByWithNoFacts_DoesNotFire()
    {
        var session = TestEngine.Session(typeof(ItemsByGroupRule));

        Assert.Equal(0, session.Fire());
    }

    [Fact]
    public void Insert_IntoExistingGroup_RefiresOnlyThatGroup()
    {
        var session = TestEngine.Session(typeof(ItemsByGroupRule));
        var log = new FiringLog(session);
        session.InsertAll([new Item(1, 1, 0), new Item(2, 2, 0)]);
        session.Fire();
        log.Clear();

        session.Insert(new Item(3, 1, 0));
        session.Fire();

        var firing = Assert.Single(log.Firings);
        Assert.Equal(1, ((IGrouping<int, Item>)firing.Facts[0]!).Key);
        Assert.Equal(["group 1: 2", "group 2: 1"], Notes(session));
    }

    [Fact]
    public void Retract_LastElementOfGroup_RetractsGroupLinkedFact()
    {
        var session = TestEngine.Session(typeof(ItemsByGroupRule));
        session.InsertAll([new Item(1, 1, 0), new Item(2, 2, 0)]);
        session.Fire();

        session.Retract(new Item(2, 2, 0));
        session.Fire();

        Assert.Equal(["group 1: 1"], Notes(session));
    }

    [Fact]
    public void Update_ElementMovesToAnotherGroup_BothGroupsReflectIt()
    {
        var session = TestEngine.Session(typeof(ItemsByGroupRule));
        session.InsertAll([new Item(1, 1, 0), new Item(2, 1, 0), new Item(3, 2, 0)]);
        session.Fire();

        session.Update(new Item(2, 2, 0));
        session.Fire();

        Assert.Equal(["group 1: 1", "group 2: 2"], Notes(session));
    }

    [Fact]
    public void Update_ElementValueWithinGroup_RefiresGroupWithNewElement()
    {
        var session = TestEngine.Session(typeof(ItemsByGroupRule));
        var log = new FiringLog(session);
        session.Insert(new Item(1, 1, 5));
        session.Fire();

        session.Update(new Item(1, 1, 6));
        session.Fire();

        Assert.Equal(2, log.Firings.Count);
        Assert.Equal(ActionTrigger.Reactivated, log.Firings[1].Trigger);
        Assert.Equal([new Item(1, 1, 6)], (IGrouping<int, Item>)log.Firings[1].Facts[0]!);
    }

    [Fact]
    public void Fire_NullGroupKey_FormsItsOwnGroup()
    {
        var session = TestEngine.Session(typeof(TasksByCategoryRule));
        var log = new FiringLog(session);
        session.InsertAll([new Chore(1, "home"), new Chore(2, null), new Chore(3, null), new Chore(4, "home")]);

        session.Fire();

        Assert.Equal(
            ["<null>:2,3", "home:1,4"],
            log.Firings.Select(f => (IGrouping<string?, Chore>)f.Facts[0]!)
                .Select(g => $"{g.Key ?? "<null>"}:{string.Join(",", g.Select(c => c.Id))}")
                .Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Fire_GroupByWithElementSelector_GroupsProjectedElements()
    {
        var session = TestEngine.Session(typeof(ValuesByGroupRule));
        var log = new FiringLog(session);
        session.InsertAll([new Item(1, 1, 10), new Item(2, 1, 20), new Item(3, 2, 5)]);

        session.Fire();

        Assert.Equal(
            ["1=10+20", "2=5"],
            log.Firings.Select(f => (IGrouping<int, int>)f.Facts[0]!).Select(g => $"{g.Key}={string.Join("+", g)}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Fire_WhereThenGroupByWithHaving_OnlyLargeGroupsMatch()
    {
        var session = TestEngine.Session(typeof(CrowdedGroupRule));
        var log = new FiringLog(session);
        session.InsertAll([new Item(1, 1, 1), new Item(2, 1, 1), new Item(3, 2, 1), new Item(4, 2, 0)]);

        session.Fire();

        var firing = Assert.Single(log.Firings);
        Assert.Equal(1, ((IGrouping<int, Item>)firing.Facts[0]!).Key);
    }

    [Fact]
    public void Update_ElementLeavesWhereFilter_GroupFallsBelowHaving()
    {
        var session = TestEngine.Session(typeof(CrowdedGroupRule));
        session.InsertAll([new Item(1, 1, 1), new Item(2, 1, 1)]);
        session.Fire();
        Assert.Single(session.Query<Note>());

        session.Update(new Item(2, 1, 0));
        session.Fire();

        Assert.Empty(session.Query<Note>());
    }

    [Fact]
    public void Fire_SelectThenGroupBy_GroupsProjectedValues()
    {
        var session = TestEngine.Session(typeof(ParityRule));
        var log = new FiringLog(session);
        session.InsertAll([new Item(1, 0, 1), new Item(2, 0, 2), new Item(3, 0, 3)]);

        session.Fire();

        Assert.Equal(
            ["0:2", "1:1,3"],
            log.Firings.Select(f => (IGrouping<int, int>)f.Facts[0]!).Select(g => $"{g.Key}:{string.Join(",", g)}").Order(StringComparer.Ordinal));
    }

    private static string[] Notes(ISession session) => session.Query<Note>().Select(n => n.Text).Order(StringComparer.Ordinal).ToArray();

    internal sealed record Chore(int Id, string? Category) : IIdentityProvider
    {
        public object GetIdentity() => Id;
    }

    [Name("ItemsByGroup")]
    private sealed class ItemsByGroupRule : Rule
    {
        public override void Define()
        {
            IGrouping<int, Item> group = default!;
            When().Query(() => group, q => q.Match<Item>().GroupBy(i => i.Group));
            Then().Yield(ctx => new Note("group " + group.Key + ": " + group.Count()));
        }
    }

    [Name("TasksByCategory")]
    private sealed class TasksByCategoryRule : Rule
    {
        public override void Define()
        {
            IGrouping<string?, Chore> group = default!;
            When().Query(() => group, q => q.Match<Chore>().GroupBy(c => c.Category));
            Then().Do(ctx => Act.Noop(group));
        }
    }

    [Name("ValuesByGroup")]
    private sealed class ValuesByGroupRule : Rule
    {
        public override void Define()
        {
            IGrouping<int, int> group = default!;
            When().Query(() => group, q => q.Match<Item>().GroupBy(i => i.Group, i => i.Value));
            Then().Do(ctx => Act.Noop(group));
        }
    }

    [Name("CrowdedGroup")]
    private sealed class CrowdedGroupRule : Rule
    {
        public override void Define()
        {
            IGrouping<int, Item> group = default!;
            When()
                .Query(() => group, q => q.Match<Item>().Where(i => i.Value > 0).GroupBy(i => i.Group))
                .Having(() => group.Count() >= 2);
            Then().Yield(ctx => new Note("crowded " + group.Key));
        }
    }

    [Name("Parity")]
    private sealed class ParityRule : Rule
    {
        public override void Define()
        {
            IGrouping<int, int> group = default!;
            When().Query(() => group, q => q.Match<Item>().Select(i => i.Value).GroupBy(v => v % 2));
            Then().Do(ctx => Act.Noop(group));
        }
    }
}
