using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using WorkPermit.Rules.Testing;
using WorkPermit.Rules.Tests.Support;

namespace WorkPermit.Rules.Tests;

/// <summary>Screening a caseload: who a policy date affects and because of which rule, lines that are not profiles,
/// and a caseload against its own baseline.</summary>
public sealed class ScreeningTests
{
    private static readonly IWorkPermitEvaluator Evaluator = WorkPermitEvaluator.Create(timeProvider: FixedTimeProvider.On(2025, 11, 21));
    private static readonly CaseloadScreener Screener = new(Evaluator);

    [Fact]
    public async Task Screen_AcrossThePgwpDate_FlipsExactlyThePgwpBorderClients_NamingPoeExc05()
    {
        // Port-of-entry clients with their dates left open (so the as-of date applies) and their program known.
        var clients = Clients(WorkPermitGenerators.Default.PortOfEntry, 300, 20_240_620UL, (profile, i) => profile with
        {
            Application = profile.Application! with { Program = i % 3 == 0 ? WorkPermitProgram.Pgwp : WorkPermitProgram.OtherImp },
        });

        var results = await ScreenAsync(clients, new ScreeningOptions { AsOf = new DateOnly(2024, 6, 20), CompareAsOf = new DateOnly(2024, 6, 21) });

        var pgwp = clients.Where(c => c.Profile!.Application!.Program == WorkPermitProgram.Pgwp).Select(c => c.Id).ToHashSet();
        var named = results.Where(r => r.Changes.Any(c => c.Rules.Contains("POE-EXC-05"))).Select(r => r.Id).ToHashSet();
        Assert.Equal(100, pgwp.Count);
        Assert.Equal(pgwp.Order(), named.Order());
        Assert.All(results.Where(r => pgwp.Contains(r.Id)), r =>
        {
            Assert.Equal("no", r.Compared!.Findings["POE-EXC-05"]);
            Assert.Equal("yes", r.Snapshot!.Findings["POE-EXC-05"]);
            Assert.Contains(r.Changes, c => c.Path.StartsWith("portOfEntry.", StringComparison.Ordinal) && c.Rules.Contains("POE-EXC-05"));
        });
    }

    [Fact]
    public async Task Screen_AcrossTheFlagpolingDate_FlipsExactlyTheFlagpolers_NamingPoeExc06()
    {
        var clients = Clients(WorkPermitGenerators.Default.PortOfEntry, 300, 20_241_223UL, (profile, i) => profile with
        {
            StatusInCanada = (profile.StatusInCanada ?? new StatusInCanadaFacts()) with { Location = i % 3 == 0 ? Location.InCanada : profile.StatusInCanada?.Location },
            Travel = profile.Travel! with
            {
                TripType = i % 3 == 0 ? TripType.ReturningFromUs : profile.Travel!.TripType,
                TripPurposeImmigrationServicesOnReturn = i % 3 == 0,
            },
        });

        var results = await ScreenAsync(clients, new ScreeningOptions { AsOf = new DateOnly(2024, 12, 23), CompareAsOf = new DateOnly(2024, 12, 24) });

        // A flagpoler is barred from 2024-12-24 unless an exemption (POE-EXC-06X) applies.
        var flagpolers = results.Where(r => r.Line % 3 == 1 && r.Snapshot!.Findings["POE-EXC-06X"] != "yes").Select(r => r.Id).ToHashSet();
        var named = results.Where(r => r.Changes.Any(c => c.Rules.Contains("POE-EXC-06"))).Select(r => r.Id).ToHashSet();
        Assert.NotEmpty(flagpolers);
        Assert.Equal(flagpolers.Order(), named.Order());
        Assert.All(results.Where(r => flagpolers.Contains(r.Id)), r => Assert.Equal("no", r.Compared!.Findings["POE-EXC-06"]));
    }

    [Property(Arbitrary = [typeof(WorkPermitArbitraries)], MaxTest = 100)]
    public void Screen_AgainstItsOwnBaseline_ReportsNoChange(WorkPermitProfile profile)
    {
        var line = new CaseloadLine(1, "client", profile, []);
        var first = Screener.Screen(line, new ScreeningOptions { AsOf = new DateOnly(2025, 3, 1) });

        var again = Screener.Screen(line, new ScreeningOptions { AsOf = new DateOnly(2025, 3, 1), Baseline = new Dictionary<string, ReportSnapshot> { ["client"] = first.Snapshot! } });

        Assert.Empty(again.Changes);
        Assert.Same(first.Snapshot!.GetType(), again.Compared!.GetType());
    }

