using System.Globalization;
using System.Text.Json;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules;

/// <summary>A fact of the profile that the person, or the employer for them, can change, and how.</summary>
/// <param name="Fact">The fact's JSON path.</param>
/// <param name="Action">What the person does to change it, and which values a suggestion may give it.</param>
public sealed record ActionableFact(string Fact, string Action);

/// <summary>
/// The facts a suggestion may change (contract, "Suggestions"): the channel and permit chosen, the program where the
/// profile shows the person qualifies, the passport travelled on among the citizenships held, documents provided, a
/// medical exam taken before travel, biometrics, the employer's steps and fee, a pre-booked border appointment, and
/// the date of travel moved forward. Everything else is the person's situation or an officer's judgment and is never
/// changed: citizenship, criminal record, health, refugee status, status in Canada, where the person is, what an
/// officer decided or asked for, and any date already past.
/// </summary>
public static class ActionableFacts
{
    /// <summary>Gets the actionable facts, in the contract's fact order.</summary>
    /// <value>The facts.</value>
    public static IReadOnlyList<ActionableFact> All { get; } = Levers.All.Select(l => new ActionableFact(FactCatalog.Get(l.Fact).Path, l.Action)).ToArray();

    /// <summary>Whether a suggestion may change a fact.</summary>
    /// <param name="fact">The fact's JSON path, for example <c>application.channel</c>.</param>
    /// <returns><see langword="true"/> if the fact is actionable.</returns>
    public static bool IsActionable(string fact) => fact is not null && Levers.ByPath.ContainsKey(fact);

    /// <summary>Applies changes to a profile.</summary>
    internal static WorkPermitProfile Apply(WorkPermitProfile profile, IEnumerable<FactChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var change in changes)
        {
            ArgumentNullException.ThrowIfNull(change);
            if (!Levers.ByPath.TryGetValue(change.Fact ?? string.Empty, out var lever))
            {
                throw new ArgumentException($"'{change.Fact}' is not a fact a suggestion may change.", nameof(changes));
            }

            string? text = change.To switch
            {
                null => null,
                { ValueKind: JsonValueKind.Null } => null,
                { ValueKind: JsonValueKind.String } to => to.GetString(),
                { ValueKind: JsonValueKind.True } => "true",
                { ValueKind: JsonValueKind.False } => "false",
                { } to => throw new ArgumentException($"'{change.Fact}' cannot take the value {to.GetRawText()}.", nameof(changes)),
            };
            profile = lever.Set(profile, text);
        }

        return profile;
    }
}

/// <summary>
/// One actionable fact: how to set it from its text form (as <see cref="FactValues.Format"/> writes values) and which
/// changes to try for a profile. A move may change more than its own fact when the others follow from it (the form
/// follows the channel; a new medical exam drops the old result's stated expiry).
/// </summary>
internal sealed class Lever(FactId fact, string action, Func<WorkPermitProfile, object?, WorkPermitProfile> set, Func<LeverContext, IEnumerable<Move>> moves)
{
    public FactId Fact { get; } = fact;

    public string Action { get; } = action;

    public IEnumerable<Move> Moves(LeverContext context) => moves(context);

    public WorkPermitProfile Set(WorkPermitProfile profile, string? text) => set(profile, text is null ? null : Parse(text));

    private object Parse(string text)
    {
        var descriptor = FactCatalog.Get(Fact);
        switch (descriptor.Kind)
        {
            case FactKind.Boolean when text is "true" or "false":
                return text == "true";
            case FactKind.Enumeration when Json.EnumNames.TryParse(descriptor.EnumType!, text, out var value):
                return value!;
            case FactKind.Date when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                return date;
            case FactKind.Country or FactKind.Text:
                return text;
            default:
                throw new ArgumentException($"'{descriptor.Path}' cannot take the value '{text}'.", "changes");
        }
    }
}

