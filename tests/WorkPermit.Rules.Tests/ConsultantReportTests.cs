using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using WorkPermit.Rules.Testing;
using WorkPermit.Rules.Tests.Support;

namespace WorkPermit.Rules.Tests;

/// <summary>
/// What a consultant reads in a report (issue 15): one summary answer, titles that say what yes means, nothing shown
/// that does not concern the profile, the facts already given never asked again, and questions in the order a
/// consultant asks them. Each behaviour is checked on both sides of the condition that decides it.
/// </summary>
public sealed class ConsultantReportTests
{
    private static readonly IWorkPermitEvaluator Evaluator = WorkPermitEvaluator.Create(timeProvider: FixedTimeProvider.On(2025, 11, 21));

    // A French worker with a positive LMIA, meeting every general requirement, arriving at a land port in 2025.
    private const string BorderProfile = """
        {
          "evaluationDate": "2025-03-01",
          "person": { "citizenships": ["FR"], "passportCountry": "FR", "usLawfulPermanentResident": false, "sufficientFunds": true,
                      "accompanyingFamilyCount": 0, "criminalRecord": "none", "securityConcern": "none", "healthConditionConcern": "none" },
          "officer": { "satisfiedDepartureIntent": true, "policeCertificateRequested": false, "documentsRequested": "none", "medicalExamRequested": false },
          "statusInCanada": { "location": "outside_canada", "status": "not_in_canada" },
          "travel": { "mode": "land", "arrivalDate": "2025-03-01", "tripType": "arriving_from_abroad", "flagpoleExemption": "none",
                      "heldCanadianVisaPast10Years": false, "validUsNonImmigrantVisa": false, "portOfEntry": "LACOLLE", "hasLetterOfIntroduction": false },
          "application": { "channel": "port_of_entry", "form": "poe_same_day", "permitType": "employer_specific_lmia_required", "program": "tfwp_regular",
                           "submittedDate": "2025-03-01", "superVisa": false },
          "job": { "hasJobOffer": true, "inQuebec": false, "lmiaStatus": "positive_issued", "employerCompletedRequiredSteps": true,
                   "employerNonComplianceStatus": "not_listed", "employerRegularlyOffersSexualServices": false, "publicHealthProtection": false },
          "medical": { "intendedStayMonths": 12, "designatedCountryMonthsPastYear": 0 }
        }
        """;

    private static WorkPermitReport Evaluate(string json, Action<JsonObject>? change = null)
    {
        var profile = JsonNode.Parse(json)!.AsObject();
        change?.Invoke(profile);
        var result = Evaluator.Evaluate(profile.ToJsonString());
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        return result.Report!;
    }

    private static FindingResult Finding(WorkPermitReport report, string id) => report.Findings.Single(f => f.RuleId == id);

    [Fact]
    public void EveryGeneralRequirementMet_RequirementsYes_ExclusionsNo()
    {
        var report = Evaluate(BorderProfile);

        Assert.Equal(Tri.Yes, report.General.Outcome);
        var general = report.Findings.Where(f => f.RuleId.StartsWith("GEN-", StringComparison.Ordinal) && f.RuleId != "GEN-01").ToArray();
        Assert.All(general.Where(f => f.Kind == RuleKind.Requirement), f => Assert.Equal(Tri.Yes, f.Outcome));
        Assert.All(general.Where(f => f.Kind == RuleKind.Exclusion), f => Assert.Equal(Tri.No, f.Outcome));
        Assert.Equal(["GEN-08", "GEN-09"], general.Where(f => f.Kind == RuleKind.Exclusion).Select(f => f.RuleId));
    }

    [Fact]
    public void EmployerListedIneligible_Gen08YesBars_AndIsTheBlockingFinding()
    {
        var report = Evaluate(BorderProfile, p => p["job"]!["employerNonComplianceStatus"] = "listed_ineligible");

        Assert.Equal(Tri.Yes, Finding(report, "GEN-08").Outcome);
        Assert.Equal("Employer listed 'ineligible' on the non-compliance list", Finding(report, "GEN-08").Title);
        Assert.Equal(Tri.No, report.Summary.Outcome);
        Assert.Equal(["GEN-08"], report.Summary.Blocking);
    }

