using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using WorkPermit.Rules.Engine.Dsl;
using WorkPermit.Rules.Engine.RuleModel;

namespace WorkPermit.Rules.Engine.Tests;

/// <summary>
/// A small but rich rule set for property tests, over three base fact types with few distinct key values, plus a
/// plain C# oracle that computes what working memory must hold once the rules have fired to a fixpoint.
/// Every rule yields (or inserts) a fact that describes its match, so working memory shows the matches.
/// </summary>
internal static class PropertyModel
{
    // ----- Base facts -----

    /// <summary>Identity is the Id (IIdentityProvider); Team joins jobs and holidays.</summary>
    internal sealed record Person(int Id, int Team, int Level) : IIdentityProvider
    {
        public object GetIdentity() => Id;
    }

    /// <summary>Identity is the Id through a registered comparer; Team may be null.</summary>
    internal sealed record Job(int Id, int? Team, int Size);

    /// <summary>A value fact: identity is the team.</summary>
    internal sealed record Holiday(int Team);

    private sealed class JobById : IEqualityComparer<Job>
    {
        public bool Equals(Job? x, Job? y) => x?.Id == y?.Id;

        public int GetHashCode(Job obj) => obj.Id;
    }

    // ----- Derived facts -----

    internal sealed record Assignment(int PersonId, int JobId, int Score);

    internal sealed record HighLoad(int PersonId, int JobId);

    internal sealed record Alert(int PersonId, int JobId, int Team);

    internal sealed record Calm(int PersonId);

    internal sealed record Busy(int PersonId);

    internal sealed record AllSmall(int PersonId);

    internal sealed record Workload(int PersonId, int Jobs);

    internal sealed record Heavy(int PersonId, int Total);

    internal sealed record TeamSize(int Team, int Count);

    internal sealed record Crowd(int? Team, int Sum);

    internal sealed record Senior(int PersonId, int Score);

    internal sealed record Peers(int FirstId, int SecondId);

    internal sealed record TopOfTeam(int PersonId);

    /// <summary>Inserted (not linked) by a rule's Do and retracted by its Undo.</summary>
    internal sealed record Mark(int PersonId, int Team);

    /// <summary>Yielded by both branches of an Or rule; reference identity, so two branches can yield equal values.</summary>
    internal sealed class OrHit(int personId, int jobId)
    {
        public int PersonId { get; } = personId;

        public int JobId { get; } = jobId;

        public override string ToString() => $"OrHit {{ PersonId = {PersonId}, JobId = {JobId} }}";
    }

    public static readonly Type[] RuleTypes =
    [
        typeof(AssignRule), typeof(OverloadRule), typeof(AlertRule), typeof(CalmRule), typeof(BusyRule), typeof(AllSmallRule),
        typeof(WorkloadRule), typeof(HeavyRule), typeof(TeamSizeRule), typeof(CrowdRule), typeof(PairRule), typeof(MarkRule),
        typeof(SeniorRule), typeof(PeersRule), typeof(TopOfTeamRule),
    ];

    /// <summary>The rule that produces each linked fact type.</summary>
    public static readonly IReadOnlyDictionary<Type, string> ProducerOf = new Dictionary<Type, string>
    {
        [typeof(Assignment)] = "P.Assign",
        [typeof(HighLoad)] = "P.Overload",
        [typeof(Alert)] = "P.Alert",
        [typeof(Calm)] = "P.Calm",
        [typeof(Busy)] = "P.Busy",
        [typeof(AllSmall)] = "P.AllSmall",
        [typeof(Workload)] = "P.Workload",
        [typeof(Heavy)] = "P.Heavy",
        [typeof(TeamSize)] = "P.TeamSize",
        [typeof(Crowd)] = "P.Crowd",
        [typeof(OrHit)] = "P.Pair",
        [typeof(Senior)] = "P.Senior",
        [typeof(Peers)] = "P.Peers",
        [typeof(TopOfTeam)] = "P.TopOfTeam",
    };