/// <summary>A set of fact changes tried together as one step, with the phrase that tells the person what to do.</summary>
internal sealed record Move(IReadOnlyList<(FactId Fact, string? To)> Changes, string Phrase, bool IsChannel = false)
{
    public FactSet Facts { get; } = Changes.Aggregate(FactSet.Empty, (set, change) => set | FactSet.Of(change.Fact));

    public WorkPermitProfile ApplyTo(WorkPermitProfile profile)
    {
        foreach (var (fact, to) in Changes)
        {
            profile = Levers.ByFact[fact].Set(profile, to);
        }

        return profile;
    }
}

/// <summary>What the moves are chosen from: the profile as evaluated and the date that counts as today.</summary>
internal sealed record LeverContext(EvaluationCase Case)
{
    public DateOnly Today => Case.EvaluationDate;

    public static string Text(object value) => FactValues.Format(value);
}

/// <summary>The declaration of the actionable facts (see <see cref="ActionableFacts"/>).</summary>
internal static class Levers
{
    private const string Date = "yyyy-MM-dd";

    public static IReadOnlyList<Lever> All { get; } =
    [
        new(FactId.PersonPassportCountry, "Travel on another passport the person holds (one of person.citizenships).",
            (p, v) => p with { Person = (p.Person ?? new()) with { PassportCountry = (string?)v } },
            Passports),
        new(FactId.OfficerDocumentsRequested, "Provide the documents an officer asked for (requested_not_provided becomes requested_and_provided).",
            (p, v) => p with { Officer = (p.Officer ?? new()) with { DocumentsRequested = (OfficerDocumentsRequest?)v } },
            c => c.Case.Officer.DocumentsRequested == OfficerDocumentsRequest.RequestedNotProvided
                ? [new Move([(FactId.OfficerDocumentsRequested, "requested_and_provided")], "provide the documents the officer asked for")]
                : []),
        new(FactId.TravelArrivalDate, "Travel later: a future date on which a reference list the rules read changes.",
            (p, v) => p with { Travel = (p.Travel ?? new()) with { ArrivalDate = (DateOnly?)v } },
            LaterArrivals),
        new(FactId.TravelPortOfEntry, "Arrive at a port of entry that takes biometrics (RD-04).",
            (p, v) => p with { Travel = (p.Travel ?? new()) with { PortOfEntry = (string?)v } },
            BiometricsPorts),
        new(FactId.TravelPortOfEntryOffersBiometrics, "Follows the port of entry: cleared when the port changes, so that the list decides.",
            (p, v) => p with { Travel = (p.Travel ?? new()) with { PortOfEntryOffersBiometrics = (bool?)v } },
            _ => []),
        new(FactId.TravelFlagpoleExemption, "Pre-book an appointment with the border services agency (pre_booked_cbsa_appointment).",
            (p, v) => p with { Travel = (p.Travel ?? new()) with { FlagpoleExemption = (FlagpoleExemption?)v } },
            c => c.Case.Travel.FlagpoleExemption is null or FlagpoleExemption.None
                ? [new Move([(FactId.TravelFlagpoleExemption, "pre_booked_cbsa_appointment")], "book an appointment with the border services agency before going to the port of entry")]
                : []),
        new(FactId.TravelStartAndFinishAtSamePoe, "Start and finish the application at the same port of entry.",
            (p, v) => p with { Travel = (p.Travel ?? new()) with { StartAndFinishAtSamePoe = (bool?)v } },
            c => c.Case.Travel.StartAndFinishAtSamePoe is not true
                ? [new Move([(FactId.TravelStartAndFinishAtSamePoe, "true")], "start and finish the application at the same port of entry")]
                : []),
        new(FactId.ApplicationChannel, "Apply through another channel: online from outside Canada, online from inside Canada (only for someone in Canada), or at a port of entry (only for someone outside Canada).",
            (p, v) => p with { Application = (p.Application ?? new()) with { Channel = (ApplicationChannel?)v } },
            Channels),
        new(FactId.ApplicationForm, "Follows the channel: the form of the channel chosen, when the profile names a form.",
            (p, v) => p with { Application = (p.Application ?? new()) with { Form = (ApplicationForm?)v } },
            _ => []),
        new(FactId.ApplicationPermitType, "Ask for an open work permit, when the profile says the person meets an open work permit category (application.openPermitCategoryEligible).",
            (p, v) => p with { Application = (p.Application ?? new()) with { PermitType = (PermitType?)v } },
            c => c.Case.Application.OpenPermitCategoryEligible == true && c.Case.Application.PermitType != PermitType.Open
                ? [new Move([(FactId.ApplicationPermitType, "open")], "ask for an open work permit (the profile says you meet an open work permit category)")]
                : []),
        new(FactId.ApplicationProgram, "Apply for a post-graduation work permit, when the profile says the person meets its criteria (statusInCanada.pgwpEligible).",
            (p, v) => p with { Application = (p.Application ?? new()) with { Program = (WorkPermitProgram?)v } },
            c => c.Case.Status.PgwpEligible == true && c.Case.Application.Program != WorkPermitProgram.Pgwp
                ? [new Move(
                    c.Case.Application.PermitType == PermitType.Open ? [(FactId.ApplicationProgram, "pgwp")] : [(FactId.ApplicationProgram, "pgwp"), (FactId.ApplicationPermitType, "open")],
                    "apply for a post-graduation work permit (the profile says you meet its criteria)")]
                : []),
        new(FactId.ApplicationDocumentsComplete, "Include every document the application needs.",
            (p, v) => p with { Application = (p.Application ?? new()) with { DocumentsComplete = (bool?)v } },
            c => c.Case.Application.DocumentsComplete is not true
                ? [new Move([(FactId.ApplicationDocumentsComplete, "true")], "include every document the application needs")]
                : []),
        new(FactId.ApplicationBiometricsProvided, "Give biometrics.",
            (p, v) => p with { Application = (p.Application ?? new()) with { BiometricsProvided = (bool?)v } },
            c => c.Case.Application.BiometricsProvided is not true
                ? [new Move([(FactId.ApplicationBiometricsProvided, "true")], "give biometrics")]
                : []),
        new(FactId.JobOfferOfEmploymentNumberAvailable, "Have the employer submit the offer of employment in the Employer Portal and give its number.",
            (p, v) => p with { Job = (p.Job ?? new()) with { OfferOfEmploymentNumberAvailable = (bool?)v } },
            c => c.Case.Job.OfferOfEmploymentNumberAvailable is not true
                ? [new Move([(FactId.JobOfferOfEmploymentNumberAvailable, "true")], "have the employer submit the offer of employment in the Employer Portal and give you its number")]
                : []),
        new(FactId.JobEmployerCompletedRequiredSteps, "Have the employer complete the required steps.",
            (p, v) => p with { Job = (p.Job ?? new()) with { EmployerCompletedRequiredSteps = (bool?)v } },
            c => c.Case.Job.EmployerCompletedRequiredSteps is not true
                ? [new Move([(FactId.JobEmployerCompletedRequiredSteps, "true")], "have the employer complete all the required steps for your permit")]
                : []),
        new(FactId.JobEmployerComplianceFeePaid, "Have the employer pay the $230 compliance fee.",
            (p, v) => p with { Job = (p.Job ?? new()) with { EmployerComplianceFeePaid = (bool?)v } },
            c => c.Case.Job.EmployerComplianceFeePaid is not true
                ? [new Move([(FactId.JobEmployerComplianceFeePaid, "true")], "have the employer pay the $230 compliance fee")]
                : []),
        new(FactId.MedicalExamDate, "Take a new immigration medical exam before travelling, on a date from today on that keeps it valid on the day of entry.",
            (p, v) => p with { Medical = (p.Medical ?? new()) with { ExamDate = (DateOnly?)v } },
            NewExam),
        new(FactId.MedicalIndicatedExpiryDate, "Follows the exam: a new exam drops the old result's stated expiry.",
            (p, v) => p with { Medical = (p.Medical ?? new()) with { IndicatedExpiryDate = (DateOnly?)v } },
            _ => []),
    ];