    [Fact]
    public void TitlesRevisedInTheCatalogue_ReadAsWhatYesMeans()
    {
        var report = Evaluate(BorderProfile);

        Assert.Equal("Biometrics may be given at the POE (most applicants may not)", Finding(report, "BIO-01").Title);
        Assert.Equal(RuleKind.Category, RuleCatalogue.Get("POE-EXC-06X").Kind);
        Assert.Equal(RuleKind.Exclusion, RuleCatalogue.Get("INS-11").Kind);
    }

    [Fact]
    public void ExpiredExamAtTheBorder_PortOfEntryYesButSummaryNo_NamingTheExam()
    {
        // A health-care job: the exam is required (IME-03), and 12 months from the exam date run out on 2025-02-28.
        static void Exam(JsonObject p, string date)
        {
            p["job"]!["publicHealthProtection"] = true;
            p["medical"]!["examDate"] = date;
        }

        var valid = Evaluate(BorderProfile, p => Exam(p, "2024-03-01"));
        var expired = Evaluate(BorderProfile, p => Exam(p, "2024-02-29"));

        Assert.Equal(Tri.Yes, valid.Summary.Outcome);
        Assert.Empty(valid.Summary.Blocking);
        Assert.Equal(Tri.Yes, expired.PortOfEntry!.Outcome);
        Assert.Equal(Tri.No, expired.Summary.Outcome);
        Assert.Equal(["GEN-07", "IME-04", "IME-05"], expired.Summary.Blocking);
        Assert.Contains("IME-05", expired.Summary.Text, StringComparison.Ordinal);
        Assert.Equal(ApplicationChannel.PortOfEntry, expired.Summary.Channel);
    }

    [Fact]
    public void FactsBehindAFinding_AreTheProfilesValues()
    {
        var report = Evaluate(BorderProfile, p => p["medical"]!["examDate"] = "2024-01-10");

        var behind = report.FactsBehind(Finding(report, "IME-05")).ToDictionary(kv => kv.Key, kv => kv.Value);
        Assert.Equal("2024-01-10", behind["medical.examDate"]);
        Assert.Equal("2025-03-01", behind["travel.arrivalDate"]);
        Assert.Equal(new DateOnly(2025, 1, 10), report.MedicalExam.ExpiryDate);
        Assert.Equal("FR", report.Facts["person.citizenships"]);
        Assert.False(report.Facts.ContainsKey("medical.indicatedExpiryDate"));
    }

    [Fact]
    public void ExamValidOnEntry_IsValidWhetherOrNotRequired()
    {
        var notRequired = Evaluate(BorderProfile, p => p["medical"]!["examDate"] = "2024-06-01");
        var noExam = Evaluate(BorderProfile);

        Assert.Equal(Tri.No, notRequired.MedicalExam.Required);
        Assert.Equal(Tri.Yes, notRequired.MedicalExam.ValidOnEntry);
        Assert.Null(noExam.MedicalExam.ValidOnEntry);
    }