    /// <summary>Compiles the rule set (a new, independent factory each call).</summary>
    public static ISessionFactory CompileFactory() =>
        TestEngine.Compile(c => c.FactIdentityComparerRegistry.RegisterComparer(new JobById()), RuleTypes);

    private static readonly Lazy<ISessionFactory> SharedFactory = new(CompileFactory);

    public static ISessionFactory Factory => SharedFactory.Value;

    // ----- The oracle -----

    /// <summary>Everything working memory must hold at the fixpoint for these base facts, as sorted strings.</summary>
    public static string[] Expected(IReadOnlyCollection<Person> persons, IReadOnlyCollection<Job> jobs, IReadOnlyCollection<int> holidays)
    {
        var facts = new List<object>();
        facts.AddRange(persons);
        facts.AddRange(jobs);
        facts.AddRange(holidays.Select(t => new Holiday(t)));

        var assignments = (from p in persons
                           where p.Level >= 1
                           from j in jobs
                           where j.Team == p.Team
                           select new Assignment(p.Id, j.Id, p.Level + j.Size)).ToList();
        facts.AddRange(assignments);
        var highLoads = assignments.Where(a => a.Score >= 4).Select(a => new HighLoad(a.PersonId, a.JobId)).ToList();
        facts.AddRange(highLoads);
        facts.AddRange(from h in highLoads
                       join p in persons on h.PersonId equals p.Id
                       where !holidays.Contains(p.Team)
                       select new Alert(p.Id, h.JobId, p.Team));
        facts.AddRange(persons.Where(p => !highLoads.Any(h => h.PersonId == p.Id)).Select(p => new Calm(p.Id)));
        facts.AddRange(persons.Where(p => jobs.Any(j => j.Team == p.Team && j.Size > p.Level)).Select(p => new Busy(p.Id)));
        facts.AddRange(persons.Where(p => jobs.All(j => j.Team != p.Team || j.Size <= 2)).Select(p => new AllSmall(p.Id)));
        facts.AddRange(persons.Select(p => new Workload(p.Id, jobs.Count(j => j.Team == p.Team))));
        facts.AddRange(persons
            .Select(p => new Heavy(p.Id, jobs.Where(j => j.Team == p.Team).Sum(j => j.Size)))
            .Where(h => h.Total >= 3));
        facts.AddRange(persons.Where(p => p.Level > 0).GroupBy(p => p.Team).Select(g => new TeamSize(g.Key, g.Count())));
        facts.AddRange(jobs.GroupBy(j => j.Team).Where(g => g.Count() >= 2).Select(g => new Crowd(g.Key, g.Sum(j => j.Size))));
        foreach (var p in persons)
        {
            facts.AddRange(jobs.Where(j => j.Team == p.Team && j.Size == 0).Select(j => new OrHit(p.Id, j.Id)));
            facts.AddRange(jobs.Where(j => j.Id == p.Id).Select(j => new OrHit(p.Id, j.Id)));
        }

        facts.AddRange(persons.Where(p => p.Level == 3 && holidays.Contains(p.Team)).Select(p => new Mark(p.Id, p.Team)));
        facts.AddRange(persons.Select(p => new Senior(p.Id, (p.Level * 2) + p.Team)).Where(s => s.Score >= 4));
        facts.AddRange(from a in persons from b in persons where b.Team == a.Team && b.Id >= a.Id select new Peers(a.Id, b.Id));
        facts.AddRange(persons.Where(p => !persons.Any(q => q.Team == p.Team && q.Level > p.Level)).Select(p => new TopOfTeam(p.Id)));
        return Describe(facts);
    }

    public static string[] Describe(IEnumerable<object> facts) =>
        facts.Select(f => Convert.ToString(f, CultureInfo.InvariantCulture) ?? "null").Order(StringComparer.Ordinal).ToArray();

    public static string[] WorkingMemory(ISession session) => Describe(session.Query<object>().ToArray());

