using WorkPermit.Rules.Cli.Tests.Support;

namespace WorkPermit.Rules.Cli.Tests;

/// <summary>How the CLI was started, and the tips that follow it (<see cref="Invocation"/>).</summary>
public sealed class InvocationTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("workpermit-invocation-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void FromParent_DotnetRunWithSeparator_GivesItsOwnArgumentsBack()
    {
        string[] parent = ["/usr/share/dotnet/dotnet", "run", "--project", "samples/WorkPermit.Rules.Cli", "-c", "Release", "--", "evaluate", "a.json"];

        var invocation = Invocation.FromParent(parent, ["evaluate", "a.json"]);

        Assert.Equal("dotnet run --project samples/WorkPermit.Rules.Cli -c Release --", invocation?.Prefix);
        Assert.Equal("dotnet run --project samples/WorkPermit.Rules.Cli -c Release -- interview", invocation?.Command("interview"));
    }

    [Fact]
    public void FromParent_DotnetRunWithoutSeparator_LeavesOurArgumentsOut()
    {
        var invocation = Invocation.FromParent(["dotnet", "run", "--project", "samples/WorkPermit.Rules.Cli", "rules", "POE-04"], ["rules", "POE-04"]);

        Assert.Equal("dotnet run --project samples/WorkPermit.Rules.Cli --", invocation?.Prefix);
    }

    [Fact]
    public void FromParent_DotnetRunWithNoArguments_EndsWithTheSeparator()
    {
        Assert.Equal("dotnet run --", Invocation.FromParent(["dotnet", "run"], [])?.Prefix);
        Assert.Equal("dotnet run --project x --", Invocation.FromParent(["dotnet", "run", "--project", "x", "--"], [])?.Prefix);
    }

    [Fact]
    public void FromParent_FolderWithASpace_IsQuoted()
    {
        var invocation = Invocation.FromParent(["dotnet", "run", "--project", "my samples/Cli", "--"], []);

        var quoted = OperatingSystem.IsWindows() ? "\"my samples/Cli\"" : "'my samples/Cli'";
        Assert.Equal($"dotnet run --project {quoted} --", invocation?.Prefix);
    }

    [Theory]
    [InlineData("bash")]
    [InlineData("dotnet", "exec", "testhost.dll")]
    [InlineData("dotnet", "test")]
    [InlineData("dotnet", "workpermit.dll", "run")]
    [InlineData("/usr/local/bin/workpermit", "run")]
    public void FromParent_AnythingButDotnetRun_IsNotRecognised(params string[] parent)
    {
        Assert.Null(Invocation.FromParent(parent, ["run"]));
    }

    [Theory]
    [InlineData("Release", "dotnet run --project cli -c Release --")]
    [InlineData("Debug", "dotnet run --project cli --")]
    public void FromBuildOutput_InTheProjectsBinFolder_IsDotnetRunOfThatProject(string configuration, string expected)
    {
        var assembly = BuildOutput("cli", "<AssemblyName>workpermit</AssemblyName>", configuration);

        Assert.Equal(expected, Invocation.FromBuildOutput(assembly, "workpermit", _folder.FullName)?.Prefix);
        Assert.Equal($"dotnet run{(configuration == "Debug" ? string.Empty : " -c " + configuration)} --", Invocation.FromBuildOutput(assembly, "workpermit", Path.Combine(_folder.FullName, "cli"))?.Prefix);
    }

    [Fact]
    public void FromBuildOutput_ProjectThatBuildsAnotherProgram_IsNotRecognised()
    {
        // The tests' own output holds a copy of workpermit.dll next to the tests' project: that is not the CLI's project.
        var assembly = BuildOutput("tests", "<AssemblyName>WorkPermit.Rules.Cli.Tests</AssemblyName>", "Release");

        Assert.Null(Invocation.FromBuildOutput(assembly, "workpermit", _folder.FullName));
    }

    [Fact]
    public void FromBuildOutput_OutsideABinFolder_IsNotRecognised()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder.FullName, "tools", "workpermit"));
        File.WriteAllText(Path.Combine(folder.FullName, "workpermit.dll"), string.Empty);

        Assert.Null(Invocation.FromBuildOutput(Path.Combine(folder.FullName, "workpermit.dll"), "workpermit", _folder.FullName));
    }

    [Fact]
    public void Tips_StartedThroughDotnetRun_NameDotnetRunCommands()
    {
        var invocation = new Invocation("dotnet run --project samples/WorkPermit.Rules.Cli --");
        var save = Path.Combine(_folder.FullName, "saved.json");

        var example = Workpermit.RunAs(invocation, string.Empty);
        var rules = Workpermit.RunAs(invocation, string.Empty, "rules");
        var interview = Workpermit.RunAs(invocation, "q\n", "interview", "--save", save);
        var usage = Workpermit.RunAs(invocation, string.Empty, "evaluat");

        Assert.Contains("Next: 'dotnet run --project samples/WorkPermit.Rules.Cli -- interview' asks the questions", example.Output, StringComparison.Ordinal);
        Assert.Contains("'dotnet run --project samples/WorkPermit.Rules.Cli -- --help' lists every command", example.Output, StringComparison.Ordinal);
        Assert.Contains("'dotnet run --project samples/WorkPermit.Rules.Cli -- rules <ID>' shows one in full", rules.Output, StringComparison.Ordinal);
        Assert.Contains($"'dotnet run --project samples/WorkPermit.Rules.Cli -- evaluate {save}' prints the full report", interview.Output, StringComparison.Ordinal);
        Assert.Contains("Run 'dotnet run --project samples/WorkPermit.Rules.Cli -- --help'", usage.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("'workpermit", example.Output + rules.Output + interview.Output + usage.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Tips_StartedAsTheBuiltProgram_NameWorkpermit()
    {
        var example = Workpermit.RunAs(Invocation.Built, string.Empty);

        Assert.Contains("Next: 'workpermit interview' asks the questions", example.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("dotnet run", example.Output, StringComparison.Ordinal);
    }

    /// <summary>A project folder with its .csproj and an empty workpermit.dll in bin/&lt;configuration&gt;/net10.0.</summary>
    private string BuildOutput(string project, string csprojContent, string configuration)
    {
        var root = Directory.CreateDirectory(Path.Combine(_folder.FullName, project));
        File.WriteAllText(Path.Combine(root.FullName, $"{project}.csproj"), $"<Project><PropertyGroup>{csprojContent}</PropertyGroup></Project>");
        var output = Directory.CreateDirectory(Path.Combine(root.FullName, "bin", configuration, "net10.0"));
        var assembly = Path.Combine(output.FullName, "workpermit.dll");
        File.WriteAllText(assembly, string.Empty);
        return assembly;
    }
}
