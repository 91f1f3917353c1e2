using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Channels;

namespace WorkPermit.Rules;

/// <summary>One line of a caseload (JSON Lines): a client's ID and profile, or the problems that line has.</summary>
/// <param name="Line">The line number, from 1.</param>
/// <param name="Id">The client's ID (the line's <c>id</c>, or its line number for a bare profile).</param>
/// <param name="Profile">The profile, when the line is valid.</param>
/// <param name="Errors">The line's problems by JSON path (under <c>profile.</c> for a line with an id); empty when valid.</param>
public sealed record CaseloadLine(int Line, string Id, WorkPermitProfile? Profile, IReadOnlyList<ProfileError> Errors);

/// <summary>Reads caseloads: JSON Lines files of <c>{"id": "...", "profile": {...}}</c> or bare profiles.</summary>
public static class Caseload
{
    /// <summary>Reads a caseload line by line, as it streams: blank lines are skipped, a line that is not a valid
    /// profile is returned with its problems (never dropped).</summary>
    /// <param name="stream">The UTF-8 JSON Lines stream.</param>
    /// <param name="unknownProperties">How profile properties the contract does not define are treated.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The lines.</returns>
    public static async IAsyncEnumerable<CaseloadLine> ReadAsync(Stream stream, UnknownPropertyHandling unknownProperties = UnknownPropertyHandling.Reject,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } text)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(text))
            {
                yield return Parse(number, text, unknownProperties);
            }
        }
    }

    /// <summary>Reads one line of a caseload.</summary>
    /// <param name="line">The line number.</param>
    /// <param name="text">The line.</param>
    /// <param name="unknownProperties">How profile properties the contract does not define are treated.</param>
    /// <returns>The line, with its profile or its problems.</returns>
    public static CaseloadLine Parse(int line, string text, UnknownPropertyHandling unknownProperties = UnknownPropertyHandling.Reject)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fallbackId = line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        System.Text.Json.Nodes.JsonNode? node;
        try
        {
            node = System.Text.Json.Nodes.JsonNode.Parse(text, documentOptions: new System.Text.Json.JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (System.Text.Json.JsonException ex)
        {
            return new CaseloadLine(line, fallbackId, null, [new ProfileError("$", $"The line is not valid JSON: {ex.Message}", "invalid_json")]);
        }

        if (node is System.Text.Json.Nodes.JsonObject obj && obj.ContainsKey("profile"))
        {
            var id = obj["id"] is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
            var extra = obj.Where(p => p.Key is not ("id" or "profile")).Select(p => new ProfileError(p.Key, $"'{p.Key}' is not part of a caseload line (expected id and profile).", "unknown_property"));
            var read = ProfileJson.Read(obj["profile"]?.ToJsonString() ?? "null", unknownProperties);
            var errors = (id is null ? [new ProfileError("id", "A caseload line with a profile needs an id: a non-empty string.", "missing_id")] : Array.Empty<ProfileError>())
                .Concat(extra)
                .Concat(read.Errors.Select(e => e with { Path = e.Path == "$" ? "profile" : "profile." + e.Path }))
                .ToArray();
            return new CaseloadLine(line, id ?? fallbackId, errors.Length == 0 ? read.Profile : null, errors);
        }

        var bare = ProfileJson.Read(text, unknownProperties);
        return new CaseloadLine(line, fallbackId, bare.Profile, bare.Errors);
    }
}

/// <summary>How a caseload is screened.</summary>
public sealed record ScreeningOptions
{
    /// <summary>Gets the date the profiles' open dates take (the evaluation, arrival and submission dates a profile
    /// leaves out); <see langword="null"/> leaves them to the evaluator's clock.</summary>
    /// <value>The as-of date.</value>
    public DateOnly? AsOf { get; init; }

    /// <summary>Gets a second as-of date: every client is also evaluated under it and the two reports are compared.</summary>
    /// <value>The date to compare with, or <see langword="null"/>.</value>
    public DateOnly? CompareAsOf { get; init; }

