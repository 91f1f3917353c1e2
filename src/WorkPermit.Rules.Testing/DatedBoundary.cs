using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace WorkPermit.Rules.Testing;

/// <summary>
/// A dated rule and one of its boundaries: which date fact moves, from the last day read one way to the first day read
/// the other, and which other facts are pinned so that the date decides the rule's finding (for example INS-13 needs a
/// visitor with valid status asking for an employer-specific permit, or the submission date changes nothing).
/// </summary>
/// <remarks>
/// The boundaries are those of the catalogue's dated rules: INS-03 (study permit still valid on the submission date),
/// INS-04 (six months from submission), INS-13 and AFT-15 (both ends of the visitor policy window and AFT-15's 12-month
/// lookback), POE-EXC-05, POE-EXC-06, IME-05 (twelve months after the exam, an exam after arrival, an indicated expiry),
/// AFT-04 (midnight UTC at the end of the deadline date, moving either the upload time or the deadline), AFT-12 (42 days
/// after the decision letter, moving either the letter or the evaluation date), and the dates on which the reference
/// lists change (RD-01 for POE-01, RD-02 for POE-EXC-02, RD-03 for IME-01), taken from the reference data in force.
/// </remarks>
public sealed class DatedBoundary
{
    private readonly Func<WorkPermitProfile, Gen<(WorkPermitProfile Before, WorkPermitProfile After)>> _build;

    private DatedBoundary(string id, string ruleId, string movedFact, string description, IReadOnlyList<string> pinnedFacts,
        Func<WorkPermitProfile, Gen<(WorkPermitProfile Before, WorkPermitProfile After)>> build)
    {
        Id = id;
        RuleId = ruleId;
        MovedFact = movedFact;
        Description = description;
        PinnedFacts = pinnedFacts;
        _build = build;
    }

    /// <summary>Gets a short name, for example <c>INS-13 end</c>.</summary>
    /// <value>The name.</value>
    public string Id { get; }

    /// <summary>Gets the rule whose finding the boundary must change.</summary>
    /// <value>A rule ID.</value>
    public string RuleId { get; }

    /// <summary>Gets the fact that moves by one day (one second for an upload time), as a JSON path.</summary>
    /// <value>The path.</value>
    public string MovedFact { get; }

    /// <summary>Gets what the boundary is, in plain language.</summary>
    /// <value>The description.</value>
    public string Description { get; }

    /// <summary>Gets the other facts set so that the date decides the rule; shrinking keeps them.</summary>
    /// <value>JSON paths.</value>
    public IReadOnlyList<string> PinnedFacts { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Id} ({RuleId}, moving {MovedFact})";

    /// <summary>Makes a random profile sensitive to the boundary and returns it with the moved fact on either side.</summary>
    internal Gen<(WorkPermitProfile Before, WorkPermitProfile After)> Build(WorkPermitProfile profile) => _build(profile);

