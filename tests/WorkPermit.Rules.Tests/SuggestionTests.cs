using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using WorkPermit.Rules.Evaluation;
using WorkPermit.Rules.Testing;
using WorkPermit.Rules.Tests.Support;

namespace WorkPermit.Rules.Tests;

/// <summary>Profiles likely to get suggestions: complete ones, border applications made to meet an exclusion, and any.</summary>
public static class SuggestionArbitraries
{
    public static Arbitrary<WorkPermitProfile> Profiles { get; } = WorkPermitGenerators.Arbitrary(Gen.Frequency(
        (3, WorkPermitGenerators.Default.CompleteProfile),
        (3, WorkPermitGenerators.Default.PortOfEntryWithExclusion),
        (2, WorkPermitGenerators.Default.AnyProfile)));
}

/// <summary>
/// Suggestions (issue 19): the smallest changes to actionable facts after which nothing blocks the application, each
/// checked by a real evaluation. The case files C135-C140 pin the classic situations; these tests pin the options, the
/// reasons given when nothing helps, and, over generated profiles, that every suggestion keeps its promise.
/// </summary>
public sealed class SuggestionTests
{
    private static readonly FixedTimeProvider Clock = FixedTimeProvider.On(2026, 12, 3);
    private static readonly IWorkPermitEvaluator Evaluator = WorkPermitEvaluator.Create(timeProvider: Clock);
    private static readonly IWorkPermitEvaluator Plain = WorkPermitEvaluator.Create(o => o.Suggestions.Enabled = false, Clock);

    /// <summary>Facts no suggestion may ever change: who the person is, their history and status, and what an officer
    /// decided or asked for (the issue's list, written out here independently of the library's declaration).</summary>
    private static readonly string[] NeverChanged =
    [
        "person.citizenships", "person.usLawfulPermanentResident", "person.criminalRecord", "person.securityConcern",
        "person.healthConditionConcern", "person.sufficientFunds", "officer.satisfiedDepartureIntent", "officer.policeCertificateRequested",
        "officer.medicalExamRequested", "statusInCanada.location", "statusInCanada.status", "statusInCanada.refugeeClaimMade",
        "statusInCanada.conventionRefugeeOrProtectedPerson", "statusInCanada.pgwpEligible", "application.openPermitCategoryEligible",
        "application.decision", "job.lmiaStatus", "job.employerNonComplianceStatus", "evaluationDate", "application.submittedDate",
    ];

    // An Indian citizen at the border with an exam that expires before arrival: two changes are needed.
    private const string VisaAndExpiredExam = """
        {
          "evaluationDate": "2026-12-03",
          "person": { "citizenships": ["IN"], "passportCountry": "IN", "usLawfulPermanentResident": false, "sufficientFunds": true,
                      "criminalRecord": "none", "securityConcern": "none", "healthConditionConcern": "none" },
          "officer": { "satisfiedDepartureIntent": true, "documentsRequested": "none", "medicalExamRequested": false },
          "statusInCanada": { "location": "outside_canada", "status": "not_in_canada" },
          "travel": { "mode": "air", "arrivalDate": "2027-01-15", "tripType": "arriving_from_abroad" },
          "application": { "channel": "port_of_entry", "permitType": "employer_specific_lmia_exempt", "program": "other_imp", "superVisa": false },
          "job": { "hasJobOffer": true, "inQuebec": false, "offerOfEmploymentNumberAvailable": true, "employerCompletedRequiredSteps": true,
                   "employerComplianceFeePaid": true, "employerNonComplianceStatus": "not_listed", "employerRegularlyOffersSexualServices": false,
                   "publicHealthProtection": false },
          "medical": { "intendedStayMonths": 12, "designatedCountryMonthsPastYear": 12, "examDate": "2025-06-01" }
        }
        """;

    private static WorkPermitReport Evaluate(IWorkPermitEvaluator evaluator, string json, Action<JsonObject>? change = null)
    {
        var profile = JsonNode.Parse(json)!.AsObject();
        change?.Invoke(profile);
        var result = evaluator.Evaluate(profile.ToJsonString());
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        return result.Report!;
    }

