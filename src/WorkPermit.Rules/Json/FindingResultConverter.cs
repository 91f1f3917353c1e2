using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace WorkPermit.Rules.Json;

/// <summary>
/// Writes report findings fast. Most of a report's JSON is the findings' catalogue text (title, citations,
/// interpretations), which is the same for every report; this converter encodes each rule's text once and copies the
/// encoded bytes into every report that cites the rule. A finding whose text is not the catalogue's own instances (one
/// a caller built or read back from JSON), and any finding written indented, is written field by field instead; both
/// ways give the same JSON as the source-generated serializer. Only used for writing: reports are read back with the
/// source-generated metadata.
/// </summary>
internal sealed class FindingResultConverter : JsonConverter<FindingResult>
{
    private static readonly JsonEncodedText RuleIdName = JsonEncodedText.Encode("ruleId");
    private static readonly JsonEncodedText TitleName = JsonEncodedText.Encode("title");
    private static readonly JsonEncodedText KindName = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText OutcomeName = JsonEncodedText.Encode("outcome");
    private static readonly JsonEncodedText AppliesName = JsonEncodedText.Encode("applies");
    private static readonly JsonEncodedText ReadName = JsonEncodedText.Encode("read");
    private static readonly JsonEncodedText MissingName = JsonEncodedText.Encode("missing");
    private static readonly JsonEncodedText CitationName = JsonEncodedText.Encode("citation");
    private static readonly JsonEncodedText CitationsName = JsonEncodedText.Encode("citations");
    private static readonly JsonEncodedText InterpretationsName = JsonEncodedText.Encode("interpretations");
    private static readonly JsonEncodedText NoteName = JsonEncodedText.Encode("note");
    private static readonly JsonEncodedText[] TriNames = Names<Tri>();
    private static readonly JsonEncodedText[] KindNames = Names<RuleKind>();

    private readonly JsonSerializerOptions _options;
    private readonly Lazy<Encoded[]> _encoded;

    /// <summary>Initializes a new instance of the <see cref="FindingResultConverter"/> class.</summary>
    /// <param name="options">The options whose encoder and metadata the catalogue text is encoded with (the options
    /// this converter is added to).</param>
    public FindingResultConverter(JsonSerializerOptions options)
    {
        _options = options;
        _encoded = new Lazy<Encoded[]>(Encode, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public override FindingResult Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Findings are read with the source-generated metadata (ReportJson.Read), not with the writing options.");

    public override void Write(Utf8JsonWriter writer, FindingResult value, JsonSerializerOptions options)
    {
        var encoded = Catalogued(value, writer);
        if (encoded is not null && Evaluation.FindingResults.IsShared(value, out var json))
        {
            // A shared finding result is the library's own and immutable, so its JSON never changes: encode it the
            // first time and copy it after that.
            if (json is null)
            {
                var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
                using (var own = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = writer.Options.Encoder, SkipValidation = true }))
                {
                    WriteObject(own, value, encoded);
                }

                json = buffer.WrittenSpan.ToArray();
                Evaluation.FindingResults.KeepJson(value, json);
            }

            writer.WriteRawValue(json, skipInputValidation: true);
            return;
        }

        WriteObject(writer, value, encoded);
    }

    /// <summary>Writes a finding field by field, as the source-generated serializer would: null values left out.</summary>
    private static void WriteObject(Utf8JsonWriter writer, FindingResult value, Encoded? encoded)
    {
        writer.WriteStartObject();
        ReportWriter.String(writer, RuleIdName, value.RuleId);
        if (encoded is not null)
        {
            writer.WriteString(TitleName, encoded.Title);
        }
        else
        {
            ReportWriter.String(writer, TitleName, value.Title);
        }

        writer.WriteString(KindName, Name(KindNames, (int)value.Kind, value.Kind));
        writer.WriteString(OutcomeName, Name(TriNames, (int)value.Outcome, value.Outcome));
        writer.WriteString(AppliesName, Name(TriNames, (int)value.Applies, value.Applies));
        WriteStrings(writer, ReadName, value.Read);
        WriteStrings(writer, MissingName, value.Missing);
        if (encoded is not null)
        {
            writer.WritePropertyName(CitationName);
            writer.WriteRawValue(encoded.Citation, skipInputValidation: true);
            writer.WritePropertyName(CitationsName);
            writer.WriteRawValue(encoded.Citations, skipInputValidation: true);
            writer.WritePropertyName(InterpretationsName);
            writer.WriteRawValue(encoded.Interpretations, skipInputValidation: true);
        }
        else
        {
            ReportWriter.Citation(writer, CitationName, value.Citation);
            if (value.Citations is { } citations)
            {
                writer.WritePropertyName(CitationsName);
                ReportWriter.CitationsValue(writer, citations);
            }

            ReportWriter.Strings(writer, InterpretationsName, value.Interpretations);
        }

        ReportWriter.String(writer, NoteName, value.Note);
        writer.WriteEndObject();
    }

    private static JsonEncodedText Name<TEnum>(JsonEncodedText[] names, int index, TEnum value)
        where TEnum : struct, Enum =>
        (uint)index < (uint)names.Length ? names[index] : throw new JsonException($"{typeof(TEnum).Name} value {value} has no JSON name.");

    /// <summary>The JSON names of an enumeration's values, indexed by value.</summary>
    private static JsonEncodedText[] Names<TEnum>()
        where TEnum : struct, Enum
    {
        var values = Enum.GetValues<TEnum>();
        var names = new JsonEncodedText[values.Max(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)) + 1];
        foreach (var value in values)
        {
            names[Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)] = JsonEncodedText.Encode(EnumNames.Of(value));
        }

        return names;
    }

    private static void WriteStrings(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<string>? values)
    {
        if (values is Evaluation.FactPathList paths && !writer.Options.Indented)
        {
            writer.WritePropertyName(name);
            writer.WriteRawValue(paths.Json, skipInputValidation: true);
            return;
        }

        ReportWriter.Strings(writer, name, values);
    }

    /// <summary>The rule's encoded text, when the finding carries the catalogue's own text and the writer is compact.</summary>
    private Encoded? Catalogued(FindingResult value, Utf8JsonWriter writer)
    {
        if (writer.Options.Indented || value.RuleId is null || !RuleCatalogue.TryGet(value.RuleId, out var rule))
        {
            return null;
        }

        var encoded = _encoded.Value[rule.Order];
        return ReferenceEquals(value.Title, rule.Title)
            && ReferenceEquals(value.Citations, rule.Citations)
            && ReferenceEquals(value.Interpretations, rule.Interpretations)
            && rule.Citations.Count > 0 && ReferenceEquals(value.Citation, rule.Citations[0])
            ? encoded
            : null;
    }

    private Encoded[] Encode()
    {
        var encoder = _options.Encoder;
        return [.. RuleCatalogue.Rules.Select(rule => new Encoded(
            JsonEncodedText.Encode(rule.Title, encoder),
            rule.Citations.Count > 0 ? Bytes(w => ReportWriter.CitationValue(w, rule.Citations[0])) : [],
            Bytes(w => ReportWriter.CitationsValue(w, rule.Citations)),
            Bytes(w => ReportWriter.StringsValue(w, rule.Interpretations))))];

        byte[] Bytes(Action<Utf8JsonWriter> write)
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = encoder }))
            {
                write(writer);
            }

            return buffer.WrittenSpan.ToArray();
        }
    }

    private sealed record Encoded(JsonEncodedText Title, byte[] Citation, byte[] Citations, byte[] Interpretations);
}
