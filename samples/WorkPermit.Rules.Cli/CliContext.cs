using System.Globalization;
using Spectre.Console;

namespace WorkPermit.Rules.Cli;

/// <summary>What every command needs: the input, the raw output (for JSON), a Spectre console over it (for tables and
/// colour), the error writer and the clock.</summary>
internal sealed class CliContext
{
    private CliContext(TextReader input, TextWriter output, TextWriter error, IAnsiConsole console, bool isTerminal, TimeProvider clock, Func<Action, IDisposable> onInterrupt, Invocation invocation)
    {
        Invocation = invocation;
        OnInterrupt = onInterrupt;
        Input = input;
        EchoInput = !ReferenceEquals(input, System.Console.In) || System.Console.IsInputRedirected;
        Output = output;
        Error = error;
        Console = console;
        IsTerminal = isTerminal;
        Clock = clock;
    }

    public TextReader Input { get; }

    /// <summary>Gets whether answers read from <see cref="Input"/> should be echoed: a terminal shows what is typed, a
    /// pipe or file does not, and the transcript would otherwise lose the answers.</summary>
    public bool EchoInput { get; }

    /// <summary>Gets the raw output, for JSON that must not be wrapped or styled.</summary>
    public TextWriter Output { get; }

    public TextWriter Error { get; }

    /// <summary>Gets the console for readable output: styled on a terminal, plain text otherwise.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Gets whether output is an interactive terminal (live progress is shown only then).</summary>
    public bool IsTerminal { get; }

    public TimeProvider Clock { get; }

    /// <summary>Gets how the user started the CLI: tips name commands in the same form.</summary>
    public Invocation Invocation { get; }

    /// <summary>Gets what runs a handler on Ctrl-C; dispose the result to remove it.</summary>
    public Func<Action, IDisposable> OnInterrupt { get; }

    public static CliContext Create(TextReader input, TextWriter output, TextWriter error, CliSettings settings)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        // 1. A terminal is the real console, not redirected. Spectre.Console 0.49 still emits ANSI codes into a
        //    redirected stream when TERM looks like a colour terminal, so we decide ourselves instead of asking it to detect.
        var terminal = settings.Terminal ?? (ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected);

        // 2. Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org); on a terminal Spectre then
        //    checks that TERM takes ANSI codes.
        var colour = settings.Ansi ?? (terminal && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")));
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = !colour ? AnsiSupport.No : settings.Ansi == true ? AnsiSupport.Yes : AnsiSupport.Detect,
            ColorSystem = colour ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });

        // 3. Off a terminal there is no window to measure: lay tables out at a fixed, readable width.
        if (!terminal)
        {
            console.Profile.Width = settings.Width ?? ColumnsFromEnvironment() ?? 100;
        }

        return new CliContext(input, output, error, console, terminal, settings.Clock, settings.OnInterrupt, settings.Invocation ?? Invocation.Detect());
    }

    /// <summary>Gets or sets the assemblies of house rules to run beside the catalogue (<c>--house-rules</c>).</summary>
    public IReadOnlyList<string> HouseRuleAssemblies { get; set; } = [];

    /// <summary>Creates the evaluator; <paramref name="asOf"/> replaces today's date (a profile's own dates still win).
    /// The house rules of <see cref="HouseRuleAssemblies"/> run beside the catalogue's.</summary>
    /// <exception cref="CliInputException">A house-rules assembly cannot be loaded, or its rules are not valid.</exception>
    public IWorkPermitEvaluator CreateEvaluator(DateOnly? asOf)
    {
        var assemblies = HouseRuleAssemblies.Select(LoadHouseRules).ToArray();
        try
        {
            return WorkPermitEvaluator.Create(
                o =>
                {
                    foreach (var assembly in assemblies)
                    {
                        o.HouseRules.AddFrom(assembly);
                    }
                },
                asOf is { } date ? new FixedDateClock(date) : Clock);
        }
        catch (WorkPermitRulesConfigurationException ex)
        {
            throw new CliInputException($"--house-rules: {string.Join(" ", ex.Problems)}");
        }
    }

    private static System.Reflection.Assembly LoadHouseRules(string path)
    {
        try
        {
            return System.Reflection.Assembly.LoadFrom(Path.GetFullPath(path));
        }
        catch (Exception ex) when (ex is IOException or BadImageFormatException or ArgumentException or System.Security.SecurityException)
        {
            throw new CliInputException($"--house-rules: cannot load '{path}' as a .NET assembly ({ex.Message.Trim()}).");
        }
    }

    private static int? ColumnsFromEnvironment() =>
        int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), NumberStyles.None, CultureInfo.InvariantCulture, out var columns) && columns >= 40
            ? columns
            : null;

    /// <summary>A clock stopped at noon (UTC) on one date: what <c>--as-of</c> turns into.</summary>
    private sealed class FixedDateClock(DateOnly date) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
