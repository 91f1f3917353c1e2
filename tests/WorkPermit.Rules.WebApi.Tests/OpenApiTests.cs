using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WorkPermit.Rules.WebApi.Tests.Support;

namespace WorkPermit.Rules.WebApi.Tests;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c>, checked against the application's endpoints and against
/// what each endpoint really answers, so that a client generated from it can read every answer.</summary>
public sealed class OpenApiTests(WebApiFactory factory) : IClassFixture<WebApiFactory>
{
    /// <summary>Every answer the API gives, by case: the request, and whether the evaluator behind it is broken.</summary>
    public static TheoryData<string> Cases => [.. RealCalls.Keys];

    private static readonly Dictionary<string, RealCall> RealCalls = new(StringComparer.Ordinal)
    {
        ["evaluate: a report"] = new(200, "POST", "/v1/evaluate", Profiles.PortOfEntry, "application/json"),
        ["evaluate: a profile with problems"] = new(400, "POST", "/v1/evaluate", """{ "travel": { "mode": "boat" } }""", "application/json"),
        ["evaluate: not JSON at all"] = new(400, "POST", "/v1/evaluate", "{ \"person\": ", "application/json"),
        ["evaluate: too large"] = new(413, "POST", "/v1/evaluate", "{" + new string(' ', 70 * 1024) + "}", "application/json"),
        ["evaluate: not declared as JSON"] = new(415, "POST", "/v1/evaluate", Profiles.PortOfEntry, "text/plain"),
        ["evaluate: a host not allowed"] = new(400, "POST", "/v1/evaluate", Profiles.PortOfEntry, "application/json", Host: "evil.example"),
        ["evaluate: a server fault"] = new(500, "POST", "/v1/evaluate", Profiles.PortOfEntry, "application/json", Broken: true),
        ["schema: the profile's schema"] = new(200, "GET", "/v1/schema/profile"),
        ["schema: a host not allowed"] = new(400, "GET", "/v1/schema/profile", Host: "evil.example"),
        ["rules: the list"] = new(200, "GET", "/v1/rules"),
        ["rules: a host not allowed"] = new(400, "GET", "/v1/rules", Host: "evil.example"),
        ["rule: one in full"] = new(200, "GET", "/v1/rules/POE-04"),
        ["rule: no such rule"] = new(404, "GET", "/v1/rules/XYZ-99"),
        ["rule: a host not allowed"] = new(400, "GET", "/v1/rules/POE-04", Host: "evil.example"),
        ["health: up"] = new(200, "GET", "/healthz"),
        ["health: a host not allowed"] = new(400, "GET", "/healthz", Host: "evil.example"),
        ["health: a server fault"] = new(500, "GET", "/healthz", Broken: true),
    };

