using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace WorkPermit.Rules;

/// <summary>How an entry of a reference list counts.</summary>
public enum ReferenceStatus
{
    /// <summary>On the list.</summary>
    Member,

    /// <summary>On the list only under a condition the profile does not carry; looks up as unknown.</summary>
    Conditional,

    /// <summary>Not verified; looks up as unknown.</summary>
    Uncertain,
}

/// <summary>One dated entry of a reference list.</summary>
public sealed record ReferenceEntry
{
    /// <summary>Gets the code: a country code, a port-of-entry code or a category value.</summary>
    /// <value>The code.</value>
    public required string Code { get; init; }

    /// <summary>Gets the first day the entry applies, or <see langword="null"/> for no known start.</summary>
    /// <value>The date.</value>
    public DateOnly? From { get; init; }

    /// <summary>Gets the last day the entry applies (inclusive), or <see langword="null"/> for no known end.</summary>
    /// <value>The date.</value>
    public DateOnly? To { get; init; }

    /// <summary>Gets how the entry counts.</summary>
    /// <value>The status.</value>
    public ReferenceStatus Status { get; init; } = ReferenceStatus.Member;

    /// <summary>Gets where the entry comes from.</summary>
    /// <value>The source.</value>
    public required string Source { get; init; }

    /// <summary>Gets a note on the entry.</summary>
    /// <value>The note, or <see langword="null"/>.</value>
    public string? Note { get; init; }

    /// <summary>Whether the entry applies on a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> if the date is within the entry's range.</returns>
    public bool AppliesOn(DateOnly date) => (From is null || date >= From) && (To is null || date <= To);
}

/// <summary>
/// A reference list the rules read (visa-exempt countries, designated countries, biometrics ports...), read as of a date.
/// A code is on the list when an entry applies on that date; it is off the list when an entry of <see cref="NotListed"/>
/// applies, or when the list is complete. On an incomplete list a code that is neither is unknown.
/// </summary>
public sealed class ReferenceList
{
    private readonly Dictionary<string, ReferenceEntry[]> _entries;
    private readonly Dictionary<string, ReferenceEntry[]> _notListed;

