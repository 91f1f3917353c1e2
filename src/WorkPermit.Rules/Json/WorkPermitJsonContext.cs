using System.Text.Json.Serialization;

namespace WorkPermit.Rules.Json;

/// <summary>Source-generated System.Text.Json metadata for the contract's types: camelCase properties, snake_case
/// enumeration values (fixed by attribute), null values left out of reports.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false,
    MaxDepth = 32)]
[JsonSerializable(typeof(WorkPermitProfile))]
[JsonSerializable(typeof(WorkPermitReport))]
internal sealed partial class WorkPermitJsonContext : JsonSerializerContext;

/// <summary>The serializer settings for writing: the source-generated metadata, with quotes and apostrophes in cited
/// passages written as themselves rather than as \u escapes (the output is JSON, never embedded in HTML by the library).</summary>
internal static class WorkPermitJson
{
    public static readonly System.Text.Json.JsonSerializerOptions Options = CreateOptions();

    /// <summary>The findings' writer registered in <see cref="Options"/>, which <see cref="ReportWriter"/> writes findings with.</summary>
    public static FindingResultConverter Findings => (FindingResultConverter)Options.Converters[0];

    /// <summary>The writer settings for compact report JSON: the encoder of <see cref="Options"/>.</summary>
    public static readonly System.Text.Json.JsonWriterOptions CompactWriter = new() { Encoder = Options.Encoder };

    public static readonly System.Text.Json.Serialization.Metadata.JsonTypeInfo<WorkPermitReport> Report =
        (System.Text.Json.Serialization.Metadata.JsonTypeInfo<WorkPermitReport>)Options.GetTypeInfo(typeof(WorkPermitReport));

    public static readonly System.Text.Json.Serialization.Metadata.JsonTypeInfo<WorkPermitProfile> Profile =
        (System.Text.Json.Serialization.Metadata.JsonTypeInfo<WorkPermitProfile>)Options.GetTypeInfo(typeof(WorkPermitProfile));

    private static readonly System.Text.Json.JsonSerializerOptions IndentedOptions = new(Options) { WriteIndented = true };

    public static readonly System.Text.Json.Serialization.Metadata.JsonTypeInfo<WorkPermitReport> IndentedReport =
        (System.Text.Json.Serialization.Metadata.JsonTypeInfo<WorkPermitReport>)IndentedOptions.GetTypeInfo(typeof(WorkPermitReport));

    public static readonly System.Text.Json.Serialization.Metadata.JsonTypeInfo<WorkPermitProfile> IndentedProfile =
        (System.Text.Json.Serialization.Metadata.JsonTypeInfo<WorkPermitProfile>)IndentedOptions.GetTypeInfo(typeof(WorkPermitProfile));

    private static System.Text.Json.JsonSerializerOptions CreateOptions()
    {
        var options = new System.Text.Json.JsonSerializerOptions(WorkPermitJsonContext.Default.Options)
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new FindingResultConverter(options));
        return options;
    }
}
