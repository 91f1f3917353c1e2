using System.Globalization;
using System.Text.Json.Nodes;

namespace WorkPermit.Rules.Tests.Support;

/// <summary>Tries values for the facts of a profile and reads the report's three-valued outcomes.</summary>
public static class ProfileProbe
{
    /// <summary>Facts that are never unknown: a missing event date falls back to the evaluation date, and that to today.</summary>
    public static readonly HashSet<string> Defaulted = ["evaluationDate", "travel.arrivalDate", "application.submittedDate", "application.superVisa"];

    /// <summary>The officer's judgments, never asked.</summary>
    public static readonly HashSet<string> OfficerJudgments = ["officer.satisfiedDepartureIntent", "person.securityConcern"];

    private static readonly string[] Countries = ["US", "FR", "IN", "PH", "MX", "BR", "GB-BOC", "AE", "AU", "UY", "LV"];

    /// <summary>Every outcome of the report that is three-valued, by report path ("unknown", "yes", "no", or absent).</summary>
    /// <summary>The prefix of the document and action findings among <see cref="Outcomes"/>.</summary>
    public const string FindingPrefix = "findings.";

    public static Dictionary<string, string> Outcomes(JsonNode report)
    {
        var outcomes = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string path)
        {
            JsonNode? node = report;
            foreach (var part in path.Split('.'))
            {
                node = node?[part];
            }

            outcomes[path] = node?.GetValue<string>() ?? "(absent)";
        }

        foreach (var path in (string[])["summary.outcome", "general.outcome", "outsideCanada.outcome", "insideCanada.outcome", "portOfEntry.outcome",
                     "biometricsAtPortOfEntry.outcome", "medicalExam.required", "medicalExam.validOnEntry",
                     "employer.complianceFeeRequired", "employer.caqMayBeNeeded", "employer.newPermitRequired", "employer.mayWorkOnlyForNamedEmployer",
                     "interimAuthorization.outcome", "afterApplying.returnedUnprocessed", "afterApplying.canWorkNow",
                     "afterApplying.mustLeaveCanadaToActivate", "afterApplying.documentSubmissionOnTime"])
        {
            Add(path);
        }

        if (report["portOfEntry"] is JsonObject port)
        {
            foreach (var requirement in port["requirements"]!.AsObject())
            {
                outcomes[$"portOfEntry.requirements.{requirement.Key}"] = requirement.Value!.GetValue<string>();
            }

            var eta = port["etaEligibility"]!.GetValue<string>();
            outcomes["portOfEntry.etaEligibility"] = eta == "unknown" ? "unknown" : eta;
        }

        // The findings behind documents and actions, and leaving Canada on maintained status (AFT-14): their questions
        // are asked too, so an answer that settles one counts as settling something.
        foreach (var finding in report["findings"]!.AsArray())
        {
            var id = finding!["ruleId"]!.GetValue<string>();
            if (finding["kind"]!.GetValue<string>() == "document" || id is "AFT-10" or "AFT-12" or "AFT-14")
            {
                outcomes[FindingPrefix + id] = finding["outcome"]!.GetValue<string>();
            }
        }

