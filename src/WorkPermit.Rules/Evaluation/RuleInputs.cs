using NRules.Aggregators;
using NRules.Fluent.Dsl;
using NRules.RuleModel;

namespace WorkPermit.Rules.Evaluation;

/// <summary>
/// The findings a rule that combines many others takes in one pattern: which rule IDs it waits for. The pattern is a
/// query over the findings that ends in <see cref="RuleInputsQuery.AllOf{TSource}"/>, an aggregate that yields the
/// findings only once every one of them has arrived, so the rule is activated (and fires) once, with all its inputs.
/// </summary>
/// <remarks>One aggregating pattern costs the network one selection node and one aggregate instead of a join per input
/// (a join chain copies its opposite memory at every level, so for a rule with nine or ten inputs this is much
/// cheaper). Yielding nothing until the set is complete, rather than a collection that grows with each batch of
/// findings behind a count guard, spares the network an empty result for every session and an update for every batch
/// in which some inputs arrive.</remarks>
internal sealed class RuleInputs
{
    /// <summary>Per catalogue rule (by order), its position among the inputs, or -1.</summary>
    private readonly int[] _positionByOrder = new int[RuleCatalogue.Rules.Count];
    private readonly string[] _ruleIds;

    public RuleInputs(params string[] ruleIds)
    {
        Array.Fill(_positionByOrder, -1);
        for (var i = 0; i < ruleIds.Length; i++)
        {
            var order = RuleCatalogue.OrderOf(ruleIds[i]);
            if (order == int.MaxValue || _positionByOrder[order] >= 0)
            {
                throw new ArgumentException($"{ruleIds[i]} is not a catalogue rule, or is given twice.", nameof(ruleIds));
            }

            _positionByOrder[order] = i;
        }

        _ruleIds = ruleIds;
        Count = ruleIds.Length;
        AggregateName = $"AllOf({string.Join(',', ruleIds)})";
    }

    /// <summary>How many findings the rule waits for.</summary>
    public int Count { get; }

    /// <summary>The name of the aggregate in the rule model: the inputs' rule IDs, from which
    /// <see cref="AllInputsAggregatorFactory"/> rebuilds the inputs.</summary>
    public string AggregateName { get; }

    /// <summary>Whether the rule takes this finding.</summary>
    public bool Includes(Finding finding) => _positionByOrder[finding.Rule.Order] >= 0;

    /// <summary>The finding's position among the inputs, or -1.</summary>
    public int PositionOf(Finding finding) => _positionByOrder[finding.Rule.Order];

    /// <summary>The rule ID at a position.</summary>
    public string RuleIdAt(int position) => _ruleIds[position];

    /// <summary>The inputs an aggregate name (<see cref="AggregateName"/>) stands for.</summary>
    /// <exception cref="ArgumentException">The name is not one this class made.</exception>
    public static RuleInputs FromAggregateName(string name) =>
        name.StartsWith("AllOf(", StringComparison.Ordinal) && name.EndsWith(')')
            ? new RuleInputs(name["AllOf(".Length..^1].Split(','))
            : throw new ArgumentException($"'{name}' does not name the rule IDs of an AllOf aggregate.", nameof(name));
}

/// <summary>A rule's inputs once all have arrived: one finding per input rule, taken by rule ID.</summary>
internal sealed class CollectedInputs
{
    private readonly Finding[] _findings;

    public CollectedInputs(Finding[] findings) => _findings = findings;

    /// <summary>The findings, in the order of the rule's inputs.</summary>
    public IReadOnlyList<Finding> Findings => _findings;

    /// <summary>The finding of one input rule.</summary>
    /// <exception cref="InvalidOperationException">The rule is not one of the inputs.</exception>
    public Finding this[string ruleId]
    {
        get
        {
            // Rule IDs are interned (the catalogue's and the RuleIds constants are the same instances), so this
            // usually compares references only.
            foreach (var finding in _findings)
            {
                if (string.Equals(finding.RuleId, ruleId, StringComparison.Ordinal))
                {
                    return finding;
                }
            }

            throw new InvalidOperationException($"{ruleId} is not one of the rule's inputs.");
        }
    }
}

