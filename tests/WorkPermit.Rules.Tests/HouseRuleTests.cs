using Microsoft.Extensions.DependencyInjection;
using NRules.Fluent.Dsl;
using WorkPermit.Rules.Tests.Support;

namespace WorkPermit.Rules.Tests;

/// <summary>A firm's own NRules rules beside the catalogue's: what they match, what they add to the report, and how they
/// fail.</summary>
public sealed class HouseRuleTests
{
    private static readonly TimeProvider Clock = FixedTimeProvider.On(2025, 4, 14);

    // A French traveller with an LMIA-exempt offer who may apply at the port of entry (POE-04 yes).
    private static readonly WorkPermitProfile Eligible = new()
    {
        EvaluationDate = new DateOnly(2025, 4, 14),
        Application = new ApplicationFacts { Channel = ApplicationChannel.PortOfEntry, Form = ApplicationForm.PoeSameDay, PermitType = PermitType.EmployerSpecificLmiaExempt, Program = WorkPermitProgram.OtherImp },
        StatusInCanada = new StatusInCanadaFacts { Location = Location.OutsideCanada },
        Person = new PersonFacts { Citizenships = ["FR"], PassportCountry = "FR", UsLawfulPermanentResident = false },
        Travel = new TravelFacts { TripType = TripType.ArrivingFromAbroad, Mode = TravelMode.Air, ArrivalDate = new DateOnly(2025, 4, 14), PortOfEntry = "YUL", StartAndFinishAtSamePoe = true, FlagpoleExemption = FlagpoleExemption.None },
        Job = new JobFacts { EmployerCompletedRequiredSteps = true, OfferOfEmploymentNumberAvailable = true, EmployerComplianceFeePaid = true },
    };

    [Fact]
    public void HouseRule_MatchesTheProfileAndAHostFact_AddsItsFinding()
    {
        var evaluator = WorkPermitEvaluator.Create(o => o.HouseRules.Add<PassportExpiryRule>(), Clock);

        var soon = evaluator.Evaluate(Eligible, [new Passport(new DateOnly(2025, 8, 1))]);
        var later = evaluator.Evaluate(Eligible, [new Passport(new DateOnly(2026, 1, 1))]);

        var finding = Assert.Single(soon.House);
        Assert.Equal("HOUSE-PASSPORT-6M", finding.RuleId);
        Assert.Equal(Tri.No, finding.Outcome);
        Assert.Contains("travel.arrivalDate", finding.Read);
        Assert.Equal(Tri.Yes, Assert.Single(later.House).Outcome);
        Assert.Contains(soon.Documents, d => d.Id == "renewed_passport" && d.RuleId == "HOUSE-PASSPORT-6M");
    }

    [Fact]
    public void HouseRule_MissingHostFact_IsUnknownAndAsked()
    {
        var evaluator = WorkPermitEvaluator.Create(o => o.HouseRules.Add<PassportExpiryRule>(), Clock);

        var report = evaluator.Evaluate(Eligible);

        var finding = Assert.Single(report.House);
        Assert.Equal(Tri.Unknown, finding.Outcome);
        Assert.Equal(["passport.expiryDate"], finding.Missing);
        var question = Assert.Single(report.Questions, q => q.Fact == "passport.expiryDate");
        Assert.Equal("When does the passport expire?", question.Text);
        Assert.Equal(["house.HOUSE-PASSPORT-6M"], question.Affects);
    }

    [Fact]
    public void HouseRule_MatchesACatalogueFinding_AndNeverChangesTheCatalogue()
    {
        var plain = WorkPermitEvaluator.Create(timeProvider: Clock);
        var withHouse = WorkPermitEvaluator.Create(o => o.HouseRules.Add<SecondReviewRule>(), Clock);

        var before = plain.Evaluate(Eligible);
        var after = withHouse.Evaluate(Eligible);

        var review = Assert.Single(after.House);
        Assert.Equal("HOUSE-REVIEW", review.RuleId);
        Assert.Equal(Tri.Yes, review.Outcome);
        Assert.Equal(RuleKind.Document, review.Kind);
        Assert.Equal("Firm handbook, section 4", review.Citation.SourceTitle);
        Assert.Empty(before.House);

        // Everything but the house findings and the rule set's identity is the catalogue's, unchanged.
        var strip = (WorkPermitReport r) => ReportJson.Write(r with { House = [], RuleSet = before.RuleSet });
        Assert.Equal(strip(before), strip(after));
        Assert.Contains("\"house\":[{\"ruleId\":\"HOUSE-REVIEW\"", ReportJson.Write(after), StringComparison.Ordinal);
    }

