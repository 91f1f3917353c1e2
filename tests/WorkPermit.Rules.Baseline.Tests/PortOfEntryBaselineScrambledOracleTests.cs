using WorkPermit.Rules.Baseline.Tests.Support;
using WorkPermit.Rules.Testing;

namespace WorkPermit.Rules.Baseline.Tests;

/// <summary>
/// The oracle property on port-of-entry profiles whose facts are drawn independently (contradictory passports, empty
/// citizenship lists, any trip, program and permit type), with the embedded reference data and with a host's overrides
/// (an incomplete visa-exempt list with dated, conditional and uncertain entries, a country on both visa lists, a
/// flagpoling category removed). In its own class so that it runs beside the other oracle tests.
/// </summary>
public sealed class PortOfEntryBaselineScrambledOracleTests
{
    private static readonly Oracle Overridden = new(WorkPermitEvaluator.Create(
        options => options.ReferenceData
            .Replace("RD-01", """
                {
                  "id": "RD-01", "name": "Visa-exempt (host list, incomplete)", "complete": false,
                  "entries": [
                    { "code": "FR" }, { "code": "GB" }, { "code": "AU" }, { "code": "JP" }, { "code": "IE" },
                    { "code": "MX", "to": "2024-02-28" },
                    { "code": "AR", "to": "2023-06-05" },
                    { "code": "KR", "from": "2019-01-01" },
                    { "code": "GB-BOC", "status": "conditional" },
                    { "code": "AE", "status": "uncertain" }
                  ],
                  "notListed": [ { "code": "IN" }, { "code": "PK" }, { "code": "CN", "to": "2025-12-31" } ]
                }
                """)
            .Add("RD-02", new ReferenceEntry { Code = "FR", From = new DateOnly(2025, 1, 1), Source = "host test: a country on both lists" })
            .Add("RD-02", new ReferenceEntry { Code = "IN", From = new DateOnly(2026, 1, 1), Status = ReferenceStatus.Uncertain, Source = "host test" })
            .Remove("RD-05", "fta_spouse"),
        Oracle.Clock));

    [Property(Arbitrary = [typeof(Scrambled)], MaxTest = 5000)]
    public void Determine_ScrambledPortOfEntryProfiles_AgreesWithEngine(WorkPermitProfile profile) => Oracle.Default.Agree(profile);

    [Property(Arbitrary = [typeof(HostOverridesScrambled)], MaxTest = 2000)]
    public void Determine_HostOverridesScrambledProfiles_AgreesWithEngine(WorkPermitProfile profile) => Overridden.Agree(profile);

    [Property(Arbitrary = [typeof(HostOverridesPortOfEntry)], MaxTest = 1000)]
    public void Determine_HostOverridesPortOfEntryProfiles_AgreesWithEngine(WorkPermitProfile profile) => Overridden.Agree(profile);

    // FsCheck keeps one arbitrary per type: each generator of profiles is a class of its own, named by its property.
    public static class Scrambled
    {
        public static Arbitrary<WorkPermitProfile> Profiles { get; } = WorkPermitGenerators.Arbitrary(ScrambledProfiles.PortOfEntry(Oracle.Default.Generators));
    }

    public static class HostOverridesScrambled
    {
        public static Arbitrary<WorkPermitProfile> Profiles { get; } = WorkPermitGenerators.Arbitrary(ScrambledProfiles.PortOfEntry(Overridden.Generators));
    }

    public static class HostOverridesPortOfEntry
    {
        public static Arbitrary<WorkPermitProfile> Profiles { get; } = WorkPermitGenerators.Arbitrary(Overridden.Generators.PortOfEntry);
    }
}
