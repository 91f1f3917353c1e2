using WorkPermit.Rules.Engine.RuleModel;

namespace WorkPermit.Rules.Engine.Runtime;

/// <summary>Decides whether two objects are the same fact: the comparer registered for the type, else the
/// identity of an <see cref="IIdentityProvider"/>, else <see cref="object.Equals(object?)"/>. Objects of
/// different runtime types are never the same fact.</summary>
internal sealed class FactIdentityComparer(IReadOnlyDictionary<Type, IEqualityComparer<object>> comparers) : IEqualityComparer<object>
{
    private readonly IReadOnlyDictionary<Type, IEqualityComparer<object>>? _comparers = comparers.Count == 0 ? null : comparers;

    public new bool Equals(object? x, object? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is null || y is null || x.GetType() != y.GetType())
        {
            return false;
        }

        if (_comparers is not null && _comparers.TryGetValue(x.GetType(), out var comparer))
        {
            return comparer.Equals(x, y);
        }

        if (x is IIdentityProvider px)
        {
            return object.Equals(px.GetIdentity(), ((IIdentityProvider)y).GetIdentity());
        }

        return x.Equals(y);
    }

    public int GetHashCode(object obj)
    {
        if (_comparers is not null && _comparers.TryGetValue(obj.GetType(), out var comparer))
        {
            return comparer.GetHashCode(obj);
        }

        return obj is IIdentityProvider provider ? provider.GetIdentity()?.GetHashCode() ?? 0 : obj.GetHashCode();
    }
}