    [Fact]
    public void HouseRule_CatalogueFindingNotYes_DoesNotFire()
    {
        var evaluator = WorkPermitEvaluator.Create(o => o.HouseRules.Add<SecondReviewRule>(), Clock);

        var report = evaluator.Evaluate(Eligible with { Person = Eligible.Person! with { Citizenships = ["IN"], PassportCountry = "IN" } });

        Assert.NotEqual(Tri.Yes, report.PortOfEntry!.Outcome);
        Assert.Empty(report.House);
    }

    [Fact]
    public void HouseRules_AreInTheFingerprintAndTheRuleCount()
    {
        var plain = WorkPermitEvaluator.Create(timeProvider: Clock);
        var one = WorkPermitEvaluator.Create(o => o.HouseRules.Add<SecondReviewRule>(), Clock);
        var two = WorkPermitEvaluator.Create(o => o.HouseRules.Add<SecondReviewRule>().Add<PassportExpiryRule>(), Clock);

        Assert.Equal(91, plain.RuleSet.Rules);
        Assert.Equal(92, one.RuleSet.Rules);
        Assert.Equal(93, two.RuleSet.Rules);
        Assert.Equal(3, new[] { plain.RuleSet.Fingerprint, one.RuleSet.Fingerprint, two.RuleSet.Fingerprint }.Distinct().Count());
        Assert.Equal(one.RuleSet.Fingerprint, WorkPermitEvaluator.Create(o => o.HouseRules.Add<SecondReviewRule>(), Clock).RuleSet.Fingerprint);
    }

    [Fact]
    public void HouseRule_NamedLikeACatalogueRule_IsRejectedAtRegistration()
    {
        var created = Assert.Throws<WorkPermitRulesConfigurationException>(() => WorkPermitEvaluator.Create(o => o.HouseRules.Add<CollidingRule>()));
        var registered = Assert.Throws<WorkPermitRulesConfigurationException>(() => new ServiceCollection().AddWorkPermitRules(o => o.HouseRules.Add<CollidingRule>()));

        Assert.Contains(created.Problems, p => p.Contains("'POE-04'", StringComparison.Ordinal) && p.Contains(nameof(CollidingRule), StringComparison.Ordinal));
        Assert.Equal(created.Problems, registered.Problems);
    }

    [Fact]
    public void HouseRules_WithTheSameId_AreRejected()
    {
        var error = Assert.Throws<WorkPermitRulesConfigurationException>(() => WorkPermitEvaluator.Create(o => o.HouseRules.Add<SecondReviewRule>().Add<SecondReviewTwinRule>()));

        Assert.Contains(error.Problems, p => p.Contains("'HOUSE-REVIEW'", StringComparison.Ordinal));
    }

    [Fact]
    public void HouseRule_ThatCannotBeDefined_IsAConfigurationError()
    {
        var error = Assert.Throws<WorkPermitRulesConfigurationException>(() => WorkPermitEvaluator.Create(o => o.HouseRules.Add<BrokenDefinitionRule>()));

        Assert.Contains(error.Problems, p => p.Contains(nameof(BrokenDefinitionRule), StringComparison.Ordinal) && p.Contains("no definition today", StringComparison.Ordinal));
    }

