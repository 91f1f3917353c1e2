using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace WorkPermit.Rules.Json;

/// <summary>
/// Builds profile records straight from a checked JSON document. <see cref="ProfileJson"/> checks every value first
/// and reports every problem by path; what reaches this reader is known to be well-typed, so it reads values without
/// further checks. Reading this way rather than through the serializer's metadata avoids the many generic
/// instantiations that metadata needs (one set per enumeration and nullable type), which the JIT would otherwise
/// compile on an application's first request.
/// </summary>
internal static partial class ProfileReader
{
    /// <summary>The property's name: its characters in <paramref name="buffer"/> when plain ASCII without escapes,
    /// otherwise the decoded name.</summary>
    internal static ReadOnlySpan<char> Name(JsonProperty property, Span<char> buffer)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.Length > buffer.Length)
        {
            return property.Name;
        }

        for (var i = 0; i < raw.Length; i++)
        {
            var b = raw[i];
            if (b is >= 0x80 or (byte)'\\')
            {
                return property.Name;
            }

            buffer[i] = (char)b;
        }

        return buffer[..raw.Length];
    }

    private static bool? Bool(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static DateOnly? Date(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(value);
        return raw.Length == 12 && IsoDate.TryParse(raw[1..^1], out var date)
            ? date
            : DateOnly.ParseExact(value.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static DateTimeOffset? DateTime(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetDateTimeOffset() : null;

    private static string? Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string[]? Texts(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var texts = new string[value.GetArrayLength()];
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            texts[i++] = item.GetString()!;
        }

        return texts;
    }

    /// <summary>A count; checked to be a whole number in range, however written (1000, 1000.0, 1e3).</summary>
    private static int? Count(JsonElement value) => value.ValueKind != JsonValueKind.Number ? null
        : value.TryGetInt32(out var count) ? count : (int)value.GetDecimal();

    private static decimal? Number(JsonElement value) => value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : null;

    private static ResidencePeriod[]? Periods(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var periods = new ResidencePeriod[value.GetArrayLength()];
        var i = 0;
        Span<char> buffer = stackalloc char[64];
        foreach (var item in value.EnumerateArray())
        {
            string? country = null;
            DateOnly? from = null;
            DateOnly? to = null;
            foreach (var property in item.EnumerateObject())
            {
                switch (Name(property, buffer))
                {
                    case "country":
                        country = Text(property.Value);
                        break;
                    case "from":
                        from = Date(property.Value);
                        break;
                    case "to":
                        to = Date(property.Value);
                        break;
                }
            }

            periods[i++] = new ResidencePeriod { Country = country, From = from, To = to };
        }

        return periods;
    }

    private static TEnum? Enum<TEnum>(JsonElement value)
        where TEnum : struct, Enum
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var names = EnumTable<TEnum>.Names;
        for (var i = 0; i < names.Length; i++)
        {
            if (value.ValueEquals(names[i]))
            {
                return EnumTable<TEnum>.Values[i];
            }
        }

        throw new JsonException($"'{value.GetString()}' is not a {typeof(TEnum).Name} value; the profile should have been checked first.");
    }

    /// <summary>An enumeration's JSON names (UTF-8) and values, in the same order.</summary>
    private static class EnumTable<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly byte[][] Names;
        public static readonly TEnum[] Values;

        static EnumTable()
        {
            var names = EnumNames.For(typeof(TEnum));
            Names = EnumNames.Utf8(typeof(TEnum));
            Values = new TEnum[names.Count];
            for (var i = 0; i < names.Count; i++)
            {
                EnumNames.TryParse(typeof(TEnum), names[i], out var boxed);
                Values[i] = (TEnum)boxed!;
            }
        }
    }
}
