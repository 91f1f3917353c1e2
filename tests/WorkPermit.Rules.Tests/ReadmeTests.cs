using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace WorkPermit.Rules.Tests;

/// <summary>
/// The repository README's JSON quick start, read from the README itself: the profile it shows going in gives the
/// report excerpt it shows coming out, so the first example a newcomer reads stays true.
/// </summary>
public sealed partial class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));

    [Fact]
    public void QuickStartJson_ProfileShown_GivesTheReportExcerptShown()
    {
        var blocks = JsonBlocks().Matches(Readme[Readme.IndexOf("## Quick start (JSON)", StringComparison.Ordinal)..])
            .Select(m => m.Groups[1].Value)
            .ToArray();
        var profileJson = blocks[0];
        var excerpt = JsonNode.Parse(Regex.Replace(blocks[1], @"""\.\.\.""|""…""", "null"))!;

        var result = WorkPermitEvaluator.Create().Evaluate(profileJson);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        var report = JsonNode.Parse(ReportJson.Write(result.Report!))!;
        foreach (var section in new[] { "general", "portOfEntry", "employer" })
        {
            Assert.True(JsonNode.DeepEquals(excerpt[section], report[section]), $"{section}: README shows {excerpt[section]}, the report has {report[section]}");
        }

        Assert.Equal(
            excerpt["documents"]!.AsArray().Select(d => d!["id"]!.GetValue<string>()).Order(),
            report["documents"]!.AsArray().Select(d => d!["id"]!.GetValue<string>()).Order());
        var question = excerpt["questions"]![0]!;
        Assert.True(JsonNode.DeepEquals(question, report["questions"]![0]), $"first question: README shows {question}, the report has {report["questions"]![0]}");
        Assert.Equal(excerpt["ruleSet"]!["rules"]!.GetValue<int>(), report["ruleSet"]!["rules"]!.GetValue<int>());
        foreach (var field in new[] { "channel", "outcome", "blocking", "open", "awaitsOfficer" })
        {
            Assert.True(JsonNode.DeepEquals(excerpt["summary"]![field], report["summary"]![field]), $"summary.{field}: README shows {excerpt["summary"]![field]}, the report has {report["summary"]![field]}");
        }

        Assert.StartsWith(excerpt["summary"]!["text"]!.GetValue<string>().Replace(" ...", string.Empty, StringComparison.Ordinal), report["summary"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(excerpt["documents"]!.ToJsonString(), report["documents"]!.ToJsonString());
        Assert.True(JsonNode.DeepEquals(excerpt["facts"], report["facts"]), $"facts: README shows {excerpt["facts"]}, the report has {report["facts"]}");
    }

    [Fact]
    public void SuggestionsExample_ProfileShown_GivesTheSuggestionsShown()
    {
        var from = Readme.IndexOf("## What would change the answer", StringComparison.Ordinal);
        var blocks = JsonBlocks().Matches(Readme[from..Readme.IndexOf("## Install", from, StringComparison.Ordinal)])
            .Select(m => m.Groups[1].Value)
            .ToArray();
        var excerpt = JsonNode.Parse(blocks[1])!;

        var result = WorkPermitEvaluator.Create().Evaluate(blocks[0]);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        var report = JsonNode.Parse(ReportJson.Write(result.Report!))!;
        foreach (var field in new[] { "channel", "outcome", "blocking" })
        {
            Assert.True(JsonNode.DeepEquals(excerpt["summary"]![field], report["summary"]![field]), $"summary.{field}: README shows {excerpt["summary"]![field]}, the report has {report["summary"]![field]}");
        }

        Assert.True(JsonNode.DeepEquals(excerpt["suggestions"], report["suggestions"]), $"suggestions: README shows {excerpt["suggestions"]}, the report has {report["suggestions"]}");
        Assert.True(JsonNode.DeepEquals(excerpt["suggestionSearch"], report["suggestionSearch"]), $"suggestionSearch: README shows {excerpt["suggestionSearch"]}, the report has {report["suggestionSearch"]}");

        // The pair the README says is left out does work: it is left out only because one change is enough.
        var pair = WorkPermitEvaluator.Create(o => o.Suggestions.Enabled = false).Evaluate(blocks[0]
            .Replace("\"passportCountry\": \"IN\"", "\"passportCountry\": \"FR\"", StringComparison.Ordinal)
            .Replace("\"employerComplianceFeePaid\": false", "\"employerComplianceFeePaid\": true", StringComparison.Ordinal));
        Assert.Empty(pair.Report!.Summary.Blocking);
    }

    [GeneratedRegex(@"```json\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlocks();

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "WorkPermit.Rules.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No folder above {AppContext.BaseDirectory} holds WorkPermit.Rules.sln.");
    }
}