    /// <summary>Every dated boundary, with the reference-list boundaries of the generators' reference data.</summary>
    internal static IReadOnlyList<DatedBoundary> For(WorkPermitGenerators g)
    {
        var set = WorkPermitGenerators.Set;
        var employerSpecific = Gen.Elements(PermitType.EmployerSpecificLmiaRequired, PermitType.EmployerSpecificLmiaExempt);
        var list = new List<DatedBoundary>();

        DatedBoundary Make(string id, string rule, string moved, string description, string[] pins,
            Func<WorkPermitProfile, Gen<(WorkPermitProfile Base, object Before, object After)>> build) =>
            new(id, rule, moved, description, pins,
                profile => build(profile).Select(t => (ProfileFacts.With(t.Base, moved, t.Before), ProfileFacts.With(t.Base, moved, t.After))));

        list.Add(Make("INS-03 expiry on submission", "INS-03", "statusInCanada.studyPermitExpiryDate",
            "A study permit is still valid when it expires on or after the submission date (LIB-10): expiry the day before the submission, then on it.",
            ["statusInCanada.location", "statusInCanada.pgwpEligible", "statusInCanada.holdsValidStudyPermit", "application.submittedDate"],
            p => from s in g.Date
                 from held in Gen.Elements<bool?>(false, null)
                 select (set(p, ("statusInCanada.location", Location.InCanada), ("statusInCanada.pgwpEligible", true), ("statusInCanada.holdsValidStudyPermit", held), ("application.submittedDate", s)),
                     (object)s.AddDays(-1), (object)s)));

        list.Add(Make("INS-04 six months", "INS-04", "statusInCanada.trpExpiryDate",
            "A TRP valid for 6 months or more from the submission date (AMB-01): expiry the day before AddMonths(submission, 6), then on it.",
            ["statusInCanada.location", "application.submittedDate"],
            p => from s in g.Date
                 select (set(p, ("statusInCanada.location", Location.InCanada), ("application.submittedDate", s)), (object)s.AddMonths(6).AddDays(-1), (object)s.AddMonths(6))));

        foreach (var (end, day) in new[] { ("start", CatalogueDates.VisitorPolicyStart), ("end", CatalogueDates.VisitorPolicyEnd) })
        {
            list.Add(Make($"INS-13 {end}", "INS-13", "application.submittedDate",
                $"The historic visitor exception covers submissions from 2020-08-24 to 2024-08-27 (AMB-03): {day.AddDays(-1):yyyy-MM-dd}, then {day:yyyy-MM-dd}.",
                ["statusInCanada.location", "statusInCanada.status", "visitorPolicy.visitorStatusValidAtApplication", "application.permitType"],
                p => from permit in employerSpecific
                     select (set(p, ("statusInCanada.location", Location.InCanada), ("statusInCanada.status", TemporaryStatus.Visitor), ("visitorPolicy.visitorStatusValidAtApplication", true),
                         ("application.permitType", permit)), (object)day.AddDays(-1), (object)day)));

            list.Add(Make($"AFT-15 {end}", "AFT-15", "application.submittedDate",
                $"The visitor interim authorization covers submissions from 2020-08-24 to 2024-08-27 (AMB-03): {day.AddDays(-1):yyyy-MM-dd}, then {day:yyyy-MM-dd}.",
                ["statusInCanada.status", "visitorPolicy.physicallyPresentAtApplication", "visitorPolicy.visitorStatusValidAtApplication", "application.permitType",
                    "statusInCanada.previousWorkPermitExpiryDate", "visitorPolicy.leftCanadaDuringProcessing"],
                p => from permit in employerSpecific
                     from daysBefore in Gen.Choose(1, 300)
                     select (set(p, ("statusInCanada.status", TemporaryStatus.Visitor), ("visitorPolicy.physicallyPresentAtApplication", true),
                         ("visitorPolicy.visitorStatusValidAtApplication", true), ("application.permitType", permit),
                         ("statusInCanada.previousWorkPermitExpiryDate", day.AddDays(-daysBefore)), ("visitorPolicy.leftCanadaDuringProcessing", false)),
                         (object)day.AddDays(-1), (object)day)));
        }

        list.Add(Make("AFT-15 12-month lookback", "AFT-15", "statusInCanada.previousWorkPermitExpiryDate",
            "A work permit valid in the 12 months before the submission (AMB-04): previous expiry the day before AddMonths(submission, -12), then on it.",
            ["statusInCanada.status", "visitorPolicy.physicallyPresentAtApplication", "visitorPolicy.visitorStatusValidAtApplication", "application.permitType",
                "application.submittedDate", "visitorPolicy.leftCanadaDuringProcessing"],
            p => from permit in employerSpecific
                 from s in Gen.Frequency(
                     (3, Gen.Choose(CatalogueDates.VisitorPolicyStart.DayNumber, CatalogueDates.VisitorPolicyEnd.DayNumber - 1).Select(DateOnly.FromDayNumber)),
                     (1, Gen.Elements(CatalogueDates.VisitorPolicyStart, CatalogueDates.VisitorPolicyEnd.AddDays(-1), new DateOnly(2024, 2, 29), new DateOnly(2021, 2, 28))))
                 select (set(p, ("statusInCanada.status", TemporaryStatus.Visitor), ("visitorPolicy.physicallyPresentAtApplication", true),
                     ("visitorPolicy.visitorStatusValidAtApplication", true), ("application.permitType", permit), ("application.submittedDate", s),
                     ("visitorPolicy.leftCanadaDuringProcessing", false)),
                     (object)s.AddMonths(-12).AddDays(-1), (object)s.AddMonths(-12))));

        list.Add(Make("POE-EXC-05", "POE-EXC-05", "travel.arrivalDate",
            "No PGWP at a port of entry from 2024-06-21: arrival on 2024-06-20, then 2024-06-21.",
            ["application.channel", "application.program"],
            p => Gen.Constant((set(p, ("application.channel", ApplicationChannel.PortOfEntry), ("application.program", WorkPermitProgram.Pgwp)),
                (object)CatalogueDates.PgwpAtPortOfEntryEnded.AddDays(-1), (object)CatalogueDates.PgwpAtPortOfEntryEnded))));

        var notUs = g.Citizenship.Where(c => !c.Citizenships.Contains("US"));
        list.Add(Make("POE-EXC-06", "POE-EXC-06", "travel.arrivalDate",
            "Flagpoling bars arrivals from 2024-12-24 (flagpoling ended 2024-12-23 at 11:59 pm ET, LIB-03): arrival on 2024-12-23, then 2024-12-24.",
            ["application.channel", "statusInCanada.location", "travel.tripType", "travel.tripPurposeImmigrationServicesOnReturn", "travel.flagpoleExemption",
                "person.citizenships", "person.passportCountry", "person.usLawfulPermanentResident"],
            p => from trip in Gen.Elements(TripType.ReturningFromUs, TripType.ReturningFromSpm)
                 from citizenship in notUs
                 select (set(p, ("application.channel", ApplicationChannel.PortOfEntry), ("statusInCanada.location", Location.InCanada), ("travel.tripType", trip),
                     ("travel.tripPurposeImmigrationServicesOnReturn", true), ("travel.flagpoleExemption", FlagpoleExemption.None),
                     ("person.citizenships", citizenship.Citizenships), ("person.passportCountry", citizenship.Passport), ("person.usLawfulPermanentResident", false)),
                     (object)CatalogueDates.FlagpolingEnded.AddDays(-1), (object)CatalogueDates.FlagpolingEnded)));

        AddListBoundaries(g, list, Make);
        AddMedicalAndDeadlineBoundaries(g, list, Make);
        return list;
    }

