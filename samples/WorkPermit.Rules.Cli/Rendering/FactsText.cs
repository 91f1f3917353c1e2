using System.Globalization;
using System.Text;

namespace WorkPermit.Rules.Cli.Rendering;

/// <summary>
/// The profile's values behind a finding, as a consultant reads them: "arrival 2025-03-01, exam 2024-01-10". The values
/// come from the report's <c>facts</c> through <see cref="WorkPermitReport.FactsBehind"/> (the paths the finding read),
/// and the values the report works out itself (the medical exam's expiry) are added beside the rule that uses them.
/// </summary>
internal static class FactsText
{
    /// <summary>Labels where the last word of the path alone would read oddly.</summary>
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["person.usLawfulPermanentResident"] = "US permanent resident",
        ["person.passportCountry"] = "passport",
        ["statusInCanada.status"] = "status in Canada",
        ["travel.mode"] = "travel by",
        ["travel.portOfEntry"] = "port of entry",
        ["travel.validUsNonImmigrantVisa"] = "valid US non-immigrant visa",
        ["travel.heldCanadianVisaPast10Years"] = "Canadian visa in the past 10 years",
        ["job.employerNonComplianceStatus"] = "employer on the non-compliance list",
        ["medical.intendedStayMonths"] = "stay (months)",
        ["medical.designatedCountryMonthsPastYear"] = "months in designated countries (past year)",
    };

    /// <summary>Each value behind <paramref name="finding"/> as "label value"; empty when the profile gives none of them.</summary>
    public static IReadOnlyList<string> Of(WorkPermitReport report, FindingResult finding)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(finding);
        var parts = report.FactsBehind(finding).Select(p => $"{Label(p.Key)} {Value(p.Value)}").ToList();

        // The exam's expiry is worked out from the exam date (or the date the result indicates): IME-05 rests on it.
        if (finding.RuleId == "IME-05" && report.MedicalExam.ExpiryDate is { } expiry)
        {
            parts.Add($"exam expires {expiry.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} (worked out)");
        }

        return parts;
    }

    /// <summary>The values behind a finding on one line, or null when there are none.</summary>
    public static string? Line(WorkPermitReport report, FindingResult finding)
    {
        var parts = Of(report, finding);
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }

    /// <summary>A fact's label: the path's last word spelled out (<c>medical.examDate</c> reads "exam"), unless
    /// <see cref="Labels"/> says better.</summary>
    public static string Label(string path)
    {
        if (Labels.TryGetValue(path, out var label))
        {
            return label;
        }

        var name = path[(path.LastIndexOf('.') + 1)..];
        var words = new StringBuilder();
        foreach (var c in name)
        {
            if ((char.IsUpper(c) || (char.IsAsciiDigit(c) && words.Length > 0 && !char.IsAsciiDigit(words[^1]))) && words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(char.ToLowerInvariant(c));
        }

        // A date reads by its event: "arrival 2025-03-01" rather than "arrival date 2025-03-01".
        var text = words.ToString();
        return text.EndsWith(" date", StringComparison.Ordinal) ? text[..^" date".Length] : text;
    }

    /// <summary>A value as a person writes it: yes and no for booleans, words for snake_case values.</summary>
    public static string Value(string value) => value switch
    {
        "true" => "yes",
        "false" => "no",
        _ when value.Length > 0 && value.All(c => char.IsAsciiLetterLower(c) || c == '_') => value.Replace('_', ' '),
        _ => value,
    };
}
