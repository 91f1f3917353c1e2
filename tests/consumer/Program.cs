// A consumer of the WorkPermit.Rules packages: registers the evaluator, evaluates a profile and checks what a user
// relies on, including the reference data and citations embedded in the package. Exit code 0 when every check holds.
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.DependencyInjection;
using WorkPermit.Rules;
using WorkPermit.Rules.Testing;

var failures = new List<string>();
void Check(bool condition, string what)
{
    Console.WriteLine($"{(condition ? "ok  " : "FAIL")} {what}");
    if (!condition)
    {
        failures.Add(what);
    }
}

// 1. Register the evaluator as an application would.
using var provider = new ServiceCollection()
    .AddWorkPermitRules(options => options.ReferenceData.Add("RD-04", new ReferenceEntry { Code = "YUL", Source = "consumer test" }))
    .BuildServiceProvider();
var evaluator = provider.GetRequiredService<IWorkPermitEvaluator>();

// 2. Evaluate a port-of-entry profile given as JSON, the way a portal sends it.
const string ProfileJsonText = """
{
  "evaluationDate": "2025-04-14",
  "application": { "channel": "port_of_entry", "form": "poe_same_day", "permitType": "employer_specific_lmia_exempt", "program": "other_imp" },
  "statusInCanada": { "location": "outside_canada" },
  "person": { "citizenships": ["FR"], "passportCountry": "FR", "usLawfulPermanentResident": false },
  "travel": { "tripType": "arriving_from_abroad", "mode": "air", "arrivalDate": "2025-04-14", "portOfEntry": "YUL", "startAndFinishAtSamePoe": true, "flagpoleExemption": "none" },
  "job": { "employerCompletedRequiredSteps": true, "offerOfEmploymentNumberAvailable": true, "employerComplianceFeePaid": true }
}
""";
var result = evaluator.Evaluate(ProfileJsonText);
Check(result.IsValid, "the profile is valid");
var report = result.Report!;

// 3. What the package must carry: the rules, the embedded reference lists (RD-01 makes France visa-exempt), the host's
//    override (RD-04 now lists YUL), the catalogue's citations and the JSON contract.
Check(report.PortOfEntry?.Outcome == Tri.Yes, "a French traveller with an LMIA-exempt offer may apply at the port of entry");
Check(report.PortOfEntry?.EtaEligibility == EtaEligibility.Eligible, "RD-01 (embedded) makes a French passport eTA-eligible by air");
Check(report.BiometricsAtPortOfEntry.Outcome == Tri.Yes, "the RD-04 override lists YUL for biometrics");
Check(report.Route == PermitRoute.SameDayPoeApplication, "the route is same-day processing");
Check(report.Documents.Select(d => d.Id).Order().SequenceEqual(["job_offer", "offer_of_employment_number", "proof_meets_job_requirements", "proof_role_lmia_exempt"]), "LMIA-04's documents are listed");
Check(report.Findings.Count > 50 && report.Findings.All(f => f.Citation.Quote.Length > 0 && f.Citation.SourceTitle.Length > 0), "every finding cites its passage");
Check(report.RuleSet.Rules == 91 && report.RuleSet.Fingerprint.Length == 16, "the rule set has 91 rules and a fingerprint");
Check(ReportJson.Write(report).Contains("\"portOfEntry\":{\"outcome\":\"yes\"", StringComparison.Ordinal), "the report writes the contract's JSON");
Check(!evaluator.Evaluate("""{ "travel": { "mode": "boat" } }""").IsValid, "invalid input is reported, not evaluated");

// 4. House rules: a firm's own NRules rule, registered beside the catalogue's, matching a catalogue finding.
var withHouseRules = WorkPermitEvaluator.Create(o => o.HouseRules.Add<SecondReviewRule>());
var reviewed = withHouseRules.Evaluate(ProfileJsonText).Report!;
Check(reviewed.House.Count == 1 && reviewed.House[0].RuleId == "CONSUMER-REVIEW" && reviewed.House[0].Outcome == Tri.Yes, "a house rule matches POE-04 and adds its finding to report.house");
Check(reviewed.PortOfEntry?.Outcome == report.PortOfEntry?.Outcome && reviewed.RuleSet.Rules == 92 && reviewed.RuleSet.Fingerprint != WorkPermitEvaluator.Create().RuleSet.Fingerprint, "the house rule changes no catalogue outcome and is in the fingerprint");
var collision = false;
try
{
    WorkPermitEvaluator.Create(o => o.HouseRules.Add<CollidingRule>());
}
catch (WorkPermitRulesConfigurationException)
{
    collision = true;
}

Check(collision, "a house rule named like a catalogue rule is rejected at registration");

// 5. The testing package: generated profiles and the invariants, run against this application's own evaluator.
var generators = new WorkPermitGenerators(evaluator.ReferenceData);
var invariants = new WorkPermitInvariants(evaluator);
var broken = generators.AnyProfile.Sample(30, 200)
    .SelectMany(p => new[] { invariants.NeverThrows(p), invariants.ExclusionsDominate(p), invariants.OutcomesBackedByFindings(p) })
    .Where(r => !r.Passed)
    .Select(r => r.Message)
    .FirstOrDefault();
Check(broken is null, "200 generated profiles keep the invariants" + (broken is null ? string.Empty : ": " + broken));

if (failures.Count > 0)
{
    Console.WriteLine($"{failures.Count} consumer check(s) failed.");
    return 1;
}

Console.WriteLine("All consumer checks passed.");
return 0;

/// <summary>The consumer's house rule: a second review for every border application the catalogue finds eligible.</summary>
[NRules.Fluent.Dsl.Name("CONSUMER-REVIEW")]
public sealed class SecondReviewRule : NRules.Fluent.Dsl.Rule
{
    public override void Define()
    {
        CatalogueFinding poe04 = default!;
        When().Match(() => poe04, f => f.RuleId == "POE-04", f => f.Outcome == Tri.Yes);
        Then().Yield(_ => new HouseFinding { Id = "CONSUMER-REVIEW", Title = "A second consultant reviews this application", Outcome = Tri.Yes });
    }
}

/// <summary>Named like a catalogue rule: must be refused.</summary>
[NRules.Fluent.Dsl.Name("GEN-01")]
public sealed class CollidingRule : NRules.Fluent.Dsl.Rule
{
    public override void Define()
    {
        EvaluatedProfile profile = default!;
        When().Match(() => profile);
        Then().Do(_ => Console.Write(string.Empty));
    }
}
