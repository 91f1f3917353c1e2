using System.Text.Json.Serialization;

namespace WorkPermit.Rules;

/// <summary>A three-valued outcome: yes, no, or unknown because a fact it depends on is not known.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Tri>))]
public enum Tri
{
    /// <summary>Not settled by the facts given. JSON: <c>unknown</c>.</summary>
    [JsonStringEnumMemberName("unknown")]
    Unknown = 0,

    /// <summary>No. JSON: <c>no</c>.</summary>
    [JsonStringEnumMemberName("no")]
    No = 1,

    /// <summary>Yes. JSON: <c>yes</c>.</summary>
    [JsonStringEnumMemberName("yes")]
    Yes = 2,
}
