using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace WorkPermit.Rules;

/// <summary>One problem with a profile: where it is (the JSON path, for example <c>application.channel</c>) and what is wrong.</summary>
/// <param name="Path">The path of the offending value; <c>$</c> for the document itself.</param>
/// <param name="Message">What is wrong, in plain language.</param>
/// <param name="Code">A stable code: invalid_json, not_an_object, unknown_property, wrong_type, unknown_value, invalid_date,
/// invalid_date_time, date_out_of_range, invalid_country, negative, not_integer, out_of_range, invalid_period, invalid_text,
/// duplicate_property, too_many_problems (the last entry of a list cut after 50 problems, saying how many more there are).</param>
public sealed record ProfileError(string Path, string Message, string Code)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>The result of reading a profile: the profile, or every problem found. Nothing is evaluated from a profile with problems.</summary>
public sealed record ProfileReadResult
{
    private ProfileReadResult(WorkPermitProfile? profile, IReadOnlyList<ProfileError> errors)
    {
        Profile = profile;
        Errors = errors;
    }

    /// <summary>Gets the profile when it is valid.</summary>
    /// <value>The profile, or <see langword="null"/>.</value>
    public WorkPermitProfile? Profile { get; }

    /// <summary>Gets the problems found, in document order.</summary>
    /// <value>The problems; empty when the profile is valid.</value>
    public IReadOnlyList<ProfileError> Errors { get; }

    /// <summary>Gets whether the profile is valid.</summary>
    /// <value><see langword="true"/> when there are no problems.</value>
    public bool IsValid => Errors.Count == 0;

    internal static ProfileReadResult Valid(WorkPermitProfile profile) => new(profile, []);

    internal static ProfileReadResult Invalid(IReadOnlyList<ProfileError> errors) => new(null, ProfileJson.Capped(errors));
}

/// <summary>How the reader treats properties the contract does not define.</summary>
public enum UnknownPropertyHandling
{
    /// <summary>An unknown property is an error, so a misspelt fact is never silently read as unknown (the default).</summary>
    Reject,

    /// <summary>Unknown properties are ignored.</summary>
    Ignore,
}

/// <summary>Reads and writes profiles in the contract's JSON form, and checks profiles built in C#.</summary>
public static partial class ProfileJson
{
    private static readonly Dictionary<string, FactDescriptor> ByPath = FactCatalog.All.ToDictionary(f => f.Path, StringComparer.Ordinal);
    private static readonly HashSet<string> Groups = FactCatalog.All.Where(f => f.Path.Contains('.', StringComparison.Ordinal)).Select(f => f.Path.Split('.')[0]).ToHashSet(StringComparer.Ordinal);

    /// <summary>The facts of each group by property name, looked up by the name's characters so that a valid property
    /// costs no string.</summary>
    private static readonly Dictionary<string, Dictionary<string, FactDescriptor>.AlternateLookup<ReadOnlySpan<char>>> FactsByGroup =
        FactCatalog.All.Where(f => f.Path.Contains('.', StringComparison.Ordinal))
            .GroupBy(f => f.Path.Split('.')[0], StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.ToDictionary(f => f.Path[(g.Key.Length + 1)..], StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>(),
                StringComparer.Ordinal);

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 16 };

    /// <summary>The most problems listed for one profile: after them, one last entry (code <c>too_many_problems</c>,
    /// path <c>$</c>) says how many more there are, so that a hostile document cannot make a response of millions
    /// of lines.</summary>
    internal const int MaxProblems = 50;

    /// <summary>The most characters of a value, property name or path echoed in a message; longer ones are cut, with "…".</summary>
    private const int MaxEcho = 40;

    /// <summary>Gets every fact a profile can state, in the contract's order: its JSON path, vocabulary name, kind,
    /// allowed answers and the question that asks for it.</summary>
    /// <value>The facts.</value>
    public static IReadOnlyList<FactDescriptor> Facts => FactCatalog.All;

