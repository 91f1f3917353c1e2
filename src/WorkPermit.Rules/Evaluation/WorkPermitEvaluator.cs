using System.Text.Json;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules;

/// <summary>
/// Evaluates work-permit profiles against the rule catalogue. An evaluator is immutable and thread-safe: one instance
/// (for example the singleton registered by <see cref="WorkPermitRulesServiceCollectionExtensions.AddWorkPermitRules"/>)
/// serves every caller, and each evaluation runs in its own rule session over the shared compiled rule set.
/// </summary>
public interface IWorkPermitEvaluator
{
    /// <summary>Gets the rule set and reference data this evaluator uses.</summary>
    /// <value>The rule set.</value>
    RuleSetInfo RuleSet { get; }

    /// <summary>Gets the reference lists in force.</summary>
    /// <value>The reference data.</value>
    ReferenceDataSet ReferenceData { get; }

    /// <summary>Evaluates a profile.</summary>
    /// <param name="profile">The profile; missing facts are unknown.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    /// <exception cref="ProfileValidationException">The profile is not valid (see <see cref="ProfileJson.Validate"/>).</exception>
    WorkPermitReport Evaluate(WorkPermitProfile profile);

    /// <summary>Evaluates a profile with facts of the host's own types beside it, for the host's house rules to match
    /// (see <see cref="WorkPermitRulesOptions.HouseRules"/>). The catalogue's rules never read them.</summary>
    /// <param name="profile">The profile; missing facts are unknown.</param>
    /// <param name="facts">The host's facts, inserted into the evaluation's rule session as they are.</param>
    /// <returns>The report, with the house rules' findings in <see cref="WorkPermitReport.House"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> or <paramref name="facts"/> is null.</exception>
    /// <exception cref="ProfileValidationException">The profile is not valid.</exception>
    /// <exception cref="HouseRuleException">A house rule failed.</exception>
    /// <exception cref="NotSupportedException">This evaluator does not take facts (an implementation written before
    /// house rules), and <paramref name="facts"/> is not empty.</exception>
    WorkPermitReport Evaluate(WorkPermitProfile profile, IEnumerable<object> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.Any()
            ? throw new NotSupportedException($"{GetType().Name} does not take facts for house rules.")
            : Evaluate(profile);
    }

    /// <summary>Evaluates a profile given as JSON in the contract's form.</summary>
    /// <param name="json">The profile JSON.</param>
    /// <returns>The report, or every problem found in the JSON.</returns>
    EvaluationResult Evaluate(string json);

    /// <summary>Evaluates a profile given as UTF-8 JSON.</summary>
    /// <param name="utf8Json">The profile JSON.</param>
    /// <returns>The report, or every problem found in the JSON.</returns>
    EvaluationResult Evaluate(ReadOnlySpan<byte> utf8Json);
}

/// <summary>The report for a JSON profile, or the problems that kept it from being evaluated.</summary>
public sealed record EvaluationResult
{
    private EvaluationResult(WorkPermitReport? report, IReadOnlyList<ProfileError> errors)
    {
        Report = report;
        Errors = errors;
    }

    /// <summary>Gets the report, when the profile was valid.</summary>
    /// <value>The report, or <see langword="null"/>.</value>
    public WorkPermitReport? Report { get; }

    /// <summary>Gets the problems found.</summary>
    /// <value>The problems; empty when the profile was evaluated.</value>
    public IReadOnlyList<ProfileError> Errors { get; }

    /// <summary>Gets whether the profile was valid and evaluated.</summary>
    /// <value><see langword="true"/> when <see cref="Report"/> is set.</value>
    public bool IsValid => Report is not null;

    /// <summary>Creates the result of a profile that was evaluated (for an <see cref="IWorkPermitEvaluator"/> that wraps another).</summary>
    /// <param name="report">The report.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is <see langword="null"/>.</exception>
    public static EvaluationResult Success(WorkPermitReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(report, []);
    }

    /// <summary>Creates the result of a profile that was not evaluated because of its problems.</summary>
    /// <param name="errors">The problems; at least one.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="errors"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty.</exception>
    public static EvaluationResult Failure(IReadOnlyList<ProfileError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("A failed result needs at least one problem.", nameof(errors));
        }

        return new(null, errors.ToArray());
    }
}

