using System.Diagnostics;
using System.Text;
using WorkPermit.Rules.Tests.Support;
using Xunit.Abstractions;

namespace WorkPermit.Rules.Tests;

/// <summary>
/// Feeds <see cref="IWorkPermitEvaluator.Evaluate(ReadOnlySpan{byte})"/> profiles made by mutating valid ones (bytes
/// flipped, cut, duplicated, invalid UTF-8, extreme numbers and dates, deep nesting, huge arrays): none may throw,
/// and each must give a report or a non-empty list of problems. A seeded loop rather than a property framework:
/// byte mutation needs no shrinking, and a fixed seed makes a failure reproducible from the test output.
/// </summary>
public sealed class MutationFuzzTests(ITestOutputHelper output)
{
    private const int Inputs = 100_000;
    private const int Seed = 20_251_203;

    private static readonly string[] Extremes =
    [
        "1e308", "-1e308", "1e-400", "2147483648", "-2147483649", "79228162514264337593543950336", "1000.0", "1E3", "-0",
        "0.00000000000000000000000000001", "99999999999999999999999999999999999999", "\"0001-01-01\"", "\"9999-12-31\"",
        "\"1900-01-01\"", "\"2199-12-31\"", "\"2025-02-30\"", "\"\\ud800\"", "\"\\udc00\\ud800\"", "null", "true", "[]", "{}",
        "\"0001-01-01T00:00:00+14:00\"", "\"9999-12-31T23:59:59-14:00\"",
    ];

    private static readonly byte[][] BadUtf8 =
    [
        [0xFF], [0xC0, 0x80], [0xC0, 0xAF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xC3],
    ];

    [Fact]
    public void Evaluate_MutatedProfiles_NeverThrow()
    {
        var evaluator = WorkPermitEvaluator.Create(timeProvider: FixedTimeProvider.On(2025, 6, 1));
        var seeds = CaseFiles.All().Select(f => Encoding.UTF8.GetBytes(CaseFiles.Load(f).Profile.ToJsonString())).ToArray();
        var random = new Random(Seed);
        var watch = Stopwatch.StartNew();
        int reports = 0, problems = 0;
        for (var i = 0; i < Inputs; i++)
        {
            var input = Mutate(seeds[random.Next(seeds.Length)], random);
            EvaluationResult result;
            try
            {
                result = evaluator.Evaluate(input);
            }
            catch (Exception ex)
            {
                Assert.Fail($"Input {i} (seed {Seed}) threw {ex.GetType().Name}: {ex.Message}{Environment.NewLine}{Convert.ToBase64String(input)}");
                throw;
            }

            if (result.IsValid)
            {
                reports++;
            }
            else
            {
                Assert.NotEmpty(result.Errors);
                Assert.All(result.Errors, e => Assert.False(string.IsNullOrEmpty(e.Message)));
                problems++;
            }
        }

        watch.Stop();
        output.WriteLine($"{Inputs} mutated profiles in {watch.Elapsed.TotalSeconds:F1} s: {reports} reports, {problems} with problems.");
        Assert.True(reports > Inputs / 10, $"only {reports} of the mutated profiles were valid; the mutations reach too little of the rules");
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = seed.ToList();
        if (random.Next(3) == 0)
        {
            // Keep the profile valid but move its dates to the ends of the range and its numbers to extremes, so
            // that many inputs reach the rules.
            for (var m = random.Next(1, 5); m > 0; m--)
            {
                ReplaceDate(bytes, random);
            }

            return [.. bytes];
        }

        var count = 1 + random.Next(3);
        for (var m = 0; m < count; m++)
        {
            var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(9))
            {
                case 0:
                    if (bytes.Count > 0)
                    {
                        bytes[at] ^= (byte)(1 << random.Next(8));
                    }

                    break;
                case 1:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 2:
                    var length = Math.Min(bytes.Count - at, random.Next(1, 40));
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
                case 3:
                    bytes.InsertRange(at, BadUtf8[random.Next(BadUtf8.Length)]);
                    break;
                case 4:
                case 5:
                    ReplaceValue(bytes, random, Encoding.UTF8.GetBytes(Extremes[random.Next(Extremes.Length)]));
                    break;
                case 6:
                    var depth = random.Next(10, 200);
                    ReplaceValue(bytes, random, Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth)));
                    break;
                case 7:
                    ReplaceValue(bytes, random, Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Repeat(random.Next(2) == 0 ? "\"FR\"" : "{\"from\":\"2024-01-01\"}", random.Next(100, 5_000))) + "]"));
                    break;
                default:
                    ReplaceValue(bytes, random, Encoding.UTF8.GetBytes(random.Next(2) == 0 ? "\"1900-01-01\"" : "\"2199-12-31\""));
                    break;
            }
        }

        return [.. bytes];
    }

    /// <summary>Replaces one date written yyyy-MM-dd with a date at or near an end of the range the rules reason about.</summary>
    private static void ReplaceDate(List<byte> bytes, Random random)
    {
        var dates = new List<int>();
        for (var i = 0; i + 10 <= bytes.Count; i++)
        {
            if (bytes[i + 4] == '-' && bytes[i + 7] == '-' && char.IsAsciiDigit((char)bytes[i]) && char.IsAsciiDigit((char)bytes[i + 9]))
            {
                dates.Add(i);
            }
        }

        if (dates.Count == 0)
        {
            return;
        }

        var day = random.Next(4) switch
        {
            0 => new DateOnly(1900, 1, 1).AddDays(random.Next(400)),
            1 => new DateOnly(2199, 12, 31).AddDays(-random.Next(400)),
            2 => new DateOnly(1900, 1, 1).AddDays(random.Next(109_572)),
            _ => new DateOnly(2015, 1, 1).AddDays(random.Next(7_300)),
        };
        var at = dates[random.Next(dates.Count)];
        var text = Encoding.ASCII.GetBytes(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        for (var i = 0; i < 10; i++)
        {
            bytes[at + i] = text[i];
        }
    }

    /// <summary>Replaces a value that follows a colon (or an array's first item) with <paramref name="value"/>.</summary>
    private static void ReplaceValue(List<byte> bytes, Random random, byte[] value)
    {
        var colons = new List<int>();
        for (var i = 0; i < bytes.Count; i++)
        {
            if (bytes[i] is (byte)':' or (byte)'[')
            {
                colons.Add(i);
            }
        }

        if (colons.Count == 0)
        {
            return;
        }

        var start = colons[random.Next(colons.Count)] + 1;
        var end = start;
        var inString = false;
        var depth = 0;
        while (end < bytes.Count)
        {
            var b = bytes[end];
            if (inString)
            {
                if (b == '\\')
                {
                    end++;
                }
                else if (b == '"')
                {
                    inString = false;
                }
            }
            else if (b == '"')
            {
                inString = true;
            }
            else if (b is (byte)'{' or (byte)'[')
            {
                depth++;
            }
            else if (b is (byte)'}' or (byte)']')
            {
                if (depth-- == 0)
                {
                    break;
                }
            }
            else if (b == ',' && depth == 0)
            {
                break;
            }

            end++;
        }

        end = Math.Min(end, bytes.Count);
        bytes.RemoveRange(start, end - start);
        bytes.InsertRange(start, value);
    }
}
