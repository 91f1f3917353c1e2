namespace WorkPermit.Rules.Testing.Tests;

/// <summary>
/// <see cref="WorkPermitArbitraries"/> registered the way the README shows: FsCheck finds its arbitraries (without them it
/// cannot build a <see cref="WorkPermitProfile"/> and these properties fail), the values are the package's generated ones,
/// and a failing property shrinks its profile.
/// </summary>
public sealed class WorkPermitArbitrariesTests
{
    private static readonly WorkPermitGenerators Generators = WorkPermitGenerators.Default;

    [Property(Arbitrary = [typeof(WorkPermitArbitraries)])]
    public bool Profiles_Registered_GeneratedProfileIsValid(WorkPermitProfile profile) =>
        profile is not null && ProfileJson.Validate(profile).Count == 0
        && (profile.Person?.Citizenships ?? []).All(IsGeneratedCountry);

    [Property(Arbitrary = [typeof(WorkPermitArbitraries)], MaxTest = 50)]
    public bool BoundaryCases_Registered_BothProfilesValidAcrossADatedRule(BoundaryCase boundaryCase) =>
        boundaryCase is not null && Generators.DatedBoundaries.Any(b => b.Id == boundaryCase.Boundary.Id)
        && ProfileJson.Validate(boundaryCase.Before).Count == 0 && ProfileJson.Validate(boundaryCase.After).Count == 0;

    [Property(Arbitrary = [typeof(WorkPermitArbitraries)])]
    public bool Citizenships_Registered_PassportIsOneOfThem(Citizenship citizenship) =>
        citizenship is not null && citizenship.Citizenships.Contains(citizenship.Passport)
        && citizenship.Citizenships.Distinct().Count() == citizenship.Citizenships.Count && citizenship.Citizenships.All(IsGeneratedCountry);

    [Fact]
    public void Profiles_FalseProperty_ShrinksToAProfileWithOneFactTooMany()
    {
        // False as soon as a profile knows three facts. The first failing profile is the original, the last one tried the shrunk
        // counterexample: shrinking ends on a failing value none of whose candidates fails.
        WorkPermitProfile? original = null;
        WorkPermitProfile? shrunk = null;
        var config = Config.QuickThrowOnFailure.WithArbitrary([typeof(WorkPermitArbitraries)]).WithMaxTest(100).WithQuietOnSuccess(true);

        var failure = Assert.ThrowsAny<Exception>(() => Check.One(config, Prop.ForAll((WorkPermitProfile profile) =>
        {
            var holds = ProfileFacts.Known(profile).Count <= 2;
            if (!holds)
            {
                original ??= profile;
                shrunk = profile;
            }

            return holds;
        })));

        Assert.Equal(3, ProfileFacts.Known(shrunk!).Count);
        if (ProfileFacts.Known(original!).Count > 3)
        {
            // Almost always: a generated profile knows far more than three facts (about 1 in 1,000 knows three or fewer).
            Assert.Matches(@"\([1-9][0-9]* shrinks?\)", failure.Message);
        }

        Assert.Equal(original!.EvaluationDate, shrunk!.EvaluationDate);
        Assert.Empty(ProfileJson.Validate(shrunk!));
    }

    [Fact]
    public void Citizenships_Shrink_DropsCitizenshipsOtherThanThePassport()
    {
        var citizenship = new Citizenship(["FR", "MX", "IN"], "MX");

        var shrinks = WorkPermitArbitraries.Citizenships.Shrinker(citizenship).ToArray();

        Assert.Equal([new Citizenship(["MX", "IN"], "MX"), new Citizenship(["FR", "MX"], "MX")], shrinks);
    }

    private static bool IsGeneratedCountry(string country) =>
        Generators.VisaExemptCountries.Contains(country) || Generators.ConditionalEtaCountries.Contains(country)
        || Generators.DesignatedCountries.Contains(country) || Generators.OtherCountries.Contains(country) || country == "IN";
}
