using System.Collections;
using System.Collections.ObjectModel;
using WorkPermit.Rules.Engine.Runtime;

namespace WorkPermit.Rules.Engine.Network;

/// <summary>
/// A query: for each left token, the right facts that match its source conditions, run through the query's
/// operations (Where, Select, SelectMany, GroupBy, Collect). Each result is passed on as a token carrying a
/// synthetic fact. Results are recomputed lazily: changes mark the left token dirty, and the session flushes
/// dirty queries before it fires the next rule, so a burst of changes costs one recomputation.
/// </summary>
internal sealed class AggregateNode(QueryOperationPlan[] operations, bool isCollect) : BinaryNode
{
    public bool IsCollect { get; } = isCollect;

    public override void AssertLeft(Session session, Token token)
    {
        var memory = Memory(session);
        memory.AddLeft(session, token);
        var candidates = memory.RightCandidates(token);
        for (var entry = candidates?.Head; entry is not null; entry = entry.Next)
        {
            if (Matches(session, token, entry.Fact))
            {
                AddRecord(session, token, entry.Fact);
            }
        }

        token.State = new AggregateState();
        session.MarkDirty(this, token);
    }

    public override void ModifyLeft(Session session, Token token)
    {
        var memory = Memory(session);
        var kept = session.RentTokens();
        var removed = session.RentTokens();
        var added = session.RentFacts();
        ReevaluateLeft(session, memory, token, kept, removed, added);
        foreach (var record in removed)
        {
            RemoveRecord(record);
        }

        foreach (var fact in added)
        {
            AddRecord(session, token, fact);
        }

        session.ReturnTokens(kept);
        session.ReturnTokens(removed);
        session.ReturnFacts(added);
        ((AggregateState)token.State!).LeftModified = true;
        session.MarkDirty(this, token);
    }

    public override void RetractLeft(Session session, Token token)
    {
        Memory(session).RemoveLeft(token);
        token.Flags |= TokenFlags.Dead;
        var record = token.FirstChild;
        token.FirstChild = null;
        while (record is not null)
        {
            var next = record.NextSibling;
            record.NextSibling = null;
            record.PrevSibling = null;
            record.Fact!.UnlinkToken(record);
            record.Flags |= TokenFlags.Dead;
            record = next;
        }

        if (token.State is AggregateState state)
        {
            token.State = null;
            foreach (var output in state.Outputs)
            {
                output.Token.Flags |= TokenFlags.Dead;
                Child!.RetractLeft(session, output.Token);
            }
        }
    }

    public override void AssertRight(Session session, Fact fact)
    {
        var memory = Memory(session);
        var entry = memory.AddRight(session, fact);
        var candidates = memory.LeftCandidates(entry);
        for (var token = candidates?.Head; token is not null; token = token.Next)
        {
            if (Matches(session, token, fact))
            {
                AddRecord(session, token, fact);
                session.MarkDirty(this, token);
            }
        }
    }

    public override void ModifyRight(Session session, Fact fact)
    {
        var memory = Memory(session);
        var entry = fact.FindEntry(this);
        if (entry is null)
        {
            return;
        }

        var kept = session.RentTokens();
        var removed = session.RentTokens();
        var addedParents = session.RentTokens();
        ReevaluateRight(session, memory, entry, kept, removed, addedParents);
        foreach (var record in kept)
        {
            ((AggregateState)record.Parent!.State!).SourceUpdated = true;
            session.MarkDirty(this, record.Parent);
        }

        foreach (var record in removed)
        {
            var parent = record.Parent!;
            RemoveRecord(record);
            session.MarkDirty(this, parent);
        }

        foreach (var parent in addedParents)
        {
            AddRecord(session, parent, fact);
            session.MarkDirty(this, parent);
        }

        session.ReturnTokens(kept);
        session.ReturnTokens(removed);
        session.ReturnTokens(addedParents);
    }

    public override void RetractRight(Session session, Fact fact)
    {
        var memory = Memory(session);
        var entry = fact.FindEntry(this);
        if (entry is null)
        {
            return;
        }

        memory.RemoveRight(entry);
        var records = session.RentTokens();
        CollectRecords(fact, records);
        foreach (var record in records)
        {
            if (record.IsDead)
            {
                continue;
            }

            var parent = record.Parent!;
            RemoveRecord(record);
            session.MarkDirty(this, parent);
        }

        session.ReturnTokens(records);
    }

