using WorkPermit.Rules.Testing.Tests.Support;

namespace WorkPermit.Rules.Testing.Tests;

/// <summary>The README's example, as written there (with fewer cases), so that it keeps compiling and passing.</summary>
public sealed class ReadmeExampleTests
{
    private static readonly IWorkPermitEvaluator Evaluator = WorkPermitEvaluator.Create(
        o => o.ReferenceData.Add("RD-04", new ReferenceEntry { Code = "YUL", Source = "CBSA biometrics page" }),
        new FixedTimeProvider(new DateTimeOffset(2025, 11, 21, 12, 0, 0, TimeSpan.Zero)));

    private static readonly WorkPermitInvariants Invariants = new(Evaluator);
    private static readonly WorkPermitGenerators Generators = new(Evaluator.ReferenceData);

    [Fact]
    public void Evaluation_NeverThrows() =>
        Prop.ForAll(Generators.Profiles, p => Invariants.NeverThrows(p).ThrowIfFailed())
            .QuickCheckThrowOnFailure();

    [Fact]
    public void Exclusions_Dominate() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200).WithQuietOnSuccess(true),
            Prop.ForAll(WorkPermitGenerators.Arbitrary(Generators.PortOfEntryWithExclusion),
                p => Invariants.ExclusionsDominate(p).ThrowIfFailed()));

    [Fact]
    public void Boundaries_AreRespected() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200).WithQuietOnSuccess(true),
            Prop.ForAll(WorkPermitGenerators.Arbitrary(Generators.BoundaryCases),
                c => Invariants.BoundaryRespected(c).ThrowIfFailed()));

    [Fact]
    public void ToCaseFile_FailedResult_WritesACaseFileWithTheProfile()
    {
        var profile = ProfileJson.Read("""{"evaluationDate":"2024-08-27","person":{"criminalRecord":"has_record"}}""").Profile!;
        var result = InvariantResult.From("Example", ["a problem"], profile);

        var file = System.Text.Json.Nodes.JsonNode.Parse(result.ToCaseFile("P001", "example")!)!;

        Assert.Equal("P001", file["id"]!.GetValue<string>());
        Assert.Equal("has_record", file["profile"]!["person"]!["criminalRecord"]!.GetValue<string>());
        Assert.Null(InvariantResult.Pass("Example").ToCaseFile("P001", "example"));
        Assert.True(result.Except(line => line == "a problem").Passed);
    }
}
