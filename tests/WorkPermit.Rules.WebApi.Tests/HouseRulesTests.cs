using System.Net;
using System.Text.Json;
using WorkPermit.Rules.WebApi.Tests.Support;

namespace WorkPermit.Rules.WebApi.Tests;

/// <summary>House rules configured as a portal would (<c>HouseRules:Assemblies</c>): their findings come back in
/// <c>house</c>, with the facts they miss as questions; without them <c>house</c> is empty.</summary>
public sealed class HouseRulesTests : IDisposable
{
    private const string Profile = """
        { "evaluationDate": "2025-04-14", "application": { "channel": "port_of_entry" },
          "travel": { "mode": "air", "arrivalDate": "2025-04-14" },
          "extensions": { "passport": { "expiryDate": "2026-01-31" } } }
        """;

    private readonly WebApiFactory _withHouseRules = new() { SampleHouseRules = true };
    private readonly WebApiFactory _plain = new();

    [Fact]
    public async Task Evaluate_WithHouseRulesConfigured_ReturnsTheirFindings()
    {
        using var client = _withHouseRules.CreateClient();

        var response = await client.PostAsync("/v1/evaluate", Profiles.Json(Profile));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var house = Assert.Single(report.RootElement.GetProperty("house").EnumerateArray());
        Assert.Equal("HOUSE-PASSPORT-6M", house.GetProperty("ruleId").GetString());
        Assert.Equal("yes", house.GetProperty("outcome").GetString());
        Assert.Equal(92, report.RootElement.GetProperty("ruleSet").GetProperty("rules").GetInt32());
    }

    [Fact]
    public async Task Evaluate_HouseRuleMissingItsFact_AsksForIt()
    {
        using var client = _withHouseRules.CreateClient();

        var response = await client.PostAsync("/v1/evaluate", Profiles.Json("""{ "application": { "channel": "port_of_entry" } }"""));

        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(report.RootElement.GetProperty("questions").EnumerateArray(),
            q => q.GetProperty("fact").GetString() == "extensions.passport.expiryDate");
    }

    [Fact]
    public async Task Evaluate_WithoutHouseRules_HouseIsEmpty()
    {
        using var client = _plain.CreateClient();

        var response = await client.PostAsync("/v1/evaluate", Profiles.Json(Profile));

        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(0, report.RootElement.GetProperty("house").GetArrayLength());
        Assert.Equal(91, report.RootElement.GetProperty("ruleSet").GetProperty("rules").GetInt32());
    }

    public void Dispose()
    {
        _withHouseRules.Dispose();
        _plain.Dispose();
    }
}
