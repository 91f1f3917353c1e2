using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using WorkPermit.Rules.WebApi.Tests.Support;

namespace WorkPermit.Rules.WebApi.Tests;

/// <summary>Requests Kestrel refuses before the application sees them, sent over a bare socket to the application on
/// Kestrel: each answer is problem details, framed so the client can read it, with the security headers.</summary>
public sealed class KestrelRejectionTests : IDisposable
{
    private readonly WebApiFactory _factory = new();
    private readonly WebApplicationFactory<global::Program> _server;

    public KestrelRejectionTests()
    {
        _server = _factory.OnKestrel();
    }

    private Uri Address => _server.ClientOptions.BaseAddress;

    public static TheoryData<string, int> Malformed => new()
    {
        // Not a request line at all.
        { "GARBAGE\r\n\r\n", 400 },
        // A header line without a colon.
        { "GET /healthz HTTP/1.1\r\nHost: localhost\r\nno colon here\r\n\r\n", 400 },
        // A Content-Length that is not a number.
        { "POST /v1/evaluate HTTP/1.1\r\nHost: localhost\r\nContent-Length: 12x\r\n\r\n", 400 },
        // A request target over Kestrel's 8 KB request-line limit.
        { $"GET /v1/rules/{new string('a', 9000)} HTTP/1.1\r\nHost: localhost\r\n\r\n", 414 },
        // Headers over Kestrel's 32 KB limit.
        { $"GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Padding: {new string('b', 40_000)}\r\n\r\n", 431 },
        // An HTTP version Kestrel does not speak.
        { "GET /healthz HTTP/1.7\r\nHost: localhost\r\n\r\n", 505 },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Request_KestrelRefusesIt_AnswersWithProblemDetails(string request, int status)
    {
        var response = await RawHttp.SendOneAsync(Address, request);

        Assert.Equal(status, response.Status);
        var problem = response.ReadProblem();
        Assert.Equal(WebApi.WebApiProblems.DetailFor(status), problem.GetProperty("detail").GetString());
        Assert.Equal(response.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers["Content-Length"]);
        Assert.Equal("close", response.Headers["Connection"]);
        Assert.Equal("nosniff", response.Headers["X-Content-Type-Options"]);
        Assert.Equal("no-referrer", response.Headers["Referrer-Policy"]);
    }

    [Fact]
    public async Task Request_RefusedAfterAGoodOneOnTheSameConnection_BothAnswersAreWhole()
    {
        // The first answer (chunked JSON) must pass through untouched, and only the second be rewritten.
        const string Requests = "GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\nGET /healthz HTTP/1.1\r\nHost: localhost\r\nno colon here\r\n\r\n";

        var responses = await RawHttp.SendAsync(Address, Requests, responses: 2);

        Assert.Equal(200, responses[0].Status);
        Assert.Contains("\"status\":\"ok\"", responses[0].Text, StringComparison.Ordinal);
        Assert.Equal(400, responses[1].Status);
        responses[1].ReadProblem();
    }

    [Fact]
    public async Task Request_GoodOnesOnOneConnection_AreNotTouched()
    {
        const string Request = "GET /v1/rules/POE-01 HTTP/1.1\r\nHost: localhost\r\n\r\n";

        var responses = await RawHttp.SendAsync(Address, Request + Request + Request, responses: 3);

        Assert.All(responses, r => Assert.Equal(200, r.Status));
        Assert.All(responses, r => Assert.Equal(responses[0].Text, r.Text));
    }

    [Fact]
    public async Task Request_HeadersTooSlow_AnswersWithProblemDetails()
    {
        // Headers that never finish: Kestrel gives up after its header timeout (shortened here from 30 s) with a 408.
        using var impatient = _factory.OnKestrel(builder => builder.ConfigureKestrel(kestrel => kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(1)));

        var response = await RawHttp.SendOneAsync(impatient.ClientOptions.BaseAddress, "GET /healthz HTTP/1.1\r\nHost: localhost\r\n");

        Assert.Equal(408, response.Status);
        response.ReadProblem();
    }

    [Fact]
    public async Task Head_KestrelRefusesIt_StaysWithoutABody()
    {
        // An answer to HEAD may not have a body, so Kestrel's bare one is left as it is.
        var response = await RawHttp.SendOneAsync(Address, $"HEAD /healthz HTTP/1.1\r\nHost: localhost\r\nX-Padding: {new string('b', 40_000)}\r\n\r\n");

        Assert.Equal(431, response.Status);
        Assert.Empty(response.Body);
        Assert.False(response.Headers.ContainsKey("Content-Type"));
    }

    [Fact]
    public async Task Body_MalformedChunks_AnswersWithProblemDetails()
    {
        // Found while the endpoint reads the body, so the exception handler answers, not Kestrel.
        var response = await RawHttp.SendOneAsync(Address, "POST /v1/evaluate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");

        Assert.Equal(400, response.Status);
        response.ReadProblem();
        Assert.Equal("nosniff", response.Headers["X-Content-Type-Options"]);
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("127.0.0.1.nip.io")]
    public async Task Host_NotAllowed_AnswersWithProblemDetails(string host)
    {
        var response = await RawHttp.SendOneAsync(Address, $"GET /healthz HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");

        Assert.Equal(400, response.Status);
        var problem = response.ReadProblem();
        Assert.Contains("AllowedHosts", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_SomethingElseThanKestrelsBareAnswer_IsLeftAlone()
    {
        byte[] body = [.. "{}"u8];

        Assert.Null(WebApi.KestrelRejections.Rewrite("HTTP/1.1 400 Bad Request\r\nContent-Length: 2\r\n\r\n"u8, 400, body));
        Assert.Null(WebApi.KestrelRejections.Rewrite("HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Length: 0\r\n\r\n"u8, 400, body));
        Assert.Null(WebApi.KestrelRejections.Rewrite([0, 0, 4, 8, 0, 0, 0, 0, 0], 400, body));
        Assert.NotNull(WebApi.KestrelRejections.Rewrite("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8, 400, body));
    }

    public void Dispose()
    {
        _server.Dispose();
        _factory.Dispose();
    }
}
