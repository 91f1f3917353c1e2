using FsCheck;
using FsCheck.Fluent;

namespace WorkPermit.Rules.Testing;

/// <summary>
/// FsCheck generators of work-permit profiles. Countries come from the reference lists in force (RD-01 visa-exempt,
/// RD-02 conditional eTA, RD-03 designated and not designated, plus the United States and a few visa-required
/// countries on no list), with the passport always one of the citizenships; enumeration values come from the
/// enumerations; dates cluster on every boundary the catalogue and the lists name (both days of each) and on the
/// relative ones (six months after submission, twelve months before it, twelve months after an exam, 42 days after a
/// decision letter, midnight UTC at the end of a deadline), and are also spread widely (2015 to 2030).
/// </summary>
/// <remarks>
/// <para>Profiles are coherent with their channel: an online application from outside Canada comes from someone outside
/// Canada with no status there, an online application from inside Canada from someone in Canada with a temporary status,
/// and a port-of-entry application mostly from a traveller arriving from abroad, sometimes from someone in Canada
/// returning from the United States or Saint-Pierre-et-Miquelon. Program and permit type, stage and decision, status and
/// permits held, LMIA status and permit type agree with each other most of the time, and disagree sometimes, because a
/// rule set must cope with any valid profile.</para>
/// <para>Every profile is valid (<see cref="ProfileJson.Validate"/> finds nothing). The arbitraries shrink a failing profile by
/// making whole groups unknown, then single facts, then by dropping extra citizenships and residence periods
/// (<see cref="ProfileShrinker"/>); the evaluation date is kept so that the counterexample does not depend on the clock.</para>
/// <para>Instances are immutable and thread-safe. <see cref="Default"/> reads the embedded reference data; a host that
/// overrides reference lists creates its own instance so that countries and list boundaries follow its data.</para>
/// </remarks>
public sealed class WorkPermitGenerators
{
    private static readonly string[] VisaRequiredOnNoList = ["CN", "NG", "PK", "VN", "EG", "UA", "TR", "JM", "GH", "KE"];
    private static readonly string[] PortCodesOffList = ["YUL", "YYZ", "YHZ", "YOW", "PEACE-ARCH", "LACOLLE", "RAINBOW-BRIDGE"];
    private static readonly DateOnly WideStart = new(2015, 1, 1);
    private static readonly DateOnly WideEnd = new(2030, 12, 31);
    private static readonly TimeSpan[] Offsets =
    [
        TimeSpan.FromHours(-10), TimeSpan.FromHours(-8), TimeSpan.FromHours(-7), TimeSpan.FromHours(-5), new TimeSpan(-3, -30, 0),
        TimeSpan.Zero, TimeSpan.FromHours(1), new TimeSpan(5, 30, 0), TimeSpan.FromHours(9), TimeSpan.FromHours(13),
    ];

    private readonly Lazy<IReadOnlyList<DatedBoundary>> _datedBoundaries;

    /// <summary>Initializes a new instance of the <see cref="WorkPermitGenerators"/> class over the given reference data.</summary>
    /// <param name="referenceData">The reference lists in force, for example <see cref="IWorkPermitEvaluator.ReferenceData"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="referenceData"/> is null.</exception>
    public WorkPermitGenerators(ReferenceDataSet referenceData)
    {
        ArgumentNullException.ThrowIfNull(referenceData);
        ReferenceData = referenceData;
        VisaExemptCountries = Codes(referenceData.Lists["RD-01"].Entries);
        ConditionalEtaCountries = Codes(referenceData.Lists["RD-02"].Entries);
        DesignatedCountries = Codes(referenceData.Lists["RD-03"].Entries.Concat(referenceData.Lists["RD-03"].NotListed));
        BiometricsPorts = Codes(referenceData.Lists["RD-04"].Entries);
        OtherCountries = ["US", .. VisaRequiredOnNoList];
        Boundaries = CatalogueDates.All(referenceData);

        Country = Gen.Frequency(
            (3, Gen.Elements(VisaExemptCountries.ToArray())),
            (3, Gen.Elements(ConditionalEtaCountries.ToArray())),
            (3, Gen.Elements(DesignatedCountries.ToArray())),
            (2, Gen.Constant("US")),
            (1, Gen.Constant("IN")),
            (2, Gen.Elements(VisaRequiredOnNoList)));
        Citizenship =
            from count in Gen.Frequency((7, Gen.Constant(1)), (3, Gen.Constant(2)), (1, Gen.Constant(3)))
            from countries in Country.ArrayOf(count)
            let distinct = countries.Distinct(StringComparer.Ordinal).ToArray()
            from passport in Gen.Elements(distinct)
            select new Citizenship(distinct, passport);

        WideDate = Gen.Choose(0, WideEnd.DayNumber - WideStart.DayNumber).Select(d => WideStart.AddDays(d));
        BoundaryDate =
            from boundary in Gen.Elements(Boundaries.ToArray())
            from offset in Gen.Frequency((4, Gen.Elements(-1, 0)), (1, Gen.Choose(-10, 10)))
            select boundary.FirstDayAfter.AddDays(offset);
        Date = Gen.Frequency((4, BoundaryDate), (3, WideDate), (3, Gen.Choose(-400, 400).Select(d => new DateOnly(2025, 6, 1).AddDays(d))));

        Profile = Gen.Frequency(
            (3, ForChannel(ApplicationChannel.OutsideCanadaOnline)),
            (3, ForChannel(ApplicationChannel.InsideCanadaOnline)),
            (3, ForChannel(ApplicationChannel.PortOfEntry)),
            (1, ForChannel(null)));
        CompleteProfile = Gen.OneOf(
            ForChannel(ApplicationChannel.OutsideCanadaOnline, ProfileKnowledge.Complete),
            ForChannel(ApplicationChannel.InsideCanadaOnline, ProfileKnowledge.Complete),
            ForChannel(ApplicationChannel.PortOfEntry, ProfileKnowledge.Complete));
        AnyProfile = Gen.Frequency((4, Profile), (1, CompleteProfile));
        PortOfEntryWithExclusion =
            from profile in Gen.Frequency((3, ForChannel(ApplicationChannel.PortOfEntry)), (1, ForChannel(ApplicationChannel.PortOfEntry, ProfileKnowledge.Complete)))
            from exclusion in Gen.Elements(PortOfEntryExclusions.ToArray())
            from excluded in Exclude(profile, exclusion)
            select excluded;
        _datedBoundaries = new Lazy<IReadOnlyList<DatedBoundary>>(() => DatedBoundary.For(this));
    }

