using WorkPermit.Rules.Cli.Tests.Support;

namespace WorkPermit.Rules.Cli.Tests;

/// <summary>The interview does not lose answers: --save is checked before the first question, Ctrl-C and end of input
/// save what was answered, and a date that contradicts another is questioned at once.</summary>
public sealed class InterviewSafetyTests : IDisposable
{
    private static readonly string UnknownProfile = Workpermit.Data("profiles", "poe-unknown-us-lpr-status.json");

    /// <summary>Arrival 2025-05-01, a medical exam required; the port of entry's gate (program, citizenship, passport, US
    /// residence) is answered, so the interview's first question is the medical exam date.</summary>
    private const string MedicalProfile = """{ "evaluationDate": "2025-06-01", "application": { "channel": "port_of_entry", "program": "other_imp" }, "person": { "citizenships": ["FR"], "passportCountry": "FR", "usLawfulPermanentResident": false }, "travel": { "arrivalDate": "2025-05-01" }, "medical": { "intendedStayMonths": 12, "designatedCountryMonthsPastYear": 7 } }""";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("workpermit-interview-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Save_UnwritablePath_FailsBeforeTheFirstQuestion()
    {
        var file = Path.Combine(_folder.FullName, "no-such-folder", "profile.json");

        var run = Workpermit.RunWithInput("yes\nq\n", "interview", "--from", UnknownProfile, "--save", file);

        CliAssert.InvalidInput(run, file, "Nothing was asked");
        Assert.DoesNotContain("Are you a lawful permanent resident", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_Folder_FailsBeforeTheFirstQuestion()
    {
        var run = Workpermit.RunWithInput("yes\nq\n", "interview", "--save", _folder.FullName);

        CliAssert.InvalidInput(run, _folder.FullName, "is a folder");
        Assert.Empty(run.Output);
    }

    [Fact]
    public void Save_WritablePath_LeavesNoFileWhenCheckedAndTheInterviewFails()
    {
        var file = Path.Combine(_folder.FullName, "profile.json");

        var run = Workpermit.RunWithInput("q\n", "interview", "--from", Workpermit.Data("bad", "unknown-enum-value.json"), "--save", file);

        Assert.Equal(2, run.ExitCode);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public void EndOfInput_SavesTheAnswersSoFarAndSaysSo()
    {
        var file = Path.Combine(_folder.FullName, "profile.json");

        var run = Workpermit.RunWithInput("yes\n", "interview", "--from", UnknownProfile, "--save", file);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("End of input: saving the 1 answer given so far.", run.Output, StringComparison.Ordinal);
        Assert.Contains($"Saved the profile to {file}", run.Output, StringComparison.Ordinal);
        Assert.True(ProfileJson.Read(File.ReadAllText(file)).Profile!.Person!.UsLawfulPermanentResident);
    }

    [Fact]
    public void CtrlC_SavesTheAnswersGivenSoFarAndSaysSo()
    {
        var file = Path.Combine(_folder.FullName, "profile.json");
        Action? interrupt = null;
        var settings = new CliSettings
        {
            Clock = TimeProvider.System,
            Terminal = false,
            Width = 400,
            OnInterrupt = handler =>
            {
                interrupt = handler;
                return new Unregister(() => interrupt = null);
            },
        };

        // The user answers one question, then presses Ctrl-C while the second is asked.
        using var input = new InterruptingReader(["yes"], () => interrupt?.Invoke());
        using var output = new StringWriter();
        using var error = new StringWriter();
        CliApp.Run(["interview", "--from", UnknownProfile, "--save", file], input, output, error, settings);

        Assert.Contains($"interrupted; saved the answers given so far to {file}", error.ToString(), StringComparison.Ordinal);
        var saved = ProfileJson.Read(File.ReadAllText(file));
        Assert.True(saved.Profile!.Person!.UsLawfulPermanentResident);
        Assert.Null(interrupt);
    }

    [Fact]
    public void ExamDateAfterArrival_IsQuestionedAndNotKeptUnlessConfirmed()
    {
        var (run, saved) = InterviewMedical("2025-06-10\nno\n2025-04-01\nq\n");

        Assert.Contains("That cannot be right: medical.examDate (2025-06-10) is after travel.arrivalDate (2025-05-01), but a medical exam for entry is taken before arriving.", run.Output, StringComparison.Ordinal);
        Assert.Contains("Not kept.", run.Output, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2025, 4, 1), saved.Medical!.ExamDate);
    }

    [Fact]
    public void ExamDateAfterArrival_ConfirmedIsKept()
    {
        var (run, saved) = InterviewMedical("2025-06-10\nyes\nq\n");

        Assert.Contains("That cannot be right", run.Output, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2025, 6, 10), saved.Medical!.ExamDate);
    }

    /// <summary>Runs the interview from <see cref="MedicalProfile"/> with <paramref name="input"/>, saving; returns the run and the saved profile.</summary>
    private (CliRun Run, WorkPermitProfile Saved) InterviewMedical(string input)
    {
        var from = Path.Combine(_folder.FullName, "medical.json");
        File.WriteAllText(from, MedicalProfile);
        var file = Path.Combine(_folder.FullName, "saved.json");

        var run = Workpermit.RunWithInput(input, "interview", "--from", from, "--save", file);

        Assert.True(run.ExitCode == 0, run.ToString());
        var first = run.Output.Split('\n').First(l => l.Contains(" \u00b7 could settle ", StringComparison.Ordinal));
        Assert.StartsWith("medical.examDate ", first, StringComparison.Ordinal);
        return (run, ProfileJson.Read(File.ReadAllText(file)).Profile!);
    }

    [Theory]
    [InlineData("medical.examDate", "2025-06-10", true)]
    [InlineData("medical.examDate", "2025-05-01", false)]
    [InlineData("application.decisionLetterDate", "2025-02-01", true)]
    [InlineData("application.decisionLetterDate", "2025-03-01", false)]
    [InlineData("medical.indicatedExpiryDate", "2025-01-01", true)]
    [InlineData("person.citizenships", "2025-01-01", false)]
    public void ImpossibleDates_FindsEachPairEitherWay(string fact, string date, bool contradicts)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        var profile = new WorkPermitProfile
        {
            Travel = new TravelFacts { ArrivalDate = new DateOnly(2025, 5, 1) },
            Application = new ApplicationFacts { SubmittedDate = new DateOnly(2025, 3, 1), DecisionLetterDate = fact == "application.decisionLetterDate" ? day : null },
            Medical = new MedicalFacts { ExamDate = fact == "medical.examDate" ? day : new DateOnly(2025, 2, 1), IndicatedExpiryDate = fact == "medical.indicatedExpiryDate" ? day : null },
        };

        Assert.Equal(contradicts, Commands.ImpossibleDates.Contradiction(profile, fact) is not null);
    }

    private sealed class Unregister(Action action) : IDisposable
    {
        public void Dispose() => action();
    }

    /// <summary>Gives the lines, then "presses Ctrl-C" (runs <paramref name="interrupt"/>) and ends.</summary>
    private sealed class InterruptingReader(string[] lines, Action interrupt) : TextReader
    {
        private int _next;

        public override string? ReadLine()
        {
            if (_next < lines.Length)
            {
                return lines[_next++];
            }

            interrupt();
            throw new OperationCanceledException("The process would end here.");
        }
    }
}
