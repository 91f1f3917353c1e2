namespace WorkPermit.Rules.Engine.Runtime;

/// <summary>
/// Activations waiting to fire: one FIFO queue per distinct rule priority, highest first. Activation order
/// within a priority is the order activations arose (a re-activated match joins the back of its queue).
/// Every operation is O(1) except picking the queue, which is O(number of distinct priorities).
/// </summary>
internal sealed class Agenda(int ranks)
{
    private readonly TokenList?[] _queues = new TokenList?[Math.Max(ranks, 1)];
    private long _sequence;

    public int Count { get; private set; }

    public void Enqueue(Token token, int rank)
    {
        token.Stamp = ++_sequence;
        (_queues[rank] ??= new TokenList()).Add(token);
        token.Flags |= TokenFlags.InAgenda;
        Count++;
    }

    public void Remove(Token token)
    {
        ((TokenList)token.Bucket!).Remove(token);
        token.Flags &= ~TokenFlags.InAgenda;
        Count--;
    }

    /// <summary>Drops every activation without firing it (a session reset), keeping the queues.</summary>
    public void Clear()
    {
        foreach (var queue in _queues)
        {
            queue?.Clear();
        }

        Count = 0;
        _sequence = 0;
    }

    public Token? Dequeue()
    {
        if (Count == 0)
        {
            return null;
        }

        foreach (var queue in _queues)
        {
            if (queue?.Head is { } token)
            {
                Remove(token);
                return token;
            }
        }

        return null;
    }
}
