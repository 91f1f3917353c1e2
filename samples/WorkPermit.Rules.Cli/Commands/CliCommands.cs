using System.CommandLine;
using System.Globalization;

namespace WorkPermit.Rules.Cli.Commands;

/// <summary>The command tree: the root (the built-in example) and one subcommand per task.</summary>
internal static class CliCommands
{
    public static RootCommand Build(CliContext context)
    {
        // 1. The root command evaluates the built-in example, so that `workpermit` alone shows what the library does.
        var asOf = AsOfOption();
        var houseRules = HouseRulesOption();
        var root = new RootCommand(
            "Canadian work-permit rules as code: evaluate a profile, interview for the missing facts, check case files, "
            + "print the profile schema and the rule catalogue. Without a command, evaluates a built-in example. "
            + "Exit codes: 0 done (check: all cases pass), 1 a case failed, 2 invalid input, 3 internal error.")
        {
            asOf,
            houseRules,
        };
        root.SetAction(parsed => EvaluateCommand.RunExample(context, parsed.GetValue(asOf)));

        // 2. One subcommand per task of issue 4.
        root.Add(EvaluateCommand.Create(context));
        root.Add(InterviewCommand.Create(context));
        root.Add(CheckCommand.Create(context));
        root.Add(ScreenCommand.Create(context));
        root.Add(SchemaCommand.Create(context));
        root.Add(RulesCommand.Create(context));
        return root;
    }

    /// <summary>The name of the option that adds house rules, on every command.</summary>
    public const string HouseRulesName = "--house-rules";

    /// <summary><c>--house-rules PATH.dll</c> (repeatable, on every command): an assembly of the firm's own NRules rules
    /// to run beside the catalogue's; their findings appear under "House rules".</summary>
    public static Option<string[]> HouseRulesOption() => new(HouseRulesName)
    {
        Description = "An assembly (.dll) of the firm's own NRules rules to run beside the catalogue's (repeatable).",
        HelpName = "assembly.dll",
        Recursive = true,
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>
    /// <c>--as-of yyyy-MM-dd</c>: the date that stands for "today". It is given to the evaluator as its clock, so it fills
    /// in a missing <c>evaluationDate</c> (and through it a missing arrival or submission date); dates the profile states
    /// itself still win.
    /// </summary>
    public static Option<DateOnly?> AsOfOption() => new("--as-of")
    {
        Description = "Evaluate as of this date (yyyy-MM-dd) instead of today; dates stated in the profile still win.",
        HelpName = "yyyy-MM-dd",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            result.AddError($"--as-of: '{text}' is not a date in the form yyyy-MM-dd.");
            return null;
        },
    };
}