    public static IReadOnlyDictionary<FactId, Lever> ByFact { get; } = All.ToDictionary(l => l.Fact);

    public static IReadOnlyDictionary<string, Lever> ByPath { get; } = All.ToDictionary(l => FactCatalog.Get(l.Fact).Path, StringComparer.Ordinal);

    public static FactSet Facts { get; } = All.Aggregate(FactSet.Empty, (set, lever) => set | FactSet.Of(lever.Fact));

    /// <summary>Every move to try for a profile, in declaration order.</summary>
    public static List<Move> MovesFor(EvaluationCase c)
    {
        var context = new LeverContext(c);
        var moves = new List<Move>();
        foreach (var lever in All)
        {
            moves.AddRange(lever.Moves(context));
        }

        return moves;
    }

    private static readonly ApplicationChannel[] ChannelChoices = [ApplicationChannel.OutsideCanadaOnline, ApplicationChannel.InsideCanadaOnline, ApplicationChannel.PortOfEntry];

    private static IEnumerable<Move> Channels(LeverContext c)
    {
        var current = c.Case.Application.Channel;
        var location = c.Case.Status.Location;
        foreach (var channel in ChannelChoices)
        {
            // Only someone in Canada can apply from inside it; someone already in Canada is not sent to the border
            // (most must apply online, POE-06, and flagpoling is barred, POE-EXC-06).
            if (channel == current
                || (channel == ApplicationChannel.InsideCanadaOnline && location != Location.InCanada)
                || (channel == ApplicationChannel.PortOfEntry && location == Location.InCanada))
            {
                continue;
            }

            var changes = new List<(FactId, string?)> { (FactId.ApplicationChannel, LeverContext.Text(channel)) };
            var form = FormOf(channel);
            if (c.Case.Application.Form is { } given && given != form)
            {
                changes.Add((FactId.ApplicationForm, LeverContext.Text(form)));
            }

            var instead = current switch
            {
                ApplicationChannel.OutsideCanadaOnline => " instead of online from outside Canada",
                ApplicationChannel.InsideCanadaOnline => " instead of online from inside Canada",
                ApplicationChannel.PortOfEntry => " instead of at the port of entry",
                _ => string.Empty,
            };
            var phrase = channel switch
            {
                ApplicationChannel.OutsideCanadaOnline when location == Location.InCanada =>
                    $"apply online from outside Canada (IMM 1295){instead}; an approval is then activated by leaving Canada and coming back (AFT-13)",
                ApplicationChannel.OutsideCanadaOnline => $"apply online from outside Canada (IMM 1295) before travelling{instead}",
                ApplicationChannel.InsideCanadaOnline => $"apply online from inside Canada (IMM 5710){instead}",
                _ => $"apply at the port of entry on arrival{instead}",
            };
            yield return new Move(changes, phrase, IsChannel: true);
        }
    }

