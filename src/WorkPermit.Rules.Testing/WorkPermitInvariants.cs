using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace WorkPermit.Rules.Testing;

/// <summary>
/// The invariants every configuration of the rule set must keep, as checks a host runs against its own evaluator (its
/// own reference-data overrides, its own clock). Each check takes one profile (or one boundary case), never throws for a
/// valid one, and returns an <see cref="InvariantResult"/>: passed, or the problems and the profile as JSON.
/// </summary>
/// <remarks>
/// <para>The checks are thread-safe when the evaluator is (the library's is). Their cost, in evaluations of the profile:
/// <see cref="NeverThrows"/>, <see cref="ExclusionsDominate"/> and <see cref="OutcomesBackedByFindings"/> one or two;
/// <see cref="JsonRoundTrip"/> two plus the JSON; <see cref="Deterministic"/> one per thread and repetition;
/// <see cref="BoundaryRespected"/> two; <see cref="MonotonicKnowledge"/> and <see cref="QuestionsCompleteAndHonest"/> one
/// per unknown fact and value tried (a few hundred), so run them on fewer profiles.</para>
/// <para>Evaluate with a fixed clock (a <see cref="TimeProvider"/> stopped at one instant) when profiles may leave the
/// evaluation date out; the generators set it in most profiles and the shrinker never removes it.</para>
/// </remarks>
public sealed class WorkPermitInvariants
{
    /// <summary>Initializes a new instance of the <see cref="WorkPermitInvariants"/> class.</summary>
    /// <param name="evaluator">The evaluator under test, configured as the host uses it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="evaluator"/> is null.</exception>
    public WorkPermitInvariants(IWorkPermitEvaluator evaluator)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        Evaluator = evaluator;
    }

    /// <summary>Gets the evaluator under test.</summary>
    /// <value>The evaluator.</value>
    public IWorkPermitEvaluator Evaluator { get; }

    /// <summary>
    /// Evaluating a valid profile never throws, through either entry point (the C# profile and its JSON), the JSON is
    /// accepted, and every three-valued outcome (the report's and every finding's outcome and scope) is yes, no or unknown.
    /// </summary>
    /// <param name="profile">A profile; it must be valid (<see cref="ProfileJson.Validate"/>), or the check reports that first.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    public InvariantResult NeverThrows(WorkPermitProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        const string name = nameof(NeverThrows);
        var problems = new List<string>();
        var invalid = ProfileJson.Validate(profile);
        if (invalid.Count > 0)
        {
            return InvariantResult.From(name, invalid.Select(e => $"the profile itself is not valid: {e}"), profile);
        }

        WorkPermitReport? report = null;
        try
        {
            report = Evaluator.Evaluate(profile);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            problems.Add($"Evaluate(profile) threw {Describe(ex)}");
        }

        try
        {
            var result = Evaluator.Evaluate(ProfileJson.Write(profile));
            if (!result.IsValid)
            {
                problems.Add($"Evaluate(json) rejected the profile's own JSON: {string.Join("; ", result.Errors)}");
            }
            else
            {
                report ??= result.Report;
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            problems.Add($"Evaluate(json) threw {Describe(ex)}");
        }

        if (report is not null)
        {
            problems.AddRange(ThreeValued(report));
        }

        return InvariantResult.From(name, problems, profile);
    }

    /// <summary>The same profile gives the same report (compared as JSON) every time, evaluated again and again on
    /// <paramref name="threads"/> threads at once.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="threads">How many threads evaluate at the same time.</param>
    /// <param name="repetitions">How many times each thread evaluates it.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threads"/> or <paramref name="repetitions"/> is less than 1.</exception>
    public InvariantResult Deterministic(WorkPermitProfile profile, int threads = 4, int repetitions = 2)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return DeterministicAcrossThreads([profile], threads, repetitions);
    }

    /// <summary>Each profile gives the same report (compared as JSON) when many profiles are evaluated at once, in a
    /// shuffled order, on <paramref name="threads"/> threads, as when each is evaluated alone.</summary>
    /// <param name="profiles">The profiles.</param>
    /// <param name="threads">How many threads evaluate at the same time.</param>
    /// <param name="repetitions">How many times each profile is evaluated concurrently.</param>
    /// <returns>The result; its counterexample is the first profile whose report changed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profiles"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threads"/> or <paramref name="repetitions"/> is less than 1.</exception>
    public InvariantResult DeterministicAcrossThreads(IReadOnlyList<WorkPermitProfile> profiles, int threads = 4, int repetitions = 2)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(repetitions, 1);
        const string name = nameof(Deterministic);
        if (profiles.Count == 0)
        {
            return InvariantResult.Pass(name);
        }

        var baseline = new string?[profiles.Count];
        var problems = new ConcurrentDictionary<int, ConcurrentBag<string>>();
        void Problem(int index, string text) => problems.GetOrAdd(index, _ => []).Add(text);
        for (var i = 0; i < profiles.Count; i++)
        {
            try
            {
                baseline[i] = ReportJson.Write(Evaluator.Evaluate(profiles[i]));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Problem(i, $"Evaluate threw {Describe(ex)}");
            }
        }

        var order = Enumerable.Range(0, profiles.Count * repetitions).Select(k => k % profiles.Count).ToArray();
        new Random((profiles.Count * 7919) + repetitions).Shuffle(order);

        // Dedicated threads released together by a barrier, so that the evaluations really overlap.
        var workers = Math.Min(threads, order.Length);
        using var start = new Barrier(workers);
        var pool = Enumerable.Range(0, workers).Select(worker => new Thread(() =>
        {
            start.SignalAndWait();
            for (var k = worker; k < order.Length; k += workers)
            {
                var i = order[k];
                if (baseline[i] is null)
                {
                    continue;
                }

                try
                {
                    var again = ReportJson.Write(Evaluator.Evaluate(profiles[i]));
                    if (again != baseline[i])
                    {
                        Problem(i, $"evaluated concurrently, the report differs from the first one at {FirstDifference(baseline[i]!, again)}");
                    }
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    Problem(i, $"evaluated concurrently, Evaluate threw {Describe(ex)}");
                }
            }
        }) { IsBackground = true, Name = $"{name} worker {worker}" }).ToArray();
        foreach (var thread in pool)
        {
            thread.Start();
        }

        foreach (var thread in pool)
        {
            thread.Join();
        }

        if (problems.IsEmpty)
        {
            return InvariantResult.Pass(name);
        }

        var first = problems.Keys.Min();
        var lines = problems[first].Distinct().Order(StringComparer.Ordinal).ToList();
        if (problems.Count > 1)
        {
            lines.Add($"({problems.Count - 1} more of the {profiles.Count} profiles evaluated together also differed)");
        }

        return InvariantResult.From(name, lines, profiles[first]);
    }

    /// <summary>
    /// The profile survives a JSON round trip unchanged (read back equal, written back identical), so does its report
    /// (written, read and written again identical, with the same outcomes), and evaluating the profile's JSON gives the
    /// same report as evaluating the profile.
    /// </summary>
    /// <param name="profile">The profile.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    public InvariantResult JsonRoundTrip(WorkPermitProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        const string name = nameof(JsonRoundTrip);
        var problems = new List<string>();
        try
        {
            var json = ProfileJson.Write(profile);
            var read = ProfileJson.Read(json);
            if (read.Profile is not { } back)
            {
                problems.Add($"the profile's JSON does not read back: {string.Join("; ", read.Errors)}");
            }
            else
            {
                if (!back.Equals(profile))
                {
                    problems.Add($"the profile read back from its JSON is not equal to it; facts that differ: {string.Join(", ", DifferentFacts(profile, back))}");
                }

                var again = ProfileJson.Write(back);
                if (again != json)
                {
                    problems.Add($"the profile's JSON written again differs at {FirstDifference(json, again)}");
                }
            }

            var report = Evaluator.Evaluate(profile);
            var reportJson = ReportJson.Write(report);
            var reportBack = ReportJson.Read(reportJson);
            var reportAgain = ReportJson.Write(reportBack);
            if (reportAgain != reportJson)
            {
                problems.Add($"the report's JSON read and written again differs at {FirstDifference(reportJson, reportAgain)}");
            }

            var outcomes = ReportOutcomes.Of(report);
            var outcomesBack = ReportOutcomes.Of(reportBack);
            foreach (var (path, value) in outcomes)
            {
                if (outcomesBack.GetValueOrDefault(path) != value)
                {
                    problems.Add($"the report read back has {path} = {outcomesBack.GetValueOrDefault(path) ?? "(absent)"}, not {value}");
                }
            }

            var viaJson = Evaluator.Evaluate(json);
            if (!viaJson.IsValid)
            {
                problems.Add($"evaluating the profile's JSON fails: {string.Join("; ", viaJson.Errors)}");
            }
            else
            {
                var viaJsonText = ReportJson.Write(viaJson.Report!);
                if (viaJsonText != reportJson)
                {
                    problems.Add($"evaluating the profile's JSON gives another report than evaluating the profile, at {FirstDifference(reportJson, viaJsonText)}");
                }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            problems.Add($"the round trip threw {Describe(ex)}");
        }

        return InvariantResult.From(name, problems, profile);
    }

    /// <summary>
    /// Monotonic knowledge: answering one unknown fact, with any value tried that is consistent with the profile, never
    /// changes an outcome that is already yes or no (the report's outcomes, POE-01 to POE-03, a settled eTA status, the
    /// settled values of <see cref="ReportOutcomes.ValuePaths"/>, and the outcome of every finding listed in both reports).
    /// </summary>
    /// <remarks>
    /// Answers that contradict the profile are skipped, because the explicit answer then wins by design (LIB-25): a passport
    /// that is not one of the citizenships, and the facts another fact settles when left out (no TRP for a known status other
    /// than trp_holder, 12 months' validity for a known exam date, the months of a residence history, biometrics at a port
    /// RD-04 settles). The evaluation and event dates, which fall back to another date when left out, are answered only
    /// with the date they already take, which must change nothing at all.
    /// </remarks>
    /// <param name="profile">The profile.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    public InvariantResult MonotonicKnowledge(WorkPermitProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        const string name = nameof(MonotonicKnowledge);
        var problems = new List<string>();
        try
        {
            var report = Evaluator.Evaluate(profile);
            var before = ReportOutcomes.Of(report);
            var values = ReportOutcomes.Values(report);
            var findings = SettledFindings(report);
            foreach (var probe in Probe(profile, report, includeDefaults: true))
            {
                var answer = $"{probe.Fact.Path} = {Show(probe.Value)}";
                var after = ReportOutcomes.Of(probe.Report);
                foreach (var (path, was) in before)
                {
                    var now = after.GetValueOrDefault(path, "(absent)");
                    var settled = was is not "unknown";
                    if ((settled || probe.IsDefault) && now != was)
                    {
                        problems.Add($"{answer} changed {path} from {was} to {now}");
                    }
                }

                var valuesAfter = ReportOutcomes.Values(probe.Report);
                foreach (var (path, was) in values)
                {
                    var now = valuesAfter.GetValueOrDefault(path, "(absent)");
                    if (now != was)
                    {
                        problems.Add($"{answer} changed {path} from {was} to {now}");
                    }
                }

                foreach (var finding in probe.Report.Findings)
                {
                    if (findings.TryGetValue(finding.RuleId, out var was) && finding.Outcome != was)
                    {
                        problems.Add($"{answer} changed finding {finding.RuleId} from {ReportOutcomes.Name(was)} to {ReportOutcomes.Name(finding.Outcome)}");
                    }
                }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            problems.Add($"evaluation threw {Describe(ex)}");
        }

        return InvariantResult.From(name, problems.Distinct().Take(40), profile);
    }

    /// <summary>
    /// Questions are complete and honest (LIB-23, LIB-26): a fact not asked settles no unknown outcome whatever value it
    /// takes; a fact asked settles at least one unknown outcome for some value tried, and every outcome it settles is in
    /// its <c>affects</c>; no question asks a fact the profile gives, a fact another fact settles (LIB-25), or an officer's
    /// judgment (which are exempt from the completeness check as well).
    /// </summary>
    /// <remarks>The values tried are finite (see the package README): a fact asked whose settling value lies outside them
    /// would be reported as dishonest; the dates tried include both sides of every threshold the rules compare a fact with.</remarks>
    /// <param name="profile">The profile.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    public InvariantResult QuestionsCompleteAndHonest(WorkPermitProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        const string name = nameof(QuestionsCompleteAndHonest);
        var problems = new List<string>();
        try
        {
            var report = Evaluator.Evaluate(profile);
            var before = ReportOutcomes.Of(report);
            var asked = report.Questions.ToDictionary(q => q.Fact, StringComparer.Ordinal);
            foreach (var question in report.Questions)
            {
                if (ProfileFacts.IsKnown(profile, question.Fact))
                {
                    problems.Add($"known: {question.Fact} is asked, but the profile gives it");
                }
                else if (ProfileFacts.OfficerJudgments.Contains(question.Fact))
                {
                    problems.Add($"officer: {question.Fact} is an officer's judgment, and is asked");
                }
                else if (FactCandidates.IsImplied(profile, question.Fact, report, Evaluator.ReferenceData))
                {
                    problems.Add($"settled: {question.Fact} is asked, but another fact of the profile already settles it (LIB-25)");
                }
            }

            var settles = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            var itemsBefore = ItemFindings(report);
            foreach (var probe in Probe(profile, report, includeDefaults: false))
            {
                // A question may also be asked for a document or an action (contract, "Questions"): an answer that
                // settles the finding behind one is honest, though not every such fact must be asked.
                var itemsAfter = ItemFindings(probe.Report);
                foreach (var (rule, was) in itemsBefore)
                {
                    if (was == Tri.Unknown && itemsAfter.TryGetValue(rule, out var now) && now != Tri.Unknown)
                    {
                        (settles.TryGetValue(probe.Fact.Path, out var set) ? set : settles[probe.Fact.Path] = new HashSet<string>(StringComparer.Ordinal)).Add("findings/" + rule);
                    }
                }

                var after = ReportOutcomes.Of(probe.Report);
                foreach (var (path, was) in before)
                {
                    var now = after.GetValueOrDefault(path, "(absent)");
                    // An outcome is settled when it becomes yes or no, or when its section is left out because the
                    // answer shows that the section does not concern the applicant (LIB-01).
                    if (was != "unknown" || now == "unknown")
                    {
                        continue;
                    }

                    var fact = probe.Fact.Path;
                    (settles.TryGetValue(fact, out var set) ? set : settles[fact] = new HashSet<string>(StringComparer.Ordinal)).Add(path);
                    if (!asked.TryGetValue(fact, out var question))
                    {
                        if (!probe.Fact.IsOfficerJudgment)
                        {
                            problems.Add($"complete: {fact} is not asked, but {fact} = {Show(probe.Value)} settles {path} ({now})");
                        }
                    }
                    else if (!question.Affects.Contains(path, StringComparer.Ordinal))
                    {
                        problems.Add($"affects: {fact} = {Show(probe.Value)} settles {path} ({now}), which the question's affects [{string.Join(", ", question.Affects)}] leaves out");
                    }
                }
            }

            foreach (var question in report.Questions)
            {
                if (!settles.ContainsKey(question.Fact) && !ProfileFacts.IsKnown(profile, question.Fact)
                    && !ProfileFacts.Defaulted.Contains(question.Fact) && !FactCandidates.IsImplied(profile, question.Fact, report, Evaluator.ReferenceData))
                {
                    problems.Add($"honest: {question.Fact} is asked (affects {string.Join(", ", question.Affects)}), but no value tried settles an unknown outcome");
                }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            problems.Add($"evaluation threw {Describe(ex)}");
        }

        return InvariantResult.From(name, problems.Distinct().Take(40), profile);
    }

    /// <summary>
    /// Exclusions dominate (POE-04): when any port-of-entry exclusion (POE-EXC-01 to POE-EXC-06) is yes, the port-of-entry
    /// outcome is not yes, the exclusion is listed in <c>portOfEntry.exclusions</c>, the route is not the same-day
    /// application and biometrics cannot be given at the border (BIO-02 needs eligibility).
    /// </summary>
    /// <param name="profile">The profile; <see cref="WorkPermitGenerators.PortOfEntryWithExclusion"/> makes ones to which it applies.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    public InvariantResult ExclusionsDominate(WorkPermitProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        const string name = nameof(ExclusionsDominate);
        var problems = new List<string>();
        try
        {
            var report = Evaluator.Evaluate(profile);
            var exclusions = report.Findings
                .Where(f => f.RuleId.StartsWith("POE-EXC-", StringComparison.Ordinal) && f.RuleId != "POE-EXC-06X" && f.Outcome == Tri.Yes)
                .Select(f => f.RuleId)
                .Union(report.PortOfEntry?.Exclusions ?? [], StringComparer.Ordinal)
                .ToArray();
            if (exclusions.Length > 0)
            {
                var which = string.Join(", ", exclusions);
                if (report.PortOfEntry?.Outcome == Tri.Yes)
                {
                    problems.Add($"portOfEntry.outcome is yes although {which} applies");
                }

                foreach (var id in exclusions.Where(id => report.PortOfEntry is not null && !report.PortOfEntry.Exclusions.Contains(id, StringComparer.Ordinal)))
                {
                    problems.Add($"finding {id} is yes but portOfEntry.exclusions does not list it");
                }

                if (report.Route == PermitRoute.SameDayPoeApplication)
                {
                    problems.Add($"route is same_day_poe_application although {which} applies");
                }

                if (report.BiometricsAtPortOfEntry.Outcome == Tri.Yes)
                {
                    problems.Add($"biometricsAtPortOfEntry.outcome is yes although {which} applies (BIO-02 needs eligibility at the port of entry)");
                }

                if (report.Findings.FirstOrDefault(f => f.RuleId == "POE-04") is { Outcome: Tri.Yes })
                {
                    problems.Add($"finding POE-04 is yes although {which} applies");
                }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            problems.Add($"evaluation threw {Describe(ex)}");
        }

        return InvariantResult.From(name, problems, profile);
    }

    /// <summary>
    /// Every outcome that is yes or no, and every settled value (route, eTA status, issuance, open-permit category...), is
    /// backed by at least one finding with a citation (a source and a quote) of a rule behind it
    /// (<see cref="ReportOutcomes.Rules"/>: <c>general.outcome</c> GEN-01, <c>portOfEntry.outcome</c> POE-04,
    /// <c>insideCanada.outcome</c> INS-10, <c>outsideCanada.outcome</c> OUT-01, <c>biometricsAtPortOfEntry.outcome</c> BIO-01,
    /// <c>medicalExam.required</c> IME-01/02/03/06, <c>employer.complianceFeeRequired</c> LMIA-05...), and that finding
    /// agrees with it: the same outcome, or for an OR of rules a finding with that outcome. Every document and action
    /// names a rule listed among the findings, and every advisory carries a citation.
    /// </summary>
    /// <param name="profile">The profile.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    public InvariantResult OutcomesBackedByFindings(WorkPermitProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        const string name = nameof(OutcomesBackedByFindings);
        var problems = new List<string>();
        try
        {
            var report = Evaluator.Evaluate(profile);
            var findings = report.Findings.Where(Cited).GroupBy(f => f.RuleId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            foreach (var finding in report.Findings.Where(f => !Cited(f)))
            {
                problems.Add($"finding {finding.RuleId} has no citation (source and quote)");
            }

            foreach (var (path, value) in ReportOutcomes.Of(report))
            {
                if (value is "unknown")
                {
                    continue;
                }

                var map = ReportOutcomes.RulesBehind(path)!;
                var present = map.Rules.Where(findings.ContainsKey).Select(r => findings[r]).ToArray();
                var backed = map.Backing switch
                {
                    OutcomeBacking.Present => present.Length > 0,
                    _ => present.Any(f => ReportOutcomes.Name(f.Outcome) == value),
                };
                if (!backed)
                {
                    var seen = present.Length == 0 ? "none of them is among the findings" : "findings: " + string.Join(", ", present.Select(f => $"{f.RuleId} = {ReportOutcomes.Name(f.Outcome)}"));
                    problems.Add($"{path} is {value}, but no cited finding of {string.Join("/", map.Rules)} backs it ({seen})");
                }
            }

            foreach (var (path, value) in ReportOutcomes.Values(report))
            {
                var rules = path == "openPermit.category" ? [value] : ReportOutcomes.RulesBehind(path)!.Rules;
                if (!rules.Any(findings.ContainsKey))
                {
                    problems.Add($"{path} is {value}, but none of {string.Join("/", rules)} is among the cited findings");
                }
            }

            foreach (var item in report.Documents.Select(d => ("document", d)).Concat(report.Actions.Select(a => ("action", a))))
            {
                if (!findings.ContainsKey(item.Item2.RuleId))
                {
                    problems.Add($"{item.Item1} {item.Item2.Id} comes from {item.Item2.RuleId}, which is not among the cited findings");
                }
            }

            foreach (var advisory in report.Advisories.Where(a => a.Citation is null || string.IsNullOrWhiteSpace(a.Citation.Quote) || string.IsNullOrWhiteSpace(a.Citation.Source)))
            {
                problems.Add($"advisory {advisory.RuleId} has no citation");
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            problems.Add($"evaluation threw {Describe(ex)}");
        }

        return InvariantResult.From(name, problems, profile);
    }

    /// <summary>
    /// Boundaries: the profiles one day before and one day after a dated rule's boundary (see <see cref="DatedBoundary"/>)
    /// differ in that rule's finding, and in nothing the rule does not feed.
    /// </summary>
    /// <remarks>
    /// <para>"Fed by the moved date" is checked precisely through the findings' <c>read</c> lists, which name the facts a
    /// rule read, directly or through the findings it builds on. The two reports are compared item by item
    /// (<see cref="ReportOutcomes.Signature"/>: every outcome, value, list member, document, action, advisory, question and
    /// finding, each with the rules it comes from; the as-of dates, which restate the moved date, are left out). Every item
    /// that differs must come from at least one rule whose finding, in either report, reads the moved fact; a finding that
    /// differs must itself read it. So a change is allowed exactly where a rule declares that it depends on the date, and a
    /// change anywhere else (an outcome of a rule that never read the date, a question about an outcome no dated rule
    /// feeds) is reported with the rules it came from.</para>
    /// <para>The rule's own finding must change outcome: the boundary pins the rule's other conditions so that the date
    /// decides it.</para>
    /// </remarks>
    /// <param name="boundaryCase">The boundary case, for example from <see cref="WorkPermitGenerators.BoundaryCases"/>.</param>
    /// <returns>The result; its counterexample is the pair of profiles.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="boundaryCase"/> is null.</exception>
    public InvariantResult BoundaryRespected(BoundaryCase boundaryCase)
    {
        ArgumentNullException.ThrowIfNull(boundaryCase);
        const string name = nameof(BoundaryRespected);
        var boundary = boundaryCase.Boundary;
        var problems = new List<string>();
        try
        {
            var before = Evaluator.Evaluate(boundaryCase.Before);
            var after = Evaluator.Evaluate(boundaryCase.After);
            var ruleBefore = before.Findings.FirstOrDefault(f => f.RuleId == boundary.RuleId);
            var ruleAfter = after.Findings.FirstOrDefault(f => f.RuleId == boundary.RuleId);
            if (ruleBefore is null && ruleAfter is null)
            {
                problems.Add($"{boundary.RuleId} is among the findings on neither side of {boundary.Id}");
            }
            else if (ruleBefore?.Outcome == ruleAfter?.Outcome)
            {
                problems.Add($"{boundary.RuleId} is {ReportOutcomes.Name(ruleBefore!.Outcome)} on both sides of {boundary.Id} "
                    + $"({Show(ProfileFacts.Get(boundaryCase.Before, boundary.MovedFact))} and {Show(ProfileFacts.Get(boundaryCase.After, boundary.MovedFact))})");
            }

            var moved = boundary.MovedFact;
            var reads = before.Findings.Concat(after.Findings)
                .Where(f => f.Read.Contains(moved, StringComparer.Ordinal))
                .Select(f => f.RuleId)
                .ToHashSet(StringComparer.Ordinal);
            var signatureBefore = ReportOutcomes.Signature(before);
            var signatureAfter = ReportOutcomes.Signature(after);
            foreach (var key in signatureBefore.Keys.Union(signatureAfter.Keys).Order(StringComparer.Ordinal))
            {
                var was = signatureBefore.GetValueOrDefault(key);
                var now = signatureAfter.GetValueOrDefault(key);
                if (Equals(was, now))
                {
                    continue;
                }

                var rules = (was?.Rules ?? []).Union(now?.Rules ?? [], StringComparer.Ordinal).ToArray();
                var fed = key.StartsWith("findings/", StringComparison.Ordinal) ? reads.Contains(rules[0]) : rules.Any(reads.Contains);
                if (!fed)
                {
                    var source = rules.Length == 0 ? "no rule" : string.Join("/", rules);
                    problems.Add($"{key} changed ({was?.Value ?? "(absent)"} -> {now?.Value ?? "(absent)"}) across {boundary.Id}, but it comes from {source}, whose findings do not read {moved}");
                }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            problems.Add($"evaluation threw {Describe(ex)}");
        }

        return InvariantResult.From(name, problems.Take(40), boundaryCase.Before, boundaryCase.After);
    }

    /// <summary>Runs every invariant that takes a single profile (not the boundaries).</summary>
    /// <param name="profile">The profile.</param>
    /// <returns>One result per invariant.</returns>
    public IReadOnlyList<InvariantResult> CheckAll(WorkPermitProfile profile) =>
    [
        NeverThrows(profile), Deterministic(profile), JsonRoundTrip(profile), MonotonicKnowledge(profile),
        QuestionsCompleteAndHonest(profile), ExclusionsDominate(profile), OutcomesBackedByFindings(profile),
    ];

    private static bool Cited(FindingResult finding) =>
        finding.Citation is { } c && !string.IsNullOrWhiteSpace(c.Source) && !string.IsNullOrWhiteSpace(c.Quote);

    private static Dictionary<string, Tri> SettledFindings(WorkPermitReport report) =>
        report.Findings.Where(f => f.Outcome != Tri.Unknown).GroupBy(f => f.RuleId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Outcome, StringComparer.Ordinal);

    /// <summary>Evaluates the profile with each unknown fact answered by each value tried that does not contradict it.</summary>
    private IEnumerable<ProbeAnswer> Probe(WorkPermitProfile profile, WorkPermitReport report, bool includeDefaults)
    {
        foreach (var fact in ProfileFacts.All)
        {
            if (ProfileFacts.IsKnown(profile, fact.Path))
            {
                continue;
            }

            if (ProfileFacts.Defaulted.Contains(fact.Path))
            {
                if (includeDefaults && FactCandidates.Default(fact.Path, report) is { } value)
                {
                    yield return new ProbeAnswer(fact, value, Evaluator.Evaluate(ProfileFacts.With(profile, fact.Path, value)), IsDefault: true);
                }

                continue;
            }

            if (FactCandidates.IsImplied(profile, fact.Path, report, Evaluator.ReferenceData))
            {
                continue;
            }

            foreach (var value in FactCandidates.For(fact, profile, report))
            {
                if (!FactCandidates.Contradicts(profile, fact.Path, value))
                {
                    yield return new ProbeAnswer(fact, value, Evaluator.Evaluate(ProfileFacts.With(profile, fact.Path, value)), IsDefault: false);
                }
            }
        }
    }

    private static IEnumerable<string> ThreeValued(WorkPermitReport report)
    {
        static bool Defined(Tri? value) => value is null || Enum.IsDefined(value.Value);
        var json = JsonNode.Parse(ReportJson.Write(report));
        foreach (var path in ReportOutcomes.TriPaths)
        {
            JsonNode? node = json;
            foreach (var part in path.Split('.'))
            {
                node = node?[part];
            }

            if (node is not null && !(node is JsonValue value && value.TryGetValue<string>(out var text) && text is "yes" or "no" or "unknown"))
            {
                yield return $"{path} is {node.ToJsonString()}, not yes, no or unknown";
            }
        }

        foreach (var (path, value) in ReportOutcomes.Of(report))
        {
            if (path != "portOfEntry.etaEligibility" && value is not ("yes" or "no" or "unknown"))
            {
                yield return $"{path} is {value}, not yes, no or unknown";
            }
        }

        if (report.PortOfEntry is { } port && !Enum.IsDefined(port.EtaEligibility))
        {
            yield return $"portOfEntry.etaEligibility is {(int)port.EtaEligibility}, not a defined value";
        }

        foreach (var finding in report.Findings)
        {
            if (!Defined(finding.Outcome) || !Defined(finding.Applies))
            {
                yield return $"finding {finding.RuleId} has outcome {(int)finding.Outcome} and scope {(int)finding.Applies}, not yes, no or unknown";
            }
        }
    }

    private static IEnumerable<string> DifferentFacts(WorkPermitProfile a, WorkPermitProfile b)
    {
        foreach (var fact in ProfileFacts.All)
        {
            var x = ProfileFacts.Get(a, fact.Path);
            var y = ProfileFacts.Get(b, fact.Path);
            if (Show(x) != Show(y))
            {
                yield return $"{fact.Path} ({Show(x)} / {Show(y)})";
            }
        }

        foreach (var group in ProfileFacts.Groups)
        {
            if (ProfileFacts.HasGroup(a, group) != ProfileFacts.HasGroup(b, group))
            {
                yield return $"group {group} ({(ProfileFacts.HasGroup(a, group) ? "given" : "absent")} / {(ProfileFacts.HasGroup(b, group) ? "given" : "absent")})";
            }
        }
    }

    internal static string Show(object? value) => value switch
    {
        null => "null",
        DateOnly date => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
        string text => $"\"{text}\"",
        bool flag => flag ? "true" : "false",
        IEnumerable<string> codes => "[" + string.Join(", ", codes.Select(c => $"\"{c}\"")) + "]",
        IEnumerable<ResidencePeriod> periods => "[" + string.Join(", ", periods.Select(p => $"{p.Country} {Show(p.From)}..{Show(p.To)}")) + "]",
        Enum e => Enum.IsDefined(e.GetType(), e) ? ProfileJson.ValueName(e) : e.ToString(),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string Describe(Exception ex) => $"{ex.GetType().Name}: {ex.Message}{Environment.NewLine}{ex.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}";

    private static string FirstDifference(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        string Around(string s) => s.Substring(Math.Max(0, i - 60), Math.Min(s.Length, i + 60) - Math.Max(0, i - 60));
        return $"character {i}: ...{Around(a)}... vs ...{Around(b)}...";
    }

    private sealed record ProbeAnswer(FactDescriptor Fact, object Value, WorkPermitReport Report, bool IsDefault);

    /// <summary>The outcomes of the findings behind documents and actions (and AFT-14, leaving on maintained status).</summary>
    private static Dictionary<string, Tri> ItemFindings(WorkPermitReport report) => report.Findings
        .Where(f => f.Kind == RuleKind.Document || f.RuleId is "AFT-10" or "AFT-12" or "AFT-14")
        .GroupBy(f => f.RuleId, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First().Outcome, StringComparer.Ordinal);
}
