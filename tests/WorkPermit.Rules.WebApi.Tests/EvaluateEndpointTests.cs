using System.Net;
using System.Text;
using System.Text.Json;
using WorkPermit.Rules.WebApi.Tests.Support;

namespace WorkPermit.Rules.WebApi.Tests;

/// <summary><c>POST /v1/evaluate</c>: the contract's report for a valid profile, and a problem for everything else.</summary>
public sealed class EvaluateEndpointTests(WebApiFactory factory) : IClassFixture<WebApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Evaluate_ValidProfile_ReturnsTheContractsReportJson()
    {
        var response = await _client.PostAsync("/v1/evaluate", Profiles.Json(Profiles.PortOfEntry));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var expected = WorkPermitEvaluator.Create(timeProvider: WebApiFactory.Clock).Evaluate(Profiles.PortOfEntry).Report!;
        Assert.Equal(ReportJson.Write(expected), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Evaluate_ValidProfile_AsksTheQuestionThatSettlesThePortOfEntry()
    {
        var response = await _client.PostAsync("/v1/evaluate", Profiles.Json(Profiles.PortOfEntry));

        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("unknown", report.RootElement.GetProperty("portOfEntry").GetProperty("outcome").GetString());
        var question = report.RootElement.GetProperty("questions")[0];
        Assert.Equal("person.usLawfulPermanentResident", question.GetProperty("fact").GetString());
        Assert.Equal("boolean", question.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Evaluate_NoEvaluationDate_TakesTodayFromTheContainersClock()
    {
        var response = await _client.PostAsync("/v1/evaluate", Profiles.Json("""{ "application": { "channel": "port_of_entry" } }"""));

        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("2025-11-21", report.RootElement.GetProperty("asOf").GetProperty("evaluation").GetString());
    }

    [Fact]
    public async Task Evaluate_JsonWithCharsetOrSuffix_IsAccepted()
    {
        using var withCharset = new StringContent("{}", Encoding.UTF8);
        withCharset.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("application/json; charset=utf-8");

        var first = await _client.PostAsync("/v1/evaluate", withCharset);
        var second = await _client.PostAsync("/v1/evaluate", Profiles.Body("{}", "application/vnd.workpermit.profile+json"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task Evaluate_UnknownEnumValue_Returns400WithPath()
    {
        var response = await _client.PostAsync("/v1/evaluate", Profiles.Json("""{ "travel": { "mode": "boat" } }"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Profiles.ReadProblemAsync(response);
        var error = Assert.Single(Profiles.Errors(problem));
        Assert.Equal("travel.mode", error.Path);
        Assert.Contains("'boat'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'air', 'land', 'sea'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_SeveralProblems_Returns400ListingEachPath()
    {
        const string Json = """
            { "person": { "citizenships": ["IN", "XX"], "accompanyingFamilyCount": 1.5 }, "travel": { "arrivalDate": "14/04/2025", "modee": "air" } }
            """;

        var response = await _client.PostAsync("/v1/evaluate", Profiles.Json(Json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var paths = Profiles.Errors(await Profiles.ReadProblemAsync(response)).Select(e => e.Path).ToList();
        Assert.Contains("person.citizenships[1]", paths);
        Assert.Contains("person.accompanyingFamilyCount", paths);
        Assert.Contains("travel.arrivalDate", paths);
        Assert.Contains("travel.modee", paths);
    }

    [Fact]
    public async Task Evaluate_ProblemErrors_CarryTheLibrarysCode()
    {
        var response = await _client.PostAsync("/v1/evaluate", Profiles.Json("""{ "travel": { "mode": "boat" } }"""));

        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("unknown_value", problem.RootElement.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("{ \"person\": ")]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("[1, 2]")]
    public async Task Evaluate_NotAProfile_Returns400AtTheDocument(string body)
    {
        var response = await _client.PostAsync("/v1/evaluate", Profiles.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single(Profiles.Errors(await Profiles.ReadProblemAsync(response)));
        Assert.Equal("$", error.Path);
    }

    [Fact]
    public async Task Evaluate_NestingTooDeep_Returns400SayingSo()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100);

        var response = await _client.PostAsync("/v1/evaluate", Profiles.Json(deep));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single(Profiles.Errors(await Profiles.ReadProblemAsync(response)));
        Assert.Contains("maximum configured depth", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_BodyOverTheDefaultLimit_Returns413()
    {
        var body = "{\"evaluationDate\": \"2025-04-14\"" + new string(' ', 64 * 1024) + "}";

        var response = await _client.PostAsync("/v1/evaluate", Profiles.Json(body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await Profiles.ReadProblemAsync(response);
        Assert.Contains("65536 bytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_BodyWithoutLengthOverTheLimit_Returns413()
    {
        // No Content-Length: the limit is found while reading.
        var bytes = Encoding.UTF8.GetBytes("{" + new string(' ', 70 * 1024) + "}");
        using var content = new StreamContent(new NoLengthStream(bytes));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await _client.PostAsync("/v1/evaluate", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Evaluate_ConfiguredLimit_Returns413AboveItAnd200Below()
    {
        using var small = factory.WithSetting("WebApi:MaxRequestBodyBytes", "100");
        using var client = small.CreateClient();

        var over = await client.PostAsync("/v1/evaluate", Profiles.Json(Profiles.PortOfEntry));
        var under = await client.PostAsync("/v1/evaluate", Profiles.Json("""{ "evaluationDate": "2025-04-14" }"""));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, over.StatusCode);
        Assert.Contains("100 bytes", (await Profiles.ReadProblemAsync(over)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, under.StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task Evaluate_NotJson_Returns415(string? mediaType)
    {
        var response = await _client.PostAsync("/v1/evaluate", Profiles.Body(Profiles.PortOfEntry, mediaType));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await Profiles.ReadProblemAsync(response);
    }

    [Fact]
    public async Task Evaluate_Get_Returns405Problem()
    {
        var response = await _client.GetAsync("/v1/evaluate");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        await Profiles.ReadProblemAsync(response);
    }

    /// <summary>A stream that will not say how long it is, so the request goes without Content-Length.</summary>
    private sealed class NoLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
