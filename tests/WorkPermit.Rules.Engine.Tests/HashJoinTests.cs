using WorkPermit.Rules.Engine.Dsl;
using static WorkPermit.Rules.Engine.Tests.HashJoinModel;

namespace WorkPermit.Rules.Engine.Tests;

public class HashJoinTests
{
    [Fact]
    public void Fire_IntKeys_IndexedJoinMatchesScanJoin()
    {
        var session = Factory.CreateSession();
        session.InsertAll([
            new Left(1, 1, null, null, null), new Left(2, 2, null, null, null), new Left(3, 1, null, null, null),
            new Right(10, 1, null, null, null), new Right(11, 1, null, null, null), new Right(12, 3, null, null, null),
        ]);

        session.Fire();

        Assert.Equal(["1/10", "1/11", "3/10", "3/11"], Matches(session, "IntKey.Indexed"));
        Assert.Equal(Matches(session, "IntKey.Scan"), Matches(session, "IntKey.Indexed"));
    }

    [Fact]
    public void Fire_NullKeysOnBothSides_JoinLikeCSharpEquality()
    {
        var session = Factory.CreateSession();
        session.InsertAll([
            new Left(1, null, null, null, null), new Left(2, 5, "x", RefB, new KeyRec(1, "a")),
            new Right(10, null, null, null, null), new Right(11, 5, "x", RefB, new KeyRec(1, "a")),
        ]);

        session.Fire();

        foreach (var kind in new[] { "IntKey", "Name", "Ref", "Rec" })
        {
            Assert.Equal(["1/10", "2/11"], Matches(session, kind + ".Indexed"));
            Assert.Equal(Matches(session, kind + ".Scan"), Matches(session, kind + ".Indexed"));
        }
    }

    [Fact]
    public void Fire_NullableKeyAgainstNonNullableKey_NullNeverMatches()
    {
        var session = Factory.CreateSession();
        session.InsertAll([new Left(1, null, null, null, null), new Right(10, null, null, null, null), new Right(11, 1, null, null, null)]);

        session.Fire();

        Assert.Equal(["1/11"], Matches(session, "IdToKey.Indexed"));
        Assert.Equal(Matches(session, "IdToKey.Scan"), Matches(session, "IdToKey.Indexed"));
    }

    [Fact]
    public void Fire_ReferenceKeyWithoutEqualityOperator_JoinsOnlyTheSameInstance()
    {
        var session = Factory.CreateSession();
        session.InsertAll([new Left(1, null, null, RefA1, null), new Right(10, null, null, RefA1, null), new Right(11, null, null, RefA2, null)]);

        session.Fire();

        Assert.Equal(["1/10"], Matches(session, "Ref.Indexed"));
        Assert.Equal(Matches(session, "Ref.Scan"), Matches(session, "Ref.Indexed"));
    }

    [Fact]
    public void Fire_RecordKey_JoinsOnValueEquality()
    {
        var session = Factory.CreateSession();
        session.InsertAll([
            new Left(1, null, null, null, new KeyRec(1, "a")),
            new Right(10, null, null, null, new KeyRec(1, "a")), new Right(11, null, null, null, new KeyRec(1, "b")),
        ]);

        session.Fire();

        Assert.Equal(["1/10"], Matches(session, "Rec.Indexed"));
        Assert.Equal(Matches(session, "Rec.Scan"), Matches(session, "Rec.Indexed"));
    }

    [Fact]
    public void Update_RightKeyChanges_IndexedMatchesFollowTheNewKey()
    {
        var session = Factory.CreateSession();
        session.InsertAll([new Left(1, 1, "x", null, null), new Left(2, 2, "y", null, null), new Right(10, 1, "x", null, null)]);
        session.Fire();

        session.Update(new Right(10, 2, "y", null, null));
        session.Fire();

        Assert.Equal(["2/10"], Matches(session, "IntKey.Indexed"));
        Assert.Equal(["2/10"], Matches(session, "Name.Indexed"));
        Assert.Equal(["1:", "2:10"], Matches(session, "Collect.Indexed"));
        Assert.Equal(["1"], Matches(session, "Not.Indexed"));
        Assert.Equal(["2"], Matches(session, "Exists.Indexed"));
        AssertIndexedEqualsScan(session);
    }

    [Fact]
    public void Update_LeftKeyChanges_IndexedMatchesFollowTheNewKey()
    {
        var session = Factory.CreateSession();
        session.InsertAll([new Left(1, 1, null, null, null), new Right(10, 1, null, null, null), new Right(11, 2, null, null, null), new Right(12, 3, null, null, null)]);
        session.Fire();

        session.Update(new Left(1, 2, null, null, null));
        session.Fire();

        Assert.Equal(["1/11"], Matches(session, "IntKey.Indexed"));
        Assert.Equal(["1/12"], Matches(session, "LetKey.Indexed"));
        AssertIndexedEqualsScan(session);
    }

    [Fact]
    public void Update_KeyToNullAndBack_MatchesFollow()
    {
        var session = Factory.CreateSession();
        session.InsertAll([new Left(1, 1, null, null, null), new Left(2, null, null, null, null), new Right(10, 1, null, null, null)]);
        session.Fire();

        session.Update(new Right(10, null, null, null, null));
        session.Fire();
        Assert.Equal(["2/10"], Matches(session, "IntKey.Indexed"));
        AssertIndexedEqualsScan(session);

        session.Update(new Right(10, 1, null, null, null));
        session.Fire();
        Assert.Equal(["1/10"], Matches(session, "IntKey.Indexed"));
        AssertIndexedEqualsScan(session);
    }

    [Fact]
    public void Retract_RightFact_RemovesItFromIndexedMatches()
    {
        var session = Factory.CreateSession();
        session.InsertAll([new Left(1, 1, null, null, null), new Right(10, 1, null, null, null), new Right(11, 1, null, null, null)]);
        session.Fire();

        session.Retract(new Right(10, 1, null, null, null));
        session.Fire();

        Assert.Equal(["1/11"], Matches(session, "IntKey.Indexed"));
        Assert.Equal(["1:11"], Matches(session, "Collect.Indexed"));
        AssertIndexedEqualsScan(session);
    }

    [Fact]
    public void Fire_EqualityJoin_ComputesKeysPerFactNotPerPair()
    {
        var session = TestEngine.Session(typeof(ProbedIndexedJoinRule));
        ProbedIndexedJoinRule.Evaluations = 0;
        for (var i = 0; i < 30; i++)
        {
            session.Insert(new Customer(i, "c" + i));
            session.Insert(new Order(1000 + i, i, 1));
        }

        var fired = session.Fire();

        Assert.Equal(30, fired);
        Assert.InRange(ProbedIndexedJoinRule.Evaluations, 1, 120);
    }

    private static void AssertIndexedEqualsScan(ISession session)
    {
        foreach (var kind in Kinds)
        {
            Assert.Equal(Matches(session, kind + ".Scan"), Matches(session, kind + ".Indexed"));
        }
    }

    /// <summary>An indexed join whose token-side key counts its evaluations: a scan would evaluate it for every pair.</summary>
    [Name("ProbedIndexedJoin")]
    private sealed class ProbedIndexedJoinRule : Rule
    {
        public static int Evaluations;

        public static int Probe(int value)
        {
            Interlocked.Increment(ref Evaluations);
            return value;
        }

        public override void Define()
        {
            Customer customer = default!;
            Order order = default!;
            When().Match(() => customer).Match(() => order, o => o.CustomerId == Probe(customer.Id));
            Then().Do(ctx => Act.Noop(customer, order));
        }
    }
}
