using WorkPermit.Rules.Testing.Tests.Support;

namespace WorkPermit.Rules.Testing.Tests;

/// <summary>The README's examples, as written there (with fewer cases), so that they keep compiling and passing.</summary>
public sealed class ReadmeExampleTests
{
    private static readonly IWorkPermitEvaluator Evaluator = WorkPermitEvaluator.Create(
        timeProvider: new FixedTimeProvider(new DateTimeOffset(2025, 11, 21, 12, 0, 0, TimeSpan.Zero)));

    private static readonly WorkPermitInvariants Invariants = new(Evaluator);

    [Property(Arbitrary = [typeof(WorkPermitArbitraries)])]
    public void Evaluation_NeverThrows(WorkPermitProfile p) =>
        Invariants.NeverThrows(p).ThrowIfFailed();

    [Property(Arbitrary = [typeof(WorkPermitArbitraries)], MaxTest = 10)]
    public void Knowledge_IsMonotonic(WorkPermitProfile p) =>
        Invariants.MonotonicKnowledge(p).ThrowIfFailed();

    [Property(Arbitrary = [typeof(WorkPermitArbitraries)], MaxTest = 200)]
    public void Boundaries_AreRespected(BoundaryCase c) =>
        Invariants.BoundaryRespected(c).ThrowIfFailed();

    [Property(Arbitrary = [typeof(ExclusionProfiles)], MaxTest = 200)]
    public void Exclusions_Dominate(WorkPermitProfile p) =>
        Invariants.ExclusionsDominate(p).ThrowIfFailed();

    // Your own reference data: the README's MyProfiles over an evaluator that adds a biometrics port.
    [Property(Arbitrary = [typeof(MyProfiles)], MaxTest = 100)]
    public void OwnReferenceData_Exclusions_Dominate(WorkPermitProfile p) =>
        MyRules.Invariants.ExclusionsDominate(p).ThrowIfFailed();

    [Fact]
    public void Evaluation_NeverThrows_InAPlainFact() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(100).WithArbitrary([typeof(WorkPermitArbitraries)]),
            Prop.ForAll((WorkPermitProfile p) => Invariants.NeverThrows(p).ThrowIfFailed()));

    public static class ExclusionProfiles
    {
        public static Arbitrary<WorkPermitProfile> Profiles { get; } =
            WorkPermitGenerators.Arbitrary(WorkPermitGenerators.Default.PortOfEntryWithExclusion);
    }

    public static class MyRules
    {
        public static IWorkPermitEvaluator Evaluator { get; } = WorkPermitEvaluator.Create(
            o => o.ReferenceData.Add("RD-04", new ReferenceEntry { Code = "YUL", Source = "CBSA biometrics page" }),
            FixedTimeProvider.On(2025, 11, 21));

        public static WorkPermitInvariants Invariants { get; } = new(Evaluator);
    }

    public static class MyProfiles
    {
        private static readonly WorkPermitGenerators Generators = new(MyRules.Evaluator.ReferenceData);

        public static Arbitrary<WorkPermitProfile> Profiles { get; } = Generators.Profiles;

        public static Arbitrary<BoundaryCase> BoundaryCases { get; } = WorkPermitGenerators.Arbitrary(Generators.BoundaryCases);
    }

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