    [Theory]
    [InlineData("MX", "usLawfulPermanentResident", true, "no")]
    [InlineData("MX", "usLawfulPermanentResident", false, "yes")]
    [InlineData("MX", "usLawfulPermanentResident", null, "unknown")]
    public void ListedCitizen_BarredOnlyWhenDependingOnTheConditionalEta(string citizen, string fact, bool? value, string excluded)
    {
        var report = Evaluate(BorderProfile, p =>
        {
            p["person"]!["citizenships"] = new JsonArray(citizen);
            p["person"]!["passportCountry"] = citizen;
            p["person"]![fact] = value is null ? null : JsonValue.Create(value.Value);
            if (value is null)
            {
                p["person"]!.AsObject().Remove(fact);
            }
        });

        Assert.Equal(excluded, ReportOutcomes.Name(Finding(report, "POE-EXC-02").Outcome));
        if (excluded == "no")
        {
            Assert.Contains("literally", Finding(report, "POE-EXC-02").Note, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(new[] { "US", "PH" }, "PH", "no")]
    [InlineData(new[] { "FR", "MX" }, "FR", "no")]
    [InlineData(new[] { "FR", "MX" }, "MX", "yes")]
    [InlineData(new[] { "PH" }, "PH", "yes")]
    public void ListedDualNational_BarredOnlyWithoutUsCitizenshipOrAVisaExemptPassport(string[] citizenships, string passport, string excluded)
    {
        var report = Evaluate(BorderProfile, p =>
        {
            p["person"]!["citizenships"] = new JsonArray([.. citizenships.Select(c => (JsonNode)c)]);
            p["person"]!["passportCountry"] = passport;
            p["travel"]!["mode"] = "air";
        });

        Assert.Equal(excluded, ReportOutcomes.Name(Finding(report, "POE-EXC-02").Outcome));
    }

    private const string VisitorInCanada = """
        {
          "evaluationDate": "2025-03-03",
          "person": { "citizenships": ["FR"], "passportCountry": "FR", "usLawfulPermanentResident": false },
          "statusInCanada": { "location": "in_canada", "status": "visitor", "holdsValidWorkPermit": false, "holdsValidStudyPermit": false,
                              "pgwpEligible": false, "inlandPrApplicationPending": false, "refugeeClaimMade": false,
                              "conventionRefugeeOrProtectedPerson": false, "workPermitExemption": "none", "cusmaCategory": "none" },
          "family": { "spouseOrPartnerHoldsValidStudyOrWorkPermit": false, "parentHoldsValidStudyOrWorkPermit": false },
          "travel": { "mode": "land", "arrivalDate": "2025-03-03", "tripType": "returning_from_us", "tripPurposeImmigrationServicesOnReturn": true,
                      "flagpoleExemption": "none" },
          "application": { "channel": "port_of_entry", "form": "poe_same_day", "permitType": "employer_specific_lmia_exempt", "submittedDate": "2025-03-03" }
        }
        """;

    [Fact]
    public void VisitorWithNoInsideBasisBarredFromFlagpoling_RouteIsFromOutsideAndMustLeave()
    {
        var report = Evaluate(VisitorInCanada);

        Assert.Equal(Tri.No, report.InsideCanada!.Outcome);
        Assert.Equal(Tri.No, report.PortOfEntry!.Outcome);
        Assert.Equal(PermitRoute.ApplyOnlineThenIssueAtPoeWithLoi, report.Route);
        Assert.Equal(Tri.Yes, report.AfterApplying.MustLeaveCanadaToActivate);
    }

    [Fact]
    public void WorkerWithAValidPermitBarredFromFlagpoling_RouteIsOnlineFromInside()
    {
        var report = Evaluate(VisitorInCanada, p =>
        {
            p["statusInCanada"]!["status"] = "worker";
            p["statusInCanada"]!["holdsValidWorkPermit"] = true;
        });

        Assert.Equal(Tri.Yes, report.InsideCanada!.Outcome);
        Assert.Equal(PermitRoute.ApplyOnlineFromInsideCanada, report.Route);
        Assert.Null(report.AfterApplying.MustLeaveCanadaToActivate);
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(WorkPermitArbitraries)])]
    public bool Summary_NeverYesBesideANoAndRouteNeverContradictsTheInsideOutcome(WorkPermitProfile profile)
    {
        var report = Evaluator.Evaluate(profile);
        var channelNo = report.General.Outcome == Tri.No
            || (report.Summary.Channel == ApplicationChannel.PortOfEntry && report.PortOfEntry?.Outcome == Tri.No)
            || (report.Summary.Channel == ApplicationChannel.InsideCanadaOnline && report.InsideCanada?.Outcome == Tri.No)
            || (report.Summary.Channel == ApplicationChannel.OutsideCanadaOnline && report.OutsideCanada?.Outcome == Tri.No);
        var routeContradicts = report.Route == PermitRoute.ApplyOnlineFromInsideCanada && report.InsideCanada?.Outcome == Tri.No;
        var blockingExplained = report.Summary.Outcome != Tri.No || report.Summary.Blocking.Count > 0;
        return !(channelNo && report.Summary.Outcome != Tri.No) && !routeContradicts && blockingExplained
            && (report.Summary.Outcome != Tri.Yes || (report.Summary.Blocking.Count == 0 && report.Summary.Open.Count == 0));
    }

