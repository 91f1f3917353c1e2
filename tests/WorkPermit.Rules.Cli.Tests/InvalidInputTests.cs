using WorkPermit.Rules.Cli.Tests.Support;

namespace WorkPermit.Rules.Cli.Tests;

/// <summary>Every kind of bad input: exit code 2, one message naming the file and the JSON path, never a stack trace.</summary>
public sealed class InvalidInputTests
{
    [Fact]
    public void Evaluate_MissingFile_NamesTheFile()
    {
        var file = Workpermit.Data("profiles", "no-such-profile.json");

        var run = Workpermit.Run("evaluate", file);

        CliAssert.InvalidInput(run, file, "file not found");
        Assert.Empty(run.Output);
    }

    [Fact]
    public void Evaluate_Folder_SaysItIsNotAFile()
    {
        var folder = Workpermit.Data("profiles");

        var run = Workpermit.Run("evaluate", folder);

        CliAssert.InvalidInput(run, folder, "is a folder");
    }

    [Fact]
    public void Evaluate_BadJson_NamesTheFileAndWhere()
    {
        var file = Workpermit.Data("bad", "not-json.json");

        var run = Workpermit.Run("evaluate", file);

        CliAssert.InvalidInput(run, file, "$", "not valid JSON", "line 1");
    }

    [Fact]
    public void Evaluate_UnknownEnumValue_NamesTheFileThePathAndTheAllowedValues()
    {
        var file = Workpermit.Data("bad", "unknown-enum-value.json");

        var run = Workpermit.Run("evaluate", file, "--json");

        CliAssert.InvalidInput(run, file, "$.travel.mode", "'boat'", "'air', 'land', 'sea'");
        Assert.Empty(run.Output);
    }

    [Fact]
    public void Evaluate_UnknownProperty_NamesThePathAndSuggestsTheFact()
    {
        var file = Workpermit.Data("bad", "unknown-property.json");

        var run = Workpermit.Run("evaluate", file);

        CliAssert.InvalidInput(run, file, "$.travel.modee", "did you mean 'mode'");
    }

    [Fact]
    public void Evaluate_BadJsonOnStandardInput_NamesStandardInput()
    {
        var run = Workpermit.RunWithInput("[1, 2", "evaluate", "-");

        CliAssert.InvalidInput(run, "(standard input)", "$");
    }

    [Fact]
    public void Interview_BadProfile_NamesTheFileAndPath()
    {
        var file = Workpermit.Data("bad", "unknown-enum-value.json");

        var run = Workpermit.RunWithInput("yes\n", "interview", "--from", file);

        CliAssert.InvalidInput(run, file, "$.travel.mode");
    }

    [Fact]
    public void Interview_SaveToMissingFolder_NamesTheFile()
    {
        var file = Path.Combine(Workpermit.Data("no-such-folder"), "profile.json");

        var run = Workpermit.RunWithInput("q\n", "interview", "--save", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(file, run.Error, StringComparison.Ordinal);
        CliAssert.NoStackTrace(run);
    }

    [Fact]
    public void Check_CaseFileWithoutExpect_NamesTheFileAndPath()
    {
        var run = Workpermit.Run("check", Workpermit.Data("cases", "invalid", "X90-no-expect.json"));

        CliAssert.InvalidInput(run, "X90-no-expect.json", "$.expect", "is required");
        Assert.Contains("1 case: 0 passed, 0 failed, 1 invalid.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_CaseWithInvalidProfile_NamesThePathInsideTheCaseFile()
    {
        var run = Workpermit.Run("check", Workpermit.Data("cases", "invalid", "X91-bad-profile.json"));

        CliAssert.InvalidInput(run, "X91-bad-profile.json", "$.profile.travel.mode", "'boat'");
    }

    [Fact]
    public void Check_CaseFileNotJson_NamesTheFile()
    {
        var run = Workpermit.Run("check", Workpermit.Data("bad", "not-json.json"));

        CliAssert.InvalidInput(run, "not-json.json", "$", "not valid JSON");
    }

    [Fact]
    public void Check_FolderWithAnInvalidCase_RunsTheOthersAndExitsTwo()
    {
        var folder = Directory.CreateTempSubdirectory("workpermit-invalid-");
        try
        {
            File.Copy(Workpermit.Data("cases", "pass", "S15-poe-french-lmia-exempt-all-pass-with-biometrics.json"), Path.Combine(folder.FullName, "S15.json"));
            File.Copy(Workpermit.Data("cases", "invalid", "X90-no-expect.json"), Path.Combine(folder.FullName, "X90.json"));

            var run = Workpermit.Run("check", folder.FullName);

            CliAssert.InvalidInput(run, "X90.json", "$.expect");
            Assert.Contains("PASS  S15", run.Output, StringComparison.Ordinal);
            Assert.Contains("2 cases: 1 passed, 0 failed, 1 invalid.", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Check_MissingFolder_NamesIt()
    {
        var folder = Workpermit.Data("no-such-cases");

        var run = Workpermit.Run("check", folder);

        CliAssert.InvalidInput(run, folder, "no such file or folder");
    }

    [Fact]
    public void Check_FolderWithoutCaseFiles_SaysSo()
    {
        var folder = Directory.CreateTempSubdirectory("workpermit-empty-");
        try
        {
            var run = Workpermit.Run("check", folder.FullName);

            CliAssert.InvalidInput(run, folder.FullName, "no *.json case files");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
