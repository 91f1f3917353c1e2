using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;

namespace WorkPermit.Rules;

public static partial class ProfileJson
{
    private static readonly Lazy<string> SchemaText = new(BuildSchema);

    /// <summary>Gets the JSON Schema (draft 2020-12) of the profile, generated from the model: every property with its
    /// type, its allowed values, its formats and the plain-language question that asks for it.</summary>
    /// <returns>The schema, as indented JSON.</returns>
    public static string JsonSchema() => SchemaText.Value;

    private static string BuildSchema()
    {
        var options = new JsonSerializerOptions(Json.WorkPermitJsonContext.Default.Options);
        var exporter = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = false,
            TransformSchemaNode = (context, node) =>
            {
                if (node is not JsonObject schema)
                {
                    return node;
                }

                if (schema.ContainsKey("properties"))
                {
                    schema["additionalProperties"] = false;
                }

                var path = PathOf(context);
                if (path is not null && ByPath.TryGetValue(path, out var fact))
                {
                    schema["description"] = $"{fact.Question} ({fact.VocabularyName})";
                    switch (fact.Kind)
                    {
                        case FactKind.Date:
                            schema["format"] = "date";
                            break;
                        case FactKind.DateTime:
                            schema["format"] = "date-time";
                            break;
                        case FactKind.Count or FactKind.Number:
                            schema["minimum"] = 0;
                            break;
                        case FactKind.Country:
                            schema["pattern"] = CountryPattern;
                            break;
                        case FactKind.Countries when schema["items"] is JsonObject items:
                            items["type"] = "string";
                            items["pattern"] = CountryPattern;
                            break;
                    }
                }

                return schema;
            },
        };
        var root = JsonSchemaExporter.GetJsonSchemaAsNode(options, typeof(WorkPermitProfile), exporter).AsObject();
        var ordered = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "https://workpermit-rules.example/schemas/profile.json",
            ["title"] = "Work permit profile",
            ["description"] = "Everything known about one applicant and application. Every fact is optional; a missing fact or null is unknown.",
        };
        foreach (var (name, value) in root)
        {
            ordered[name] = value?.DeepClone();
        }

        return ordered.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private const string CountryPattern = "^([A-Z]{2}|GB-(BNO|BOC|BOTC|BS))$";

    private static string? PathOf(JsonSchemaExporterContext context)
    {
        if (context.PropertyInfo is not { } property)
        {
            return null;
        }

        var group = context.Path.Length >= 2 ? context.Path[^2].ToString() : null;
        return context.Path.Length switch
        {
            1 => property.Name,
            _ when group is not null && group != "properties" => $"{group}.{property.Name}",
            _ => Parent(context.Path) is { } parent ? $"{parent}.{property.Name}" : property.Name,
        };
    }

    private static string? Parent(ReadOnlySpan<string> path)
    {
        // path is like ["properties", "travel", "properties", "mode"]: the group is two steps before the property.
        return path.Length >= 4 && path[^4] == "properties" ? path[^3] : null;
    }
}
