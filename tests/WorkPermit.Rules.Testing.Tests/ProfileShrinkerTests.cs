using WorkPermit.Rules.Testing.Tests.Support;

namespace WorkPermit.Rules.Testing.Tests;

public sealed class ProfileShrinkerTests
{
    private static readonly WorkPermitGenerators Generators = TestEvaluators.Generators;

    [Fact]
    public void Shrink_GeneratedProfiles_CandidatesValidSmallerConsistentAndKeepTheEvaluationDate()
    {
        foreach (var profile in Generators.AnyProfile.Sample(150, 50))
        {
            var size = Size(profile);
            foreach (var candidate in ProfileShrinker.Shrink(profile))
            {
                Assert.Empty(ProfileJson.Validate(candidate));
                Assert.True(Size(candidate) < size);
                Assert.Equal(profile.EvaluationDate, candidate.EvaluationDate);
                if (candidate.Person is { Citizenships: { } citizenships, PassportCountry: { } passport })
                {
                    Assert.Contains(passport, citizenships);
                }
            }
        }
    }

    [Fact]
    public void Shrink_GroupsFirst_ThenFacts()
    {
        var profile = ProfileJson.Read("""{"evaluationDate":"2025-06-01","person":{"citizenships":["FR","US"],"passportCountry":"FR"},"job":{"inQuebec":true}}""").Profile!;

        var candidates = ProfileShrinker.Shrink(profile).Select(p => ProfileJson.Write(p)).ToArray();

        Assert.Equal("""{"evaluationDate":"2025-06-01","job":{"inQuebec":true}}""", candidates[0]);
        Assert.Equal("""{"evaluationDate":"2025-06-01","person":{"citizenships":["FR","US"],"passportCountry":"FR"}}""", candidates[1]);
        Assert.Contains("""{"evaluationDate":"2025-06-01","person":{"citizenships":["FR"],"passportCountry":"FR"},"job":{"inQuebec":true}}""", candidates);
        Assert.DoesNotContain("""{"evaluationDate":"2025-06-01","person":{"citizenships":["US"],"passportCountry":"FR"},"job":{"inQuebec":true}}""", candidates);
    }

    [Fact]
    public void Shrink_BoundaryCase_KeepsMovedAndPinnedFactsAndTheDifference()
    {
        foreach (var boundaryCase in Generators.BoundaryCases.Sample(60, 50))
        {
            var pinned = boundaryCase.Boundary.PinnedFacts.Append(boundaryCase.Boundary.MovedFact).ToArray();
            foreach (var smaller in ProfileShrinker.Shrink(boundaryCase))
            {
                foreach (var path in pinned)
                {
                    Assert.Equal(ProfileFacts.IsKnown(boundaryCase.Before, path), ProfileFacts.IsKnown(smaller.Before, path));
                }

                Assert.Equal(ProfileFacts.Get(boundaryCase.Before, boundaryCase.Boundary.MovedFact), ProfileFacts.Get(smaller.Before, boundaryCase.Boundary.MovedFact));
                Assert.Equal(ProfileFacts.Get(boundaryCase.After, boundaryCase.Boundary.MovedFact), ProfileFacts.Get(smaller.After, boundaryCase.Boundary.MovedFact));
                Assert.Equal(ProfileFacts.Known(smaller.Before), ProfileFacts.Known(smaller.After));
            }
        }
    }

    private static int Size(WorkPermitProfile profile) =>
        ProfileFacts.Known(profile).Count + (profile.Person?.Citizenships?.Count ?? 0) + (profile.Medical?.ResidenceHistory?.Count ?? 0)
        + ProfileFacts.Groups.Count(g => ProfileFacts.HasGroup(profile, g));
}
