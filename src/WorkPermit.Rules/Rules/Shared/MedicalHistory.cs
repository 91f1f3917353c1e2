using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.Shared;

/// <summary>Derives the longest unbroken stay in designated countries from a residence history (IME-01, AMB-08).</summary>
internal static class MedicalHistory
{
    private static readonly FactSet MonthsFacts = FactSet.Of(FactId.MedicalDesignatedCountryMonthsPastYear, FactId.MedicalResidenceHistory);

    /// <summary>
    /// Whether the person spent six months or more in a row in designated countries in the year before entry. Taken
    /// from medical.designatedCountryMonthsPastYear when given; otherwise derived from medical.residenceHistory and the
    /// designated list in force on the as-of date, combining consecutive periods in different designated countries
    /// (AMB-08). Countries the incomplete list does not settle are counted both ways: if the answer depends on them it is unknown.
    /// </summary>
    public static (Verdict Verdict, decimal? Months, string? Note) SixMonthsInDesignatedCountries(EvaluationCase c, DateOnly asOf)
    {
        if (c.Medical.DesignatedCountryMonthsPastYear is { } months)
        {
            return (Verdict.Of(months >= 6), months, null);
        }

        if (c.Medical.ResidenceHistory is not { Count: > 0 } history)
        {
            return (Verdict.Unknown(MonthsFacts), null, null);
        }

        var windowStart = asOf.AddYears(-1);
        var windowEnd = asOf.AddDays(-1);
        var periods = history
            .Where(p => p.Country is not null && p.From is not null && p.To is not null)
            .Select(p => (Country: p.Country!, From: Max(p.From!.Value, windowStart), To: Min(p.To!.Value, windowEnd)))
            .Where(p => p.From <= p.To)
            .OrderBy(p => p.From)
            .ToList();

        var lower = LongestRun(periods, p => c.Reference.Designated.Contains(p.Country, asOf) == Tri.Yes);
        var upper = LongestRun(periods, p => c.Reference.Designated.Contains(p.Country, asOf) != Tri.No);
        var note = $"Derived from the residence history with the designated list as of {asOf:yyyy-MM-dd}: longest unbroken designated stay {lower:0.##} months"
            + (upper != lower ? $" (up to {upper:0.##} if countries the list does not settle are designated)" : string.Empty) + ".";
        if (lower >= 6)
        {
            return (Verdict.Yes, lower, note);
        }

        if (upper < 6)
        {
            return (Verdict.No, lower, note);
        }

        // Only the reference list can settle it now; the months fact itself would.
        return (Verdict.Unknown(FactSet.Of(FactId.MedicalDesignatedCountryMonthsPastYear)), null, note);
    }

    private static decimal LongestRun(List<(string Country, DateOnly From, DateOnly To)> periods, Func<(string Country, DateOnly From, DateOnly To), bool> designated)
    {
        decimal best = 0;
        DateOnly? runStart = null;
        DateOnly runEnd = default;
        foreach (var period in periods)
        {
            if (!designated(period))
            {
                continue;
            }

            if (runStart is not null && period.From <= runEnd.AddDays(1))
            {
                if (period.To > runEnd)
                {
                    runEnd = period.To;
                }
            }
            else
            {
                if (runStart is not null)
                {
                    best = Math.Max(best, MonthsBetween(runStart.Value, runEnd));
                }

                runStart = period.From;
                runEnd = period.To;
            }
        }

        return runStart is null ? best : Math.Max(best, MonthsBetween(runStart.Value, runEnd));
    }

    /// <summary>Calendar months from the first day to the last day inclusive: whole months by AddMonths, then the rest as a fraction of the next month.</summary>
    public static decimal MonthsBetween(DateOnly first, DateOnly last)
    {
        var end = last.AddDays(1);
        var whole = 0;
        while (first.AddMonths(whole + 1) <= end)
        {
            whole++;
        }

        var partStart = first.AddMonths(whole);
        var partMonth = partStart.AddMonths(1).DayNumber - partStart.DayNumber;
        return whole + decimal.Round((decimal)(end.DayNumber - partStart.DayNumber) / partMonth, 2);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
