using System.Globalization;
using System.Text.Json;

namespace WorkPermit.Rules.Json;

/// <summary>
/// Writes a report's compact JSON straight onto a <see cref="Utf8JsonWriter"/>: property names encoded once, enumeration
/// values as encoded names, findings through <see cref="FindingResultConverter"/> (the catalogue's text copied as
/// encoded bytes). It writes exactly what the source-generated serializer writes with the same options (camelCase
/// names in declaration order, null values left out, snake_case enumeration values, dates as yyyy-MM-dd), which a test
/// checks byte for byte over generated reports; it only skips the serializer's per-property metadata dispatch, which
/// made writing the JSON take longer than building the report, and its first-use cost in a fresh process.
/// </summary>
/// <remarks>A property added to a report type must be added here too, in declaration order: the byte-for-byte test
/// fails until it is.</remarks>
internal static class ReportWriter
{
    public static void Write(Utf8JsonWriter writer, WorkPermitReport report, FindingResultConverter findings)
    {
        writer.WriteStartObject();
        if (report.AsOf is { } asOf)
        {
            writer.WriteStartObject(N.AsOf);
            Date(writer, N.Evaluation, asOf.Evaluation);
            Date(writer, N.Arrival, asOf.Arrival);
            Date(writer, N.Submission, asOf.Submission);
            writer.WriteEndObject();
        }

        if (report.Summary is { } summary)
        {
            writer.WriteStartObject(N.Summary);
            Enum(writer, N.Channel, summary.Channel);
            Enum(writer, N.Outcome, summary.Outcome);
            Strings(writer, N.Blocking, summary.Blocking);
            Strings(writer, N.Open, summary.Open);
            Strings(writer, N.AwaitsOfficer, summary.AwaitsOfficer);
            String(writer, N.Text, summary.Text);
            writer.WriteEndObject();
        }

        if (report.Suggestions is { } suggestions)
        {
            writer.WriteStartArray(N.Suggestions);
            foreach (var suggestion in suggestions)
            {
                Suggestion(writer, suggestion);
            }

            writer.WriteEndArray();
        }

        if (report.SuggestionSearch is { } search)
        {
            writer.WriteStartObject(N.SuggestionSearch);
            Enum(writer, N.Status, search.Status);
            writer.WriteNumber(N.Evaluations, search.Evaluations);
            String(writer, N.Text, search.Text);
            writer.WriteEndObject();
        }

        if (report.General is { } general)
        {
            writer.WriteStartObject(N.General);
            Enum(writer, N.Outcome, general.Outcome);
            Strings(writer, N.Failed, general.Failed);
            Strings(writer, N.Unknown, general.Unknown);
            Strings(writer, N.AwaitsOfficer, general.AwaitsOfficer);
            writer.WriteEndObject();
        }

        if (report.OutsideCanada is { } outside)
        {
            writer.WriteStartObject(N.OutsideCanada);
            Enum(writer, N.Outcome, outside.Outcome);
            writer.WriteEndObject();
        }

        if (report.InsideCanada is { } inside)
        {
            writer.WriteStartObject(N.InsideCanada);
            Enum(writer, N.Outcome, inside.Outcome);
            Strings(writer, N.Bases, inside.Bases);
            writer.WriteEndObject();
        }

        if (report.PortOfEntry is { } poe)
        {
            writer.WriteStartObject(N.PortOfEntry);
            Enum(writer, N.Outcome, poe.Outcome);
            if (poe.Requirements is { } requirements)
            {
                writer.WriteStartObject(N.Requirements);
                foreach (var (id, outcome) in requirements)
                {
                    writer.WritePropertyName(id);
                    EnumValue(writer, outcome);
                }

                writer.WriteEndObject();
            }

            Strings(writer, N.Exclusions, poe.Exclusions);
            Strings(writer, N.PossibleExclusions, poe.PossibleExclusions);
            Enum(writer, N.EtaEligibility, poe.EtaEligibility);
            writer.WriteEndObject();
        }

        Enum(writer, N.Route, report.Route);
        if (report.BiometricsAtPortOfEntry is { } biometrics)
        {
            writer.WriteStartObject(N.BiometricsAtPortOfEntry);
            Enum(writer, N.Outcome, biometrics.Outcome);
            writer.WriteEndObject();
        }

        if (report.MedicalExam is { } exam)
        {
            writer.WriteStartObject(N.MedicalExam);
            Enum(writer, N.Required, exam.Required);
            Enum(writer, N.ValidOnEntry, exam.ValidOnEntry);
            Date(writer, N.ExpiryDate, exam.ExpiryDate);
            writer.WriteEndObject();
        }

        if (report.OpenPermit is { } open)
        {
            writer.WriteStartObject(N.OpenPermit);
            String(writer, N.Category, open.Category);
            writer.WriteEndObject();
        }

        if (report.Employer is { } employer)
        {
            writer.WriteStartObject(N.Employer);
            Enum(writer, N.ComplianceFeeRequired, employer.ComplianceFeeRequired);
            Enum(writer, N.CaqMayBeNeeded, employer.CaqMayBeNeeded);
            Enum(writer, N.NewPermitRequired, employer.NewPermitRequired);
            Enum(writer, N.MayWorkOnlyForNamedEmployer, employer.MayWorkOnlyForNamedEmployer);
            writer.WriteEndObject();
        }

        if (report.InterimAuthorization is { } interim)
        {
            writer.WriteStartObject(N.InterimAuthorization);
            Enum(writer, N.Outcome, interim.Outcome);
            Strings(writer, N.FailedConditions, interim.FailedConditions);
            writer.WriteEndObject();
        }

        if (report.AfterApplying is { } after)
        {
            writer.WriteStartObject(N.AfterApplying);
            Enum(writer, N.ReturnedUnprocessed, after.ReturnedUnprocessed);
            Enum(writer, N.PermitIssuance, after.PermitIssuance);
            Enum(writer, N.CanWorkNow, after.CanWorkNow);
            Enum(writer, N.CanWorkAfterReturn, after.CanWorkAfterReturn);
            Enum(writer, N.MustLeaveCanadaToActivate, after.MustLeaveCanadaToActivate);
            Enum(writer, N.ActivationRisk, after.ActivationRisk);
            Enum(writer, N.DocumentSubmissionOnTime, after.DocumentSubmissionOnTime);
            if (after.DocumentSubmittedAtUtc is { } submitted)
            {
                writer.WriteString(N.DocumentSubmittedAtUtc, submitted);
            }

            if (after.DaysSinceDecisionLetter is { } days)
            {
                writer.WriteNumber(N.DaysSinceDecisionLetter, days);
            }

            Enum(writer, N.LetterOfIntroductionIsWorkPermit, after.LetterOfIntroductionIsWorkPermit);
            writer.WriteEndObject();
        }

        Items(writer, N.Documents, report.Documents);
        Items(writer, N.Actions, report.Actions);
        if (report.Advisories is { } advisories)
        {
            writer.WriteStartArray(N.Advisories);
            foreach (var advisory in advisories)
            {
                if (advisory is null)
                {
                    writer.WriteNullValue();
                    continue;
                }

                writer.WriteStartObject();
                String(writer, N.RuleId, advisory.RuleId);
                String(writer, N.Text, advisory.Text);
                Citation(writer, N.Citation, advisory.Citation);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        Findings(writer, N.Findings, report.Findings, findings);
        Findings(writer, N.House, report.House, findings);
        if (report.Facts is Evaluation.FactValues values)
        {
            writer.WriteStartObject(N.Facts);
            values.WriteProperties(writer);
            writer.WriteEndObject();
        }
        else if (report.Facts is { } facts)
        {
            writer.WriteStartObject(N.Facts);
            foreach (var (path, value) in facts)
            {
                writer.WritePropertyName(path);
                if (value is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    writer.WriteStringValue(value);
                }
            }

            writer.WriteEndObject();
        }

        if (report.Questions is { } questions)
        {
            writer.WriteStartArray(N.Questions);
            foreach (var question in questions)
            {
                if (question is null)
                {
                    writer.WriteNullValue();
                    continue;
                }

                writer.WriteStartObject();
                String(writer, N.Fact, question.Fact);
                String(writer, N.Text, question.Text);
                Enum(writer, N.Kind, question.Kind);
                Strings(writer, N.AllowedAnswers, question.AllowedAnswers);
                Strings(writer, N.Affects, question.Affects);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        Strings(writer, N.Warnings, report.Warnings);
        if (report.RuleSet is { } ruleSet)
        {
            writer.WriteStartObject(N.RuleSet);
            String(writer, N.Version, ruleSet.Version);
            String(writer, N.Fingerprint, ruleSet.Fingerprint);
            writer.WriteNumber(N.Rules, ruleSet.Rules);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void Suggestion(Utf8JsonWriter writer, Suggestion? suggestion)
    {
        if (suggestion is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        if (suggestion.Changes is { } changes)
        {
            writer.WriteStartArray(N.Changes);
            foreach (var change in changes)
            {
                if (change is null)
                {
                    writer.WriteNullValue();
                    continue;
                }

                writer.WriteStartObject();
                String(writer, N.Fact, change.Fact);

                // From and to are always written, null included: a change to "unknown" is a change.
                writer.WritePropertyName(N.From);
                Element(writer, change.From);
                writer.WritePropertyName(N.To);
                Element(writer, change.To);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (suggestion.Outcome is { } outcome)
        {
            writer.WriteStartObject(N.Outcome);
            String(writer, N.Path, outcome.Path);
            Enum(writer, N.From, outcome.From);
            Enum(writer, N.To, outcome.To);
            writer.WriteEndObject();
        }

        Strings(writer, N.Rules, suggestion.Rules);
        String(writer, N.Text, suggestion.Text);
        writer.WriteEndObject();
    }

    private static void Element(Utf8JsonWriter writer, JsonElement? element)
    {
        if (element is { } value)
        {
            value.WriteTo(writer);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private static void Findings(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<FindingResult>? findings, FindingResultConverter converter)
    {
        if (findings is null)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var finding in findings)
        {
            if (finding is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                converter.Write(writer, finding, WorkPermitJson.Options);
            }
        }

        writer.WriteEndArray();
    }

    private static void Items(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<ReportItem>? items)
    {
        if (items is null)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            if (item is null)
            {
                writer.WriteNullValue();
                continue;
            }

            writer.WriteStartObject();
            String(writer, N.Id, item.Id);
            String(writer, N.RuleId, item.RuleId);
            String(writer, N.Name, item.Name);
            Enum(writer, N.Kind, item.Kind);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a citation property; a null citation is left out.</summary>
    public static void Citation(Utf8JsonWriter writer, JsonEncodedText name, Citation? citation)
    {
        if (citation is null)
        {
            return;
        }

        writer.WritePropertyName(name);
        CitationValue(writer, citation);
    }

    /// <summary>Writes a citation as a value (an array element, or after its property name); null as null.</summary>
    public static void CitationValue(Utf8JsonWriter writer, Citation? citation)
    {
        if (citation is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        String(writer, N.Source, citation.Source);
        String(writer, N.SourceTitle, citation.SourceTitle);
        String(writer, N.Quote, citation.Quote);
        writer.WriteEndObject();
    }

    /// <summary>Writes a list of citations as an array value.</summary>
    public static void CitationsValue(Utf8JsonWriter writer, IReadOnlyList<Citation> citations)
    {
        writer.WriteStartArray();
        foreach (var citation in citations)
        {
            CitationValue(writer, citation);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a list of strings as an array value.</summary>
    public static void StringsValue(Utf8JsonWriter writer, IReadOnlyList<string> values)
    {
        writer.WriteStartArray();
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is { } value)
            {
                writer.WriteStringValue(value);
            }
            else
            {
                writer.WriteNullValue();
            }
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a string property; a null string is left out.</summary>
    public static void String(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>Writes a list of strings as an array property; a null list is left out.</summary>
    public static void Strings(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            return;
        }

        writer.WritePropertyName(name);
        StringsValue(writer, values);
    }

    private static void Date(Utf8JsonWriter writer, JsonEncodedText name, DateOnly? date)
    {
        if (date is not { } value)
        {
            return;
        }

        Span<byte> text = stackalloc byte[16];
        value.TryFormat(text, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        writer.WriteString(name, text[..written]);
    }

    private static void Enum<TEnum>(Utf8JsonWriter writer, JsonEncodedText name, TEnum? value)
        where TEnum : struct, Enum
    {
        if (value is { } v)
        {
            writer.WritePropertyName(name);
            EnumValue(writer, v);
        }
    }

    private static void Enum<TEnum>(Utf8JsonWriter writer, JsonEncodedText name, TEnum value)
        where TEnum : struct, Enum
    {
        writer.WritePropertyName(name);
        EnumValue(writer, value);
    }

    private static void EnumValue<TEnum>(Utf8JsonWriter writer, TEnum value)
        where TEnum : struct, Enum
    {
        var names = EnumText<TEnum>.Names;
        var index = EnumText<TEnum>.IndexOf(value);
        if ((uint)index < (uint)names.Length && names[index] is { } encoded)
        {
            writer.WriteStringValue(encoded);
        }
        else
        {
            // A value the enumeration does not name (only a report built in C# can hold one): its number, as the
            // serializer's string-enum converter writes it.
            writer.WriteNumberValue(index);
        }
    }

    /// <summary>An enumeration's JSON names, encoded once, indexed by value.</summary>
    private static class EnumText<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly JsonEncodedText?[] Names = Build();

        private static readonly bool IntBacked = System.Enum.GetUnderlyingType(typeof(TEnum)) == typeof(int);

        /// <summary>The value as its number, without boxing for the (usual) int-backed enumerations.</summary>
        public static int IndexOf(TEnum value) =>
            IntBacked ? System.Runtime.CompilerServices.Unsafe.As<TEnum, int>(ref value) : Convert.ToInt32(value, CultureInfo.InvariantCulture);

        private static JsonEncodedText?[] Build()
        {
            var values = System.Enum.GetValues<TEnum>();
            var names = new JsonEncodedText?[values.Length == 0 ? 0 : values.Max(v => Convert.ToInt32(v, CultureInfo.InvariantCulture)) + 1];
            foreach (var value in values)
            {
                names[Convert.ToInt32(value, CultureInfo.InvariantCulture)] = JsonEncodedText.Encode(EnumNames.Of(value), WorkPermitJson.Options.Encoder);
            }

            return names;
        }
    }

    /// <summary>The report's property names, encoded once.</summary>
    private static class N
    {
        public static readonly JsonEncodedText AsOf = E("asOf"), Evaluation = E("evaluation"), Arrival = E("arrival"), Submission = E("submission");
        public static readonly JsonEncodedText Summary = E("summary"), Channel = E("channel"), Outcome = E("outcome"), Blocking = E("blocking"),
            Open = E("open"), AwaitsOfficer = E("awaitsOfficer"), Text = E("text");
        public static readonly JsonEncodedText Suggestions = E("suggestions"), Changes = E("changes"), Fact = E("fact"), From = E("from"), To = E("to"),
            Path = E("path"), Rules = E("rules");
        public static readonly JsonEncodedText SuggestionSearch = E("suggestionSearch"), Status = E("status"), Evaluations = E("evaluations");
        public static readonly JsonEncodedText General = E("general"), Failed = E("failed"), Unknown = E("unknown");
        public static readonly JsonEncodedText OutsideCanada = E("outsideCanada"), InsideCanada = E("insideCanada"), Bases = E("bases");
        public static readonly JsonEncodedText PortOfEntry = E("portOfEntry"), Requirements = E("requirements"), Exclusions = E("exclusions"),
            PossibleExclusions = E("possibleExclusions"), EtaEligibility = E("etaEligibility"), Route = E("route");
        public static readonly JsonEncodedText BiometricsAtPortOfEntry = E("biometricsAtPortOfEntry"), MedicalExam = E("medicalExam"),
            Required = E("required"), ValidOnEntry = E("validOnEntry"), ExpiryDate = E("expiryDate");
        public static readonly JsonEncodedText OpenPermit = E("openPermit"), Category = E("category");
        public static readonly JsonEncodedText Employer = E("employer"), ComplianceFeeRequired = E("complianceFeeRequired"), CaqMayBeNeeded = E("caqMayBeNeeded"),
            NewPermitRequired = E("newPermitRequired"), MayWorkOnlyForNamedEmployer = E("mayWorkOnlyForNamedEmployer");
        public static readonly JsonEncodedText InterimAuthorization = E("interimAuthorization"), FailedConditions = E("failedConditions");
        public static readonly JsonEncodedText AfterApplying = E("afterApplying"), ReturnedUnprocessed = E("returnedUnprocessed"), PermitIssuance = E("permitIssuance"),
            CanWorkNow = E("canWorkNow"), CanWorkAfterReturn = E("canWorkAfterReturn"), MustLeaveCanadaToActivate = E("mustLeaveCanadaToActivate"),
            ActivationRisk = E("activationRisk"), DocumentSubmissionOnTime = E("documentSubmissionOnTime"), DocumentSubmittedAtUtc = E("documentSubmittedAtUtc"),
            DaysSinceDecisionLetter = E("daysSinceDecisionLetter"), LetterOfIntroductionIsWorkPermit = E("letterOfIntroductionIsWorkPermit");
        public static readonly JsonEncodedText Documents = E("documents"), Actions = E("actions"), Id = E("id"), RuleId = E("ruleId"), Name = E("name"), Kind = E("kind");
        public static readonly JsonEncodedText Advisories = E("advisories"), Citation = E("citation"), Source = E("source"), SourceTitle = E("sourceTitle"), Quote = E("quote");
        public static readonly JsonEncodedText Findings = E("findings"), House = E("house"), Facts = E("facts");
        public static readonly JsonEncodedText Questions = E("questions"), AllowedAnswers = E("allowedAnswers"), Affects = E("affects");
        public static readonly JsonEncodedText Warnings = E("warnings"), RuleSet = E("ruleSet"), Version = E("version"), Fingerprint = E("fingerprint");

        private static JsonEncodedText E(string name) => JsonEncodedText.Encode(name);
    }
}
