using System.Text.Json;
using WorkPermit.Rules.Json;
using WorkPermit.Rules.Tests.Support;

namespace WorkPermit.Rules.Tests;

/// <summary>
/// Profiles are read by a reader generated from the fact table (tools/profile_reader.py) rather than by the
/// serializer's metadata. These tests pin that both give the same profile for every checked input.
/// </summary>
public sealed class ProfileReaderTests
{
    public static TheoryData<string> Cases() => [.. CaseFiles.All()];

    public static TheoryData<string> Edges() =>
    [
        """{}""",
        """{ "person": {}, "travel": null, "evaluationDate": null }""",
        """{ "person": { "citizenships": [], "passportCountry": null, "accompanyingFamilyCount": 0 } }""",
        """{ "medical": { "intendedStayMonths": 6.50, "designatedCountryMonthsPastYear": 0, "residenceHistory": [ { "country": "IN", "from": "2024-01-01", "to": null }, { }, { "to": "2024-12-31" } ] } }""",
        """{ "application": { "documentSubmittedAt": "2025-06-15T23:59:59.999-07:00", "documentRequestDeadline": "2025-06-16" } }""",
        """{ "tr\u0061vel": { "m\u006fde": "\u0073ea", "arrivalDate": "2025\u002d02\u002d28" } }""",
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Read_CaseFileProfile_SameAsSerializer(string file) => AssertSame(CaseFiles.Load(file).Profile.ToJsonString());

    [Theory]
    [MemberData(nameof(Edges))]
    public void Read_EdgeCase_SameAsSerializer(string json) => AssertSame(json);

    [Fact]
    public void Read_EveryFactSet_SameAsSerializer()
    {
        // One profile that states every fact the contract defines, each with a non-default value.
        var groups = new Dictionary<string, Dictionary<string, object?>>(StringComparer.Ordinal);
        var root = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var fact in ProfileJson.Facts)
        {
            object value = fact.Kind switch
            {
                FactKind.Boolean => true,
                FactKind.Enumeration => fact.AllowedAnswers[^1],
                FactKind.Date => "2024-02-29",
                FactKind.DateTime => "2024-12-24T23:59:00+00:00",
                FactKind.Country => "MX",
                FactKind.Countries => new[] { "MX", "US" },
                FactKind.Count => 3,
                FactKind.Number => 12.5m,
                FactKind.Periods => new[] { new { country = "CN", from = "2024-01-01", to = "2024-07-01" } },
                _ => "text",
            };
            var dot = fact.Path.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0)
            {
                root[fact.Path] = value;
                continue;
            }

            var group = fact.Path[..dot];
            if (!groups.TryGetValue(group, out var facts))
            {
                groups[group] = facts = new(StringComparer.Ordinal);
                root[group] = facts;
            }

            facts[fact.Path[(dot + 1)..]] = value;
        }

        var json = JsonSerializer.Serialize(root);
        var profile = AssertSame(json);
        Assert.All(ProfileJson.Facts, fact => Assert.Contains($"\"{fact.Path.Split('.')[^1]}\"", ProfileJson.Write(profile), StringComparison.Ordinal));
    }

    private static WorkPermitProfile AssertSame(string json)
    {
        var read = ProfileJson.Read(json);
        Assert.True(read.IsValid, string.Join("; ", read.Errors));
        var expected = JsonSerializer.Deserialize(json, WorkPermitJsonContext.Default.WorkPermitProfile);
        Assert.Equal(expected, read.Profile);
        Assert.Equal(ProfileJson.Write(expected!), ProfileJson.Write(read.Profile!));
        return read.Profile!;
    }
}
