using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;

namespace WorkPermit.Rules;

/// <summary>The kind of a catalogue rule.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<RuleKind>))]
public enum RuleKind
{
    /// <summary>Something the applicant must meet.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("requirement")]
    Requirement,

    /// <summary>Something that bars the applicant.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("exclusion")]
    Exclusion,

    /// <summary>A basis or category the applicant may fall in.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("category")]
    Category,

    /// <summary>A condition that makes something required (for example a medical exam).</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("trigger")]
    Trigger,

    /// <summary>Advice that applies.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("advisory")]
    Advisory,

    /// <summary>A document the applicant needs.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("document")]
    Document,
}

/// <summary>A passage of a source document that a rule implements.</summary>
/// <param name="Source">The source document's file name, for example <c>000_f8c5169b0d89929f.txt</c>.</param>
/// <param name="SourceTitle">The source document's title.</param>
/// <param name="Quote">The passage, verbatim.</param>
public sealed record Citation(string Source, string SourceTitle, string Quote);

/// <summary>One rule of the catalogue, as published in the specification.</summary>
public sealed record CatalogueRule
{
    /// <summary>Gets the rule's stable ID, for example <c>GEN-04</c>.</summary>
    /// <value>The ID.</value>
    public required string Id { get; init; }

    /// <summary>Gets the rule's title.</summary>
    /// <value>The title.</value>
    public required string Title { get; init; }

    /// <summary>Gets the rule's statement over named facts.</summary>
    /// <value>The statement.</value>
    public required string Statement { get; init; }

    /// <summary>Gets the kind of rule.</summary>
    /// <value>The kind.</value>
    public required RuleKind Kind { get; init; }

    /// <summary>Gets the passages the rule implements.</summary>
    /// <value>The citations, at least one.</value>
    public required IReadOnlyList<Citation> Citations { get; init; }

    /// <summary>Gets the effective dates as the catalogue states them.</summary>
    /// <value>The effective dates.</value>
    public required string Effective { get; init; }

    /// <summary>Gets the reference data sets the rule reads.</summary>
    /// <value>Reference data IDs, for example <c>RD-01</c>.</value>
    public required IReadOnlyList<string> ReferenceData { get; init; }

    /// <summary>Gets the catalogue's notes.</summary>
    /// <value>The notes, or an empty string.</value>
    public required string Notes { get; init; }

    /// <summary>Gets the interpretations (AMB-xx) that concern the rule.</summary>
    /// <value>The interpretation IDs.</value>
    public required IReadOnlyList<string> Interpretations { get; init; }

    /// <summary>Gets the rule's position in the catalogue (0-based).</summary>
    internal int Order { get; init; }
}

/// <summary>An interpretation the catalogue chose where the sources are ambiguous.</summary>
/// <param name="Id">The ID, for example <c>AMB-01</c>.</param>
/// <param name="Rules">The rules it concerns.</param>
/// <param name="Text">The issue and the reading used.</param>
public sealed record Interpretation(string Id, IReadOnlyList<string> Rules, string Text);

/// <summary>The rule catalogue embedded in the library: every rule's statement and cited passages.</summary>
public static class RuleCatalogue
{
    private static readonly Lazy<Loaded> Data = new(Load);

    /// <summary>Gets every catalogue rule, in catalogue order.</summary>
    /// <value>The rules.</value>
    public static IReadOnlyList<CatalogueRule> Rules => Data.Value.Rules;

    /// <summary>Gets the interpretations table.</summary>
    /// <value>The interpretations.</value>
    public static IReadOnlyList<Interpretation> Interpretations => Data.Value.Interpretations;

    /// <summary>Gets a rule by ID.</summary>
    /// <param name="id">The rule ID.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="KeyNotFoundException">No rule has that ID.</exception>
    public static CatalogueRule Get(string id) =>
        TryGet(id, out var rule) ? rule : throw new KeyNotFoundException($"The catalogue has no rule '{id}'.");

    /// <summary>Tries to get a rule by ID.</summary>
    /// <param name="id">The rule ID.</param>
    /// <param name="rule">The rule, when found.</param>
    /// <returns><see langword="true"/> if found.</returns>
    public static bool TryGet(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CatalogueRule? rule)
    {
        var data = Data.Value;
        return data.ByInstance.TryGetValue(id, out rule) || data.ById.TryGetValue(id, out rule);
    }

