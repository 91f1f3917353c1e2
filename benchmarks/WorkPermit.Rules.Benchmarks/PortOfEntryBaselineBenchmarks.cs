using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using WorkPermit.Rules.Baseline;

namespace WorkPermit.Rules.Benchmarks;

/// <summary>
/// The engine's overhead on the port-of-entry determination (issue 6): the plain C# baseline
/// (<see cref="PortOfEntryBaseline.Determine(WorkPermitProfile)"/>, POE-01 to POE-07 written directly as code) beside the
/// full evaluation a user runs (<see cref="IWorkPermitEvaluator.Evaluate(WorkPermitProfile)"/> on the shared compiled rule
/// set), on the same port-of-entry profiles. The baseline is the Ratio column's 1.00, so the engine's row reads as its
/// overhead. A third row, <see cref="EngineRulesOnly"/>, runs only the 30 rules the port-of-entry
/// determination is made of (POE-01 to POE-09, POE-EXC-01 to POE-EXC-06X, POE-ES-01, LMIA-06, OWP-01, and the
/// inside-Canada outcome INS-10 with its bases INS-01 to INS-09 and INS-13, which the route POE-07 follows) in an NRules
/// session and reads the determination from their findings, with no report: the engine's own share of the cost.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class PortOfEntryBaselineBenchmarks
{
    /// <summary>The rules of the port-of-entry determination: POE-* and the rules they build on. POE-07 matches the
    /// INS-10 finding (the route of someone in Canada follows it), so without the inside-Canada rules it never fires.</summary>
    private static readonly string[] DeterminationRules =
    [
        "POE-01", "POE-02", "POE-03", "POE-04", "POE-05", "POE-06", "POE-07", "POE-08", "POE-09", "POE-ES-01",
        "POE-EXC-01", "POE-EXC-02", "POE-EXC-03", "POE-EXC-04", "POE-EXC-05", "POE-EXC-06", "POE-EXC-06X", "LMIA-06", "OWP-01",
        "INS-01", "INS-02", "INS-03", "INS-04", "INS-05", "INS-06", "INS-07", "INS-08", "INS-09", "INS-13", "INS-10",
    ];

    private IWorkPermitEvaluator _evaluator = null!;
    private NRules.ISessionFactory _determination = null!;
    private PortOfEntryBaseline _baseline = null!;
    private WorkPermitProfile _profile = null!;

    /// <summary>Gets or sets the profile evaluated: a visa-exempt traveller who may apply (the benchmarks' port-of-entry
    /// profile), a worker flagpoling after it ended, a Mexican flying in after Mexico moved to the conditional-eTA list,
    /// and a sparse profile whose passport and citizenships are unknown (every passport kind tried, LIB-27).</summary>
    [Params("visa-exempt", "flagpoling", "conditional-eta", "sparse")]
    public string Profile { get; set; } = "visa-exempt";

    /// <summary>Builds the evaluator (compiling the rule set) and the baseline over the same reference data, picks the
    /// profile and checks that both implementations give the expected determination.</summary>
    [GlobalSetup]
    public void Setup()
    {
        // The determination alone, as the baseline makes it: without the suggestions a report whose summary is no carries.
        _evaluator = WorkPermitEvaluator.Create(o => o.Suggestions.Enabled = false);
        _ = Evaluation.WorkPermitRuleSet.Compiled; // a warm process runs on the compiled rule set, not the interim interpreted one
        _baseline = new PortOfEntryBaseline(_evaluator.ReferenceData);
        var types = Evaluation.WorkPermitRuleSet.RuleTypes
            .Where(t => DeterminationRules.Contains(new NRules.Fluent.RuleMetadata(t).Name))
            .ToArray();
        BenchmarkProfiles.Expect("every rule of the determination is found", types.Length == DeterminationRules.Length);
        _determination = BenchmarkSetup.Compile(types);
        _profile = Profile switch
        {
            "visa-exempt" => BenchmarkProfiles.Read(BenchmarkProfiles.PortOfEntry),
            "flagpoling" => Flagpoling,
            "conditional-eta" => ConditionalEta,
            "sparse" => Sparse,
            _ => throw new InvalidOperationException($"No benchmark profile '{Profile}'."),
        };

        var (outcome, exclusions, possible, route) = Profile switch
        {
            "visa-exempt" => (Tri.Yes, PortOfEntryExclusions.None, PortOfEntryExclusions.None, (PermitRoute?)PermitRoute.SameDayPoeApplication),
            "flagpoling" => (Tri.No, PortOfEntryExclusions.Flagpoling, PortOfEntryExclusions.None, PermitRoute.ApplyOnlineFromInsideCanada),
            "conditional-eta" => (Tri.No, PortOfEntryExclusions.ConditionalEtaCitizen, PortOfEntryExclusions.None, PermitRoute.ApplyOnlineThenIssueAtPoeWithLoi),
            _ => (Tri.Unknown, PortOfEntryExclusions.None,
                PortOfEntryExclusions.NeedsVisitorVisa | PortOfEntryExclusions.ConditionalEtaCitizen | PortOfEntryExclusions.IecNotUsCitizenOrResident
                | PortOfEntryExclusions.SeasonalAgriculturalWorker | PortOfEntryExclusions.PostGraduationWorkPermit, (PermitRoute?)null),
        };

        var baseline = Baseline();
        BenchmarkProfiles.Expect($"the baseline's outcome for '{Profile}' is {outcome}", baseline.Outcome == outcome);
        BenchmarkProfiles.Expect($"the baseline's exclusions for '{Profile}' are [{string.Join(", ", PortOfEntryDetermination.RuleIds(exclusions))}]", baseline.Exclusions == exclusions);
        BenchmarkProfiles.Expect($"the baseline's possible exclusions for '{Profile}' are [{string.Join(", ", PortOfEntryDetermination.RuleIds(possible))}]", baseline.PossibleExclusions == possible);
        BenchmarkProfiles.Expect($"the baseline's route for '{Profile}' is {route}", baseline.Route == route);

        var report = Engine();
        var port = report.PortOfEntry;
        BenchmarkProfiles.Expect($"the engine's outcome for '{Profile}' is {outcome}", port?.Outcome == outcome);
        BenchmarkProfiles.Expect($"the engine's exclusions for '{Profile}' are the baseline's",
            port is not null && port.Exclusions.SequenceEqual(PortOfEntryDetermination.RuleIds(exclusions)));
        BenchmarkProfiles.Expect($"the engine's possible exclusions for '{Profile}' are the baseline's",
            port is not null && port.PossibleExclusions.SequenceEqual(PortOfEntryDetermination.RuleIds(possible)));
        BenchmarkProfiles.Expect($"the engine's eTA status for '{Profile}' is the baseline's", port?.EtaEligibility == baseline.EtaEligibility);
        BenchmarkProfiles.Expect($"the engine's route for '{Profile}' is {route}", report.Route == route);

        var rulesOnly = EngineRulesOnly();
        BenchmarkProfiles.Expect($"the determination rules alone give outcome {outcome} for '{Profile}'", rulesOnly.Outcome == outcome);
        BenchmarkProfiles.Expect($"the determination rules alone give exclusions as the baseline for '{Profile}'", rulesOnly.Exclusions == exclusions);
        BenchmarkProfiles.Expect($"the determination rules alone give the baseline's route for '{Profile}'", rulesOnly.Route == route);
    }

    /// <summary>The port-of-entry determination written directly in C#.</summary>
    /// <returns>The determination.</returns>
    [Benchmark(Baseline = true)]
    public PortOfEntryDetermination Baseline() => _baseline.Determine(_profile);

    /// <summary>The engine's full evaluation of the same profile, as a user runs it.</summary>
    /// <returns>The report.</returns>
    [Benchmark]
    public WorkPermitReport Engine() => _evaluator.Evaluate(_profile);

    /// <summary>NRules running only the determination's rules: a new session (as the evaluator uses), the profile
    /// inserted, the rules fired, the outcome, exclusions and route read from the findings.</summary>
    /// <returns>The determination.</returns>
    [Benchmark]
    public (Tri Outcome, PortOfEntryExclusions Exclusions, PermitRoute? Route) EngineRulesOnly()
    {
        var evaluationCase = new Evaluation.EvaluationCase(_profile, _profile.EvaluationDate ?? default, _evaluator.ReferenceData);
        var findings = Evaluation.WorkPermitRuleSet.Run(_determination, evaluationCase, 1000);
        var outcome = Tri.Unknown;
        var exclusions = PortOfEntryExclusions.None;
        PermitRoute? route = null;
        foreach (var finding in findings.ByOrder)
        {
            if (finding is null)
            {
                continue;
            }

            switch (finding.RuleId)
            {
                case "POE-04":
                    outcome = finding.Outcome;
                    break;
                case "POE-07":
                    route = finding.Value as PermitRoute?;
                    break;
                case "POE-EXC-01" when finding.IsYes:
                    exclusions |= PortOfEntryExclusions.NeedsVisitorVisa;
                    break;
                case "POE-EXC-02" when finding.IsYes:
                    exclusions |= PortOfEntryExclusions.ConditionalEtaCitizen;
                    break;
                case "POE-EXC-03" when finding.IsYes:
                    exclusions |= PortOfEntryExclusions.IecNotUsCitizenOrResident;
                    break;
                case "POE-EXC-04" when finding.IsYes:
                    exclusions |= PortOfEntryExclusions.SeasonalAgriculturalWorker;
                    break;
                case "POE-EXC-05" when finding.IsYes:
                    exclusions |= PortOfEntryExclusions.PostGraduationWorkPermit;
                    break;
                case "POE-EXC-06" when finding.IsYes:
                    exclusions |= PortOfEntryExclusions.Flagpoling;
                    break;
            }
        }

        return (outcome, exclusions, route);
    }

    // A worker in Canada back from the United States by land for immigration services after flagpoling ended (POE-EXC-06).
    private static WorkPermitProfile Flagpoling => new()
    {
        EvaluationDate = new DateOnly(2025, 3, 3),
        Application = new ApplicationFacts
        {
            Channel = ApplicationChannel.PortOfEntry,
            Form = ApplicationForm.PoeSameDay,
            PermitType = PermitType.EmployerSpecificLmiaRequired,
            Program = WorkPermitProgram.TfwpRegular,
        },
        StatusInCanada = new StatusInCanadaFacts { Location = Location.InCanada, Status = TemporaryStatus.Worker, HoldsValidWorkPermit = true },
        Travel = new TravelFacts
        {
            Mode = TravelMode.Land,
            ArrivalDate = new DateOnly(2025, 3, 3),
            TripType = TripType.ReturningFromUs,
            TripPurposeImmigrationServicesOnReturn = true,
            FlagpoleExemption = FlagpoleExemption.None,
        },
        Person = new PersonFacts { Citizenships = ["GB"], PassportCountry = "GB", UsLawfulPermanentResident = false },
        Job = new JobFacts { EmployerCompletedRequiredSteps = true, LmiaStatus = LmiaStatus.PositiveIssued },
    };

    // A Mexican flying in on 2024-09-02, with a US visa: the eTA conditions are met, but RD-02 citizens are excluded (POE-EXC-02).
    private static WorkPermitProfile ConditionalEta => new()
    {
        EvaluationDate = new DateOnly(2024, 9, 2),
        Application = new ApplicationFacts
        {
            Channel = ApplicationChannel.PortOfEntry,
            Form = ApplicationForm.PoeSameDay,
            PermitType = PermitType.EmployerSpecificLmiaExempt,
            Program = WorkPermitProgram.Cusma,
        },
        StatusInCanada = new StatusInCanadaFacts { Location = Location.OutsideCanada, Status = TemporaryStatus.NotInCanada },
        Travel = new TravelFacts
        {
            Mode = TravelMode.Air,
            ArrivalDate = new DateOnly(2024, 9, 2),
            TripType = TripType.ArrivingFromAbroad,
            TripPurposeImmigrationServicesOnReturn = false,
            FlagpoleExemption = FlagpoleExemption.None,
            HeldCanadianVisaPast10Years = false,
            ValidUsNonImmigrantVisa = true,
        },
        Person = new PersonFacts { Citizenships = ["MX"], PassportCountry = "MX", UsLawfulPermanentResident = false },
        Job = new JobFacts { EmployerCompletedRequiredSteps = true, OfferOfEmploymentNumberAvailable = true, EmployerComplianceFeePaid = true },
    };

    // The start of an interview at the border: the channel, the arrival and the travel mode, nothing about the person.
    private static WorkPermitProfile Sparse => new()
    {
        EvaluationDate = new DateOnly(2025, 6, 2),
        Application = new ApplicationFacts { Channel = ApplicationChannel.PortOfEntry },
        Travel = new TravelFacts { Mode = TravelMode.Air, ArrivalDate = new DateOnly(2025, 6, 2), TripType = TripType.ArrivingFromAbroad },
    };

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(5).WithIterationCount(15).WithId("Warm"));
            AddColumn(StatisticColumn.Median);
        }
    }
}
