using FsCheck;
using FsCheck.Fluent;
using static WorkPermit.Rules.Engine.Tests.HashJoinModel;

namespace WorkPermit.Rules.Engine.Tests;

/// <summary>Indexed equality joins give the same matches as the same joins tested pair by pair, and as C#'s <c>==</c>.</summary>
public class HashJoinPropertyTests
{
    private static readonly int?[] Keys = [null, 0, 1, 2];
    private static readonly string?[] Names = [null, "a", "b"];
    private static readonly KeyRef?[] Refs = [null, RefA1, RefA2, RefB];
    private static readonly KeyRec?[] Recs = [null, new KeyRec(1, "a"), new KeyRec(1, "b"), new KeyRec(2, "a")];

    [Fact]
    public void Fire_AnySequenceOfChanges_IndexedJoinsMatchScanJoinsAndCSharpEquality()
    {
        var factory = Factory;

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(400).WithQuietOnSuccess(true), Prop.ForAll(Scenarios(), ops =>
        {
            var session = factory.CreateSession();
            var lefts = new Dictionary<int, Left>();
            var rights = new Dictionary<int, Right>();
            foreach (var op in ops.Append(new JoinOp(OpKind.Fire, false, 0, 0, 0, 0, 0)))
            {
                Apply(session, lefts, rights, op);
                if (op.Kind != OpKind.Fire)
                {
                    continue;
                }

                var expected = Expected(lefts.Values, rights.Values);
                foreach (var kind in Kinds)
                {
                    Multiset.AssertEqual($"After {op}: '{kind}' scan matches and C# ==", expected[kind], Matches(session, kind + ".Scan"));
                    Multiset.AssertEqual($"After {op}: '{kind}' indexed and scan matches", Matches(session, kind + ".Scan"), Matches(session, kind + ".Indexed"));
                }
            }
        }));
    }

    private static void Apply(ISession session, Dictionary<int, Left> lefts, Dictionary<int, Right> rights, JoinOp op)
    {
        switch (op.Kind)
        {
            case OpKind.Fire:
                session.Fire();
                break;
            case OpKind.FireSome:
                session.Fire(1);
                break;
            case OpKind.Upsert when op.IsLeft:
                var left = new Left(op.Id, Keys[op.Key], Names[op.Name % Names.Length], Refs[op.Ref], Recs[op.Rec]);
                if (lefts.TryAdd(op.Id, left))
                {
                    session.Insert(left);
                }
                else
                {
                    lefts[op.Id] = left;
                    session.Update(left);
                }

                break;
            case OpKind.Upsert:
                var right = new Right(op.Id, Keys[op.Key], Names[op.Name % Names.Length], Refs[op.Ref], Recs[op.Rec]);
                if (rights.TryAdd(op.Id, right))
                {
                    session.Insert(right);
                }
                else
                {
                    rights[op.Id] = right;
                    session.Update(right);
                }

                break;
            case OpKind.Retract when op.IsLeft:
                if (lefts.Remove(op.Id))
                {
                    session.Retract(new Left(op.Id, null, null, null, null));
                }

                break;
            case OpKind.Retract:
                if (rights.Remove(op.Id))
                {
                    session.Retract(new Right(op.Id, null, null, null, null));
                }

                break;
        }
    }

    private static Arbitrary<JoinOp[]> Scenarios()
    {
        var kinds = Gen.Frequency((7, Gen.Constant(OpKind.Upsert)), (3, Gen.Constant(OpKind.Retract)), (2, Gen.Constant(OpKind.Fire)), (1, Gen.Constant(OpKind.FireSome)));
        var op =
            from kind in kinds
            from isLeft in Gen.Elements(true, false)
            from id in Gen.Choose(0, 3)
            from key in Gen.Choose(0, 3)
            from name in Gen.Choose(0, 2)
            from reference in Gen.Choose(0, 3)
            from rec in Gen.Choose(0, 3)
            select new JoinOp(kind, isLeft, id, key, name, reference, rec);
        var gen = from n in Gen.Choose(0, 30) from ops in op.ArrayOf(n) select ops;
        return Arb.From(gen, Shrink);
    }

    private static IEnumerable<JoinOp[]> Shrink(JoinOp[] ops)
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
            foreach (var simpler in new[] { ops[i] with { Key = 0 }, ops[i] with { Name = 0 }, ops[i] with { Ref = 0 }, ops[i] with { Rec = 0 }, ops[i] with { Id = 0 } })
            {
                if (simpler != ops[i])
                {
                    var copy = (JoinOp[])ops.Clone();
                    copy[i] = simpler;
                    yield return copy;
                }
            }
        }
    }

    internal readonly record struct JoinOp(OpKind Kind, bool IsLeft, int Id, int Key, int Name, int Ref, int Rec)
    {
        public override string ToString() => Kind switch
        {
            OpKind.Fire => "Fire()",
            OpKind.FireSome => "Fire(1)",
            OpKind.Retract => $"Retract {(IsLeft ? "L" : "R")}{Id}",
            _ => "Upsert " + (IsLeft
                ? new Left(Id, Keys[Key], Names[Name % Names.Length], Refs[Ref], Recs[Rec]).ToString()
                : new Right(Id, Keys[Key], Names[Name % Names.Length], Refs[Ref], Recs[Rec]).ToString()),
        };
    }
}
