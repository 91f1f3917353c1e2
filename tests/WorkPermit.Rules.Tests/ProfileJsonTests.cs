namespace WorkPermit.Rules.Tests;

public sealed class ProfileJsonTests
{
    private static ProfileError Single(string json)
    {
        var result = ProfileJson.Read(json);
        Assert.False(result.IsValid);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void Read_MalformedJson_ReportsInvalidJson()
    {
        var error = Single("{ \"person\": { \"citizenships\": [\"FR\" }");
        Assert.Equal("invalid_json", error.Code);
        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NotAnObject_ReportsRoot()
    {
        var error = Single("[1, 2]");
        Assert.Equal(("$", "not_an_object"), (error.Path, error.Code));
    }

    [Fact]
    public void Read_UnknownEnumValue_NamesPathAndAllowedValues()
    {
        var error = Single("""{ "application": { "channel": "by_post" } }""");
        Assert.Equal(("application.channel", "unknown_value"), (error.Path, error.Code));
        Assert.Contains("'by_post'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'port_of_entry'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EnumGivenAsNumber_IsWrongType()
    {
        var error = Single("""{ "travel": { "mode": 1 } }""");
        Assert.Equal(("travel.mode", "wrong_type"), (error.Path, error.Code));
    }

    [Theory]
    [InlineData("2025-13-01")]
    [InlineData("2025-1-1")]
    [InlineData("01/02/2025")]
    [InlineData("2025-02-30")]
    public void Read_MalformedDate_IsInvalidDate(string date)
    {
        var error = Single($$"""{ "travel": { "arrivalDate": "{{date}}" } }""");
        Assert.Equal(("travel.arrivalDate", "invalid_date"), (error.Path, error.Code));
    }

    [Fact]
    public void Read_NamesAndValuesWrittenWithEscapes_AreReadAsTheirText()
    {
        var result = ProfileJson.Read("""{ "tr\u0061vel": { "arriv\u0061lDate": "2025\u002d04\u002d10", "mode": "\u0061ir" }, "person": { "citizen\u0073hips": ["F\u0052"] } }""");

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(new DateOnly(2025, 4, 10), result.Profile!.Travel!.ArrivalDate);
        Assert.Equal(TravelMode.Air, result.Profile.Travel.Mode);
        Assert.Equal(["FR"], result.Profile.Person!.Citizenships!);
    }

    [Theory]
    [InlineData("Air")]
    [InlineData("AIR")]
    [InlineData("air ")]
    [InlineData("")]
    public void Read_EnumNameInAnotherCase_IsUnknownValue(string mode)
    {
        var error = Single($$"""{ "travel": { "mode": "{{mode}}" } }""");
        Assert.Equal(("travel.mode", "unknown_value"), (error.Path, error.Code));
    }

    [Fact]
    public void Read_UnknownPropertiesIgnored_KnownFactsWithEscapedNamesStillChecked()
    {
        var result = ProfileJson.Read("""{ "travel": { "m\u006fde": "by_balloon", "colour": "red" } }""", UnknownPropertyHandling.Ignore);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("travel.mode", "unknown_value"), (error.Path, error.Code));
    }

    [Theory]
    [InlineData("2025-06-15T17:30:00")]
    [InlineData("2025-06-15")]
    [InlineData("yesterday")]
    public void Read_DateTimeWithoutOffset_IsInvalidDateTime(string value)
    {
        var error = Single($$"""{ "application": { "documentSubmittedAt": "{{value}}" } }""");
        Assert.Equal(("application.documentSubmittedAt", "invalid_date_time"), (error.Path, error.Code));
    }

    [Theory]
    [InlineData("fr", "codes are upper case")]
    [InlineData("XX", "not an ISO 3166-1")]
    [InlineData("FRA", "not an ISO 3166-1")]
    public void Read_BadCountryCode_NamesElementPath(string code, string hint)
    {
        var error = Single($$"""{ "person": { "citizenships": ["DE", "{{code}}"] } }""");
        Assert.Equal(("person.citizenships[1]", "invalid_country"), (error.Path, error.Code));
        Assert.Contains(hint, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BritishNationalityClass_IsAccepted()
    {
        Assert.True(ProfileJson.Read("""{ "person": { "citizenships": ["GB-BNO"], "passportCountry": "GB-BOTC" } }""").IsValid);
    }

    [Fact]
    public void Read_NegativeCount_IsNegative()
    {
        var error = Single("""{ "person": { "accompanyingFamilyCount": -1 } }""");
        Assert.Equal(("person.accompanyingFamilyCount", "negative"), (error.Path, error.Code));
    }

    [Fact]
    public void Read_FractionalCount_IsNotInteger()
    {
        var error = Single("""{ "person": { "accompanyingFamilyCount": 1.5 } }""");
        Assert.Equal(("person.accompanyingFamilyCount", "not_integer"), (error.Path, error.Code));
    }

    [Fact]
    public void Read_NegativeMonths_IsNegative()
    {
        var error = Single("""{ "medical": { "intendedStayMonths": -0.5 } }""");
        Assert.Equal(("medical.intendedStayMonths", "negative"), (error.Path, error.Code));
    }

    [Fact]
    public void Read_BooleanAsText_IsWrongType()
    {
        var error = Single("""{ "person": { "sufficientFunds": "yes" } }""");
        Assert.Equal(("person.sufficientFunds", "wrong_type"), (error.Path, error.Code));
    }

    [Fact]
    public void Read_MisspeltFact_IsUnknownPropertyWithSuggestion()
    {
        var error = Single("""{ "person": { "citizenship": ["FR"] } }""");
        Assert.Equal(("person.citizenship", "unknown_property"), (error.Path, error.Code));
        Assert.Contains("did you mean 'citizenships'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownGroup_IsUnknownProperty()
    {
        var error = Single("""{ "employer": { "name": "X" } }""");
        Assert.Equal(("employer", "unknown_property"), (error.Path, error.Code));
    }

    [Fact]
    public void Read_UnknownPropertiesIgnored_WhenAsked()
    {
        var result = ProfileJson.Read("""{ "clientId": 42, "person": { "nickname": "x", "citizenships": ["FR"] } }""", UnknownPropertyHandling.Ignore);
        Assert.True(result.IsValid);
        Assert.Equal(["FR"], result.Profile!.Person!.Citizenships!);
    }

    [Fact]
    public void Read_PeriodFromAfterTo_IsInvalidPeriod()
    {
        var error = Single("""{ "medical": { "residenceHistory": [ { "country": "IN", "from": "2025-03-01", "to": "2025-01-01" } ] } }""");
        Assert.Equal(("medical.residenceHistory[0]", "invalid_period"), (error.Path, error.Code));
    }

    [Fact]
    public void Read_SeveralProblems_ListsEveryOneByPath()
    {
        var result = ProfileJson.Read("""
            {
              "person": { "citizenships": ["fr"], "accompanyingFamilyCount": -2 },
              "application": { "channel": "mail", "submittedDate": "2025-02-31" },
              "medical": { "residenceHistory": [ { "country": "IN", "from": "bad", "planet": "Mars" } ] }
            }
            """);
        Assert.Equal(
            ["person.citizenships[0]", "person.accompanyingFamilyCount", "application.channel", "application.submittedDate",
             "medical.residenceHistory[0].from", "medical.residenceHistory[0].planet"],
            result.Errors.Select(e => e.Path));
        Assert.Null(result.Profile);
    }

    [Fact]
    public void Read_NullFacts_AreUnknownNotErrors()
    {
        var result = ProfileJson.Read("""{ "person": { "sufficientFunds": null, "citizenships": null }, "travel": null }""");
        Assert.True(result.IsValid);
        Assert.Null(result.Profile!.Person!.SufficientFunds);
        Assert.Null(result.Profile.Travel);
    }

    [Fact]
    public void Read_ValidProfile_RoundTripsThroughWrite()
    {
        var json = """
            {"evaluationDate":"2025-05-14","person":{"citizenships":["FR","CA"],"passportCountry":"FR","accompanyingFamilyCount":2},
             "application":{"channel":"port_of_entry","documentSubmittedAt":"2025-06-15T17:30:00-07:00"},
             "medical":{"intendedStayMonths":6.5,"residenceHistory":[{"country":"IN","from":"2024-01-01","to":"2024-09-30"}]}}
            """;
        var profile = ProfileJson.Read(json).Profile!;
        var again = ProfileJson.Read(ProfileJson.Write(profile)).Profile!;
        Assert.Equal(profile, again);
        Assert.Equal(new DateTimeOffset(2025, 6, 15, 17, 30, 0, TimeSpan.FromHours(-7)), again.Application!.DocumentSubmittedAt);
    }

    [Fact]
    public void Validate_RecordBuiltInCSharp_ListsProblemsByPath()
    {
        var profile = new WorkPermitProfile
        {
            Person = new PersonFacts { Citizenships = ["FR", "zz"], AccompanyingFamilyCount = -1 },
            Application = new ApplicationFacts { Channel = (ApplicationChannel)42 },
        };

        var errors = ProfileJson.Validate(profile);

        Assert.Equal(["person.citizenships[1]", "person.accompanyingFamilyCount", "application.channel"], errors.Select(e => e.Path));
    }

    [Fact]
    public void Facts_EveryContractPath_DescribedOnceWithItsQuestion()
    {
        var paths = ProfileJson.Facts.Select(f => f.Path).ToArray();

        Assert.Equal(paths.Length, paths.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("person.usLawfulPermanentResident", paths);
        Assert.Contains("application.documentSubmittedAt", paths);
        Assert.All(ProfileJson.Facts, f => Assert.False(string.IsNullOrWhiteSpace(f.Question), f.Path));
        Assert.Equal(["outside_canada_online", "inside_canada_online", "port_of_entry"],
            ProfileJson.Facts.Single(f => f.Path == "application.channel").AllowedAnswers);
    }

    [Fact]
    public void ValueName_ContractValue_IsItsSnakeCaseName()
    {
        Assert.Equal("port_of_entry", ProfileJson.ValueName(ApplicationChannel.PortOfEntry));
        Assert.Equal("employer_specific_lmia_exempt", ProfileJson.ValueName(PermitType.EmployerSpecificLmiaExempt));
    }

    [Fact]
    public void ValueName_UndefinedOrForeignValue_Throws()
    {
        Assert.Throws<ArgumentException>(() => ProfileJson.ValueName((ApplicationChannel)42));
        Assert.Throws<ArgumentException>(() => ProfileJson.ValueName(DayOfWeek.Monday));
        Assert.Throws<ArgumentNullException>(() => ProfileJson.ValueName(null!));
    }
}
