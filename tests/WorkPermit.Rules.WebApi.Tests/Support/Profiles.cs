using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace WorkPermit.Rules.WebApi.Tests.Support;

/// <summary>Profiles and requests the tests send, and how they read problem details.</summary>
public static class Profiles
{
    /// <summary>The README's example: an Indian citizen at a land port of entry, with a few facts unknown.</summary>
    public const string PortOfEntry = """
        {
          "evaluationDate": "2025-04-14",
          "application": { "channel": "port_of_entry", "permitType": "employer_specific_lmia_exempt", "program": "other_imp" },
          "statusInCanada": { "location": "outside_canada" },
          "person": { "citizenships": ["IN"], "passportCountry": "IN" },
          "travel": { "mode": "land", "arrivalDate": "2025-04-14" },
          "job": { "employerCompletedRequiredSteps": true, "offerOfEmploymentNumberAvailable": true, "employerComplianceFeePaid": true }
        }
        """;

    /// <summary>A JSON body with the given text.</summary>
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>A body with the given media type (or none at all).</summary>
    public static ByteArrayContent Body(string text, string? mediaType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        if (mediaType is not null)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        }

        return content;
    }

    /// <summary>Reads a problem-details response, checking its media type and that it has the status, a title and a detail.</summary>
    public static async Task<JsonElement> ReadProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        var problem = document.RootElement.Clone();
        Assert.Equal((int)response.StatusCode, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }

    /// <summary>The (path, message) pairs of a 400's <c>errors</c>.</summary>
    public static List<(string Path, string Message)> Errors(JsonElement problem) =>
        [.. problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("path").GetString()!, e.GetProperty("message").GetString()!))];
}
