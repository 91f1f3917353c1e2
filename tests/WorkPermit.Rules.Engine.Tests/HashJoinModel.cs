using WorkPermit.Rules.Engine.Dsl;
using WorkPermit.Rules.Engine.RuleModel;

namespace WorkPermit.Rules.Engine.Tests;

/// <summary>
/// Pairs of rules that differ only in how the join is written: <c>r.X == l.X</c>, which the engine indexes, and
/// <c>!(r.X != l.X)</c>, which it cannot index and so tests pair by pair. Each rule yields one <see cref="JoinMatch"/>
/// per match, so working memory shows the matches of each rule.
/// </summary>
internal static class HashJoinModel
{
    public static readonly KeyRef RefA1 = new("a");
    public static readonly KeyRef RefA2 = new("a");
    public static readonly KeyRef RefB = new("b");

    /// <summary>The join kinds; each has an indexed and a scanning rule named "{kind}.Indexed" and "{kind}.Scan".</summary>
    public static readonly string[] Kinds = ["IntKey", "IdToKey", "Name", "Ref", "Rec", "Not", "Exists", "Collect", "LetKey"];

    public static readonly Type[] RuleTypes =
    [
        typeof(IntKeyIndexed), typeof(IntKeyScan),
        typeof(IdToKeyIndexed), typeof(IdToKeyScan),
        typeof(NameIndexed), typeof(NameScan),
        typeof(RefIndexed), typeof(RefScan),
        typeof(RecIndexed), typeof(RecScan),
        typeof(NotIndexed), typeof(NotScan),
        typeof(ExistsIndexed), typeof(ExistsScan),
        typeof(CollectIndexed), typeof(CollectScan),
        typeof(LetKeyIndexed), typeof(LetKeyScan),
    ];

    private static readonly Lazy<ISessionFactory> SharedFactory = new(() => TestEngine.Compile(RuleTypes));

    public static ISessionFactory Factory => SharedFactory.Value;

    /// <summary>The matches of each rule in the session, as sorted "left/right" strings.</summary>
    public static IReadOnlyDictionary<string, string[]> MatchesByRule(ISession session) =>
        session.Query<JoinMatch>().ToArray()
            .GroupBy(m => m.Rule)
            .ToDictionary(g => g.Key, g => g.Select(m => m.Detail).Order(StringComparer.Ordinal).ToArray());

    public static string[] Matches(ISession session, string rule) =>
        MatchesByRule(session).TryGetValue(rule, out var matches) ? matches : [];

    /// <summary>What each join kind should match, computed in plain C# with the language's own <c>==</c>.</summary>
    public static IReadOnlyDictionary<string, string[]> Expected(IReadOnlyCollection<Left> lefts, IReadOnlyCollection<Right> rights)
    {
        string[] Pairs(Func<Left, Right, bool> join) =>
            lefts.SelectMany(l => rights.Where(r => join(l, r)).Select(r => $"{l.Id}/{r.Id}")).Order(StringComparer.Ordinal).ToArray();

        string[] Singles(Func<Left, bool> keep, Func<Left, string> detail) =>
            lefts.Where(keep).Select(detail).Order(StringComparer.Ordinal).ToArray();

        return new Dictionary<string, string[]>
        {
            ["IntKey"] = Pairs((l, r) => r.Key == l.Key),
            ["IdToKey"] = Pairs((l, r) => r.Key == l.Id),
            ["Name"] = Pairs((l, r) => r.Name == l.Name),
            ["Ref"] = Pairs((l, r) => ReferenceEquals(r.Ref, l.Ref)),
            ["Rec"] = Pairs((l, r) => r.Rec == l.Rec),
            ["Not"] = Singles(l => !rights.Any(r => r.Key == l.Key), l => $"{l.Id}"),
            ["Exists"] = Singles(l => rights.Any(r => r.Key == l.Key), l => $"{l.Id}"),
            ["Collect"] = Singles(_ => true, l => $"{l.Id}:{string.Join(",", rights.Where(r => r.Key == l.Key).Select(r => r.Id).Order())}"),
            ["LetKey"] = Pairs((l, r) => r.Key == l.Key + 1),
        };
    }

