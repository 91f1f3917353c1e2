using WorkPermit.Rules.Engine.Runtime;

namespace WorkPermit.Rules.Engine.Network;

/// <summary>Holds the single root token for rules whose first element is not a plain pattern.</summary>
internal sealed class RootNode : ReteNode
{
    public List<ReteNode> Children { get; } = [];
}

/// <summary>Turns the facts of an alpha memory into one-fact tokens: the first pattern of a rule.</summary>
internal sealed class AlphaAdapterNode : ReteNode
{
    public override void AssertRight(Session session, Fact fact)
    {
        var token = session.NewToken(null, fact, this);
        fact.LinkToken(token);
        Child!.AssertLeft(session, token);
    }

    public override void ModifyRight(Session session, Fact fact)
    {
        var token = Find(fact);
        if (token is not null)
        {
            Child!.ModifyLeft(session, token);
        }
    }

    public override void RetractRight(Session session, Fact fact)
    {
        var token = Find(fact);
        if (token is not null)
        {
            fact.UnlinkToken(token);
            token.Flags |= TokenFlags.Dead;
            Child!.RetractLeft(session, token);
        }
    }

    private Token? Find(Fact fact)
    {
        for (var token = fact.Tokens; token is not null; token = token.NextForFact)
        {
            if (ReferenceEquals(token.Owner, this))
            {
                return token;
            }
        }

        return null;
    }

    public override string ToString() => $"Adapter#{Id}";
}

/// <summary>A node with two inputs: tokens from its parent on the left, facts from an alpha memory on the right.
/// Equality join conditions are hashed (<see cref="Key"/>); the rest are tested pair by pair.</summary>
internal abstract class BinaryNode : ReteNode
{
    public BetaCondition[] Conditions { get; set; } = [];

    public IJoinKey? Key { get; set; }

    public BetaMemory Memory(Session session)
    {
        var memories = session.Memories;
        return (BetaMemory)(memories[MemoryIndex] ??= Key?.CreateMemory(this) ?? new BetaMemory(this));
    }

    public bool Matches(Session session, Token token, Fact fact)
    {
        var conditions = Conditions;
        for (var i = 0; i < conditions.Length; i++)
        {
            bool passed;
            try
            {
                passed = conditions[i].Test(token, fact.Object);
            }
            catch (Exception ex)
            {
                session.OnLhsError(this, conditions[i].Expression, ex, token, fact);
                passed = false;
            }

            if (!passed)
            {
                return false;
            }
        }

        return true;
    }

    protected static void RemoveRecord(Token record)
    {
        record.Parent!.RemoveChild(record);
        record.Fact!.UnlinkToken(record);
        record.Flags |= TokenFlags.Dead;
    }

    protected Token AddRecord(Session session, Token parent, Fact fact)
    {
        var record = session.NewToken(parent, fact, this);
        parent.AddChild(record);
        fact.LinkToken(record);
        return record;
    }

    /// <summary>Collects this node's tokens that carry <paramref name="fact"/>.</summary>
    protected void CollectRecords(Fact fact, List<Token> into)
    {
        for (var token = fact.Tokens; token is not null; token = token.NextForFact)
        {
            if (ReferenceEquals(token.Owner, this))
            {
                into.Add(token);
            }
        }
    }

    /// <summary>
    /// Re-evaluates a modified left token against the right memory, in phases that do not propagate,
    /// so that the scratch marks stay valid: returns the records kept, removed and to add.
    /// </summary>
    protected void ReevaluateLeft(Session session, BetaMemory memory, Token token, List<Token> kept, List<Token> removed, List<Fact> added)
    {
        memory.RekeyLeft(session, token);
        var existing = session.NextStamp();
        var inBucket = session.NextStamp();
        for (var record = token.FirstChild; record is not null; record = record.NextSibling)
        {
            if (ReferenceEquals(record.Owner, this) && record.Fact is not null)
            {
                record.Fact.Mark = existing;
            }
        }

        var candidates = memory.RightCandidates(token);
        for (var entry = candidates?.Head; entry is not null; entry = entry.Next)
        {
            var fact = entry.Fact;
            if (fact.Mark == existing)
            {
                fact.Mark = inBucket;
            }
            else if (Matches(session, token, fact))
            {
                added.Add(fact);
            }
        }

        for (var record = token.FirstChild; record is not null; record = record.NextSibling)
        {
            if (!ReferenceEquals(record.Owner, this) || record.Fact is null)
            {
                continue;
            }

            if (record.Fact.Mark == inBucket && Matches(session, token, record.Fact))
            {
                kept.Add(record);
            }
            else
            {
                removed.Add(record);
            }
        }
    }