    internal static int OrderOf(string id) => TryGet(id, out var rule) ? rule.Order : int.MaxValue;

    internal static byte[] RawBytes => Data.Value.Raw;

    // ByInstance holds the rules by their ID's string instance. The IDs are interned, so the rule classes' ID constants
    // (RuleIds) and the findings' RuleId are these very instances: looking a rule up while rules fire and reports are
    // written then needs neither hashing nor comparing the ID's characters. Any other string falls back to ById.
    private sealed record Loaded(IReadOnlyList<CatalogueRule> Rules, IReadOnlyDictionary<string, CatalogueRule> ById,
        Dictionary<string, CatalogueRule> ByInstance, IReadOnlyList<Interpretation> Interpretations, byte[] Raw);

    private static Loaded Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("WorkPermit.Rules.catalogue.json")
            ?? throw new InvalidOperationException("The embedded rule catalogue is missing from the assembly.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var raw = buffer.ToArray();
        using var document = JsonDocument.Parse(raw);
        var root = document.RootElement;
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in root.GetProperty("sources").EnumerateArray())
        {
            titles[source.GetProperty("file").GetString()!] = source.GetProperty("title").GetString()!;
        }

        var interpretations = root.GetProperty("interpretations").EnumerateArray()
            .Select(i => new Interpretation(i.GetProperty("id").GetString()!,
                i.GetProperty("rules").EnumerateArray().Select(r => r.GetString()!).ToArray(),
                i.GetProperty("text").GetString()!))
            .ToArray();

        var rules = new List<CatalogueRule>();
        foreach (var rule in root.GetProperty("rules").EnumerateArray())
        {
            var id = string.Intern(rule.GetProperty("id").GetString()!);
            rules.Add(new CatalogueRule
            {
                Order = rules.Count,
                Id = id,
                Title = rule.GetProperty("title").GetString()!,
                Statement = rule.GetProperty("statement").GetString()!,
                Kind = ParseKind(rule.GetProperty("kind").GetString()!),
                Citations = rule.GetProperty("quotes").EnumerateArray()
                    .Select(q => new Citation(q.GetProperty("source").GetString()!, titles.GetValueOrDefault(q.GetProperty("source").GetString()!, string.Empty), q.GetProperty("text").GetString()!))
                    .ToArray(),
                Effective = rule.GetProperty("effective").GetString()!,
                ReferenceData = rule.GetProperty("referenceData").EnumerateArray().Select(r => r.GetString()!).ToArray(),
                Notes = rule.GetProperty("notes").GetString()!,
                Interpretations = interpretations.Where(i => i.Rules.Any(r => Covers(r, id))).Select(i => i.Id).ToArray(),
            });
        }

        var byId = rules.ToFrozenDictionary(r => r.Id, StringComparer.Ordinal);
        var byInstance = rules.ToDictionary(r => r.Id, (IEqualityComparer<string>)ReferenceEqualityComparer.Instance);
        return new Loaded(rules, byId, byInstance, interpretations, raw);
    }

    /// <summary>Whether an interpretation's rule reference ("INS-04", "INS-02..INS-09", "RD-01") names the rule.</summary>
    private static bool Covers(string reference, string id)
    {
        var range = reference.Split("..", StringSplitOptions.TrimEntries);
        if (range.Length != 2)
        {
            return reference == id;
        }

        static (string Prefix, int Number) Split(string value)
        {
            var dash = value.LastIndexOf('-');
            return int.TryParse(value[(dash + 1)..], out var number) ? (value[..dash], number) : (value, -1);
        }

        var (fromPrefix, from) = Split(range[0]);
        var (toPrefix, to) = Split(range[1]);
        var (prefix, number) = Split(id);
        return prefix == fromPrefix && prefix == toPrefix && number >= from && number <= to;
    }

    private static RuleKind ParseKind(string kind) => kind switch
    {
        "requirement" => RuleKind.Requirement,
        "exclusion" => RuleKind.Exclusion,
        "category" => RuleKind.Category,
        "trigger" => RuleKind.Trigger,
        "advisory" => RuleKind.Advisory,
        "document needed" => RuleKind.Document,
        _ => throw new InvalidOperationException($"Unknown rule kind '{kind}' in the catalogue."),
    };
}
