using WorkPermit.Rules.Cli.Tests.Support;

namespace WorkPermit.Rules.Cli.Tests;

/// <summary><c>interview [--from] [--save]</c>, driven through standard input.</summary>
public sealed class InterviewCommandTests
{
    private static readonly string UnknownProfile = Workpermit.Data("profiles", "poe-unknown-us-lpr-status.json");

    [Fact]
    public void Interview_Answer_ReEvaluatesAndShowsWhatChanged()
    {
        var run = Workpermit.RunWithInput("yes\nq\n", "interview", "--from", UnknownProfile);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Are you a lawful permanent resident of the United States", run.Output, StringComparison.Ordinal);
        Assert.Contains("yes | no", run.Output, StringComparison.Ordinal);
        Assert.Contains("portOfEntry.outcome: unknown \u2192 yes", run.Output, StringComparison.Ordinal);
        Assert.Contains("1 answer given.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Interview_EnumerationQuestion_ShowsNumberedAnswersAndAcceptsANumber()
    {
        // The second question (after funds) asks for the criminal record: none or has_record.
        var run = Workpermit.RunWithInput("yes\nyes\n2\nq\n", "interview", "--from", UnknownProfile);

        Assert.Contains("1) none   2) has_record", run.Output, StringComparison.Ordinal);
        Assert.Contains("general.outcome: unknown \u2192 no", run.Output, StringComparison.Ordinal);
        Assert.Contains("3 answers given.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Interview_EmptyLine_SkipsToTheNextQuestion()
    {
        var run = Workpermit.RunWithInput("\nq\n", "interview", "--from", UnknownProfile);

        Assert.Contains("Skipped.", run.Output, StringComparison.Ordinal);
        Assert.Contains("Do you have enough money", run.Output, StringComparison.Ordinal);
        Assert.Contains("0 answers given.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Interview_Quit_StopsAtOnce()
    {
        var run = Workpermit.RunWithInput("q\nyes\nyes\n", "interview", "--from", UnknownProfile);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Stopped.", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Do you have enough money", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Interview_EndOfInput_StopsLikeQuit()
    {
        var run = Workpermit.RunWithInput(string.Empty, "interview", "--from", UnknownProfile);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Stopped.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Interview_InvalidAnswer_AsksAgain()
    {
        var run = Workpermit.RunWithInput("maybe\nno\nq\n", "interview", "--from", UnknownProfile);

        Assert.Contains("'maybe' is not yes or no. Try again", run.Output, StringComparison.Ordinal);
        Assert.Contains("1 answer given.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Interview_LastQuestionAnswered_StopsWhenNoQuestionIsLeft()
    {
        var run = Workpermit.RunWithInput("y\n", "interview", "--from", Workpermit.Data("profiles", "poe-one-question-fee-unknown.json"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Has the employer paid the employer compliance fee?", run.Output, StringComparison.Ordinal);
        Assert.Contains("portOfEntry.outcome: unknown \u2192 yes", run.Output, StringComparison.Ordinal);
        Assert.Contains("No question left: every outcome the facts can settle is settled.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Interview_Save_WritesTheProfileWithTheAnswers()
    {
        var file = Path.Combine(Path.GetTempPath(), $"workpermit-interview-{Guid.NewGuid():N}.json");
        try
        {
            var run = Workpermit.RunWithInput("yes\n\nnone\nq\n", "interview", "--from", UnknownProfile, "--save", file);

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains($"Saved the profile to {file}", run.Output, StringComparison.Ordinal);
            var saved = ProfileJson.Read(File.ReadAllText(file));
            Assert.True(saved.IsValid, string.Join("; ", saved.Errors));
            Assert.True(saved.Profile!.Person!.UsLawfulPermanentResident);
            Assert.Null(saved.Profile.Person.SufficientFunds);
            Assert.Equal(CriminalRecord.None, saved.Profile.Person.CriminalRecord);
            Assert.Equal(["IN"], saved.Profile.Person.Citizenships!);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Interview_FromNothing_AsksAboutTheApplicationFirst()
    {
        var run = Workpermit.RunWithInput("q\n", "interview");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("questions are still open", run.Output, StringComparison.Ordinal);
    }
}