    /// <summary>Recomputes the query for a dirty token and propagates the difference.</summary>
    public void Flush(Session session, Token token)
    {
        token.Flags &= ~TokenFlags.Dirty;
        if (token.IsDead || token.State is not AggregateState state)
        {
            return;
        }

        var elements = new List<object?>();
        var sources = new List<Fact>();
        for (var record = token.FirstChild; record is not null; record = record.NextSibling)
        {
            if (ReferenceEquals(record.Owner, this))
            {
                sources.Add(record.Fact!);
            }
        }

        // Results follow working-memory order, so they do not depend on the history of updates.
        sources.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
        foreach (var source in sources)
        {
            elements.Add(source.Object);
        }

        var results = elements;
        foreach (var operation in operations)
        {
            results = operation.Apply(session, this, token, results);
        }

        var forceModify = state.LeftModified || state.SourceUpdated;
        state.LeftModified = false;
        state.SourceUpdated = false;
        if (IsCollect)
        {
            var value = results[0];
            if (state.Outputs.Count == 0)
            {
                Emit(session, token, state, value);
            }
            else
            {
                var output = state.Outputs[0];
                output.Value = value;
                output.Token.Fact!.Object = value;
                Child!.ModifyLeft(session, output.Token);
            }

            return;
        }

        Reconcile(session, token, state, results, forceModify);
    }

    private void Reconcile(Session session, Token token, AggregateState state, List<object?> results, bool forceModify)
    {
        var previous = state.Outputs;
        var used = new bool[previous.Count];
        var next = new List<AggregateOutput>(results.Count);
        var toModify = new List<AggregateOutput>();
        var toAdd = new List<object?>();
        foreach (var value in results)
        {
            var matched = -1;
            for (var i = 0; i < previous.Count; i++)
            {
                if (!used[i] && SameResult(previous[i].Value, value))
                {
                    matched = i;
                    break;
                }
            }

            if (matched < 0)
            {
                toAdd.Add(value);
                continue;
            }

            used[matched] = true;
            var output = previous[matched];
            var changed = forceModify || !ReferenceEquals(output.Value, value) && !SameContents(output.Value, value);
            output.Value = value;
            output.Token.Fact!.Object = value;
            next.Add(output);
            if (changed)
            {
                toModify.Add(output);
            }
        }

        state.Outputs = next;
        for (var i = 0; i < previous.Count; i++)
        {
            if (!used[i])
            {
                previous[i].Token.Flags |= TokenFlags.Dead;
                Child!.RetractLeft(session, previous[i].Token);
            }
        }

        foreach (var output in toModify)
        {
            Child!.ModifyLeft(session, output.Token);
        }

        foreach (var value in toAdd)
        {
            Emit(session, token, state, value);
        }
    }

    private void Emit(Session session, Token token, AggregateState state, object? value)
    {
        var output = new AggregateOutput(value, session.NewToken(token, session.NewFact(value, synthetic: true), this));
        state.Outputs.Add(output);
        Child!.AssertLeft(session, output.Token);
    }

    private static bool SameResult(object? a, object? b) => (a, b) switch
    {
        (IResultGrouping x, IResultGrouping y) => Equals(x.KeyObject, y.KeyObject),
        _ => Equals(a, b),
    };

    private static bool SameContents(object? a, object? b)
    {
        if (a is IResultGrouping x && b is IResultGrouping y)
        {
            var left = x.Items;
            var right = y.Items;
            if (left.Count != right.Count)
            {
                return false;
            }

            for (var i = 0; i < left.Count; i++)
            {
                if (!ReferenceEquals(left[i], right[i]))
                {
                    return false;
                }
            }

            return true;
        }

        return false;
    }

    public override string ToString() => $"Query#{Id}";

    private sealed class AggregateState
    {
        public List<AggregateOutput> Outputs = [];
        public bool LeftModified;
        public bool SourceUpdated;
    }

    private sealed class AggregateOutput(object? value, Token token)
    {
        public object? Value = value;
        public readonly Token Token = token;
    }
}

/// <summary>One compiled query operation.</summary>
internal abstract class QueryOperationPlan(string expression)
{
    public string Expression { get; } = expression;

    public abstract List<object?> Apply(Session session, ReteNode node, Token token, List<object?> input);
}

internal sealed class WherePlan(Func<Token, object?, bool>[] predicates, string[] expressions) : QueryOperationPlan(string.Join(" && ", expressions))
{
    public override List<object?> Apply(Session session, ReteNode node, Token token, List<object?> input)
    {
        var output = new List<object?>(input.Count);
        foreach (var item in input)
        {
            var keep = true;
            for (var i = 0; i < predicates.Length && keep; i++)
            {
                try
                {
                    keep = predicates[i](token, item);
                }
                catch (Exception ex)
                {
                    session.OnLhsError(node, expressions[i], ex, token, null);
                    keep = false;
                }
            }

            if (keep)
            {
                output.Add(item);
            }
        }

        return output;
    }
}

