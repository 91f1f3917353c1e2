using WorkPermit.Rules.Testing;

namespace WorkPermit.Rules.Baseline.Tests.Support;

/// <summary>
/// Port-of-entry profiles whose facts are drawn independently of each other, each known three times in four: unlike the
/// library's coherent generators, the passport may be none of the citizenships, the citizenship list may be empty, a US
/// citizen may also be marked a US permanent resident, and any trip, program and permit type may meet. These are valid
/// profiles (<see cref="ProfileJson.Validate"/> accepts them), so both implementations must agree on them too.
/// </summary>
public static class ScrambledProfiles
{
    public static Gen<WorkPermitProfile> PortOfEntry(WorkPermitGenerators generators)
    {
        var country = generators.Country;
        var person =
            from citizenships in MaybeRef(Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Constant(1)), (3, Gen.Constant(2)), (1, Gen.Constant(3)))
                .SelectMany(count => country.ArrayOf(count)).Select(c => (IReadOnlyList<string>)c.Distinct(StringComparer.Ordinal).ToArray()))
            from passport in MaybeRef(country)
            from lpr in Maybe(Bool)
            select new PersonFacts { Citizenships = citizenships, PassportCountry = passport, UsLawfulPermanentResident = lpr };
        var travel =
            from mode in Maybe(Any<TravelMode>())
            from arrival in Maybe(generators.Date)
            from trip in Maybe(Any<TripType>())
            from purpose in Maybe(Bool)
            from flagpole in Maybe(Any<FlagpoleExemption>())
            from visa in Maybe(Bool)
            from niv in Maybe(Bool)
            select new TravelFacts
            {
                Mode = mode, ArrivalDate = arrival, TripType = trip, TripPurposeImmigrationServicesOnReturn = purpose,
                FlagpoleExemption = flagpole, HeldCanadianVisaPast10Years = visa, ValidUsNonImmigrantVisa = niv,
            };
        var application =
            from channel in Gen.Frequency((6, Gen.Constant<ApplicationChannel?>(ApplicationChannel.PortOfEntry)), (1, Gen.Constant<ApplicationChannel?>(null)),
                (1, Any<ApplicationChannel>().Select(c => (ApplicationChannel?)c)))
            from permit in Maybe(Any<PermitType>())
            from program in Maybe(Any<WorkPermitProgram>())
            from category in Maybe(Bool)
            select new ApplicationFacts { Channel = channel, PermitType = permit, Program = program, OpenPermitCategoryEligible = category };
        var job =
            from lmia in Maybe(Any<LmiaStatus>())
            from number in Maybe(Bool)
            from steps in Maybe(Bool)
            from fee in Maybe(Bool)
            select new JobFacts { LmiaStatus = lmia, OfferOfEmploymentNumberAvailable = number, EmployerCompletedRequiredSteps = steps, EmployerComplianceFeePaid = fee };
        return
            from evaluation in Maybe(generators.Date)
            from p in person
            from t in travel
            from a in application
            from j in job
            from location in Maybe(Any<Location>())
            select new WorkPermitProfile
            {
                EvaluationDate = evaluation,
                Person = p,
                Travel = t,
                Application = a,
                Job = j,
                StatusInCanada = location is null ? null : new StatusInCanadaFacts { Location = location },
            };
    }

    private static Gen<bool> Bool => Gen.Elements(true, false);

    private static Gen<T> Any<T>()
        where T : struct, Enum => Gen.Elements(Enum.GetValues<T>());

    private static Gen<T?> Maybe<T>(Gen<T> generator)
        where T : struct => Gen.Frequency((3, generator.Select(v => (T?)v)), (1, Gen.Constant<T?>(null)));

    private static Gen<T?> MaybeRef<T>(Gen<T> generator)
        where T : class => Gen.Frequency((3, generator.Select(v => (T?)v)), (1, Gen.Constant<T?>(null)));
}