    /// <summary>
    /// Whether a linked fact's match still holds in the current working memory (not at the fixpoint: the check is
    /// against the facts as they are now). Returns null for facts of aggregate rules, which are checked after Fire.
    /// </summary>
    public static bool? StillJustified(object linked, ISession session)
    {
        // Query<T>() is an IQueryable: materialise it once so the checks below run as plain LINQ to Objects.
        var memory = session.Query<object>().ToArray();
        var persons = memory.OfType<Person>().ToDictionary(p => p.Id);
        var jobs = memory.OfType<Job>().ToDictionary(j => j.Id);
        var holidays = memory.OfType<Holiday>().Select(h => h.Team).ToHashSet();
        return linked switch
        {
            Assignment a => persons.TryGetValue(a.PersonId, out var p) && jobs.TryGetValue(a.JobId, out var j) && p.Level >= 1 && j.Team == p.Team,
            HighLoad h => memory.OfType<Assignment>().Any(a => a.PersonId == h.PersonId && a.JobId == h.JobId && a.Score >= 4),
            Alert a => memory.OfType<HighLoad>().Any(h => h.PersonId == a.PersonId && h.JobId == a.JobId)
                && persons.TryGetValue(a.PersonId, out var p) && !holidays.Contains(p.Team),
            Calm c => persons.ContainsKey(c.PersonId) && !memory.OfType<HighLoad>().Any(h => h.PersonId == c.PersonId),
            Busy b => persons.TryGetValue(b.PersonId, out var p) && jobs.Values.Any(j => j.Team == p.Team && j.Size > p.Level),
            AllSmall s => persons.TryGetValue(s.PersonId, out var p) && jobs.Values.All(j => j.Team != p.Team || j.Size <= 2),
            Senior s => persons.TryGetValue(s.PersonId, out var p) && (p.Level * 2) + p.Team >= 4,
            OrHit o => persons.TryGetValue(o.PersonId, out var p) && jobs.TryGetValue(o.JobId, out var j)
                && ((j.Team == p.Team && j.Size == 0) || j.Id == p.Id),
            Peers x => persons.TryGetValue(x.FirstId, out var a) && persons.TryGetValue(x.SecondId, out var b) && b.Team == a.Team && b.Id >= a.Id,
            TopOfTeam t => persons.TryGetValue(t.PersonId, out var p) && !persons.Values.Any(q => q.Team == p.Team && q.Level > p.Level),
            _ => null,
        };
    }

    // ----- Rules -----

    [Name("P.Assign"), Priority(1)]
    private sealed class AssignRule : Rule
    {
        public override void Define()
        {
            Person p = default!;
            Job j = default!;
            When().Match(() => p, x => x.Level >= 1).Match(() => j, x => x.Team == p.Team);
            Then().Yield(ctx => new Assignment(p.Id, j.Id, p.Level + j.Size));
        }
    }

    [Name("P.Overload")]
    private sealed class OverloadRule : Rule
    {
        public override void Define()
        {
            Assignment a = default!;
            When().Match(() => a, x => x.Score >= 4);
            Then().Yield(ctx => new HighLoad(a.PersonId, a.JobId));
        }
    }

    [Name("P.Alert"), Priority(-1)]
    private sealed class AlertRule : Rule
    {
        public override void Define()
        {
            HighLoad h = default!;
            Person p = default!;
            When()
                .Match(() => h)
                .Match(() => p, x => x.Id == h.PersonId)
                .Not<Holiday>(x => x.Team == p.Team);
            Then().Yield(ctx => new Alert(p.Id, h.JobId, p.Team));
        }
    }

    [Name("P.Calm")]
    private sealed class CalmRule : Rule
    {
        public override void Define()
        {
            Person p = default!;
            When().Match(() => p).Not<HighLoad>(x => x.PersonId == p.Id);
            Then().Yield(ctx => new Calm(p.Id));
        }
    }

    [Name("P.Busy")]
    private sealed class BusyRule : Rule
    {
        public override void Define()
        {
            Person p = default!;
            When().Match(() => p).Exists<Job>(x => x.Team == p.Team && x.Size > p.Level);
            Then().Yield(ctx => new Busy(p.Id));
        }
    }

