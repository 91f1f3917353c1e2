using System.Buffers;
using System.Text;
using System.Text.Json;
using WorkPermit.Rules.Json;
using WorkPermit.Rules.Tests.Support;
using Xunit;

namespace WorkPermit.Rules.Tests;

/// <summary>
/// The report writer copies each rule's catalogue text from bytes encoded once. These tests pin that the JSON is the
/// same, byte for byte, as plain source-generated serialization of the same report, whichever way it is written.
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

    private static WorkPermitReport Report(string file)
    {
        var read = ProfileJson.Read(CaseFiles.Load(file).Profile.ToJsonString());
        Assert.True(read.IsValid, string.Join("; ", read.Errors));
        return Evaluator.Evaluate(read.Profile!);
    }
}