    private static ApplicationForm FormOf(ApplicationChannel channel) => channel switch
    {
        ApplicationChannel.OutsideCanadaOnline => ApplicationForm.Imm1295,
        ApplicationChannel.InsideCanadaOnline => ApplicationForm.Imm5710,
        _ => ApplicationForm.PoeSameDay,
    };

    private static IEnumerable<Move> Passports(LeverContext c)
    {
        var person = c.Case.Person;
        if (person.Citizenships is not { Count: > 1 } citizenships)
        {
            yield break;
        }

        foreach (var country in citizenships.Distinct(StringComparer.Ordinal))
        {
            if (!string.Equals(country, person.PassportCountry, StringComparison.Ordinal))
            {
                yield return new Move([(FactId.PersonPassportCountry, country)], $"travel on your {country} passport" + (person.PassportCountry is { } used ? $" instead of the {used} one" : string.Empty));
            }
        }
    }

    /// <summary>The next few dates after the arrival date (and from today on) on which a list the port-of-entry rules
    /// read (visa-exempt countries, conditional eTA countries, flagpoling exemptions) changes for this person's countries
    /// or flagpoling category.</summary>
    private static IEnumerable<Move> LaterArrivals(LeverContext c)
    {
        var arrival = c.Case.ArrivalDate;
        var reference = c.Case.Reference;
        var person = c.Case.Person;
        var dates = new SortedSet<DateOnly>();
        foreach (var list in (ReadOnlySpan<ReferenceList>)[reference.VisaExempt, reference.ConditionalEta, reference.FlagpoleExemptions])
        {
            foreach (var entry in list.Entries.Concat(list.NotListed))
            {
                // Only a change for this person's countries (or, for RD-05, their flagpoling category) can matter.
                var concerns = list == reference.FlagpoleExemptions
                    ? c.Case.Travel.FlagpoleExemption is { } category && entry.Code == LeverContext.Text(category)
                    : entry.Code == person.PassportCountry || person.Citizenships?.Contains(entry.Code) == true;
                if (!concerns)
                {
                    continue;
                }

                if (entry.From is { } from)
                {
                    dates.Add(from);
                }

                if (entry.To is { } to && to < DateBounds.Latest)
                {
                    dates.Add(to.AddDays(1));
                }
            }
        }

        return dates.Where(d => d > arrival && d >= c.Today && d <= DateBounds.SourcesTo).Take(3)
            .Select(d => new Move([(FactId.TravelArrivalDate, d.ToString(Date, CultureInfo.InvariantCulture))],
                $"travel on or after {d.ToString(Date, CultureInfo.InvariantCulture)}" + (c.Case.Travel.ArrivalDate is { } given ? $" instead of {given.ToString(Date, CultureInfo.InvariantCulture)}" : string.Empty)));
    }

