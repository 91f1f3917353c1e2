namespace WorkPermit.Rules.Cli.Commands;

/// <summary>
/// Pairs of dates that cannot both be true for one profile: the library accepts each on its own (it cannot know which
/// of the two is wrong), so the interview questions an answer that contradicts a date already given, at once. The
/// web page's interview.js checks the same pairs.
/// </summary>
internal static class ImpossibleDates
{
    /// <summary>Each pair: the date that must come first, the one that must not be before it, and why.</summary>
    private static readonly (string Earlier, string Later, string Why)[] Pairs =
    [
        ("medical.examDate", "travel.arrivalDate", "a medical exam for entry is taken before arriving"),
        ("application.submittedDate", "application.decisionLetterDate", "a decision comes after the application"),
        ("medical.examDate", "medical.indicatedExpiryDate", "a medical result expires after the exam"),
    ];

    /// <summary>Why the answer to <paramref name="fact"/> contradicts another date of <paramref name="profile"/>, or null.</summary>
    public static string? Contradiction(WorkPermitProfile profile, string fact)
    {
        foreach (var (earlier, later, why) in Pairs)
        {
            if ((fact == earlier || fact == later) && Date(profile, earlier) is { } first && Date(profile, later) is { } second && first > second)
            {
                return $"{earlier} ({first:yyyy-MM-dd}) is after {later} ({second:yyyy-MM-dd}), but {why}.";
            }
        }

        return null;
    }

    private static DateOnly? Date(WorkPermitProfile profile, string path) => path switch
    {
        "medical.examDate" => profile.Medical?.ExamDate,
        "medical.indicatedExpiryDate" => profile.Medical?.IndicatedExpiryDate,
        "travel.arrivalDate" => profile.Travel?.ArrivalDate,
        "application.submittedDate" => profile.Application?.SubmittedDate,
        "application.decisionLetterDate" => profile.Application?.DecisionLetterDate,
        _ => null,
    };
}
