using System.Text.Json;
using System.Text.Json.Serialization;

namespace WorkPermit.Rules;

public sealed partial record WorkPermitProfile
{
    /// <summary>Gets the host's own data about the applicant, as a JSON object whose contents the contract leaves to the
    /// host (JSON <c>extensions</c>). The catalogue's rules never read it; house rules receive it as it is, through
    /// <see cref="EvaluatedProfile.Extensions"/>.</summary>
    /// <value>A JSON object, or <see langword="null"/>.</value>
    [JsonPropertyName("extensions")]
    public JsonElement? Extensions { get; init; }

    /// <summary>Compares two profiles by value: every group, and the extensions by their JSON content.</summary>
    /// <param name="other">The other profile.</param>
    /// <returns><see langword="true"/> if they are equal.</returns>
    public bool Equals(WorkPermitProfile? other) =>
        other is not null
        && EvaluationDate == other.EvaluationDate
        && Equals(Person, other.Person)
        && Equals(Officer, other.Officer)
        && Equals(StatusInCanada, other.StatusInCanada)
        && Equals(Family, other.Family)
        && Equals(Travel, other.Travel)
        && Equals(Application, other.Application)
        && Equals(Job, other.Job)
        && Equals(Medical, other.Medical)
        && Equals(VisitorPolicy, other.VisitorPolicy)
        && (Extensions, other.Extensions) switch
        {
            (null, null) => true,
            ({ } a, { } b) => JsonElement.DeepEquals(a, b),
            _ => false,
        };

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(EvaluationDate);
        hash.Add(Person);
        hash.Add(Officer);
        hash.Add(StatusInCanada);
        hash.Add(Family);
        hash.Add(Travel);
        hash.Add(Application);
        hash.Add(Job);
        hash.Add(Medical);
        hash.Add(VisitorPolicy);
        hash.Add(Extensions is null);
        return hash.ToHashCode();
    }
}
