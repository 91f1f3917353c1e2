namespace WorkPermit.Rules;

/// <summary>
/// A three-valued result together with the facts whose answer could change it while it is unknown.
/// The operators follow the catalogue's conventions: AND is no if any input is no, else unknown if any is
/// unknown, else yes; OR is yes if any input is yes, else unknown if any is unknown, else no. A result that is
/// settled carries no missing facts; an unknown result carries the missing facts of its unknown inputs, and
/// every one of them can settle it.
/// </summary>
internal readonly record struct Verdict(Tri Value, FactSet Missing)
{
    public static Verdict Yes => new(Tri.Yes, FactSet.Empty);

    public static Verdict No => new(Tri.No, FactSet.Empty);

    public static Verdict Unknown(FactId missing) => new(Tri.Unknown, FactSet.Of(missing));

    public static Verdict Unknown(FactSet missing) => new(Tri.Unknown, missing);

    public static Verdict Of(bool value) => value ? Yes : No;

    public bool IsYes => Value == Tri.Yes;

    public bool IsNo => Value == Tri.No;

    public bool IsUnknown => Value == Tri.Unknown;

    public static Verdict operator &(Verdict a, Verdict b)
    {
        if (a.IsNo || b.IsNo)
        {
            return No;
        }

        if (a.IsUnknown || b.IsUnknown)
        {
            return new Verdict(Tri.Unknown, (a.IsUnknown ? a.Missing : FactSet.Empty) | (b.IsUnknown ? b.Missing : FactSet.Empty));
        }

        return Yes;
    }

    public static Verdict operator |(Verdict a, Verdict b)
    {
        if (a.IsYes || b.IsYes)
        {
            return Yes;
        }

        if (a.IsUnknown || b.IsUnknown)
        {
            return new Verdict(Tri.Unknown, (a.IsUnknown ? a.Missing : FactSet.Empty) | (b.IsUnknown ? b.Missing : FactSet.Empty));
        }

        return No;
    }

    public static Verdict operator !(Verdict a) => a.Value switch
    {
        Tri.Yes => No,
        Tri.No => Yes,
        _ => a,
    };

    // 'true' and 'false' operators let C#'s && and || short-circuit on settled values.
    public static bool operator true(Verdict a) => a.IsYes;

    public static bool operator false(Verdict a) => a.IsNo;

    public static Verdict All(params ReadOnlySpan<Verdict> verdicts)
    {
        var result = Yes;
        foreach (var verdict in verdicts)
        {
            result &= verdict;
        }

        return result;
    }

    public static Verdict Any(params ReadOnlySpan<Verdict> verdicts)
    {
        var result = No;
        foreach (var verdict in verdicts)
        {
            result |= verdict;
        }

        return result;
    }

    public override string ToString() => IsUnknown ? $"unknown (missing {Missing})" : Value.ToString().ToLowerInvariant();
}

/// <summary>Reads profile facts as verdicts: a null fact is unknown and names itself as missing.</summary>
internal static class Is
{
    public static Verdict True(bool? value, FactId fact) => value is { } v ? Verdict.Of(v) : Verdict.Unknown(fact);

    public static Verdict False(bool? value, FactId fact) => value is { } v ? Verdict.Of(!v) : Verdict.Unknown(fact);

    public static Verdict Equal<T>(T? value, T expected, FactId fact)
        where T : struct, Enum =>
        value is { } v ? Verdict.Of(EqualityComparer<T>.Default.Equals(v, expected)) : Verdict.Unknown(fact);

    public static Verdict In<T>(T? value, FactId fact, params ReadOnlySpan<T> options)
        where T : struct, Enum
    {
        if (value is not { } v)
        {
            return Verdict.Unknown(fact);
        }

        foreach (var option in options)
        {
            if (EqualityComparer<T>.Default.Equals(v, option))
            {
                return Verdict.Yes;
            }
        }

        return Verdict.No;
    }

    public static Verdict OnOrAfter(DateOnly? value, DateOnly threshold, FactId fact) =>
        value is { } v ? Verdict.Of(v >= threshold) : Verdict.Unknown(fact);
}
