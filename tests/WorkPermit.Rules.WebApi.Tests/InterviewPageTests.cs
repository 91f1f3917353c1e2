using Microsoft.Playwright;
using WorkPermit.Rules.WebApi.Tests.Support;

namespace WorkPermit.Rules.WebApi.Tests;

/// <summary>The interview page in a real browser (see <see cref="BrowserFixture"/>), answered with the keyboard.</summary>
public sealed class InterviewPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // The interview's answers, by fact: an Indian citizen who is not a US permanent resident cannot apply at the port
    // of entry (they need a visitor visa first), which settles that outcome as "no" after two answers.
    private static readonly Dictionary<string, string> Answers = new(StringComparer.Ordinal)
    {
        ["person.citizenships"] = "IN",
        ["person.usLawfulPermanentResident"] = "false",
    };

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

        // Assert: the questions came in the expected order, and the page shows the outcome, why, and what to bring.
        Assert.Equal(["person.citizenships", "person.usLawfulPermanentResident"], asked);
        var portOfEntry = page.Locator("#outcome-portOfEntry");
        Assert.Equal("No", await portOfEntry.Locator(".headline .badge").InnerTextAsync());
        Assert.Contains("POE-EXC-01", await portOfEntry.InnerTextAsync(), StringComparison.Ordinal);

        var exclusion = portOfEntry.Locator(".finding").Filter(new() { Has = page.Locator(".rule-id", new() { HasTextString = "POE-EXC-01" }) });
        Assert.True(await exclusion.IsVisibleAsync(), "the settled outcome's reasons are shown open");
        var passage = RuleCatalogue.Get("POE-EXC-01").Citations[0].Quote.Replace("**", string.Empty, StringComparison.Ordinal);
        Assert.Contains(passage, await exclusion.Locator("blockquote").First.InnerTextAsync(), StringComparison.Ordinal);

        Assert.Contains("Temporary resident visa", await page.Locator("#documents").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Applying at a port of entry: No", await page.Locator("#status").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("#remaining li").CountAsync() > 0, "the questions still open are listed");
        Assert.Equal("person.sufficientFunds", await page.Locator("#question-form").GetAttributeAsync("data-fact"));

        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "interview.png"), FullPage = true });
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
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "interview-narrow.png") });
    }

    [Fact]
    public async Task Interview_WrongAnswer_ShowsTheServersProblemAndKeepsTheQuestion()
    {
        var page = await NewPageAsync(1100, 900);
        await page.GotoAsync(browser.Address.ToString());
        await page.Locator("#start-form button[type=submit]").ClickAsync();
        await WaitForQuestionAsync(page, previous: null);

        // "ZZ" is no country: the page sends it, and shows the library's message with its path.
        await page.Keyboard.TypeAsync("ZZ");
        await page.Keyboard.PressAsync("Enter");
        var problems = page.Locator("#problems");
        await problems.Locator("li").WaitForAsync();

        Assert.Contains("person.citizenships[0]", await problems.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("person.citizenships", await page.Locator("#question-form").GetAttributeAsync("data-fact"));
        Assert.Equal("answer-input", await page.EvaluateAsync<string>("() => document.activeElement.id"));
    }

    [Fact]
    public async Task Interview_InvalidStartingProfile_ShowsEachProblemWithItsPath()
    {
        var page = await NewPageAsync(1100, 900);
        await page.GotoAsync(browser.Address.ToString());

        await page.Locator("#start-profile").FillAsync("""{ "travel": { "mode": "boat" }, "person": { "citizenships": ["XX"] } }""");
        await page.Locator("#start-form button[type=submit]").ClickAsync();
        var problems = page.Locator("#problems");
        await problems.Locator("li").First.WaitForAsync();

        var text = await problems.InnerTextAsync();
        Assert.Contains("travel.mode", text, StringComparison.Ordinal);
        Assert.Contains("person.citizenships[0]", text, StringComparison.Ordinal);
        Assert.False(await page.Locator("#question-form").IsVisibleAsync(), "no question is shown before a profile is accepted");
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
        await page.Locator("#answer-input").FillAsync("2025-06-10");
        await page.Locator("#answer-button").ClickAsync();
        var problems = page.Locator("#problems");
        await problems.Locator("li").WaitForAsync();

        Assert.Contains("medical.examDate (2025-06-10) is after travel.arrivalDate (2025-05-01)", await problems.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("medical.examDate", await page.Locator("#question-form").GetAttributeAsync("data-fact"));

        // Sent again, the answer is kept: the next question comes.
        await page.Locator("#answer-button").ClickAsync();
        Assert.NotEqual("medical.examDate", await WaitForQuestionAsync(page, "medical.examDate"));
        Assert.Contains("\"examDate\": \"2025-06-10\"", await page.Locator("#profile-json").TextContentAsync(), StringComparison.Ordinal);
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
    }

    private async Task<IPage> NewPageAsync(int width, int height)
    {
        var page = await browser.Browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        page.SetDefaultTimeout(15_000);
        return page;
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
