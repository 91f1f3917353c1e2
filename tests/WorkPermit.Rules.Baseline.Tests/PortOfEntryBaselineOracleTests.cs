using WorkPermit.Rules.Baseline.Tests.Support;
using WorkPermit.Rules.Cases;
using WorkPermit.Rules.Testing;
using Xunit.Abstractions;

namespace WorkPermit.Rules.Baseline.Tests;

/// <summary>
/// The oracle property: on generated profiles the library's engine and the plain C# baseline give the same port-of-entry
/// outcome, requirements, exclusions at yes and at unknown, eTA status and route, and for someone applying from inside
/// Canada or in Canada the same inside-Canada outcome (INS-10, which that route follows). Each property draws its profiles from
/// <see cref="WorkPermitArbitraries"/> (the engine's default configuration reads the same embedded reference data) or from
/// the arbitraries below. A failure prints the shrunk counterexample profile as JSON with both results, ready to be saved
/// as a case file.
/// </summary>
[Properties(Arbitrary = [typeof(WorkPermitArbitraries)])]
public sealed class PortOfEntryBaselineOracleTests(ITestOutputHelper output)
{
    private static readonly WorkPermitGenerators Generators = Oracle.Default.Generators;

    [Property(MaxTest = 2500)]
    public void Determine_GeneratedProfilesOfEveryChannel_AgreesWithEngine(WorkPermitProfile profile) => Oracle.Default.Agree(profile);

    [Property(Arbitrary = [typeof(PartialPortOfEntry)], MaxTest = 3000)]
    public void Determine_PartialPortOfEntryProfiles_AgreesWithEngine(WorkPermitProfile profile) => Oracle.Default.Agree(profile);

    [Property(Arbitrary = [typeof(CompletePortOfEntry)], MaxTest = 1000)]
    public void Determine_CompletePortOfEntryProfiles_AgreesWithEngine(WorkPermitProfile profile) => Oracle.Default.Agree(profile);

    [Property(Arbitrary = [typeof(PortOfEntryWithExclusion)], MaxTest = 1000)]
    public void Determine_PortOfEntryProfilesWithAnExclusion_AgreesWithEngine(WorkPermitProfile profile) => Oracle.Default.Agree(profile);

    [Property(Arbitrary = [typeof(ChannelUnknown)], MaxTest = 1000)]
    public void Determine_ChannelUnknown_AgreesWithEngine(WorkPermitProfile profile) => Oracle.Default.Agree(profile);

    [Property(MaxTest = 500)]
    public void Determine_DatedBoundaryCases_AgreesWithEngineOnBothSides(BoundaryCase boundary) => Oracle.Default.Agree(boundary.Before, boundary.After);

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

    // FsCheck keeps one arbitrary per type: each other generator of profiles is a class of its own, named by its property.
    public static class PartialPortOfEntry
    {
        public static Arbitrary<WorkPermitProfile> Profiles { get; } = WorkPermitGenerators.Arbitrary(Generators.PortOfEntry);
    }

    public static class CompletePortOfEntry
    {
        public static Arbitrary<WorkPermitProfile> Profiles { get; } =
            WorkPermitGenerators.Arbitrary(Generators.ForChannel(ApplicationChannel.PortOfEntry, ProfileKnowledge.Complete));
    }

    public static class PortOfEntryWithExclusion
    {
        public static Arbitrary<WorkPermitProfile> Profiles { get; } = WorkPermitGenerators.Arbitrary(Generators.PortOfEntryWithExclusion);
    }

    public static class ChannelUnknown
    {
        public static Arbitrary<WorkPermitProfile> Profiles { get; } = WorkPermitGenerators.Arbitrary(Generators.ForChannel(null));
    }
}