    internal ReferenceList(string id, string name, string description, bool isComplete, string? inputFact,
        IReadOnlyList<ReferenceEntry> entries, IReadOnlyList<ReferenceEntry> notListed)
    {
        Id = id;
        Name = name;
        Description = description;
        IsComplete = isComplete;
        InputFact = inputFact;
        Entries = entries;
        NotListed = notListed;
        _entries = entries.GroupBy(e => e.Code, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.OrdinalIgnoreCase);
        _notListed = notListed.GroupBy(e => e.Code, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Gets the list's ID, for example <c>RD-01</c>.</summary>
    /// <value>The ID.</value>
    public string Id { get; }

    /// <summary>Gets the list's name.</summary>
    /// <value>The name.</value>
    public string Name { get; }

    /// <summary>Gets what the list holds and how complete it is.</summary>
    /// <value>The description.</value>
    public string Description { get; }

    /// <summary>Gets whether the list is complete: a code not on it is off it.</summary>
    /// <value><see langword="true"/> for a complete list.</value>
    public bool IsComplete { get; }

    /// <summary>Gets the profile fact the rules read instead, when the list carries no data.</summary>
    /// <value>The fact's JSON path, or <see langword="null"/>.</value>
    public string? InputFact { get; }

    /// <summary>Gets the list's entries.</summary>
    /// <value>The entries.</value>
    public IReadOnlyList<ReferenceEntry> Entries { get; }

    /// <summary>Gets entries known to be off the list (used by incomplete lists).</summary>
    /// <value>The entries.</value>
    public IReadOnlyList<ReferenceEntry> NotListed { get; }

    /// <summary>Looks a code up as of a date.</summary>
    /// <param name="code">The code.</param>
    /// <param name="date">The as-of date.</param>
    /// <returns>Yes, no or unknown.</returns>
    public Tri Contains(string code, DateOnly date) => Lookup(code, date, out _);

    /// <summary>Looks a code up as of a date and returns the entry that decided it.</summary>
    /// <param name="code">The code.</param>
    /// <param name="date">The as-of date.</param>
    /// <param name="entry">The deciding entry, if any.</param>
    /// <returns>Yes, no or unknown.</returns>
    public Tri Lookup(string code, DateOnly date, out ReferenceEntry? entry)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (_entries.TryGetValue(code, out var entries))
        {
            foreach (var candidate in entries)
            {
                if (candidate.AppliesOn(date))
                {
                    entry = candidate;
                    return candidate.Status == ReferenceStatus.Member ? Tri.Yes : Tri.Unknown;
                }
            }
        }

        if (_notListed.TryGetValue(code, out var negatives))
        {
            foreach (var candidate in negatives)
            {
                if (candidate.AppliesOn(date))
                {
                    entry = candidate;
                    return Tri.No;
                }
            }
        }

        entry = null;
        return IsComplete ? Tri.No : Tri.Unknown;
    }

    internal ReferenceList With(IEnumerable<ReferenceEntry> added, IEnumerable<string> removed)
    {
        var gone = new HashSet<string>(removed, StringComparer.OrdinalIgnoreCase);
        var entries = Entries.Where(e => !gone.Contains(e.Code)).Concat(added).ToArray();
        return new ReferenceList(Id, Name, Description, IsComplete, InputFact, entries, NotListed.Where(e => !gone.Contains(e.Code)).ToArray());
    }

    internal void WriteCanonical(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("id", Id);
        writer.WriteBoolean("complete", IsComplete);
        Write(writer, "entries", Entries);
        Write(writer, "notListed", NotListed);
        writer.WriteEndObject();

        static void Write(Utf8JsonWriter writer, string name, IReadOnlyList<ReferenceEntry> list)
        {
            writer.WriteStartArray(name);
            foreach (var e in list.OrderBy(e => e.Code, StringComparer.Ordinal).ThenBy(e => e.From))
            {
                writer.WriteStartObject();
                writer.WriteString("code", e.Code);
                writer.WriteString("from", e.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                writer.WriteString("to", e.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                writer.WriteString("status", e.Status.ToString());
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }
    }

    /// <summary>Reads a list from the JSON format of the embedded data files; problems are added to <paramref name="errors"/>.</summary>
    internal static ReferenceList? Parse(string origin, ReadOnlySpan<byte> json, List<string> errors)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.ToArray());
        }
        catch (JsonException ex)
        {
            errors.Add($"{origin}: not valid JSON ({ex.Message})");
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"{origin}: $ must be an object");
                return null;
            }

            var count = errors.Count;
            var id = RequiredString(root, "id", origin, errors);
            var name = OptionalString(root, "name", origin, errors) ?? id ?? string.Empty;
            var description = OptionalString(root, "description", origin, errors) ?? string.Empty;
            var inputFact = OptionalString(root, "inputFact", origin, errors);
            var complete = false;
            if (!root.TryGetProperty("complete", out var completeElement) || completeElement.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                errors.Add($"{origin}: $.complete must be true or false");
            }
            else
            {
                complete = completeElement.GetBoolean();
            }

            var entries = ParseEntries(root, "entries", origin, errors, required: true);
            var notListed = ParseEntries(root, root.TryGetProperty("notListed", out _) ? "notListed" : "notDesignated", origin, errors, required: false);
            return errors.Count == count ? new ReferenceList(id!, name, description, complete, inputFact, entries, notListed) : null;
        }
    }

    private static List<ReferenceEntry> ParseEntries(JsonElement root, string property, string origin, List<string> errors, bool required)
    {
        var list = new List<ReferenceEntry>();
        if (!root.TryGetProperty(property, out var array))
        {
            if (required)
            {
                errors.Add($"{origin}: $.{property} is required");
            }

            return list;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            errors.Add($"{origin}: $.{property} must be an array");
            return list;
        }

        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var path = $"$.{property}[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"{origin}: {path} must be an object");
                continue;
            }

            var code = RequiredString(item, "code", origin, errors, path);
            var source = OptionalString(item, "source", origin, errors, path) ?? "host override";
            var from = Date(item, "from", origin, errors, path);
            var to = Date(item, "to", origin, errors, path);
            var status = ReferenceStatus.Member;
            if (OptionalString(item, "status", origin, errors, path) is { } statusText)
            {
                switch (statusText)
                {
                    case "member": status = ReferenceStatus.Member; break;
                    case "conditional": status = ReferenceStatus.Conditional; break;
                    case "uncertain": status = ReferenceStatus.Uncertain; break;
                    default: errors.Add($"{origin}: {path}.status must be member, conditional or uncertain, not '{statusText}'"); break;
                }
            }

            if (from is not null && to is not null && from > to)
            {
                errors.Add($"{origin}: {path}: 'from' ({from:yyyy-MM-dd}) is after 'to' ({to:yyyy-MM-dd})");
            }

            if (code is not null)
            {
                list.Add(new ReferenceEntry { Code = code, From = from, To = to, Status = status, Source = source, Note = OptionalString(item, "note", origin, errors, path) });
            }
        }

        return list;
    }

    private static string? RequiredString(JsonElement element, string property, string origin, List<string> errors, string path = "$")
    {
        var value = OptionalString(element, property, origin, errors, path);
        if (value is null && !errors.Any(e => e.StartsWith($"{origin}: {path}.{property}", StringComparison.Ordinal)))
        {
            errors.Add($"{origin}: {path}.{property} is required");
        }

        return value;
    }

    private static string? OptionalString(JsonElement element, string property, string origin, List<string> errors, string path = "$")
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            errors.Add($"{origin}: {path}.{property} must be a non-empty string");
            return null;
        }

        return value.GetString();
    }

    private static DateOnly? Date(JsonElement element, string property, string origin, List<string> errors, string path)
    {
        var text = OptionalString(element, property, origin, errors, path);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add($"{origin}: {path}.{property} must be a date written yyyy-MM-dd, not '{text}'");
        return null;
    }

    internal static byte[] Embedded(string id)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"WorkPermit.Rules.ReferenceData.{id}.json")
            ?? throw new InvalidOperationException($"The embedded reference list {id} is missing from the assembly.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
