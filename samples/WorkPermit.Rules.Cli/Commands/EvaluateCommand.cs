using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using WorkPermit.Rules.Cli.Rendering;

namespace WorkPermit.Rules.Cli.Commands;

/// <summary><c>evaluate &lt;profile.json&gt; [--json] [--as-of yyyy-MM-dd]</c>, and the root command's built-in example.</summary>
internal static class EvaluateCommand
{
    /// <summary>Indented JSON that keeps quotes and accents readable (the content is the library's, unchanged).</summary>
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("profile") { Description = "The profile JSON file (the contract's form), or - to read it from standard input." };
        var json = new Option<bool>("--json") { Description = "Print the report JSON of the contract instead of the readable report." };
        var asOf = CliCommands.AsOfOption();
        var command = new Command("evaluate", "Evaluate a profile: the answer and, when it is not yes, what would change it; each outcome with the rules and quoted passages behind it, the documents, actions, advice and open questions.")
        {
            file,
            json,
            asOf,
        };
        command.SetAction(parsed => Run(context, parsed.GetRequiredValue(file), parsed.GetValue(json), parsed.GetValue(asOf)));
        return command;
    }

    public static int Run(CliContext context, string path, bool json, DateOnly? asOf)
    {
        // 1. Read the profile; any problem stops here with the file and JSON path (exit code 2).
        var profile = ProfileFiles.Load(path, context.Input);

        // 2. Evaluate it, as of --as-of when given.
        var report = Evaluate(context, profile, asOf, ProfileFiles.Name(path));

        // 3. Print the report, for people or as the contract's JSON; a person is told how to answer what is still open.
        Print(context, report, json, $"Profile: {ProfileFiles.Name(path)}");
        if (!json && report.Questions.Count > 0 && path != "-")
        {
            context.Console.WriteLine();
            context.Console.MarkupLine($"[grey]Next: '{Markup.Escape(context.Invocation.Command($"interview --from {Quoted(path)} --save {Quoted(path)}"))}' asks the open questions and saves the answers.[/]");
        }

        return ExitCodes.Success;
    }

    public static int RunExample(CliContext context, DateOnly? asOf)
    {
        // 1. Build the example with the typed model and evaluate it.
        var report = Evaluate(context, ExampleProfile.Create(), asOf, "the example");

        // 2. Print the readable report and where to go next.
        ReportView.Write(context.Console, report, ExampleProfile.Description);
        context.Console.WriteLine();
        var next = context.Invocation;
        context.Console.MarkupLine($"[grey]Next: '{Markup.Escape(next.Command("interview"))}' asks the questions one at a time; '{Markup.Escape(next.Command("--help"))}' lists every command.[/]");
        return ExitCodes.Success;
    }

    /// <summary>Evaluates a profile as of <paramref name="asOf"/>.</summary>
    public static WorkPermitReport Evaluate(CliContext context, WorkPermitProfile profile, DateOnly? asOf, string name)
    {
        NoteWhenProfileDateWins(context, profile, asOf, name);
        return context.CreateEvaluator(asOf).Evaluate(profile);
    }

    /// <summary>Says so (on standard error) when the profile's own evaluation date overrides <c>--as-of</c>.</summary>
    public static void NoteWhenProfileDateWins(CliContext context, WorkPermitProfile profile, DateOnly? asOf, string name)
    {
        if (asOf is { } date && profile.EvaluationDate is { } own && own != date)
        {
            context.Error.WriteLine($"workpermit: note: {name} sets evaluationDate {own:yyyy-MM-dd}, which takes precedence over --as-of {date:yyyy-MM-dd}.");
        }
    }

    /// <summary>A file path as a shell reads it back in a tip (quoted when it holds a space or a quote).</summary>
    public static string Quoted(string path) => path.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '$' or '`' or '&' or ';' or '|')
        ? "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'"
        : path;

    private static void Print(CliContext context, WorkPermitReport report, bool json, string subject)
    {
        if (json)
        {
            // The library writes the contract's JSON; we only indent it for reading (the content is unchanged).
            context.Output.WriteLine(JsonNode.Parse(ReportJson.Write(report))!.ToJsonString(Indented));
            return;
        }

        ReportView.Write(context.Console, report, subject);
    }
}
