namespace WorkPermit.Rules.Testing.Tests.Support;

/// <summary>A clock stopped at a given instant (the registry has no FakeTimeProvider).</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public static FixedTimeProvider On(int year, int month, int day) => new(new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}

/// <summary>The evaluator under test: the library's default configuration, with a fixed clock so that profiles without
/// an evaluation date give the same report every time.</summary>
public static class TestEvaluators
{
    public static DateOnly Today { get; } = new(2025, 11, 21);

    public static IWorkPermitEvaluator Default { get; } = WorkPermitEvaluator.Create(timeProvider: FixedTimeProvider.On(2025, 11, 21));

    public static WorkPermitInvariants Invariants { get; } = new(Default);

    public static WorkPermitGenerators Generators { get; } = new(Default.ReferenceData);
}
