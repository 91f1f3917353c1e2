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

    /// <summary>Writes the values as the properties of the JSON object the writer is in, in the order the dictionary
    /// enumerates them, without building the dictionary. The report writer's writer uses the library's encoder, which
    /// the fact paths are encoded with once.</summary>
    /// <param name="writer">The writer, inside an object.</param>
    public void WriteProperties(System.Text.Json.Utf8JsonWriter writer)
    {
        System.Diagnostics.Debug.Assert(ReferenceEquals(writer.Options.Encoder, Json.WorkPermitJson.Options.Encoder), "The fact paths are encoded with the library's encoder.");
        var paths = EncodedPaths.Value;
        foreach (var fact in facts.Facts())
        {
            if (FactCatalog.ValueOf(profile, fact) is { } value)
            {
                writer.WritePropertyName(paths[(int)fact]);
                WriteValue(writer, value);
            }
        }
    }

    /// <summary>Every fact's path, encoded with the library's JSON encoder, by fact ID.</summary>
    private static readonly Lazy<System.Text.Json.JsonEncodedText[]> EncodedPaths = new(() =>
        [.. FactCatalog.All.Select(d => System.Text.Json.JsonEncodedText.Encode(d.Path, Json.WorkPermitJson.Options.Encoder))]);

    /// <summary>Writes a value as the JSON string <see cref="Format"/> makes of it; the commonest kinds without making
    /// the string first.</summary>
    private static void WriteValue(System.Text.Json.Utf8JsonWriter writer, object value)
    {
        switch (value)
        {
            case bool b:
                writer.WriteStringValue(b ? "true"u8 : "false"u8);
                break;
            case DateOnly d:
                Span<byte> text = stackalloc byte[16];
                if (d.TryFormat(text, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture))
                {
                    writer.WriteStringValue(text[..written]);
                }
                else
                {
                    writer.WriteStringValue(Format(d));
                }

                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            default:
                writer.WriteStringValue(Format(value));
                break;
        }
    }

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