    /// <summary>Gets the generators over the embedded reference data.</summary>
    /// <value>The default generators.</value>
    public static WorkPermitGenerators Default { get; } = new(ReferenceDataSet.Default);

    /// <summary>Gets the exclusions <see cref="PortOfEntryWithExclusion"/> forces: POE-EXC-01 to POE-EXC-06.</summary>
    /// <value>Rule IDs.</value>
    public static IReadOnlyList<string> PortOfEntryExclusions { get; } = ["POE-EXC-01", "POE-EXC-02", "POE-EXC-03", "POE-EXC-04", "POE-EXC-05", "POE-EXC-06"];

    /// <summary>Gets the reference data the generators draw countries and list boundaries from.</summary>
    /// <value>The reference data.</value>
    public ReferenceDataSet ReferenceData { get; }

    /// <summary>Gets the codes of RD-01 (visa-exempt), including the entries marked conditional or uncertain.</summary>
    /// <value>Country codes.</value>
    public IReadOnlyList<string> VisaExemptCountries { get; }

    /// <summary>Gets the codes of RD-02 (conditional eTA), for example Mexico and Brazil.</summary>
    /// <value>Country codes.</value>
    public IReadOnlyList<string> ConditionalEtaCountries { get; }

    /// <summary>Gets the codes RD-03 settles, designated or not designated at some date (including the 2025-11-03 changes).</summary>
    /// <value>Country codes.</value>
    public IReadOnlyList<string> DesignatedCountries { get; }

    /// <summary>Gets the United States and a few visa-required countries on none of the lists.</summary>
    /// <value>Country codes.</value>
    public IReadOnlyList<string> OtherCountries { get; }

    /// <summary>Gets the ports of entry RD-04 lists as taking biometrics.</summary>
    /// <value>Port codes.</value>
    public IReadOnlyList<string> BiometricsPorts { get; }

    /// <summary>Gets every date boundary of the catalogue and of RD-01, RD-02 and RD-03 (<see cref="CatalogueDates.All"/>).</summary>
    /// <value>The boundaries.</value>
    public IReadOnlyList<DateBoundary> Boundaries { get; }

    /// <summary>Gets the dated rules and their boundaries, with the reference-list boundaries of this data.</summary>
    /// <value>The dated boundaries.</value>
    public IReadOnlyList<DatedBoundary> DatedBoundaries => _datedBoundaries.Value;

    /// <summary>Gets a country from the reference lists or the other countries.</summary>
    /// <value>The generator.</value>
    public Gen<string> Country { get; }

    /// <summary>Gets one to three citizenships and a passport that is one of them.</summary>
    /// <value>The generator.</value>
    public Gen<Citizenship> Citizenship { get; }

    /// <summary>Gets a date spread uniformly from 2015-01-01 to 2030-12-31.</summary>
    /// <value>The generator.</value>
    public Gen<DateOnly> WideDate { get; }

    /// <summary>Gets a date on or near a named boundary: mostly one of its two days, sometimes up to ten days off.</summary>
    /// <value>The generator.</value>
    public Gen<DateOnly> BoundaryDate { get; }

    /// <summary>Gets a date: on a boundary, spread widely, or around 2025.</summary>
    /// <value>The generator.</value>
    public Gen<DateOnly> Date { get; }

    /// <summary>Gets a partial profile for any channel (sometimes with the channel unknown).</summary>
    /// <value>The generator.</value>
    public Gen<WorkPermitProfile> Profile { get; }

    /// <summary>Gets a complete profile for one of the three channels.</summary>
    /// <value>The generator.</value>
    public Gen<WorkPermitProfile> CompleteProfile { get; }

    /// <summary>Gets partial profiles (four in five) and complete ones (one in five).</summary>
    /// <value>The generator.</value>
    public Gen<WorkPermitProfile> AnyProfile { get; }

    /// <summary>Gets a port-of-entry profile made to meet one of the exclusions POE-EXC-01 to POE-EXC-06 (the rest of the
    /// profile is random, partial or complete).</summary>
    /// <value>The generator.</value>
    public Gen<WorkPermitProfile> PortOfEntryWithExclusion { get; }

