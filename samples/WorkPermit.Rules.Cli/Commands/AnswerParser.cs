using System.Globalization;
using System.Text.Json.Nodes;

namespace WorkPermit.Rules.Cli.Commands;

/// <summary>Turns a typed answer into the JSON value of the contract, by the question's kind of fact.</summary>
internal static class AnswerParser
{
    private static readonly char[] ListSeparators = [',', ';', ' ', '\t'];

    /// <summary>Parses an answer. The library still validates the result (for example that a country code exists).</summary>
    public static bool TryParse(Question question, string answer, out JsonNode? value, out string problem)
    {
        var text = answer.Trim();
        value = null;
        problem = string.Empty;
        switch (question.Kind)
        {
            // 1. Yes/no questions take yes, no, true, false, y or n.
            case FactKind.Boolean:
                switch (text.ToLowerInvariant())
                {
                    case "yes" or "y" or "true":
                        value = JsonValue.Create(true);
                        return true;
                    case "no" or "n" or "false":
                        value = JsonValue.Create(false);
                        return true;
                    default:
                        problem = $"'{text}' is not yes or no.";
                        return false;
                }

            // 2. Enumerations take one of the allowed answers, by name or by its number in the list.
            case FactKind.Enumeration:
                var allowed = question.AllowedAnswers;
                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= allowed.Count)
                {
                    value = JsonValue.Create(allowed[number - 1]);
                    return true;
                }

                var match = allowed.FirstOrDefault(a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase));
                if (match is null)
                {
                    problem = $"'{text}' is not one of {string.Join(", ", allowed)}.";
                    return false;
                }

                value = JsonValue.Create(match);
                return true;

            // 3. Dates and date-times in ISO form.
            case FactKind.Date:
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    problem = $"'{text}' is not a date in the form yyyy-MM-dd.";
                    return false;
                }

                value = JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                return true;
            case FactKind.DateTime:
                string[] formats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];
                if (!DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment)
                    || !(text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > 10))
                {
                    problem = $"'{text}' is not a date-time with an offset, e.g. 2025-06-15T17:30:00-07:00.";
                    return false;
                }

                value = JsonValue.Create(moment.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
                return true;

            // 4. Countries as codes (upper-cased for you), a list of them separated by commas or spaces.
            case FactKind.Country:
                value = JsonValue.Create(text.ToUpperInvariant());
                return true;
            case FactKind.Countries:
                value = new JsonArray(text.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries).Select(c => (JsonNode?)JsonValue.Create(c.ToUpperInvariant())).ToArray());
                return true;

            // 5. Numbers: counts are whole, months may have decimals; neither is negative.
            case FactKind.Count:
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                {
                    problem = $"'{text}' is not a whole number, 0 or more.";
                    return false;
                }

                value = JsonValue.Create(count);
                return true;
            case FactKind.Number:
                if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
                {
                    problem = $"'{text}' is not a number, 0 or more (use a dot for decimals).";
                    return false;
                }

                value = JsonValue.Create(amount);
                return true;

            // 6. Residence periods: "IN 2024-01-01 2024-09-30; PH 2023-02-01 2023-12-31".
            case FactKind.Periods:
                var periods = new JsonArray();
                foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var fields = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (fields.Length != 3
                        || !DateOnly.TryParseExact(fields[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                        || !DateOnly.TryParseExact(fields[2], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
                    {
                        problem = $"'{part}' is not a period 'CC yyyy-MM-dd yyyy-MM-dd'.";
                        return false;
                    }

                    periods.Add(new JsonObject
                    {
                        ["country"] = fields[0].ToUpperInvariant(),
                        ["from"] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        ["to"] = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    });
                }

                value = periods;
                return true;

            // 7. Anything else is free text.
            default:
                value = JsonValue.Create(text);
                return true;
        }
    }
}