    [Name("P.AllSmall")]
    private sealed class AllSmallRule : Rule
    {
        public override void Define()
        {
            Person p = default!;
            When().Match(() => p).All<Job>(x => x.Team != p.Team || x.Size <= 2);
            Then().Yield(ctx => new AllSmall(p.Id));
        }
    }

    [Name("P.Workload")]
    private sealed class WorkloadRule : Rule
    {
        public override void Define()
        {
            Person p = default!;
            IEnumerable<Job> jobs = default!;
            When().Match(() => p).Query(() => jobs, q => q.Match<Job>(x => x.Team == p.Team).Collect());
            Then().Yield(ctx => new Workload(p.Id, jobs.Count()));
        }
    }

    [Name("P.Heavy")]
    private sealed class HeavyRule : Rule
    {
        public override void Define()
        {
            Person p = default!;
            IEnumerable<int> sizes = default!;
            var total = 0;
            When()
                .Match(() => p)
                .Query(() => sizes, q => q.Match<Job>(x => x.Team == p.Team).Select(x => x.Size).Collect())
                .Let(() => total, () => sizes.Sum())
                .Having(() => total >= 3);
            Then().Yield(ctx => new Heavy(p.Id, total));
        }
    }

    [Name("P.TeamSize")]
    private sealed class TeamSizeRule : Rule
    {
        public override void Define()
        {
            IGrouping<int, Person> team = default!;
            When().Query(() => team, q => q.Match<Person>().Where(x => x.Level > 0).GroupBy(x => x.Team));
            Then().Yield(ctx => new TeamSize(team.Key, team.Count()));
        }
    }

    [Name("P.Crowd")]
    private sealed class CrowdRule : Rule
    {
        public override void Define()
        {
            IGrouping<int?, int> team = default!;
            When()
                .Query(() => team, q => q.Match<Job>().GroupBy(x => x.Team, x => x.Size))
                .Having(() => team.Count() >= 2);
            Then().Yield(ctx => new Crowd(team.Key, team.Sum()));
        }
    }

    [Name("P.Pair")]
    private sealed class PairRule : Rule
    {
        public override void Define()
        {
            Person p = default!;
            Job j = default!;
            When()
                .Match(() => p)
                .Or(x => x
                    .Match(() => j, y => y.Team == p.Team, y => y.Size == 0)
                    .Match(() => j, y => y.Id == p.Id));
            Then().Yield(ctx => new OrHit(p.Id, j.Id));
        }
    }

    [Name("P.Mark"), Repeatability(RuleRepeatability.NonRepeatable)]
    private sealed class MarkRule : Rule
    {
        public override void Define()
        {
            Person p = default!;
            Holiday h = default!;
            When().Match(() => p, x => x.Level == 3).Match(() => h, x => x.Team == p.Team);
            Then()
                .Do(ctx => ctx.TryInsert(new Mark(p.Id, h.Team)))
                .Undo(ctx => ctx.TryRetract(new Mark(p.Id, h.Team)));
        }
    }

    [Name("P.Peers")]
    private sealed class PeersRule : Rule
    {
        public override void Define()
        {
            Person a = default!;
            Person b = default!;
            When().Match(() => a).Match(() => b, x => x.Team == a.Team, x => x.Id >= a.Id);
            Then().Yield(ctx => new Peers(a.Id, b.Id));
        }
    }

    [Name("P.TopOfTeam")]
    private sealed class TopOfTeamRule : Rule
    {
        public override void Define()
        {
            Person p = default!;
            When().Match(() => p).Not<Person>(x => x.Team == p.Team, x => x.Level > p.Level);
            Then().Yield(ctx => new TopOfTeam(p.Id));
        }
    }

    [Name("P.Senior")]
    private sealed class SeniorRule : Rule
    {
        public override void Define()
        {
            Person p = default!;
            var score = 0;
            When()
                .Match(() => p)
                .Let(() => score, () => (p.Level * 2) + p.Team)
                .Having(() => score >= 4);
            Then().Yield(ctx => new Senior(p.Id, score));
        }
    }
}

