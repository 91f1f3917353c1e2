using System.Net;
using WorkPermit.Rules.WebApi.Tests.Support;

namespace WorkPermit.Rules.WebApi.Tests;

/// <summary><c>AllowedHosts</c>: a request for a host the server does not serve gets a 400 problem; the default is the
/// loopback names the server listens on.</summary>
public sealed class AllowedHostsTests(WebApiFactory factory) : IClassFixture<WebApiFactory>
{
    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1:5080")]
    [InlineData("[::1]:8080")]
    [InlineData("LOCALHOST")]
    public async Task Request_LoopbackHostByDefault_IsAnswered(string host)
    {
        var response = await SendAsync(factory.CreateClient(), host);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("localhost.evil.example")]
    [InlineData("127.0.0.2")]
    public async Task Request_OtherHostByDefault_Returns400Problem(string host)
    {
        var response = await SendAsync(factory.CreateClient(), host);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Profiles.ReadProblemAsync(response);
        Assert.Contains("AllowedHosts", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(host, await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("portal.example", HttpStatusCode.OK)]
    [InlineData("portal.example:443", HttpStatusCode.OK)]
    [InlineData("eu.clients.example", HttpStatusCode.OK)]
    [InlineData("clients.example", HttpStatusCode.BadRequest)]
    [InlineData("localhost", HttpStatusCode.BadRequest)]
    public async Task Request_ConfiguredHosts_AreTheOnlyOnesAnswered(string host, HttpStatusCode expected)
    {
        using var portal = factory.WithSetting("AllowedHosts", "portal.example; *.clients.example");

        var response = await SendAsync(portal.CreateClient(), host);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Request_AnyHostConfigured_IsAnswered()
    {
        using var open = factory.WithSetting("AllowedHosts", "*");

        var response = await SendAsync(open.CreateClient(), "evil.example");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ; ")]
    public async Task Request_EmptySetting_FallsBackToLoopback(string setting)
    {
        using var blank = factory.WithSetting("AllowedHosts", setting);
        var client = blank.CreateClient();

        var loopback = await SendAsync(client, "localhost");
        var other = await SendAsync(client, "evil.example");

        Assert.Equal(HttpStatusCode.OK, loopback.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Host = host;
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}
