using WorkPermit.Rules.Engine.Network;

namespace WorkPermit.Rules.Engine.Runtime;

/// <summary>
/// A partial match: a chain of facts, one element per step of a rule (Parent is the previous steps).
/// A token is made by one node (its <see cref="Owner"/>) and held by exactly one consumer, the owner's child:
/// the consumer's memory links (Next/Prev/Bucket) and <see cref="State"/> belong to that consumer. When the
/// consumer is a terminal node the token is the activation, and the links place it on the agenda.
/// </summary>
internal sealed class Token
{
    public Token(Token? parent, Fact? fact, ReteNode owner)
    {
        Parent = parent;
        Fact = fact;
        Owner = owner;
    }

    // Set once per use: a token is immutable in these three while it is in use, and a session reused through
    // Reset re-points a kept token here instead of allocating one (see Recycler).
    public Token? Parent;
    public Fact? Fact;
    public ReteNode Owner;

    // Tokens the consumer made from this one (join results, not/exists/aggregate match records).
    public Token? FirstChild;
    public Token? NextSibling;
    public Token? PrevSibling;

    // The list of tokens that carry the same right fact.
    public Token? NextForFact;
    public Token? PrevForFact;

    // The consumer's memory: a left-memory bucket, or the agenda.
    public Token? Next;
    public Token? Prev;
    public object? Bucket;

    /// <summary>Not/Exists: number of matching right facts.</summary>
    public int Count;

    public TokenFlags Flags;

    /// <summary>Activation order for activations; a scratch mark for tokens held by other nodes.</summary>
    public long Stamp;

    /// <summary>Consumer-specific state: the output token of not/exists/binding/filter nodes, aggregate state,
    /// or the linked facts of an activation.</summary>
    public object? State;

    /// <summary>The terminal node holding this token when it is an activation.</summary>
    public TerminalNode? Terminal => Owner.Child as TerminalNode;

    public bool IsDead => (Flags & TokenFlags.Dead) != 0;

    public void AddChild(Token child)
    {
        child.NextSibling = FirstChild;
        child.PrevSibling = null;
        if (FirstChild is not null)
        {
            FirstChild.PrevSibling = child;
        }

        FirstChild = child;
    }

    public void RemoveChild(Token child)
    {
        if (child.PrevSibling is not null)
        {
            child.PrevSibling.NextSibling = child.NextSibling;
        }
        else if (ReferenceEquals(FirstChild, child))
        {
            FirstChild = child.NextSibling;
        }

        if (child.NextSibling is not null)
        {
            child.NextSibling.PrevSibling = child.PrevSibling;
        }

        child.NextSibling = null;
        child.PrevSibling = null;
    }

    /// <summary>Forgets everything, so a reset session can use the token again and holds no fact of its last run.</summary>
    public void Recycle()
    {
        Parent = null;
        Fact = null;
        Owner = null!;
        FirstChild = null;
        NextSibling = null;
        PrevSibling = null;
        NextForFact = null;
        PrevForFact = null;
        Next = null;
        Prev = null;
        Bucket = null;
        Count = 0;
        Flags = TokenFlags.None;
        Stamp = 0;
        State = null;
    }

    public Token Ancestor(int levelsUp)
    {
        var token = this;
        for (var i = 0; i < levelsUp; i++)
        {
            token = token.Parent!;
        }

        return token;
    }
}

[Flags]
internal enum TokenFlags
{
    None = 0,
    Dead = 1,
    Activation = 2,
    InAgenda = 4,
    Fired = 8,
    Reactivated = 16,
    PendingUndo = 32,
    Dirty = 64,
}

/// <summary>A doubly linked list of tokens: a left-memory bucket or an agenda queue.</summary>
internal class TokenList
{
    public Token? Head;
    public Token? Tail;
    public int Count;

    public void Clear()
    {
        Head = null;
        Tail = null;
        Count = 0;
    }

    public void Add(Token token)
    {
        token.Bucket = this;
        token.Next = null;
        token.Prev = Tail;
        if (Tail is null)
        {
            Head = token;
        }
        else
        {
            Tail.Next = token;
        }

        Tail = token;
        Count++;
    }

    public void Remove(Token token)
    {
        if (token.Prev is null)
        {
            Head = token.Next;
        }
        else
        {
            token.Prev.Next = token.Next;
        }

        if (token.Next is null)
        {
            Tail = token.Prev;
        }
        else
        {
            token.Next.Prev = token.Prev;
        }

        token.Next = null;
        token.Prev = null;
        token.Bucket = null;
        Count--;
    }
}

internal sealed class TokenList<TKey>(TKey key) : TokenList
{
    /// <summary>The join key; re-set when a reset memory uses the list again for another key.</summary>
    public TKey Key = key;
}

/// <summary>A fact's place in one beta node's right memory.</summary>
internal sealed class RightEntry(Fact fact, ReteNode owner)
{
    // Fixed while the entry is in use; re-pointed when a reset session uses the entry again.
    public Fact Fact = fact;
    public ReteNode Owner = owner;
    public RightEntry? Next;
    public RightEntry? Prev;
    public FactList? Bucket;
    public RightEntry? NextForFact;

    public void Recycle()
    {
        Fact = null!;
        Owner = null!;
        Next = null;
        Prev = null;
        Bucket = null;
        NextForFact = null;
    }
}

internal class FactList
{
    public RightEntry? Head;
    public RightEntry? Tail;
    public int Count;

    public void Clear()
    {
        Head = null;
        Tail = null;
        Count = 0;
    }

    public void Add(RightEntry entry)
    {
        entry.Bucket = this;
        entry.Next = null;
        entry.Prev = Tail;
        if (Tail is null)
        {
            Head = entry;
        }
        else
        {
            Tail.Next = entry;
        }

        Tail = entry;
        Count++;
    }

    public void Remove(RightEntry entry)
    {
        if (entry.Prev is null)
        {
            Head = entry.Next;
        }
        else
        {
            entry.Prev.Next = entry.Next;
        }

        if (entry.Next is null)
        {
            Tail = entry.Prev;
        }
        else
        {
            entry.Next.Prev = entry.Prev;
        }

        entry.Next = null;
        entry.Prev = null;
        entry.Bucket = null;
        Count--;
    }
}

internal sealed class FactList<TKey>(TKey key) : FactList
{
    /// <summary>The join key; re-set when a reset memory uses the list again for another key.</summary>
    public TKey Key = key;
}