    /// <summary>Re-evaluates a modified right fact against the left memory, without propagating.</summary>
    protected void ReevaluateRight(Session session, BetaMemory memory, RightEntry entry, List<Token> kept, List<Token> removed, List<Token> addedParents)
    {
        var fact = entry.Fact;
        memory.RekeyRight(session, entry);
        var existing = session.NextStamp();
        var inBucket = session.NextStamp();
        var records = session.RentTokens();
        CollectRecords(fact, records);
        foreach (var record in records)
        {
            record.Parent!.Stamp = existing;
        }

        var candidates = memory.LeftCandidates(entry);
        for (var token = candidates?.Head; token is not null; token = token.Next)
        {
            if (token.Stamp == existing)
            {
                token.Stamp = inBucket;
            }
            else if (Matches(session, token, fact))
            {
                addedParents.Add(token);
            }
        }

        foreach (var record in records)
        {
            if (record.Parent!.Stamp == inBucket && Matches(session, record.Parent, fact))
            {
                kept.Add(record);
            }
            else
            {
                removed.Add(record);
            }
        }

        session.ReturnTokens(records);
    }
}

/// <summary>Joins each left token with each right fact that satisfies the join conditions.</summary>
internal sealed class JoinNode : BinaryNode
{
    public override void AssertLeft(Session session, Token token)
    {
        var memory = Memory(session);
        memory.AddLeft(session, token);
        var candidates = memory.RightCandidates(token);
        if (candidates is null || candidates.Count == 0)
        {
            return;
        }

        // Propagation only reaches nodes below this one, so the right memory cannot change while we walk it.
        for (var entry = candidates.Head; entry is not null; entry = entry.Next)
        {
            if (Matches(session, token, entry.Fact))
            {
                Child!.AssertLeft(session, AddRecord(session, token, entry.Fact));
            }
        }
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
            Child!.RetractLeft(session, record);
        }

        foreach (var record in kept)
        {
            Child!.ModifyLeft(session, record);
        }

        foreach (var fact in added)
        {
            Child!.AssertLeft(session, AddRecord(session, token, fact));
        }

        session.ReturnTokens(kept);
        session.ReturnTokens(removed);
        session.ReturnFacts(added);
    }

    public override void RetractLeft(Session session, Token token)
    {
        Memory(session).RemoveLeft(token);
        token.Flags |= TokenFlags.Dead;
        var child = token.FirstChild;
        token.FirstChild = null;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.NextSibling = null;
            child.PrevSibling = null;
            child.Fact!.UnlinkToken(child);
            child.Flags |= TokenFlags.Dead;
            Child!.RetractLeft(session, child);
            child = next;
        }
    }

    public override void AssertRight(Session session, Fact fact)
    {
        var memory = Memory(session);
        var entry = memory.AddRight(session, fact);
        var candidates = memory.LeftCandidates(entry);
        if (candidates is null || candidates.Count == 0)
        {
            return;
        }

        for (var token = candidates.Head; token is not null; token = token.Next)
        {
            if (Matches(session, token, fact))
            {
                Child!.AssertLeft(session, AddRecord(session, token, fact));
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
        foreach (var record in removed)
        {
            RemoveRecord(record);
            Child!.RetractLeft(session, record);
        }

        foreach (var record in kept)
        {
            Child!.ModifyLeft(session, record);
        }

        foreach (var parent in addedParents)
        {
            Child!.AssertLeft(session, AddRecord(session, parent, fact));
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

            RemoveRecord(record);
            Child!.RetractLeft(session, record);
        }

        session.ReturnTokens(records);
    }

    public override string ToString() => $"Join#{Id}";
}

/// <summary>Not and Exists: passes a left token on (as a new token with no fact) while the number of matching
/// right facts is zero (Not) or positive (Exists). Matches are kept as records, children of the left token.</summary>
internal sealed class QuantifierNode(bool isNot) : BinaryNode
{
    public bool IsNot { get; } = isNot;

    private bool Passes(Token token) => IsNot ? token.Count == 0 : token.Count > 0;

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
                token.Count++;
            }
        }

        if (Passes(token))
        {
            Emit(session, token);
        }
    }

    public override void ModifyLeft(Session session, Token token)
    {
        var memory = Memory(session);
        var kept = session.RentTokens();
        var removed = session.RentTokens();
        var added = session.RentFacts();
        var before = Passes(token);
        ReevaluateLeft(session, memory, token, kept, removed, added);
        foreach (var record in removed)
        {
            RemoveRecord(record);
            token.Count--;
        }

        foreach (var fact in added)
        {
            AddRecord(session, token, fact);
            token.Count++;
        }

        session.ReturnTokens(kept);
        session.ReturnTokens(removed);
        session.ReturnFacts(added);
        var after = Passes(token);
        if (before && after)
        {
            Child!.ModifyLeft(session, (Token)token.State!);
        }
        else if (before)
        {
            Withdraw(session, token);
        }
        else if (after)
        {
            Emit(session, token);
        }
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

        token.Count = 0;
        if (token.State is Token)
        {
            Withdraw(session, token);
        }
    }

    public override void AssertRight(Session session, Fact fact)
    {
        var memory = Memory(session);
        var entry = memory.AddRight(session, fact);
        var candidates = memory.LeftCandidates(entry);
        if (candidates is null || candidates.Count == 0)
        {
            return;
        }

        var changed = session.RentTokens();
        for (var token = candidates.Head; token is not null; token = token.Next)
        {
            if (Matches(session, token, fact))
            {
                AddRecord(session, token, fact);
                token.Count++;
                if (token.Count == 1)
                {
                    changed.Add(token);
                }
            }
        }

        foreach (var token in changed)
        {
            if (IsNot)
            {
                Withdraw(session, token);
            }
            else
            {
                Emit(session, token);
            }
        }

        session.ReturnTokens(changed);
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
        var changed = session.RentTokens();
        foreach (var record in removed)
        {
            var parent = record.Parent!;
            RemoveRecord(record);
            parent.Count--;
            if (parent.Count == 0)
            {
                changed.Add(parent);
            }
        }

        foreach (var parent in addedParents)
        {
            AddRecord(session, parent, fact);
            parent.Count++;
            if (parent.Count == 1)
            {
                changed.Add(parent);
            }
        }

        foreach (var token in changed)
        {
            var passes = Passes(token);
            var emitted = token.State is Token;
            if (passes && !emitted)
            {
                Emit(session, token);
            }
            else if (!passes && emitted)
            {
                Withdraw(session, token);
            }
        }

        session.ReturnTokens(changed);
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
        var changed = session.RentTokens();
        foreach (var record in records)
        {
            if (record.IsDead)
            {
                continue;
            }

            var parent = record.Parent!;
            RemoveRecord(record);
            parent.Count--;
            if (parent.Count == 0)
            {
                changed.Add(parent);
            }
        }

        foreach (var token in changed)
        {
            if (IsNot)
            {
                Emit(session, token);
            }
            else
            {
                Withdraw(session, token);
            }
        }

        session.ReturnTokens(changed);
        session.ReturnTokens(records);
    }

    private void Emit(Session session, Token token)
    {
        var output = session.NewToken(token, null, this);
        token.State = output;
        Child!.AssertLeft(session, output);
    }

    private void Withdraw(Session session, Token token)
    {
        var output = (Token)token.State!;
        token.State = null;
        output.Flags |= TokenFlags.Dead;
        Child!.RetractLeft(session, output);
    }

    public override string ToString() => $"{(IsNot ? "Not" : "Exists")}#{Id}";
}