        return outcomes;
    }

    /// <summary>Returns a copy of the profile with the fact at <paramref name="path"/> set to <paramref name="value"/>.</summary>
    public static JsonObject With(JsonObject profile, string path, JsonNode? value)
    {
        var copy = profile.DeepClone().AsObject();
        var parts = path.Split('.');
        if (parts.Length == 1)
        {
            copy[parts[0]] = value;
            return copy;
        }

        if (copy[parts[0]] is not JsonObject group)
        {
            group = new JsonObject();
            copy[parts[0]] = group;
        }

        group[parts[1]] = value;
        return copy;
    }

    public static bool IsKnown(JsonObject profile, string path) => Get(profile, path) is not null;

    /// <summary>
    /// Facts that another fact already settles, so that any other answer would contradict the profile (the explicit
    /// answer then wins, by design): no temporary resident permit when a status other than trp_holder is known
    /// (INS-04); 12 months' validity when an exam date is known and no expiry is indicated (IME-05); months derived
    /// from a residence history; biometrics at a port the list already covers (BIO-03); a passport issued by one of the
    /// known citizenships (AMB-20). The probe does not try contradicting answers.
    /// </summary>
    public static bool IsImplied(JsonObject profile, string path) => path switch
    {
        "statusInCanada.trpExpiryDate" => Get(profile, "statusInCanada.status")?.GetValue<string>() is { } status && status != "trp_holder",
        "medical.indicatedExpiryDate" => IsKnown(profile, "medical.examDate"),
        "statusInCanada.studyPermitExpiryDate" => Get(profile, "statusInCanada.holdsValidStudyPermit")?.GetValue<bool>() == false,
        "application.approvalNoteReceived" => Get(profile, "application.decision")?.GetValue<string>() is "pending" or "refused",
        "statusInCanada.location" => Get(profile, "application.channel")?.GetValue<string>() == "outside_canada_online",
        "medical.designatedCountryMonthsPastYear" => IsKnown(profile, "medical.residenceHistory"),
        "travel.portOfEntryOffersBiometrics" => Get(profile, "travel.portOfEntry")?.GetValue<string>() is { } port
            && ReferenceDataSet.Default.Lists["RD-04"].Contains(port, new DateOnly(2025, 1, 1)) != Tri.Unknown,
        _ => false,
    };

    /// <summary>Whether a candidate contradicts facts already given.</summary>
    public static bool Contradicts(JsonObject profile, string path, JsonNode? value) => path switch
    {
        "person.passportCountry" => Get(profile, "person.citizenships") is JsonArray citizenships
            && !citizenships.Any(c => c!.GetValue<string>() == value!.GetValue<string>()),
        "person.citizenships" => Get(profile, "person.passportCountry")?.GetValue<string>() is { } passport
            && !value!.AsArray().Any(c => c!.GetValue<string>() == passport),
        _ => false,
    };

    private static JsonNode? Get(JsonObject profile, string path)
    {
        JsonNode? node = profile;
        foreach (var part in path.Split('.'))
        {
            node = node?[part];
        }

        return node;
    }

    /// <summary>Values worth trying for a fact: every value of an enumeration or boolean; for dates, the catalogue's
    /// boundaries and dates around the profile's as-of dates; a range of numbers, countries, ports and histories.</summary>
    public static IEnumerable<JsonNode?> Candidates(FactDescriptor fact, WorkPermitReport report, JsonObject profile)
    {
        if (fact.Path == "person.citizenships" && Get(profile, "person.passportCountry")?.GetValue<string>() is { } passport)
        {
            foreach (var other in (string?[])[null, "US", "MX", "PH", "FR", "IN"])
            {
                yield return new JsonArray(new[] { passport, other }.Where(c => c is not null && (c != passport || other is null || true)).Distinct().Select(c => (JsonNode)JsonValue.Create(c)!).ToArray());
            }

            yield break;
        }

        if (fact.Path == "person.passportCountry" && Get(profile, "person.citizenships") is JsonArray held)
        {
            foreach (var country in held)
            {
                yield return JsonValue.Create(country!.GetValue<string>());
            }

            yield break;
        }

        switch (fact.Kind)
        {
            case FactKind.Boolean:
                yield return JsonValue.Create(true);
                yield return JsonValue.Create(false);
                break;
            case FactKind.Enumeration:
                foreach (var answer in fact.AllowedAnswers)
                {
                    yield return JsonValue.Create(answer);
                }

                break;
            case FactKind.Date:
                foreach (var date in Dates(report))
                {
                    yield return JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }

                break;
            case FactKind.DateTime:
                foreach (var date in new[] { report.AsOf.Evaluation, report.AsOf.Submission, new DateOnly(2025, 6, 15) })
                {
                    yield return JsonValue.Create($"{date:yyyy-MM-dd}T23:59:59Z");
                    yield return JsonValue.Create($"{date.AddDays(1):yyyy-MM-dd}T00:00:00Z");
                    yield return JsonValue.Create($"{date:yyyy-MM-dd}T17:30:00-07:00");
                }

                break;
            case FactKind.Country:
                foreach (var country in Countries)
                {
                    yield return JsonValue.Create(country);
                }

                break;
            case FactKind.Countries:
                foreach (var set in new[] { new[] { "US" }, ["FR"], ["IN"], ["PH"], ["MX"], ["BR"], ["FR", "US"], ["BR", "FR"], ["IN", "AU"] })
                {
                    yield return new JsonArray(set.Select(c => (JsonNode)JsonValue.Create(c)).ToArray());
                }

                break;
            case FactKind.Count:
                yield return JsonValue.Create(0);
                yield return JsonValue.Create(3);
                break;
            case FactKind.Number:
                foreach (var number in new[] { 0m, 3m, 5.9m, 6m, 6.5m, 12m, 24m })
                {
                    yield return JsonValue.Create(number);
                }

                break;
            case FactKind.Text:
                foreach (var port in new[] { "YVR", "YUL", "SMALL-LAND-POE" })
                {
                    yield return JsonValue.Create(port);
                }

                break;
            case FactKind.Periods:
                var arrival = report.AsOf.Arrival;
                foreach (var (country, months) in new[] { ("IN", 7), ("IN", 3), ("FR", 9), ("UY", 8), ("LV", 8) })
                {
                    yield return new JsonArray(new JsonObject
                    {
                        ["country"] = country,
                        ["from"] = arrival.AddMonths(-months).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        ["to"] = arrival.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    });
                }

                break;
        }
    }

    private static IEnumerable<DateOnly> Dates(WorkPermitReport report)
    {
        var dates = new SortedSet<DateOnly>();
        foreach (var asOf in new[] { report.AsOf.Evaluation, report.AsOf.Arrival, report.AsOf.Submission })
        {
            foreach (var days in new[] { -400, -43, -42, -1, 0, 1 })
            {
                dates.Add(asOf.AddDays(days));
            }

            foreach (var months in new[] { -12, 6, 12 })
            {
                dates.Add(asOf.AddMonths(months));
                dates.Add(asOf.AddMonths(months).AddDays(-1));
                dates.Add(asOf.AddMonths(months).AddDays(1));
            }
        }

        foreach (var boundary in new[] { "2017-11-23", "2020-08-24", "2023-06-06", "2024-02-29", "2024-06-21", "2024-08-28", "2024-12-24", "2025-11-03" })
        {
            var date = DateOnly.Parse(boundary, CultureInfo.InvariantCulture);
            dates.Add(date.AddDays(-1));
            dates.Add(date);
        }

        return dates;
    }
}
