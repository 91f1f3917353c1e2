using System.Globalization;
using System.Text.Json;
using NRules.Fluent.Dsl;

namespace WorkPermit.Rules.HouseRules.Sample;

/// <summary>
/// A firm's check: the passport must stay valid for six months after arrival. The contract has no passport expiry date,
/// so the portal sends it in the profile's extensions: <c>"extensions": { "passport": { "expiryDate": "2026-01-31" } }</c>.
/// </summary>
[Name(Id)]
[Description("The passport stays valid for at least six months after the arrival date.")]
[Tag("house")]
public sealed class PassportExpiryRule : Rule
{
    /// <summary>The rule's ID, which is not a catalogue ID.</summary>
    public const string Id = "HOUSE-PASSPORT-6M";

    /// <summary>Where the rule reads the expiry date in the profile's extensions.</summary>
    public const string ExpiryPath = "extensions.passport.expiryDate";

    /// <inheritdoc/>
    public override void Define()
    {
        EvaluatedProfile profile = default!;

        When()
            .Match(() => profile);

        Then()
            .Yield(_ => Decide(profile));
    }

    /// <summary>Decides the finding for one profile.</summary>
    /// <param name="profile">The profile as the rules see it.</param>
    /// <returns>The finding.</returns>
    public static HouseFinding Decide(EvaluatedProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var expiry = ExpiryDate(profile.Extensions);
        var limit = profile.Dates.Arrival.AddMonths(6);
        var outcome = expiry is null ? Tri.Unknown : expiry >= limit ? Tri.Yes : Tri.No;
        return new HouseFinding
        {
            Id = Id,
            Title = "Passport valid for six months after arrival",
            Kind = RuleKind.Requirement,
            Outcome = outcome,
            Read = [profile.Profile.Travel?.ArrivalDate is null ? "evaluationDate" : "travel.arrivalDate", ExpiryPath],
            Missing = outcome == Tri.Unknown ? [ExpiryPath] : [],
            Questions = new Dictionary<string, string> { [ExpiryPath] = "When does the passport expire (yyyy-MM-dd)?" },
            Documents = outcome == Tri.No ? ["renewed_passport"] : [],
            Citation = new Citation("firm-handbook", "Firm handbook: travel documents", "Renew any passport that expires within six months of the arrival date."),
            Note = expiry is { } date ? $"Expires {date:yyyy-MM-dd}; arrival {profile.Dates.Arrival:yyyy-MM-dd}, six months later {limit:yyyy-MM-dd}." : null,
        };
    }

    private static DateOnly? ExpiryDate(JsonElement? extensions) =>
        extensions is { ValueKind: JsonValueKind.Object } root
        && root.TryGetProperty("passport", out var passport) && passport.ValueKind == JsonValueKind.Object
        && passport.TryGetProperty("expiryDate", out var value) && value.ValueKind == JsonValueKind.String
        && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
}
