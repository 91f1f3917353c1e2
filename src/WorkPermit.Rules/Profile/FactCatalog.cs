namespace WorkPermit.Rules;

/// <summary>What kind of value a fact takes.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<FactKind>))]
public enum FactKind
{
    /// <summary>true or false.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("boolean")]
    Boolean,

    /// <summary>One of a fixed set of snake_case strings.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("enumeration")]
    Enumeration,

    /// <summary>An ISO date, yyyy-MM-dd.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("date")]
    Date,

    /// <summary>An ISO 8601 date-time with a UTC offset.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("date_time")]
    DateTime,

    /// <summary>A country code (ISO 3166-1 alpha-2, or GB-BNO, GB-BOC, GB-BOTC, GB-BS).</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("country")]
    Country,

    /// <summary>A list of country codes.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("countries")]
    Countries,

    /// <summary>A whole number, zero or more.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("count")]
    Count,

    /// <summary>A decimal number, zero or more.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("number")]
    Number,

    /// <summary>Free text.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("text")]
    Text,

    /// <summary>A list of periods (country, from, to).</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("periods")]
    Periods,
}

/// <summary>Describes one fact of the profile: its JSON path, vocabulary name, kind and the question that asks for it.</summary>
/// <param name="Id">The fact.</param>
/// <param name="Path">The JSON path within the profile, for example <c>travel.mode</c>.</param>
/// <param name="VocabularyName">The catalogue's name for the fact, for example <c>travel_mode</c>.</param>
/// <param name="Kind">The kind of value.</param>
/// <param name="EnumType">For an enumeration, its type.</param>
/// <param name="Question">The plain-language question that asks for it.</param>
/// <param name="IsOfficerJudgment">Whether an officer decides it (it is then never asked).</param>
public sealed record FactDescriptor(FactId Id, string Path, string VocabularyName, FactKind Kind, Type? EnumType, string Question, bool IsOfficerJudgment)
{
    /// <summary>Gets the allowed answers: the snake_case values of an enumeration, true and false for a boolean, else empty.</summary>
    /// <value>The answers.</value>
    public IReadOnlyList<string> AllowedAnswers { get; } = Answers(Kind, EnumType);

    private static string[] Answers(FactKind kind, Type? enumType) => kind switch
    {
        FactKind.Boolean => ["true", "false"],
        FactKind.Enumeration => Json.EnumNames.For(enumType!).ToArray(),
        _ => [],
    };
}

internal static partial class FactCatalog
{
    public static IReadOnlyList<FactDescriptor> All => Descriptors;

    public static FactDescriptor Get(FactId id) => Descriptors[(int)id];

    public static FactSet OfficerJudgments { get; } = FactSet.Of(FactId.OfficerSatisfiedDepartureIntent, FactId.PersonSecurityConcern);
}
