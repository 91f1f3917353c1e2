using WorkPermit.Rules.Engine.Network;
using WorkPermit.Rules.Engine.RuleModel;

namespace WorkPermit.Rules.Engine.Runtime;

/// <summary>A fact's handle in one session: working-memory facts, and synthetic facts (Let values and query results)
/// that exist only inside the network.</summary>
internal sealed class Fact : IFact
{
    public Fact(object? value, bool synthetic)
    {
        Object = value;
        IsSynthetic = synthetic;
    }

    /// <summary>The current fact object; replaced by Update with a new instance of the same identity.</summary>
    public object? Object;

    public bool IsSynthetic;

    public bool Removed;

    /// <summary>Insertion order in working memory.</summary>
    public long Sequence;

    /// <summary>Head of the list of tokens that carry this fact as their right element (NextForFact / PrevForFact).</summary>
    public Token? Tokens;

    /// <summary>Right-memory entries of this fact (one per beta node holding it).</summary>
    public RightEntry? Entries;

    /// <summary>Alpha memories the fact is in: one AlphaMemoryNode, or an AlphaMemoryNode[] when several.</summary>
    public object? AlphaMemories;

    public int AlphaMemoryCount;

    /// <summary>Scratch mark for the network's two-phase updates.</summary>
    public long Mark;

    /// <summary>For a linked fact: the activation that owns it.</summary>
    public Token? SourceActivation;

    public Type Type => Object?.GetType() ?? typeof(object);

    /// <summary>Forgets everything, so a reset session can use the handle again and holds no object of its last run.</summary>
    public void Recycle()
    {
        Object = null;
        IsSynthetic = false;
        Removed = false;
        Sequence = 0;
        Tokens = null;
        Entries = null;
        AlphaMemories = null;
        AlphaMemoryCount = 0;
        Mark = 0;
        SourceActivation = null;
    }

    object? IFact.Value => Object;

    IMatch? IFact.Source => SourceActivation is { } activation ? activation.Terminal?.CreateMatch(activation) : null;

    public bool IsInAlphaMemory(AlphaMemoryNode memory)
    {
        if (AlphaMemoryCount == 0)
        {
            return false;
        }

        if (AlphaMemoryCount == 1)
        {
            return ReferenceEquals(AlphaMemories, memory);
        }

        var array = (AlphaMemoryNode[])AlphaMemories!;
        for (var i = 0; i < AlphaMemoryCount; i++)
        {
            if (ReferenceEquals(array[i], memory))
            {
                return true;
            }
        }

        return false;
    }

    public void AddAlphaMemory(AlphaMemoryNode memory)
    {
        if (AlphaMemoryCount == 0)
        {
            AlphaMemories = memory;
        }
        else if (AlphaMemoryCount == 1)
        {
            var array = new AlphaMemoryNode[4];
            array[0] = (AlphaMemoryNode)AlphaMemories!;
            array[1] = memory;
            AlphaMemories = array;
        }
        else
        {
            var array = (AlphaMemoryNode[])AlphaMemories!;
            if (AlphaMemoryCount == array.Length)
            {
                Array.Resize(ref array, array.Length * 2);
                AlphaMemories = array;
            }

            array[AlphaMemoryCount] = memory;
        }

        AlphaMemoryCount++;
    }

    public void RemoveAlphaMemory(AlphaMemoryNode memory)
    {
        if (AlphaMemoryCount == 1)
        {
            if (ReferenceEquals(AlphaMemories, memory))
            {
                AlphaMemories = null;
                AlphaMemoryCount = 0;
            }

            return;
        }

        var array = (AlphaMemoryNode[])AlphaMemories!;
        for (var i = 0; i < AlphaMemoryCount; i++)
        {
            if (ReferenceEquals(array[i], memory))
            {
                array[i] = array[AlphaMemoryCount - 1];
                array[AlphaMemoryCount - 1] = null!;
                AlphaMemoryCount--;
                if (AlphaMemoryCount == 1)
                {
                    // Back to the single-membership representation that GetAlphaMemory and IsInAlphaMemory expect.
                    AlphaMemories = array[0];
                }

                return;
            }
        }
    }

    public AlphaMemoryNode GetAlphaMemory(int index) =>
        AlphaMemoryCount == 1 ? (AlphaMemoryNode)AlphaMemories! : ((AlphaMemoryNode[])AlphaMemories!)[index];

    public RightEntry? FindEntry(ReteNode owner)
    {
        for (var entry = Entries; entry is not null; entry = entry.NextForFact)
        {
            if (ReferenceEquals(entry.Owner, owner))
            {
                return entry;
            }
        }

        return null;
    }

    public void LinkToken(Token token)
    {
        token.NextForFact = Tokens;
        token.PrevForFact = null;
        if (Tokens is not null)
        {
            Tokens.PrevForFact = token;
        }

        Tokens = token;
    }

    public void UnlinkToken(Token token)
    {
        if (token.PrevForFact is not null)
        {
            token.PrevForFact.NextForFact = token.NextForFact;
        }
        else if (ReferenceEquals(Tokens, token))
        {
            Tokens = token.NextForFact;
        }

        if (token.NextForFact is not null)
        {
            token.NextForFact.PrevForFact = token.PrevForFact;
        }

        token.NextForFact = null;
        token.PrevForFact = null;
    }

    public override string ToString() => Object?.ToString() ?? "null";
}
