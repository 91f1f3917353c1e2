using FsCheck;
using FsCheck.Fluent;
using static WorkPermit.Rules.Engine.Tests.PropertyModel;

namespace WorkPermit.Rules.Engine.Tests;

/// <summary>
/// Properties of incremental evaluation over the rich rule set of <see cref="PropertyModel"/>: joins, Not, Exists, All,
/// Collect, GroupBy, Let/Having, Or, Do/Undo and a chain of rules that yield linked facts. On failure FsCheck reports the
/// shrunk scenario (the operations, in order) and the difference found.
/// </summary>
public class PropertyTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(500).WithQuietOnSuccess(true);

    [Fact]
    public void Fire_AfterAnySequenceOfInsertsUpdatesAndRetracts_MatchesAndMemoryEqualFreshSession()
    {
        var factory = Factory;

        Check.One(Config, Prop.ForAll(ScenarioGen.Scenarios(maxOps: 40), scenario =>
        {
            var incremental = ScenarioRunner.Run(factory, scenario);

            var fresh = ScenarioRunner.Start(factory);
            fresh.Session.InsertAll(incremental.BaseFacts);
            fresh.Session.Fire();

            Multiset.AssertEqual("Working memory after the operations and that of a fresh session given the final facts", WorkingMemory(fresh.Session), WorkingMemory(incremental.Session));
            Multiset.AssertEqual("Held matches per rule after the operations and in a fresh session", fresh.HeldMatches, incremental.HeldMatches);
            Multiset.AssertEqual("Working memory and the oracle's fixpoint", Expected(incremental.Persons, incremental.Jobs, incremental.Holidays), WorkingMemory(incremental.Session));
        }));
    }

    [Fact]
    public void Fire_SameFactsInAnotherInsertionOrder_SameMatchesAndMemory()
    {
        var factory = Factory;

        Check.One(Config, Prop.ForAll(ScenarioGen.OrderScenarios(maxFacts: 16), scenario =>
        {
            var first = ScenarioRunner.Start(factory);
            first.Session.InsertAll(scenario.First.Select(o => o.ToFact()));
            first.Session.Fire();

            var second = ScenarioRunner.Start(factory);
            for (var i = 0; i < scenario.Second.Length; i++)
            {
                second.Session.Insert(scenario.Second[i].ToFact());
                if (scenario.FireAfter[i])
                {
                    second.Session.Fire();
                }
            }

            second.Session.Fire();

            Multiset.AssertEqual("Working memories for the two insertion orders", WorkingMemory(first.Session), WorkingMemory(second.Session));
            Multiset.AssertEqual("Held matches per rule for the two insertion orders", first.HeldMatches, second.HeldMatches);
            var facts = scenario.First.Select(o => o.ToFact()).ToArray();
            Multiset.AssertEqual(
                "Working memory and the oracle's fixpoint",
                Expected(facts.OfType<Person>().ToArray(), facts.OfType<Job>().ToArray(), facts.OfType<Holiday>().Select(h => h.Team).ToArray()),
                WorkingMemory(first.Session));
        }));
    }

    [Fact]
    public void LinkedFacts_AfterEveryOperation_NeverOutliveTheMatchThatMadeThem()
    {
        var factory = Factory;

        Check.One(Config, Prop.ForAll(ScenarioGen.Scenarios(maxOps: 40), scenario =>
            ScenarioRunner.Run(factory, scenario, (runner, op) =>
            {
                var session = runner.Session;
                foreach (var fact in session.Query<object>().ToArray())
                {
                    var explanation = session.Explain(fact)
                        ?? throw new PropertyViolationException($"after {op}: Explain({fact}) is null although Query returned it");
                    if (explanation.Rule is null)
                    {
                        continue;
                    }

                    if (!ProducerOf.TryGetValue(fact.GetType(), out var producer) || producer != explanation.Rule)
                    {
                        throw new PropertyViolationException($"after {op}: {fact} is explained by rule '{explanation.Rule}', which does not produce it");
                    }

                    foreach (var reason in explanation.Because.Where(b => b.Fact is Person or Job or Holiday || (b.Fact is not null && ProducerOf.ContainsKey(b.Fact.GetType()))))
                    {
                        if (session.Explain(reason.Fact!) is null)
                        {
                            throw new PropertyViolationException($"after {op}: linked fact {fact} outlives {reason.Fact}, a fact of its match that is no longer in working memory");
                        }
                    }

                    if (StillJustified(fact, session) == false)
                    {
                        throw new PropertyViolationException($"after {op}: linked fact {fact} (rule '{explanation.Rule}') outlives its match: the match no longer holds in working memory");
                    }
                }

                if (op.Kind == OpKind.Fire)
                {
                    Multiset.AssertEqual($"After {op}, working memory and the oracle's fixpoint", Expected(runner.Persons, runner.Jobs, runner.Holidays), WorkingMemory(session));
                }
            })));
    }
}