    /// <summary>Gets earlier reports to compare with, by client ID (for example read from an earlier screening's output
    /// made with another rule-set version).</summary>
    /// <value>The snapshots by client ID, or <see langword="null"/>.</value>
    public IReadOnlyDictionary<string, ReportSnapshot>? Baseline { get; init; }

    /// <summary>Gets how many profiles are evaluated at once.</summary>
    /// <value>The number of processors by default.</value>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}

/// <summary>The result of screening one client.</summary>
/// <param name="Line">The caseload line.</param>
/// <param name="Id">The client's ID.</param>
/// <param name="Snapshot">The later state: the evaluation under <see cref="ScreeningOptions.CompareAsOf"/> when given, else
/// under <see cref="ScreeningOptions.AsOf"/>; null for an invalid line.</param>
/// <param name="Compared">The earlier state it is compared with: the evaluation under <see cref="ScreeningOptions.AsOf"/>
/// when <see cref="ScreeningOptions.CompareAsOf"/> is given, else the client's baseline; null when not compared.</param>
/// <param name="Changes">The outcomes that differ from <paramref name="Compared"/> to <paramref name="Snapshot"/>.</param>
/// <param name="Errors">The line's problems; empty when it was evaluated.</param>
public sealed record ScreeningResult(int Line, string Id, ReportSnapshot? Snapshot, ReportSnapshot? Compared, IReadOnlyList<OutcomeChange> Changes, IReadOnlyList<ProfileError> Errors)
{
    /// <summary>Gets whether the line was a valid profile and was evaluated.</summary>
    /// <value><see langword="true"/> when evaluated.</value>
    public bool IsValid => Errors.Count == 0;
}

/// <summary>How far a screening has got.</summary>
/// <param name="Read">Lines read.</param>
/// <param name="Screened">Lines screened (evaluated or found invalid).</param>
/// <param name="Invalid">Lines that were not valid profiles.</param>
/// <param name="Changed">Clients with at least one changed outcome.</param>
public sealed record ScreeningProgress(long Read, long Screened, long Invalid, long Changed);

/// <summary>
/// Screens a caseload: evaluates every client on every core, in constant memory (a bounded number of lines in flight),
/// optionally under a second as-of date or against stored reports, and says for each client which outcomes changed and
/// because of which rules. Results come out as they complete, not in line order.
/// </summary>
public sealed class CaseloadScreener
{
    private readonly IWorkPermitEvaluator _evaluator;

    /// <summary>Initializes a new instance of the <see cref="CaseloadScreener"/> class.</summary>
    /// <param name="evaluator">The evaluator (its clock gives the dates a profile and the options leave open).</param>
    /// <exception cref="ArgumentNullException"><paramref name="evaluator"/> is null.</exception>
    public CaseloadScreener(IWorkPermitEvaluator evaluator)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        _evaluator = evaluator;
    }

    /// <summary>Screens a caseload.</summary>
    /// <param name="lines">The caseload's lines (see <see cref="Caseload.ReadAsync"/>).</param>
    /// <param name="options">How to screen.</param>
    /// <param name="progress">Receives the counts after each client, if given.</param>
    /// <param name="cancellationToken">Stops the screening.</param>
    /// <returns>One result per line, as they complete.</returns>
    public async IAsyncEnumerable<ScreeningResult> ScreenAsync(IAsyncEnumerable<CaseloadLine> lines, ScreeningOptions? options = null,
        IProgress<ScreeningProgress>? progress = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lines);
        options ??= new ScreeningOptions();
        var workers = Math.Max(1, options.MaxDegreeOfParallelism);
        var input = Channel.CreateBounded<CaseloadLine>(new BoundedChannelOptions(workers * 16) { SingleWriter = true });
        var output = Channel.CreateBounded<ScreeningResult>(new BoundedChannelOptions(workers * 16) { SingleReader = true });
        long read = 0, screened = 0, invalid = 0, changed = 0;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = linked.Token;

        var producer = Task.Run(
            async () =>
            {
                try
                {
                    await foreach (var line in lines.WithCancellation(token).ConfigureAwait(false))
                    {
                        Interlocked.Increment(ref read);
                        await input.Writer.WriteAsync(line, token).ConfigureAwait(false);
                    }

                    input.Writer.Complete();
                }
                catch (Exception ex)
                {
                    input.Writer.Complete(ex);
                }
            },
            token);

