using System.Collections.Concurrent;
using FsCheck;
using FsCheck.Fluent;
using WorkPermit.Rules.Engine.Dsl;
using static WorkPermit.Rules.Engine.Tests.PropertyModel;

namespace WorkPermit.Rules.Engine.Tests;

public class ThreadSafetyTests
{
    private const int Sessions = 12;

    [Fact]
    public void CreateSession_SharedFactoryUsedByManyThreads_EachSessionGetsSingleThreadedResults()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(40).WithQuietOnSuccess(true), Prop.ForAll(Batches(), batch =>
        {
            var expected = batch.Select(s => WorkingMemory(ScenarioRunner.Run(Factory, s).Session)).ToArray();
            var shared = CompileFactory();

            var actual = RunConcurrently(batch.Length, i => WorkingMemory(ScenarioRunner.Run(shared, batch[i]).Session));

            for (var i = 0; i < batch.Length; i++)
            {
                Multiset.AssertEqual($"Session {i} (scenario {batch[i]}) on a shared factory and alone", expected[i], actual[i]);
            }
        }));
    }

    [Fact]
    public void Fire_ParallelForOverSessionsOfOneFactory_SameResultsAsSequential()
    {
        var factory = TestEngine.Compile(typeof(OrderTotalRule), typeof(BigSpenderRule));
        static string[] Run(ISessionFactory factory, int seed)
        {
            var session = factory.CreateSession();
            for (var c = 0; c < 5; c++)
            {
                session.Insert(new Customer(c, "c" + c));
                for (var o = 0; o < 6; o++)
                {
                    session.Insert(new Order((c * 100) + o, c, ((seed + c) * (o + 1)) % 50));
                }
            }

            session.Fire();
            session.Retract(new Order(seed % 5 * 100, seed % 5, 0));
            session.Fire();
            return PropertyModel.WorkingMemory(session);
        }

        var expected = Enumerable.Range(0, 32).Select(i => Run(factory, i)).ToArray();
        var actual = new string[32][];

        Parallel.For(0, 32, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = Run(factory, i));

        for (var i = 0; i < 32; i++)
        {
            Assert.Equal(expected[i], actual[i]);
        }
    }

    [Fact]
    public void Compile_SameRuleTypesOnSeveralThreads_EveryFactoryWorks()
    {
        var results = RunConcurrently(8, _ =>
        {
            var session = TestEngine.Session(typeof(OrderTotalRule), typeof(BigSpenderRule));
            session.InsertAll([new Customer(1, "Ann"), new Order(10, 1, 60), new Order(11, 1, 50)]);
            session.Fire();
            return PropertyModel.WorkingMemory(session);
        });

        Assert.All(results, r => Assert.Equal(results[0], r));
        Assert.Contains("Note { Text = big spender 1 }", results[0]);
    }

    private static Arbitrary<Scenario[]> Batches()
    {
        var gen = ScenarioGen.Scenario(maxOps: 25).ArrayOf(Sessions);
        return Arb.From(gen, ShrinkBatch);
    }

    private static IEnumerable<Scenario[]> ShrinkBatch(Scenario[] batch)
    {
        for (var i = 0; i < batch.Length; i++)
        {
            foreach (var smaller in ScenarioGen.Shrink(batch[i]))
            {
                var copy = (Scenario[])batch.Clone();
                copy[i] = smaller;
                yield return copy;
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> on dedicated threads released together, and rethrows the first failure.</summary>
    private static T[] RunConcurrently<T>(int count, Func<int, T> work)
    {
        var results = new T[count];
        var errors = new ConcurrentQueue<Exception>();
        using var barrier = new Barrier(count);
        var threads = Enumerable.Range(0, count).Select(i => new Thread(() =>
        {
            barrier.SignalAndWait();
            try
            {
                results[i] = work(i);
            }
            catch (Exception ex)
            {
                errors.Enqueue(ex);
            }
        })).ToArray();

        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        return errors.TryDequeue(out var error) ? throw new AggregateException(error) : results;
    }

    [Name("OrderTotal")]
    private sealed class OrderTotalRule : Rule
    {
        public override void Define()
        {
            Customer customer = default!;
            IEnumerable<Order> orders = default!;
            When()
                .Match(() => customer)
                .Query(() => orders, q => q.Match<Order>(o => o.CustomerId == customer.Id).Collect());
            Then().Yield(ctx => new Note("total " + customer.Id + "=" + orders.Sum(o => o.Amount)));
        }
    }

    [Name("BigSpender")]
    private sealed class BigSpenderRule : Rule
    {
        public override void Define()
        {
            Customer customer = default!;
            When()
                .Match(() => customer)
                .Exists<Order>(o => o.CustomerId == customer.Id && o.Amount > 55);
            Then().Yield(ctx => new Note("big spender " + customer.Id));
        }
    }
}