    /// <summary>Gets partial profiles of online applications from outside Canada.</summary>
    /// <value>The generator.</value>
    public Gen<WorkPermitProfile> OutsideCanadaOnline => ForChannel(ApplicationChannel.OutsideCanadaOnline);

    /// <summary>Gets partial profiles of online applications from inside Canada.</summary>
    /// <value>The generator.</value>
    public Gen<WorkPermitProfile> InsideCanadaOnline => ForChannel(ApplicationChannel.InsideCanadaOnline);

    /// <summary>Gets partial profiles of applications at a port of entry.</summary>
    /// <value>The generator.</value>
    public Gen<WorkPermitProfile> PortOfEntry => ForChannel(ApplicationChannel.PortOfEntry);

    /// <summary>Gets one boundary case of every dated rule, in turn at random.</summary>
    /// <value>The generator.</value>
    public Gen<BoundaryCase> BoundaryCases => Gen.Elements(DatedBoundaries.ToArray()).SelectMany(BoundaryCase);

    /// <summary>Profiles for one channel.</summary>
    /// <param name="channel">The channel, or <see langword="null"/> for profiles that leave it unknown.</param>
    /// <param name="knowledge">How much of each profile is known.</param>
    /// <returns>The generator.</returns>
    public Gen<WorkPermitProfile> ForChannel(ApplicationChannel? channel, ProfileKnowledge knowledge = ProfileKnowledge.Partial) =>
        from context in Context(channel, knowledge)
        from person in Person(context)
        from officer in Officer(context)
        from status in Status(context)
        from family in Family(context)
        from travel in Travel(context)
        from application in Application(context)
        from job in Job(context)
        from medical in Medical(context)
        from visitor in VisitorPolicy(context)
        from evaluation in Maybe(context.Complete ? 100 : 95, Gen.Constant(context.Evaluation))
        select new WorkPermitProfile
        {
            EvaluationDate = evaluation,
            Person = person,
            Officer = officer,
            StatusInCanada = status,
            Family = family,
            Travel = travel,
            Application = application,
            Job = job,
            Medical = medical,
            VisitorPolicy = visitor,
        };

    /// <summary>A date near an anchor: mostly the day before, the day itself or the day after, sometimes within six weeks,
    /// sometimes anywhere.</summary>
    /// <param name="anchor">The anchor, for example six months after the submission date.</param>
    /// <returns>The generator.</returns>
    public Gen<DateOnly> Near(DateOnly anchor) => Gen.Frequency(
        (5, Gen.Choose(-1, 1).Select(d => anchor.AddDays(d))),
        (2, Gen.Choose(-45, 45).Select(d => anchor.AddDays(d))),
        (1, Date));

    /// <summary>An upload time near the deadline of <paramref name="deadline"/> (midnight UTC at the end of that date, AFT-04):
    /// mostly the last second before it or the instant itself, in a range of UTC offsets, so that the local date often
    /// differs from the UTC date.</summary>
    /// <param name="deadline">The deadline date.</param>
    /// <returns>The generator.</returns>
    public Gen<DateTimeOffset> AroundMidnightUtc(DateOnly deadline) =>
        from seconds in Gen.Frequency((4, Gen.Elements(-1, 0)), (2, Gen.Choose(-2 * 86400, 2 * 86400)))
        from offset in Gen.Elements(Offsets)
        select CatalogueDates.MidnightUtcAfter(deadline).AddSeconds(seconds).ToOffset(offset);

    /// <summary>Wraps a profile generator as an arbitrary that shrinks with <see cref="ProfileShrinker.Shrink(WorkPermitProfile)"/>.</summary>
    /// <param name="generator">The generator, for example <see cref="Profile"/>.</param>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<WorkPermitProfile> Arbitrary(Gen<WorkPermitProfile> generator) => Arb.From(generator, ProfileShrinker.Shrink);

    /// <summary>Wraps a boundary-case generator as an arbitrary that shrinks both profiles alike, keeping the facts the boundary pins.</summary>
    /// <param name="generator">The generator, for example <see cref="BoundaryCases"/>.</param>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<BoundaryCase> Arbitrary(Gen<BoundaryCase> generator) => Arb.From(generator, ProfileShrinker.Shrink);

    /// <summary>Gets an arbitrary of <see cref="AnyProfile"/>, shrinking by removing facts.</summary>
    /// <value>The arbitrary.</value>
    public Arbitrary<WorkPermitProfile> Profiles => Arbitrary(AnyProfile);

    /// <summary>Boundary cases of one dated rule: a random profile made sensitive to the rule (its other conditions set so
    /// that the date decides), once with the moved fact on the last day of one reading and once on the first day of the other.</summary>
    /// <param name="boundary">The dated rule.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="boundary"/> is null.</exception>
    public Gen<BoundaryCase> BoundaryCase(DatedBoundary boundary)
    {
        ArgumentNullException.ThrowIfNull(boundary);
        return from profile in Gen.Frequency((3, Profile), (1, CompleteProfile))
               from pair in boundary.Build(profile)
               select new BoundaryCase(boundary, pair.Before, pair.After);
    }

