using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization;

namespace WorkPermit.Rules.Json;

/// <summary>The JSON (snake_case) names of the contract's enumeration values, read from their attributes.</summary>
internal static class EnumNames
{
    private static readonly ConcurrentDictionary<Type, (string[] Names, Dictionary<string, object> Values, Dictionary<object, string> ByValue)> Cache = new();

    private static readonly ConcurrentDictionary<Type, byte[][]> Utf8Cache = new();

    public static IReadOnlyList<string> For(Type enumType) => Get(enumType).Names;

    /// <summary>The names in UTF-8, in the order of <see cref="For"/>: for testing a JSON value without reading it into a string.</summary>
    public static byte[][] Utf8(Type enumType) =>
        Utf8Cache.GetOrAdd(enumType, static type => [.. For(type).Select(n => System.Text.Encoding.UTF8.GetBytes(n))]);

    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => Get(typeof(TEnum)).ByValue[value];

    public static string Of(object value) => Get(value.GetType()).ByValue[value];

    public static bool TryParse(Type enumType, string name, out object? value) => Get(enumType).Values.TryGetValue(name, out value);

    private static (string[] Names, Dictionary<string, object> Values, Dictionary<object, string> ByValue) Get(Type enumType) =>
        Cache.GetOrAdd(enumType, static type =>
        {
            var names = new List<string>();
            var values = new Dictionary<string, object>(StringComparer.Ordinal);
            var byValue = new Dictionary<object, string>();
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                var name = field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? field.Name;
                var value = field.GetValue(null)!;
                names.Add(name);
                values[name] = value;
                byValue[value] = name;
            }

            return (names.ToArray(), values, byValue);
        });
}
