using FsCheck;
using FsCheck.Fluent;

namespace WorkPermit.Rules.Testing;

/// <summary>
/// FsCheck arbitraries of work-permit profiles, boundary cases and citizenships over the embedded reference data
/// (<see cref="WorkPermitGenerators.Default"/>), to register with FsCheck by type: FsCheck takes every public static
/// property of this class that returns an <c>Arbitrary&lt;T&gt;</c> as the arbitrary of <c>T</c>.
/// </summary>
/// <remarks>
/// <para>With FsCheck.Xunit, name the class in the attribute and take the values as parameters:
/// <c>[Property(Arbitrary = [typeof(WorkPermitArbitraries)])] public bool MyCheck(WorkPermitProfile p)</c>. With another test
/// framework, register it in a configuration (<c>Config.QuickThrowOnFailure.WithArbitrary([typeof(WorkPermitArbitraries)])</c>
/// with <c>Check.One</c>) or pass a property to <c>Prop.ForAll</c> directly.</para>
/// <para>A host that overrides reference lists writes its own class of the same shape over
/// <c>new WorkPermitGenerators(evaluator.ReferenceData)</c>, so that countries and list boundaries follow its data; so does
/// a test that wants another generator of the same type, such as <see cref="WorkPermitGenerators.PortOfEntryWithExclusion"/>.</para>
/// </remarks>
public static class WorkPermitArbitraries
{
    /// <summary>Gets partial profiles (four in five) and complete ones (one in five) of every channel
    /// (<see cref="WorkPermitGenerators.AnyProfile"/>), shrinking with <see cref="ProfileShrinker.Shrink(WorkPermitProfile)"/>:
    /// groups made unknown, then single facts, then extra citizenships and residence periods; the evaluation date is kept.</summary>
    /// <value>The arbitrary of <see cref="WorkPermitProfile"/>.</value>
    public static Arbitrary<WorkPermitProfile> Profiles { get; } = WorkPermitGenerators.Default.Profiles;

    /// <summary>Gets one boundary case of every dated rule, in turn at random (<see cref="WorkPermitGenerators.BoundaryCases"/>),
    /// shrinking both profiles alike with <see cref="ProfileShrinker.Shrink(BoundaryCase)"/> and keeping the facts the boundary pins.</summary>
    /// <value>The arbitrary of <see cref="BoundaryCase"/>.</value>
    public static Arbitrary<BoundaryCase> BoundaryCases { get; } = WorkPermitGenerators.Arbitrary(WorkPermitGenerators.Default.BoundaryCases);

    /// <summary>Gets one to three citizenships with the passport one of them (<see cref="WorkPermitGenerators.Citizenship"/>),
    /// shrinking by dropping a citizenship other than the passport's.</summary>
    /// <value>The arbitrary of <see cref="Citizenship"/>.</value>
    public static Arbitrary<Citizenship> Citizenships { get; } = Arb.From(WorkPermitGenerators.Default.Citizenship, ShrinkCitizenship);

    private static IEnumerable<Citizenship> ShrinkCitizenship(Citizenship citizenship) =>
        citizenship.Citizenships
            .Where(country => country != citizenship.Passport)
            .Select(country => citizenship with { Citizenships = [.. citizenship.Citizenships.Where(c => c != country)] });
}
