using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WorkPermit.Rules.Testing;

/// <summary>
/// The result of checking one invariant on one profile (or one boundary case): passed, or the problems found and the
/// counterexample as profile JSON, ready to be saved as the <c>profile</c> of a case file.
/// </summary>
public sealed record InvariantResult
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Gets the invariant's name, for example <c>MonotonicKnowledge</c>.</summary>
    /// <value>The name.</value>
    public required string Invariant { get; init; }

    /// <summary>Gets the problems found, one line each; empty when the invariant holds.</summary>
    /// <value>The problems.</value>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>Gets the counterexample profile as indented JSON (for a boundary case, the profile before the boundary).</summary>
    /// <value>The JSON, or <see langword="null"/> when the invariant holds.</value>
    public string? ProfileJson { get; init; }

    /// <summary>Gets, for a boundary case, the profile after the boundary as indented JSON.</summary>
    /// <value>The JSON, or <see langword="null"/>.</value>
    public string? OtherProfileJson { get; init; }

    /// <summary>Gets whether the invariant holds.</summary>
    /// <value><see langword="true"/> when there is no problem.</value>
    public bool Passed => Problems.Count == 0;

    /// <summary>Gets a readable account: the invariant, each problem, and the counterexample JSON.</summary>
    /// <value>The message.</value>
    public string Message
    {
        get
        {
            if (Passed)
            {
                return $"{Invariant}: holds.";
            }

            var text = new StringBuilder();
            text.Append(Invariant).AppendLine(" does not hold:");
            foreach (var problem in Problems)
            {
                text.Append("  - ").AppendLine(problem);
            }

            if (ProfileJson is not null)
            {
                text.AppendLine(OtherProfileJson is null ? "Counterexample profile (save it as a case file's \"profile\"):" : "Profile before the boundary:");
                text.AppendLine(ProfileJson);
            }

            if (OtherProfileJson is not null)
            {
                text.AppendLine("Profile after the boundary:");
                text.AppendLine(OtherProfileJson);
            }

            return text.ToString();
        }
    }

    /// <summary>A result that holds.</summary>
    /// <param name="invariant">The invariant's name.</param>
    /// <returns>The result.</returns>
    public static InvariantResult Pass(string invariant) => new() { Invariant = invariant };

    /// <summary>A result with problems, or one that holds when <paramref name="problems"/> is empty.</summary>
    /// <param name="invariant">The invariant's name.</param>
    /// <param name="problems">The problems.</param>
    /// <param name="profile">The counterexample.</param>
    /// <param name="other">For a boundary case, the profile after the boundary.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="problems"/> or <paramref name="profile"/> is null.</exception>
    public static InvariantResult From(string invariant, IEnumerable<string> problems, WorkPermitProfile profile, WorkPermitProfile? other = null)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(profile);
        var list = problems.ToArray();
        return list.Length == 0
            ? Pass(invariant)
            : new InvariantResult { Invariant = invariant, Problems = list, ProfileJson = Json(profile), OtherProfileJson = other is null ? null : Json(other) };
    }

    /// <summary>The same result without the problems a host has chosen to set aside (a known issue awaiting a fix), so that
    /// a test suite stays green for known issues while still failing on new ones.</summary>
    /// <param name="tolerated">Whether a problem line is set aside.</param>
    /// <returns>The result with the remaining problems; it passes when none remain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tolerated"/> is null.</exception>
    public InvariantResult Except(Func<string, bool> tolerated)
    {
        ArgumentNullException.ThrowIfNull(tolerated);
        var remaining = Problems.Where(p => !tolerated(p)).ToArray();
        return remaining.Length == Problems.Count ? this
            : remaining.Length == 0 ? Pass(Invariant)
            : this with { Problems = remaining };
    }

    /// <summary>Throws <see cref="InvariantViolationException"/> when the invariant does not hold, so that a property
    /// test (FsCheck's <c>Prop.ForAll</c> with an action) fails and reports the shrunk counterexample's message.</summary>
    /// <exception cref="InvariantViolationException">The invariant does not hold.</exception>
    public void ThrowIfFailed()
    {
        if (!Passed)
        {
            throw new InvariantViolationException(this);
        }
    }

    /// <summary>Writes the counterexample as a case file (<c>id</c>, <c>name</c>, <c>description</c> with the problems,
    /// <c>profile</c>, and an empty <c>expect</c> to fill in with what the report should say).</summary>
    /// <param name="id">The case ID, for example <c>P001</c>.</param>
    /// <param name="name">A snake_case name.</param>
    /// <returns>The case file's JSON, or <see langword="null"/> when the invariant holds.</returns>
    public string? ToCaseFile(string id, string name)
    {
        if (ProfileJson is null)
        {
            return null;
        }

        var file = new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["description"] = $"{Invariant}: {string.Join(" ", Problems)}",
            ["profile"] = JsonNode.Parse(ProfileJson),
            ["expect"] = new JsonObject(),
        };
        return file.ToJsonString(Indented);
    }

    /// <inheritdoc/>
    public override string ToString() => Message;

    /// <summary>The profile's JSON, indented.</summary>
    /// <param name="profile">The profile.</param>
    /// <returns>The JSON.</returns>
    internal static string Json(WorkPermitProfile profile) => JsonNode.Parse(WorkPermit.Rules.ProfileJson.Write(profile))!.ToJsonString(Indented);
}

/// <summary>Thrown by <see cref="InvariantResult.ThrowIfFailed"/>: its message names the invariant, the problems and the
/// counterexample profile as JSON.</summary>
public sealed class InvariantViolationException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="InvariantViolationException"/> class.</summary>
    /// <param name="result">The failed result.</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public InvariantViolationException(InvariantResult result)
        : base((result ?? throw new ArgumentNullException(nameof(result))).Message) => Result = result;

    /// <summary>Gets the failed result.</summary>
    /// <value>The result.</value>
    public InvariantResult Result { get; }
}