    /// <summary>Gets the contract's snake_case name of an enumeration value, for example <c>port_of_entry</c>.</summary>
    /// <param name="value">A value of one of the contract's enumerations.</param>
    /// <returns>The name used in JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a defined value of the contract's enumerations.</exception>
    public static string ValueName(Enum value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.GetType().Assembly != typeof(ProfileJson).Assembly || !Enum.IsDefined(value.GetType(), value))
        {
            throw new ArgumentException($"'{value}' is not a value of the contract's enumerations.", nameof(value));
        }

        return Json.EnumNames.Of(value);
    }

    /// <summary>Reads a profile from UTF-8 JSON, listing every problem by path.</summary>
    /// <param name="utf8Json">The JSON.</param>
    /// <param name="unknownProperties">How to treat properties the contract does not define.</param>
    /// <returns>The profile, or the problems.</returns>
    public static ProfileReadResult Read(ReadOnlySpan<byte> utf8Json, UnknownPropertyHandling unknownProperties = UnknownPropertyHandling.Reject)
    {
        // A UTF-8 byte-order mark (as some editors write) is not part of the JSON.
        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json.ToArray(), DocumentOptions);
        }
        catch (JsonException ex)
        {
            return ProfileReadResult.Invalid([new ProfileError(ex.Path is { Length: > 1 } p ? Echo(p.TrimStart('$', '.')) : "$", InvalidJsonMessage(ex), "invalid_json")]);
        }

        using (document)
        {
            var errors = new List<ProfileError>();
            if (!IsPlainText(utf8Json))
            {
                CheckText(document.RootElement, "$", errors);
                if (errors.Count > 0)
                {
                    return ProfileReadResult.Invalid(errors);
                }
            }

            Check(document.RootElement, errors, unknownProperties);
            if (errors.Count > 0)
            {
                return ProfileReadResult.Invalid(errors);
            }

            var profile = Json.ProfileReader.Read(document.RootElement);
            var semantic = Validate(profile);
            return semantic.Count > 0 ? ProfileReadResult.Invalid(semantic) : ProfileReadResult.Valid(profile);
        }
    }

    /// <summary>Reads a profile from JSON text.</summary>
    /// <param name="json">The JSON.</param>
    /// <param name="unknownProperties">How to treat properties the contract does not define.</param>
    /// <returns>The profile, or the problems.</returns>
    public static ProfileReadResult Read(string json, UnknownPropertyHandling unknownProperties = UnknownPropertyHandling.Reject)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(System.Text.Encoding.UTF8.GetBytes(json), unknownProperties);
    }

    /// <summary>Writes a profile as JSON; unknown (null) facts are left out.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="indented">Whether to indent the JSON for reading and hand editing.</param>
    /// <returns>The JSON.</returns>
    public static string Write(WorkPermitProfile profile, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return JsonSerializer.Serialize(profile, indented ? Json.WorkPermitJson.IndentedProfile : Json.WorkPermitJson.Profile);
    }

    /// <summary>Checks a profile built in C#: country codes, counts and months not negative, periods in order, enumeration values defined.</summary>
    /// <param name="profile">The profile.</param>
    /// <returns>The problems, empty when it is valid.</returns>
    public static IReadOnlyList<ProfileError> Validate(WorkPermitProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var errors = new List<ProfileError>();
        CheckDateRanges(profile, errors);
        if (profile.Person is { } person)
        {
            if (person.Citizenships is { } citizenships)
            {
                for (var i = 0; i < citizenships.Count; i++)
                {
                    Country(citizenships[i], $"person.citizenships[{i}]", errors);
                }
            }

            Country(person.PassportCountry, "person.passportCountry", errors, allowNull: true);
            if (person.AccompanyingFamilyCount is < 0)
            {
                errors.Add(new("person.accompanyingFamilyCount", $"Must be zero or more, not {person.AccompanyingFamilyCount}.", "negative"));
            }
        }

        if (profile.Medical is { } medical)
        {
            NotNegative(medical.IntendedStayMonths, "medical.intendedStayMonths", errors);
            NotNegative(medical.DesignatedCountryMonthsPastYear, "medical.designatedCountryMonthsPastYear", errors);
            if (medical.ResidenceHistory is { } history)
            {
                for (var i = 0; i < history.Count; i++)
                {
                    var period = history[i];
                    var path = $"medical.residenceHistory[{i}]";
                    if (period is null)
                    {
                        errors.Add(new(path, "A period cannot be null.", "wrong_type"));
                        continue;
                    }

                    Country(period.Country, path + ".country", errors, allowNull: true);
                    if (period.From is { } from && period.To is { } to && from > to)
                    {
                        errors.Add(new(path, $"'from' ({from:yyyy-MM-dd}) is after 'to' ({to:yyyy-MM-dd}).", "invalid_period"));
                    }
                }
            }
        }

        CheckEnums(profile, errors);
        return Capped(errors);
    }

    /// <summary>The message for text that is not JSON, with the line and position (both from 1) where reading stopped.
    /// The case-file reader uses it too, so that every command reports a position the same way.</summary>
    internal static string InvalidJsonMessage(JsonException exception)
    {
        var where = exception.LineNumber is { } line ? $" (line {line + 1}, position {exception.BytePositionInLine + 1})" : string.Empty;
        return $"The text is not valid JSON{where}: {FirstSentence(exception.Message)}";
    }

    /// <summary>The first <see cref="MaxProblems"/> problems, then one entry saying how many more there are.</summary>
    internal static IReadOnlyList<ProfileError> Capped(IReadOnlyList<ProfileError> errors)
    {
        if (errors.Count <= MaxProblems)
        {
            return errors;
        }

        var more = errors.Count - MaxProblems;
        return [.. errors.Take(MaxProblems), new ProfileError("$", $"And {more} more problem{(more == 1 ? string.Empty : "s")}.", "too_many_problems")];
    }

    /// <summary>Whether UTF-8 JSON is valid UTF-8 and escapes no UTF-16 surrogate, so that every name and string in
    /// it decodes (the parser checks neither).</summary>
    private static bool IsPlainText(ReadOnlySpan<byte> utf8Json)
    {
        if (!System.Text.Unicode.Utf8.IsValid(utf8Json))
        {
            return false;
        }

        for (var at = utf8Json.IndexOf("\\u"u8); at >= 0 && at + 3 < utf8Json.Length; at = NextEscape(utf8Json, at))
        {
            if (utf8Json[at + 2] is (byte)'d' or (byte)'D' && utf8Json[at + 3] is (>= (byte)'8' and <= (byte)'9') or (>= (byte)'a' and <= (byte)'f') or (>= (byte)'A' and <= (byte)'F'))
            {
                return false;
            }
        }

        return true;

        static int NextEscape(ReadOnlySpan<byte> json, int at)
        {
            var next = json[(at + 2)..].IndexOf("\\u"u8);
            return next < 0 ? -1 : at + 2 + next;
        }
    }

    /// <summary>Lists every property name and string that is not valid UTF-8 (or escapes a lone surrogate), by path.</summary>
    private static void CheckText(JsonElement element, string path, List<ProfileError> errors)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!Decodes(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8PropertyName(property), property, static p => p.Name))
                    {
                        errors.Add(new(path, "A property name here is not valid UTF-8 text (it holds bytes or escapes that are not characters).", "invalid_text"));
                        continue;
                    }

                    CheckText(property.Value, path == "$" ? Echo(property.Name) : $"{path}.{Echo(property.Name)}", errors);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    CheckText(item, $"{path}[{index++}]", errors);
                }

                break;
            case JsonValueKind.String:
                if (!Decodes(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(element), element, static e => e.GetString()))
                {
                    errors.Add(new(path, "Must be valid UTF-8 text; this value holds bytes or escapes that are not characters.", "invalid_text"));
                }

                break;
        }
    }

    /// <summary>Whether raw JSON text decodes: valid UTF-8 without escapes, or text whose escapes unescape to characters.</summary>
    private static bool Decodes<T>(ReadOnlySpan<byte> raw, T source, Func<T, string?> decode)
    {
        if (!raw.Contains((byte)'\\'))
        {
            return System.Text.Unicode.Utf8.IsValid(raw);
        }

        try
        {
            decode(source);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Every date of the profile lies in the range the rules reason about (LIB-29).</summary>
    private static void CheckDateRanges(WorkPermitProfile profile, List<ProfileError> errors)
    {
        void InRange(DateOnly? date, string path)
        {
            if (date is { } d && !DateBounds.Contains(d))
            {
                errors.Add(new(path, $"{d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} is outside the dates the rules can reason about ({DateBounds.Text}).", "date_out_of_range"));
            }
        }

        InRange(profile.EvaluationDate, "evaluationDate");
        InRange(profile.StatusInCanada?.StudyPermitExpiryDate, "statusInCanada.studyPermitExpiryDate");
        InRange(profile.StatusInCanada?.TrpExpiryDate, "statusInCanada.trpExpiryDate");
        InRange(profile.StatusInCanada?.PreviousWorkPermitExpiryDate, "statusInCanada.previousWorkPermitExpiryDate");
        InRange(profile.Travel?.ArrivalDate, "travel.arrivalDate");
        InRange(profile.Application?.SubmittedDate, "application.submittedDate");
        InRange(profile.Application?.DecisionLetterDate, "application.decisionLetterDate");
        InRange(profile.Application?.DocumentRequestDeadline, "application.documentRequestDeadline");
        InRange(profile.Application?.DocumentSubmittedAt is { } at ? DateOnly.FromDateTime(at.DateTime) : null, "application.documentSubmittedAt");
        InRange(profile.Medical?.ExamDate, "medical.examDate");
        InRange(profile.Medical?.IndicatedExpiryDate, "medical.indicatedExpiryDate");
        if (profile.Medical?.ResidenceHistory is { } history)
        {
            for (var i = 0; i < history.Count; i++)
            {
                InRange(history[i]?.From, $"medical.residenceHistory[{i}].from");
                InRange(history[i]?.To, $"medical.residenceHistory[{i}].to");
            }
        }
    }

    private static void Check(JsonElement root, List<ProfileError> errors, UnknownPropertyHandling unknownProperties)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new("$", $"A profile must be a JSON object, not {Describe(root)}.", "not_an_object"));
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                Duplicate(property.Name, Echo(property.Name), errors);
                continue;
            }

            if (property.Name == "evaluationDate")
            {
                CheckValue(property.Value, ByPath["evaluationDate"], "evaluationDate", errors);
            }
            else if (Groups.Contains(property.Name))
            {
                CheckGroup(property.Name, property.Value, errors, unknownProperties);
            }
            else if (property.Name == "extensions")
            {
                // The host's own data: any JSON object, read by house rules only.
                if (property.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
                {
                    errors.Add(new("extensions", $"Must be an object (the host's own data), not {Describe(property.Value)}.", "wrong_type"));
                }
            }
            else if (unknownProperties == UnknownPropertyHandling.Reject)
            {
                errors.Add(new(Echo(property.Name), $"'{Echo(property.Name)}' is not a part of the profile (expected evaluationDate, extensions or one of {string.Join(", ", Groups.Order(StringComparer.Ordinal))}).", "unknown_property"));
            }
        }
    }

    private static void CheckGroup(string group, JsonElement value, List<ProfileError> errors, UnknownPropertyHandling unknownProperties)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(group, $"Must be an object, not {Describe(value)}.", "wrong_type"));
            return;
        }

        var facts = FactsByGroup[group];
        Span<char> name = stackalloc char[64];
        Span<bool> factSeen = stackalloc bool[FactCatalog.All.Count];
        HashSet<string>? otherSeen = null;
        foreach (var property in value.EnumerateObject())
        {
            if (facts.TryGetValue(Json.ProfileReader.Name(property, name), out var fact))
            {
                if (factSeen[(int)fact.Id])
                {
                    Duplicate(fact.Path[(group.Length + 1)..], fact.Path, errors);
                    continue;
                }

                factSeen[(int)fact.Id] = true;
                CheckValue(property.Value, fact, fact.Path, errors);
            }
            else if (!(otherSeen ??= new(StringComparer.Ordinal)).Add(property.Name))
            {
                Duplicate(property.Name, $"{group}.{Echo(property.Name)}", errors);
            }
            else if (unknownProperties == UnknownPropertyHandling.Reject)
            {
                var path = $"{group}.{Echo(property.Name)}";
                var known = FactCatalog.All.Where(f => f.Path.StartsWith(group + ".", StringComparison.Ordinal)).Select(f => f.Path[(group.Length + 1)..]);
                var suggestion = property.Name.Length > 64 ? null : known.FirstOrDefault(k => string.Equals(k, property.Name, StringComparison.OrdinalIgnoreCase) || Distance(k, property.Name) <= 2);
                errors.Add(new(path, $"'{Echo(property.Name)}' is not a fact of '{group}'" + (suggestion is null ? "." : $"; did you mean '{suggestion}'?"), "unknown_property"));
            }
        }
    }

    /// <summary>Whether a JSON string is one of an enumeration's names.</summary>
    private static bool IsEnumName(JsonElement value, Type enumType)
    {
        foreach (var name in Json.EnumNames.Utf8(enumType))
        {
            if (value.ValueEquals(name))
            {
                return true;
            }
        }

        return false;
    }

    private static void CheckValue(JsonElement value, FactDescriptor fact, string path, List<ProfileError> errors)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        switch (fact.Kind)
        {
            case FactKind.Boolean:
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    errors.Add(new(path, $"Must be true or false, not {Describe(value)}.", "wrong_type"));
                }

                break;
            case FactKind.Enumeration:
                if (value.ValueKind != JsonValueKind.String)
                {
                    errors.Add(new(path, $"Must be one of {Allowed(fact)}, not {Describe(value)}.", "wrong_type"));
                }
                else if (!IsEnumName(value, fact.EnumType!))
                {
                    errors.Add(new(path, $"'{Echo(value.GetString()!)}' is not an allowed value; use one of {Allowed(fact)}.", "unknown_value"));
                }

                break;
            case FactKind.Date:
                CheckDate(value, path, errors);
                break;
            case FactKind.DateTime:
                if (value.ValueKind != JsonValueKind.String || !DateTimeWithOffset().IsMatch(value.GetString()!))
                {
                    errors.Add(new(path, $"Must be an ISO 8601 date-time with a UTC offset, for example 2025-06-15T17:30:00-07:00, not {Describe(value)}.", "invalid_date_time"));
                }
                else if (!DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                {
                    errors.Add(new(path, $"'{value.GetString()}' is not a real date and time (or is outside the calendar).", "invalid_date_time"));
                }

                break;
            case FactKind.Country:
                CheckCountry(value, path, errors);
                break;
            case FactKind.Countries:
                if (value.ValueKind != JsonValueKind.Array)
                {
                    errors.Add(new(path, $"Must be a list of country codes, not {Describe(value)}.", "wrong_type"));
                    break;
                }

                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    var itemPath = $"{path}[{index++}]";
                    if (item.ValueKind == JsonValueKind.Null)
                    {
                        errors.Add(new(itemPath, "A country code cannot be null; leave the list out when it is unknown.", "wrong_type"));
                    }
                    else
                    {
                        CheckCountry(item, itemPath, errors);
                    }
                }

                break;
            case FactKind.Count:
            case FactKind.Number:
                CheckNumber(value, fact.Kind == FactKind.Count, path, errors);
                break;
            case FactKind.Text:
                if (value.ValueKind != JsonValueKind.String)
                {
                    errors.Add(new(path, $"Must be text, not {Describe(value)}.", "wrong_type"));
                }

                break;
            case FactKind.Periods:
                CheckPeriods(value, path, errors);
                break;
        }
    }

    /// <summary>Checks a count (a whole number up to <see cref="int.MaxValue"/>) or a number, zero or more. A number is
    /// judged by its value, not its spelling: 1000, 1000.0 and 1e3 are the same number and get the same answer.</summary>
    private static void CheckNumber(JsonElement value, bool whole, string path, List<ProfileError> errors)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            errors.Add(new(path, $"Must be {(whole ? "a whole number" : "a number")}, not {Describe(value)}.", "wrong_type"));
            return;
        }

        var max = whole ? int.MaxValue : decimal.MaxValue;
        if (!value.TryGetDecimal(out var number))
        {
            // Beyond decimal's range (1e30, -1e400): a huge magnitude either way.
            var negative = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(value)[0] == (byte)'-';
            errors.Add(negative
                ? new(path, $"Must be zero or more, not {Describe(value)}.", "negative")
                : new(path, $"Must be at most {max.ToString(CultureInfo.InvariantCulture)}, not {Describe(value)}.", "out_of_range"));
            return;
        }

        // The texts are made only for a message: a valid number (the usual case) needs none.
        if (number < 0)
        {
            errors.Add(new(path, $"Must be zero or more, not {Normalized(number)}.", "negative"));
        }
        else if (whole && number != decimal.Truncate(number))
        {
            errors.Add(new(path, $"Must be a whole number, not {Normalized(number)}.", "not_integer"));
        }
        else if (number > max)
        {
            errors.Add(new(path, $"Must be at most {max.ToString(CultureInfo.InvariantCulture)}, not {Normalized(number)}.", "out_of_range"));
        }
    }

    /// <summary>A number written the same whatever its spelling: 1e3, 1000 and 1000.0 are all 1000.</summary>
    private static string Normalized(decimal number) => Echo(number.ToString("0.############################", CultureInfo.InvariantCulture));

    private static void Duplicate(string name, string path, List<ProfileError> errors) =>
        errors.Add(new(path, $"'{Echo(name)}' is given more than once in the same object; give it once.", "duplicate_property"));

    private static void CheckPeriods(JsonElement value, string path, List<ProfileError> errors)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new(path, $"Must be a list of periods {{ \"country\", \"from\", \"to\" }}, not {Describe(value)}.", "wrong_type"));
            return;
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = $"{path}[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new(itemPath, $"Must be a period {{ \"country\", \"from\", \"to\" }}, not {Describe(item)}.", "wrong_type"));
                continue;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in item.EnumerateObject())
            {
                var propertyPath = $"{itemPath}.{Echo(property.Name)}";
                if (!seen.Add(property.Name))
                {
                    Duplicate(property.Name, propertyPath, errors);
                    continue;
                }

                switch (property.Name)
                {
                    case "country":
                        if (property.Value.ValueKind != JsonValueKind.Null)
                        {
                            CheckCountry(property.Value, propertyPath, errors);
                        }

                        break;
                    case "from":
                    case "to":
                        if (property.Value.ValueKind != JsonValueKind.Null)
                        {
                            CheckDate(property.Value, propertyPath, errors);
                        }

                        break;
                    default:
                        errors.Add(new(propertyPath, $"'{Echo(property.Name)}' is not part of a period (country, from, to).", "unknown_property"));
                        break;
                }
            }
        }
    }

    private static void CheckDate(JsonElement value, string path, List<ProfileError> errors)
    {
        if (value.ValueKind == JsonValueKind.String && !IsDate(value) && DateShape().IsMatch(value.GetString()!))
        {
            // Written right, but no such day (2025-02-30, 2025-13-01).
            errors.Add(new(path, $"'{value.GetString()}' is not a real date.", "invalid_date"));
        }
        else if (value.ValueKind != JsonValueKind.String || !IsDate(value))
        {
            errors.Add(new(path, $"Must be a date written yyyy-MM-dd, not {Describe(value)}.", "invalid_date"));
        }
    }

    /// <summary>Whether a JSON string is a date written yyyy-MM-dd (read without making a string when it is short).</summary>
    private static bool IsDate(JsonElement value)
    {
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(value);
        if (raw.Length != 12 || raw.Contains((byte)'\\'))
        {
            return DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
        }

        return Json.IsoDate.TryParse(raw[1..^1], out _);
    }

    private static void CheckCountry(JsonElement value, string path, List<ProfileError> errors)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new(path, $"Must be a country code, not {Describe(value)}.", "wrong_type"));
            return;
        }

        Country(value.GetString(), path, errors);
    }

    private static void Country(string? code, string path, List<ProfileError> errors, bool allowNull = false)
    {
        if (code is null)
        {
            if (!allowNull)
            {
                errors.Add(new(path, "A country code cannot be null.", "wrong_type"));
            }

            return;
        }

        if (!Json.CountryCodes.IsValid(code))
        {
            var hint = code.Length <= 8 && Json.CountryCodes.IsValid(code.ToUpperInvariant()) ? $"; codes are upper case: '{code.ToUpperInvariant()}'" : string.Empty;
            errors.Add(new(path, $"'{Echo(code)}' is not an ISO 3166-1 alpha-2 country code (or GB-BNO, GB-BOC, GB-BOTC, GB-BS){hint}.", "invalid_country"));
        }
    }

    private static void NotNegative(decimal? value, string path, List<ProfileError> errors)
    {
        if (value is < 0)
        {
            errors.Add(new(path, $"Must be zero or more, not {value.Value.ToString(CultureInfo.InvariantCulture)}.", "negative"));
        }
    }

    private static void CheckEnums(WorkPermitProfile profile, List<ProfileError> errors)
    {
        // C# callers can cast any integer to an enumeration; only defined values are facts.
        void Defined<T>(T? value, string path)
            where T : struct, Enum
        {
            if (value is { } v && !Enum.IsDefined(v))
            {
                errors.Add(new(path, $"{Convert.ToInt64(v, CultureInfo.InvariantCulture)} is not a defined {typeof(T).Name} value.", "unknown_value"));
            }
        }

        Defined(profile.Person?.CriminalRecord, "person.criminalRecord");
        Defined(profile.Person?.SecurityConcern, "person.securityConcern");
        Defined(profile.Person?.HealthConditionConcern, "person.healthConditionConcern");
        Defined(profile.Officer?.DocumentsRequested, "officer.documentsRequested");
        Defined(profile.StatusInCanada?.Location, "statusInCanada.location");
        Defined(profile.StatusInCanada?.Status, "statusInCanada.status");
        Defined(profile.StatusInCanada?.WorkPermitExemption, "statusInCanada.workPermitExemption");
        Defined(profile.StatusInCanada?.CusmaCategory, "statusInCanada.cusmaCategory");
        Defined(profile.StatusInCanada?.CurrentPermitType, "statusInCanada.currentPermitType");
        Defined(profile.Travel?.Mode, "travel.mode");
        Defined(profile.Travel?.TripType, "travel.tripType");
        Defined(profile.Travel?.FlagpoleExemption, "travel.flagpoleExemption");
        Defined(profile.Travel?.LetterActivationReentryFrom, "travel.letterActivationReentryFrom");
        Defined(profile.Application?.Channel, "application.channel");
        Defined(profile.Application?.Form, "application.form");
        Defined(profile.Application?.PermitType, "application.permitType");
        Defined(profile.Application?.Program, "application.program");
        Defined(profile.Application?.Stage, "application.stage");
        Defined(profile.Application?.Decision, "application.decision");
        Defined(profile.Job?.LmiaStatus, "job.lmiaStatus");
        Defined(profile.Job?.EmployerNonComplianceStatus, "job.employerNonComplianceStatus");
    }

    private static string Allowed(FactDescriptor fact) => string.Join(", ", fact.AllowedAnswers.Select(a => $"'{a}'"));

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the text '{Echo(value.GetString()!)}'",
        JsonValueKind.Number => $"the number {Echo(value.GetRawText())}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value.GetRawText()}",
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    /// <summary>Text as echoed in a message: at most <see cref="MaxEcho"/> characters (not splitting a surrogate pair), then "…".</summary>
    internal static string Echo(string text)
    {
        if (text.Length <= MaxEcho)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[MaxEcho - 1]) ? MaxEcho - 1 : MaxEcho;
        return string.Concat(text.AsSpan(0, cut), "…");
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    private static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}\z", RegexOptions.CultureInvariant)]
    private static partial Regex DateShape();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimeWithOffset();
}
