using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using WorkPermit.Rules.Json;

namespace WorkPermit.Rules.Tests;

/// <summary>The profile reader's own yyyy-MM-dd reader must accept exactly the dates the framework's exact parse accepts,
/// and read them the same.</summary>
public sealed class IsoDateTests
{
    [Theory]
    [InlineData("2025-04-10")]
    [InlineData("2024-02-29")]
    [InlineData("2025-02-29")]
    [InlineData("2025-02-28")]
    [InlineData("0001-01-01")]
    [InlineData("0000-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("2025-13-01")]
    [InlineData("2025-00-10")]
    [InlineData("2025-04-00")]
    [InlineData("2025-04-31")]
    [InlineData("2025-4-10x")]
    [InlineData("2025/04/10")]
    [InlineData(" 025-04-10")]
    [InlineData("2025-04-1 ")]
    [InlineData("+025-04-10")]
    [InlineData("2025-04-١٠")]
    public void TryParse_AgreesWithTheFrameworksExactParse(string text) => AssertAgrees(text);

    [Property(MaxTest = 2000)]
    public void TryParse_AgreesWithTheFrameworksExactParse_OnGeneratedText(NonNegativeInt seed)
    {
        // Ten characters from the ones a date is made of (and a few it is not), mostly shaped like a date.
        var chars = "0123456789-- /x".ToCharArray();
        var random = new Random(seed.Get);
        var text = new char[10];
        for (var i = 0; i < text.Length; i++)
        {
            text[i] = i is 4 or 7 && random.Next(4) > 0 ? '-' : random.Next(5) > 0 ? (char)('0' + random.Next(10)) : chars[random.Next(chars.Length)];
        }

        AssertAgrees(new string(text));
    }

    [Fact]
    public void TryParse_EveryDayOfFourYears_ReadsTheSameDate()
    {
        for (var day = new DateOnly(2023, 1, 1); day < new DateOnly(2027, 1, 1); day = day.AddDays(1))
        {
            AssertAgrees(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }

    private static void AssertAgrees(string text)
    {
        var expected = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expectedDate);
        var actual = IsoDate.TryParse(Encoding.UTF8.GetBytes(text), out var actualDate);

        Assert.Equal(expected, actual);
        Assert.Equal(expectedDate, actualDate);
    }
}
