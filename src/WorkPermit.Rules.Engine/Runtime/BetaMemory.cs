using WorkPermit.Rules.Engine.Network;

namespace WorkPermit.Rules.Engine.Runtime;

/// <summary>One session's memory of a binary node: the tokens from its parent (left) and the facts from its
/// alpha memory (right). The plain memory keeps one bucket on each side; <see cref="IndexedBetaMemory{TKey}"/>
/// hashes both sides on the node's equality join key.</summary>
internal class BetaMemory(BinaryNode node)
{
    private readonly TokenList _left = new();
    private readonly FactList _right = new();

    protected BinaryNode Node { get; } = node;

    public virtual void AddLeft(Session session, Token token) => _left.Add(token);

    public virtual void RemoveLeft(Token token) => ((TokenList)token.Bucket!).Remove(token);

    /// <summary>Moves a modified token to the bucket of its new key.</summary>
    public virtual void RekeyLeft(Session session, Token token)
    {
    }

    public virtual RightEntry AddRight(Session session, Fact fact)
    {
        var entry = session.NewEntry(fact, Node);
        entry.NextForFact = fact.Entries;
        fact.Entries = entry;
        _right.Add(entry);
        return entry;
    }

    /// <summary>Empties the memory for a session reset; the tokens and entries it held are cleared by their recyclers.</summary>
    public virtual void Clear()
    {
        _left.Clear();
        _right.Clear();
    }

    public void RemoveRight(RightEntry entry)
    {
        var fact = entry.Fact;
        if (ReferenceEquals(fact.Entries, entry))
        {
            fact.Entries = entry.NextForFact;
        }
        else
        {
            for (var previous = fact.Entries; previous is not null; previous = previous.NextForFact)
            {
                if (ReferenceEquals(previous.NextForFact, entry))
                {
                    previous.NextForFact = entry.NextForFact;
                    break;
                }
            }
        }

        entry.NextForFact = null;
        var bucket = entry.Bucket!;
        bucket.Remove(entry);
        OnRightBucketEmptied(bucket);
    }

    public virtual void RekeyRight(Session session, RightEntry entry)
    {
    }

    /// <summary>The tokens a right fact may join with.</summary>
    public virtual TokenList? LeftCandidates(RightEntry entry) => _left;

    /// <summary>The facts a left token may join with.</summary>
    public virtual FactList? RightCandidates(Token token) => _right;

    /// <summary>Whether a token and a fact are in buckets of equal keys.</summary>
    public virtual bool SameKey(Token token, RightEntry entry) => true;

    protected virtual void OnRightBucketEmptied(FactList bucket)
    {
    }
}

