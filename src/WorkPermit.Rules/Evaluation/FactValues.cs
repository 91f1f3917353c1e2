using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace WorkPermit.Rules.Evaluation;

/// <summary>
/// The report's <see cref="WorkPermitReport.Facts"/>: the profile's values of a set of facts, as text. The text is made
/// on first read, so an evaluation whose report is never shown or written does not pay for it.
/// </summary>
internal sealed class FactValues(WorkPermitProfile profile, FactSet facts) : IReadOnlyDictionary<string, string>
{
    private Dictionary<string, string>? _values;

    private Dictionary<string, string> Values => _values ??= Build();

    public int Count => Values.Count;

    public IEnumerable<string> Keys => Values.Keys;

    IEnumerable<string> IReadOnlyDictionary<string, string>.Values => Values.Values;

    public string this[string key] => Values[key];

    public bool ContainsKey(string key) => Values.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value) => Values.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => Values.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private Dictionary<string, string> Build()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var fact in facts.Facts())
        {
            if (FactCatalog.ValueOf(profile, fact) is { } value)
            {
                values[FactCatalog.Get(fact).Path] = Format(value);
            }
        }

        return values;
    }

    /// <summary>A fact's value written as the profile writes it.</summary>
    public static string Format(object value) => value switch
    {
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        Enum e => Json.EnumNames.Of(e),
        IReadOnlyList<string> codes => string.Join(", ", codes),
        IReadOnlyList<ResidencePeriod> periods => string.Join("; ", periods.Select(p =>
            $"{p.Country ?? "?"} {p.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "?"} to {p.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "?"}")),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