    private static IEnumerable<Move> BiometricsPorts(LeverContext c)
    {
        var travel = c.Case.Travel;
        var list = c.Case.Reference.BiometricsPorts;
        if (travel.PortOfEntryOffersBiometrics == true || (travel.PortOfEntry is { } port && list.Contains(port, c.Case.ArrivalDate) == Tri.Yes))
        {
            yield break;
        }

        var listed = list.Entries.FirstOrDefault(e => e.Status == ReferenceStatus.Member && e.AppliesOn(c.Case.ArrivalDate));
        if (listed is null)
        {
            yield break;
        }

        var changes = new List<(FactId, string?)> { (FactId.TravelPortOfEntry, listed.Code) };
        if (travel.PortOfEntryOffersBiometrics is not null)
        {
            changes.Add((FactId.TravelPortOfEntryOffersBiometrics, null));
        }

        yield return new Move(changes, $"arrive at a port of entry that takes biometrics, for example {listed.Code}" + (listed.Note is { } note ? $" ({note})" : string.Empty));
    }

    /// <summary>A new exam, taken from today on and before the day of entry, on the earliest date that still leaves it
    /// valid on that day (IME-05: twelve months unless the result says otherwise).</summary>
    private static IEnumerable<Move> NewExam(LeverContext c)
    {
        var arrival = c.Case.ArrivalDate;
        if (arrival < c.Today)
        {
            yield break;
        }

        var earliest = arrival.AddMonths(-12);
        var date = earliest > c.Today ? earliest.AddDays(1) : c.Today;
        var medical = c.Case.Medical;
        if (medical.ExamDate == date && medical.IndicatedExpiryDate is null)
        {
            yield break;
        }

        var changes = new List<(FactId, string?)> { (FactId.MedicalExamDate, date.ToString(Date, CultureInfo.InvariantCulture)) };
        if (medical.IndicatedExpiryDate is not null)
        {
            changes.Add((FactId.MedicalIndicatedExpiryDate, null));
        }

        var window = date == arrival
            ? $"on {date.ToString(Date, CultureInfo.InvariantCulture)}, before travelling"
            : $"between {date.ToString(Date, CultureInfo.InvariantCulture)} and {arrival.ToString(Date, CultureInfo.InvariantCulture)}, before travelling";
        yield return new Move(changes, (medical.ExamDate is null && medical.IndicatedExpiryDate is null ? "take an immigration medical exam " : "take a new immigration medical exam ") + window);
    }
}
