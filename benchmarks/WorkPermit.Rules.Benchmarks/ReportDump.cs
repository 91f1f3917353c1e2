namespace WorkPermit.Rules.Benchmarks;

/// <summary>
/// Writes the report of every profile in a JSON Lines file, one report per line (<c>-- reports in.jsonl out.jsonl</c>),
/// evaluated on the fully compiled rule set with suggestions on. Run it at two commits and compare the outputs to show
/// that a change to how the rules run leaves every report as it was.
/// </summary>
internal static class ReportDump
{
    public static void Run(string input, string output)
    {
        var evaluator = WorkPermitEvaluator.Create();
        _ = Evaluation.WorkPermitRuleSet.Compiled;
        using var writer = new StreamWriter(output, false, new System.Text.UTF8Encoding(false));
        var count = 0;
        foreach (var line in File.ReadLines(input))
        {
            var read = ProfileJson.Read(line, UnknownPropertyHandling.Ignore);
            writer.WriteLine(read.Profile is { } profile ? ReportJson.Write(evaluator.Evaluate(profile)) : "invalid");
            count++;
        }

        Console.WriteLine($"{count} reports written to {output}");
    }
}
