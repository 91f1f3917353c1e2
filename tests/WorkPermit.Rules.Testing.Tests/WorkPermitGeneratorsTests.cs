using WorkPermit.Rules.Testing.Tests.Support;

namespace WorkPermit.Rules.Testing.Tests;

/// <summary>The generators produce valid, coherent profiles and cover what the rules distinguish: every fact known and
/// unknown, every enumeration value, the reference lists' countries, both days of every boundary, each channel.</summary>
public sealed class WorkPermitGeneratorsTests
{
    private static readonly WorkPermitGenerators Generators = TestEvaluators.Generators;
    private static readonly Lazy<WorkPermitProfile[]> Sample = new(() => Generators.AnyProfile.Sample(3000, 50));

    private static IEnumerable<WorkPermitProfile> Profiles => Sample.Value;

    [Fact]
    public void AnyProfile_Sample_EveryProfileValid()
    {
        var invalid = Profiles.Select(p => (Profile: p, Errors: ProfileJson.Validate(p))).Where(x => x.Errors.Count > 0).Take(3).ToArray();

        Assert.True(invalid.Length == 0, string.Join(Environment.NewLine, invalid.Select(x => $"{string.Join("; ", x.Errors)} in {ProfileJson.Write(x.Profile)}")));
    }

    [Fact]
    public void AnyProfile_Sample_EveryFactSometimesKnownAndSometimesUnknown()
    {
        var known = ProfileFacts.All.ToDictionary(f => f.Path, f => Profiles.Count(p => ProfileFacts.IsKnown(p, f.Path)));

        Assert.All(ProfileFacts.All, fact => Assert.InRange(known[fact.Path], 1, Profiles.Count() - 1));
    }

    [Fact]
    public void AnyProfile_Sample_EveryEnumerationValueProduced()
    {
        foreach (var fact in ProfileFacts.All.Where(f => f.Kind == FactKind.Enumeration))
        {
            var seen = Profiles.Select(p => ProfileFacts.Get(p, fact.Path)).OfType<Enum>().Distinct().Count();
            Assert.True(seen == Enum.GetValues(fact.EnumType!).Length, $"{fact.Path}: {seen} of {Enum.GetValues(fact.EnumType!).Length} values");
        }
    }

    [Fact]
    public void AnyProfile_Sample_PassportIsOneOfTheCitizenships()
    {
        foreach (var person in Profiles.Select(p => p.Person).OfType<PersonFacts>())
        {
            if (person.Citizenships is { } citizenships)
            {
                Assert.Equal(citizenships.Count, citizenships.Distinct().Count());
                if (person.PassportCountry is { } passport)
                {
                    Assert.Contains(passport, citizenships);
                }
            }
        }
    }

    [Fact]
    public void Citizenship_Sample_CoversTheReferenceLists()
    {
        var countries = Generators.Citizenship.Sample(4000, 50).SelectMany(c => c.Citizenships).ToHashSet();

        // RD-02 (conditional eTA, with Mexico and Brazil), RD-01 (visa-exempt), RD-03 (designated, with the 2025-11-03
        // changes both ways), the United States, India and countries on no list.
        Assert.Superset(Generators.ConditionalEtaCountries.ToHashSet(), countries);
        Assert.Superset(new HashSet<string> { "MX", "BR", "US", "IN", "FR", "GB", "GB-BOC", "AE", "AR", "CO", "UY", "VE", "AM", "BA", "IQ", "LV", "LT", "TW", "CN" }, countries);
        Assert.True(Generators.VisaExemptCountries.Count(countries.Contains) >= Generators.VisaExemptCountries.Count - 3);
    }

    [Fact]
    public void Date_Sample_BothDaysOfEveryBoundaryAndWideSpread()
    {
        var dates = Generators.Date.Sample(20000, 50).ToHashSet();

        var missing = Generators.Boundaries.SelectMany(b => new[] { b.LastDayBefore, b.FirstDayAfter }).Where(d => !dates.Contains(d)).ToArray();
        Assert.True(missing.Length == 0, $"boundary days never produced: {string.Join(", ", missing)}");
        Assert.Contains(new DateOnly(2024, 8, 27), dates);
        Assert.Contains(new DateOnly(2024, 8, 28), dates);
        Assert.True(dates.Select(d => d.Year).Distinct().Count() >= 15, "dates are not spread over the years 2015 to 2030");
    }

