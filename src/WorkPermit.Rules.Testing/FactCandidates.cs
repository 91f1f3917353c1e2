namespace WorkPermit.Rules.Testing;

/// <summary>
/// The answers worth trying for an unknown fact, and which answers the profile already rules out (LIB-25). Every
/// value of a boolean or an enumeration; for dates, the days on either side of every threshold a rule compares them
/// with (the as-of dates, six months after and twelve months before the submission, twelve months before the arrival,
/// 42 and 43 days before the evaluation, the UTC date of an upload) and far away; for an upload time, either side of
/// midnight UTC after the deadline, in several offsets; countries from every reference list; ports on and off RD-04;
/// residence histories in designated, not designated and unsettled countries; numbers either side of six.
/// </summary>
internal static class FactCandidates
{
    private static readonly string[] Countries = ["US", "FR", "IN", "PH", "MX", "BR", "GB-BOC", "AE", "AU", "UY", "LV", "CN", "AR"];
    private static readonly string[][] CountrySets = [["US"], ["FR"], ["IN"], ["PH"], ["MX"], ["BR"], ["CN"], ["FR", "US"], ["BR", "FR"], ["IN", "AU"], ["MX", "US"]];
    private static readonly decimal[] Numbers = [0m, 3m, 5.9m, 6m, 6.5m, 12m, 24m];
    private static readonly string[] Ports = ["YVR", "YUL", "SMALL-LAND-POE"];
    private static readonly (string Country, int Months)[] Histories = [("IN", 7), ("IN", 3), ("FR", 9), ("UY", 8), ("LV", 8), ("AU", 8), ("AR", 8)];

    /// <summary>Facts another fact already settles when they are left out (LIB-25): no TRP for a known status other than
    /// trp_holder, 12 months' validity for a known exam date, the months derived from a residence history, biometrics at
    /// a port the list settles. Answering them can contradict the profile, so they are not probed (and not asked). The
    /// months are implied only when the history settles them (not when its countries are ones RD-03 leaves unsettled, LIB-08).</summary>
    public static bool IsImplied(WorkPermitProfile profile, string path, WorkPermitReport report, ReferenceDataSet reference) => path switch
    {
        "statusInCanada.trpExpiryDate" => profile.StatusInCanada?.Status is { } status && status != TemporaryStatus.TrpHolder,
        "medical.indicatedExpiryDate" => profile.Medical?.ExamDate is not null,
        // Without an expiry date, holdsValidStudyPermit: false already says the permit is not valid on the application
        // date (INS-03); an expiry date on or after it would contradict that answer.
        "statusInCanada.studyPermitExpiryDate" => profile.StatusInCanada?.HoldsValidStudyPermit == false,
        // An approval note comes with an approval: a pending or refused decision already says none has come (AFT-11).
        "application.approvalNoteReceived" => profile.Application?.Decision is Decision.Pending or Decision.Refused,
        // Someone applying online from outside Canada is taken to be outside Canada unless the profile says otherwise (AFT-13).
        "statusInCanada.location" => profile.Application?.Channel == ApplicationChannel.OutsideCanadaOnline,
        // The months are derived from a residence history, unless its countries are ones RD-03 does not settle: then the
        // months fact is the only answer that can (LIB-08), and IME-01 names it as missing.
        "medical.designatedCountryMonthsPastYear" => profile.Medical?.ResidenceHistory is { Count: > 0 }
            && !(report.Findings.FirstOrDefault(f => f.RuleId == "IME-01")?.Missing.Contains(path, StringComparer.Ordinal) ?? false),
        "travel.portOfEntryOffersBiometrics" => profile.Travel?.PortOfEntry is { } port
            && reference.Lists["RD-04"].Contains(port, report.AsOf.Arrival) != Tri.Unknown,
        _ => false,
    };

    /// <summary>Whether an answer contradicts facts already given: a passport that is not one of the citizenships, or
    /// citizenships without the passport's country (AMB-20, LIB-05, LIB-06).</summary>
    public static bool Contradicts(WorkPermitProfile profile, string path, object? value) => path switch
    {
        "person.passportCountry" => profile.Person?.Citizenships is { } citizenships && !citizenships.Contains((string)value!, StringComparer.Ordinal),
        "person.citizenships" => profile.Person?.PassportCountry is { } passport && !((IEnumerable<string>)value!).Contains(passport, StringComparer.Ordinal),
        _ => false,
    };