internal sealed class IndexedBetaMemory<TKey>(BinaryNode node, JoinKey<TKey> key) : BetaMemory(node)
    where TKey : notnull
{
    private readonly Dictionary<TKey, TokenList<TKey>> _left = new(key.Comparer);
    private readonly Dictionary<TKey, FactList<TKey>> _right = new(key.Comparer);
    private readonly TokenList _leftNull = new();
    private readonly FactList _rightNull = new();

    // Tokens and facts whose key could not be computed (a handled exception): they join with nothing.
    private readonly TokenList _leftFailed = new();
    private readonly FactList _rightFailed = new();

    // Bucket lists of a run before the last reset, for use again under any key.
    private Stack<TokenList<TKey>>? _spareLeft;
    private Stack<FactList<TKey>>? _spareRight;

    public override void AddLeft(Session session, Token token) => LeftBucket(session, token).Add(token);

    public override void RemoveLeft(Token token)
    {
        var bucket = (TokenList)token.Bucket!;
        bucket.Remove(token);
        if (bucket.Count == 0 && bucket is TokenList<TKey> keyed)
        {
            _left.Remove(keyed.Key);
        }
    }

    public override void RekeyLeft(Session session, Token token)
    {
        var (ok, value, isNull) = ComputeLeft(session, token);
        var current = (TokenList)token.Bucket!;
        if (ok && !isNull && current is TokenList<TKey> keyed && key.Comparer.Equals(keyed.Key, value!))
        {
            return;
        }

        if (ok && isNull && ReferenceEquals(current, _leftNull))
        {
            return;
        }

        RemoveLeft(token);
        Bucket(ok, value, isNull).Add(token);
    }

    public override RightEntry AddRight(Session session, Fact fact)
    {
        var entry = session.NewEntry(fact, Node);
        entry.NextForFact = fact.Entries;
        fact.Entries = entry;
        RightBucket(session, fact).Add(entry);
        return entry;
    }

    public override void Clear()
    {
        // Each key's bucket list is kept for the next run: a reset session meets the same keys again.
        // A spare list forgets its key too: a key can be an object from a fact, which a reset session must not keep alive.
        foreach (var bucket in _left.Values)
        {
            bucket.Clear();
            bucket.Key = default!;
            (_spareLeft ??= []).Push(bucket);
        }

        foreach (var bucket in _right.Values)
        {
            bucket.Clear();
            bucket.Key = default!;
            (_spareRight ??= []).Push(bucket);
        }

        _left.Clear();
        _right.Clear();
        _leftNull.Clear();
        _rightNull.Clear();
        _leftFailed.Clear();
        _rightFailed.Clear();
    }

    public override void RekeyRight(Session session, RightEntry entry)
    {
        var (ok, value, isNull) = ComputeRight(session, entry.Fact);
        var current = entry.Bucket!;
        if (ok && !isNull && current is FactList<TKey> keyed && key.Comparer.Equals(keyed.Key, value!))
        {
            return;
        }

        if (ok && isNull && ReferenceEquals(current, _rightNull))
        {
            return;
        }

        current.Remove(entry);
        OnRightBucketEmptied(current);
        RightBucket(ok, value, isNull).Add(entry);
    }

    public override TokenList? LeftCandidates(RightEntry entry) => entry.Bucket switch
    {
        FactList<TKey> keyed => _left.GetValueOrDefault(keyed.Key),
        var bucket when ReferenceEquals(bucket, _rightNull) => _leftNull,
        _ => null,
    };

    public override FactList? RightCandidates(Token token) => token.Bucket switch
    {
        TokenList<TKey> keyed => _right.GetValueOrDefault(keyed.Key),
        var bucket when ReferenceEquals(bucket, _leftNull) => _rightNull,
        _ => null,
    };

    public override bool SameKey(Token token, RightEntry entry) => (token.Bucket, entry.Bucket) switch
    {
        (TokenList<TKey> left, FactList<TKey> right) => key.Comparer.Equals(left.Key, right.Key),
        (var left, var right) => ReferenceEquals(left, _leftNull) && ReferenceEquals(right, _rightNull),
    };

    protected override void OnRightBucketEmptied(FactList bucket)
    {
        if (bucket.Count == 0 && bucket is FactList<TKey> keyed)
        {
            _right.Remove(keyed.Key);
        }
    }

    private TokenList LeftBucket(Session session, Token token)
    {
        var (ok, value, isNull) = ComputeLeft(session, token);
        return Bucket(ok, value, isNull);
    }

    private TokenList Bucket(bool ok, TKey? value, bool isNull)
    {
        if (!ok)
        {
            return _leftFailed;
        }

        if (isNull)
        {
            return _leftNull;
        }

        if (!_left.TryGetValue(value!, out var bucket))
        {
            if (_spareLeft is not null && _spareLeft.TryPop(out bucket))
            {
                bucket.Key = value!;
            }
            else
            {
                bucket = new TokenList<TKey>(value!);
            }

            _left.Add(value!, bucket);
        }

        return bucket;
    }

    private FactList RightBucket(Session session, Fact fact)
    {
        var (ok, value, isNull) = ComputeRight(session, fact);
        return RightBucket(ok, value, isNull);
    }

    private FactList RightBucket(bool ok, TKey? value, bool isNull)
    {
        if (!ok)
        {
            return _rightFailed;
        }

        if (isNull)
        {
            return _rightNull;
        }

        if (!_right.TryGetValue(value!, out var bucket))
        {
            if (_spareRight is not null && _spareRight.TryPop(out bucket))
            {
                bucket.Key = value!;
            }
            else
            {
                bucket = new FactList<TKey>(value!);
            }

            _right.Add(value!, bucket);
        }

        return bucket;
    }

    private (bool Ok, TKey? Value, bool IsNull) ComputeLeft(Session session, Token token)
    {
        try
        {
            var value = key.Left(token);
            return (true, value, value is null);
        }
        catch (Exception ex)
        {
            session.OnLhsError(Node, key.LeftExpression, ex, token, null);
            return (false, default, false);
        }
    }

    private (bool Ok, TKey? Value, bool IsNull) ComputeRight(Session session, Fact fact)
    {
        try
        {
            var value = key.Right(fact.Object);
            return (true, value, value is null);
        }
        catch (Exception ex)
        {
            session.OnLhsError(Node, key.RightExpression, ex, null, fact);
            return (false, default, false);
        }
    }
}

/// <summary>The compiled equality join key of a node: one side over the left token, one over the right fact.</summary>
internal sealed class JoinKey<TKey>(Func<Token, TKey> left, Func<object?, TKey> right, IEqualityComparer<TKey> comparer, string leftExpression, string rightExpression)
    : IJoinKey
    where TKey : notnull
{
    public Func<Token, TKey> Left { get; } = left;
    public Func<object?, TKey> Right { get; } = right;
    public IEqualityComparer<TKey> Comparer { get; } = comparer;
    public string LeftExpression { get; } = leftExpression;
    public string RightExpression { get; } = rightExpression;

    public BetaMemory CreateMemory(BinaryNode node) => new IndexedBetaMemory<TKey>(node, this);
}

internal interface IJoinKey
{
    string LeftExpression { get; }
    string RightExpression { get; }

    BetaMemory CreateMemory(BinaryNode node);
}
