using Spectre.Console;
using WorkPermit.Rules.Cli.Rendering;
using WorkPermit.Rules.Cli.Tests.Support;

namespace WorkPermit.Rules.Cli.Tests;

/// <summary>The "What would change the answer" section on its own, for a report the CLI's own evaluator never makes.</summary>
public sealed class SuggestionsViewTests
{
    [Fact]
    public void Write_SuggestionsTurnedOffByTheHost_WritesNothing()
    {
        // A "no" whose evaluator did not look for suggestions: there is no reason to give, so no section at all.
        var json = Workpermit.Run("evaluate", Workpermit.Data("profiles", "poe-no-criminal-record.json"), "--json").Output;
        var report = ReportJson.Read(json) with { Suggestions = [], SuggestionSearch = SuggestionSearchResult.Off };
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(output) });

        SuggestionsView.Write(console, report);

        Assert.Equal(Tri.No, report.Summary.Outcome);
        Assert.False(SuggestionsView.HasContent(report));
        Assert.Equal(string.Empty, output.ToString());
    }
}
