using WorkPermit.Rules.Cases;

namespace WorkPermit.Rules.Tests.Support;

/// <summary>The case files copied next to the tests (the specification's examples and our own).</summary>
public static class CaseFiles
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Cases");

    /// <summary>Every case file, relative to <see cref="Directory"/>.</summary>
    public static IReadOnlyList<string> All() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Directory, f))
            .Order(StringComparer.Ordinal)
            .ToArray();

    public static CaseFile Load(string relative) => CaseFile.Load(Path.Combine(Directory, relative));
}