    private static void AddListBoundaries(WorkPermitGenerators g, List<DatedBoundary> list,
        Func<string, string, string, string, string[], Func<WorkPermitProfile, Gen<(WorkPermitProfile Base, object Before, object After)>>, DatedBoundary> make)
    {
        var set = WorkPermitGenerators.Set;
        var reference = g.ReferenceData;

        // RD-02 (POE-EXC-02): a citizen of a country that joins or leaves the conditional-eTA list on that date.
        var rd02 = reference.Lists["RD-02"];
        foreach (var day in ChangeDays(rd02))
        {
            var changing = Changing(rd02, day);
            var steady = g.VisaExemptCountries.Concat(g.OtherCountries).Concat(g.DesignatedCountries)
                .Where(c => c != "US" && rd02.Contains(c, day.AddDays(-1)) == Tri.No && rd02.Contains(c, day) == Tri.No).Distinct().ToArray();
            if (changing.Length == 0 || steady.Length == 0)
            {
                continue;
            }

            list.Add(make($"POE-EXC-02 RD-02 {day:yyyy-MM-dd}", "POE-EXC-02", "travel.arrivalDate",
                $"RD-02 changes on {day:yyyy-MM-dd} ({string.Join(", ", changing)}): a citizen of one, arriving the day before, then that day.",
                ["application.channel", "person.citizenships", "person.passportCountry", "person.usLawfulPermanentResident"],
                // The traveller uses the listed passport and holds no US status (AMB-05, revised: only then does the
                // list's change decide the exclusion).
                p => from listed in Gen.Elements(changing)
                     from other in Gen.Frequency((2, Gen.Constant<string?>(null)), (1, Gen.Elements(steady).Select(s => (string?)s)))
                     let citizenships = other is null ? new[] { listed } : [listed, other]
                     select (set(p, ("application.channel", ApplicationChannel.PortOfEntry), ("person.citizenships", citizenships), ("person.passportCountry", listed),
                         ("person.usLawfulPermanentResident", false)),
                         (object)day.AddDays(-1), (object)day)));
        }

        // RD-01 (POE-01): a passport of a country that joins or leaves the visa-exempt list, travelling by land or sea
        // (so that the conditional eTA, for air travel only, cannot stand in).
        var rd01 = reference.Lists["RD-01"];
        foreach (var day in ChangeDays(rd01))
        {
            var changing = Changing(rd01, day);
            if (changing.Length == 0)
            {
                continue;
            }

            list.Add(make($"POE-01 RD-01 {day:yyyy-MM-dd}", "POE-01", "travel.arrivalDate",
                $"RD-01 changes on {day:yyyy-MM-dd} ({string.Join(", ", changing)}): a passport of one, not a US permanent resident, arriving by land or sea the day before, then that day.",
                ["application.channel", "person.citizenships", "person.passportCountry", "person.usLawfulPermanentResident", "travel.mode"],
                p => from passport in Gen.Elements(changing)
                     from mode in Gen.Elements(TravelMode.Land, TravelMode.Sea)
                     select (set(p, ("application.channel", ApplicationChannel.PortOfEntry), ("person.citizenships", new[] { passport }), ("person.passportCountry", passport),
                         ("person.usLawfulPermanentResident", false), ("travel.mode", mode)), (object)day.AddDays(-1), (object)day)));
        }

        // RD-03 (IME-01): about ten months in a country whose designation changes on that date, a stay of more than six
        // months, the months derived from the residence history (read as of the arrival date, LIB-09).
        var rd03 = reference.Lists["RD-03"];
        foreach (var day in ChangeDays(rd03))
        {
            var changing = Changing(rd03, day);
            if (changing.Length == 0)
            {
                continue;
            }

            list.Add(make($"IME-01 RD-03 {day:yyyy-MM-dd}", "IME-01", "travel.arrivalDate",
                $"RD-03 changes on {day:yyyy-MM-dd} ({string.Join(", ", changing)}): ten months there before arriving, a stay of more than six months, arriving the day before, then that day.",
                ["medical.intendedStayMonths", "medical.designatedCountryMonthsPastYear", "medical.residenceHistory"],
                p => from country in Gen.Elements(changing)
                     from stay in Gen.Elements(7m, 12m, 24m)
                     select (set(p, ("medical.intendedStayMonths", stay), ("medical.designatedCountryMonthsPastYear", null),
                         ("medical.residenceHistory", new[] { new ResidencePeriod { Country = country, From = day.AddMonths(-10), To = day.AddDays(-2) } })),
                         (object)day.AddDays(-1), (object)day)));
        }
    }