    /// <summary>Makes a port-of-entry profile meet one exclusion, keeping the rest of it.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="exclusion">POE-EXC-01 to POE-EXC-06.</param>
    /// <returns>A generator of the excluded profile.</returns>
    /// <exception cref="ArgumentException"><paramref name="exclusion"/> is not one of <see cref="PortOfEntryExclusions"/>.</exception>
    public Gen<WorkPermitProfile> Exclude(WorkPermitProfile profile, string exclusion)
    {
        ArgumentNullException.ThrowIfNull(profile);
        profile = ProfileFacts.With(profile, "application.channel", ApplicationChannel.PortOfEntry);
        var arrival = profile.Travel?.ArrivalDate ?? profile.EvaluationDate;
        switch (exclusion)
        {
            case "POE-EXC-01":
                return from country in Gen.Elements(VisaRequiredOnNoList)
                       select Set(profile, ("person.citizenships", new[] { country }), ("person.passportCountry", country), ("person.usLawfulPermanentResident", false));
            case "POE-EXC-02":
                return from date in arrival is { } a2 && ConditionalEtaOn(a2).Length > 0 ? Gen.Constant(a2) : Gen.Choose(0, 900).Select(d => CatalogueDates.MexicoConditionalEta.AddDays(d))
                       from listed in Gen.Elements(ConditionalEtaOn(date))
                       // AMB-05 (revised): the listed citizen depends on the conditional eTA, so is not a US citizen or
                       // permanent resident and travels on the listed passport or another visa-required one.
                       from other in Gen.Elements<string?>(null, "IN", "NG")
                       let citizenships = other is null ? new[] { listed } : [listed, other]
                       from passport in Gen.Elements(citizenships)
                       select Set(profile, ("travel.arrivalDate", date), ("person.citizenships", citizenships), ("person.passportCountry", passport),
                           ("person.usLawfulPermanentResident", false));
            case "POE-EXC-03":
                return from citizenship in Citizenship.Where(c => !c.Citizenships.Contains("US"))
                       select Set(profile, ("application.program", WorkPermitProgram.Iec), ("person.citizenships", citizenship.Citizenships),
                           ("person.passportCountry", citizenship.Passport), ("person.usLawfulPermanentResident", false));
            case "POE-EXC-04":
                return Gen.Constant(Set(profile, ("application.program", WorkPermitProgram.Sawp)));
            case "POE-EXC-05":
                return from date in arrival is { } a5 && a5 >= CatalogueDates.PgwpAtPortOfEntryEnded ? Gen.Constant(a5) : Gen.Choose(0, 900).Select(d => CatalogueDates.PgwpAtPortOfEntryEnded.AddDays(d))
                       select Set(profile, ("application.program", WorkPermitProgram.Pgwp), ("travel.arrivalDate", date));
            case "POE-EXC-06":
                return from date in arrival is { } a6 && a6 >= CatalogueDates.FlagpolingEnded ? Gen.Constant(a6) : Gen.Choose(0, 900).Select(d => CatalogueDates.FlagpolingEnded.AddDays(d))
                       from trip in Gen.Elements(TripType.ReturningFromUs, TripType.ReturningFromSpm)
                       from citizenship in Citizenship.Where(c => !c.Citizenships.Contains("US"))
                       select Set(profile, ("travel.arrivalDate", date), ("statusInCanada.location", Location.InCanada), ("travel.tripType", trip),
                           ("travel.tripPurposeImmigrationServicesOnReturn", true), ("travel.flagpoleExemption", FlagpoleExemption.None),
                           ("person.citizenships", citizenship.Citizenships), ("person.passportCountry", citizenship.Passport),
                           ("person.usLawfulPermanentResident", false));
            default:
                throw new ArgumentException($"'{exclusion}' is not one of {string.Join(", ", PortOfEntryExclusions)}.", nameof(exclusion));
        }
    }

    /// <summary>The countries on RD-02 on a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns>Country codes.</returns>
    internal string[] ConditionalEtaOn(DateOnly date) =>
        ConditionalEtaCountries.Where(c => ReferenceData.Lists["RD-02"].Contains(c, date) == Tri.Yes).ToArray();

    /// <summary>Sets several facts at once.</summary>
    internal static WorkPermitProfile Set(WorkPermitProfile profile, params (string Path, object? Value)[] facts)
    {
        foreach (var (path, value) in facts)
        {
            profile = ProfileFacts.With(profile, path, value);
        }

        return profile;
    }

    internal static Gen<T?> Maybe<T>(int known, Gen<T> generator)
        where T : struct => known >= 100
        ? generator.Select(v => (T?)v)
        : known <= 0
            ? Gen.Constant<T?>(null)
            : Gen.Frequency((known, generator.Select(v => (T?)v)), (100 - known, Gen.Constant<T?>(null)));

    internal static Gen<T?> MaybeRef<T>(int known, Gen<T> generator)
        where T : class => known >= 100
        ? generator.Select(v => (T?)v)
        : known <= 0
            ? Gen.Constant<T?>(null)
            : Gen.Frequency((known, generator.Select(v => (T?)v)), (100 - known, Gen.Constant<T?>(null)));

    private static Gen<bool> Bool(int truePercent) => truePercent switch
    {
        <= 0 => Gen.Constant(false),
        >= 100 => Gen.Constant(true),
        _ => Gen.Frequency((truePercent, Gen.Constant(true)), (100 - truePercent, Gen.Constant(false))),
    };

    /// <summary>The chance in percent that a fact is known: the profile's, divided for facts the situation makes less
    /// relevant, and always 100 in a complete profile.</summary>
    private static int Part(ProfileContext c, int divisor) => c.Complete ? 100 : c.Known / divisor;

