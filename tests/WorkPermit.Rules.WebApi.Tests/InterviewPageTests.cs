using Microsoft.Playwright;
using WorkPermit.Rules.WebApi.Tests.Support;

namespace WorkPermit.Rules.WebApi.Tests;

/// <summary>The interview page in a real browser (see <see cref="BrowserFixture"/>), answered with the keyboard. Every
/// test fails on an error the page writes to the browser's console or an exception it leaves uncaught.</summary>
public sealed class InterviewPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // The interview's answers, by fact: an Indian citizen who is not a US permanent resident, applying under the
    // International Mobility Program, cannot apply at the port of entry (they need a visitor visa first). The port of
    // entry's gate is asked first (the program, then the citizenship), which settles that outcome as "no" after three answers.
    private static readonly Dictionary<string, string> Answers = new(StringComparer.Ordinal)
    {
        ["application.program"] = "other_imp",
        ["person.citizenships"] = "IN",
        ["person.usLawfulPermanentResident"] = "false",
    };

    /// <summary>A traveller at the border whose medical exam (2024-01-10) has expired by the arrival (2025-03-01):
    /// the port of entry is open to her, but the application is not.</summary>
    private const string ExpiredExamProfile = """
        { "evaluationDate": "2025-02-20",
          "application": { "channel": "port_of_entry", "form": "poe_same_day", "permitType": "employer_specific_lmia_exempt", "program": "other_imp", "superVisa": false },
          "statusInCanada": { "location": "outside_canada" },
          "travel": { "tripType": "arriving_from_abroad", "mode": "air", "arrivalDate": "2025-03-01", "portOfEntry": "YVR", "portOfEntryOffersBiometrics": true,
                      "startAndFinishAtSamePoe": true, "heldCanadianVisaPast10Years": false, "validUsNonImmigrantVisa": false, "flagpoleExemption": "none" },
          "person": { "citizenships": ["FR"], "passportCountry": "FR", "usLawfulPermanentResident": false, "sufficientFunds": true, "criminalRecord": "none",
                      "securityConcern": "none", "healthConditionConcern": "none" },
          "job": { "hasJobOffer": true, "employerCompletedRequiredSteps": true, "offerOfEmploymentNumberAvailable": true, "employerComplianceFeePaid": true,
                   "inQuebec": false, "employerNonComplianceStatus": "not_listed", "employerRegularlyOffersSexualServices": false, "publicHealthProtection": false },
          "officer": { "satisfiedDepartureIntent": true, "documentsRequested": "none", "policeCertificateRequested": false, "medicalExamRequested": false },
          "medical": { "intendedStayMonths": 12, "designatedCountryMonthsPastYear": 7, "examDate": "2024-01-10" } }
        """;

    /// <summary>A worker in Canada asking to extend with an LMIA: a form to file (IMM 5710) and documents to include.</summary>
    private const string InsideWorkerProfile = """
        { "evaluationDate": "2025-06-01",
          "application": { "channel": "inside_canada_online", "permitType": "employer_specific_lmia_required", "form": "imm5710" },
          "statusInCanada": { "location": "in_canada", "status": "worker", "holdsValidWorkPermit": true },
          "person": { "citizenships": ["FR"], "passportCountry": "FR" }, "job": { "lmiaStatus": "positive_issued" } }
        """;

    /// <summary>An Indian citizen at the border whose medical exam (2025-06-01) will have expired by her arrival
    /// (2027-01-15): she needs a visitor visa to apply at the port of entry, and a new exam. Applying online from
    /// outside Canada, with a new exam, would make the answer yes.</summary>
    private const string OldExamProfile = """
        { "evaluationDate": "2026-12-03",
          "person": { "citizenships": ["IN"], "passportCountry": "IN", "sufficientFunds": true, "criminalRecord": "none", "securityConcern": "none",
                      "healthConditionConcern": "none", "usLawfulPermanentResident": false },
          "officer": { "satisfiedDepartureIntent": true, "documentsRequested": "none", "medicalExamRequested": false },
          "statusInCanada": { "location": "outside_canada", "status": "not_in_canada" },
          "travel": { "mode": "air", "arrivalDate": "2027-01-15", "tripType": "arriving_from_abroad" },
          "application": { "channel": "port_of_entry", "permitType": "employer_specific_lmia_exempt", "program": "other_imp", "superVisa": false },
          "job": { "hasJobOffer": true, "inQuebec": false, "offerOfEmploymentNumberAvailable": true, "employerCompletedRequiredSteps": true,
                   "employerComplianceFeePaid": true, "employerNonComplianceStatus": "not_listed", "employerRegularlyOffersSexualServices": false,
                   "publicHealthProtection": false },
          "medical": { "intendedStayMonths": 12, "designatedCountryMonthsPastYear": 12, "examDate": "2025-06-01" } }
        """;

    // What the browser reported as errors: console messages of type error, and exceptions the page did not catch.
    private readonly List<string> _consoleErrors = [];

    private static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact]
    public async Task Interview_AnsweredWithTheKeyboard_SettlesThePortOfEntryAndShowsWhy()
    {
        // Arrange: a desktop-sized page at the application's real address.
        var page = await NewPageAsync(1100, 900);
        await page.GotoAsync(browser.Address.ToString());

        // Act: start from the page's own starting profile, then answer each question until the port-of-entry outcome is settled.
        await page.Locator("#start-form button[type=submit]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var asked = await AnswerUntilPortOfEntrySettledAsync(page);

        // Assert: the questions came in the expected order (the port of entry's gate first), and the page shows the
        // answer for the application first, then the outcome, why, and what to bring.
        Assert.Equal(["application.program", "person.citizenships", "person.usLawfulPermanentResident"], asked);
        Assert.Equal("Applying at a port of entry: No", await page.Locator("#summary-headline").InnerTextAsync());
        var blocking = await page.Locator("#summary-blocking").InnerTextAsync();
        Assert.Contains("POE-EXC-01 Needs a visitor visa", blocking, StringComparison.Ordinal);
        var portOfEntry = page.Locator("#outcome-portOfEntry");
        Assert.Equal("No", await portOfEntry.Locator(".headline .badge").InnerTextAsync());
        Assert.Contains("POE-EXC-01", await portOfEntry.InnerTextAsync(), StringComparison.Ordinal);

        var exclusion = portOfEntry.Locator(".finding").Filter(new() { Has = page.Locator(".rule-id", new() { HasTextString = "POE-EXC-01" }) });
        Assert.True(await exclusion.IsVisibleAsync(), "the settled outcome's reasons are shown open");
        var passage = RuleCatalogue.Get("POE-EXC-01").Citations[0].Quote.Replace("**", string.Empty, StringComparison.Ordinal);
        Assert.Contains(passage, await exclusion.Locator("blockquote").First.InnerTextAsync(), StringComparison.Ordinal);
        var facts = await exclusion.Locator(".facts").InnerTextAsync();
        Assert.Contains("citizenships IN", facts, StringComparison.Ordinal);
        Assert.Contains("US permanent resident no", facts, StringComparison.Ordinal);

        Assert.Contains("Temporary resident (visitor) visa", await page.Locator("#documents").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("temporary_resident_visa", await page.Locator("#documents").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Applying at a port of entry: No. Blocked by POE-01, POE-02, POE-EXC-01.", await page.Locator("#status").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("#remaining li").CountAsync() > 0, "the questions still open are listed");
        Assert.Equal("person.sufficientFunds", await page.Locator("#question-form").GetAttributeAsync("data-fact"));

        await AssertHeadingsDoNotJumpAsync(page);
        AssertNoConsoleErrors();

        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "interview.png"), FullPage = true });
    }

    [Fact]
    public async Task Interview_ExpiredExam_SummaryNoAboveThePortOfEntryYesWithTheFactsAndNamedDocuments()
    {
        var page = await NewPageAsync(1100, 900);
        await page.GotoAsync(browser.Address.ToString());

        await page.Locator("#start-profile").FillAsync(ExpiredExamProfile);
        await page.Locator("#start-form button[type=submit]").ClickAsync();
        var headline = page.Locator("#summary-headline");
        await headline.WaitForAsync();

        // The answer is no, blocked by the exam; the port of entry's own yes is shown after it, never in its place.
        Assert.Equal("Applying at a port of entry: No", await headline.InnerTextAsync());
        var blocking = await page.Locator("#summary-blocking").InnerTextAsync();
        Assert.Contains("GEN-07 Good health and medical exam if needed", blocking, StringComparison.Ordinal);
        Assert.Contains("IME-05 IME validity period", blocking, StringComparison.Ordinal);
        Assert.Equal("Yes", await page.Locator("#outcome-portOfEntry .headline .badge").InnerTextAsync());
        Assert.True(await page.EvaluateAsync<bool>(
            "() => !!(document.getElementById('summary-card').compareDocumentPosition(document.getElementById('outcome-portOfEntry')) & Node.DOCUMENT_POSITION_FOLLOWING)"),
            "the summary comes before the port of entry's outcome");
        Assert.StartsWith("Applying at a port of entry: No. Blocked by GEN-07", await page.Locator("#status").InnerTextAsync(), StringComparison.Ordinal);

        // Why: the values that decided IME-05, with the expiry the report works out.
        var ime05 = page.Locator("#outcome-medicalExam .finding").Filter(new() { Has = page.Locator(".rule-id", new() { HasTextString = "IME-05" }) });
        Assert.Equal("Facts: arrival 2025-03-01, exam 2024-01-10, exam expires 2025-01-10 (worked out)", await ime05.Locator(".facts").InnerTextAsync());
        Assert.Equal("travel.arrivalDate", await ime05.Locator(".fact").First.GetAttributeAsync("data-path"));

        // Documents by name, details to have at hand apart, and no form for this profile.
        Assert.Contains("Job offer", await page.Locator("#documents").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Offer of employment number (from the Employer Portal)", await page.Locator("#details").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Offer of employment number", await page.Locator("#documents").InnerTextAsync(), StringComparison.Ordinal);
        Assert.False(await page.Locator("#forms-group").IsVisibleAsync(), "no form to file, so no list of forms");

        // Out of scope: someone outside Canada at the border has no inside-Canada or interim-authorization section.
        Assert.Equal(0, await page.Locator("#outcome-insideCanada").CountAsync());
        Assert.Equal(0, await page.Locator("#outcome-interimAuthorization").CountAsync());
        Assert.Equal(0, await page.Locator(".rule-id", new() { HasTextString = "INS-" }).CountAsync());
        await AssertHeadingsDoNotJumpAsync(page);
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Interview_NoWithASuggestion_ShowsWhatWouldChangeTheAnswerUnderTheSummary()
    {
        var page = await NewPageAsync(1100, 900);
        await page.GotoAsync(browser.Address.ToString());

        await page.Locator("#start-profile").FillAsync(OldExamProfile);
        await page.Locator("#start-form button[type=submit]").ClickAsync();
        await page.Locator("#summary-headline").WaitForAsync();

        // The answer is no; right under it, the one change the server checked: its sentence, each fact from the
        // profile's value to the new one, and the rules that change with it.
        Assert.Equal("Applying at a port of entry: No", await page.Locator("#summary-headline").InnerTextAsync());
        Assert.True(await page.Locator("#suggestions-group").IsVisibleAsync(), "the suggestions are shown for a no");
        Assert.Equal("What would change the answer", await page.Locator("#suggestions-heading").InnerTextAsync());
        var suggestion = page.Locator("#suggestions li.suggestion");
        Assert.Equal(1, await suggestion.CountAsync());
        var text = await suggestion.Locator(".suggestion-text").InnerTextAsync();
        Assert.StartsWith("Apply online from outside Canada (IMM 1295)", text, StringComparison.Ordinal);
        Assert.Contains("take a new immigration medical exam", text, StringComparison.Ordinal);
        Assert.Equal("application.channel: port_of_entry \u2192 outside_canada_online", await suggestion.Locator("li[data-fact='application.channel']").InnerTextAsync());
        Assert.Equal("medical.examDate: 2025-06-01 \u2192 2026-12-03", await suggestion.Locator("li[data-fact='medical.examDate']").InnerTextAsync());
        var rules = await suggestion.Locator(".suggestion-rules").InnerTextAsync();
        Assert.StartsWith("Rules that change: GEN-01, GEN-07", rules, StringComparison.Ordinal);
        Assert.Contains("POE-EXC-01", rules, StringComparison.Ordinal);
        Assert.False(await page.Locator("#suggestion-reason").IsVisibleAsync(), "no reason is needed when a change was found");

        // The section sits between the summary and the outcomes by area, and is never drawn as an outcome itself.
        Assert.True(await page.EvaluateAsync<bool>(
            """
            () => {
              const after = (a, b) => !!(document.getElementById(a).compareDocumentPosition(document.getElementById(b)) & Node.DOCUMENT_POSITION_FOLLOWING);
              return after('summary-card', 'suggestions-group') && after('suggestions-group', 'outcomes-heading');
            }
            """), "the suggestions come after the summary and before the outcomes");
        Assert.Equal(0, await page.Locator("#outcome-suggestions, #outcome-suggestionSearch").CountAsync());
        await AssertHeadingsDoNotJumpAsync(page);
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Interview_NoAndNothingToSuggest_ShowsTheReasonAndAYesShowsNothing()
    {
        var page = await NewPageAsync(1100, 900);
        await page.GotoAsync(browser.Address.ToString());

        // A criminal record is nothing a suggestion changes: the server says so, and the page shows its reason.
        await page.Locator("#start-profile").FillAsync(OldExamProfile.Replace("\"criminalRecord\": \"none\"", "\"criminalRecord\": \"has_record\"", StringComparison.Ordinal));
        await page.Locator("#start-form button[type=submit]").ClickAsync();
        await page.Locator("#summary-headline").WaitForAsync();

        Assert.Equal("Applying at a port of entry: No", await page.Locator("#summary-headline").InnerTextAsync());
        Assert.True(await page.Locator("#suggestions-group").IsVisibleAsync(), "the section is shown to say why nothing is suggested");
        Assert.Equal(0, await page.Locator("#suggestions li").CountAsync());
        var reason = await page.Locator("#suggestion-reason").InnerTextAsync();
        Assert.StartsWith("No change the person can make removes GEN-04", reason, StringComparison.Ordinal);
        Assert.Contains("person.criminalRecord", reason, StringComparison.Ordinal);
        await AssertHeadingsDoNotJumpAsync(page);

        // A new starting profile whose answer is yes: nothing would need to change, so the section goes.
        await page.Locator("#start-profile").FillAsync(OldExamProfile
            .Replace("\"examDate\": \"2025-06-01\"", "\"examDate\": \"2026-12-03\"", StringComparison.Ordinal)
            .Replace("\"port_of_entry\"", "\"outside_canada_online\"", StringComparison.Ordinal));
        await page.Locator("#start-form button[type=submit]").ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('summary-headline').textContent.startsWith('Applying online from outside Canada')");

        Assert.Equal("Applying online from outside Canada: Yes", await page.Locator("#summary-headline").InnerTextAsync());
        Assert.False(await page.Locator("#suggestions-group").IsVisibleAsync(), "no suggestion section for a yes");
        Assert.Equal(string.Empty, await page.Locator("#suggestion-reason").TextContentAsync());
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Interview_InsideCanadaWorker_ListsTheFormToFileApartFromTheDocuments()
    {
        var page = await NewPageAsync(1100, 900);
        await page.GotoAsync(browser.Address.ToString());

        await page.Locator("#start-profile").FillAsync(InsideWorkerProfile);
        await page.Locator("#start-form button[type=submit]").ClickAsync();
        await page.Locator("#summary-headline").WaitForAsync();

        Assert.StartsWith("Applying online from inside Canada:", await page.Locator("#summary-headline").InnerTextAsync(), StringComparison.Ordinal);
        var forms = await page.Locator("#forms").InnerTextAsync();
        var documents = await page.Locator("#documents").InnerTextAsync();
        Assert.Contains("Application to change conditions or extend stay as a worker (IMM 5710)", forms, StringComparison.Ordinal);
        Assert.DoesNotContain("IMM 5710", documents, StringComparison.Ordinal);
        Assert.Contains("Copy of the LMIA approval letter", documents, StringComparison.Ordinal);
        Assert.Contains("Detailed job offer letter", documents, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#outcome-portOfEntry").CountAsync());
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Interview_NewStartingProfileWithProblems_ShowsThemWithThatProfileNotUnderTheInterview()
    {
        var page = await NewPageAsync(1100, 900);
        await page.GotoAsync(browser.Address.ToString());
        await page.Locator("#start-form button[type=submit]").ClickAsync();
        var fact = await WaitForQuestionAsync(page, previous: null);

        // A newcomer pastes their own profile over the first one, with a mistake in it.
        await page.Locator("#start-profile").FillAsync("""{ "travel": { "mode": "boat" } }""");
        await page.Locator("#start-form button[type=submit]").ClickAsync();
        var problems = page.Locator("#start-problems");
        await problems.Locator("li").WaitForAsync();

        Assert.Contains("travel.mode", await problems.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("true", await page.Locator("#start-profile").GetAttributeAsync("aria-invalid"));
        Assert.Equal(string.Empty, await page.Locator("#problems").InnerTextAsync());
        Assert.Equal(fact, await page.Locator("#question-form").GetAttributeAsync("data-fact"));

        // Corrected, it starts a new interview and the problems go.
        await page.Locator("#start-profile").FillAsync("""{ "travel": { "mode": "air" } }""");
        await page.Locator("#start-form button[type=submit]").ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('start-problems').childElementCount === 0");
        Assert.Null(await page.Locator("#start-profile").GetAttributeAsync("aria-invalid"));
        AssertNoConsoleErrors(allowRejectedProfiles: true);
    }

    [Fact]
    public async Task Interview_NarrowScreen_FitsWithoutSideways()
    {
        var page = await NewPageAsync(390, 844);
        await page.GotoAsync(browser.Address.ToString());

        await page.Locator("#start-form button[type=submit]").ClickAsync();
        await AnswerUntilPortOfEntrySettledAsync(page);

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than a 390px screen");
        AssertNoConsoleErrors();
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "interview-narrow.png") });
    }

    [Fact]
    public async Task Interview_WrongAnswer_ShowsTheServersProblemAndKeepsTheQuestion()
    {
        var page = await NewPageAsync(1100, 900);
        await page.GotoAsync(browser.Address.ToString());
        await page.Locator("#start-profile").FillAsync("""{ "application": { "channel": "port_of_entry", "program": "other_imp" } }""");
        await page.Locator("#start-form button[type=submit]").ClickAsync();
        await WaitForQuestionAsync(page, previous: null);

        // "ZZ" is no country: the page sends it, and shows the library's message with its path.
        Assert.Equal("person.citizenships", await page.Locator("#question-form").GetAttributeAsync("data-fact"));
        await page.Keyboard.TypeAsync("ZZ");
        await page.Keyboard.PressAsync("Enter");
        var problems = page.Locator("#problems");
        await problems.Locator("li").WaitForAsync();

        Assert.Contains("person.citizenships[0]", await problems.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("person.citizenships", await page.Locator("#question-form").GetAttributeAsync("data-fact"));
        Assert.Equal("answer-input", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        AssertNoConsoleErrors(allowRejectedProfiles: true);
    }

    [Fact]
    public async Task Interview_InvalidStartingProfile_ShowsEachProblemWithItsPath()
    {
        var page = await NewPageAsync(1100, 900);
        await page.GotoAsync(browser.Address.ToString());

        await page.Locator("#start-profile").FillAsync("""{ "travel": { "mode": "boat" }, "person": { "citizenships": ["XX"] } }""");
        await page.Locator("#start-form button[type=submit]").ClickAsync();
        var problems = page.Locator("#start-problems");
        await problems.Locator("li").First.WaitForAsync();

        var text = await problems.InnerTextAsync();
        Assert.Contains("travel.mode", text, StringComparison.Ordinal);
        Assert.Contains("person.citizenships[0]", text, StringComparison.Ordinal);
        Assert.False(await page.Locator("#question-section").IsVisibleAsync(), "no question is shown before a profile is accepted");
        AssertNoConsoleErrors(allowRejectedProfiles: true);
    }

    [Fact]
    public async Task Interview_HouseRules_ShowTheirFindingWithItsFactsAndSource()
    {
        var page = await NewPageAsync(1100, 900);
        await page.GotoAsync(browser.Address.ToString());

        await page.Locator("#start-profile").FillAsync("""
            { "evaluationDate": "2025-04-14", "application": { "channel": "port_of_entry" },
              "travel": { "mode": "air", "arrivalDate": "2025-04-14" },
              "extensions": { "passport": { "expiryDate": "2025-08-01" } } }
            """);
        await page.Locator("#start-form button[type=submit]").ClickAsync();
        var house = page.Locator("#outcome-house");
        await house.WaitForAsync();

        var text = await house.InnerTextAsync();
        Assert.Contains("House rules (the firm's own checks)", text, StringComparison.Ordinal);
        Assert.Contains("HOUSE-PASSPORT-6M", text, StringComparison.Ordinal);
        Assert.Equal("No", await house.Locator(".badge").First.InnerTextAsync());
        Assert.Contains("Expires 2025-08-01; arrival 2025-04-14", text, StringComparison.Ordinal);
        Assert.Contains("Firm handbook: travel documents", text, StringComparison.Ordinal);
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Interview_ExamDateAfterArrival_IsQuestionedAtOnceAndKeptOnlyWhenSentAgain()
    {
        var page = await NewPageAsync(1100, 900);
        await page.GotoAsync(browser.Address.ToString());
        await page.Locator("#start-profile").FillAsync("""{ "evaluationDate": "2025-06-01", "application": { "channel": "port_of_entry" }, "travel": { "arrivalDate": "2025-05-01" }, "medical": { "intendedStayMonths": 12, "designatedCountryMonthsPastYear": 7 } }""");
        await page.Locator("#start-form button[type=submit]").ClickAsync();
        string? fact = null;
        for (var skips = 0; skips < 10 && fact != "medical.examDate"; skips++)
        {
            if (fact is not null)
            {
                await page.Locator("#skip-button").ClickAsync();
            }

            fact = await WaitForQuestionAsync(page, fact);
        }

        Assert.Equal("medical.examDate", fact);

        // The field takes the date as its hint says, yyyy-MM-dd (not the browser's own date format).
        var input = page.Locator("#answer-input");
        Assert.Equal("text", await input.GetAttributeAsync("type"));
        Assert.Equal("yyyy-MM-dd", await input.GetAttributeAsync("placeholder"));
        Assert.Contains("yyyy-MM-dd", await page.Locator("#answer-hint").InnerTextAsync(), StringComparison.Ordinal);
        await input.FillAsync("2025-06-10");
        await page.Locator("#answer-button").ClickAsync();
        var problems = page.Locator("#problems");
        await problems.Locator("li").WaitForAsync();

        Assert.Contains("medical.examDate (2025-06-10) is after travel.arrivalDate (2025-05-01)", await problems.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("medical.examDate", await page.Locator("#question-form").GetAttributeAsync("data-fact"));

        // Sent again, the answer is kept: the next question comes.
        await page.Locator("#answer-button").ClickAsync();
        Assert.NotEqual("medical.examDate", await WaitForQuestionAsync(page, "medical.examDate"));
        Assert.Contains("\"examDate\": \"2025-06-10\"", await page.Locator("#profile-json").TextContentAsync(), StringComparison.Ordinal);
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Interview_Skip_AsksTheNextQuestionAndUndoBringsItBack()
    {
        var page = await NewPageAsync(1100, 900);
        await page.GotoAsync(browser.Address.ToString());
        await page.Locator("#start-form button[type=submit]").ClickAsync();
        var first = await WaitForQuestionAsync(page, previous: null);

        await page.Locator("#skip-button").ClickAsync();
        var second = await WaitForQuestionAsync(page, previous: first);
        var remainingAfterSkip = await page.Locator("#remaining").InnerTextAsync();
        await page.Locator("#undo-button").ClickAsync();
        var again = await WaitForQuestionAsync(page, previous: second);

        Assert.NotEqual(first, second);
        Assert.Contains($"{first} (skipped)", remainingAfterSkip, StringComparison.Ordinal);
        Assert.Equal(first, again);
        Assert.DoesNotContain("(skipped)", await page.Locator("#remaining").InnerTextAsync(), StringComparison.Ordinal);
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Interview_ReportText_IsShownAsTextNeverAsMarkup()
    {
        var page = await NewPageAsync(1100, 900);
        await page.GotoAsync(browser.Address.ToString());

        await page.Locator("#start-profile").FillAsync("""{ "travel": { "portOfEntry": "<img src=x id=injected>" } }""");
        await page.Locator("#start-form button[type=submit]").ClickAsync();
        await WaitForQuestionAsync(page, previous: null);

        Assert.Equal(0, await page.Locator("#injected").CountAsync());
        Assert.Contains("<img src=x id=injected>", await page.Locator("#profile-json").TextContentAsync() ?? string.Empty, StringComparison.Ordinal);
        AssertNoConsoleErrors();
    }

    private async Task<IPage> NewPageAsync(int width, int height)
    {
        var page = await browser.Browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        page.SetDefaultTimeout(15_000);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_consoleErrors)
                {
                    _consoleErrors.Add($"console: {message.Text} ({message.Location})");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_consoleErrors)
            {
                _consoleErrors.Add($"uncaught: {error}");
            }
        };
        return page;
    }

    /// <summary>Fails on any error the browser reported. Where a test sends a profile the server rejects on purpose, the
    /// browser's own network line for that 400 (Chromium logs every failed fetch) is the one error allowed.</summary>
    private void AssertNoConsoleErrors(bool allowRejectedProfiles = false)
    {
        lock (_consoleErrors)
        {
            var errors = _consoleErrors.Where(e => !(allowRejectedProfiles
                && e.StartsWith("console: Failed to load resource: the server responded with a status of 400", StringComparison.Ordinal)
                && e.Contains("/v1/evaluate", StringComparison.Ordinal))).ToArray();
            Assert.True(errors.Length == 0, "The browser reported errors:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
        }
    }

    /// <summary>The visible headings, in order, start at h1 and never go more than one level deeper than the one before.</summary>
    private static async Task AssertHeadingsDoNotJumpAsync(IPage page)
    {
        var levels = await page.EvaluateAsync<int[]>(
            """
            () => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
                .filter((h) => h.getClientRects().length > 0)
                .map((h) => Number(h.tagName.substring(1)))
            """);
        Assert.NotEmpty(levels);
        Assert.Equal(1, levels[0]);
        for (var i = 1; i < levels.Length; i++)
        {
            Assert.True(levels[i] <= levels[i - 1] + 1, $"heading {i} is h{levels[i]} after h{levels[i - 1]}: {string.Join(" ", levels.Select(l => $"h{l}"))}");
        }
    }

    /// <summary>Answers each question from <see cref="Answers"/> with the keyboard until the port-of-entry outcome is yes
    /// or no; returns the facts asked, in order.</summary>
    private static async Task<List<string>> AnswerUntilPortOfEntrySettledAsync(IPage page)
    {
        var asked = new List<string>();
        string? previous = null;
        for (var turn = 0; turn < 10; turn++)
        {
            var fact = await WaitForQuestionAsync(page, previous);
            var outcome = await page.Locator("#outcome-portOfEntry .headline .badge").InnerTextAsync();
            if (outcome is "Yes" or "No")
            {
                return asked;
            }

            Assert.True(Answers.TryGetValue(fact, out var answer), $"the test has no answer for the question about {fact}");
            asked.Add(fact);

            // Focus is on the question's first control already. An input takes the typed answer and Enter; buttons are
            // walked with Tab to the one wanted, then pressed with Enter.
            if (await page.Locator("#answer-input").CountAsync() > 0)
            {
                Assert.Equal("answer-input", await page.EvaluateAsync<string>("() => document.activeElement.id"));
                await page.Keyboard.TypeAsync(answer);
            }
            else
            {
                for (var tab = 0; tab < 20 && await page.EvaluateAsync<string>("() => document.activeElement.value") != answer; tab++)
                {
                    await page.Keyboard.PressAsync("Tab");
                }
            }

            await page.Keyboard.PressAsync("Enter");
            previous = fact;
        }

        Assert.Fail("The port-of-entry outcome was not settled after 10 answers.");
        return asked;
    }

    /// <summary>Waits until a question other than <paramref name="previous"/> is on screen with focus inside it; returns its fact.</summary>
    private static async Task<string> WaitForQuestionAsync(IPage page, string? previous)
    {
        await page.WaitForFunctionAsync(
            """
            previous => {
              const form = document.getElementById('question-form');
              return !form.hidden && form.dataset.fact && form.dataset.fact !== previous && form.contains(document.activeElement);
            }
            """,
            previous);
        return (await page.Locator("#question-form").GetAttributeAsync("data-fact"))!;
    }
}
