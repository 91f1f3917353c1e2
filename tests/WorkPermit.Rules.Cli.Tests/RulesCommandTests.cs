using WorkPermit.Rules.Cli.Tests.Support;

namespace WorkPermit.Rules.Cli.Tests;

/// <summary><c>rules</c> and <c>rules &lt;ID&gt;</c>.</summary>
public sealed class RulesCommandTests
{
    [Fact]
    public void Rules_ListsEveryRuleWithKindTitleEffectiveAndSource()
    {
        var run = Workpermit.Run("rules");

        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var rule in RuleCatalogue.Rules)
        {
            var line = run.Output.Split('\n').FirstOrDefault(l => l.TrimStart().StartsWith(rule.Id + " ", StringComparison.Ordinal));
            Assert.True(line is not null, $"{rule.Id} is not listed");
            Assert.Contains(rule.Title, line, StringComparison.Ordinal);
            Assert.Contains(rule.Effective, line, StringComparison.Ordinal);
        }

        Assert.Contains("Who can apply", run.Output, StringComparison.Ordinal);
        Assert.Contains($"{RuleCatalogue.Rules.Count} rules.", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POE-EXC-02")]
    [InlineData("poe-exc-02")]
    public void Rules_Id_ShowsStatementEveryQuoteNotesAndInterpretations(string id)
    {
        var rule = RuleCatalogue.Get("POE-EXC-02");

        var run = Workpermit.Run("rules", id);

        // The statement and notes are long (the revised POE-EXC-02 statement is over 400 characters) and wrap at the
        // page's width, so they are looked for with the line breaks read as the spaces they replace.
        Assert.True(run.ExitCode == 0, run.ToString());
        var text = Flat(run.Output);
        Assert.Contains($"POE-EXC-02 {rule.Title}", run.Output, StringComparison.Ordinal);
        Assert.Contains(Flat(rule.Statement), text, StringComparison.Ordinal);
        Assert.Contains(Flat(rule.Notes), text, StringComparison.Ordinal);
        Assert.Contains("US citizens, US lawful permanent residents and dual nationals travelling on a visa-exempt passport do not", text, StringComparison.Ordinal);
        Assert.True(rule.Citations.Count > 1);
        foreach (var citation in rule.Citations)
        {
            Assert.Contains(Flat($"\u201c{citation.Quote}\u201d \u2014 {citation.SourceTitle} ({citation.Source})"), text, StringComparison.Ordinal);
        }

        Assert.NotEmpty(rule.Interpretations);
        foreach (var interpretation in rule.Interpretations)
        {
            Assert.Contains(interpretation, run.Output, StringComparison.Ordinal);
        }
    }

    /// <summary>Text with every run of white space (line breaks and the padding of wrapped lines) read as one space.</summary>
    private static string Flat(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();

    [Fact]
    public void Rules_UnknownId_ExitsTwoWithSuggestions()
    {
        var run = Workpermit.Run("rules", "POE-99");

        CliAssert.InvalidInput(run, "POE-99", "POE-04");
    }
}