    private static void AddMedicalAndDeadlineBoundaries(WorkPermitGenerators g, List<DatedBoundary> list,
        Func<string, string, string, string, string[], Func<WorkPermitProfile, Gen<(WorkPermitProfile Base, object Before, object After)>>, DatedBoundary> make)
    {
        var set = WorkPermitGenerators.Set;

        list.Add(make("IME-05 twelve months after the exam", "IME-05", "travel.arrivalDate",
            "An exam with no indicated expiry is valid on entry up to AddMonths(exam, 12) inclusive (AMB-07): arrival on that day, then the day after.",
            ["medical.examDate", "medical.indicatedExpiryDate"],
            p => from exam in g.Date
                 select (set(p, ("medical.examDate", exam), ("medical.indicatedExpiryDate", null)),
                     (object)CatalogueDates.TwelveMonthsAfterExam(exam).LastDayBefore, (object)CatalogueDates.TwelveMonthsAfterExam(exam).FirstDayAfter)));

        list.Add(make("IME-05 exam after arrival", "IME-05", "medical.examDate",
            "An exam taken after the arrival date is not valid on entry (LIB-20): exam on the arrival date, then the day after.",
            ["travel.arrivalDate", "medical.indicatedExpiryDate"],
            p => from arrival in g.Date
                 select (set(p, ("travel.arrivalDate", arrival), ("medical.indicatedExpiryDate", null)), (object)arrival, (object)arrival.AddDays(1))));

        list.Add(make("IME-05 indicated expiry", "IME-05", "medical.indicatedExpiryDate",
            "An indicated expiry overrides the 12 months, inclusive: expiry the day before the arrival, then on it.",
            ["travel.arrivalDate", "medical.examDate"],
            p => from arrival in g.Date
                 from daysBefore in Gen.Choose(0, 400)
                 select (set(p, ("travel.arrivalDate", arrival), ("medical.examDate", arrival.AddDays(-daysBefore))), (object)arrival.AddDays(-1), (object)arrival)));

        var offsets = Gen.Elements(TimeSpan.FromHours(-8), TimeSpan.FromHours(-5), TimeSpan.Zero, new TimeSpan(5, 30, 0), TimeSpan.FromHours(10));
        list.Add(make("AFT-04 midnight UTC", "AFT-04", "application.documentSubmittedAt",
            "Documents are on time before midnight UTC at the end of the deadline date (AMB-13): uploaded one second before, then at that instant, in a local time zone.",
            ["application.documentRequestDeadline"],
            p => from deadline in g.Date
                 from offset in offsets
                 let midnight = CatalogueDates.MidnightUtcAfter(deadline)
                 select (set(p, ("application.documentRequestDeadline", deadline)), (object)midnight.AddSeconds(-1).ToOffset(offset), (object)midnight.ToOffset(offset))));

        list.Add(make("AFT-04 deadline date", "AFT-04", "application.documentRequestDeadline",
            "The same upload is late for a deadline the day before its UTC date and on time for a deadline on its UTC date.",
            ["application.documentSubmittedAt"],
            p => from day in g.Date
                 from seconds in Gen.Frequency((2, Gen.Elements(0, 86399)), (1, Gen.Choose(0, 86399)))
                 from offset in offsets
                 let uploaded = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddSeconds(seconds).ToOffset(offset)
                 select (set(p, ("application.documentSubmittedAt", uploaded)), (object)day.AddDays(-1), (object)day)));

        list.Add(make("AFT-12 decision letter", "AFT-12", "application.decisionLetterDate",
            "The mailed permit is late after 42 days (day 42 is still within): letter 43 days before the evaluation date, then 42.",
            ["evaluationDate", "application.form", "application.permitReceivedByMail"],
            p => from evaluation in g.Date
                 select (set(p, ("evaluationDate", evaluation), ("application.form", ApplicationForm.Imm5710), ("application.permitReceivedByMail", false)),
                     (object)evaluation.AddDays(-CatalogueDates.MailedPermitDays - 1), (object)evaluation.AddDays(-CatalogueDates.MailedPermitDays))));

        list.Add(make("AFT-12 evaluation date", "AFT-12", "evaluationDate",
            "The mailed permit is late after 42 days: evaluated 42 days after the letter, then 43 (missing event dates follow the evaluation date).",
            ["application.decisionLetterDate", "application.form", "application.permitReceivedByMail"],
            p => from letter in g.Date
                 select (set(p, ("application.decisionLetterDate", letter), ("application.form", ApplicationForm.Imm5710), ("application.permitReceivedByMail", false)),
                     (object)CatalogueDates.FortyTwoDaysAfterLetter(letter).LastDayBefore, (object)CatalogueDates.FortyTwoDaysAfterLetter(letter).FirstDayAfter)));
    }