/// <summary>Thrown when a profile built in C# is not valid; <see cref="Errors"/> lists every problem by path.</summary>
public sealed class ProfileValidationException : ArgumentException
{
    /// <summary>Initializes a new instance of the <see cref="ProfileValidationException"/> class.</summary>
    /// <param name="errors">The problems.</param>
    public ProfileValidationException(IReadOnlyList<ProfileError> errors)
        : base("The profile is not valid:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => $"  - {e}")), "profile")
        => Errors = errors;

    /// <summary>Gets the problems.</summary>
    /// <value>The problems.</value>
    public IReadOnlyList<ProfileError> Errors { get; }
}

/// <summary>The library's options.</summary>
public sealed class WorkPermitRulesOptions
{
    /// <summary>Gets the reference-data overrides: replace or extend any list.</summary>
    /// <value>The overrides.</value>
    public ReferenceDataOptions ReferenceData { get; } = new();

    /// <summary>Gets the firm's own rules, run beside the catalogue's (see <see cref="HouseRuleRegistry"/>).</summary>
    /// <value>The house rules; none by default.</value>
    public HouseRuleRegistry HouseRules { get; } = new();

    /// <summary>Gets how reports look for suggestions: on by default, with a budget of evaluations per report.</summary>
    /// <value>The suggestion options.</value>
    public SuggestionOptions Suggestions { get; } = new();

    /// <summary>Gets or sets how JSON profiles with properties the contract does not define are treated.</summary>
    /// <value><see cref="UnknownPropertyHandling.Reject"/> by default.</value>
    public UnknownPropertyHandling UnknownProperties { get; set; } = UnknownPropertyHandling.Reject;
}

/// <summary>Creates evaluators without a dependency-injection container.</summary>
public static class WorkPermitEvaluator
{
    /// <summary>Creates an evaluator.</summary>
    /// <param name="configure">Sets options, for example reference-data overrides.</param>
    /// <param name="timeProvider">The clock for today's date when a profile gives no evaluation date; the system clock by default.</param>
    /// <returns>The evaluator.</returns>
    /// <exception cref="WorkPermitRulesConfigurationException">The options are not valid (for example a house rule whose
    /// ID is a catalogue ID, or that does not compile).</exception>
    public static IWorkPermitEvaluator Create(Action<WorkPermitRulesOptions>? configure = null, TimeProvider? timeProvider = null)
    {
        var options = new WorkPermitRulesOptions();
        configure?.Invoke(options);
        CheckSuggestionOptions(options.Suggestions);
        WorkPermitRuleSet.StartCompiling();
        var reference = ReferenceDataSet.Build(options.ReferenceData);
        return new Evaluator(options, reference, timeProvider ?? TimeProvider.System, HouseRulesOf(options));
    }

    internal static IWorkPermitEvaluator Create(WorkPermitRulesOptions options, ReferenceDataSet reference, TimeProvider timeProvider, HouseRuleSet? house) =>
        new Evaluator(options, reference, timeProvider, house);

    /// <summary>Checks the suggestion options' bounds.</summary>
    /// <exception cref="WorkPermitRulesConfigurationException">A bound is out of range.</exception>
    internal static void CheckSuggestionOptions(SuggestionOptions options)
    {
        var problems = new List<string>();
        if (options.MaxEvaluations is < 1 or > 1000)
        {
            problems.Add($"Suggestions.MaxEvaluations must be between 1 and 1000, not {options.MaxEvaluations} (set Suggestions.Enabled to false to turn suggestions off).");
        }

        if (options.MaxChanges is < 1 or > 3)
        {
            problems.Add($"Suggestions.MaxChanges must be between 1 and 3, not {options.MaxChanges}.");
        }

        if (problems.Count > 0)
        {
            throw new WorkPermitRulesConfigurationException(problems);
        }
    }

    /// <summary>Checks and compiles the options' house rules, if any.</summary>
    internal static HouseRuleSet? HouseRulesOf(WorkPermitRulesOptions options) =>
        options.HouseRules.Types.Count > 0 ? HouseRuleSet.Build(options.HouseRules) : null;

    private sealed class Evaluator : IWorkPermitEvaluator, ISuggestionOptionalEvaluator
    {
        private readonly UnknownPropertyHandling _unknownProperties;
        private readonly int _maxFirings = WorkPermitRuleSet.MaxFirings(WorkPermitRuleSet.RuleTypes.Count);
        private readonly ReferenceDataSet _reference;
        private readonly TimeProvider _timeProvider;
        private readonly HouseRuleSet? _house;
        private readonly SuggestionOptions? _suggestions;

