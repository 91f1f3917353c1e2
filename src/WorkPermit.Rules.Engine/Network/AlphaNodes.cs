using WorkPermit.Rules.Engine.Runtime;

namespace WorkPermit.Rules.Engine.Network;

/// <summary>A node of the alpha network: tests one fact at a time. Children are shared by every rule whose
/// conditions start with the same tests.</summary>
internal abstract class AlphaNode : ReteNode
{
    public List<SelectionNode> Children { get; } = [];

    public AlphaMemoryNode? Memory { get; set; }
}

/// <summary>The entry of the alpha network for one fact type (a fact goes to every type node its type is assignable to).</summary>
internal sealed class TypeNode(Type factType) : AlphaNode
{
    public Type FactType { get; } = factType;

    public override string ToString() => $"Type({FactType.Name})";
}

/// <summary>One single-fact condition.</summary>
internal sealed class SelectionNode(AlphaCondition condition, ExpressionKey key) : AlphaNode
{
    public AlphaCondition Condition { get; } = condition;

    /// <summary>The structural identity of the condition, used to share the node.</summary>
    public ExpressionKey Key { get; } = key;

    public bool Test(Session session, Fact fact)
    {
        try
        {
            return Condition.Test(fact.Object);
        }
        catch (Exception ex)
        {
            session.OnLhsError(this, Condition.Expression, ex, null, fact);
            return false;
        }
    }

    public override string ToString() => $"Select({Condition.Expression})";
}

/// <summary>The facts that passed an alpha path; it holds no facts itself (each fact records its memberships)
/// and forwards changes to its sinks, the beta nodes that take these facts as their right input.</summary>
internal sealed class AlphaMemoryNode : ReteNode
{
    public List<ReteNode> Sinks { get; } = [];

    public override string ToString() => $"AlphaMemory#{Id}";
}