    [Fact]
    public void HouseRule_ThatThrows_SurfacesWithItsNameAndFacts_AndLaterEvaluationsAreUnaffected()
    {
        var evaluator = WorkPermitEvaluator.Create(o => o.HouseRules.Add<ThrowingRule>().Add<SecondReviewRule>(), Clock);

        var error = Assert.Throws<HouseRuleException>(() => evaluator.Evaluate(Eligible, [new Passport(null)]));

        Assert.Equal("HOUSE-THROWS", error.Rule);
        Assert.Contains(error.Facts, f => f.Contains("Passport", StringComparison.Ordinal));
        Assert.IsType<InvalidOperationException>(error.InnerException);
        var next = evaluator.Evaluate(Eligible);
        Assert.Equal("HOUSE-REVIEW", Assert.Single(next.House).RuleId);
        Assert.Equal(Tri.Yes, next.PortOfEntry!.Outcome);
    }

    [Fact]
    public void Extensions_InTheProfileJson_ReachHouseRulesAsTheyCame()
    {
        var evaluator = WorkPermitEvaluator.Create(o => o.HouseRules.Add<ExtensionsRule>(), Clock);
        var json = ProfileJson.Write(Eligible)[..^1] + ",\"extensions\":{\"firm\":{\"tier\":\"gold\",\"notes\":[1,2]}}}";

        var result = evaluator.Evaluate(json);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        var finding = Assert.Single(result.Report!.House);
        Assert.Equal("gold", finding.Note);
        Assert.Equal(Tri.Yes, finding.Outcome);
        var profile = ProfileJson.Read(json).Profile!;
        Assert.Equal(profile, ProfileJson.Read(ProfileJson.Write(profile)).Profile);
        Assert.Contains("\"extensions\":{\"firm\":{\"tier\":\"gold\"", ProfileJson.Write(profile), StringComparison.Ordinal);
    }

