using System.Text;
using WorkPermit.Rules.Cases;
using WorkPermit.Rules.Tests.Support;

namespace WorkPermit.Rules.Tests;

/// <summary>Problems that help and cannot be abused: a capped list, short echoes, duplicate keys named, a byte-order
/// mark accepted, impossible dates called so, numbers judged by value whatever their spelling.</summary>
public sealed class ProblemReportingTests
{
    private static readonly IWorkPermitEvaluator Evaluator = WorkPermitEvaluator.Create(timeProvider: FixedTimeProvider.On(2025, 6, 1));

    [Fact]
    public void Read_ThousandProblems_ListsFiftyThenHowManyMore()
    {
        var json = $$"""{ "person": { "citizenships": [{{string.Join(", ", Enumerable.Repeat("\"xx\"", 1000))}}] } }""";

        var result = Evaluator.Evaluate(json);

        Assert.Equal(51, result.Errors.Count);
        Assert.Equal("person.citizenships[49]", result.Errors[49].Path);
        Assert.Equal(new ProfileError("$", "And 950 more problems.", "too_many_problems"), result.Errors[50]);
    }

    [Fact]
    public void Read_FiftyProblems_AreAllListed()
    {
        var json = $$"""{ "person": { "citizenships": [{{string.Join(", ", Enumerable.Repeat("\"xx\"", 50))}}] } }""";

        Assert.Equal(50, ProfileJson.Read(json).Errors.Count);
        Assert.Equal("too_many_problems", ProfileJson.Read(json.Replace("[", "[\"yy\", ", StringComparison.Ordinal)).Errors[^1].Code);
    }

    [Fact]
    public void Validate_CSharpProfileWithManyProblems_IsCapped()
    {
        var profile = new WorkPermitProfile { Person = new PersonFacts { Citizenships = [.. Enumerable.Repeat("xx", 60)] } };

        var errors = ProfileJson.Validate(profile);

        Assert.Equal(51, errors.Count);
        Assert.Equal("And 10 more problems.", errors[^1].Message);
    }

    [Theory]
    [InlineData("""{ "travel": { "mode": "#" } }""", "travel.mode")]
    [InlineData("""{ "person": { "passportCountry": "#" } }""", "person.passportCountry")]
    [InlineData("""{ "travel": { "arrivalDate": "#" } }""", "travel.arrivalDate")]
    [InlineData("""{ "travel": { "mode": 1#1 } }""", "travel.mode")]
    [InlineData("""{ "person": { "accompanyingFamilyCount": 1#1 } }""", "person.accompanyingFamilyCount")]
    public void Read_LongValue_IsEchoedAsAShortPrefix(string template, string path)
    {
        var json = template.Replace("#", new string('7', 100_000), StringComparison.Ordinal);

        var error = Assert.Single(ProfileJson.Read(json).Errors);

        Assert.Equal(path, error.Path);
        Assert.Contains(new string('7', 39) + "…", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 400, error.Message);
    }

    [Theory]
    [InlineData("""{ "#": 1 }""")]
    [InlineData("""{ "travel": { "#": 1 } }""")]
    [InlineData("""{ "medical": { "residenceHistory": [ { "#": 1 } ] } }""")]
    public void Read_LongPropertyName_IsEchoedAsAShortPrefix(string template)
    {
        var json = template.Replace("#", new string('k', 100_000), StringComparison.Ordinal);

        var error = Assert.Single(ProfileJson.Read(json).Errors);

        Assert.Equal("unknown_property", error.Code);
        Assert.EndsWith(new string('k', 40) + "…", error.Path, StringComparison.Ordinal);
        Assert.True(error.Path.Length + error.Message.Length < 400, error.Message);
    }

    [Fact]
    public void Echo_DoesNotSplitASurrogatePair() =>
        Assert.Equal(new string('a', 39) + "…", ProfileJson.Echo(new string('a', 39) + "😀😀"));

