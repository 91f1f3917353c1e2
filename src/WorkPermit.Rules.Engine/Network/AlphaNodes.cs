using System.Collections.Frozen;
using WorkPermit.Rules.Engine.Runtime;

namespace WorkPermit.Rules.Engine.Network;

/// <summary>A node of the alpha network: tests one fact at a time. Children are shared by every rule whose
/// conditions start with the same tests.</summary>
internal abstract class AlphaNode : ReteNode
{
    /// <summary>Children tested one by one.</summary>
    public List<SelectionNode> Children { get; } = [];

    /// <summary>Children of the form <c>x.Member == constant</c> on the same member, reached by one hash lookup.</summary>
    public AlphaDispatch[] Dispatches { get; set; } = [];

    public AlphaMemoryNode? Memory { get; set; }
}

/// <summary>
/// Hashed alpha dispatch: the children of one alpha node that compare the same member chain with different
/// constants (for example <c>f =&gt; f.RuleId == "GEN-02"</c>, <c>f =&gt; f.RuleId == "GEN-03"</c>...). The member is read
/// once and the matching child found by its value, instead of testing every child.
/// </summary>
internal sealed class AlphaDispatch(Func<object?, object?> keyOf, Dictionary<object, SelectionNode[]> byValue, string expression)
{
    public Func<object?, object?> KeyOf { get; } = keyOf;

    /// <summary>When every constant is a string (rule IDs, codes): the same children in a frozen ordinal dictionary,
    /// whose lookup hashes only the characters that tell the keys apart instead of the whole string.</summary>
    public FrozenDictionary<string, SelectionNode[]>? ByString { get; } = byValue.Keys.All(k => k is string)
        ? byValue.ToFrozenDictionary(p => (string)p.Key, p => p.Value, StringComparer.Ordinal)
        : null;

    /// <summary>The children by constant. Conditions written differently (<c>x.A == 1</c>, <c>1 == x.A</c>) are
    /// separate nodes with the same constant.</summary>
    public Dictionary<object, SelectionNode[]> ByValue { get; } = byValue;

    public string Expression { get; } = expression;

    public IEnumerable<SelectionNode> Members => ByValue.Values.SelectMany(v => v);
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

    /// <summary>For <c>x.Member == constant</c>: the member chain (as a lambda) and the constant, so the node can be hashed.</summary>
    public (System.Linq.Expressions.LambdaExpression Member, ExpressionKey MemberKey, object Value)? Equality { get; init; }

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
