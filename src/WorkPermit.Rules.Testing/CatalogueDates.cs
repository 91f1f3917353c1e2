namespace WorkPermit.Rules.Testing;

/// <summary>A date boundary the catalogue or a reference list names: the last day read one way and the first day read the other.</summary>
/// <param name="LastDayBefore">The last day of the earlier reading.</param>
/// <param name="FirstDayAfter">The first day of the later reading (the day after <paramref name="LastDayBefore"/>).</param>
/// <param name="Source">Where the boundary comes from, for example <c>INS-13 start</c> or <c>RD-02 MX from</c>.</param>
public sealed record DateBoundary(DateOnly LastDayBefore, DateOnly FirstDayAfter, string Source);

/// <summary>
/// The dates the catalogue names (INS-13, AFT-15, POE-EXC-05, POE-EXC-06) and the dates on which the reference lists
/// the rules read change (RD-01, RD-02, RD-03, read from the reference data in force, so a host's overrides bring their
/// own boundaries), and the relative boundaries (six months after submission, twelve months after an exam...).
/// </summary>
public static class CatalogueDates
{
    /// <summary>Visitor public policy, first day (INS-13, AFT-15; inclusive).</summary>
    public static readonly DateOnly VisitorPolicyStart = new(2020, 8, 24);

    /// <summary>Visitor public policy, first day no longer covered (INS-13, AFT-15; AMB-03).</summary>
    public static readonly DateOnly VisitorPolicyEnd = new(2024, 8, 28);

    /// <summary>First arrival on which a PGWP can no longer be asked for at a port of entry (POE-EXC-05).</summary>
    public static readonly DateOnly PgwpAtPortOfEntryEnded = new(2024, 6, 21);

    /// <summary>First arrival after flagpoling ended on 2024-12-23 at 11:59 pm ET (POE-EXC-06, LIB-03).</summary>
    public static readonly DateOnly FlagpolingEnded = new(2024, 12, 24);

    /// <summary>Mexico moves from RD-01 (visa-exempt) to RD-02 (conditional eTA) (AMB-21, LIB-07).</summary>
    public static readonly DateOnly MexicoConditionalEta = new(2024, 2, 29);

    /// <summary>Thirteen countries join RD-02 (conditional eTA).</summary>
    public static readonly DateOnly ConditionalEtaExpansion = new(2023, 6, 6);

    /// <summary>RD-03 (designated countries) changes that apply from this arrival date.</summary>
    public static readonly DateOnly DesignatedListChange2025 = new(2025, 11, 3);

    /// <summary>An earlier RD-03 change.</summary>
    public static readonly DateOnly DesignatedListChange2017 = new(2017, 11, 23);

    /// <summary>Days after the decision letter within which the mailed permit should arrive (AFT-12: day 42 is still within).</summary>
    public const int MailedPermitDays = 42;

    /// <summary>The fixed boundaries the catalogue's rules name.</summary>
    /// <value>The boundaries.</value>
    public static IReadOnlyList<DateBoundary> RuleBoundaries { get; } =
    [
        Before(VisitorPolicyStart, "INS-13/AFT-15 start"),
        Before(VisitorPolicyEnd, "INS-13/AFT-15 end"),
        Before(PgwpAtPortOfEntryEnded, "POE-EXC-05"),
        Before(FlagpolingEnded, "POE-EXC-06"),
    ];

    /// <summary>Every boundary: the rules' own and those of the lists RD-01, RD-02 and RD-03 in <paramref name="reference"/>.</summary>
    /// <param name="reference">The reference data in force.</param>
    /// <returns>The boundaries, by date, without repeats.</returns>
    public static IReadOnlyList<DateBoundary> All(ReferenceDataSet reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var boundaries = new List<DateBoundary>(RuleBoundaries);
        foreach (var id in (string[])["RD-01", "RD-02", "RD-03"])
        {
            var list = reference.Lists[id];
            foreach (var entry in list.Entries.Concat(list.NotListed))
            {
                if (entry.From is { } from)
                {
                    boundaries.Add(Before(from, $"{id} {entry.Code} from"));
                }

                if (entry.To is { } to)
                {
                    boundaries.Add(new DateBoundary(to, to.AddDays(1), $"{id} {entry.Code} to"));
                }
            }
        }

        return boundaries
            .GroupBy(b => b.FirstDayAfter)
            .Select(g => g.First() with { Source = string.Join(", ", g.Select(b => b.Source).Distinct().Take(4)) + (g.Count() > 4 ? ", ..." : string.Empty) })
            .OrderBy(b => b.FirstDayAfter)
            .ToArray();
    }

    /// <summary>The boundary whose first later day is <paramref name="firstDayAfter"/>.</summary>
    /// <param name="firstDayAfter">The first day of the later reading.</param>
    /// <param name="source">Where it comes from.</param>
    /// <returns>The boundary.</returns>
    public static DateBoundary Before(DateOnly firstDayAfter, string source) => new(firstDayAfter.AddDays(-1), firstDayAfter, source);

    /// <summary>INS-04: the first expiry that gives six months from the submission date (exactly six months qualifies, AMB-01).</summary>
    /// <param name="submitted">The submission date.</param>
    /// <returns>The boundary on the TRP expiry date.</returns>
    public static DateBoundary SixMonthsAfterSubmission(DateOnly submitted) => Before(submitted.AddMonths(6), "INS-04 six months");

    /// <summary>AFT-15: the earliest previous permit expiry within the 12 months before the submission (AMB-04).</summary>
    /// <param name="submitted">The submission date.</param>
    /// <returns>The boundary on the previous permit's expiry date.</returns>
    public static DateBoundary TwelveMonthsBeforeSubmission(DateOnly submitted) => Before(submitted.AddMonths(-12), "AFT-15 12-month lookback");

    /// <summary>IME-05: the last arrival on which an exam without an indicated expiry is valid, and the day after (AMB-07).</summary>
    /// <param name="exam">The exam date.</param>
    /// <returns>The boundary on the arrival date.</returns>
    public static DateBoundary TwelveMonthsAfterExam(DateOnly exam) => new(exam.AddMonths(12), exam.AddMonths(12).AddDays(1), "IME-05 twelve months");

    /// <summary>AFT-12: the last evaluation date within six weeks of the decision letter, and the day after.</summary>
    /// <param name="letter">The decision letter's date.</param>
    /// <returns>The boundary on the evaluation date.</returns>
    public static DateBoundary FortyTwoDaysAfterLetter(DateOnly letter) => new(letter.AddDays(MailedPermitDays), letter.AddDays(MailedPermitDays + 1), "AFT-12 42 days");

    /// <summary>AFT-04: the instant documents stop being on time, midnight UTC at the end of the deadline date (AMB-13).</summary>
    /// <param name="deadline">The deadline date the officer gave.</param>
    /// <returns>The first late instant.</returns>
    public static DateTimeOffset MidnightUtcAfter(DateOnly deadline) => new(deadline.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
