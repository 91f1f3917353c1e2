using System.CommandLine;
using WorkPermit.Rules.Cli.Commands;

namespace WorkPermit.Rules.Cli;

/// <summary>The exit codes of the CLI.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked (for <c>check</c>: every case passed).</summary>
    public const int Success = 0;

    /// <summary><c>check</c> ran and at least one case failed.</summary>
    public const int CasesFailed = 1;

    /// <summary>The input was not usable: bad arguments, a missing or unreadable file, invalid JSON, a bad case file.</summary>
    public const int InvalidInput = 2;

    /// <summary>Something went wrong inside the CLI or the library (a bug): one line on standard error, no stack trace.</summary>
    public const int InternalError = 3;
}

/// <summary>
/// The CLI as a function: arguments, input and output in, exit code out. <c>Program.cs</c> calls it with the real console;
/// tests call it with a <see cref="StringReader"/> and <see cref="StringWriter"/>s.
/// </summary>
internal static class CliApp
{
    /// <summary>Runs the CLI.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="input">Where <c>interview</c> reads answers (and <c>evaluate -</c> reads a profile).</param>
    /// <param name="output">Where reports, tables and JSON go.</param>
    /// <param name="error">Where error messages go.</param>
    /// <returns>An exit code of <see cref="ExitCodes"/>.</returns>
    public static int Run(string[] args, TextReader input, TextWriter output, TextWriter error) =>
        Run(args, input, output, error, new CliSettings());

    /// <summary>Runs the CLI with explicit settings (a fixed clock, a forced terminal mode or width).</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="input">Where <c>interview</c> reads answers.</param>
    /// <param name="output">Where reports, tables and JSON go.</param>
    /// <param name="error">Where error messages go.</param>
    /// <param name="settings">The settings.</param>
    /// <returns>An exit code of <see cref="ExitCodes"/>.</returns>
    public static int Run(string[] args, TextReader input, TextWriter output, TextWriter error, CliSettings settings)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(settings);

        // 1. Decide how to write: colour and live progress only on a real terminal (never when output is redirected or
        //    NO_COLOR is set), so that piped output stays plain text.
        var context = CliContext.Create(input, output, error, settings);

        // 2. Declare the commands (System.CommandLine gives us parsing, --help and --version).
        var root = CliCommands.Build(context);

        // 3. Parse. A usage error is invalid input: one message, exit code 2.
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            error.WriteLine($"workpermit: {parsed.Errors[0].Message}");
            error.WriteLine($"Run '{context.Invocation.Command("--help")}' to see the commands and their options.");
            return ExitCodes.InvalidInput;
        }

        // 4. House rules given with --house-rules run beside the catalogue's in every command.
        context.HouseRuleAssemblies = parsed.GetValue<string[]>(CliCommands.HouseRulesName) ?? [];

        // 5. Run the command. Bad input surfaces as a CliInputException (one message naming the file and the JSON path);
        //    anything else is a bug, reported in one line rather than a stack trace.
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (CliInputException ex)
        {
            error.WriteLine($"workpermit: {ex.Message}");
            return ExitCodes.InvalidInput;
        }
#pragma warning disable CA1031 // The CLI's contract is "never a stack trace": every other failure is one line and exit code 3.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            error.WriteLine($"workpermit: internal error ({ex.GetType().Name}): {ex.Message}");
            return ExitCodes.InternalError;
        }
    }
}
