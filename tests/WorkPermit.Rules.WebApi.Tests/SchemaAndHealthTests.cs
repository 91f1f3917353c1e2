using System.Net;
using System.Text.Json;
using WorkPermit.Rules.WebApi.Tests.Support;

namespace WorkPermit.Rules.WebApi.Tests;

/// <summary><c>GET /v1/schema/profile</c>, <c>GET /healthz</c>, and the interview page's files.</summary>
public sealed class SchemaAndHealthTests(WebApiFactory factory) : IClassFixture<WebApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Schema_Profile_ReturnsTheLibrarysJsonSchema()
    {
        var response = await _client.GetAsync("/v1/schema/profile");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/schema+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ProfileJson.JsonSchema(), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Healthz_ReturnsOkWithTheRuleSet()
    {
        var response = await _client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ok", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(RuleCatalogue.Rules.Count, body.RootElement.GetProperty("ruleSet").GetProperty("rules").GetInt32());
    }

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/interview.js", "text/javascript")]
    [InlineData("/app.css", "text/css")]
    [InlineData("/favicon.svg", "image/svg+xml")]
    public async Task Page_Files_AreServedWithTheirTypes(string path, string mediaType)
    {
        var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Page_Index_IsTheInterviewAndLoadsNothingFromElsewhere()
    {
        var html = await _client.GetStringAsync("/");

        Assert.Contains("Work permit interview", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_Script_NeverWritesMarkupFromStrings()
    {
        var script = await _client.GetStringAsync("/interview.js");

        Assert.DoesNotContain(".innerHTML", script, StringComparison.Ordinal);
        Assert.DoesNotContain("insertAdjacentHTML", script, StringComparison.Ordinal);
        Assert.DoesNotContain("document.write", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Responses_CarryNoSniffAndASameOriginContentPolicy()
    {
        var response = await _client.GetAsync("/");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.StartsWith("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Evaluate_AcceptsCompression_ReportIsCompressedAndTheSame(string encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/evaluate") { Content = Profiles.Json(Profiles.PortOfEntry) };
        request.Headers.AcceptEncoding.ParseAdd(encoding);
        var plain = await (await _client.PostAsync("/v1/evaluate", Profiles.Json(Profiles.PortOfEntry))).Content.ReadAsByteArrayAsync();

        var response = await _client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(encoding, response.Content.Headers.ContentEncoding.Single());
        Assert.True(body.Length < plain.Length / 3, $"{body.Length} compressed bytes of {plain.Length}");
        using var compressed = new MemoryStream(body);
        using Stream decoded = encoding == "br"
            ? new System.IO.Compression.BrotliStream(compressed, System.IO.Compression.CompressionMode.Decompress)
            : new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionMode.Decompress);
        using var result = new MemoryStream();
        await decoded.CopyToAsync(result);
        Assert.Equal(plain, result.ToArray());
    }
}