/// <summary>The query step that ends a rule's input pattern.</summary>
internal static class RuleInputsQuery
{
    /// <summary>Aggregates the matching findings into one <see cref="CollectedInputs"/>, yielded only once a finding of
    /// every input rule is there.</summary>
    public static IQuery<CollectedInputs> AllOf<TSource>(this IQuery<TSource> source, RuleInputs inputs)
        where TSource : Finding
    {
        source.Builder.Aggregate<TSource, CollectedInputs>(inputs.AggregateName, [], typeof(AllInputsAggregatorFactory));
        return new Query<CollectedInputs>(source.Builder);
    }

    private sealed class Query<T>(IQueryBuilder builder) : IQuery<T>
    {
        public IQueryBuilder Builder => builder;
    }
}

/// <summary>Makes <see cref="AllInputsAggregator"/>s for an <c>AllOf</c> aggregate; NRules creates one factory per
/// aggregate node and one aggregator per session.</summary>
internal sealed class AllInputsAggregatorFactory : IAggregatorFactory
{
    private RuleInputs? _inputs;

    public void Compile(AggregateElement element, IReadOnlyCollection<IAggregateExpression> compiledExpressions) =>
        _inputs = RuleInputs.FromAggregateName(element.Name);

    public IAggregator Create(AggregationContext context) =>
        new AllInputsAggregator(_inputs ?? throw new InvalidOperationException("The aggregate was not compiled."));
}

/// <summary>
/// Keeps the latest finding of each input rule and yields nothing until every input has one; then yields the set
/// (added), a new set when an input's finding is replaced (modified), and takes it back when an input's finding is
/// retracted (removed). Each set yielded is a snapshot, so a rule's action sees its inputs as they were when it was
/// activated.
/// </summary>
internal sealed class AllInputsAggregator(RuleInputs inputs) : IAggregator
{
    private readonly Finding?[] _findings = new Finding?[inputs.Count];
    private readonly IFact?[] _facts = new IFact?[inputs.Count];
    private int _present;
    private CollectedInputs? _yielded;

    public IReadOnlyCollection<AggregationResult> Add(AggregationContext context, ITuple tuple, IReadOnlyCollection<IFact> facts)
    {
        Take(facts);
        return Yield();
    }

    public IReadOnlyCollection<AggregationResult> Modify(AggregationContext context, ITuple tuple, IReadOnlyCollection<IFact> facts)
    {
        Take(facts);
        return Yield();
    }

    public IReadOnlyCollection<AggregationResult> Remove(AggregationContext context, ITuple tuple, IReadOnlyCollection<IFact> facts)
    {
        foreach (var fact in facts)
        {
            var position = inputs.PositionOf((Finding)fact.Value!);
            if (position >= 0 && _facts[position] is not null)
            {
                _facts[position] = null;
                _findings[position] = null;
                _present--;
            }
        }

        if (_yielded is null)
        {
            return AggregationResult.Empty;
        }

        if (_present < inputs.Count)
        {
            var removed = _yielded;
            _yielded = null;
            return [AggregationResult.Removed(removed)];
        }

        return Yield();
    }

    private void Take(IReadOnlyCollection<IFact> facts)
    {
        foreach (var fact in facts)
        {
            var finding = (Finding)fact.Value!;
            var position = inputs.PositionOf(finding);
            if (position < 0)
            {
                continue;
            }

            if (_facts[position] is null)
            {
                _present++;
            }

            _facts[position] = fact;
            _findings[position] = finding;
        }
    }

    private IReadOnlyCollection<AggregationResult> Yield()
    {
        if (_present < inputs.Count)
        {
            return AggregationResult.Empty;
        }

        var previous = _yielded;
        _yielded = new CollectedInputs([.. _findings!]);
        IFact[] source = [.. _facts!];
        return [previous is null ? AggregationResult.Added(_yielded, source) : AggregationResult.Modified(_yielded, previous, source)];
    }
}
