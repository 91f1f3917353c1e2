using System.Text;

namespace WorkPermit.Rules.Cli;

/// <summary>
/// How the user started the CLI, so that the tips it prints ("run ... interview next") are commands that work the same
/// way: <c>dotnet run --project samples/WorkPermit.Rules.Cli -- interview</c> for someone who started it through
/// <c>dotnet run</c>, <c>workpermit interview</c> for someone who runs the built program.
/// </summary>
/// <param name="Prefix">What comes before the CLI's own arguments, for example <c>workpermit</c>.</param>
internal sealed record Invocation(string Prefix)
{
    /// <summary>Gets the built program, by its name: what a user who installed or built it types.</summary>
    public static Invocation Built { get; } = new("workpermit");

    /// <summary>The command line that runs the CLI with <paramref name="arguments"/>.</summary>
    public string Command(string arguments) => string.IsNullOrEmpty(arguments) ? Prefix : $"{Prefix} {arguments}";

    /// <summary>
    /// Finds out how this process was started. Where the system tells us (Linux's /proc), the process that started us
    /// decides: <c>dotnet run ...</c> gives its own arguments back; anything else (a shell, a test host, <c>dotnet
    /// workpermit.dll</c>) means the built program. Where it does not, the program's location decides: the build output
    /// of the CLI's own project (<c>bin/&lt;configuration&gt;/&lt;framework&gt;</c> under its .csproj) is what
    /// <c>dotnet run</c> runs.
    /// </summary>
    public static Invocation Detect()
    {
        var parent = ParentCommandLine();
        if (parent is not null)
        {
            return FromParent(parent, Environment.GetCommandLineArgs().Skip(1).ToArray()) ?? Built;
        }

        var entry = System.Reflection.Assembly.GetEntryAssembly();
        return FromBuildOutput(entry?.Location, entry?.GetName().Name, Environment.CurrentDirectory) ?? Built;
    }

    /// <summary>
    /// The prefix when the parent process is <c>dotnet run</c>: its arguments without ours (and without the <c>--</c>
    /// that separated them), followed by <c>--</c>. Null when the parent is anything else.
    /// </summary>
    /// <param name="parent">The parent's command line, its program first.</param>
    /// <param name="own">This process's arguments (without the program).</param>
    internal static Invocation? FromParent(IReadOnlyList<string> parent, IReadOnlyList<string> own)
    {
        if (parent.Count < 2 || !IsDotnetHost(parent[0]) || parent[1] != "run")
        {
            return null;
        }

        // 1. dotnet run passes our arguments at the end of its own, after "--" or (for arguments it does not know) without.
        var end = parent.Count;
        if (end - 2 >= own.Count && parent.Skip(end - own.Count).SequenceEqual(own, StringComparer.Ordinal))
        {
            end -= own.Count;
        }

        if (end > 2 && parent[end - 1] == "--")
        {
            end--;
        }

        // 2. What is left is how the user asked dotnet run to run us; "--" keeps any tip's arguments ours.
        var prefix = new StringBuilder("dotnet");
        for (var i = 1; i < end; i++)
        {
            prefix.Append(' ').Append(Quote(parent[i]));
        }

        return new(prefix.Append(" --").ToString());
    }

    /// <summary>
    /// The prefix when the program sits in its project's build output: <c>dotnet run --project &lt;folder&gt; --</c>, with
    /// the folder relative to <paramref name="currentDirectory"/> and <c>-c Release</c> (or another configuration) when it
    /// is not the default. Null anywhere else, or when the .csproj there builds another program.
    /// </summary>
    internal static Invocation? FromBuildOutput(string? assemblyPath, string? assemblyName, string currentDirectory)
    {
        if (string.IsNullOrEmpty(assemblyPath) || string.IsNullOrEmpty(assemblyName))
        {
            return null;
        }

        // 1. <project>/bin/<configuration>/<framework>/<assembly>.dll, and the project file there builds this assembly.
        var framework = Path.GetDirectoryName(Path.GetFullPath(assemblyPath));
        var configuration = framework is null ? null : Path.GetDirectoryName(framework);
        var bin = configuration is null ? null : Path.GetDirectoryName(configuration);
        var project = bin is null ? null : Path.GetDirectoryName(bin);
        if (project is null || !string.Equals(Path.GetFileName(bin), "bin", StringComparison.OrdinalIgnoreCase) || !BuildsAssembly(project, assemblyName))
        {
            return null;
        }

        // 2. The project folder as the user would type it from where they are.
        var relative = Path.GetRelativePath(currentDirectory, project);
        var prefix = new StringBuilder("dotnet run");
        if (relative != ".")
        {
            prefix.Append(" --project ").Append(Quote(relative));
        }

        var name = Path.GetFileName(configuration)!;
        if (!string.Equals(name, "Debug", StringComparison.OrdinalIgnoreCase))
        {
            prefix.Append(" -c ").Append(Quote(name));
        }

        return new(prefix.Append(" --").ToString());
    }

    /// <summary>Whether a .csproj in <paramref name="folder"/> names <paramref name="assemblyName"/> as its assembly (or is
    /// named for it).</summary>
    private static bool BuildsAssembly(string folder, string assemblyName)
    {
        try
        {
            return Directory.EnumerateFiles(folder, "*.csproj").Any(file =>
                string.Equals(Path.GetFileNameWithoutExtension(file), assemblyName, StringComparison.OrdinalIgnoreCase)
                || File.ReadAllText(file).Contains($"<AssemblyName>{assemblyName}</AssemblyName>", StringComparison.OrdinalIgnoreCase));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The parent process's command line, read from /proc; null where there is no /proc or it cannot be read.</summary>
    private static string[]? ParentCommandLine()
    {
        try
        {
            if (!File.Exists("/proc/self/status"))
            {
                return null;
            }

            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("PPid:", StringComparison.Ordinal));
            if (line is null || !int.TryParse(line["PPid:".Length..].Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parent) || parent <= 0)
            {
                return null;
            }

            // The arguments are separated (and ended) by NUL characters. A parent that has already ended reads as empty.
            var arguments = File.ReadAllText($"/proc/{parent}/cmdline").Split('\0');
            return arguments.Length > 0 && arguments[^1].Length == 0 ? arguments[..^1] : arguments;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool IsDotnetHost(string program) =>
        string.Equals(Path.GetFileNameWithoutExtension(program), "dotnet", StringComparison.OrdinalIgnoreCase);

    /// <summary>An argument as the shell reads it back: as it is when it is plain, else quoted (in single quotes for a
    /// POSIX shell, double quotes on Windows).</summary>
    private static string Quote(string argument)
    {
        var plain = OperatingSystem.IsWindows() ? "-_./:=@+,\\" : "-_./:=@+,";
        if (argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || plain.Contains(c, StringComparison.Ordinal)))
        {
            return argument;
        }

        return OperatingSystem.IsWindows()
            ? "\"" + argument.Replace("\"", "\\\"", StringComparison.Ordinal) + "\""
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