    [Fact]
    public void TwoProblems_OnePairOfChanges_ChannelAndNewExam()
    {
        var report = Evaluate(Evaluator, VisaAndExpiredExam);

        Assert.Equal(Tri.No, report.Summary.Outcome);
        var suggestion = Assert.Single(report.Suggestions);
        Assert.Equal(["application.channel", "medical.examDate"], suggestion.Changes.Select(c => c.Fact));
        Assert.Equal("outside_canada_online", suggestion.Changes[0].ToText);
        Assert.Equal("2026-12-03", suggestion.Changes[1].ToText);
        Assert.Equal(new SuggestionOutcome("summary.outcome", Tri.No, Tri.Yes), suggestion.Outcome);
        Assert.Contains("take a new immigration medical exam between 2026-12-03 and 2027-01-15", suggestion.Text, StringComparison.Ordinal);
        Assert.Equal(SuggestionStatus.Found, report.SuggestionSearch.Status);
        Assert.InRange(report.SuggestionSearch.Evaluations, 3, 32);
    }

    [Fact]
    public void OneChangeAllowed_ThePairIsNotFound_AndTheReasonSaysSo()
    {
        var evaluator = WorkPermitEvaluator.Create(o => o.Suggestions.MaxChanges = 1, Clock);

        var report = Evaluate(evaluator, VisaAndExpiredExam);

        Assert.Empty(report.Suggestions);
        Assert.Equal(SuggestionStatus.NoneFound, report.SuggestionSearch.Status);
        Assert.Contains("at most 1 actionable fact", report.SuggestionSearch.Text, StringComparison.Ordinal);
        Assert.Contains("POE-EXC-01", report.SuggestionSearch.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void BudgetOfOneEvaluation_StopsAndSaysTheBudgetRanOut()
    {
        var evaluator = WorkPermitEvaluator.Create(o => o.Suggestions.MaxEvaluations = 1, Clock);

        var report = Evaluate(evaluator, VisaAndExpiredExam);

        Assert.Empty(report.Suggestions);
        Assert.Equal(SuggestionStatus.BudgetExhausted, report.SuggestionSearch.Status);
        Assert.Equal(1, report.SuggestionSearch.Evaluations);
        Assert.Contains("MaxEvaluations", report.SuggestionSearch.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TurnedOff_NoSearchAndTheReportSaysSo_OtherwiseTheSameReport()
    {
        var off = Evaluate(Plain, VisaAndExpiredExam);
        var on = Evaluate(Evaluator, VisaAndExpiredExam);

        Assert.Empty(off.Suggestions);
        Assert.Equal(SuggestionStatus.Off, off.SuggestionSearch.Status);
        Assert.Equal(0, off.SuggestionSearch.Evaluations);
        Assert.Equal(
            ReportJson.Write(on with { Suggestions = [], SuggestionSearch = SuggestionSearchResult.Off }),
            ReportJson.Write(off));
    }

    [Fact]
    public void HouseRules_DoNotChangeTheSuggestions()
    {
        var withHouse = WorkPermitEvaluator.Create(o => o.HouseRules.Add<SecondReviewRule>().Add<PassportExpiryRule>(), Clock);

        var plain = Evaluate(Evaluator, VisaAndExpiredExam);
        var house = Evaluate(withHouse, VisaAndExpiredExam);

        Assert.Equal(plain.Suggestions.Single().Text, house.Suggestions.Single().Text);
        Assert.Equal(plain.Suggestions.Single().Changes.Select(c => (c.Fact, c.FromText, c.ToText)), house.Suggestions.Single().Changes.Select(c => (c.Fact, c.FromText, c.ToText)));
        Assert.Equal(plain.SuggestionSearch, house.SuggestionSearch);
    }

    [Fact]
    public void SummaryYes_NothingNeeded_NothingEvaluated()
    {
        var report = Evaluate(Evaluator, VisaAndExpiredExam, p =>
        {
            p["application"]!["channel"] = "outside_canada_online";
            p["medical"]!["examDate"] = "2026-10-01";
        });

        Assert.Equal(Tri.Yes, report.Summary.Outcome);
        Assert.Empty(report.Suggestions);
        Assert.Equal(SuggestionStatus.NotNeeded, report.SuggestionSearch.Status);
        Assert.Equal(0, report.SuggestionSearch.Evaluations);
    }

    [Fact]
    public void OfficerNotSatisfied_NoWayOut_ReasonNamesTheRuleAndItsFacts()
    {
        var report = Evaluate(Evaluator, VisaAndExpiredExam, p => p["officer"]!["satisfiedDepartureIntent"] = false);

        Assert.Empty(report.Suggestions);
        Assert.Equal(SuggestionStatus.NoneFound, report.SuggestionSearch.Status);
        Assert.Equal(0, report.SuggestionSearch.Evaluations);
        Assert.Contains("GEN-02", report.SuggestionSearch.Text, StringComparison.Ordinal);
        Assert.Contains("officer.satisfiedDepartureIntent", report.SuggestionSearch.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownOnlyBecauseOfTheOfficer_NothingSettlesItYes()
    {
        var report = Evaluate(Evaluator, VisaAndExpiredExam, p =>
        {
            p["application"]!["channel"] = "outside_canada_online";
            p["medical"]!["examDate"] = "2026-10-01";
            p["officer"]!.AsObject().Remove("satisfiedDepartureIntent");
        });

        Assert.Equal(Tri.Unknown, report.Summary.Outcome);
        Assert.Equal(["GEN-02"], report.Summary.AwaitsOfficer);
        Assert.Empty(report.Suggestions);
        Assert.Equal(SuggestionStatus.NoneFound, report.SuggestionSearch.Status);
        Assert.Equal("No change the person can make settles the answer yes while GEN-02 is open: it waits for the officer's decision.", report.SuggestionSearch.Text);
    }

    [Fact]
    public void DualNational_TravellingOnTheVisaExemptPassport_IsASuggestion()
    {
        var report = Evaluate(Evaluator, VisaAndExpiredExam, p =>
        {
            p["person"]!["citizenships"] = new JsonArray("IN", "FR");
            p["medical"]!["examDate"] = "2026-10-01";
        });

        Assert.Contains(report.Suggestions, s => s.Changes.Count == 1 && s.Changes[0].Fact == "person.passportCountry" && s.Changes[0].ToText == "FR");
        Assert.Contains(report.Suggestions, s => s.Changes[0].Fact == "application.channel");
        Assert.All(report.Suggestions, s => Assert.Equal(Tri.Yes, s.Outcome.To));
    }

    [Fact]
    public void NoChannelGiven_ChoosingOneThatSettlesItYes_IsSuggested()
    {
        // Found by the pruning test below on a generated profile: with no channel, nothing in the summary's open list
        // read the channel, so no channel was tried. Someone in Canada whose spouse holds a permit (INS-02).
        var report = Evaluate(Evaluator, VisaAndExpiredExam, p =>
        {
            ((JsonObject)p["application"]!).Remove("channel");
            p["statusInCanada"] = new JsonObject { ["location"] = "in_canada", ["status"] = "visitor" };
            p["family"] = new JsonObject { ["spouseOrPartnerHoldsValidStudyOrWorkPermit"] = true };
            p["medical"]!["examDate"] = "2026-10-01";
        });

        Assert.Equal(Tri.Unknown, report.Summary.Outcome);
        Assert.Contains(report.Suggestions, s => s.Changes.Any(c => c.Fact == "application.channel" && c.FromText is null && c.ToText == "inside_canada_online"));
        Assert.All(report.Suggestions, s => Assert.Equal(Tri.Yes, s.Outcome.To));
    }

    [Fact]
    public void SomeoneOutsideCanada_IsNeverToldToApplyFromInsideCanada()
    {
        var report = Evaluate(Evaluator, VisaAndExpiredExam, p => p["medical"]!["examDate"] = "2026-10-01");

        Assert.NotEmpty(report.Suggestions);
        Assert.DoesNotContain(report.Suggestions, s => s.Changes.Any(c => c.ToText == "inside_canada_online"));
    }

    [Fact]
    public void ApplyTo_GivesTheProfileThatWasEvaluated_AndRejectsAFactThatIsNotActionable()
    {
        var profile = JsonSerializer.Deserialize<WorkPermitProfile>(VisaAndExpiredExam, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase })!;
        var report = Evaluator.Evaluate(profile);
        var suggestion = Assert.Single(report.Suggestions);

        var changed = suggestion.ApplyTo(profile);

        Assert.Equal(ApplicationChannel.OutsideCanadaOnline, changed.Application!.Channel);
        Assert.Equal(new DateOnly(2026, 12, 3), changed.Medical!.ExamDate);
        Assert.Equal(Tri.Yes, Plain.Evaluate(changed).Summary.Outcome);
        var forbidden = suggestion with { Changes = [new FactChange("person.criminalRecord", null, JsonSerializer.SerializeToElement("none"))] };
        var error = Assert.Throws<ArgumentException>(() => forbidden.ApplyTo(profile));
        Assert.Contains("person.criminalRecord", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SuggestionsRoundTripThroughJson_WithExplicitNulls()
    {
        var report = Evaluate(Evaluator, VisaAndExpiredExam, p => ((JsonObject)p["job"]!).Remove("employerComplianceFeePaid"));
        var json = ReportJson.Write(report);

        Assert.Contains("\"suggestionSearch\":{\"status\":", json, StringComparison.Ordinal);
        var read = ReportJson.Read(json);
        Assert.Equal(report.Suggestions.Count, read.Suggestions.Count);
        Assert.Equal(report.Suggestions.SelectMany(s => s.Changes).Select(c => (c.Fact, c.FromText, c.ToText)),
            read.Suggestions.SelectMany(s => s.Changes).Select(c => (c.Fact, c.FromText, c.ToText)));
        Assert.Equal(report.SuggestionSearch, read.SuggestionSearch);
    }

    [Fact]
    public void NullFromIsWrittenAsNull_NotLeftOut()
    {
        var report = Evaluate(Evaluator, VisaAndExpiredExam, p =>
        {
            p["person"]!["citizenships"] = new JsonArray("FR");
            p["person"]!["passportCountry"] = "FR";
            p["medical"]!["examDate"] = "2026-10-01";
            ((JsonObject)p["job"]!).Remove("employerComplianceFeePaid");
        });

        Assert.Equal(Tri.Unknown, report.Summary.Outcome);
        var fee = report.Suggestions.SelectMany(s => s.Changes).FirstOrDefault(c => c.Fact == "job.employerComplianceFeePaid");
        Assert.NotNull(fee);
        Assert.Contains("{\"fact\":\"job.employerComplianceFeePaid\",\"from\":null,\"to\":true}", ReportJson.Write(report), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(1001, 2)]
    [InlineData(32, 0)]
    [InlineData(32, 4)]
    public void OutOfRangeOptions_AreAConfigurationError(int evaluations, int changes)
    {
        var error = Assert.Throws<WorkPermitRulesConfigurationException>(() => WorkPermitEvaluator.Create(o =>
        {
            o.Suggestions.MaxEvaluations = evaluations;
            o.Suggestions.MaxChanges = changes;
        }));

        Assert.Contains("Suggestions.Max", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ActionableFacts_AreContractFacts_AndNoneIsOnTheNeverList()
    {
        Assert.All(ActionableFacts.All, f => Assert.Contains(ProfileFacts.All, d => d.Path == f.Fact));
        Assert.DoesNotContain(ActionableFacts.All, f => NeverChanged.Contains(f.Fact));
        Assert.True(ActionableFacts.IsActionable("application.channel"));
        Assert.False(ActionableFacts.IsActionable("person.citizenships"));
    }

    /// <summary>
    /// Every suggestion keeps its promise: its changes, applied with the Testing package's own setter (not the library's),
    /// give exactly the outcome it promised with nothing blocking, touch only actionable facts and never a date in the past,
    /// and list every rule that stopped blocking.
    /// </summary>
    [Property(MaxTest = 150, Arbitrary = [typeof(SuggestionArbitraries)])]
    public void EverySuggestion_GivesThePromisedOutcome_AndTouchesOnlyActionableFacts(WorkPermitProfile profile) =>
        CheckSuggestions(profile);

    [Fact]
    public void ThePropertyIsNotVacuous_GeneratedProfilesGetSingleAndPairedSuggestions()
    {
        var profiles = SuggestionArbitraries.Profiles.Generator.Sample(300, 10);
        var reports = profiles.Select(p => (Profile: p, Report: Evaluator.Evaluate(p))).ToArray();

        var withSuggestions = reports.Where(r => r.Report.Suggestions.Count > 0).ToArray();
        var counts = string.Join(", ", reports.GroupBy(r => (r.Report.Summary.Outcome, r.Report.SuggestionSearch.Status, Changes: r.Report.Suggestions.Select(s => s.Changes.Count).DefaultIfEmpty().Max()))
            .Select(g => $"{g.Key}: {g.Count()}"));
        Assert.True(withSuggestions.Length >= 30, $"only {withSuggestions.Length} of 300 generated profiles got suggestions ({counts})");
        Assert.True(withSuggestions.Count(r => r.Report.Suggestions.Any(s => s.Changes.Count == 1)) >= 5, counts);
        Assert.True(withSuggestions.Count(r => r.Report.Suggestions.Any(s => s.Text.Contains(", and ", StringComparison.Ordinal))) >= 5, counts);
        foreach (var (profile, _) in withSuggestions.Take(60))
        {
            CheckSuggestions(profile);
        }
    }

    /// <summary>
    /// The search only tries changes that can matter. Against a search without that pruning (every single change the
    /// declaration offers, evaluated): whenever one change is enough, the report lists exactly the single changes that work.
    /// </summary>
    [Fact]
    public void PruningMissesNoSingleChange_AgainstEveryChangeEvaluated()
    {
        var profiles = SuggestionArbitraries.Profiles.Generator.Sample(200, 10);
        var compared = 0;
        foreach (var profile in profiles)
        {
            var report = Evaluator.Evaluate(profile);
            if (report.Summary.Outcome == Tri.Yes || report.SuggestionSearch.Status == SuggestionStatus.BudgetExhausted)
            {
                continue;
            }

            var toYes = report.Summary.Outcome == Tri.Unknown;
            var c = new EvaluationCase(profile, new DateOnly(2026, 12, 3), ReferenceDataSet.Default);
            static string Key(Move m) => string.Join(";", m.Changes.Select(x => $"{FactCatalog.Get(x.Fact).Path}={x.To}").Order(StringComparer.Ordinal));
            var moves = Levers.MovesFor(c);
            var working = moves
                .Where(m => Plain.Evaluate(m.ApplyTo(profile)).Summary is var s && (toYes ? s.Outcome == Tri.Yes : s.Blocking.Count == 0))
                .Select(Key)
                .Order(StringComparer.Ordinal)
                .ToArray();
            var listed = report.Suggestions
                .Select(s => string.Join(";", s.Changes.Select(x => $"{x.Fact}={x.ToText}").Order(StringComparer.Ordinal)))
                .Order(StringComparer.Ordinal)
                .ToArray();
            if (working.Length > 0)
            {
                Assert.True(working.SequenceEqual(listed), $"single changes that work: [{string.Join(" | ", working)}]; listed: [{string.Join(" | ", listed)}]; profile {ProfileJson.Write(profile)}");
            }
            else
            {
                Assert.DoesNotContain(listed, moves.Select(Key).Contains);
            }

            compared++;
        }

        Assert.True(compared >= 50, $"only {compared} profiles compared");
    }

    private static void CheckSuggestions(WorkPermitProfile profile)
    {
        var report = Evaluator.Evaluate(profile);
        Assert.Equal(report.Summary.Outcome == Tri.Yes, report.SuggestionSearch.Status == SuggestionStatus.NotNeeded);
        Assert.Equal(report.Suggestions.Count > 0, report.SuggestionSearch.Status == SuggestionStatus.Found);
        Assert.InRange(report.SuggestionSearch.Evaluations, 0, 32);
        foreach (var suggestion in report.Suggestions)
        {
            var changed = profile;
            foreach (var change in suggestion.Changes)
            {
                Assert.True(ActionableFacts.IsActionable(change.Fact), change.Fact);
                Assert.DoesNotContain(change.Fact, NeverChanged);
                var descriptor = ProfileFacts.Describe(change.Fact);
                Assert.Equal(Json(ProfileFacts.Get(profile, change.Fact), descriptor), change.FromText);
                var value = Value(change.To, descriptor);
                if (value is DateOnly date)
                {
                    Assert.True(date >= report.AsOf.Evaluation, $"{change.Fact} moved to {date}, before {report.AsOf.Evaluation}");
                }

                changed = ProfileFacts.With(changed, change.Fact, value);
            }

            Assert.Equal(changed, suggestion.ApplyTo(profile));
            var after = Plain.Evaluate(changed);
            Assert.Equal(report.Summary.Outcome, suggestion.Outcome.From);
            Assert.Equal(suggestion.Outcome.To, after.Summary.Outcome);
            Assert.Empty(after.Summary.Blocking);
            if (report.Summary.Outcome == Tri.Unknown)
            {
                Assert.Equal(Tri.Yes, after.Summary.Outcome);
            }

            Assert.All(report.Summary.Blocking, id => Assert.Contains(id, suggestion.Rules));
            Assert.StartsWith(char.ToUpperInvariant(suggestion.Text[0]).ToString(), suggestion.Text, StringComparison.Ordinal);
        }
    }

    private static string? Json(object? value, FactDescriptor descriptor) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Enum => JsonSerializer.Serialize(value, value.GetType()).Trim('"'),
        _ => value.ToString(),
    };

    private static object? Value(JsonElement? json, FactDescriptor descriptor) => json switch
    {
        null => null,
        { } e when descriptor.Kind == FactKind.Boolean => e.GetBoolean(),
        { } e when descriptor.Kind == FactKind.Date => DateOnly.ParseExact(e.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        { } e when descriptor.Kind == FactKind.Enumeration => JsonSerializer.Deserialize(e.GetRawText(), descriptor.EnumType!),
        { } e => e.GetString(),
    };
}