        var consumers = Enumerable.Range(0, workers).Select(_ => Task.Run(
            async () =>
            {
                await foreach (var line in input.Reader.ReadAllAsync(token).ConfigureAwait(false))
                {
                    var result = Screen(line, options);
                    Interlocked.Increment(ref screened);
                    if (!result.IsValid)
                    {
                        Interlocked.Increment(ref invalid);
                    }
                    else if (result.Changes.Count > 0)
                    {
                        Interlocked.Increment(ref changed);
                    }

                    await output.Writer.WriteAsync(result, token).ConfigureAwait(false);
                    progress?.Report(new ScreeningProgress(Interlocked.Read(ref read), Interlocked.Read(ref screened), Interlocked.Read(ref invalid), Interlocked.Read(ref changed)));
                }
            },
            token)).ToArray();

        var completion = Task.Run(
            async () =>
            {
                try
                {
                    await Task.WhenAll(consumers.Append(producer)).ConfigureAwait(false);
                    output.Writer.Complete();
                }
                catch (Exception ex)
                {
                    output.Writer.Complete(ex);
                }
            },
            CancellationToken.None);

        try
        {
            await foreach (var result in output.Reader.ReadAllAsync(token).ConfigureAwait(false))
            {
                yield return result;
            }

            await completion.ConfigureAwait(false);
        }
        finally
        {
            await linked.CancelAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Screens one line.</summary>
    /// <param name="line">The line.</param>
    /// <param name="options">How to screen.</param>
    /// <returns>The result.</returns>
    public ScreeningResult Screen(CaseloadLine line, ScreeningOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(line);
        options ??= new ScreeningOptions();
        if (line.Profile is not { } profile)
        {
            return new ScreeningResult(line.Line, line.Id, null, null, [], line.Errors.Count > 0 ? line.Errors : [new ProfileError("$", "The line has no profile.", "missing_profile")]);
        }

        var snapshot = ReportSnapshot.Of(EvaluateForSnapshot(AsOf(profile, options.AsOf)));
        var compared = options.CompareAsOf is { } other
            ? ReportSnapshot.Of(EvaluateForSnapshot(AsOf(profile, other)))
            : options.Baseline?.GetValueOrDefault(line.Id);
        if (compared is null)
        {
            return new ScreeningResult(line.Line, line.Id, snapshot, null, [], []);
        }

        // Under a second as-of date, the as-of evaluation is the earlier state and the compare-as-of one the later; against
        // a baseline, the baseline is the earlier state.
        return options.CompareAsOf is not null
            ? new ScreeningResult(line.Line, line.Id, compared, snapshot, ReportComparison.Compare(snapshot, compared), [])
            : new ScreeningResult(line.Line, line.Id, snapshot, compared, ReportComparison.Compare(compared, snapshot), []);
    }

    /// <summary>A snapshot leaves suggestions out, so the library's own evaluator does not look for them here.</summary>
    private WorkPermitReport EvaluateForSnapshot(WorkPermitProfile profile) =>
        _evaluator is ISuggestionOptionalEvaluator own ? own.EvaluateWithoutSuggestions(profile) : _evaluator.Evaluate(profile);

    /// <summary>The profile with the dates it leaves open set to <paramref name="asOf"/>: the evaluation date, the
    /// arrival date and the submission date.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="asOf">The date, or <see langword="null"/> to leave the profile as it is.</param>
    /// <returns>The profile as of that date.</returns>
    public static WorkPermitProfile AsOf(WorkPermitProfile profile, DateOnly? asOf)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (asOf is not { } date)
        {
            return profile;
        }

        return profile with
        {
            EvaluationDate = profile.EvaluationDate ?? date,
            Travel = (profile.Travel ?? new TravelFacts()) with { ArrivalDate = profile.Travel?.ArrivalDate ?? date },
            Application = (profile.Application ?? new ApplicationFacts()) with { SubmittedDate = profile.Application?.SubmittedDate ?? date },
        };
    }
}
