using WorkPermit.Rules.Engine.Dsl;

namespace WorkPermit.Rules.Engine.Tests;

/// <summary>Single-fact conditions: shared between rules, compared with constants (which the engine may hash), nulls, updates.</summary>
public class AlphaConditionTests
{
    private static readonly Type[] GroupRules = [typeof(GroupOne), typeof(GroupOneReversed), typeof(GroupTwo), typeof(GroupThree), typeof(GroupFour)];

    [Fact]
    public void Fire_ManyRulesComparingOneMemberWithConstants_EachFiresOnlyForItsValue()
    {
        var session = TestEngine.Session(GroupRules);
        var log = new FiringLog(session);
        session.InsertAll([new Item(1, Group: 1, Value: 0), new Item(2, Group: 3, Value: 0), new Item(3, Group: 9, Value: 0)]);

        session.Fire();

        Assert.Equal(["GroupOne:1", "GroupOneReversed:1", "GroupThree:2"], log.Firings.Select(f => $"{f.Rule}:{((Item)f.Facts[0]!).Id}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Update_MemberComparedWithConstantsChanges_FactMovesBetweenRules()
    {
        var session = TestEngine.Session(GroupRules);
        session.Insert(new Item(1, Group: 2, Value: 0));
        session.Fire();
        Assert.Equal(["GroupTwo"], Notes(session));

        session.Update(new Item(1, Group: 4, Value: 0));
        session.Fire();

        Assert.Equal(["GroupFour"], Notes(session));
    }

    [Fact]
    public void Fire_StringMemberComparedWithConstants_IsCaseSensitiveLikeEqualsOperator()
    {
        var session = TestEngine.Session(typeof(NamedAnn), typeof(NamedBob), typeof(NamedCid), typeof(NamedLowerAnn));
        var log = new FiringLog(session);
        session.InsertAll([new Customer(1, "Ann"), new Customer(2, "ann"), new Customer(3, "ANN"), new Customer(4, "Cid")]);

        session.Fire();

        Assert.Equal(["NamedAnn:1", "NamedCid:4", "NamedLowerAnn:2"], log.Firings.Select(f => $"{f.Rule}:{((Customer)f.Facts[0]!).Id}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Fire_NullableMemberComparedWithConstants_NullMatchesNoConstant()
    {
        var session = TestEngine.Session(typeof(ScoreOne), typeof(ScoreTwo), typeof(ScoreThree), typeof(ScoreMissing));
        var log = new FiringLog(session);
        session.InsertAll([new Rated(1, null), new Rated(2, 2)]);

        session.Fire();

        Assert.Equal(["ScoreMissing:1", "ScoreTwo:2"], log.Firings.Select(f => $"{f.Rule}:{((Rated)f.Facts[0]!).Id}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Fire_EnumMemberComparedWithConstants_EachFiresOnlyForItsValue()
    {
        var session = TestEngine.Session(typeof(IsRed), typeof(IsGreen), typeof(IsBlue), typeof(IsNotRed));
        var log = new FiringLog(session);
        session.InsertAll([new Painted(1, Colour.Red), new Painted(2, Colour.Blue)]);

        session.Fire();

        Assert.Equal(["IsBlue:2", "IsNotRed:2", "IsRed:1"], log.Firings.Select(f => $"{f.Rule}:{((Painted)f.Facts[0]!).Id}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Insert_MemberComparedWithConstantsThrows_LhsExceptionNamesTheRules()
    {
        var session = TestEngine.Session(typeof(AddressCityA), typeof(AddressCityB), typeof(AddressCityC));

        var error = Assert.Throws<RuleLhsExpressionEvaluationException>(() => session.Insert(new Resident(1, null)));

        Assert.NotEmpty(error.Rules);
        Assert.All(error.Rules, r => Assert.StartsWith("AddressCity", r, StringComparison.Ordinal));
        Assert.IsType<NullReferenceException>(error.InnerException);
    }

    [Fact]
    public void Fire_SameConditionInTwoRules_BothFire()
    {
        var session = TestEngine.Session(typeof(GroupOne), typeof(GroupOneTwin));
        var log = new FiringLog(session);
        session.Insert(new Item(1, 1, 0));

        session.Fire();

        Assert.Equal(["GroupOne", "GroupOneTwin"], log.Rules.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Fire_ConditionsCapturingDifferentLocalValues_AreDistinct()
    {
        var repository = new Fluent.RuleRepository { Activator = new GroupActivator(1, 2) };
        repository.Load(x => x.From(typeof(CapturedGroupRule)));
        var session = repository.Compile().CreateSession();
        session.InsertAll([new Item(1, 1, 0), new Item(2, 2, 0), new Item(3, 3, 0)]);

        session.Fire();

        Assert.Equal(["group 1 has 1", "group 2 has 2"], session.Query<Note>().Select(n => n.Text).Order(StringComparer.Ordinal));
    }

    private static string[] Notes(ISession session) => session.Query<Note>().Select(n => n.Text).Order(StringComparer.Ordinal).ToArray();

    internal enum Colour
    {
        Red,
        Green,
        Blue,
    }

    internal sealed record Painted(int Id, Colour Colour);

    internal sealed record Rated(int Id, int? Score);

    internal sealed record Address(string City);

    internal sealed record Resident(int Id, Address? Address);

    private sealed class GroupActivator(params int[] groups) : Fluent.IRuleActivator
    {
        public IEnumerable<Rule> Activate(Type type) => groups.Select(g => (Rule)new CapturedGroupRule(g));
    }

    private sealed class CapturedGroupRule(int group) : Rule
    {
        public override void Define()
        {
            Item item = default!;
            var wanted = group;
            When().Match(() => item, i => i.Group == wanted);
            Then().Yield(ctx => new Note("group " + wanted + " has " + item.Id));
        }
    }

    [Name("GroupOne")]
    private sealed class GroupOne : Rule
    {
        public override void Define()
        {
            Item item = default!;
            When().Match(() => item, i => i.Group == 1);
            Then().Yield(ctx => new Note("GroupOne"));
        }
    }

    [Name("GroupOneTwin")]
    private sealed class GroupOneTwin : Rule
    {
        public override void Define()
        {
            Item item = default!;
            When().Match(() => item, i => i.Group == 1);
            Then().Do(ctx => Act.Noop(item));
        }
    }

    [Name("GroupOneReversed")]
    private sealed class GroupOneReversed : Rule
    {
        public override void Define()
        {
            Item item = default!;
            When().Match(() => item, i => 1 == i.Group);
            Then().Yield(ctx => new Note("GroupOneReversed"));
        }
    }

    [Name("GroupTwo")]
    private sealed class GroupTwo : Rule
    {
        public override void Define()
        {
            Item item = default!;
            When().Match(() => item, i => i.Group == 2);
            Then().Yield(ctx => new Note("GroupTwo"));
        }
    }

    [Name("GroupThree")]
    private sealed class GroupThree : Rule
    {
        public override void Define()
        {
            Item item = default!;
            When().Match(() => item, i => i.Group == 3);
            Then().Yield(ctx => new Note("GroupThree"));
        }
    }

    [Name("GroupFour")]
    private sealed class GroupFour : Rule
    {
        public override void Define()
        {
            Item item = default!;
            When().Match(() => item, i => i.Group == 4);
            Then().Yield(ctx => new Note("GroupFour"));
        }
    }

    [Name("NamedAnn")]
    private sealed class NamedAnn : Rule
    {
        public override void Define()
        {
            Customer customer = default!;
            When().Match(() => customer, c => c.Name == "Ann");
            Then().Do(ctx => Act.Noop(customer));
        }
    }

    [Name("NamedLowerAnn")]
    private sealed class NamedLowerAnn : Rule
    {
        public override void Define()
        {
            Customer customer = default!;
            When().Match(() => customer, c => c.Name == "ann");
            Then().Do(ctx => Act.Noop(customer));
        }
    }

    [Name("NamedBob")]
    private sealed class NamedBob : Rule
    {
        public override void Define()
        {
            Customer customer = default!;
            When().Match(() => customer, c => c.Name == "Bob");
            Then().Do(ctx => Act.Noop(customer));
        }
    }

    [Name("NamedCid")]
    private sealed class NamedCid : Rule
    {
        public override void Define()
        {
            Customer customer = default!;
            When().Match(() => customer, c => c.Name == "Cid");
            Then().Do(ctx => Act.Noop(customer));
        }
    }

    [Name("ScoreOne")]
    private sealed class ScoreOne : Rule
    {
        public override void Define()
        {
            Rated rated = default!;
            When().Match(() => rated, r => r.Score == 1);
            Then().Do(ctx => Act.Noop(rated));
        }
    }

    [Name("ScoreTwo")]
    private sealed class ScoreTwo : Rule
    {
        public override void Define()
        {
            Rated rated = default!;
            When().Match(() => rated, r => r.Score == 2);
            Then().Do(ctx => Act.Noop(rated));
        }
    }

    [Name("ScoreThree")]
    private sealed class ScoreThree : Rule
    {
        public override void Define()
        {
            Rated rated = default!;
            When().Match(() => rated, r => r.Score == 3);
            Then().Do(ctx => Act.Noop(rated));
        }
    }

    [Name("ScoreMissing")]
    private sealed class ScoreMissing : Rule
    {
        public override void Define()
        {
            Rated rated = default!;
            When().Match(() => rated, r => r.Score == null);
            Then().Do(ctx => Act.Noop(rated));
        }
    }

    [Name("IsRed")]
    private sealed class IsRed : Rule
    {
        public override void Define()
        {
            Painted painted = default!;
            When().Match(() => painted, p => p.Colour == Colour.Red);
            Then().Do(ctx => Act.Noop(painted));
        }
    }

    [Name("IsGreen")]
    private sealed class IsGreen : Rule
    {
        public override void Define()
        {
            Painted painted = default!;
            When().Match(() => painted, p => p.Colour == Colour.Green);
            Then().Do(ctx => Act.Noop(painted));
        }
    }

    [Name("IsBlue")]
    private sealed class IsBlue : Rule
    {
        public override void Define()
        {
            Painted painted = default!;
            When().Match(() => painted, p => p.Colour == Colour.Blue);
            Then().Do(ctx => Act.Noop(painted));
        }
    }

    [Name("IsNotRed")]
    private sealed class IsNotRed : Rule
    {
        public override void Define()
        {
            Painted painted = default!;
            When().Match(() => painted, p => p.Colour != Colour.Red);
            Then().Do(ctx => Act.Noop(painted));
        }
    }

    [Name("AddressCityA")]
    private sealed class AddressCityA : Rule
    {
        public override void Define()
        {
            Resident resident = default!;
            When().Match(() => resident, r => r.Address!.City == "A");
            Then().Do(ctx => Act.Noop(resident));
        }
    }

    [Name("AddressCityB")]
    private sealed class AddressCityB : Rule
    {
        public override void Define()
        {
            Resident resident = default!;
            When().Match(() => resident, r => r.Address!.City == "B");
            Then().Do(ctx => Act.Noop(resident));
        }
    }

    [Name("AddressCityC")]
    private sealed class AddressCityC : Rule
    {
        public override void Define()
        {
            Resident resident = default!;
            When().Match(() => resident, r => r.Address!.City == "C");
            Then().Do(ctx => Act.Noop(resident));
        }
    }
}
