namespace WorkPermit.Rules.Testing.Tests.Support;

/// <summary>Port-of-entry profiles made to meet one exclusion (<see cref="WorkPermitGenerators.PortOfEntryWithExclusion"/>).
/// FsCheck keeps one arbitrary per type, so a property that wants these profiles rather than
/// <see cref="WorkPermitArbitraries.Profiles"/> names this class in its own <c>Arbitrary</c>.</summary>
public static class ExclusionProfiles
{
    public static Arbitrary<WorkPermitProfile> Profiles { get; } = WorkPermitGenerators.Arbitrary(TestEvaluators.Generators.PortOfEntryWithExclusion);
}

/// <summary>Batches of 20 profiles for the concurrency check, shrinking to either half of the batch.</summary>
public static class ProfileBatches
{
    public static Arbitrary<WorkPermitProfile[]> Batches { get; } = Arb.From(
        TestEvaluators.Generators.AnyProfile.ArrayOf(20),
        batch => batch.Length > 1 ? [batch[..(batch.Length / 2)], batch[(batch.Length / 2)..]] : []);
}
