using System.Text.Json;
using System.Text.Json.Nodes;

namespace WorkPermit.Rules.Tests.Support;

/// <summary>A case file of the contract: a profile and a partial expected report.</summary>
public sealed record CaseFile(string File, string Id, string Name, string Description, JsonObject Profile, JsonObject Expect, IReadOnlyList<string> Rules, IReadOnlyList<string> Interpretations)
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Cases");

    public static IReadOnlyList<CaseFile> LoadAll() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(Load)
            .ToArray();

    public static CaseFile Load(string file)
    {
        var node = JsonNode.Parse(System.IO.File.ReadAllText(file))!.AsObject();
        return new CaseFile(
            Path.GetRelativePath(Directory, file),
            node["id"]!.GetValue<string>(),
            node["name"]?.GetValue<string>() ?? string.Empty,
            node["description"]?.GetValue<string>() ?? string.Empty,
            node["profile"]!.AsObject(),
            node["expect"]!.AsObject(),
            node["rules"]?.AsArray().Select(r => r!.GetValue<string>()).ToArray() ?? [],
            node["interpretations"]?.AsArray().Select(r => r!.GetValue<string>()).ToArray() ?? []);
    }

    public override string ToString() => $"{Id} {Name}";
}

/// <summary>Compares a report with a case's partial expectation, with contract.md's matching rules.</summary>
public static class CaseMatcher
{
    /// <summary>Returns every difference as (path, expected, actual).</summary>
    public static IReadOnlyList<(string Path, string Expected, string Actual)> Differences(JsonObject expect, JsonNode report)
    {
        var differences = new List<(string, string, string)>();
        Compare(expect, report, "", differences);
        return differences;
    }

    private static void Compare(JsonNode? expected, JsonNode? actual, string path, List<(string, string, string)> differences)
    {
        switch (expected)
        {
            case JsonObject expectedObject:
                if (actual is not JsonObject actualObject)
                {
                    differences.Add((path, Show(expected), Show(actual)));
                    return;
                }

                foreach (var (name, value) in expectedObject)
                {
                    var childPath = path.Length == 0 ? name : $"{path}.{name}";
                    if (!actualObject.TryGetPropertyValue(name, out var actualValue) || actualValue is null)
                    {
                        differences.Add((childPath, Show(value), "(absent)"));
                        continue;
                    }

                    Compare(value, actualValue, childPath, differences);
                }

                return;
            case JsonArray expectedArray:
                if (actual is not JsonArray actualArray)
                {
                    differences.Add((path, Show(expected), Show(actual)));
                    return;
                }

                var expectedSet = expectedArray.Select(Key).Order(StringComparer.Ordinal).ToArray();
                var actualSet = actualArray.Select(a => expectedArray.All(e => e is JsonValue) && a is JsonObject o && o["id"] is JsonValue id ? id.ToJsonString() : Key(a))
                    .Order(StringComparer.Ordinal).ToArray();
                if (!expectedSet.SequenceEqual(actualSet))
                {
                    differences.Add((path, $"[{string.Join(", ", expectedSet)}]", $"[{string.Join(", ", actualSet)}]"));
                }

                return;
            default:
                if (!JsonNode.DeepEquals(expected, actual))
                {
                    differences.Add((path, Show(expected), Show(actual)));
                }

                return;
        }
    }

    private static string Key(JsonNode? node) => node?.ToJsonString() ?? "null";

    private static string Show(JsonNode? node) => node?.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) ?? "null";
}