/// <summary>Let: binds the value of an expression over the left token as a synthetic fact.</summary>
internal sealed class BindingNode(Func<Token, object?> compute, string expression) : ReteNode
{
    public string Expression { get; } = expression;

    public override void AssertLeft(Session session, Token token)
    {
        if (TryCompute(session, token, out var value))
        {
            var output = session.NewToken(token, session.NewFact(value, synthetic: true), this);
            token.State = output;
            Child!.AssertLeft(session, output);
        }
    }

    public override void ModifyLeft(Session session, Token token)
    {
        var output = token.State as Token;
        if (!TryCompute(session, token, out var value))
        {
            if (output is not null)
            {
                token.State = null;
                output.Flags |= TokenFlags.Dead;
                Child!.RetractLeft(session, output);
            }

            return;
        }

        if (output is null)
        {
            AssertLeft(session, token);
            return;
        }

        output.Fact!.Object = value;
        Child!.ModifyLeft(session, output);
    }

    public override void RetractLeft(Session session, Token token)
    {
        token.Flags |= TokenFlags.Dead;
        if (token.State is Token output)
        {
            token.State = null;
            output.Flags |= TokenFlags.Dead;
            Child!.RetractLeft(session, output);
        }
    }

    private bool TryCompute(Session session, Token token, out object? value)
    {
        try
        {
            value = compute(token);
            return true;
        }
        catch (Exception ex)
        {
            session.OnLhsError(this, Expression, ex, token, null);
            value = null;
            return false;
        }
    }

    public override string ToString() => $"Let#{Id}";
}

/// <summary>Having over a query result or a Let value: passes the tokens that satisfy its conditions.</summary>
internal sealed class FilterNode(Func<Token, bool>[] conditions, string[] expressions) : ReteNode
{
    public override void AssertLeft(Session session, Token token)
    {
        if (Passes(session, token))
        {
            var output = session.NewToken(token, null, this);
            token.State = output;
            Child!.AssertLeft(session, output);
        }
    }

    public override void ModifyLeft(Session session, Token token)
    {
        var passes = Passes(session, token);
        if (token.State is Token output)
        {
            if (passes)
            {
                Child!.ModifyLeft(session, output);
            }
            else
            {
                token.State = null;
                output.Flags |= TokenFlags.Dead;
                Child!.RetractLeft(session, output);
            }
        }
        else if (passes)
        {
            AssertLeft(session, token);
        }
    }

    public override void RetractLeft(Session session, Token token)
    {
        token.Flags |= TokenFlags.Dead;
        if (token.State is Token output)
        {
            token.State = null;
            output.Flags |= TokenFlags.Dead;
            Child!.RetractLeft(session, output);
        }
    }

    private bool Passes(Session session, Token token)
    {
        for (var i = 0; i < conditions.Length; i++)
        {
            bool passed;
            try
            {
                passed = conditions[i](token);
            }
            catch (Exception ex)
            {
                session.OnLhsError(this, expressions[i], ex, token, null);
                passed = false;
            }

            if (!passed)
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() => $"Filter#{Id}";
}