    [Fact]
    public async Task Document_IsServedAsOpenApi3Json()
    {
        var response = await factory.CreateClient().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(document.RootElement.GetProperty("info").GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Document_ListsEveryMappedEndpointAndNoOther()
    {
        // What the application really maps, read from its routing, less the document's own endpoint.
        var mapped = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } text && !text.StartsWith("/openapi/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m.ToUpperInvariant()} {e.RoutePattern.RawText}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        using var document = await ReadDocumentAsync();
        var documented = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(mapped);
        Assert.Equal(mapped, documented);
    }

    [Fact]
    public async Task Document_EveryOperationHasANameAndASummary()
    {
        using var document = await ReadDocumentAsync();

        var operations = Operations(document.RootElement).ToList();

        Assert.All(operations, o => Assert.False(string.IsNullOrWhiteSpace(o.Operation.GetProperty("operationId").GetString()), o.Name));
        Assert.All(operations, o => Assert.False(string.IsNullOrWhiteSpace(o.Operation.GetProperty("summary").GetString()), o.Name));
        Assert.Equal(operations.Count, operations.Select(o => o.Operation.GetProperty("operationId").GetString()).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task RealAnswer_IsDeclaredForItsOperation(string name)
    {
        var call = RealCalls[name];
        using var document = await ReadDocumentAsync();

        var response = await SendAsync(call);

        // The status is one the operation declares, with the media type the answer really has...
        Assert.Equal(call.Status, (int)response.StatusCode);
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var responses = Operation(document.RootElement, call).GetProperty("responses");
        Assert.True(responses.TryGetProperty(status, out var declared), $"{call.Method} {call.Path} answered {status}, which the document does not declare.");
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        Assert.NotNull(mediaType);
        Assert.True(declared.GetProperty("content").TryGetProperty(mediaType, out var content), $"{call.Method} {call.Path} answered {status} as {mediaType}, which the document does not declare.");

        // ...and every property of a JSON object answer is in the declared schema, and every property the schema
        // requires is in the answer. Problem details may add extension members (the trace ID); RFC 9457 allows them.
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        if (body.RootElement.ValueKind == JsonValueKind.Object && mediaType != "application/schema+json")
        {
            var schema = Resolve(document.RootElement, content.GetProperty("schema"));
            var properties = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            var actual = body.RootElement.EnumerateObject().Select(p => p.Name).ToList();
            var undeclared = actual.Where(p => !properties.Contains(p) && !(mediaType == "application/problem+json" && p == "traceId")).ToList();
            Assert.True(undeclared.Count == 0, $"Not in the schema: {string.Join(", ", undeclared)}");
            var required = schema.TryGetProperty("required", out var list) ? list.EnumerateArray().Select(r => r.GetString()!).ToList() : [];
            Assert.All(required, r => Assert.Contains(r, actual));
        }
    }

    [Fact]
    public async Task ReportSchema_HasExactlyTheRealReportsTopLevelProperties()
    {
        using var document = await ReadDocumentAsync();
        var schema = Resolve(document.RootElement, Operation(document.RootElement, RealCalls["evaluate: a report"])
            .GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema"));

        // Reports that between them have every optional part: applying from outside Canada; a visitor in Canada (the
        // interim authorization); a French worker at the port of entry with every fact known (the route, POE-07).
        // Each part is left out of the JSON when it is null.
        var reports = new[]
        {
            """{ "evaluationDate": "2025-04-14", "application": { "channel": "outside_canada_online" } }""",
            """{ "evaluationDate": "2025-04-14", "application": { "channel": "inside_canada_online" }, "statusInCanada": { "location": "in_canada", "status": "visitor" } }""",
            """
            { "evaluationDate": "2025-04-14",
              "application": { "channel": "port_of_entry", "form": "poe_same_day", "permitType": "employer_specific_lmia_exempt", "program": "other_imp", "superVisa": false },
              "statusInCanada": { "location": "outside_canada" },
              "travel": { "tripType": "arriving_from_abroad", "mode": "air", "arrivalDate": "2025-04-14", "portOfEntry": "YVR", "portOfEntryOffersBiometrics": true,
                          "startAndFinishAtSamePoe": true, "heldCanadianVisaPast10Years": false, "validUsNonImmigrantVisa": false, "flagpoleExemption": "none" },
              "person": { "citizenships": ["FR"], "passportCountry": "FR", "usLawfulPermanentResident": false, "sufficientFunds": true, "criminalRecord": "none",
                          "securityConcern": "none", "healthConditionConcern": "none" },
              "job": { "hasJobOffer": true, "employerCompletedRequiredSteps": true, "offerOfEmploymentNumberAvailable": true, "employerComplianceFeePaid": true,
                       "inQuebec": false, "employerNonComplianceStatus": "not_listed", "employerRegularlyOffersSexualServices": false, "publicHealthProtection": false },
              "officer": { "satisfiedDepartureIntent": true, "documentsRequested": "none", "policeCertificateRequested": false, "medicalExamRequested": false },
              "medical": { "intendedStayMonths": 6 } }
            """,
        };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var profile in reports)
        {
            var response = await factory.CreateClient().PostAsync("/v1/evaluate", Profiles.Json(profile));
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            seen.UnionWith(report.RootElement.EnumerateObject().Select(p => p.Name));
        }

        var declared = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(declared.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ProfileSchema_HasTheLibrarysPropertyNames()
    {
        using var document = await ReadDocumentAsync();
        var body = Operation(document.RootElement, RealCalls["evaluate: a report"]).GetProperty("requestBody");

        var schema = Resolve(document.RootElement, body.GetProperty("content").GetProperty("application/json").GetProperty("schema"));

        // The library's own JSON Schema is what it checks a profile against; the document must name the same
        // properties, in the same camelCase, down to the second level.
        using var library = JsonDocument.Parse(ProfileJson.JsonSchema());
        Assert.Equal(Names(library.RootElement), Names(schema));
        foreach (var property in library.RootElement.GetProperty("properties").EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Object && p.Value.TryGetProperty("properties", out _)))
        {
            var documented = Resolve(document.RootElement, NonNull(schema.GetProperty("properties").GetProperty(property.Name)));
            Assert.Equal(Names(property.Value), Names(documented));
        }

        static List<string> Names(JsonElement schema) => [.. schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
    }

    private async Task<JsonDocument> ReadDocumentAsync() =>
        JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"));

    private async Task<HttpResponseMessage> SendAsync(RealCall call)
    {
        using var app = call.Broken ? factory.WithEvaluator(new ThrowingEvaluator()) : null;
        var client = (app ?? (WebApplicationFactory<global::Program>)factory).CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(call.Method), call.Path);
        if (call.Body is not null)
        {
            request.Content = Profiles.Body(call.Body, call.MediaType);
        }

        if (call.Host is not null)
        {
            request.Headers.Host = call.Host;
        }

        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static JsonElement Operation(JsonElement document, RealCall call) =>
        document.GetProperty("paths").EnumerateObject()
            .Single(p => Matches(p.Name, call.Path)).Value
            .GetProperty(call.Method.ToLowerInvariant());

    /// <summary>Whether an OpenAPI path template (<c>/v1/rules/{id}</c>) matches a real path.</summary>
    private static bool Matches(string template, string path)
    {
        var parts = template.Split('/');
        var real = path.Split('/');
        return parts.Length == real.Length && parts.Zip(real).All(p => p.First.StartsWith('{') || p.First == p.Second);
    }

    private static IEnumerable<(string Name, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Select(o => ($"{o.Name} {p.Name}", o.Value)));

    /// <summary>The schema itself when <paramref name="schema"/> is a reference to a component.</summary>
    private static JsonElement Resolve(JsonElement document, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;

    /// <summary>The schema of a property that may be null: the branch of its <c>oneOf</c> that is not null.</summary>
    private static JsonElement NonNull(JsonElement schema) =>
        schema.TryGetProperty("oneOf", out var branches)
            ? branches.EnumerateArray().Single(b => !(b.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "null"))
            : schema;

    /// <summary>One request of the theory, with the status it must get (so that each case really is the answer it is named for).</summary>
    private sealed record RealCall(int Status, string Method, string Path, string? Body = null, string? MediaType = null, string? Host = null, bool Broken = false);
}
