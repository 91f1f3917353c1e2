using System.Text;
using WorkPermit.Rules.Cli.Tests.Support;

namespace WorkPermit.Rules.Cli.Tests;

/// <summary>Input that used to crash the CLI or flood its output: text that is not UTF-8, a byte-order mark, a huge
/// file, thousands of problems, duplicate keys, impossible dates; and <c>check</c> and <c>evaluate</c> agree on where
/// JSON stops being JSON.</summary>
public sealed class HardenedInputTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("workpermit-hardened-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Evaluate_TextNotUtf8_NamesThePathNotACrash()
    {
        var file = Write("bad-utf8.json", [.. "{ \"travel\": { \"mode\": \""u8, 0xC0, 0xAF, .. "\" } }"u8]);

        var run = Workpermit.Run("evaluate", file);

        CliAssert.InvalidInput(run, file, "$.travel.mode", "UTF-8");
    }

    [Fact]
    public void Evaluate_LoneSurrogateEscape_NamesThePathNotACrash()
    {
        var file = Write("surrogate.json", """{ "travel": { "portOfEntry": "\ud800" } }""");

        var run = Workpermit.Run("evaluate", file);

        CliAssert.InvalidInput(run, file, "$.travel.portOfEntry", "UTF-8");
    }

    [Fact]
    public void Evaluate_ByteOrderMark_IsAccepted()
    {
        var file = Write("bom.json", [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(Workpermit.Data("profiles", Profiles()[0]))]);

        var run = Workpermit.Run("evaluate", file, "--json");
        var piped = Workpermit.RunWithInput("\uFEFF" + File.ReadAllText(file), "evaluate", "-", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(piped.ExitCode == 0, piped.ToString());
    }

    [Fact]
    public void Check_CaseFileWithByteOrderMark_Passes()
    {
        var source = Workpermit.Data("cases", "pass", "S15-poe-french-lmia-exempt-all-pass-with-biometrics.json");
        var file = Write("S15.json", [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(source)]);

        var run = Workpermit.Run("check", file);

        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Fact]
    public void Evaluate_FileOverOneMebibyte_IsRefusedWithAClearMessage()
    {
        var file = Write("huge.json", Encoding.ASCII.GetBytes("{}" + new string(' ', ProfileFilesLimit)));

        var run = Workpermit.Run("evaluate", file);
        var check = Workpermit.Run("check", file);
        var piped = Workpermit.RunWithInput("{}" + new string(' ', ProfileFilesLimit), "evaluate", "-");

        CliAssert.InvalidInput(run, file, "larger than 1 MiB");
        CliAssert.InvalidInput(check, "huge.json", "larger than 1 MiB");
        CliAssert.InvalidInput(piped, "(standard input)", "larger than 1 MiB");
    }

    [Fact]
    public void Evaluate_FileJustUnderTheLimit_IsRead()
    {
        var file = Write("padded.json", Encoding.ASCII.GetBytes("{}" + new string(' ', ProfileFilesLimit - 2)));

        var run = Workpermit.Run("evaluate", file, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Fact]
    public void Evaluate_ThousandProblems_OneShortMessageWithHowManyMore()
    {
        var file = Write("many.json", $$"""{ "person": { "citizenships": [{{string.Join(", ", Enumerable.Repeat("\"xx\"", 1000))}}] } }""");

        var run = Workpermit.Run("evaluate", file);

        CliAssert.InvalidInput(run, file, "$.person.citizenships[0]", "$.person.citizenships[49]", "And 950 more problems.");
        Assert.DoesNotContain("citizenships[50]", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_DuplicateKey_NamesThePath()
    {
        var file = Write("duplicate.json", """{ "travel": { "mode": "air", "mode": "land" } }""");

        var run = Workpermit.Run("evaluate", file);

        CliAssert.InvalidInput(run, file, "$.travel.mode", "more than once");
    }

    [Fact]
    public void Evaluate_ImpossibleDate_IsNotARealDate()
    {
        var file = Write("date.json", """{ "travel": { "arrivalDate": "2025-02-30" } }""");

        var run = Workpermit.Run("evaluate", file);

        CliAssert.InvalidInput(run, file, "$.travel.arrivalDate", "'2025-02-30' is not a real date.");
    }

    [Fact]
    public void CheckAndEvaluate_InvalidJson_ReportThePositionTheSameWay()
    {
        var file = Write("broken.json", "{\n  \"id\": \"C1\",\n  oops\n}");

        var evaluate = Workpermit.Run("evaluate", file);
        var check = Workpermit.Run("check", file);

        CliAssert.InvalidInput(evaluate, "(line 3, position 3)");
        CliAssert.InvalidInput(check, "(line 3, position 3)");
        var message = evaluate.ErrorLines[0][evaluate.ErrorLines[0].IndexOf("$: ", StringComparison.Ordinal)..];
        Assert.EndsWith(message, check.ErrorLines[0], StringComparison.Ordinal);
    }

    private static int ProfileFilesLimit => 1024 * 1024;

    private static string[] Profiles() => [.. Directory.GetFiles(Workpermit.Data("profiles"), "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));
}