    private const string InsideApplicant = """
        {
          "evaluationDate": "2025-09-15",
          "person": { "citizenships": ["NG"] },
          "statusInCanada": { "location": "in_canada", "status": "student", "pgwpEligible": true, "holdsValidWorkPermit": false,
                              "inlandPrApplicationPending": false, "refugeeClaimMade": false, "conventionRefugeeOrProtectedPerson": false,
                              "workPermitExemption": "none", "cusmaCategory": "none" },
          "family": { "spouseOrPartnerHoldsValidStudyOrWorkPermit": false, "parentHoldsValidStudyOrWorkPermit": false },
          "application": { "channel": "inside_canada_online", "form": "imm5710", "submittedDate": "2025-09-15", "permitType": "open", "program": "pgwp" }
        }
        """;

    [Theory]
    [InlineData(false, "no")]
    [InlineData(true, "yes")]
    public void StudyPermitHeldWithoutExpiry_SettlesIns03(bool holds, string expected)
    {
        var report = Evaluate(InsideApplicant, p => p["statusInCanada"]!["holdsValidStudyPermit"] = holds);

        Assert.Equal(expected, ReportOutcomes.Name(Finding(report, "INS-03").Outcome));
        Assert.DoesNotContain(report.Questions, q => q.Fact == "statusInCanada.studyPermitExpiryDate");
    }

    [Fact]
    public void GraduateApplyingForPgwp_NotAskedTheCurrentPermitTypeNorSuperVisa()
    {
        var report = Evaluate(InsideApplicant);

        Assert.Null(report.Employer.NewPermitRequired);
        Assert.DoesNotContain(report.Questions, q => q.Fact is "statusInCanada.currentPermitType" or "application.superVisa");
    }

    [Fact]
    public void TravellerFromAbroad_NoInsideCanadaFindingsNorOutsideFinding()
    {
        var report = Evaluate(BorderProfile);

        Assert.Null(report.InsideCanada);
        Assert.DoesNotContain(report.Findings, f => f.RuleId.StartsWith("INS-", StringComparison.Ordinal) || f.RuleId == "OUT-01");
        Assert.Null(report.InterimAuthorization);
    }

    [Fact]
    public void OnlineFromOutsideCanada_NoLocationQuestion()
    {
        var report = Evaluate("""{ "evaluationDate": "2025-03-01", "application": { "channel": "outside_canada_online", "form": "imm1295" } }""");

        Assert.DoesNotContain(report.Questions, q => q.Fact == "statusInCanada.location");
        Assert.Null(report.InsideCanada);
    }

    [Fact]
    public void PortOfEntryQuestions_ComeBeforeTheGeneralRequirements()
    {
        var report = Evaluate("""{ "evaluationDate": "2025-03-01", "application": { "channel": "port_of_entry" } }""");

        var questions = report.Questions.ToList();
        Assert.Contains(questions[0].Affects, a => a.StartsWith("portOfEntry.", StringComparison.Ordinal));
        var firstGeneralOnly = questions.FindIndex(q => q.Affects.All(a => a is "general.outcome" or "summary.outcome"));
        var lastPort = questions.FindLastIndex(q => q.Affects.Any(a => a.StartsWith("portOfEntry.", StringComparison.Ordinal)));
        Assert.True(firstGeneralOnly >= 0, "a general-requirement question is asked");
        Assert.True(lastPort < firstGeneralOnly, $"the port-of-entry questions come first: {string.Join(", ", questions.Select(q => q.Fact))}");
    }

