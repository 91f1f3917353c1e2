using WorkPermit.Rules.Tests.Support;

namespace WorkPermit.Rules.Tests;

/// <summary>The rules reason about dates from 1900-01-01 to 2199-12-31 (LIB-29): dates outside are a problem with
/// their path, every date inside can be evaluated, and a clock outside is clamped into the range.</summary>
public sealed class DateRangeTests
{
    private static readonly IWorkPermitEvaluator Evaluator = WorkPermitEvaluator.Create(timeProvider: FixedTimeProvider.On(2025, 6, 1));

    /// <summary>Every date (and the date-time) of the profile, as a JSON path.</summary>
    public static TheoryData<string> DatePaths() =>
    [
        .. ProfileJson.Facts.Where(f => f.Kind is FactKind.Date or FactKind.DateTime).Select(f => f.Path),
        "medical.residenceHistory[0].from",
        "medical.residenceHistory[0].to",
    ];

    public static TheoryData<string, string> OutsideDates() => new()
    {
        { "0001-01-01", "1899-12-31" }, { "9999-12-31", "2200-01-01" },
    };

    [Theory]
    [MemberData(nameof(DatePaths))]
    public void Evaluate_DateOutsideRange_IsAProblemNamingThePath(string path)
    {
        foreach (var date in (string[])["0001-01-01", "1899-12-31", "2200-01-01", "9999-12-31"])
        {
            var result = Evaluator.Evaluate(Profile(path, date));

            Assert.False(result.IsValid, $"{path} = {date}");
            var error = Assert.Single(result.Errors);
            Assert.Equal(path, error.Path);
            Assert.Equal("date_out_of_range", error.Code);
            Assert.Contains("1900-01-01 to 2199-12-31", error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(DatePaths))]
    public void Evaluate_DateAtEitherEndOfRange_GivesAReport(string path)
    {
        foreach (var date in (string[])["1900-01-01", "1900-01-31", "2199-12-31", "2199-02-28"])
        {
            var result = Evaluator.Evaluate(Profile(path, date));

            Assert.True(result.IsValid, $"{path} = {date}: {string.Join("; ", result.Errors)}");
        }
    }

    [Theory]
    [InlineData("1900-01-01")]
    [InlineData("2199-12-31")]
    public void Evaluate_EveryDateAtOneEnd_GivesAReport(string date)
    {
        var json = Full(date, date);

        var result = Evaluator.Evaluate(json);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Fact]
    public void Evaluate_DatesSpanningTheWholeRange_GivesAReport()
    {
        var result = Evaluator.Evaluate(Full("1900-01-01", "2199-12-31"));
        var reversed = Evaluator.Evaluate(Full("2199-12-31", "1900-01-01"));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.False(reversed.IsValid);
        Assert.All(reversed.Errors, e => Assert.Equal("invalid_period", e.Code));
    }

    [Theory]
    [InlineData(1, 1, 1, "1900-01-01")]
    [InlineData(1899, 12, 31, "1900-01-01")]
    [InlineData(2200, 1, 1, "2199-12-31")]
    [InlineData(9999, 12, 31, "2199-12-31")]
    [InlineData(2025, 6, 1, "2025-06-01")]
    public void Evaluate_ClockOutsideRange_IsClampedIntoIt(int year, int month, int day, string expected)
    {
        var evaluator = WorkPermitEvaluator.Create(timeProvider: FixedTimeProvider.On(year, month, day));

        var report = evaluator.Evaluate(new WorkPermitProfile { Medical = new MedicalFacts { ExamDate = new DateOnly(1950, 1, 1) } });
        var fromJson = evaluator.Evaluate("""{ "application": { "channel": "port_of_entry" } }""");

        Assert.Equal(expected, report.AsOf.Evaluation.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(fromJson.IsValid);
    }

    [Fact]
    public void Validate_CSharpProfileOutsideRange_IsAProblem()
    {
        var profile = new WorkPermitProfile { Travel = new TravelFacts { ArrivalDate = DateOnly.MaxValue }, Medical = new MedicalFacts { ResidenceHistory = [new ResidencePeriod { From = DateOnly.MinValue }] } };

        var errors = ProfileJson.Validate(profile);

        Assert.Equal(["travel.arrivalDate", "medical.residenceHistory[0].from"], errors.Select(e => e.Path));
        Assert.Throws<ProfileValidationException>(() => Evaluator.Evaluate(profile));
    }

    private static string Profile(string path, string date)
    {
        var value = path == "application.documentSubmittedAt" ? $"\"{date}T12:00:00+00:00\"" : $"\"{date}\"";
        if (path.StartsWith("medical.residenceHistory", StringComparison.Ordinal))
        {
            var field = path[^2..] == "om" ? "from" : "to";
            return $$"""{ "medical": { "residenceHistory": [ { "country": "CN", "{{field}}": {{value}} } ] } }""";
        }

        var dot = path.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? $$"""{ "{{path}}": {{value}} }""" : $$"""{ "{{path[..dot]}}": { "{{path[(dot + 1)..]}}": {{value}} } }""";
    }

    /// <summary>A profile that states every date, with <paramref name="from"/> as each period's start and every other date <paramref name="to"/>.</summary>
    private static string Full(string from, string to) => $$"""
        {
          "evaluationDate": "{{to}}",
          "statusInCanada": { "location": "in_canada", "status": "visitor", "studyPermitExpiryDate": "{{to}}", "trpExpiryDate": "{{to}}", "previousWorkPermitExpiryDate": "{{to}}" },
          "travel": { "mode": "air", "arrivalDate": "{{to}}" },
          "application": { "channel": "inside_canada_online", "submittedDate": "{{to}}", "decisionLetterDate": "{{to}}", "documentRequestDeadline": "{{to}}", "documentSubmittedAt": "{{to}}T23:59:59-12:00" },
          "medical": { "examDate": "{{to}}", "indicatedExpiryDate": "{{to}}", "intendedStayMonths": 12, "residenceHistory": [ { "country": "CN", "from": "{{from}}", "to": "{{to}}" } ] }
        }
        """;
}
