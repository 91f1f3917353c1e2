using System.Text;
using WorkPermit.Rules.Tests.Support;

namespace WorkPermit.Rules.Tests;

/// <summary>Text that is not valid UTF-8 (or an escape that is not a valid UTF-16 character) is a problem with its
/// path, like any other bad value: never an exception.</summary>
public sealed class InvalidTextTests
{
    private static readonly IWorkPermitEvaluator Evaluator = WorkPermitEvaluator.Create(timeProvider: FixedTimeProvider.On(2025, 6, 1));

    /// <summary>JSON with <c>@</c> standing for the bad bytes, the bad bytes, and the path the problem must name.</summary>
    public static TheoryData<string, string, string> Inputs() => new()
    {
        { """{ "travel": { "portOfEntry": "Y@Z" } }""", "FF", "travel.portOfEntry" },
        { """{ "travel": { "mode": "@" } }""", "C3", "travel.mode" },
        { """{ "travel": { "mode": "@" } }""", "EDA080", "travel.mode" },
        { """{ "travel": { "arrivalDate": "2025-01-0@" } }""", "FE", "travel.arrivalDate" },
        { """{ "person": { "passportCountry": "@" } }""", "C080", "person.passportCountry" },
        { """{ "person": { "citizenships": ["FR", "@"] } }""", "E08080", "person.citizenships[1]" },
        { """{ "person": { "@": true } }""", "C0AF", "person" },
        { """{ "@": {} }""", "F8808080", "$" },
        { """{ "medical": { "residenceHistory": [ { "country": "IN", "from": "@" } ] } }""", "80", "medical.residenceHistory[0].from" },
        { """{ "application": { "documentSubmittedAt": "2025-06-15T23:59:59@" } }""", "F4908080", "application.documentSubmittedAt" },
        { """{ "travel": { "portOfEntry": "@" } }""", "5C7564383030", "travel.portOfEntry" },
        { """{ "travel": { "mode": "@" } }""", "5C7564633030", "travel.mode" },
        { """{ "person": { "passportCountry": "@" } }""", "5C75646330305C7564383030", "person.passportCountry" },
        { """{ "travel": { "@": 1 } }""", "5C7564383030", "travel" },
        { """{ "unknown": { "x": "@" } }""", "FF", "unknown.x" },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Evaluate_InvalidText_IsAProblemWithItsPath(string template, string badHex, string path)
    {
        var json = Bytes(template, badHex);

        var result = Evaluator.Evaluate(json);

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Equal(path, error.Path);
        Assert.Equal("invalid_text", error.Code);
        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Read_InvalidText_IsAProblem(string template, string badHex, string path)
    {
        var read = ProfileJson.Read(Bytes(template, badHex), UnknownPropertyHandling.Ignore);

        Assert.False(read.IsValid);
        Assert.Equal(path, Assert.Single(read.Errors).Path);
    }

    [Fact]
    public void Read_ValidSurrogatePairAndNonAscii_AreAccepted()
    {
        var read = ProfileJson.Read("""{ "travel": { "portOfEntry": "Montr\u00e9al \ud83d\ude00 é" } }""");

        Assert.True(read.IsValid, string.Join("; ", read.Errors));
        Assert.Equal("Montréal 😀 é", read.Profile!.Travel!.PortOfEntry);
    }

    internal static byte[] Bytes(string template, string badHex)
    {
        var at = template.IndexOf('@', StringComparison.Ordinal);
        return [.. Encoding.UTF8.GetBytes(template[..at]), .. Convert.FromHexString(badHex), .. Encoding.UTF8.GetBytes(template[(at + 1)..])];
    }
}
