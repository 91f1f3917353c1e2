using WorkPermit.Rules.Tests.Support;

namespace WorkPermit.Rules.Tests;

public sealed class ReferenceDataTests
{
    private static readonly ReferenceDataSet Default = ReferenceDataSet.Default;

    private static DateOnly D(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Build_WithoutOverrides_ReusesTheEmbeddedLists_WithOverrides_BuildsAnotherSet()
    {
        Assert.Same(ReferenceDataSet.Default, ReferenceDataSet.Build(new ReferenceDataOptions()));

        var removed = ReferenceDataSet.Build(new ReferenceDataOptions().Remove("RD-01", "FR"));

        Assert.NotSame(ReferenceDataSet.Default, removed);
        Assert.NotEqual(ReferenceDataSet.Default.Fingerprint, removed.Fingerprint);
        Assert.Equal(Tri.Yes, ReferenceDataSet.Default.Lists["RD-01"].Contains("FR", new DateOnly(2025, 1, 1)));
    }

    [Fact]
    public void Default_HasEveryList()
    {
        Assert.Equal(ReferenceDataSet.ListIds, Default.Lists.Keys.Order(StringComparer.Ordinal));
        Assert.All(Default.Lists.Values, list => Assert.False(string.IsNullOrWhiteSpace(list.Description)));
        Assert.All(Default.Lists.Values.SelectMany(l => l.Entries), e => Assert.False(string.IsNullOrWhiteSpace(e.Source)));
    }

    [Theory]
    [InlineData("uncertain", "2020-01-01", Tri.Unknown)]
    [InlineData("conditional", "2020-01-01", Tri.Unknown)]
    [InlineData("member", "2020-01-01", Tri.Yes)]
    [InlineData("member", "2026-01-01", Tri.No)]
    public void Evaluate_CompleteConditionalEtaListWithOnlyAnUnsettledEntry_KeepsPoeExc02Open(string status, string from, Tri excluded)
    {
        // A host's complete RD-02 with one entry: only when no entry at all applies on the arrival date does the list
        // rule the exclusion out for everyone; an uncertain or conditional entry looks up as unknown, and stays so.
        var list = $$"""{ "id": "RD-02", "name": "host", "complete": true, "entries": [ { "code": "IN", "from": "{{from}}", "status": "{{status}}", "source": "host" } ] }""";
        var evaluator = WorkPermitEvaluator.Create(o => o.ReferenceData.Replace("RD-02", list), FixedTimeProvider.On(2025, 5, 1));

        var report = evaluator.Evaluate(new WorkPermitProfile
        {
            Application = new ApplicationFacts { Channel = ApplicationChannel.PortOfEntry },
            Person = new PersonFacts { Citizenships = ["IN"], PassportCountry = "IN", UsLawfulPermanentResident = false },
            Travel = new TravelFacts { ArrivalDate = new DateOnly(2025, 5, 1), Mode = TravelMode.Air },
        });

        Assert.Equal(excluded, report.Findings.Single(f => f.RuleId == "POE-EXC-02").Outcome);
    }

    [Theory]
    [InlineData("2024-02-28", Tri.Yes, Tri.No)]
    [InlineData("2024-02-29", Tri.No, Tri.Yes)]
    [InlineData("2025-01-01", Tri.No, Tri.Yes)]
    public void Mexico_MovesFromVisaExemptToConditionalEta_On20240229(string date, Tri visaExempt, Tri conditional)
    {
        Assert.Equal(visaExempt, Default.Lists["RD-01"].Contains("MX", D(date)));
        Assert.Equal(conditional, Default.Lists["RD-02"].Contains("MX", D(date)));
    }

    [Theory]
    [InlineData("2023-06-05", Tri.No)]
    [InlineData("2023-06-06", Tri.Yes)]
    public void Philippines_JoinsConditionalEta_On20230606(string date, Tri expected) =>
        Assert.Equal(expected, Default.Lists["RD-02"].Contains("PH", D(date)));

    [Theory]
    [InlineData("FR", Tri.Yes)]
    [InlineData("IN", Tri.No)]
    [InlineData("GB-BOC", Tri.Unknown)]
    [InlineData("AE", Tri.Unknown)]
    public void VisaExempt_CompleteListWithConditionalEntries(string code, Tri expected) =>
        Assert.Equal(expected, Default.Lists["RD-01"].Contains(code, D("2025-05-01")));

    [Theory]
    [InlineData("IN", "2025-06-01", Tri.Yes)]
    [InlineData("AU", "2025-06-01", Tri.No)]
    [InlineData("FR", "2025-06-01", Tri.Unknown)]
    [InlineData("UY", "2025-11-02", Tri.No)]
    [InlineData("UY", "2025-11-03", Tri.Yes)]
    [InlineData("LV", "2025-11-02", Tri.Yes)]
    [InlineData("LV", "2025-11-03", Tri.No)]
    [InlineData("AR", "2017-11-22", Tri.Yes)]
    [InlineData("AR", "2020-01-01", Tri.No)]
    [InlineData("AR", "2025-11-03", Tri.Yes)]
    public void Designated_IncompleteListIsReadByDate(string code, string date, Tri expected) =>
        Assert.Equal(expected, Default.Lists["RD-03"].Contains(code, D(date)));

    [Theory]
    [InlineData("YVR", Tri.Yes)]
    [InlineData("yvr", Tri.Yes)]
    [InlineData("YUL", Tri.Unknown)]
    public void BiometricsPorts_UnlistedPortIsUnknown(string port, Tri expected) =>
        Assert.Equal(expected, Default.Lists["RD-04"].Contains(port, D("2025-05-01")));

    [Fact]
    public void Build_AddedEntry_IsOnTheList()
    {
        var options = new ReferenceDataOptions().Add("RD-04", new ReferenceEntry { Code = "YUL", Source = "CBSA list, Quebec airports" });
        Assert.Equal(Tri.Yes, ReferenceDataSet.Build(options).Lists["RD-04"].Contains("YUL", D("2025-05-01")));
    }

    [Fact]
    public void Build_RemovedCode_FallsBackToListDefault()
    {
        var options = new ReferenceDataOptions().Remove("RD-01", "FR");
        Assert.Equal(Tri.No, ReferenceDataSet.Build(options).Lists["RD-01"].Contains("FR", D("2025-05-01")));
    }

    [Fact]
    public void Build_Replacement_ReplacesTheWholeList()
    {
        var options = new ReferenceDataOptions().Replace("RD-04", """
            { "id": "RD-04", "name": "Biometrics ports", "complete": true,
              "entries": [ { "code": "YUL", "source": "host", "from": "2025-01-01" } ] }
            """);
        var list = ReferenceDataSet.Build(options).Lists["RD-04"];
        Assert.Equal(Tri.Yes, list.Contains("YUL", D("2025-05-01")));
        Assert.Equal(Tri.No, list.Contains("YUL", D("2024-12-31")));
        Assert.Equal(Tri.No, list.Contains("YVR", D("2025-05-01")));
    }

    [Fact]
    public void Build_BadReplacement_ThrowsListingEachProblemWithItsPath()
    {
        var options = new ReferenceDataOptions()
            .Replace("RD-04", """{ "id": "RD-04", "complete": "yes", "entries": [ { "code": "YUL", "from": "2025/01/01" } ] }""")
            .Replace("RD-99", """{ "id": "RD-99", "complete": true, "entries": [] }""")
            .Replace("RD-05", "{ not json");

        var exception = Assert.Throws<WorkPermitRulesConfigurationException>(() => ReferenceDataSet.Build(options));

        Assert.Contains(exception.Problems, p => p.Contains("RD-04", StringComparison.Ordinal) && p.Contains("$.complete", StringComparison.Ordinal));
        Assert.Contains(exception.Problems, p => p.Contains("$.entries[0].from", StringComparison.Ordinal) && p.Contains("2025/01/01", StringComparison.Ordinal));
        Assert.Contains(exception.Problems, p => p.Contains("'RD-99'", StringComparison.Ordinal) && p.Contains("no such list", StringComparison.Ordinal));
        Assert.Contains(exception.Problems, p => p.Contains("RD-05", StringComparison.Ordinal) && p.Contains("not valid JSON", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_ReplacementWithAnotherId_IsRejected()
    {
        var options = new ReferenceDataOptions().Replace("RD-04", """{ "id": "RD-05", "complete": true, "entries": [] }""");
        var exception = Assert.Throws<WorkPermitRulesConfigurationException>(() => ReferenceDataSet.Build(options));
        Assert.Contains("replaces 'RD-04'", Assert.Single(exception.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Fingerprint_ChangesWithOverrides()
    {
        var changed = ReferenceDataSet.Build(new ReferenceDataOptions().Add("RD-04", new ReferenceEntry { Code = "YUL", Source = "host" }));
        Assert.NotEqual(Default.Fingerprint, changed.Fingerprint);
        Assert.Equal(Default.Fingerprint, ReferenceDataSet.Build(new ReferenceDataOptions()).Fingerprint);
    }

    [Fact]
    public void Evaluate_WithOverride_UsesTheHostsList()
    {
        var profile = new WorkPermitProfile
        {
            Application = new ApplicationFacts { Channel = ApplicationChannel.PortOfEntry },
            Travel = new TravelFacts { PortOfEntry = "YUL", ArrivalDate = new DateOnly(2025, 5, 1) },
        };
        var plain = WorkPermitEvaluator.Create(timeProvider: FixedTimeProvider.On(2025, 5, 1));
        var extended = WorkPermitEvaluator.Create(o => o.ReferenceData.Add("RD-04", new ReferenceEntry { Code = "YUL", Source = "host" }), FixedTimeProvider.On(2025, 5, 1));

        var before = plain.Evaluate(profile).Findings.Single(f => f.RuleId == "BIO-03");
        var after = extended.Evaluate(profile).Findings.Single(f => f.RuleId == "BIO-03");

        Assert.Equal((Tri.Unknown, Tri.Yes), (before.Outcome, after.Outcome));
        Assert.NotEqual(plain.RuleSet.Fingerprint, extended.RuleSet.Fingerprint);
    }

    [Theory]
    [InlineData("2024-02-28", Tri.Yes, Tri.No)]
    [InlineData("2024-02-29", Tri.No, Tri.Yes)]
    public void Evaluate_MexicanPassport_ReadsListsAsOfArrivalDate(string arrival, Tri visaExempt, Tri excluded)
    {
        var evaluator = WorkPermitEvaluator.Create(timeProvider: FixedTimeProvider.On(2025, 11, 21));
        var report = evaluator.Evaluate(new WorkPermitProfile
        {
            Person = new PersonFacts { Citizenships = ["MX"], PassportCountry = "MX", UsLawfulPermanentResident = false },
            Travel = new TravelFacts { Mode = TravelMode.Land, ArrivalDate = DateOnly.Parse(arrival, System.Globalization.CultureInfo.InvariantCulture) },
            Application = new ApplicationFacts { Channel = ApplicationChannel.PortOfEntry },
        });

        Assert.Equal(visaExempt, report.PortOfEntry!.Requirements["POE-01"]);
        Assert.Equal(excluded, report.Findings.Single(f => f.RuleId == "POE-EXC-02").Outcome);
    }
}
