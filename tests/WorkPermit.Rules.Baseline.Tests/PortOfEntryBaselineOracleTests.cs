using WorkPermit.Rules.Baseline.Tests.Support;
using WorkPermit.Rules.Cases;
using WorkPermit.Rules.Testing;
using Xunit.Abstractions;

namespace WorkPermit.Rules.Baseline.Tests;

/// <summary>
/// The oracle property: on generated profiles the library's engine and the plain C# baseline give the same port-of-entry
/// outcome, requirements, exclusions at yes and at unknown, eTA status and route. A failure prints the shrunk
/// counterexample profile as JSON with both results, ready to be saved as a case file.
/// </summary>
public sealed class PortOfEntryBaselineOracleTests(ITestOutputHelper output)
{
    private static readonly WorkPermitGenerators Generators = Oracle.Default.Generators;

    [Fact]
    public void Determine_GeneratedProfilesOfEveryChannel_AgreesWithEngine() =>
        Oracle.Default.Check(output, "any channel, partial and complete", Generators.Profiles, 2500, profile => [profile]);

    [Fact]
    public void Determine_PartialPortOfEntryProfiles_AgreesWithEngine() =>
        Oracle.Default.Check(output, "port of entry, partial", WorkPermitGenerators.Arbitrary(Generators.PortOfEntry), 3000, profile => [profile]);

    [Fact]
    public void Determine_CompletePortOfEntryProfiles_AgreesWithEngine() =>
        Oracle.Default.Check(output, "port of entry, complete", WorkPermitGenerators.Arbitrary(Generators.ForChannel(ApplicationChannel.PortOfEntry, ProfileKnowledge.Complete)),
            1000, profile => [profile]);

    [Fact]
    public void Determine_PortOfEntryProfilesWithAnExclusion_AgreesWithEngine() =>
        Oracle.Default.Check(output, "port of entry, exclusion forced", WorkPermitGenerators.Arbitrary(Generators.PortOfEntryWithExclusion), 1000, profile => [profile]);

    [Fact]
    public void Determine_ChannelUnknown_AgreesWithEngine() =>
        Oracle.Default.Check(output, "channel unknown", WorkPermitGenerators.Arbitrary(Generators.ForChannel(null)), 1000, profile => [profile]);

    [Fact]
    public void Determine_DatedBoundaryCases_AgreesWithEngineOnBothSides() =>
        Oracle.Default.Check(output, "dated boundaries (both sides)", WorkPermitGenerators.Arbitrary(Generators.BoundaryCases), 500,
            boundary => [boundary.Before, boundary.After]);

    [Fact]
    public void Determine_EveryCaseFile_AgreesWithEngine()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "Cases");
        var files = Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        Assert.True(files.Length > 100, $"expected the library's case files under {directory}");
        var disagreements = new List<string>();
        foreach (var file in files)
        {
            var caseFile = CaseFile.Load(file);
            var read = ProfileJson.Read(caseFile.Profile.ToJsonString());
            Assert.True(read.Profile is not null, $"{file}: {string.Join("; ", read.Errors)}");
            if (Oracle.Default.Disagreement(read.Profile!) is { } disagreement)
            {
                disagreements.Add($"{caseFile} ({Path.GetRelativePath(directory, file)}): {disagreement}");
            }
        }

        output.WriteLine($"case files: {files.Length} profiles compared");
        Assert.True(disagreements.Count == 0, string.Join(Environment.NewLine, disagreements));
    }
}
