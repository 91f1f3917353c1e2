using System.Runtime.CompilerServices;

namespace WorkPermit.Rules.Baseline;

/// <summary>The catalogue's three-valued connectives ("Evaluation conventions" of rules.md) and small helpers.</summary>
internal static class Three
{
    /// <summary>AND: no if any input is no, otherwise unknown if any is unknown, otherwise yes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tri And(Tri a, Tri b) =>
        a == Tri.No || b == Tri.No ? Tri.No : a == Tri.Unknown || b == Tri.Unknown ? Tri.Unknown : Tri.Yes;

    /// <summary>OR: yes if any input is yes, otherwise unknown if any is unknown, otherwise no.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tri Or(Tri a, Tri b) =>
        a == Tri.Yes || b == Tri.Yes ? Tri.Yes : a == Tri.Unknown || b == Tri.Unknown ? Tri.Unknown : Tri.No;

    /// <summary>NOT: swaps yes and no; unknown stays unknown.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tri Not(Tri a) => a switch
    {
        Tri.Yes => Tri.No,
        Tri.No => Tri.Yes,
        _ => Tri.Unknown,
    };

    /// <summary>A yes/no fact: unknown when missing (open world).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tri Of(bool? fact) => fact is { } value ? (value ? Tri.Yes : Tri.No) : Tri.Unknown;

    /// <summary>A known condition.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tri Of(bool condition) => condition ? Tri.Yes : Tri.No;

    /// <summary>Whether an enumeration fact has a value: unknown when the fact is missing.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tri Is<T>(T? fact, T value)
        where T : struct, Enum =>
        fact is { } known ? Of(EqualityComparer<T>.Default.Equals(known, value)) : Tri.Unknown;

    /// <summary>The bit of a value in a set of possible values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Bit(Tri value) => 1 << (int)value;

    /// <summary>The value a set of possible values settles to: the one value it holds, else unknown.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tri Settled(int possible) => possible switch
    {
        1 << (int)Tri.Yes => Tri.Yes,
        1 << (int)Tri.No => Tri.No,
        _ => Tri.Unknown,
    };
}
