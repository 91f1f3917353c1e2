using System.Buffers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using FsCheck.Xunit;
using WorkPermit.Rules.Json;
using WorkPermit.Rules.Testing;
using WorkPermit.Rules.Tests.Support;
using Xunit;

namespace WorkPermit.Rules.Tests;

/// <summary>
/// Compact report JSON is written by hand (ReportWriter), copying each rule's catalogue text from bytes encoded once.
/// These tests pin that the JSON is the same, byte for byte, as plain source-generated serialization of the same report,
/// whichever way it is written, for case reports, generated reports and a report with every optional part filled in.
/// </summary>
public sealed class ReportJsonTests
{
    private static readonly IWorkPermitEvaluator Evaluator = WorkPermitEvaluator.Create(timeProvider: FixedTimeProvider.On(2025, 6, 1));

    /// <summary>The contract's serializer settings without the fast finding writer: what the output must equal.</summary>
    private static readonly JsonSerializerOptions Plain = new(WorkPermitJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions PlainIndented = new(Plain) { WriteIndented = true };

    public static TheoryData<string> Cases() => [.. CaseFiles.All()];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Write_AnyCaseReport_IsTheSameAsPlainSerialization(string file)
    {
        var report = Report(file);
        var expected = JsonSerializer.Serialize(report, Plain.GetTypeInfo(typeof(WorkPermitReport)));

        Assert.Equal(expected, ReportJson.Write(report));
        Assert.Equal(expected, Encoding.UTF8.GetString(ReportJson.WriteUtf8(report)));
        var buffer = new ArrayBufferWriter<byte>();
        ReportJson.WriteUtf8(report, buffer);
        Assert.Equal(expected, Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void WriteIndented_AnyCaseReport_IsTheSameAsPlainSerialization(string file)
    {
        var report = Report(file);

        Assert.Equal(JsonSerializer.Serialize(report, PlainIndented.GetTypeInfo(typeof(WorkPermitReport))), ReportJson.Write(report, indented: true));
    }

    [Property(Arbitrary = [typeof(WorkPermitArbitraries)], MaxTest = 300)]
    public void Write_GeneratedReport_IsTheSameAsPlainSerialization(WorkPermitProfile profile)
    {
        var report = Evaluator.Evaluate(profile);

        Assert.Equal(JsonSerializer.Serialize(report, Plain.GetTypeInfo(typeof(WorkPermitReport))), ReportJson.Write(report));
    }

    [Fact]
    public void Write_ReportWithEveryPartFilledIn_IsTheSameAsPlainSerialization()
    {
        var report = Full();

        Assert.Equal(JsonSerializer.Serialize(report, Plain.GetTypeInfo(typeof(WorkPermitReport))), ReportJson.Write(report));
    }

    [Fact]
    public void Write_ReportWithNullsAndUnnamedValues_IsTheSameAsPlainSerialization()
    {
        // Only a report built in C# can hold these: null list elements and values, and enumeration values without a name.
        var full = Full();
        var report = full with
        {
            Summary = full.Summary with { Outcome = (Tri)17, Blocking = ["GEN-04", null!] },
            Findings = [full.Findings[0], null!, full.Findings[1] with { Title = null!, Citation = null!, Read = null!, Citations = [null!], Interpretations = [null!] }],
            House = [full.House[0] with { RuleId = null!, Missing = null!, Citations = null!, Interpretations = null! }],
            Advisories = [null!, .. full.Advisories],
            Documents = [null!],
            Questions = [null!],
            Suggestions = [null!, full.Suggestions[0] with { Changes = [null!, new FactChange("travel.arrivalDate", null, null)] }],
            Facts = new Dictionary<string, string> { ["person.passportCountry"] = null!, ["a \"quoted\" path"] = "x" },
            AfterApplying = full.AfterApplying with { PermitIssuance = (PermitIssuance)99 },
            Warnings = null!,
        };

        Assert.Equal(JsonSerializer.Serialize(report, Plain.GetTypeInfo(typeof(WorkPermitReport))), ReportJson.Write(report));
    }

    [Fact]
    public void Write_ReportLargerThanTheFirstBuffer_IsWrittenWhole()
    {
        // The pooled buffer starts at 128 KB and grows: a report with its findings five times over is about 350 KB.
        var report = Report(CaseFiles.All()[0]);
        var large = report with { Findings = [.. report.Findings, .. report.Findings, .. report.Findings, .. report.Findings, .. report.Findings] };
        var expected = JsonSerializer.Serialize(large, Plain.GetTypeInfo(typeof(WorkPermitReport)));

        Assert.True(expected.Length > 256 * 1024);
        Assert.Equal(expected, ReportJson.Write(large));
        Assert.Equal(expected, Encoding.UTF8.GetString(ReportJson.WriteUtf8(large)));
    }

    [Fact]
    public void Write_WritesEveryPropertyOfEveryReportType()
    {
        // A property added to a report type must be written too: every serialized property of every type reachable from
        // the report appears in the JSON of the report with every part filled in (which the test above compares with
        // plain serialization). Fill the new property in Full() when this fails.
        using var document = JsonDocument.Parse(ReportJson.Write(Full()));
        var written = new HashSet<(string Type, string Name)>();
        Collect(document.RootElement, typeof(WorkPermitReport), written);

        var expected = new HashSet<(string Type, string Name)>();
        Expected(typeof(WorkPermitReport), expected, []);

        Assert.Empty(expected.Except(written).Select(p => $"{p.Type}.{p.Name}"));
    }

    [Fact]
    public void Write_ReportReadBackFromJson_GivesTheSameJson()
    {
        var report = Report(CaseFiles.All()[0]);
        var json = ReportJson.Write(report);

        Assert.Equal(json, ReportJson.Write(ReportJson.Read(json)));
    }

    [Fact]
    public void Write_FindingWithTextOfItsOwn_WritesThatText()
    {
        var report = Report(CaseFiles.All()[0]);
        var original = report.Findings[0];
        var changed = original with
        {
            Title = "A title \"of its own\" <b>",
            Read = ["person.citizenships", "custom.path"],
            Citation = new Citation("source.txt", "Title", "Quote with \u00e9 and \"quotes\""),
            Interpretations = ["AMB-99"],
            Note = "Note",
        };
        var edited = report with { Findings = [changed, .. report.Findings.Skip(1)] };

        var json = ReportJson.Write(edited);

        Assert.Equal(JsonSerializer.Serialize(edited, Plain.GetTypeInfo(typeof(WorkPermitReport))), json);
        var first = JsonDocument.Parse(json).RootElement.GetProperty("findings")[0];
        Assert.Equal("A title \"of its own\" <b>", first.GetProperty("title").GetString());
        Assert.Equal("custom.path", first.GetProperty("read")[1].GetString());
        Assert.Equal("AMB-99", first.GetProperty("interpretations")[0].GetString());
    }

    [Fact]
    public void Write_FindingCopiedWithAnotherOutcome_WritesTheNewOutcome()
    {
        var report = Report(CaseFiles.All()[0]);
        _ = ReportJson.Write(report);
        var original = report.Findings[0];
        var changed = original with { Outcome = original.Outcome == Tri.Yes ? Tri.No : Tri.Yes, Note = "changed" };
        var edited = report with { Findings = [changed, .. report.Findings.Skip(1)] };

        var json = ReportJson.Write(edited);

        Assert.Equal(JsonSerializer.Serialize(edited, Plain.GetTypeInfo(typeof(WorkPermitReport))), json);
        Assert.Equal(ReportJson.Write(report), ReportJson.Write(report));
    }

    [Fact]
    public void Evaluate_SameProfileTwice_SharesEqualFindingsAndTheirJson()
    {
        var profile = ProfileJson.Read(CaseFiles.Load(CaseFiles.All()[0]).Profile.ToJsonString()).Profile!;

        var first = Evaluator.Evaluate(profile);
        var second = Evaluator.Evaluate(profile);

        Assert.Equal(first.Findings, second.Findings);
        Assert.Equal(ReportJson.Write(first), ReportJson.Write(second));
    }

    [Fact]
    public void FindingPaths_CannotBeChangedThroughTheReport()
    {
        var report = Report(CaseFiles.All()[0]);
        var read = report.Findings.First(f => f.Read.Count > 0).Read;

        Assert.IsNotType<string[]>(read);
        Assert.False(read is IList<string> { IsReadOnly: false });
    }

    /// <summary>A real report with every optional part filled in: each nullable value set, a house finding with its own
    /// text and a note, a suggestion, a warning.</summary>
    private static WorkPermitReport Full()
    {
        var profile = ProfileJson.Read(CaseFiles.Load(CaseFiles.All()[0]).Profile.ToJsonString()).Profile!;
        var report = Evaluator.Evaluate(profile);
        var citation = new Citation("source.txt", "Source title", "A quote with \"quotes\", an \u00e9 and a <tag>.");
        var house = report.Findings[0] with { RuleId = "HOUSE-01", Title = "A house rule", Note = "A note.", Citations = [citation], Citation = citation, Interpretations = ["AMB-01"] };
        return report with
        {
            Summary = report.Summary with { Channel = ApplicationChannel.PortOfEntry, Blocking = ["POE-EXC-02"], Open = ["GEN-03"], AwaitsOfficer = ["GEN-02"] },
            Suggestions =
            [
                new Suggestion
                {
                    Changes = [new FactChange("application.channel", JsonDocument.Parse("\"port_of_entry\"").RootElement, JsonDocument.Parse("\"outside_canada_online\"").RootElement), new FactChange("medical.examDate", null, JsonDocument.Parse("\"2026-01-02\"").RootElement)],
                    Outcome = new SuggestionOutcome("summary.outcome", Tri.No, Tri.Yes),
                    Rules = ["POE-04"],
                    Text = "Apply online.",
                },
            ],
            SuggestionSearch = new SuggestionSearchResult { Status = SuggestionStatus.Found, Evaluations = 3, Text = "Found." },
            OutsideCanada = new OutsideCanadaResult { Outcome = Tri.Unknown },
            InsideCanada = new InsideCanadaResult { Outcome = Tri.Yes, Bases = ["INS-03"] },
            PortOfEntry = new PortOfEntryResult
            {
                Outcome = Tri.No,
                Requirements = new Dictionary<string, Tri> { ["POE-01"] = Tri.Yes, ["POE-02"] = Tri.Unknown },
                Exclusions = ["POE-EXC-02"],
                PossibleExclusions = ["POE-EXC-05"],
                EtaEligibility = EtaEligibility.Eligible,
            },
            Route = PermitRoute.SameDayPoeApplication,
            MedicalExam = new MedicalExamResult { Required = Tri.Yes, ValidOnEntry = Tri.No, ExpiryDate = new DateOnly(2026, 2, 3) },
            OpenPermit = new OpenPermitResult { Category = "spouse_or_partner" },
            Employer = report.Employer with { NewPermitRequired = Tri.Yes },
            InterimAuthorization = new InterimAuthorizationResult { Outcome = Tri.No, FailedConditions = ["employer_specific"] },
            AfterApplying = new AfterApplyingResult
            {
                ReturnedUnprocessed = Tri.No,
                PermitIssuance = PermitIssuance.IssuedAtPoeOnArrivalDay,
                CanWorkNow = Tri.Unknown,
                CanWorkAfterReturn = WorkAfterReturn.Yes,
                MustLeaveCanadaToActivate = Tri.Yes,
                ActivationRisk = ActivationRisk.MayNotBeAbleToActivateOnReentryFromUsOrSpm,
                DocumentSubmissionOnTime = Tri.No,
                DocumentSubmittedAtUtc = new DateTime(2025, 5, 2, 13, 4, 5, 120, DateTimeKind.Utc),
                DaysSinceDecisionLetter = 18,
                LetterOfIntroductionIsWorkPermit = Tri.No,
            },
            Documents = [new ReportItem("police_clearance_certificate", "GEN-05")],
            Actions = [new ReportItem("give_biometrics", "BIO-01")],
            Advisories = [new Advisory("OUT-02", "Check the visa office requirements.", citation)],
            House = [house],
            Facts = new Dictionary<string, string> { ["person.citizenships"] = "NZ", ["travel.arrivalDate"] = "2026-01-05" },
            Questions = [new Question { Fact = "person.sufficientFunds", Text = "Enough money?", Kind = FactKind.Boolean, AllowedAnswers = ["true", "false"], Affects = ["general.outcome"] }],
            Warnings = ["A warning."],
        };
    }

    /// <summary>The (type, JSON name) pairs the contract's serializer writes, for every type reachable from a type.</summary>
    private static void Expected(Type type, HashSet<(string Type, string Name)> expected, HashSet<Type> seen)
    {
        if (!seen.Add(type))
        {
            return;
        }

        foreach (var property in Serialized(type))
        {
            expected.Add((type.Name, JsonNamingPolicy.CamelCase.ConvertName(property.Name)));
            if (Element(property.PropertyType) is { } element)
            {
                Expected(element, expected, seen);
            }
        }
    }

    /// <summary>The (type, JSON name) pairs present in a JSON value of a type, through its nested values.</summary>
    private static void Collect(JsonElement json, Type type, HashSet<(string Type, string Name)> written)
    {
        if (json.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in json.EnumerateArray())
            {
                Collect(item, type, written);
            }

            return;
        }

        if (json.ValueKind != JsonValueKind.Object || Serialized(type).Length == 0)
        {
            return;
        }

        foreach (var property in Serialized(type))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (json.TryGetProperty(name, out var value))
            {
                written.Add((type.Name, name));
                if (Element(property.PropertyType) is { } element)
                {
                    Collect(value, element, written);
                }
            }
        }
    }

    private static PropertyInfo[] Serialized(Type type) =>
        type.Namespace == "WorkPermit.Rules" && type.IsClass && !type.IsAssignableTo(typeof(System.Collections.IEnumerable))
            ? [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<JsonIgnoreAttribute>() is not { Condition: JsonIgnoreCondition.Always }
                && p.Name != "EqualityContract")]
            : [];

    /// <summary>The report type a property holds: itself, or its list's elements.</summary>
    private static Type? Element(Type type)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            type = type.GetGenericArguments()[0];
        }

        return Serialized(type).Length > 0 ? type : null;
    }

    private static WorkPermitReport Report(string file)
    {
        var read = ProfileJson.Read(CaseFiles.Load(file).Profile.ToJsonString());
        Assert.True(read.IsValid, string.Join("; ", read.Errors));
        return Evaluator.Evaluate(read.Profile!);
    }
}
