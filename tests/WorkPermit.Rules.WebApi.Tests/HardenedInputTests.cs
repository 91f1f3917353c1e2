using System.Net;
using System.Text;
using WorkPermit.Rules.WebApi.Tests.Support;

namespace WorkPermit.Rules.WebApi.Tests;

/// <summary>Bodies that used to give a 500 or a flood of problems: text that is not UTF-8, a byte-order mark,
/// thousands of problems, duplicate keys, impossible dates.</summary>
public sealed class HardenedInputTests(WebApiFactory factory) : IClassFixture<WebApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("C0AF", "travel.mode")]
    [InlineData("5C7564383030", "travel.mode")]
    public async Task Evaluate_TextNotUtf8_Returns400WithThePath(string badHex, string path)
    {
        byte[] body = [.. "{ \"travel\": { \"mode\": \""u8, .. Convert.FromHexString(badHex), .. "\" } }"u8];

        var response = await _client.PostAsync("/v1/evaluate", Bytes(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single(Profiles.Errors(await Profiles.ReadProblemAsync(response)));
        Assert.Equal(path, error.Path);
        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_ByteOrderMark_IsAccepted()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Profiles.PortOfEntry)];

        var response = await _client.PostAsync("/v1/evaluate", Bytes(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Evaluate_ThousandProblems_ListsFiftyAndHowManyMore()
    {
        var json = $$"""{ "person": { "citizenships": [{{string.Join(",", Enumerable.Repeat("\"xx\"", 1000))}}] } }""";

        var response = await _client.PostAsync("/v1/evaluate", Profiles.Json(json));

        var problem = await Profiles.ReadProblemAsync(response);
        var errors = Profiles.Errors(problem);
        Assert.Equal(51, errors.Count);
        Assert.Equal(("$", "And 950 more problems."), errors[^1]);
        Assert.StartsWith("More than 50 problems were found", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_DuplicateKeyAndImpossibleDate_AreProblemsWithPaths()
    {
        var response = await _client.PostAsync("/v1/evaluate", Profiles.Json("""{ "travel": { "mode": "air", "mode": "land", "arrivalDate": "2025-02-30" } }"""));

        var errors = Profiles.Errors(await Profiles.ReadProblemAsync(response));
        Assert.Equal(["travel.mode", "travel.arrivalDate"], errors.Select(e => e.Path));
        Assert.Equal("'2025-02-30' is not a real date.", errors[1].Message);
    }

    [Fact]
    public async Task Evaluate_LongValue_IsEchoedAsAShortPrefix()
    {
        var response = await _client.PostAsync("/v1/evaluate", Profiles.Json($$"""{ "travel": { "mode": "{{new string('x', 50_000)}}" } }"""));

        var error = Assert.Single(Profiles.Errors(await Profiles.ReadProblemAsync(response)));
        Assert.Contains(new string('x', 40) + "…", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', 41), error.Message, StringComparison.Ordinal);
    }

    private static ByteArrayContent Bytes(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }
}