    [Fact]
    public void AnyProfile_Sample_RelativeBoundariesProduced()
    {
        var profiles = Profiles.Concat(Generators.CompleteProfile.Sample(2000, 50)).ToArray();
        DateOnly Submission(WorkPermitProfile p) => p.Application?.SubmittedDate ?? p.EvaluationDate ?? TestEvaluators.Today;
        DateOnly Arrival(WorkPermitProfile p) => p.Travel?.ArrivalDate ?? p.EvaluationDate ?? TestEvaluators.Today;

        Assert.Contains(profiles, p => p.StatusInCanada?.TrpExpiryDate == Submission(p).AddMonths(6));
        Assert.Contains(profiles, p => p.StatusInCanada?.TrpExpiryDate == Submission(p).AddMonths(6).AddDays(-1));
        Assert.Contains(profiles, p => p.StatusInCanada?.StudyPermitExpiryDate == Submission(p));
        Assert.Contains(profiles, p => p.StatusInCanada?.StudyPermitExpiryDate == Submission(p).AddDays(-1));
        Assert.Contains(profiles, p => p.StatusInCanada?.PreviousWorkPermitExpiryDate == Submission(p).AddMonths(-12));
        Assert.Contains(profiles, p => p.StatusInCanada?.PreviousWorkPermitExpiryDate == Submission(p).AddMonths(-12).AddDays(-1));
        Assert.Contains(profiles, p => p.Medical?.ExamDate is { } exam && exam.AddMonths(12) == Arrival(p));
        Assert.Contains(profiles, p => p.Medical?.ExamDate is { } exam && exam.AddMonths(12).AddDays(1) == Arrival(p));
        Assert.Contains(profiles, p => p.Application?.DecisionLetterDate is { } letter && letter.AddDays(42) == p.EvaluationDate);
        Assert.Contains(profiles, p => p.Application?.DecisionLetterDate is { } letter && letter.AddDays(43) == p.EvaluationDate);
        Assert.Contains(profiles, p => p.Application is { DocumentRequestDeadline: { } d, DocumentSubmittedAt: { } at } && at == CatalogueDates.MidnightUtcAfter(d));
        Assert.Contains(profiles, p => p.Application is { DocumentRequestDeadline: { } d, DocumentSubmittedAt: { } at } && at == CatalogueDates.MidnightUtcAfter(d).AddSeconds(-1) && at.Offset != TimeSpan.Zero);
    }

    [Theory]
    [InlineData(ApplicationChannel.OutsideCanadaOnline, Location.OutsideCanada)]
    [InlineData(ApplicationChannel.InsideCanadaOnline, Location.InCanada)]
    public void ForChannel_OnlineChannels_LocationAndStatusCoherent(ApplicationChannel channel, Location location)
    {
        var profiles = Generators.ForChannel(channel).Sample(500, 50).Concat(Generators.ForChannel(channel, ProfileKnowledge.Complete).Sample(200, 50)).ToArray();

        Assert.All(profiles, p => Assert.Equal(channel, p.Application?.Channel));
        Assert.All(profiles, p => Assert.True(p.StatusInCanada?.Location is null || p.StatusInCanada.Location == location));
        var statuses = profiles.Select(p => p.StatusInCanada?.Status).OfType<TemporaryStatus>().ToArray();
        if (location == Location.InCanada)
        {
            Assert.DoesNotContain(TemporaryStatus.NotInCanada, statuses);
            Assert.Contains(TemporaryStatus.Visitor, statuses);
            Assert.Contains(TemporaryStatus.Worker, statuses);
        }
        else
        {
            Assert.True(statuses.Count(s => s == TemporaryStatus.NotInCanada) > statuses.Length * 3 / 4);
        }
    }

    [Fact]
    public void PortOfEntry_Sample_TravellersFromAbroadAndFlagpolers()
    {
        var profiles = Generators.PortOfEntry.Sample(1000, 50);

        Assert.All(profiles, p => Assert.Equal(ApplicationChannel.PortOfEntry, p.Application?.Channel));
        Assert.Contains(profiles, p => p.StatusInCanada?.Location == Location.OutsideCanada && p.Travel?.TripType == TripType.ArrivingFromAbroad);
        Assert.Contains(profiles, p => p.StatusInCanada?.Location == Location.InCanada && p.Travel?.TripType is TripType.ReturningFromUs or TripType.ReturningFromSpm);
        Assert.DoesNotContain(profiles, p => p.StatusInCanada?.Location == Location.InCanada && p.Travel?.TripType == TripType.ArrivingFromAbroad);
    }

    [Fact]
    public void CompleteProfile_Sample_EveryFactKnownExceptThoseWhoseAbsenceMeansSomething()
    {
        string[] mayBeAbsent =
        [
            "statusInCanada.trpExpiryDate", "medical.indicatedExpiryDate", "medical.designatedCountryMonthsPastYear", "medical.residenceHistory",
            "application.documentRequestDeadline", "application.documentSubmittedAt", "application.decisionLetterDate",
        ];

        var profiles = Generators.CompleteProfile.Sample(300, 50);

        foreach (var profile in profiles)
        {
            var unknown = ProfileFacts.All.Select(f => f.Path).Where(path => !ProfileFacts.IsKnown(profile, path) && !mayBeAbsent.Contains(path)).ToArray();
            Assert.True(unknown.Length == 0, $"unknown in a complete profile: {string.Join(", ", unknown)}");
        }
    }

