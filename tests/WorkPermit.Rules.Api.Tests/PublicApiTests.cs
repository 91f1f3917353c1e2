using System.Reflection;
using PublicApiGenerator;

namespace WorkPermit.Rules.Api.Tests;

/// <summary>
/// The public API of each packable assembly is approved: rendered by PublicApiGenerator (C# declarations without bodies) and
/// compared with a checked-in file, so no public type or member changes by accident. To accept a deliberate change, copy
/// the <c>.received.txt</c> file the failing test writes next to the approved file over it (and note the change in
/// CHANGELOG.md).
/// </summary>
public sealed class PublicApiTests
{
    public static TheoryData<string> Assemblies() => new(PackableAssemblies.All.Select(a => a.GetName().Name!));

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void PublicApi_MatchesApprovedFile(string assemblyName)
    {
        var assembly = PackableAssemblies.All.Single(a => a.GetName().Name == assemblyName);
        var actual = Render(assembly);
        var approvedPath = Path.Combine(SourceDirectory(), "Approved", assemblyName + ".txt");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : string.Empty;
        if (actual == approved)
        {
            return;
        }

        var receivedPath = Path.ChangeExtension(approvedPath, ".received.txt");
        File.WriteAllText(receivedPath, actual);
        var approvedLines = approved.Split('\n').ToHashSet(StringComparer.Ordinal);
        var actualLines = actual.Split('\n').ToHashSet(StringComparer.Ordinal);
        var added = actualLines.Except(approvedLines).Take(40).Select(l => "  + " + l);
        var removed = approvedLines.Except(actualLines).Take(40).Select(l => "  - " + l);
        Assert.Fail($"The public API of {assemblyName} changed. Review, then copy {receivedPath} over {approvedPath}.{Environment.NewLine}"
            + string.Join(Environment.NewLine, removed.Concat(added)));
    }

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void PublicClasses_AreSealedStaticOrAbstract(string assemblyName)
    {
        var assembly = PackableAssemblies.All.Single(a => a.GetName().Name == assemblyName);
        var open = assembly.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract && !typeof(Delegate).IsAssignableFrom(t))
            .Select(t => t.FullName)
            .ToArray();
        Assert.True(open.Length == 0, $"Public classes open for inheritance without being designed for it: {string.Join(", ", open)}");
    }

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void PublicStaticState_IsReadOnly(string assemblyName)
    {
        var assembly = PackableAssemblies.All.Single(a => a.GetName().Name == assemblyName);
        var mutable = assembly.GetExportedTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => !f.IsInitOnly && !f.IsLiteral).Select(f => $"{t.FullName}.{f.Name}")
                .Concat(t.GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => p.SetMethod?.IsPublic == true).Select(p => $"{t.FullName}.{p.Name}")))
            .ToArray();
        Assert.True(mutable.Length == 0, $"Public static state that can be changed: {string.Join(", ", mutable)}");
    }

    private static string Render(Assembly assembly) => assembly.GeneratePublicApi(Options).ReplaceLineEndings("\n");

    // Records stay records (their equality is part of the API). Assembly attributes stay (InternalsVisibleTo, the target
    // framework) except AssemblyMetadata, whose RepositoryUrl depends on where and how the assembly was built.
    private static readonly ApiGeneratorOptions Options = new()
    {
        TreatRecordsAsClasses = false,
        ExcludeAttributes = ["System.Reflection.AssemblyMetadataAttribute"],
    };

    // The project folder, found from the test binaries (a CI build maps source paths, so CallerFilePath cannot be used).
    private static string SourceDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "WorkPermit.Rules.Api.Tests.csproj")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No folder above {AppContext.BaseDirectory} holds WorkPermit.Rules.Api.Tests.csproj.");
    }
}

internal static class PackableAssemblies
{
    public static readonly Assembly[] All =
    [
        typeof(WorkPermit.Rules.IWorkPermitEvaluator).Assembly,
        typeof(WorkPermit.Rules.Testing.WorkPermitGenerators).Assembly,
    ];
}