    private static Gen<T> Any<T>()
        where T : struct, Enum => Gen.Elements(Enum.GetValues<T>());

    private static Gen<T> Mostly<T>(T usual, int percent)
        where T : struct, Enum => Gen.Frequency((percent, Gen.Constant(usual)), (100 - percent, Any<T>()));

    private static string[] Codes(IEnumerable<ReferenceEntry> entries) =>
        entries.Select(e => e.Code).Distinct(StringComparer.Ordinal).ToArray();

    private Gen<ProfileContext> Context(ApplicationChannel? channel, ProfileKnowledge knowledge) =>
        from known in knowledge == ProfileKnowledge.Complete ? Gen.Constant(100) : Gen.Elements(15, 35, 55, 75, 90)
        from location in channel switch
        {
            ApplicationChannel.OutsideCanadaOnline => Gen.Constant(Location.OutsideCanada),
            ApplicationChannel.InsideCanadaOnline => Gen.Constant(Location.InCanada),
            ApplicationChannel.PortOfEntry => Gen.Frequency((3, Gen.Constant(Location.OutsideCanada)), (1, Gen.Constant(Location.InCanada))),
            _ => Any<Location>(),
        }
        from status in location == Location.OutsideCanada
            ? Gen.Frequency((9, Gen.Constant(TemporaryStatus.NotInCanada)), (1, Any<TemporaryStatus>()))
            : Gen.Frequency(
                (3, Gen.Constant(TemporaryStatus.Visitor)), (3, Gen.Constant(TemporaryStatus.Worker)), (3, Gen.Constant(TemporaryStatus.Student)),
                (1, Gen.Constant(TemporaryStatus.TrpHolder)), (1, Gen.Constant(TemporaryStatus.RefugeeClaimant)), (1, Gen.Constant(TemporaryStatus.ProtectedPerson)),
                (1, Gen.Constant(TemporaryStatus.NoStatus)), (1, Gen.Constant(TemporaryStatus.Other)))
        from evaluation in Date
        from submitted in Gen.Frequency(
            (3, BoundaryDate), (3, Gen.Choose(0, 200).Select(d => evaluation.AddDays(-d))), (1, Gen.Constant(evaluation)), (1, WideDate))
        from arrival in channel switch
        {
            ApplicationChannel.PortOfEntry => Gen.Frequency((4, Gen.Constant(submitted)), (3, BoundaryDate), (1, Near(submitted))),
            ApplicationChannel.OutsideCanadaOnline => Gen.Frequency((3, Gen.Choose(14, 240).Select(d => submitted.AddDays(d))), (3, BoundaryDate), (1, Date)),
            _ => Gen.Frequency((2, Near(evaluation)), (2, BoundaryDate), (1, Date)),
        }
        from permit in Any<PermitType>()
        from program in permit == PermitType.Open
            ? Gen.Frequency(
                (8, Gen.Elements(WorkPermitProgram.Pgwp, WorkPermitProgram.SpousalOwp, WorkPermitProgram.BridgingOwp, WorkPermitProgram.PrApplicantFamilyOwp, WorkPermitProgram.RefugeeOwp,
                    WorkPermitProgram.TrpHolderOwp, WorkPermitProgram.OtherOwpCategory, WorkPermitProgram.Iec, WorkPermitProgram.None)),
                (1, Any<WorkPermitProgram>()))
            : Gen.Frequency(
                (8, Gen.Elements(WorkPermitProgram.TfwpRegular, WorkPermitProgram.Sawp, WorkPermitProgram.Iec, WorkPermitProgram.Cusma, WorkPermitProgram.OtherImp, WorkPermitProgram.None)),
                (1, Any<WorkPermitProgram>()))
        from stage in Any<ApplicationStage>()
        from decision in stage switch
        {
            ApplicationStage.Decided => Gen.Frequency((3, Gen.Constant(Decision.Approved)), (1, Gen.Constant(Decision.Refused))),
            _ => Gen.Frequency((5, Gen.Constant(Decision.Pending)), (1, Any<Decision>())),
        }
        select new ProfileContext(knowledge == ProfileKnowledge.Complete, known, channel, location, status, evaluation, submitted, arrival, permit, program, stage, decision);

