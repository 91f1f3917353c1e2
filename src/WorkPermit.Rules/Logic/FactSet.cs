using System.Numerics;

namespace WorkPermit.Rules;

/// <summary>A set of profile facts, as a 128-bit mask: copying and combining sets never allocates.</summary>
internal readonly struct FactSet : IEquatable<FactSet>
{
    private readonly ulong _low;
    private readonly ulong _high;

    private FactSet(ulong low, ulong high)
    {
        _low = low;
        _high = high;
    }

    public static FactSet Empty => default;

    public bool IsEmpty => (_low | _high) == 0;

    public int Count => BitOperations.PopCount(_low) + BitOperations.PopCount(_high);

    public static FactSet Of(FactId fact)
    {
        var index = (int)fact;
        return index < 64 ? new FactSet(1UL << index, 0) : new FactSet(0, 1UL << (index - 64));
    }

    public static FactSet Of(params ReadOnlySpan<FactId> facts)
    {
        var set = Empty;
        foreach (var fact in facts)
        {
            set |= Of(fact);
        }

        return set;
    }

    public bool Contains(FactId fact) => !(this & Of(fact)).IsEmpty;

    public static FactSet operator |(FactSet a, FactSet b) => new(a._low | b._low, a._high | b._high);

    public static FactSet operator &(FactSet a, FactSet b) => new(a._low & b._low, a._high & b._high);

    public FactSet Without(FactSet other) => new(_low & ~other._low, _high & ~other._high);

    public bool IsSubsetOf(FactSet other) => Without(other).IsEmpty;

    public IEnumerable<FactId> Facts()
    {
        for (var i = 0; i < 128; i++)
        {
            var bit = i < 64 ? (_low >> i) & 1 : (_high >> (i - 64)) & 1;
            if (bit != 0)
            {
                yield return (FactId)i;
            }
        }
    }

    public bool Equals(FactSet other) => _low == other._low && _high == other._high;

    public override bool Equals(object? obj) => obj is FactSet other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_low, _high);

    /// <summary>A cheap, unseeded 64-bit mix of the set, for tables that resolve collisions by equality.</summary>
    public ulong Mix => (_low * 0x9E3779B97F4A7C15UL) ^ (_high * 0xC2B2AE3D27D4EB4FUL);

    public static bool operator ==(FactSet a, FactSet b) => a.Equals(b);

    public static bool operator !=(FactSet a, FactSet b) => !a.Equals(b);

    public override string ToString() => string.Join(", ", Facts().Select(f => FactCatalog.Get(f).Path));
}
