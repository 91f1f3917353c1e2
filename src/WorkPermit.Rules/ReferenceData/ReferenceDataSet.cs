using System.Security.Cryptography;
using System.Text.Json;

namespace WorkPermit.Rules;

/// <summary>The reference lists in force for an evaluator: the embedded ones, with the host's overrides applied.</summary>
public sealed class ReferenceDataSet
{
    /// <summary>The IDs of every list, RD-01 to RD-14.</summary>
    public static IReadOnlyList<string> ListIds { get; } = Enumerable.Range(1, 14).Select(i => $"RD-{i:00}").ToArray();

    private readonly Dictionary<string, ReferenceList> _lists;

    private ReferenceDataSet(Dictionary<string, ReferenceList> lists)
    {
        _lists = lists;
        Fingerprint = ComputeFingerprint(lists);
        (_passportKindFrom, _passportKinds) = ComputePassportKinds(lists["RD-01"], lists["RD-02"]);
    }

    // One passport country of each kind the visa lists tell apart, per span of dates over which the lists do not change.
    private readonly DateOnly[] _passportKindFrom;
    private readonly string[][] _passportKinds;

    /// <summary>Gets the embedded reference data, without overrides.</summary>
    /// <value>The default set.</value>
    public static ReferenceDataSet Default { get; } = Build(new ReferenceDataOptions());

    /// <summary>Gets every list by ID.</summary>
    /// <value>The lists.</value>
    public IReadOnlyDictionary<string, ReferenceList> Lists => _lists;

    /// <summary>Gets a hash of every list's entries, part of the rule-set fingerprint.</summary>
    /// <value>Lower-case hexadecimal SHA-256.</value>
    public string Fingerprint { get; }

    internal ReferenceList VisaExempt => _lists["RD-01"];

    internal ReferenceList ConditionalEta => _lists["RD-02"];

    internal ReferenceList Designated => _lists["RD-03"];

    /// <summary>
    /// One passport country of each kind that RD-01 and RD-02 tell apart on a date (a US passport, a visa-exempt one, a
    /// conditional-eTA one, one on neither list, one whose status the lists leave open): a decision that reads the
    /// passport only through these lists gives the same answer for every country of one kind (LIB-27).
    /// </summary>
    internal IReadOnlyList<string> PassportKinds(DateOnly date)
    {
        var index = Array.BinarySearch(_passportKindFrom, date);
        return _passportKinds[index >= 0 ? index : ~index - 1];
    }

    private static (DateOnly[] From, string[][] Kinds) ComputePassportKinds(ReferenceList visaExempt, ReferenceList conditionalEta)
    {
        var entries = visaExempt.Entries.Concat(visaExempt.NotListed).Concat(conditionalEta.Entries).Concat(conditionalEta.NotListed).ToArray();
        var codes = new SortedSet<string>(entries.Select(e => e.Code), StringComparer.Ordinal);
        // A country on neither list: a code that no list names.
        var unlisted = new[] { "ZZ", "XX", "XZ", "QZ" }.First(code => !codes.Contains(code));
        var ordered = new[] { "US", unlisted }.Concat(codes.Where(code => code != "US")).ToArray();

        var starts = new SortedSet<DateOnly> { DateOnly.MinValue };
        foreach (var entry in entries)
        {
            if (entry.From is { } from)
            {
                starts.Add(from);
            }

            if (entry.To is { } to && to < DateOnly.MaxValue)
            {
                starts.Add(to.AddDays(1));
            }
        }

        // For each span, the first code of each kind: a kind is (US or not, RD-01 answer, RD-02 answer), 2 x 3 x 3.
        var kinds = new string[starts.Count][];
        var span = 0;
        var seen = new bool[18];
        var found = new List<string>();
        foreach (var date in starts)
        {
            Array.Clear(seen);
            found.Clear();
            foreach (var code in ordered)
            {
                var kind = ((code == "US" ? 1 : 0) * 9) + ((int)visaExempt.Contains(code, date) * 3) + (int)conditionalEta.Contains(code, date);
                if (!seen[kind])
                {
                    seen[kind] = true;
                    found.Add(code);
                }
            }

            kinds[span++] = [.. found];
        }

        return ([.. starts], kinds);
    }

    internal ReferenceList BiometricsPorts => _lists["RD-04"];

    internal ReferenceList FlagpoleExemptions => _lists["RD-05"];

