using FsCheck;
using FsCheck.Fluent;
using WorkPermit.Rules.Engine.Dsl;
using WorkPermit.Rules.Engine.RuleModel;
using static WorkPermit.Rules.Engine.Tests.PropertyModel;

namespace WorkPermit.Rules.Engine.Tests;

/// <summary>
/// <see cref="ISession.Reset"/>: a reset session behaves exactly like a new one, whatever it did before (a reset
/// session reuses the tokens, fact handles and memories of its earlier runs, so any state a reset forgot would show
/// up here as a difference from a fresh session).
/// </summary>
public class SessionResetTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(300).WithQuietOnSuccess(true);

    /// <summary>Two earlier runs (the second left unfinished: not fired to a fixpoint, activations and undo actions
    /// pending), each followed by a reset, then a scenario; the same scenario on a new session must fire the same rules
    /// with the same facts in the same order, and end with the same working memory (in the same order) and matches.</summary>
    [Fact]
    public void Reset_AfterAnyEarlierRuns_SessionBehavesLikeANewOne()
    {
        var factory = Factory;
        var gen = from earlier in ScenarioGen.Scenario(30)
                  from unfinished in ScenarioGen.Scenario(30)
                  from scenario in ScenarioGen.Scenario(40)
                  select (Earlier: earlier, Unfinished: unfinished, Scenario: scenario);
        var arbitrary = Arb.From(gen, t =>
            ScenarioGen.Shrink(t.Scenario).Select(s => t with { Scenario = s })
                .Concat(ScenarioGen.Shrink(t.Unfinished).Select(s => t with { Unfinished = s }))
                .Concat(ScenarioGen.Shrink(t.Earlier).Select(s => t with { Earlier = s })));

        Check.One(Config, Prop.ForAll(arbitrary, t =>
        {
            var session = factory.CreateSession();
            ScenarioRunner.Run(session, t.Earlier);
            session.Reset();
            var unfinished = ScenarioRunner.Start(session);
            foreach (var op in t.Unfinished.Ops)
            {
                unfinished.Apply(op);
            }

            session.Reset();
            var reused = ScenarioRunner.Run(session, t.Scenario);
            var fresh = ScenarioRunner.Run(factory, t.Scenario);

            AssertSameSequence("Rules fired (rule, trigger, facts)", fresh.Fired, reused.Fired);
            AssertSameSequence("Working memory, in Query's order", WorkingMemory(fresh.Session), WorkingMemory(reused.Session));
            Multiset.AssertEqual("Held matches per rule", fresh.HeldMatches, reused.HeldMatches);
            if (fresh.Session.AgendaCount != reused.Session.AgendaCount)
            {
                throw new PropertyViolationException($"Agenda: {fresh.Session.AgendaCount} activations on a new session, {reused.Session.AgendaCount} on the reset one");
            }
        }));
    }

    [Fact]
    public void Reset_DropsFactsAndActivationsWithoutRunningUndoOrRaisingEvents()
    {
        var session = TestEngine.Session(typeof(NoteRule));
        session.Insert(new Item(1, 0, 5));
        session.Fire();
        session.Insert(new Item(2, 0, 5));
        var events = new List<string>();
        session.Events.FactRetractedEvent += (_, e) => events.Add("retracted " + e.Fact.Value);
        session.Events.ActivationDeletedEvent += (_, e) => events.Add("deleted " + e.Rule.Name);
        session.Events.RuleFiredEvent += (_, e) => events.Add("fired " + e.Rule.Name + " " + e.Match.Trigger);

        session.Reset();

        Assert.Empty(session.Query<object>());
        Assert.Equal(0, session.AgendaCount);
        Assert.Equal(0, session.Fire());
        Assert.Empty(events);
        Assert.Null(session.Explain(new Item(1, 0, 5)));
    }

    [Fact]
    public void Reset_ThenSameFactsAgain_FiresAsTheFirstTime()
    {
        var session = TestEngine.Session(typeof(NoteRule));
        for (var run = 0; run < 4; run++)
        {
            session.Insert(new Item(1, 0, 5));
            session.Insert(new Item(2, 0, 0));
            Assert.Equal(1, session.Fire());
            Assert.Equal([new Note("noted 1")], session.Query<Note>());
            Assert.Equal([new Item(1, 0, 5), new Item(2, 0, 0), new Note("noted 1")], session.Query<object>());
            session.Reset();
        }
    }

    [Fact]
    public void Reset_RuleWithoutAPattern_MatchesAgainAsOnANewSession()
    {
        var session = TestEngine.Session(typeof(NoLabelRule), typeof(CollectRule));
        Assert.Equal(2, session.Fire());
        session.Insert(new Label("a"));
        session.Fire();
        Assert.Equal([new Note("count 1")], session.Query<Note>());

        session.Reset();

        Assert.Equal(2, session.AgendaCount);
        Assert.Equal(2, session.Fire());
        Assert.Equal([new Note("no label"), new Note("count 0")], session.Query<Note>());
    }

    [Fact]
    public void Reset_KeepsEventHandlersResolverAndFiringLimit()
    {
        var session = TestEngine.Session(typeof(NoteRule));
        var resolver = new NullResolver();
        session.DependencyResolver = resolver;
        session.MaxFiringsPerFire = 7;
        var fired = 0;
        session.Events.RuleFiredEvent += (_, _) => fired++;

        session.Reset();
        session.Insert(new Item(1, 0, 5));
        session.Fire();

        Assert.Equal(1, fired);
        Assert.Same(resolver, session.DependencyResolver);
        Assert.Equal(7, session.MaxFiringsPerFire);
    }

    [Fact]
    public void Reset_FromAnAction_Throws()
    {
        var session = TestEngine.Session(typeof(NoteRule));
        InvalidOperationException? thrown = null;
        session.Events.RuleFiringEvent += (_, _) => thrown = Record.Exception(session.Reset) as InvalidOperationException;
        session.Insert(new Item(1, 0, 5));

        session.Fire();

        Assert.NotNull(thrown);
        Assert.Contains("Reset()", thrown.Message, StringComparison.Ordinal);
        Assert.Equal([new Note("noted 1")], session.Query<Note>());
    }

    [Fact]
    public void Reset_FromAnEventHandlerDuringInsertAll_ThrowsAndTheInsertCompletes()
    {
        var session = TestEngine.Session(typeof(NoteRule));
        var thrown = new List<Exception?>();
        session.Events.FactInsertedEvent += (_, e) =>
        {
            if (e.Fact.Value is Item)
            {
                thrown.Add(Record.Exception(session.Reset));
            }
        };

        session.InsertAll([new Item(1, 0, 5), new Item(2, 0, 5)]);
        session.Fire();

        Assert.Equal(2, thrown.Count);
        Assert.All(thrown, e => Assert.IsType<InvalidOperationException>(e));
        Assert.Equal([new Note("noted 1"), new Note("noted 2")], session.Query<Note>());
    }

    [Fact]
    public void Reset_AfterAnActionThrew_SessionIsUsableAgain()
    {
        var session = TestEngine.Session(typeof(ThrowingRule), typeof(NoteRule));
        session.Insert(new Item(1, 0, -1));
        Assert.ThrowsAny<Exception>(() => session.Fire());

        session.Reset();
        session.Insert(new Item(2, 0, 5));
        session.Fire();

        Assert.Equal([new Note("noted 2")], session.Query<Note>());
    }

    [Fact]
    public void Reset_ManyRuns_FactsOfEarlierRunsAreNotKeptAlive()
    {
        var session = TestEngine.Session(typeof(NoteRule));
        var weak = InsertAndForget(session);
        session.Reset();
        session.Reset();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(weak.TryGetTarget(out _), "a reset session still references a fact of an earlier run");
        GC.KeepAlive(session);
    }

    [Fact]
    public void Reset_HashJoinOnAnObjectKey_KeyOfAnEarlierRunIsNotKeptAlive()
    {
        var session = TestEngine.Session(typeof(JoinOnBoxRule));
        var weak = JoinAndForget(session);
        session.Reset();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(weak.TryGetTarget(out _), "a reset session still references a join key of an earlier run");
        session.Insert(new Left(new Box(2)));
        session.Insert(new Right(new Box(2)));
        Assert.Equal(1, session.Fire());
    }

    private static WeakReference<Box> JoinAndForget(ISession session)
    {
        session.Reset();
        var box = new Box(1);
        session.Insert(new Left(box));
        session.Insert(new Right(new Box(1)));
        Assert.Equal(1, session.Fire());
        return new WeakReference<Box>(box);
    }

    private static WeakReference<Item> InsertAndForget(ISession session)
    {
        // A second run, so the session is keeping what it makes (it starts after its first reset).
        session.Reset();
        var item = new Item(9, 0, 5);
        session.Insert(item);
        session.Fire();
        return new WeakReference<Item>(item);
    }

    private static void Fail(Item item) => throw new InvalidOperationException("boom " + item.Id);

    private static void AssertSameSequence(string what, IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        if (!expected.SequenceEqual(actual, StringComparer.Ordinal))
        {
            throw new PropertyViolationException($"{what} differ.\nNew session:   [{string.Join("; ", expected)}]\nReset session: [{string.Join("; ", actual)}]");
        }
    }

    private sealed record Label(string Text);

    private sealed record Box(int Value);

    private sealed record Left(Box Key);

    private sealed record Right(Box Key);

    [Name("JoinOnBox")]
    private sealed class JoinOnBoxRule : Rule
    {
        public override void Define()
        {
            Left left = default!;
            Right right = default!;
            When()
                .Match(() => left)
                .Match(() => right, r => r.Key == left.Key);
            Then().Do(ctx => Act.Noop(left, right));
        }
    }

    private sealed class NullResolver : IDependencyResolver
    {
        public object Resolve(Type serviceType, IRuleDefinition rule) => throw new NotSupportedException();
    }

    [Name("Note")]
    private sealed class NoteRule : Rule
    {
        public override void Define()
        {
            Item item = default!;
            When().Match(() => item, i => i.Value > 0);
            Then()
                .Do(ctx => ctx.InsertLinked("note", new Note("noted " + item.Id)))
                .Undo(ctx => ctx.Insert(new Note("undone " + item.Id)));
        }
    }

    [Name("NoLabel")]
    private sealed class NoLabelRule : Rule
    {
        public override void Define()
        {
            When().Not<Label>();
            Then().Do(ctx => ctx.InsertLinked("note", new Note("no label")));
        }
    }

    [Name("CollectLabels")]
    private sealed class CollectRule : Rule
    {
        public override void Define()
        {
            IEnumerable<Label> labels = default!;
            When().Query(() => labels, q => q.Match<Label>().Collect());
            Then().Yield(ctx => new Note("count " + labels.Count()));
        }
    }

    [Name("Throwing")]
    private sealed class ThrowingRule : Rule
    {
        public override void Define()
        {
            Item item = default!;
            When().Match(() => item, i => i.Value < 0);
            Then().Do(ctx => Fail(item));
        }
    }
}
