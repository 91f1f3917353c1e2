using System.Net;
using System.Text.Json;
using WorkPermit.Rules.WebApi.Tests.Support;

namespace WorkPermit.Rules.WebApi.Tests;

/// <summary><c>GET /v1/rules</c> and <c>GET /v1/rules/{id}</c>: the catalogue, with its quoted passages.</summary>
public sealed class RulesEndpointTests(WebApiFactory factory) : IClassFixture<WebApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Rules_List_ReturnsEveryCatalogueRuleInOrder()
    {
        var response = await _client.GetAsync("/v1/rules");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var rules = body.RootElement.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(RuleCatalogue.Rules.Count, body.RootElement.GetProperty("count").GetInt32());
        Assert.Equal(RuleCatalogue.Rules.Select(r => r.Id), rules.Select(r => r.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Rules_List_GivesTitleKindEffectiveAndCitations()
    {
        var expected = RuleCatalogue.Get("POE-01");

        using var body = JsonDocument.Parse(await _client.GetStringAsync("/v1/rules"));

        var rule = body.RootElement.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "POE-01");
        Assert.Equal(expected.Title, rule.GetProperty("title").GetString());
        Assert.Equal("requirement", rule.GetProperty("kind").GetString());
        Assert.Equal(expected.Effective, rule.GetProperty("effective").GetString());
        var citation = rule.GetProperty("citations")[0];
        Assert.Equal(expected.Citations[0].Quote, citation.GetProperty("quote").GetString());
        Assert.Equal(expected.Citations[0].SourceTitle, citation.GetProperty("sourceTitle").GetString());
    }

    [Fact]
    public async Task Rules_GetById_ReturnsTheRuleInFull()
    {
        var expected = RuleCatalogue.Get("POE-04");

        var response = await _client.GetAsync("/v1/rules/POE-04");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var rule = body.RootElement;
        Assert.Equal("POE-04", rule.GetProperty("id").GetString());
        Assert.Equal(expected.Statement, rule.GetProperty("statement").GetString());
        Assert.Equal(expected.Citations.Count, rule.GetProperty("citations").GetArrayLength());
        Assert.True(rule.TryGetProperty("notes", out _));
        Assert.True(rule.TryGetProperty("referenceData", out _));
        Assert.True(rule.TryGetProperty("interpretations", out _));
    }

    [Fact]
    public async Task Rules_GetById_GivesTheTextOfEachInterpretation()
    {
        var expected = RuleCatalogue.Rules.First(r => r.Interpretations.Count > 0);

        using var body = JsonDocument.Parse(await _client.GetStringAsync($"/v1/rules/{expected.Id}"));

        var interpretation = body.RootElement.GetProperty("interpretations")[0];
        Assert.Equal(expected.Interpretations[0], interpretation.GetProperty("id").GetString());
        Assert.False(string.IsNullOrWhiteSpace(interpretation.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Rules_GetByLowerCaseId_FindsTheRule()
    {
        using var body = JsonDocument.Parse(await _client.GetStringAsync("/v1/rules/poe-exc-01"));

        Assert.Equal("POE-EXC-01", body.RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Rules_GetUnknownId_Returns404Problem()
    {
        var response = await _client.GetAsync("/v1/rules/XYZ-99");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await Profiles.ReadProblemAsync(response);
        Assert.Contains("XYZ-99", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