    /// <summary>For a fact that falls back to another when left out (the event dates and the evaluation date), the value
    /// it takes: answering with it changes nothing.</summary>
    public static object? Default(string path, WorkPermitReport report) => path switch
    {
        "evaluationDate" => report.AsOf.Evaluation,
        "travel.arrivalDate" => report.AsOf.Arrival,
        "application.submittedDate" => report.AsOf.Submission,
        _ => null,
    };

    public static IEnumerable<object> For(FactDescriptor fact, WorkPermitProfile profile, WorkPermitReport report)
    {
        if (fact.Path == "person.citizenships" && profile.Person?.PassportCountry is { } passport)
        {
            foreach (var other in (string?[])[null, "US", "MX", "PH", "BR", "FR", "IN"])
            {
                yield return other is null || other == passport ? new[] { passport } : [passport, other];
            }

            yield break;
        }

        if (fact.Path == "person.passportCountry" && profile.Person?.Citizenships is { } held)
        {
            foreach (var country in held.Distinct(StringComparer.Ordinal))
            {
                yield return country;
            }

            yield break;
        }

        switch (fact.Kind)
        {
            case FactKind.Boolean:
                yield return true;
                yield return false;
                break;
            case FactKind.Enumeration:
                foreach (var value in Enum.GetValues(fact.EnumType!))
                {
                    yield return value;
                }

                break;
            case FactKind.Date:
                foreach (var date in Dates(profile, report))
                {
                    yield return date;
                }

                break;
            case FactKind.DateTime:
                foreach (var instant in Instants(profile, report))
                {
                    yield return instant;
                }

                break;
            case FactKind.Country:
                foreach (var country in Countries)
                {
                    yield return country;
                }

                break;
            case FactKind.Countries:
                foreach (var set in CountrySets)
                {
                    yield return set;
                }

                break;
            case FactKind.Count:
                yield return 0;
                yield return 3;
                break;
            case FactKind.Number:
                foreach (var number in Numbers)
                {
                    yield return number;
                }

                break;
            case FactKind.Text:
                foreach (var port in Ports)
                {
                    yield return port;
                }

                break;
            case FactKind.Periods:
                var arrival = report.AsOf.Arrival;
                foreach (var (country, months) in Histories)
                {
                    yield return new[] { new ResidencePeriod { Country = country, From = arrival.AddMonths(-months), To = arrival.AddDays(-1) } };
                }

                break;
        }
    }

    private static SortedSet<DateOnly> Dates(WorkPermitProfile profile, WorkPermitReport report)
    {
        var dates = new SortedSet<DateOnly>();
        void Around(DateOnly anchor, params int[] days)
        {
            foreach (var d in days)
            {
                dates.Add(anchor.AddDays(d));
            }
        }

        foreach (var asOf in new[] { report.AsOf.Evaluation, report.AsOf.Arrival, report.AsOf.Submission })
        {
            Around(asOf, -400, -43, -42, -1, 0, 1, 400);
            Around(asOf.AddMonths(-12), -1, 0);
            Around(asOf.AddMonths(6), -1, 0);
            Around(asOf.AddMonths(12), -1, 0);
        }

        if (profile.Application?.DocumentSubmittedAt is { } uploaded)
        {
            Around(DateOnly.FromDateTime(uploaded.UtcDateTime), -1, 0, 1);
        }

        if (profile.Medical?.ExamDate is { } exam)
        {
            Around(exam, -1, 0, 1);
        }

        return dates;
    }

    private static IEnumerable<DateTimeOffset> Instants(WorkPermitProfile profile, WorkPermitReport report)
    {
        var deadlines = new List<DateOnly> { report.AsOf.Evaluation, report.AsOf.Submission };
        if (profile.Application?.DocumentRequestDeadline is { } deadline)
        {
            deadlines.Insert(0, deadline);
        }

        var seven = TimeSpan.FromHours(-7);
        foreach (var day in deadlines.Distinct())
        {
            var midnight = CatalogueDates.MidnightUtcAfter(day);
            yield return midnight.AddSeconds(-1);
            yield return midnight;
            yield return midnight.AddSeconds(-1).ToOffset(seven);
            yield return midnight.AddMinutes(30).ToOffset(seven);
        }
    }
}