internal sealed class SelectPlan(Func<Token, object?, object?> selector, string expression) : QueryOperationPlan(expression)
{
    public override List<object?> Apply(Session session, ReteNode node, Token token, List<object?> input)
    {
        var output = new List<object?>(input.Count);
        foreach (var item in input)
        {
            try
            {
                output.Add(selector(token, item));
            }
            catch (Exception ex)
            {
                session.OnLhsError(node, Expression, ex, token, null);
            }
        }

        return output;
    }
}

internal sealed class SelectManyPlan(Func<Token, object?, IEnumerable?> selector, string expression) : QueryOperationPlan(expression)
{
    public override List<object?> Apply(Session session, ReteNode node, Token token, List<object?> input)
    {
        var output = new List<object?>(input.Count);
        foreach (var item in input)
        {
            IEnumerable? items;
            try
            {
                items = selector(token, item);
            }
            catch (Exception ex)
            {
                session.OnLhsError(node, Expression, ex, token, null);
                continue;
            }

            if (items is not null)
            {
                foreach (var element in items)
                {
                    output.Add(element);
                }
            }
        }

        return output;
    }
}

internal sealed class GroupByPlan(Func<Token, object?, object?> key, Func<Token, object?, object?> element, IResultFactory factory, string expression)
    : QueryOperationPlan(expression)
{
    private static readonly object NullKey = new();

    public override List<object?> Apply(Session session, ReteNode node, Token token, List<object?> input)
    {
        var groups = new Dictionary<object, (object? Key, List<object?> Items)>();
        var order = new List<object>();
        foreach (var item in input)
        {
            object? groupKey;
            object? value;
            try
            {
                groupKey = key(token, item);
                value = element(token, item);
            }
            catch (Exception ex)
            {
                session.OnLhsError(node, Expression, ex, token, null);
                continue;
            }

            var lookup = groupKey ?? NullKey;
            if (!groups.TryGetValue(lookup, out var group))
            {
                group = (groupKey, []);
                groups.Add(lookup, group);
                order.Add(lookup);
            }

            group.Items.Add(value);
        }

        var output = new List<object?>(order.Count);
        foreach (var lookup in order)
        {
            var group = groups[lookup];
            output.Add(factory.Create(group.Key, group.Items));
        }

        return output;
    }
}

internal sealed class CollectPlan(IResultFactory factory) : QueryOperationPlan("Collect()")
{
    public override List<object?> Apply(Session session, ReteNode node, Token token, List<object?> input) =>
        [factory.Create(null, input)];
}

internal interface IResultFactory
{
    object Create(object? key, List<object?> items);
}

internal interface IResultGrouping
{
    object? KeyObject { get; }

    IReadOnlyList<object?> Items { get; }
}

internal sealed class CollectionFactory<T> : IResultFactory
{
    public object Create(object? key, List<object?> items)
    {
        var array = new T[items.Count];
        for (var i = 0; i < array.Length; i++)
        {
            array[i] = (T)items[i]!;
        }

        return new ReadOnlyCollection<T>(array);
    }
}

internal sealed class GroupingFactory<TKey, TElement> : IResultFactory
{
    public object Create(object? key, List<object?> items)
    {
        var array = new TElement[items.Count];
        for (var i = 0; i < array.Length; i++)
        {
            array[i] = (TElement)items[i]!;
        }

        return new Grouping<TKey, TElement>((TKey)key!, array, items);
    }
}

/// <summary>A group produced by a query's GroupBy: its key and its elements, in working-memory order.</summary>
internal sealed class Grouping<TKey, TElement>(TKey key, TElement[] elements, List<object?> items) : IGrouping<TKey, TElement>, IReadOnlyList<TElement>, IResultGrouping
{
    public TKey Key { get; } = key;

    public int Count => elements.Length;

    public TElement this[int index] => elements[index];

    object? IResultGrouping.KeyObject => Key;

    IReadOnlyList<object?> IResultGrouping.Items => items;

    public IEnumerator<TElement> GetEnumerator() => ((IEnumerable<TElement>)elements).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => elements.GetEnumerator();

    public override string ToString() => $"{Key}: [{string.Join(", ", elements)}]";
}
