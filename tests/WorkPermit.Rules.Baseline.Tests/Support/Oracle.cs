using System.Text;
using WorkPermit.Rules.Testing;

namespace WorkPermit.Rules.Baseline.Tests.Support;

/// <summary>A clock stopped at a given instant (the registry has no FakeTimeProvider).</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public static FixedTimeProvider On(int year, int month, int day) => new(new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}

/// <summary>
/// The two implementations side by side: the library's evaluator and the plain C# baseline, on the same reference data
/// and the same stopped clock, so that profiles without dates get the same as-of dates in both.
/// </summary>
public sealed class Oracle
{
    public Oracle(IWorkPermitEvaluator engine)
    {
        Engine = engine;
        Baseline = new PortOfEntryBaseline(engine.ReferenceData, Clock);
        Generators = new WorkPermitGenerators(engine.ReferenceData);
    }

    public static TimeProvider Clock { get; } = FixedTimeProvider.On(2025, 11, 21);

    /// <summary>The library's default configuration (the embedded reference data).</summary>
    public static Oracle Default { get; } = new(WorkPermitEvaluator.Create(timeProvider: Clock));

    public IWorkPermitEvaluator Engine { get; }

    public PortOfEntryBaseline Baseline { get; }

    public WorkPermitGenerators Generators { get; }

    /// <summary>The engine's port-of-entry determination, read from its report in the baseline's shape.</summary>
    public static PortOfEntryDetermination FromReport(WorkPermitProfile profile, WorkPermitReport report)
    {
        if (report.PortOfEntry is not { } port)
        {
            return new PortOfEntryDetermination { Applies = Tri.No, Route = report.Route };
        }

        var exclusions = PortOfEntryExclusions.None;
        foreach (var id in port.Exclusions)
        {
            exclusions |= PortOfEntryDetermination.Flag(id);
        }

        var possible = PortOfEntryExclusions.None;
        foreach (var id in port.PossibleExclusions)
        {
            possible |= PortOfEntryDetermination.Flag(id);
        }

        return new PortOfEntryDetermination(
            profile.Application?.Channel is null ? Tri.Unknown : Tri.Yes,
            port.Outcome,
            port.Requirements["POE-01"],
            port.Requirements["POE-02"],
            port.Requirements["POE-03"],
            exclusions,
            possible,
            port.EtaEligibility,
            report.Route);
    }

    /// <summary>The engine's inside-Canada outcome (INS-10) where its report gives it as INS-10 concluded it: for someone
    /// applying from inside Canada or known to be in Canada, the people whose route follows it. Elsewhere null (the
    /// section is left out, or held unknown until the channel or the location is known).</summary>
    public static Tri? InsideCanadaFromReport(WorkPermitProfile profile, WorkPermitReport report) =>
        InsideCanadaConcerned(profile) ? report.InsideCanada?.Outcome : null;

    private static bool InsideCanadaConcerned(WorkPermitProfile profile) =>
        profile.Application?.Channel == ApplicationChannel.InsideCanadaOnline || profile.StatusInCanada?.Location == Location.InCanada;

    /// <summary>Runs both implementations; null when they agree, else a message with the profile as JSON, both results
    /// and every field that differs.</summary>
    public string? Disagreement(WorkPermitProfile profile)
    {
        var report = Engine.Evaluate(profile);
        var engine = FromReport(profile, report);
        var baseline = Baseline.Determine(profile);

        // The route of someone in Canada follows INS-10; comparing INS-10 itself also covers the profiles whose route
        // does not reach it (eligible at the port of entry, or the outcome unsettled).
        var engineInside = InsideCanadaFromReport(profile, report);
        Tri? baselineInside = InsideCanadaConcerned(profile) ? Baseline.InsideCanada(profile) : null;
        if (engine == baseline && engineInside == baselineInside)
        {
            return null;
        }

        var message = new StringBuilder();
        message.AppendLine("The engine and the baseline disagree on the port-of-entry determination.");
        Field(message, "portOfEntry (section)", engine.Applies == Tri.No ? "absent" : "present", baseline.Applies == Tri.No ? "absent" : "present");
        Field(message, "portOfEntry.outcome", engine.Outcome, baseline.Outcome);
        Field(message, "portOfEntry.requirements.POE-01", engine.VisaExempt, baseline.VisaExempt);
        Field(message, "portOfEntry.requirements.POE-02", engine.Eta, baseline.Eta);
        Field(message, "portOfEntry.requirements.POE-03", engine.TypeRequirements, baseline.TypeRequirements);
        Field(message, "portOfEntry.exclusions", Ids(engine.Exclusions), Ids(baseline.Exclusions));
        Field(message, "portOfEntry.possibleExclusions", Ids(engine.PossibleExclusions), Ids(baseline.PossibleExclusions));
        Field(message, "portOfEntry.etaEligibility", engine.EtaEligibility, baseline.EtaEligibility);
        Field(message, "route", engine.Route?.ToString() ?? "null", baseline.Route?.ToString() ?? "null");
        Field(message, "insideCanada.outcome (INS-10)", engineInside?.ToString() ?? "not compared", baselineInside?.ToString() ?? "not compared");
        message.AppendLine("Engine:   " + engine);
        message.AppendLine("Baseline: " + baseline);
        message.AppendLine("Profile (save as a case file's \"profile\"):");
        message.AppendLine(ProfileJson.Write(profile, indented: true));
        return message.ToString();

        static string Ids(PortOfEntryExclusions set) => "[" + string.Join(", ", PortOfEntryDetermination.RuleIds(set)) + "]";

        static void Field<T>(StringBuilder message, string path, T engine, T baseline)
        {
            if (!EqualityComparer<T>.Default.Equals(engine, baseline))
            {
                message.AppendLine($"  {path}: engine {engine}, baseline {baseline}");
            }
        }
    }

    /// <summary>Throws <see cref="OracleDisagreementException"/> when the implementations disagree on any of the profiles,
    /// so that an FsCheck property over them fails, shrinks the value and reports the shrunk counterexample's profile as
    /// JSON with both results.</summary>
    public void Agree(params WorkPermitProfile[] profiles)
    {
        foreach (var profile in profiles)
        {
            if (Disagreement(profile) is { } disagreement)
            {
                throw new OracleDisagreementException(disagreement);
            }
        }
    }
}

/// <summary>The engine and the baseline disagree; the message names every field that differs and gives the profile as JSON.</summary>
public sealed class OracleDisagreementException(string message) : Exception(message);