        public Evaluator(WorkPermitRulesOptions options, ReferenceDataSet reference, TimeProvider timeProvider, HouseRuleSet? house)
        {
            _unknownProperties = options.UnknownProperties;
            _reference = reference;
            _timeProvider = timeProvider;
            _house = house;
            // The options are copied, so that a host changing them later does not change a running evaluator.
            _suggestions = options.Suggestions.Enabled
                ? new SuggestionOptions { MaxEvaluations = options.Suggestions.MaxEvaluations, MaxChanges = options.Suggestions.MaxChanges }
                : null;
            RuleSet = _house is null
                ? new(WorkPermitRuleSet.Version, WorkPermitRuleSet.Fingerprint(reference), WorkPermitRuleSet.RuleTypes.Count)
                : new(WorkPermitRuleSet.Version, WorkPermitRuleSet.Fingerprint(reference, _house.Fingerprint), WorkPermitRuleSet.RuleTypes.Count + _house.Ids.Count);
        }

        public RuleSetInfo RuleSet { get; }

        public ReferenceDataSet ReferenceData => _reference;

        public WorkPermitReport Evaluate(WorkPermitProfile profile)
        {
            ArgumentNullException.ThrowIfNull(profile);
            var errors = ProfileJson.Validate(profile);
            if (errors.Count > 0)
            {
                throw new ProfileValidationException(errors);
            }

            return Run(profile, []);
        }

        public WorkPermitReport Evaluate(WorkPermitProfile profile, IEnumerable<object> facts)
        {
            ArgumentNullException.ThrowIfNull(profile);
            ArgumentNullException.ThrowIfNull(facts);
            var errors = ProfileJson.Validate(profile);
            if (errors.Count > 0)
            {
                throw new ProfileValidationException(errors);
            }

            return Run(profile, facts);
        }

        public WorkPermitReport EvaluateWithoutSuggestions(WorkPermitProfile profile)
        {
            ArgumentNullException.ThrowIfNull(profile);
            var errors = ProfileJson.Validate(profile);
            if (errors.Count > 0)
            {
                throw new ProfileValidationException(errors);
            }

            return Run(profile, [], suggest: false);
        }

        public EvaluationResult Evaluate(string json)
        {
            ArgumentNullException.ThrowIfNull(json);
            return Evaluate(System.Text.Encoding.UTF8.GetBytes(json));
        }

        public EvaluationResult Evaluate(ReadOnlySpan<byte> utf8Json)
        {
            var read = ProfileJson.Read(utf8Json, _unknownProperties);
            return read.Profile is { } profile ? EvaluationResult.Success(Run(profile, [])) : EvaluationResult.Failure(read.Errors);
        }

        private WorkPermitReport Run(WorkPermitProfile profile, IEnumerable<object> facts, bool suggest = true)
        {
            var now = _timeProvider.GetUtcNow();
            var today = DateOnly.FromDateTime(now > DateTimeOffset.MinValue.AddDays(2) && now < DateTimeOffset.MaxValue.AddDays(-2)
                ? TimeZoneInfo.ConvertTime(now, _timeProvider.LocalTimeZone).DateTime
                : now.UtcDateTime);
            var evaluationCase = new EvaluationCase(profile, today, _reference);
            if (_house is null)
            {
                var findings = WorkPermitRuleSet.Run(WorkPermitRuleSet.Factory, evaluationCase, _maxFirings);
                var report = ReportBuilder.Build(evaluationCase, findings, RuleSet, suggest && _suggestions is not null);
                return suggest ? Suggest(report, evaluationCase, findings, today) : report;
            }

            var view = new EvaluatedProfile(profile, new AsOfDates(evaluationCase.EvaluationDate, evaluationCase.ArrivalDate, evaluationCase.SubmissionDate), _reference);
            var (all, house) = _house.Run(evaluationCase, view, facts);
            var withHouse = HouseReport.Add(ReportBuilder.Build(evaluationCase, all, RuleSet, suggest && _suggestions is not null), house);
            return suggest ? Suggest(withHouse, evaluationCase, all, today) : withHouse;
        }