internal enum OpKind
{
    Upsert,
    Retract,
    Fire,
    FireSome,
}

internal enum FactKind
{
    Person,
    Job,
    Holiday,
}

/// <summary>One step of a scenario. Values are small so that keys collide often.</summary>
internal readonly record struct Op(OpKind Kind, FactKind Fact, int Id, int A, int B)
{
    public object ToFact() => Fact switch
    {
        FactKind.Person => new PropertyModel.Person(Id, A % 3, B % 4),
        FactKind.Job => new PropertyModel.Job(Id, A == 3 ? null : A, B),
        _ => new PropertyModel.Holiday(A % 3),
    };

    public (FactKind, int) Key => Fact == FactKind.Holiday ? (Fact, A % 3) : (Fact, Id);

    public override string ToString() => Kind switch
    {
        OpKind.Fire => "Fire()",
        OpKind.FireSome => $"Fire({1 + (A % 3)})",
        OpKind.Retract => $"Retract {Fact}#{(Fact == FactKind.Holiday ? A % 3 : Id)}",
        _ => $"Upsert {ToFact()}",
    };
}

/// <summary>A sequence of operations on one session.</summary>
internal sealed record Scenario(Op[] Ops)
{
    public override string ToString() => "[" + string.Join("; ", Ops) + "]";
}

/// <summary>The same facts inserted in two orders; <see cref="FireAfter"/> says where the second run fires.</summary>
internal sealed record OrderScenario(Op[] First, Op[] Second, bool[] FireAfter)
{
    public override string ToString() =>
        $"first: [{string.Join("; ", First.Select(o => o.ToFact()))}]{Environment.NewLine}second: [{string.Join("; ", Second.Select((o, i) => o.ToFact() + (FireAfter[i] ? " +Fire" : string.Empty)))}]";
}

internal static class ScenarioGen
{
    private static readonly Gen<FactKind> FactKinds = Gen.Frequency(
        (4, Gen.Constant(FactKind.Person)), (4, Gen.Constant(FactKind.Job)), (2, Gen.Constant(FactKind.Holiday)));

    private static readonly Gen<OpKind> OpKinds = Gen.Frequency(
        (7, Gen.Constant(OpKind.Upsert)), (3, Gen.Constant(OpKind.Retract)), (2, Gen.Constant(OpKind.Fire)), (1, Gen.Constant(OpKind.FireSome)));

    public static readonly Gen<Op> Op =
        from kind in OpKinds
        from fact in FactKinds
        from id in Gen.Choose(0, 3)
        from a in Gen.Choose(0, 3)
        from b in Gen.Choose(0, 3)
        select new Op(kind, fact, id, a, b);

    public static Gen<Scenario> Scenario(int maxOps) =>
        from n in Gen.Choose(0, maxOps)
        from ops in Op.ArrayOf(n)
        select new Scenario(ops);

    public static Arbitrary<Scenario> Scenarios(int maxOps) => Arb.From(Scenario(maxOps), Shrink);

    /// <summary>Shrinks by dropping runs of operations (halves first, then single ones), then by zeroing values.</summary>
    public static IEnumerable<Scenario> Shrink(Scenario scenario)
    {
        foreach (var ops in ShrinkOps(scenario.Ops))
        {
            yield return new Scenario(ops);
        }
    }

    public static IEnumerable<Op[]> ShrinkOps(Op[] ops)
    {
        for (var size = ops.Length / 2; size >= 1; size /= 2)
        {
            for (var start = 0; start + size <= ops.Length; start += size)
            {
                yield return [.. ops[..start], .. ops[(start + size)..]];
            }
        }

        for (var i = 0; i < ops.Length; i++)
        {
            var op = ops[i];
            foreach (var simpler in new[]
                     {
                         op.Kind == OpKind.FireSome ? op with { Kind = OpKind.Fire } : op,
                         op with { Id = 0 }, op with { A = 0 }, op with { B = 0 },
                     })
            {
                if (simpler != op)
                {
                    var copy = (Op[])ops.Clone();
                    copy[i] = simpler;
                    yield return copy;
                }
            }
        }
    }

