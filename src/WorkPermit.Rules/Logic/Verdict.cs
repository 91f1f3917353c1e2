namespace WorkPermit.Rules;

/// <summary>
/// A three-valued result, and while it is unknown, the facts whose answer alone could settle it: those that can
/// make it yes (<see cref="ToYes"/>) and those that can make it no (<see cref="ToNo"/>). The operators follow the
/// catalogue's conventions (AND is no if any input is no, else unknown if any is unknown, else yes; OR is the dual)
/// and keep the two sets exact for independent facts: a conjunction can be made no by any unknown input going no,
/// but made yes by one fact only if that fact settles every unknown input.
/// </summary>
internal readonly record struct Verdict(Tri Value, FactSet ToYes, FactSet ToNo)
{
    public static Verdict Yes => new(Tri.Yes, FactSet.Empty, FactSet.Empty);

    public static Verdict No => new(Tri.No, FactSet.Empty, FactSet.Empty);

    public static Verdict Unknown(FactId missing) => Unknown(FactSet.Of(missing));

    public static Verdict Unknown(FactSet missing) => new(Tri.Unknown, missing, missing);

    public static Verdict Unknown(FactSet toYes, FactSet toNo) => new(Tri.Unknown, toYes, toNo);

    public static Verdict Of(bool value) => value ? Yes : No;

    /// <summary>Every fact whose answer could settle the result.</summary>
    public FactSet Missing => ToYes | ToNo;

    public bool IsYes => Value == Tri.Yes;

    public bool IsNo => Value == Tri.No;

    public bool IsUnknown => Value == Tri.Unknown;

    public static Verdict operator &(Verdict a, Verdict b)
    {
        if (a.IsNo || b.IsNo)
        {
            return No;
        }

        if (a.IsUnknown && b.IsUnknown)
        {
            return new Verdict(Tri.Unknown, a.ToYes & b.ToYes, a.ToNo | b.ToNo);
        }

        return a.IsUnknown ? a : b;
    }

    public static Verdict operator |(Verdict a, Verdict b)
    {
        if (a.IsYes || b.IsYes)
        {
            return Yes;
        }

        if (a.IsUnknown && b.IsUnknown)
        {
            return new Verdict(Tri.Unknown, a.ToYes | b.ToYes, a.ToNo & b.ToNo);
        }

        return a.IsUnknown ? a : b;
    }

    public static Verdict operator !(Verdict a) => a.Value switch
    {
        Tri.Yes => No,
        Tri.No => Yes,
        _ => new Verdict(Tri.Unknown, a.ToNo, a.ToYes),
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