    private Gen<PersonFacts?> Person(ProfileContext c) =>
        Group(c,
            from citizenship in Citizenship
            from citizenships in MaybeRef(c.Known, Gen.Constant(citizenship.Citizenships))
            from passport in MaybeRef(c.Known, Gen.Constant(citizenship.Passport))
            from lpr in Maybe(c.Known, Bool(citizenship.Citizenships.Contains("US") ? 0 : 15))
            from funds in Maybe(c.Known, Bool(85))
            from family in Maybe(c.Known, Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 5))))
            from record in Maybe(c.Known, Mostly(CriminalRecord.None, 85))
            from security in Maybe(c.Known, Mostly(ConcernStatus.None, 85))
            from health in Maybe(c.Known, Mostly(ConcernStatus.None, 85))
            select new PersonFacts
            {
                Citizenships = citizenships,
                PassportCountry = passport,
                UsLawfulPermanentResident = lpr,
                SufficientFunds = funds,
                AccompanyingFamilyCount = family,
                CriminalRecord = record,
                SecurityConcern = security,
                HealthConditionConcern = health,
            });

    private static Gen<OfficerFacts?> Officer(ProfileContext c) =>
        Group(c,
            from intent in Maybe(c.Known, Bool(80))
            from police in Maybe(c.Known, Bool(25))
            from documents in Maybe(c.Known, Mostly(OfficerDocumentsRequest.None, 60))
            from exam in Maybe(c.Known, Bool(20))
            select new OfficerFacts { SatisfiedDepartureIntent = intent, PoliceCertificateRequested = police, DocumentsRequested = documents, MedicalExamRequested = exam });

    private Gen<StatusInCanadaFacts?> Status(ProfileContext c)
    {
        var inCanada = c.Location == Location.InCanada;
        var status = c.Status;
        var known = c.Known;
        var sometimes = Part(c, inCanada ? 1 : 3);
        return Group(c,
            from location in Maybe(known, Gen.Constant(c.Location))
            from held in Maybe(known, Gen.Constant(status))
            from work in Maybe(sometimes, Bool(status == TemporaryStatus.Worker ? 85 : 10))
            from study in Maybe(sometimes, Bool(status == TemporaryStatus.Student ? 85 : 10))
            from studyExpiry in MaybeDate(status == TemporaryStatus.Student ? known : Part(c, inCanada ? 2 : 6), Near(c.Submitted))
            from trpExpiry in MaybeDate(status == TemporaryStatus.TrpHolder ? known : c.Complete ? 0 : 5, Near(c.Submitted.AddMonths(6)))
            from pgwp in Maybe(sometimes, Bool(status == TemporaryStatus.Student ? 70 : 15))
            from pr in Maybe(sometimes, Bool(20))
            from claim in Maybe(sometimes, Bool(status == TemporaryStatus.RefugeeClaimant ? 95 : 10))
            from convention in Maybe(sometimes, Bool(status == TemporaryStatus.ProtectedPerson ? 95 : 5))
            from exemption in Maybe(sometimes, Mostly(WorkPermitExemption.None, 70))
            from different in Maybe(sometimes, Bool(50))
            from cusma in Maybe(sometimes, Mostly(CusmaCategory.None, 75))
            from maintained in Maybe(sometimes, Bool(status == TemporaryStatus.Worker ? 40 : 5))
            from leaves in Maybe(sometimes, Bool(25))
            from current in Maybe(sometimes, status == TemporaryStatus.Worker
                ? Gen.Elements(CurrentPermitType.EmployerSpecificLmiaRequired, CurrentPermitType.EmployerSpecificLmiaExempt, CurrentPermitType.Open)
                : Mostly(CurrentPermitType.None, 80))
            from previous in MaybeDate(sometimes, Gen.Frequency((3, Near(c.Submitted.AddMonths(-12))), (2, Near(c.Submitted)), (1, Date)))
            select new StatusInCanadaFacts
            {
                Location = location,
                Status = held,
                HoldsValidWorkPermit = work,
                HoldsValidStudyPermit = study,
                StudyPermitExpiryDate = studyExpiry,
                TrpExpiryDate = trpExpiry,
                PgwpEligible = pgwp,
                InlandPrApplicationPending = pr,
                RefugeeClaimMade = claim,
                ConventionRefugeeOrProtectedPerson = convention,
                WorkPermitExemption = exemption,
                NeedsPermitForDifferentJob = different,
                CusmaCategory = cusma,
                OnMaintainedStatusAsWorker = maintained,
                LeavesCanadaWhilePending = leaves,
                CurrentPermitType = current,
                PreviousWorkPermitExpiryDate = previous,
            });
    }

    private static Gen<FamilyFacts?> Family(ProfileContext c) =>
        Group(c,
            from spouse in Maybe(c.Known, Bool(30))
            from parent in Maybe(c.Known, Bool(15))
            select new FamilyFacts { SpouseOrPartnerHoldsValidStudyOrWorkPermit = spouse, ParentHoldsValidStudyOrWorkPermit = parent });

    private Gen<TravelFacts?> Travel(ProfileContext c)
    {
        var known = Part(c, c.Channel == ApplicationChannel.InsideCanadaOnline ? 2 : 1);
        var inCanada = c.Location == Location.InCanada;
        var approvedOutside = c.Channel == ApplicationChannel.OutsideCanadaOnline && c.Decision == Decision.Approved;
        return Group(c,
            from mode in Maybe(known, inCanada ? Gen.Frequency((1, Gen.Constant(TravelMode.Air)), (4, Gen.Constant(TravelMode.Land))) : Any<TravelMode>())
            from arrival in Maybe(Part(c, c.Channel == ApplicationChannel.InsideCanadaOnline ? 3 : 1), Gen.Constant(c.Arrival))
            from port in MaybeRef(known, Gen.Frequency((2, Gen.Elements(BiometricsPorts.ToArray())), (1, Gen.Elements(PortCodesOffList))))
            from biometrics in Maybe(Part(c, 2), Bool(50))
            from trip in Maybe(known, inCanada
                ? Gen.Frequency((3, Gen.Constant(TripType.ReturningFromUs)), (1, Gen.Constant(TripType.ReturningFromSpm)), (1, Gen.Constant(TripType.ReturningFromOtherCountry)))
                : Mostly(TripType.ArrivingFromAbroad, 85))
            from purpose in Maybe(known, Bool(inCanada ? 60 : 5))
            from flagpole in Maybe(known, Mostly(FlagpoleExemption.None, 60))
            from visa in Maybe(known, Bool(40))
            from niv in Maybe(known, Bool(40))
            from same in Maybe(known, Bool(70))
            from letter in Maybe(known, Bool(approvedOutside ? 90 : 10))
            from reentry in Maybe(known, inCanada ? Any<ReentryFrom>() : Mostly(ReentryFrom.NotApplicable, 70))
            select new TravelFacts
            {
                Mode = mode,
                ArrivalDate = arrival,
                PortOfEntry = port,
                PortOfEntryOffersBiometrics = biometrics,
                TripType = trip,
                TripPurposeImmigrationServicesOnReturn = purpose,
                FlagpoleExemption = flagpole,
                HeldCanadianVisaPast10Years = visa,
                ValidUsNonImmigrantVisa = niv,
                StartAndFinishAtSamePoe = same,
                HasLetterOfIntroduction = letter,
                LetterActivationReentryFrom = reentry,
            });
    }

    private Gen<ApplicationFacts?> Application(ProfileContext c)
    {
        var known = c.Known;
        var usualForm = c.Channel switch
        {
            ApplicationChannel.OutsideCanadaOnline => ApplicationForm.Imm1295,
            ApplicationChannel.InsideCanadaOnline => ApplicationForm.Imm5710,
            ApplicationChannel.PortOfEntry => ApplicationForm.PoeSameDay,
            _ => (ApplicationForm?)null,
        };
        var applied = c.Stage != ApplicationStage.NotSubmitted;
        var decided = c.Decision is Decision.Approved or Decision.Refused;
        return Group(c, keep: c.Channel is not null,
            generator: from channel in c.Channel is { } given ? Gen.Constant<ApplicationChannel?>(given) : Gen.Constant<ApplicationChannel?>(null)
            from form in Maybe(known, usualForm is { } usual ? Mostly(usual, 85) : Any<ApplicationForm>())
            from submitted in Maybe(known, Gen.Constant(c.Submitted))
            from permit in Maybe(known, Gen.Constant(c.Permit))
            from program in Maybe(known, Gen.Constant(c.Program))
            from category in Maybe(known, Bool(c.Permit == PermitType.Open ? 75 : 30))
            from superVisa in Maybe(known, Bool(5))
            from stage in Maybe(known, Gen.Constant(c.Stage))
            from complete in Maybe(applied ? known : Part(c, 2), Bool(80))
            from biometricsRequired in Maybe(known, Bool(60))
            from biometricsProvided in Maybe(known, Bool(70))
            from decision in Maybe(applied ? known : Part(c, 3), Gen.Constant(c.Decision))
            from letter in MaybeDate(decided ? known : c.Complete ? 0 : 5, Gen.Frequency((3, Near(c.Evaluation.AddDays(-CatalogueDates.MailedPermitDays))), (1, Near(c.Evaluation))))
            from note in Maybe(decided ? known : Part(c, 3), Bool(c.Decision == Decision.Approved ? 70 : 5))
            from mailed in Maybe(decided ? known : Part(c, 3), Bool(50))
            from address in Maybe(known, Bool(20))
            from deadline in MaybeDate(c.Complete ? 50 : known / 2, Gen.Frequency((2, Near(c.Submitted.AddDays(30))), (1, Near(c.Evaluation)), (1, Date)))
            from uploaded in deadline is { } d
                ? Maybe(c.Complete ? 100 : known, AroundMidnightUtc(d))
                : Maybe(c.Complete ? 0 : known / 5, Date.SelectMany(AroundMidnightUtc))
            select new ApplicationFacts
            {
                Channel = channel,
                Form = form,
                SubmittedDate = submitted,
                PermitType = permit,
                Program = program,
                OpenPermitCategoryEligible = category,
                SuperVisa = superVisa,
                Stage = stage,
                DocumentsComplete = complete,
                BiometricsRequired = biometricsRequired,
                BiometricsProvided = biometricsProvided,
                Decision = decision,
                DecisionLetterDate = letter,
                ApprovalNoteReceived = note,
                PermitReceivedByMail = mailed,
                MailingAddressChangedBeforeDecision = address,
                DocumentRequestDeadline = deadline,
                DocumentSubmittedAt = uploaded,
            });
    }

    private static Gen<JobFacts?> Job(ProfileContext c)
    {
        var known = c.Known;
        var lmia = c.Permit switch
        {
            PermitType.EmployerSpecificLmiaRequired => Gen.Frequency(
                (6, Gen.Constant(LmiaStatus.PositiveIssued)), (2, Gen.Constant(LmiaStatus.Pending)), (2, Gen.Constant(LmiaStatus.RefusedOrNone)), (1, Gen.Constant(LmiaStatus.NotApplicable))),
            _ => Mostly(LmiaStatus.NotApplicable, 75),
        };
        return Group(c,
            from offer in Maybe(known, Bool(c.Permit == PermitType.Open ? 40 : 90))
            from quebec in Maybe(known, Bool(20))
            from status in Maybe(known, lmia)
            from number in Maybe(known, Bool(c.Permit == PermitType.EmployerSpecificLmiaExempt ? 75 : 40))
            from steps in Maybe(known, Bool(75))
            from fee in Maybe(known, Bool(75))
            from listed in Maybe(known, Mostly(EmployerComplianceListStatus.NotListed, 85))
            from sexual in Maybe(known, Bool(4))
            from health in Maybe(known, Bool(20))
            from change in Maybe(known, Bool(25))
            select new JobFacts
            {
                HasJobOffer = offer,
                InQuebec = quebec,
                LmiaStatus = status,
                OfferOfEmploymentNumberAvailable = number,
                EmployerCompletedRequiredSteps = steps,
                EmployerComplianceFeePaid = fee,
                EmployerNonComplianceStatus = listed,
                EmployerRegularlyOffersSexualServices = sexual,
                PublicHealthProtection = health,
                WantsToChangeEmployerOrPosition = change,
            });
    }

    private Gen<MedicalFacts?> Medical(ProfileContext c)
    {
        var known = c.Known;
        var arrival = c.Arrival;
        return Group(c,
            from stay in Maybe(known, Gen.Elements(0m, 3m, 6m, 6.5m, 7m, 12m, 24m, 36m))
            from source in c.Complete ? Gen.Elements(0, 1) : Gen.Frequency((2, Gen.Constant(0)), (2, Gen.Constant(1)), (1, Gen.Constant(2)))
            from months in source == 0 ? Maybe(known, Gen.Elements(0m, 3m, 5.9m, 6m, 6.5m, 12m)) : Gen.Constant<decimal?>(null)
            from history in source == 1 ? MaybeRef(known, ResidenceHistory(arrival)) : Gen.Constant<IReadOnlyList<ResidencePeriod>?>(null)
            from exam in MaybeDate(known, Gen.Frequency((3, Near(arrival.AddMonths(-12))), (2, Near(arrival)), (1, Date)))
            from expiry in MaybeDate(c.Complete ? 30 : known / 4, Near(arrival))
            select new MedicalFacts
            {
                IntendedStayMonths = stay,
                DesignatedCountryMonthsPastYear = months,
                ResidenceHistory = history,
                ExamDate = exam,
                IndicatedExpiryDate = expiry,
            });
    }

    /// <summary>One to three periods, back to back, ending shortly before the arrival date, often about six months in
    /// designated countries, in countries RD-03 settles either way and in countries it does not.</summary>
    private Gen<IReadOnlyList<ResidencePeriod>> ResidenceHistory(DateOnly arrival) =>
        from count in Gen.Frequency((3, Gen.Constant(1)), (2, Gen.Constant(2)), (1, Gen.Constant(3)))
        from countries in Gen.Frequency((4, Gen.Elements(DesignatedCountries.ToArray())), (1, Gen.Elements("FR", "US", "AU", "GB"))).ArrayOf(count)
        from months in Gen.Elements(2, 3, 5, 6, 7, 9, 12).ArrayOf(count)
        from days in Gen.Elements(-1, 0, 1, 0).ArrayOf(count)
        from gap in Gen.Frequency((3, Gen.Constant(1)), (1, Gen.Choose(2, 60)))
        select Periods(arrival.AddDays(-gap), countries, months, days);

    private static IReadOnlyList<ResidencePeriod> Periods(DateOnly lastDay, string[] countries, int[] months, int[] days)
    {
        var periods = new ResidencePeriod[countries.Length];
        var end = lastDay;
        for (var i = 0; i < countries.Length; i++)
        {
            var from = end.AddDays(1).AddMonths(-months[i]).AddDays(days[i]);
            from = from > end ? end : from;
            periods[countries.Length - 1 - i] = new ResidencePeriod { Country = countries[i], From = from, To = end };
            end = from.AddDays(-1);
        }

        return periods;
    }

    private static Gen<VisitorPolicyFacts?> VisitorPolicy(ProfileContext c)
    {
        var known = c.Status == TemporaryStatus.Visitor ? c.Known : c.Complete ? 100 : c.Known / 4;
        return Group(c,
            from present in Maybe(known, Bool(85))
            from valid in Maybe(known, Bool(75))
            from left in Maybe(known, Bool(20))
            from email in Maybe(known, Bool(40))
            select new VisitorPolicyFacts { PhysicallyPresentAtApplication = present, VisitorStatusValidAtApplication = valid, LeftCanadaDuringProcessing = left, AuthorizationEmailReceived = email });
    }

    private static Gen<DateOnly?> MaybeDate(int known, Gen<DateOnly> generator) => Maybe(known, generator);

    /// <summary>A group: sometimes left out as a whole in partial profiles (never when <paramref name="keep"/>, as for the
    /// application of a channel generator), and left out when none of its facts is known.</summary>
    private static Gen<T?> Group<T>(ProfileContext c, Gen<T> generator, bool keep = false)
        where T : class
    {
        var missing = c.Complete || keep ? 0 : (100 - c.Known) / 4;
        var group = generator.Select(g => IsEmpty(g) ? null : (T?)g);
        return missing == 0 ? group : Gen.Frequency((missing, Gen.Constant<T?>(null)), (100 - missing, group));
    }

    private static bool IsEmpty(object group) =>
        group.GetType().GetProperties().Where(p => p.CanWrite).All(p => p.GetValue(group) is null);

    private sealed record ProfileContext(
        bool Complete, int Known, ApplicationChannel? Channel, Location Location, TemporaryStatus Status,
        DateOnly Evaluation, DateOnly Submitted, DateOnly Arrival, PermitType Permit, WorkPermitProgram Program, ApplicationStage Stage, Decision Decision);
}