    /// <summary>The first days on which a list's entries start or stop applying.</summary>
    private static IEnumerable<DateOnly> ChangeDays(ReferenceList list) =>
        list.Entries.Concat(list.NotListed)
            .SelectMany(e => new[] { e.From, e.To?.AddDays(1) })
            .OfType<DateOnly>()
            .Distinct()
            .Order();

    /// <summary>The codes whose membership is settled on both days and differs between the day before and the day itself.</summary>
    private static string[] Changing(ReferenceList list, DateOnly day) =>
        list.Entries.Concat(list.NotListed)
            .Select(e => e.Code)
            .Distinct(StringComparer.Ordinal)
            .Where(code =>
            {
                var before = list.Contains(code, day.AddDays(-1));
                var after = list.Contains(code, day);
                return before != Tri.Unknown && after != Tri.Unknown && before != after;
            })
            .Order(StringComparer.Ordinal)
            .ToArray();
}

/// <summary>Two profiles that differ only in a dated rule's moved fact: on the last day of one reading and on the first
/// day of the other.</summary>
/// <param name="Boundary">The dated rule and its boundary.</param>
/// <param name="Before">The profile with the earlier date.</param>
/// <param name="After">The profile with the later date.</param>
public sealed record BoundaryCase(DatedBoundary Boundary, WorkPermitProfile Before, WorkPermitProfile After)
{
    /// <summary>Names the boundary and gives both profiles as JSON, so that FsCheck's report of a shrunk case can be saved.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Boundary}{Environment.NewLine}before: {ProfileJson.Write(Before)}{Environment.NewLine}after:  {ProfileJson.Write(After)}");
}