        /// <summary>Adds the suggestions to a report whose summary is not yes. The changed profiles run through the
        /// catalogue's rules only: house rules never change a catalogue outcome, so they cannot change a summary.</summary>
        private WorkPermitReport Suggest(WorkPermitReport report, EvaluationCase evaluationCase, FindingSet findings, DateOnly today)
        {
            if (_suggestions is null || report.Summary.Outcome == Tri.Yes)
            {
                return report;
            }

            var start = new SuggestionNode([], evaluationCase, findings, report.Summary);
            var (suggestions, result) = SuggestionSearch.Find(start, _suggestions, changed =>
            {
                var c = new EvaluationCase(changed, today, _reference);
                var f = WorkPermitRuleSet.Run(WorkPermitRuleSet.Factory, c, _maxFirings);
                return new SuggestionNode([], c, f, ReportBuilder.SummaryOf(c, f));
            });
            return report with { Suggestions = suggestions, SuggestionSearch = result };
        }
    }
}

/// <summary>The library's evaluator can leave suggestions out, for uses that never show them (screening snapshots).</summary>
internal interface ISuggestionOptionalEvaluator
{
    /// <summary>Evaluates a profile without looking for suggestions (<see cref="WorkPermitReport.SuggestionSearch"/> is off).</summary>
    WorkPermitReport EvaluateWithoutSuggestions(WorkPermitProfile profile);
}

/// <summary>
/// Thrown when an evaluation's rules keep firing past a bound (a rule whose action makes it match again): the
/// evaluation is stopped instead of running forever. The catalogue's rules fire once each, so this points at a rule
/// added to the set.
/// </summary>
public sealed class RuleLoopException : InvalidOperationException
{
    /// <summary>Initializes a new instance of the <see cref="RuleLoopException"/> class.</summary>
    /// <param name="rules">The names of the rules still firing when the evaluation was stopped.</param>
    /// <param name="firings">How many firings the evaluation was allowed.</param>
    public RuleLoopException(IReadOnlyList<string> rules, int firings)
        : base($"The rules kept firing after {firings} firings, so the evaluation was stopped. Rules still firing: {string.Join(", ", rules ?? [])}.")
    {
        Rules = rules ?? [];
        Firings = firings;
    }

    /// <summary>Gets the names of the rules still firing when the evaluation was stopped.</summary>
    /// <value>Rule names (catalogue IDs for catalogue rules).</value>
    public IReadOnlyList<string> Rules { get; }

    /// <summary>Gets how many firings the evaluation was allowed.</summary>
    /// <value>The bound.</value>
    public int Firings { get; }
}

/// <summary>Writes reports in the contract's JSON form.</summary>
public static class ReportJson
{
    /// <summary>Writes a report as JSON.</summary>
    /// <param name="report">The report.</param>
    /// <param name="indented">Whether to indent the JSON for reading.</param>
    /// <returns>The JSON.</returns>
    public static string Write(WorkPermitReport report, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (indented)
        {
            return JsonSerializer.Serialize(report, Json.WorkPermitJson.IndentedReport);
        }

        using var buffer = new Json.PooledBufferWriter(InitialSize);
        WriteUtf8(report, buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes a report as UTF-8 JSON. A report with its findings' citations is typically 60-120 KB, so the
    /// array is usually a large-object-heap allocation; a server should prefer the overload that writes into its
    /// response buffer.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The JSON bytes.</returns>
    public static byte[] WriteUtf8(WorkPermitReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new Json.PooledBufferWriter(InitialSize);
        WriteUtf8(report, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes a report as UTF-8 JSON into a buffer the caller owns (for example a response body's pipe
    /// writer), so that no intermediate string or array is allocated.</summary>
    /// <param name="report">The report.</param>
    /// <param name="destination">Where the JSON bytes go.</param>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> or <paramref name="destination"/> is null.</exception>
    public static void WriteUtf8(WorkPermitReport report, System.Buffers.IBufferWriter<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(destination);
        using var writer = new Utf8JsonWriter(destination, Json.WorkPermitJson.CompactWriter);
        Json.ReportWriter.Write(writer, report, Json.WorkPermitJson.Findings);
    }

    /// <summary>What a buffer for a report's JSON starts at: a full report is 60-80 KB.</summary>
    private const int InitialSize = 128 * 1024;

    /// <summary>Reads a report written by <see cref="Write"/>.</summary>
    /// <param name="json">The JSON.</param>
    /// <returns>The report.</returns>
    /// <exception cref="JsonException">The JSON is not a report.</exception>
    public static WorkPermitReport Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, Json.WorkPermitJsonContext.Default.WorkPermitReport)
            ?? throw new JsonException("The JSON is null, not a report.");
    }
}
