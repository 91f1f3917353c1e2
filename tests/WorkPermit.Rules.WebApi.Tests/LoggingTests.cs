using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using WorkPermit.Rules.WebApi.Tests.Support;

namespace WorkPermit.Rules.WebApi.Tests;

/// <summary>What the server logs for requests the client got wrong: never the values sent (a profile's values are
/// personal data), never an exception or stack trace; only a server fault is logged with its exception. Logging is
/// turned up to Trace for every category, as an operator chasing a problem would.</summary>
public sealed class LoggingTests(WebApiFactory factory) : IClassFixture<WebApiFactory>
{
    /// <summary>Stands for a name, a date, a passport number: text that must never reach the log.</summary>
    private const string Marker = "Zebulon-Quartermaine-7731";

    public static TheoryData<string, int> BadRequests => new()
    {
        // JSON cut short after a personal value.
        { Post($$"""{ "person": { "givenName": "{{Marker}}", "citizenships": ["IN" """), 400 },
        // Values the library echoes in its messages: an unknown enumeration value, a date that is not a date, a country code.
        { Post($$"""{ "travel": { "mode": "{{Marker}}" }, "evaluationDate": "{{Marker}}", "person": { "citizenships": ["{{Marker}}"] } }"""), 400 },
        // An unknown property named after the person.
        { Post($$"""{ "{{Marker}}": true }"""), 400 },
        // A body over the limit.
        { Post($$"""{ "person": { "givenName": "{{Marker}}" } }""" + new string(' ', 70 * 1024)), 413 },
        // A chunked body that turns malformed after a personal value: the server finds it while the endpoint reads.
        { $"POST /v1/evaluate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n{Chunk($$"""{ "name": "{{Marker}}" }""")}zz\r\n\r\n", 400 },
        // Requests Kestrel refuses itself, whose own log entry would quote the request line or the header.
        { $"GET /v1/rules/{Marker} and more HTTP/1.1\r\nHost: localhost\r\n\r\n", 400 },
        { $"GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Applicant {Marker}\r\n\r\n", 400 },
        { $"GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Applicant: {Marker}{new string('x', 40_000)}\r\n\r\n", 431 },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task BadRequest_WithPersonalValues_LogsNoValueAndNoException(string request, int status)
    {
        var logs = new CapturedLogs();
        RawResponse response;
        using (var server = factory.OnKestrel(builder => Verbose(builder, logs)))
        {
            response = await RawHttp.SendOneAsync(server.ClientOptions.BaseAddress, request);

            // Stopping the server waits for the request to finish, so everything it logs is in before the checks.
        }

        Assert.Equal(status, response.Status);
        var entries = logs.Entries;
        Assert.Contains(entries, e => e.Level == LogLevel.Debug); // verbose logging was really on
        Assert.DoesNotContain(entries, e => e.ToString().Contains(Marker, StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Exception is not null);
        Assert.All(entries.Where(e => e.Category == WebApi.WebApiProblems.LogCategory), e => Assert.DoesNotContain('\n', e.Message));
    }

    [Fact]
    public async Task BadRequest_KestrelRefusesIt_IsLoggedInOneLineWithItsStatus()
    {
        var logs = new CapturedLogs();
        using (var server = factory.OnKestrel(builder => Verbose(builder, logs)))
        {
            await RawHttp.SendOneAsync(server.ClientOptions.BaseAddress, "GARBAGE\r\n\r\n");
        }

        var entry = Assert.Single(logs.Entries, e => e.Category == WebApi.WebApiProblems.LogCategory);
        Assert.Contains("400", entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, e => e.Category.StartsWith("Microsoft.AspNetCore.Server.Kestrel.BadRequests", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ServerFault_IsStillLoggedWithItsException()
    {
        var logs = new CapturedLogs();
        using var broken = factory.WithEvaluator(new ThrowingEvaluator()).WithWebHostBuilder(builder => Verbose(builder, logs));

        var response = await broken.CreateClient().PostAsync("/v1/evaluate", Profiles.Json(Profiles.PortOfEntry));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error && e.Exception is InvalidOperationException);
    }

    private static string Post(string body)
    {
        var bytes = Encoding.UTF8.GetByteCount(body);
        return $"POST /v1/evaluate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {bytes}\r\nConnection: close\r\n\r\n{body}";
    }

    private static string Chunk(string data) => $"{Encoding.UTF8.GetByteCount(data):x}\r\n{data}\r\n";

    /// <summary>Every category at Trace, and the captured logs beside the usual providers.</summary>
    private static void Verbose(IWebHostBuilder builder, CapturedLogs logs)
    {
        builder.UseSetting("Logging:LogLevel:Default", "Trace");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace");
        builder.ConfigureLogging(logging => logging.AddProvider(logs));
    }
}
