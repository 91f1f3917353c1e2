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