    [Theory]
    [InlineData("""{ "travel": { "mode": "air", "mode": "land" } }""", "travel.mode")]
    [InlineData("""{ "person": { "citizenships": ["FR"] }, "person": { "passportCountry": "US" } }""", "person")]
    [InlineData("""{ "evaluationDate": "2025-01-01", "evaluationDate": "2025-01-02" }""", "evaluationDate")]
    [InlineData("""{ "travel": { "mode": "air", "m\u006fde": "air" } }""", "travel.mode")]
    [InlineData("""{ "medical": { "residenceHistory": [ { "from": "2024-01-01", "from": "2024-02-01" } ] } }""", "medical.residenceHistory[0].from")]
    public void Read_DuplicateProperty_IsAProblemWithItsPath(string json, string path)
    {
        var error = Assert.Single(ProfileJson.Read(json).Errors);

        Assert.Equal((path, "duplicate_property"), (error.Path, error.Code));
        Assert.Contains("more than once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DuplicateUnknownPropertyWhenIgnored_IsStillAProblem()
    {
        var read = ProfileJson.Read("""{ "travel": { "note": 1, "note": 2 } }""", UnknownPropertyHandling.Ignore);

        Assert.Equal(("travel.note", "duplicate_property"), (Assert.Single(read.Errors).Path, read.Errors[0].Code));
    }

    [Fact]
    public void Read_ByteOrderMark_IsAccepted()
    {
        var json = """{ "travel": { "mode": "air" } }""";
        byte[] withBom = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(json)];

        Assert.True(ProfileJson.Read(withBom).IsValid);
        Assert.True(ProfileJson.Read("\uFEFF" + json).IsValid);
        Assert.True(Evaluator.Evaluate(withBom).IsValid);
        Assert.True(Evaluator.Evaluate("\uFEFF" + json).IsValid);
        Assert.Equal("C001", CaseFile.Parse("\uFEFF" + """{ "id": "C001", "profile": {}, "expect": {} }""").Id);
    }

    [Theory]
    [InlineData("2025-02-30")]
    [InlineData("2025-13-01")]
    [InlineData("2023-02-29")]
    [InlineData("2025-04-31")]
    public void Read_ImpossibleDate_IsNotARealDate(string date)
    {
        var error = Assert.Single(ProfileJson.Read($$"""{ "travel": { "arrivalDate": "{{date}}" } }""").Errors);

        Assert.Equal(($"'{date}' is not a real date.", "invalid_date"), (error.Message, error.Code));
    }

    [Theory]
    [InlineData("2025-2-3")]
    [InlineData("03/02/2025")]
    [InlineData("٢٠٢٥-٠٢-٠٣")]
    public void Read_DateWrittenWrongly_SaysHowToWriteIt(string date)
    {
        var error = Assert.Single(ProfileJson.Read($$"""{ "travel": { "arrivalDate": "{{date}}" } }""").Errors);

        Assert.StartsWith("Must be a date written yyyy-MM-dd", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ImpossibleDateTime_IsNotARealDateTime()
    {
        var error = Assert.Single(ProfileJson.Read("""{ "application": { "documentSubmittedAt": "2025-02-30T10:00:00Z" } }""").Errors);

        Assert.Contains("is not a real date and time", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1e3")]
    [InlineData("1000")]
    [InlineData("1000.0")]
    [InlineData("1.000e3")]
    public void Read_WholeNumberAnySpelling_IsTheSameCount(string number)
    {
        var read = ProfileJson.Read($$"""{ "person": { "accompanyingFamilyCount": {{number}} } }""");

        Assert.True(read.IsValid, string.Join("; ", read.Errors));
        Assert.Equal(1000, read.Profile!.Person!.AccompanyingFamilyCount);
    }

    [Theory]
    [InlineData("person.accompanyingFamilyCount", new[] { "-1", "-1.0", "-1e0", "-0.1e1" }, "negative", "Must be zero or more, not -1.")]
    [InlineData("person.accompanyingFamilyCount", new[] { "3000000000", "3e9", "3000000000.0", "0.3e10" }, "out_of_range", "Must be at most 2147483647, not 3000000000.")]
    [InlineData("person.accompanyingFamilyCount", new[] { "2.5", "25e-1", "2.50" }, "not_integer", "Must be a whole number, not 2.5.")]
    [InlineData("medical.intendedStayMonths", new[] { "-12", "-1.2e1", "-12.00" }, "negative", "Must be zero or more, not -12.")]
    public void Read_NumberOutOfRangeAnySpelling_SaysSoTheSameWay(string path, string[] spellings, string code, string message)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        foreach (var number in spellings)
        {
            var error = Assert.Single(ProfileJson.Read($$"""{ "{{path[..dot]}}": { "{{path[(dot + 1)..]}}": {{number}} } }""").Errors);

            Assert.Equal((path, code, message), (error.Path, error.Code, error.Message));
        }
    }

    [Theory]
    [InlineData("1e400", "out_of_range")]
    [InlineData("1e30", "out_of_range")]
    [InlineData("-1e400", "negative")]
    public void Read_NumberBeyondDecimal_IsOutOfRangeNotWrongType(string number, string code)
    {
        foreach (var path in (string[])["person\": { \"accompanyingFamilyCount", "medical\": { \"intendedStayMonths"])
        {
            var error = Assert.Single(ProfileJson.Read($$"""{ "{{path}}": {{number}} } }""").Errors);

            Assert.Equal(code, error.Code);
        }
    }

    [Fact]
    public void CaseFile_InvalidJson_GivesLineAndPositionAsAProfileDoes()
    {
        const string Text = "{\n  \"id\": \"C1\",\n  oops\n}";

        var caseError = Assert.Throws<CaseFileException>(() => CaseFile.Parse(Text));
        var profileError = Assert.Single(ProfileJson.Read(Text).Errors);

        Assert.Equal("$: " + profileError.Message, caseError.Message);
        Assert.Contains("(line 3, position 3)", profileError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CaseFile_DuplicateProperty_IsAProblem()
    {
        var error = Assert.Throws<CaseFileException>(() => CaseFile.Parse("""{ "id": "C1", "id": "C2", "profile": {}, "expect": {} }"""));

        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }
}
