using System.Text.Json.Nodes;
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
    public void Interview_Answers_EachShowsWhatWouldChangeTheAnswerUnderWhereItStands()
    {
        // The Indian traveller whose medical exam will have expired, with two facts left out: whether she is a US
        // permanent resident (asked first) and whether the job is in Quebec.
        var profile = JsonNode.Parse(File.ReadAllText(Workpermit.Data("profiles", "poe-no-india-old-exam.json")))!.AsObject();
        profile["person"]!.AsObject().Remove("usLawfulPermanentResident");
        profile["job"]!.AsObject().Remove("inQuebec");
        var file = Path.Combine(Path.GetTempPath(), $"workpermit-interview-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, profile.ToJsonString());
        try
        {
            var run = Workpermit.RunWithInput("no\nno\n", "interview", "--from", file);

            Assert.True(run.ExitCode == 0, run.ToString());
            var output = run.Output;
            var first = output.IndexOf("> no", StringComparison.Ordinal);
            var second = output.IndexOf("> no", first + 1, StringComparison.Ordinal);
            var end = output.IndexOf("2 answers given.", StringComparison.Ordinal);
            Assert.True(first >= 0 && second > first && end > second, run.ToString());

            // After the first answer: where the application stands, then the suggestion with its changes.
            var afterFirst = output[first..second];
            var now = afterFirst.IndexOf("Now: Applying at a port of entry: no", StringComparison.Ordinal);
            var section = afterFirst.IndexOf("\u2500\u2500 What would change the answer \u2500", StringComparison.Ordinal);
            Assert.True(now >= 0 && section > now, run.ToString());
            Assert.Contains("Apply online from outside Canada", afterFirst[section..], StringComparison.Ordinal);
            Assert.Contains("application.channel: port_of_entry -> outside_canada_online", afterFirst, StringComparison.Ordinal);
            Assert.Contains("medical.examDate: 2025-06-01 -> 2026-12-03", afterFirst, StringComparison.Ordinal);

            // The second answer changes nothing there, so it is not repeated in full; the final summary shows it again.
            var afterSecond = output[second..end];
            Assert.Contains("Now: Applying at a port of entry: no", afterSecond, StringComparison.Ordinal);
            Assert.Contains("What would change the answer: the same as after the answer before.", afterSecond, StringComparison.Ordinal);
            Assert.DoesNotContain("application.channel: port_of_entry -> outside_canada_online", afterSecond, StringComparison.Ordinal);
            var final = output[end..];
            var finalSection = final.IndexOf("\u2500\u2500 What would change the answer \u2500", StringComparison.Ordinal);
            Assert.True(final.IndexOf("\u2500\u2500 Summary \u2500", StringComparison.Ordinal) is >= 0 and var summary && finalSection > summary, run.ToString());
            Assert.True(final.IndexOf("\u2500\u2500 Outcomes by section \u2500", StringComparison.Ordinal) > finalSection, run.ToString());
            Assert.Contains("application.channel: port_of_entry -> outside_canada_online", final, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Interview_AnswerThatSettlesNo_ShowsWhyNothingIsSuggested()
    {
        // The third question asks for the criminal record; a record makes the answer no, and no change can undo it.
        var run = Workpermit.RunWithInput("yes\nyes\n2\nq\n", "interview", "--from", UnknownProfile);

        Assert.True(run.ExitCode == 0, run.ToString());
        var answer = run.Output.IndexOf("> 2", StringComparison.Ordinal);
        var after = run.Output[answer..];
        Assert.Contains("Now: Applying at a port of entry: no", after, StringComparison.Ordinal);
        Assert.Contains("No change the person can make removes GEN-04 (Law-abiding, no criminal record)", after, StringComparison.Ordinal);
    }

    [Fact]
    public void Interview_FromNothing_AsksAboutTheApplicationFirst()
    {
        var run = Workpermit.RunWithInput("q\n", "interview");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("questions are still open", run.Output, StringComparison.Ordinal);
    }
}