    /// <summary>Distinct facts (one per identity), a shuffled copy, and where the second run fires.</summary>
    public static Arbitrary<OrderScenario> OrderScenarios(int maxFacts)
    {
        var gen =
            from n in Gen.Choose(0, maxFacts)
            from raw in Op.ArrayOf(n)
            let facts = raw.Select(o => o with { Kind = OpKind.Upsert }).DistinctBy(o => o.Key).ToArray()
            from shuffled in Gen.Shuffle(facts)
            from fires in Gen.Elements(true, false, false, false).ArrayOf(facts.Length)
            select new OrderScenario(facts, shuffled, fires);
        return Arb.From(gen, ShrinkOrder);
    }

    private static IEnumerable<OrderScenario> ShrinkOrder(OrderScenario scenario)
    {
        for (var i = 0; i < scenario.First.Length; i++)
        {
            var key = scenario.First[i].Key;
            var index = Array.FindIndex(scenario.Second, o => o.Key == key);
            yield return new OrderScenario(
                [.. scenario.First[..i], .. scenario.First[(i + 1)..]],
                [.. scenario.Second[..index], .. scenario.Second[(index + 1)..]],
                [.. scenario.FireAfter[..index], .. scenario.FireAfter[(index + 1)..]]);
        }

        if (scenario.FireAfter.Any(f => f))
        {
            yield return scenario with { FireAfter = new bool[scenario.FireAfter.Length] };
        }
    }
}

/// <summary>Plays a scenario on a session while keeping the expected base facts in plain collections.</summary>
internal sealed class ScenarioRunner
{
    private readonly Dictionary<int, PropertyModel.Person> _persons = [];
    private readonly Dictionary<int, PropertyModel.Job> _jobs = [];
    private readonly SortedSet<int> _holidays = [];

    private ScenarioRunner(ISession session) => Session = session;

    public ISession Session { get; }

    public IReadOnlyCollection<PropertyModel.Person> Persons => _persons.Values;

    public IReadOnlyCollection<PropertyModel.Job> Jobs => _jobs.Values;

    public IReadOnlyCollection<int> Holidays => _holidays;

    /// <summary>The base facts as they should be now, in a canonical order.</summary>
    public IReadOnlyList<object> BaseFacts =>
    [
        .. _persons.Values.OrderBy(p => p.Id), .. _jobs.Values.OrderBy(j => j.Id), .. _holidays.Select(t => new PropertyModel.Holiday(t)),
    ];

    /// <summary>Live activations per rule, from the activation events.</summary>
    public Dictionary<string, int> HeldMatches { get; } = new(StringComparer.Ordinal);

    /// <summary>Every rule fired, in order, with its trigger and the facts it matched.</summary>
    public List<string> Fired { get; } = [];

    public static ScenarioRunner Start(ISessionFactory factory) => Start(factory.CreateSession());

    /// <summary>Starts on a given session (for example one that was reset); the runner's own event handlers are added to it.</summary>
    public static ScenarioRunner Start(ISession session)
    {
        var runner = new ScenarioRunner(session);
        runner.Session.Events.ActivationCreatedEvent += (_, e) => runner.Count(e.Rule.Name, +1);
        runner.Session.Events.ActivationDeletedEvent += (_, e) => runner.Count(e.Rule.Name, -1);
        runner.Session.Events.RuleFiredEvent += (_, e) =>
            runner.Fired.Add($"{e.Rule.Name} {e.Match.Trigger} [{string.Join(", ", e.Facts.Select(f => f.Value is IEnumerable<object> items ? "{" + string.Join(", ", items) + "}" : f.Value?.ToString()))}]");
        return runner;
    }

    /// <summary>Runs the scenario, then fires to a fixpoint. <paramref name="check"/> runs after every operation.</summary>
    public static ScenarioRunner Run(ISessionFactory factory, Scenario scenario, Action<ScenarioRunner, Op>? check = null) =>
        Run(factory.CreateSession(), scenario, check);