    [Fact]
    public void Extensions_ThatAreNotAnObject_AreAProblemWithTheirPath()
    {
        var result = WorkPermitEvaluator.Create(timeProvider: Clock).Evaluate("{\"extensions\": 5}");

        var error = Assert.Single(result.Errors);
        Assert.Equal("extensions", error.Path);
        Assert.Contains("object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HouseRule_WhoseConditionThrows_SurfacesWithItsName()
    {
        var evaluator = WorkPermitEvaluator.Create(o => o.HouseRules.Add<ThrowingConditionRule>(), Clock);

        var error = Assert.Throws<HouseRuleException>(() => evaluator.Evaluate(Eligible, [new Passport(null)]));

        Assert.Equal("HOUSE-THROWS-IN-CONDITION", error.Rule);
        Assert.Contains(error.Facts, f => f.Contains("Passport", StringComparison.Ordinal));
        Assert.Equal(Tri.Yes, evaluator.Evaluate(Eligible).PortOfEntry!.Outcome);
    }

    [Fact]
    public void Registry_AddFrom_FindsEveryRuleClassOfAnAssembly_AndRefusesOtherTypes()
    {
        var registry = new HouseRuleRegistry();

        registry.AddFrom(typeof(HouseRuleTests).Assembly);

        Assert.Contains(typeof(PassportExpiryRule), registry.Types);
        Assert.Contains(typeof(SecondReviewRule), registry.Types);
        Assert.Throws<ArgumentException>(() => registry.Add(typeof(string)));
    }

    [Fact]
    public void EvaluatorWithoutHouseRules_TakesNoHostFactsInIsolation_ButAcceptsAnEmptyList()
    {
        var evaluator = WorkPermitEvaluator.Create(timeProvider: Clock);

        Assert.Empty(evaluator.Evaluate(Eligible, []).House);
        Assert.Empty(evaluator.Evaluate(Eligible, [new Passport(new DateOnly(2025, 8, 1))]).House);
    }
}

/// <summary>A host's own fact: the passport's expiry date (the contract has none).</summary>
public sealed record Passport(DateOnly? ExpiryDate);

/// <summary>Warns when the passport expires within six months of arrival.</summary>
[Name("HOUSE-PASSPORT-6M")]
public sealed class PassportExpiryRule : Rule
{
    public override void Define()
    {
        EvaluatedProfile profile = default!;
        IEnumerable<Passport> passports = default!;

        When()
            .Match(() => profile)
            .Query(() => passports, q => q.Match<Passport>().Collect());

        Then()
            .Yield(_ => Decide(profile, passports.FirstOrDefault()));
    }

    private static HouseFinding Decide(EvaluatedProfile profile, Passport? passport)
    {
        var limit = profile.Dates.Arrival.AddMonths(6);
        var outcome = passport?.ExpiryDate is { } expiry ? (expiry >= limit ? Tri.Yes : Tri.No) : Tri.Unknown;
        return new HouseFinding
        {
            Id = "HOUSE-PASSPORT-6M",
            Title = "Passport valid for six months after arrival",
            Kind = RuleKind.Requirement,
            Outcome = outcome,
            Read = ["travel.arrivalDate", "passport.expiryDate"],
            Missing = outcome == Tri.Unknown ? ["passport.expiryDate"] : [],
            Questions = new Dictionary<string, string> { ["passport.expiryDate"] = "When does the passport expire?" },
            Documents = outcome == Tri.No ? ["renewed_passport"] : [],
        };
    }
}

/// <summary>Reads the host's extensions: the firm's client tier.</summary>
[Name("HOUSE-TIER")]
public sealed class ExtensionsRule : Rule
{
    public override void Define()
    {
        EvaluatedProfile profile = default!;

        When()
            .Match(() => profile, p => p.Extensions != null);

        Then()
            .Yield(_ => Decide(profile));
    }

    private static HouseFinding Decide(EvaluatedProfile profile) => new()
    {
        Id = "HOUSE-TIER",
        Title = "The client has a firm tier",
        Outcome = Tri.Yes,
        Read = ["extensions.firm.tier"],
        Note = profile.Extensions!.Value.GetProperty("firm").GetProperty("tier").GetString(),
    };
}

/// <summary>Requires a second review before any border application the catalogue finds eligible.</summary>
[Name("HOUSE-REVIEW")]
public sealed class SecondReviewRule : Rule
{
    public override void Define()
    {
        CatalogueFinding poe04 = default!;

        When()
            .Match(() => poe04, f => f.RuleId == "POE-04", f => f.Outcome == Tri.Yes);

        Then()
            .Yield(_ => new HouseFinding
            {
                Id = "HOUSE-REVIEW",
                Title = "A second consultant must review this border application",
                Kind = RuleKind.Document,
                Outcome = Tri.Yes,
                Read = poe04.Read,
                Citation = new Citation("handbook", "Firm handbook, section 4", "Every port-of-entry application is reviewed twice."),
            });
    }
}

[Name("HOUSE-REVIEW")]
public sealed class SecondReviewTwinRule : Rule
{
    public override void Define()
    {
        EvaluatedProfile profile = default!;
        When().Match(() => profile);
        Then().Do(_ => Nothing());
    }

    private static void Nothing()
    {
    }
}

[Name("POE-04")]
public sealed class CollidingRule : Rule
{
    public override void Define()
    {
        EvaluatedProfile profile = default!;
        When().Match(() => profile);
        Then().Do(_ => Nothing());
    }

    private static void Nothing()
    {
    }
}

[Name("HOUSE-BROKEN")]
public sealed class BrokenDefinitionRule : Rule
{
    public override void Define() => throw new InvalidOperationException("no definition today");
}

[Name("HOUSE-THROWS")]
public sealed class ThrowingRule : Rule
{
    public override void Define()
    {
        Passport passport = default!;
        When().Match(() => passport);
        Then().Do(_ => Fail(passport));
    }

    private static void Fail(Passport passport) => throw new InvalidOperationException($"cannot read {passport}");
}

[Name("HOUSE-THROWS-IN-CONDITION")]
public sealed class ThrowingConditionRule : Rule
{
    public override void Define()
    {
        Passport passport = default!;
        When().Match(() => passport, p => Check(p));
        Then().Do(_ => Nothing());
    }

    private static bool Check(Passport passport) => throw new InvalidOperationException($"cannot check {passport}");

    private static void Nothing()
    {
    }
}