    /// <summary>Builds the set from the embedded lists and the host's overrides.</summary>
    /// <param name="options">The overrides.</param>
    /// <returns>The set.</returns>
    /// <exception cref="WorkPermitRulesConfigurationException">An override does not parse or names an unknown list.</exception>
    public static ReferenceDataSet Build(ReferenceDataOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Default is { } embedded && options.Replacements.Count == 0 && options.Additions.Count == 0 && options.Removals.Count == 0)
        {
            // No overrides: the embedded lists, already read once for the process.
            return embedded;
        }

        var errors = new List<string>();
        var lists = new Dictionary<string, ReferenceList>(StringComparer.Ordinal);
        foreach (var id in ListIds)
        {
            if (ReferenceList.Parse($"embedded {id}", ReferenceList.Embedded(id), errors) is { } list)
            {
                lists[id] = list;
            }
        }

        foreach (var (id, json) in options.Replacements)
        {
            if (!lists.ContainsKey(id))
            {
                errors.Add($"Reference data override '{id}': there is no such list (lists are {string.Join(", ", ListIds)})");
                continue;
            }

            if (ReferenceList.Parse($"Reference data override {id}", json, errors) is { } replacement)
            {
                if (replacement.Id != id)
                {
                    errors.Add($"Reference data override {id}: $.id is '{replacement.Id}' but the override replaces '{id}'");
                    continue;
                }

                lists[id] = replacement;
            }
        }

        foreach (var id in options.Additions.Keys.Concat(options.Removals.Keys).Distinct(StringComparer.Ordinal))
        {
            if (!lists.TryGetValue(id, out var list))
            {
                errors.Add($"Reference data override '{id}': there is no such list (lists are {string.Join(", ", ListIds)})");
                continue;
            }

            lists[id] = list.With(options.Additions.GetValueOrDefault(id) ?? [], options.Removals.GetValueOrDefault(id) ?? []);
        }

        if (errors.Count > 0)
        {
            throw new WorkPermitRulesConfigurationException(errors);
        }

        return new ReferenceDataSet(lists);
    }

    private static string ComputeFingerprint(Dictionary<string, ReferenceList> lists)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var id in lists.Keys.Order(StringComparer.Ordinal))
            {
                lists[id].WriteCanonical(writer);
            }

            writer.WriteEndArray();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }
}

/// <summary>How a host replaces or extends the embedded reference lists.</summary>
public sealed class ReferenceDataOptions
{
    internal Dictionary<string, byte[]> Replacements { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, List<ReferenceEntry>> Additions { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, List<string>> Removals { get; } = new(StringComparer.Ordinal);

    /// <summary>Replaces a whole list with a JSON document in the format of the embedded data files
    /// (<c>id</c>, <c>name</c>, <c>complete</c>, <c>entries</c> of <c>code</c>, <c>from</c>, <c>to</c>, <c>status</c>, <c>source</c>).</summary>
    /// <param name="listId">The list, for example <c>RD-04</c>.</param>
    /// <param name="json">The list as JSON.</param>
    /// <returns>These options.</returns>
    public ReferenceDataOptions Replace(string listId, string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(listId);
        ArgumentNullException.ThrowIfNull(json);
        Replacements[listId] = System.Text.Encoding.UTF8.GetBytes(json);
        return this;
    }

    /// <summary>Adds an entry to a list.</summary>
    /// <param name="listId">The list.</param>
    /// <param name="entry">The entry.</param>
    /// <returns>These options.</returns>
    public ReferenceDataOptions Add(string listId, ReferenceEntry entry)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(listId);
        ArgumentNullException.ThrowIfNull(entry);
        (Additions.TryGetValue(listId, out var list) ? list : Additions[listId] = []).Add(entry);
        return this;
    }

    /// <summary>Removes every entry for a code from a list (the code then looks up as the list's default).</summary>
    /// <param name="listId">The list.</param>
    /// <param name="code">The code.</param>
    /// <returns>These options.</returns>
    public ReferenceDataOptions Remove(string listId, string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(listId);
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        (Removals.TryGetValue(listId, out var list) ? list : Removals[listId] = []).Add(code);
        return this;
    }
}

/// <summary>Thrown at start-up when the library's options are not valid.</summary>
public sealed class WorkPermitRulesConfigurationException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="WorkPermitRulesConfigurationException"/> class.</summary>
    /// <param name="problems">What is wrong, one entry per problem.</param>
    public WorkPermitRulesConfigurationException(IReadOnlyList<string> problems)
        : base("WorkPermit.Rules options are not valid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
        => Problems = problems;

    /// <summary>Gets the problems found.</summary>
    /// <value>One message per problem.</value>
    public IReadOnlyList<string> Problems { get; }
}