    [Fact]
    public void ApprovedImm1295InCanada_MustLeaveWithoutAskingForTheLetter()
    {
        var report = Evaluate("""
            { "evaluationDate": "2025-05-01",
              "statusInCanada": { "location": "in_canada", "status": "visitor" },
              "application": { "channel": "outside_canada_online", "form": "imm1295", "stage": "decided", "decision": "approved" } }
            """);

        Assert.Equal(Tri.Yes, Finding(report, "AFT-06").Outcome);
        Assert.Equal(Tri.Yes, report.AfterApplying.MustLeaveCanadaToActivate);
        Assert.DoesNotContain(report.Questions, q => q.Fact == "travel.hasLetterOfIntroduction");
    }

    [Theory]
    [InlineData("pending", "no")]
    [InlineData("approved", "unknown")]
    public void InterimAuthorizationWithoutTheEmail_CanWorkNowFollowsTheDecision(string decision, string canWork)
    {
        var report = Evaluate("""
            { "evaluationDate": "2024-05-01",
              "statusInCanada": { "location": "in_canada", "status": "visitor", "previousWorkPermitExpiryDate": "2024-01-15" },
              "application": { "channel": "inside_canada_online", "form": "imm5710", "permitType": "employer_specific_lmia_exempt",
                               "submittedDate": "2024-04-01", "stage": "processing", "decision": "pending" },
              "visitorPolicy": { "physicallyPresentAtApplication": true, "visitorStatusValidAtApplication": true,
                                 "leftCanadaDuringProcessing": false, "authorizationEmailReceived": false } }
            """, p => p["application"]!["decision"] = decision);

        Assert.Equal(Tri.Yes, report.InterimAuthorization!.Outcome);
        Assert.Equal(canWork, ReportOutcomes.Name(report.AfterApplying.CanWorkNow!.Value));
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void ReturnedUnprocessed_ShownWhenAft01IsYesWithoutAStage(bool biometricsMissing, bool shown)
    {
        var report = Evaluate("""
            { "evaluationDate": "2025-05-01",
              "application": { "channel": "outside_canada_online", "form": "imm1295", "documentsComplete": true, "biometricsRequired": true } }
            """, p => p["application"]!["biometricsProvided"] = !biometricsMissing);

        Assert.Equal(shown, report.AfterApplying.ReturnedUnprocessed == Tri.Yes);
        Assert.Equal(shown, report.AfterApplying.ReturnedUnprocessed is not null);
    }

    [Fact]
    public void ApprovedImm5710_AsksWhetherThePermitArrivedAndTheAddressChanged()
    {
        var report = Evaluate("""
            { "evaluationDate": "2025-05-01",
              "statusInCanada": { "location": "in_canada", "status": "worker" },
              "application": { "channel": "inside_canada_online", "form": "imm5710", "stage": "decided", "decision": "approved",
                               "decisionLetterDate": "2025-03-01" } }
            """);

        Assert.Contains(report.Questions, q => q.Fact == "application.permitReceivedByMail" && q.Affects.Contains("actions"));
        Assert.Contains(report.Questions, q => q.Fact == "application.mailingAddressChangedBeforeDecision" && q.Affects.Contains("actions"));
    }

    [Fact]
    public void Documents_HaveNamesAndFormsAreApart()
    {
        var report = Evaluate(InsideApplicant, p => p["statusInCanada"]!["holdsValidStudyPermit"] = true);

        var form = Assert.Single(report.Documents, d => d.Id == "imm5710");
        Assert.Equal(ReportItemKind.Form, form.Kind);
        Assert.Contains("IMM 5710", form.Name, StringComparison.Ordinal);
        var json = ReportJson.Write(report);
        Assert.Contains("\"name\":\"Application to change conditions", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2040-01-01", true)]
    [InlineData("2035-12-31", false)]
    [InlineData("2014-12-31", true)]
    [InlineData("2015-01-01", false)]
    public void AsOfDateFarOutsideTheSources_GetsAWarning(string date, bool warned)
    {
        var report = Evaluate($$"""{ "evaluationDate": "{{date}}" }""");

        Assert.Equal(warned, report.Warnings.Count > 0);
    }
}
