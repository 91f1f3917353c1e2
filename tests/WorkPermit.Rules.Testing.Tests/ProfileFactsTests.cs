namespace WorkPermit.Rules.Testing.Tests;

public sealed class ProfileFactsTests
{
    public static TheoryData<string> Facts() => new(ProfileFacts.All.Select(f => f.Path));

    [Theory]
    [MemberData(nameof(Facts))]
    public void With_EveryFact_ReadsBackAndWritesAtItsJsonPath(string path)
    {
        var fact = ProfileFacts.Describe(path);
        object value = fact.Kind switch
        {
            FactKind.Boolean => true,
            FactKind.Enumeration => Enum.GetValues(fact.EnumType!).GetValue(1)!,
            FactKind.Date => new DateOnly(2025, 6, 1),
            FactKind.DateTime => new DateTimeOffset(2025, 6, 15, 17, 30, 0, TimeSpan.FromHours(-7)),
            FactKind.Country => "FR",
            FactKind.Countries => new[] { "FR", "US" },
            FactKind.Count => 2,
            FactKind.Number => 6.5m,
            FactKind.Text => "YVR",
            FactKind.Periods => new[] { new ResidencePeriod { Country = "IN", From = new DateOnly(2024, 1, 1), To = new DateOnly(2024, 9, 30) } },
            _ => throw new InvalidOperationException(path),
        };

        var profile = ProfileFacts.With(new WorkPermitProfile(), path, value);

        Assert.Equal(value is Array array ? string.Join(",", array.Cast<object>()) : value,
            ProfileFacts.Get(profile, path) is IEnumerable<object> list ? string.Join(",", list) : ProfileFacts.Get(profile, path));
        Assert.Equal([path], ProfileFacts.Known(profile));
        Assert.True(ProfileJson.Read(ProfileJson.Write(profile)).IsValid);
        Assert.Contains($"\"{path.Split('.')[^1]}\"", ProfileJson.Write(profile), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_LastFactOfAGroup_RemovesTheGroup()
    {
        var profile = ProfileFacts.With(new WorkPermitProfile(), "job.inQuebec", true);

        var without = ProfileFacts.Without(profile, "job.inQuebec");

        Assert.Null(without.Job);
        Assert.NotNull(profile.Job);
    }

    [Fact]
    public void With_UnknownPathOrWrongType_Throws()
    {
        Assert.Throws<ArgumentException>(() => ProfileFacts.With(new WorkPermitProfile(), "job.notAFact", true));
        Assert.Throws<ArgumentException>(() => ProfileFacts.With(new WorkPermitProfile(), "job.inQuebec", "yes"));
    }

    [Fact]
    public void Lists_MatchTheContract()
    {
        Assert.Equal(["evaluationDate", "travel.arrivalDate", "application.submittedDate", "application.superVisa"], ProfileFacts.Defaulted);
        Assert.Equal(["person.securityConcern", "officer.satisfiedDepartureIntent"], ProfileFacts.OfficerJudgments);
        Assert.Equal(["person", "officer", "statusInCanada", "family", "travel", "application", "job", "medical", "visitorPolicy"], ProfileFacts.Groups);
    }
}