    [Fact]
    public async Task Read_LinesThatAreNotProfiles_AreReportedWithLineNumberAndPath_NeverDropped()
    {
        var text = string.Join('\n',
            """{"id":"a-1","profile":{"application":{"channel":"port_of_entry"}}}""",
            string.Empty,
            """{"application":{"channel":"fax"}}""",
            """{"id":"b-2","profile":{"travel":{"mode":"boat"}}}""",
            "not json",
            """{"profile":{}}""",
            """{"travel":{"mode":"air"}}""");
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));

        var lines = new List<CaseloadLine>();
        await foreach (var line in Caseload.ReadAsync(stream))
        {
            lines.Add(line);
        }

        Assert.Equal([1, 3, 4, 5, 6, 7], lines.Select(l => l.Line));
        Assert.Equal(["a-1", "3", "b-2", "5", "6", "7"], lines.Select(l => l.Id));
        Assert.Empty(lines[0].Errors);
        Assert.Equal("application.channel", Assert.Single(lines[1].Errors).Path);
        Assert.Equal("profile.travel.mode", Assert.Single(lines[2].Errors).Path);
        Assert.Equal("$", Assert.Single(lines[3].Errors).Path);
        Assert.Equal("id", Assert.Single(lines[4].Errors).Path);
        Assert.Empty(lines[5].Errors);

        var results = await ScreenAsync(lines, new ScreeningOptions());
        Assert.Equal(6, results.Count);
        Assert.Equal(4, results.Count(r => !r.IsValid));
    }

    [Fact]
    public async Task Screen_ReportsProgressAndStopsWhenCancelled()
    {
        var clients = Clients(WorkPermitGenerators.Default.AnyProfile, 50, 7UL, (p, _) => p);
        var reports = new List<ScreeningProgress>();

        var results = await ScreenAsync(clients, new ScreeningOptions { MaxDegreeOfParallelism = 2 }, new Progress(reports));

        Assert.Equal(50, results.Count);
        Assert.Equal(50, reports.Max(r => r.Screened));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var result in Screener.ScreenAsync(ToAsync(clients), null, null, cancelled.Token))
            {
                Assert.NotNull(result);
            }
        });
    }

    [Fact]
    public void Compare_NamesTheFlippedRulesBehindEachChangedOutcome()
    {
        var profile = new WorkPermitProfile
        {
            Application = new ApplicationFacts { Channel = ApplicationChannel.PortOfEntry, Program = WorkPermitProgram.Pgwp },
            Person = new PersonFacts { Citizenships = ["FR"], PassportCountry = "FR" },
            Travel = new TravelFacts { Mode = TravelMode.Air },
        };

        var changes = ReportComparison.Compare(
            Evaluator.Evaluate(CaseloadScreener.AsOf(profile, new DateOnly(2024, 6, 20))),
            Evaluator.Evaluate(CaseloadScreener.AsOf(profile, new DateOnly(2024, 6, 21))));

        var exclusions = Assert.Single(changes, c => c.Path == "portOfEntry.exclusions");
        Assert.Equal("POE-EXC-05", exclusions.To);
        Assert.Contains("POE-EXC-05", exclusions.Rules);
        Assert.DoesNotContain(changes, c => c.Rules.Count == 0);
    }

    private static List<CaseloadLine> Clients(Gen<WorkPermitProfile> generator, int count, ulong seed, Func<WorkPermitProfile, int, WorkPermitProfile> shape) =>
        [.. generator.Sample(count, new Rnd(seed), 30).Select((profile, i) =>
        {
            var open = profile with
            {
                EvaluationDate = null,
                Travel = (profile.Travel ?? new TravelFacts()) with { ArrivalDate = null },
                Application = (profile.Application ?? new ApplicationFacts()) with { SubmittedDate = null },
            };
            return new CaseloadLine(i + 1, $"client-{i + 1}", shape(open, i), []);
        })];

    private static async Task<List<ScreeningResult>> ScreenAsync(IReadOnlyList<CaseloadLine> lines, ScreeningOptions options, IProgress<ScreeningProgress>? progress = null)
    {
        var results = new List<ScreeningResult>();
        await foreach (var result in Screener.ScreenAsync(ToAsync(lines), options, progress))
        {
            results.Add(result);
        }

        return results;
    }

    private static async IAsyncEnumerable<CaseloadLine> ToAsync(IReadOnlyList<CaseloadLine> lines)
    {
        foreach (var line in lines)
        {
            await Task.Yield();
            yield return line;
        }
    }

    /// <summary>Collects progress reports synchronously (System.Progress posts them to the thread pool).</summary>
    private sealed class Progress(List<ScreeningProgress> into) : IProgress<ScreeningProgress>
    {
        public void Report(ScreeningProgress value)
        {
            lock (into)
            {
                into.Add(value);
            }
        }
    }
}
