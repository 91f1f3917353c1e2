namespace WorkPermit.Rules;

/// <summary>
/// The dates the rules can reason about (LIB-29): 1900-01-01 to 2199-12-31. A profile date outside is a problem; a
/// clock outside is clamped into the range. Every rule's arithmetic (at most a year back, a year forward, a few days)
/// stays within the calendar for any date inside.
/// </summary>
internal static class DateBounds
{
    public const string Text = "1900-01-01 to 2199-12-31";

    public static DateOnly Earliest { get; } = new(1900, 1, 1);

    public static DateOnly Latest { get; } = new(2199, 12, 31);

    public static bool Contains(DateOnly date) => date >= Earliest && date <= Latest;

    /// <summary>The period the sources and reference lists describe, roughly: an as-of date far outside it is read as
    /// the rules are written, with a warning that the law in force then may have differed.</summary>
    public static DateOnly SourcesFrom { get; } = new(2015, 1, 1);

    /// <inheritdoc cref="SourcesFrom"/>
    public static DateOnly SourcesTo { get; } = new(2035, 12, 31);

    public static DateOnly Clamp(DateOnly date) => date < Earliest ? Earliest : date > Latest ? Latest : date;
}