    internal sealed record Left(int Id, int? Key, string? Name, KeyRef? Ref, KeyRec? Rec) : IIdentityProvider
    {
        public object GetIdentity() => Id;

        public override string ToString() => $"L{Id}(key={Show(Key)}, name={Show(Name)}, ref={Show(Ref)}, rec={Show(Rec)})";
    }

    internal sealed record Right(int Id, int? Key, string? Name, KeyRef? Ref, KeyRec? Rec) : IIdentityProvider
    {
        public object GetIdentity() => Id;

        public override string ToString() => $"R{Id}(key={Show(Key)}, name={Show(Name)}, ref={Show(Ref)}, rec={Show(Rec)})";
    }

    /// <summary>A reference-type key without an == operator: <c>==</c> compares references, although Equals compares labels.</summary>
    internal sealed class KeyRef(string label)
    {
        public string Label { get; } = label;

        public override bool Equals(object? obj) => obj is KeyRef other && other.Label == Label;

        public override int GetHashCode() => Label.GetHashCode(StringComparison.Ordinal);

        public override string ToString() => ReferenceEquals(this, RefA1) ? "a#1" : ReferenceEquals(this, RefA2) ? "a#2" : Label;
    }

    /// <summary>A record key: <c>==</c> compares values.</summary>
    internal sealed record KeyRec(int Number, string Text);

    internal sealed record JoinMatch(string Rule, string Detail);

    private static string Show(object? value) => value?.ToString() ?? "null";

    [Name("IntKey.Indexed")]
    private sealed class IntKeyIndexed : Rule
    {
        public override void Define()
        {
            Left l = default!;
            Right r = default!;
            When().Match(() => l).Match(() => r, x => x.Key == l.Key);
            Then().Yield(ctx => new JoinMatch("IntKey.Indexed", l.Id + "/" + r.Id));
        }
    }

    [Name("IntKey.Scan")]
    private sealed class IntKeyScan : Rule
    {
        public override void Define()
        {
            Left l = default!;
            Right r = default!;
            When().Match(() => l).Match(() => r, x => !(x.Key != l.Key));
            Then().Yield(ctx => new JoinMatch("IntKey.Scan", l.Id + "/" + r.Id));
        }
    }

    [Name("IdToKey.Indexed")]
    private sealed class IdToKeyIndexed : Rule
    {
        public override void Define()
        {
            Left l = default!;
            Right r = default!;
            When().Match(() => l).Match(() => r, x => x.Key == l.Id);
            Then().Yield(ctx => new JoinMatch("IdToKey.Indexed", l.Id + "/" + r.Id));
        }
    }

    [Name("IdToKey.Scan")]
    private sealed class IdToKeyScan : Rule
    {
        public override void Define()
        {
            Left l = default!;
            Right r = default!;
            When().Match(() => l).Match(() => r, x => !(x.Key != l.Id));
            Then().Yield(ctx => new JoinMatch("IdToKey.Scan", l.Id + "/" + r.Id));
        }
    }

    [Name("Name.Indexed")]
    private sealed class NameIndexed : Rule
    {
        public override void Define()
        {
            Left l = default!;
            Right r = default!;
            When().Match(() => l).Match(() => r, x => x.Name == l.Name);
            Then().Yield(ctx => new JoinMatch("Name.Indexed", l.Id + "/" + r.Id));
        }
    }

    [Name("Name.Scan")]
    private sealed class NameScan : Rule
    {
        public override void Define()
        {
            Left l = default!;
            Right r = default!;
            When().Match(() => l).Match(() => r, x => !(x.Name != l.Name));
            Then().Yield(ctx => new JoinMatch("Name.Scan", l.Id + "/" + r.Id));
        }
    }

    [Name("Ref.Indexed")]
    private sealed class RefIndexed : Rule
    {
        public override void Define()
        {
            Left l = default!;
            Right r = default!;
            When().Match(() => l).Match(() => r, x => x.Ref == l.Ref);
            Then().Yield(ctx => new JoinMatch("Ref.Indexed", l.Id + "/" + r.Id));
        }
    }

