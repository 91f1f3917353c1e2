namespace WorkPermit.Rules.Json;

/// <summary>Reads a date written yyyy-MM-dd straight from its UTF-8 bytes: the same dates as
/// <c>DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, ...)</c> accepts
/// (a test compares the two), without making a string or going through the general date parser.</summary>
internal static class IsoDate
{
    public static bool TryParse(ReadOnlySpan<byte> utf8, out DateOnly date)
    {
        date = default;
        if (utf8.Length != 10 || utf8[4] != (byte)'-' || utf8[7] != (byte)'-')
        {
            return false;
        }

        if (!Digits(utf8[..4], out var year) || !Digits(utf8.Slice(5, 2), out var month) || !Digits(utf8.Slice(8, 2), out var day))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> utf8, out int value)
    {
        value = 0;
        foreach (var b in utf8)
        {
            var digit = b - (byte)'0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }
}
