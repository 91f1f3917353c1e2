using System.Text.Json.Nodes;
using WorkPermit.Rules.Cli.Tests.Support;

namespace WorkPermit.Rules.Cli.Tests;

/// <summary><c>schema</c>.</summary>
public sealed class SchemaCommandTests
{
    [Fact]
    public void Schema_PrintsTheGeneratedProfileSchema()
    {
        var run = Workpermit.Run("schema");

        Assert.True(run.ExitCode == 0, run.ToString());
        var schema = JsonNode.Parse(run.Output)!.AsObject();
        Assert.Contains("2020-12", schema["$schema"]!.GetValue<string>(), StringComparison.Ordinal);
        var properties = schema["properties"]!.AsObject();
        Assert.True(properties.ContainsKey("travel"));
        Assert.True(properties.ContainsKey("evaluationDate"));
        Assert.Equal(ProfileJson.JsonSchema().Trim(), run.Output.Trim());
    }
}