    [Name("Ref.Scan")]
    private sealed class RefScan : Rule
    {
        public override void Define()
        {
            Left l = default!;
            Right r = default!;
            When().Match(() => l).Match(() => r, x => !(x.Ref != l.Ref));
            Then().Yield(ctx => new JoinMatch("Ref.Scan", l.Id + "/" + r.Id));
        }
    }

    [Name("Rec.Indexed")]
    private sealed class RecIndexed : Rule
    {
        public override void Define()
        {
            Left l = default!;
            Right r = default!;
            When().Match(() => l).Match(() => r, x => x.Rec == l.Rec);
            Then().Yield(ctx => new JoinMatch("Rec.Indexed", l.Id + "/" + r.Id));
        }
    }

    [Name("Rec.Scan")]
    private sealed class RecScan : Rule
    {
        public override void Define()
        {
            Left l = default!;
            Right r = default!;
            When().Match(() => l).Match(() => r, x => !(x.Rec != l.Rec));
            Then().Yield(ctx => new JoinMatch("Rec.Scan", l.Id + "/" + r.Id));
        }
    }

    [Name("Not.Indexed")]
    private sealed class NotIndexed : Rule
    {
        public override void Define()
        {
            Left l = default!;
            When().Match(() => l).Not<Right>(x => x.Key == l.Key);
            Then().Yield(ctx => new JoinMatch("Not.Indexed", l.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    [Name("Not.Scan")]
    private sealed class NotScan : Rule
    {
        public override void Define()
        {
            Left l = default!;
            When().Match(() => l).Not<Right>(x => !(x.Key != l.Key));
            Then().Yield(ctx => new JoinMatch("Not.Scan", l.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    [Name("Exists.Indexed")]
    private sealed class ExistsIndexed : Rule
    {
        public override void Define()
        {
            Left l = default!;
            When().Match(() => l).Exists<Right>(x => x.Key == l.Key);
            Then().Yield(ctx => new JoinMatch("Exists.Indexed", l.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    [Name("Exists.Scan")]
    private sealed class ExistsScan : Rule
    {
        public override void Define()
        {
            Left l = default!;
            When().Match(() => l).Exists<Right>(x => !(x.Key != l.Key));
            Then().Yield(ctx => new JoinMatch("Exists.Scan", l.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    [Name("Collect.Indexed")]
    private sealed class CollectIndexed : Rule
    {
        public override void Define()
        {
            Left l = default!;
            IEnumerable<Right> rights = default!;
            When().Match(() => l).Query(() => rights, q => q.Match<Right>(x => x.Key == l.Key).Collect());
            Then().Yield(ctx => new JoinMatch("Collect.Indexed", Describe(l, rights)));
        }
    }

    [Name("Collect.Scan")]
    private sealed class CollectScan : Rule
    {
        public override void Define()
        {
            Left l = default!;
            IEnumerable<Right> rights = default!;
            When().Match(() => l).Query(() => rights, q => q.Match<Right>(x => !(x.Key != l.Key)).Collect());
            Then().Yield(ctx => new JoinMatch("Collect.Scan", Describe(l, rights)));
        }
    }

    [Name("LetKey.Indexed")]
    private sealed class LetKeyIndexed : Rule
    {
        public override void Define()
        {
            Left l = default!;
            int? wanted = null;
            Right r = default!;
            When().Match(() => l).Let(() => wanted, () => l.Key + 1).Match(() => r, x => x.Key == wanted);
            Then().Yield(ctx => new JoinMatch("LetKey.Indexed", l.Id + "/" + r.Id));
        }
    }

    [Name("LetKey.Scan")]
    private sealed class LetKeyScan : Rule
    {
        public override void Define()
        {
            Left l = default!;
            int? wanted = null;
            Right r = default!;
            When().Match(() => l).Let(() => wanted, () => l.Key + 1).Match(() => r, x => !(x.Key != wanted));
            Then().Yield(ctx => new JoinMatch("LetKey.Scan", l.Id + "/" + r.Id));
        }
    }

    public static string Describe(Left left, IEnumerable<Right> rights) =>
        left.Id + ":" + string.Join(",", rights.Select(r => r.Id).Order());
}