    [Fact]
    public void AnyProfile_Sample_MainOutcomesTakeEveryValue()
    {
        var reports = Profiles.Take(1500).Select(TestEvaluators.Default.Evaluate).ToArray();
        string[] paths = ["general.outcome", "insideCanada.outcome", "portOfEntry.outcome", "medicalExam.required", "medicalExam.validOnEntry",
            "interimAuthorization.outcome", "biometricsAtPortOfEntry.outcome", "employer.newPermitRequired", "afterApplying.documentSubmissionOnTime"];

        foreach (var path in paths)
        {
            var values = reports.Select(r => ReportOutcomes.Of(r).GetValueOrDefault(path)).OfType<string>().ToHashSet();
            Assert.True(values.SetEquals(["yes", "no", "unknown"]), $"{path} took only {string.Join(", ", values)}");
        }
    }

    [Fact]
    public void PortOfEntryWithExclusion_Sample_EveryExclusionForcedAndApplies()
    {
        var reports = Generators.PortOfEntryWithExclusion.Sample(600, 50).Select(TestEvaluators.Default.Evaluate).ToArray();

        Assert.All(reports, r => Assert.NotEmpty(r.PortOfEntry!.Exclusions));
        Assert.All(WorkPermitGenerators.PortOfEntryExclusions, id => Assert.Contains(reports, r => r.PortOfEntry!.Exclusions.Contains(id)));
    }

    [Fact]
    public void DatedBoundaries_EveryCatalogueBoundaryCovered()
    {
        var ids = Generators.DatedBoundaries.Select(b => b.Id).ToArray();
        var rules = Generators.DatedBoundaries.Select(b => b.RuleId).ToHashSet();

        Assert.Superset(rules, new HashSet<string> { "INS-03", "INS-04", "INS-13", "AFT-15", "POE-EXC-05", "POE-EXC-06", "POE-EXC-02", "POE-01", "IME-01", "IME-05", "AFT-04", "AFT-12" });
        Assert.Contains("INS-13 start", ids);
        Assert.Contains("AFT-15 12-month lookback", ids);
        Assert.Contains("POE-EXC-02 RD-02 2024-02-29", ids);
        Assert.Contains("POE-EXC-02 RD-02 2023-06-06", ids);
        Assert.Contains("POE-01 RD-01 2024-02-29", ids);
        Assert.Contains("IME-01 RD-03 2025-11-03", ids);
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public void BoundaryCases_Sample_ProfilesDifferOnlyInTheMovedFactAndKeepThePins()
    {
        foreach (var boundaryCase in Generators.BoundaryCases.Sample(500, 50))
        {
            var boundary = boundaryCase.Boundary;
            Assert.Empty(ProfileJson.Validate(boundaryCase.Before));
            Assert.Empty(ProfileJson.Validate(boundaryCase.After));
            var differing = ProfileFacts.All.Select(f => f.Path)
                .Where(path => !Equals(Show(ProfileFacts.Get(boundaryCase.Before, path)), Show(ProfileFacts.Get(boundaryCase.After, path))))
                .ToArray();
            Assert.Equal([boundary.MovedFact], differing);
            Assert.True(Compare(ProfileFacts.Get(boundaryCase.Before, boundary.MovedFact), ProfileFacts.Get(boundaryCase.After, boundary.MovedFact)) < 0, boundary.Id);
        }
    }

    [Fact]
    public void Generators_HostReferenceData_FollowTheOverrides()
    {
        var evaluator = WorkPermitEvaluator.Create(o => o.ReferenceData.Add("RD-02", new ReferenceEntry { Code = "ZA", From = new DateOnly(2026, 3, 1), Source = "test" }));
        var generators = new WorkPermitGenerators(evaluator.ReferenceData);

        Assert.Contains("ZA", generators.ConditionalEtaCountries);
        Assert.Contains(generators.Boundaries, b => b.FirstDayAfter == new DateOnly(2026, 3, 1));
        Assert.Contains(generators.DatedBoundaries, b => b.Id == "POE-EXC-02 RD-02 2026-03-01");
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        IEnumerable<string> list => string.Join(",", list),
        IEnumerable<ResidencePeriod> periods => string.Join(",", periods),
        _ => value.ToString()!,
    };

    private static int Compare(object? a, object? b) => (a, b) switch
    {
        (DateOnly x, DateOnly y) => x.CompareTo(y),
        (DateTimeOffset x, DateTimeOffset y) => x.CompareTo(y),
        _ => throw new InvalidOperationException($"{a} and {b} are not dates"),
    };
}