    /// <summary>Runs the scenario on a given session, then fires to a fixpoint.</summary>
    public static ScenarioRunner Run(ISession session, Scenario scenario, Action<ScenarioRunner, Op>? check = null)
    {
        var runner = Start(session);
        foreach (var op in scenario.Ops)
        {
            runner.Apply(op);
            check?.Invoke(runner, op);
        }

        runner.Session.Fire();
        check?.Invoke(runner, new Op(OpKind.Fire, FactKind.Person, 0, 0, 0));
        return runner;
    }

    public void Apply(Op op)
    {
        switch (op.Kind)
        {
            case OpKind.Fire:
                Session.Fire();
                break;
            case OpKind.FireSome:
                Session.Fire(1 + (op.A % 3));
                break;
            case OpKind.Upsert:
                Upsert(op.ToFact());
                break;
            case OpKind.Retract:
                Retract(op);
                break;
        }
    }

    public void Upsert(object fact)
    {
        var present = fact switch
        {
            PropertyModel.Person p => !_persons.TryAdd(p.Id, p) && Replace(_persons, p.Id, p),
            PropertyModel.Job j => !_jobs.TryAdd(j.Id, j) && Replace(_jobs, j.Id, j),
            PropertyModel.Holiday h => !_holidays.Add(h.Team),
            _ => throw new ArgumentException("unexpected fact", nameof(fact)),
        };

        if (present)
        {
            Session.Update(fact);
        }
        else
        {
            Session.Insert(fact);
        }
    }

    private void Retract(Op op)
    {
        // Retract through a different object with the same identity, as a host holding only a key would.
        var (removed, handle) = op.Fact switch
        {
            FactKind.Person => (_persons.Remove(op.Id), (object)new PropertyModel.Person(op.Id, 9, 9)),
            FactKind.Job => (_jobs.Remove(op.Id), new PropertyModel.Job(op.Id, 9, 9)),
            _ => (_holidays.Remove(op.A % 3), new PropertyModel.Holiday(op.A % 3)),
        };

        if (removed)
        {
            Session.Retract(handle);
        }
        else if (Session.TryRetract(handle))
        {
            throw new InvalidOperationException($"TryRetract({handle}) returned true for a fact that is not in working memory.");
        }
    }

    private static bool Replace<T>(Dictionary<int, T> map, int id, T value)
    {
        map[id] = value;
        return true;
    }

    private void Count(string rule, int delta) => HeldMatches[rule] = HeldMatches.GetValueOrDefault(rule) + delta;
}

/// <summary>Compares multisets of strings and fails with a readable difference.</summary>
internal static class Multiset
{
    public static void AssertEqual(string what, IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var missing = Minus(expected, actual);
        var extra = Minus(actual, expected);
        if (missing.Count > 0 || extra.Count > 0)
        {
            throw new PropertyViolationException(
                $"{what} differ.{Environment.NewLine}  missing:    {string.Join(" | ", missing)}{Environment.NewLine}  unexpected: {string.Join(" | ", extra)}");
        }
    }

    public static void AssertEqual(string what, IReadOnlyDictionary<string, int> expected, IReadOnlyDictionary<string, int> actual)
    {
        static string[] Flatten(IReadOnlyDictionary<string, int> counts) =>
            counts.Where(p => p.Value != 0).Select(p => $"{p.Key}={p.Value}").Order(StringComparer.Ordinal).ToArray();

        AssertEqual(what, Flatten(expected), Flatten(actual));
    }

    private static List<string> Minus(IReadOnlyList<string> left, IReadOnlyList<string> right)
    {
        var counts = right.GroupBy(s => s, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var item in left)
        {
            if (counts.TryGetValue(item, out var n) && n > 0)
            {
                counts[item] = n - 1;
            }
            else
            {
                result.Add(item);
            }
        }

        return result;
    }
}

/// <summary>A violated property; FsCheck reports it with the shrunk input.</summary>
internal sealed class PropertyViolationException(string message) : Exception(message);
