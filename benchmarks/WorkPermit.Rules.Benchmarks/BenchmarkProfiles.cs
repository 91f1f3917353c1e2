using System.Reflection;
using WorkPermit.Rules.Testing;

namespace WorkPermit.Rules.Benchmarks;

/// <summary>The profiles the domain benchmarks evaluate, embedded as JSON files under <c>Profiles/</c>.</summary>
internal static class BenchmarkProfiles
{
    /// <summary>Every group present, most facts known: an applicant inside Canada.</summary>
    public const string Full = "full.json";

    /// <summary>A few facts, most unknown: the start of an interview.</summary>
    public const string Sparse = "sparse.json";

    /// <summary>A traveller applying at a port of entry (visa-exempt, LMIA-exempt offer).</summary>
    public const string PortOfEntry = "port-of-entry.json";

    /// <summary>The port-of-entry profile built in C# (the same facts as <c>port-of-entry.json</c>), for measuring a
    /// first report without reading any JSON.</summary>
    /// <returns>The profile.</returns>
    public static WorkPermitProfile PortOfEntryInCode() => new()
    {
        EvaluationDate = new DateOnly(2025, 4, 14),
        Application = new ApplicationFacts
        {
            Channel = ApplicationChannel.PortOfEntry,
            Form = ApplicationForm.PoeSameDay,
            PermitType = PermitType.EmployerSpecificLmiaExempt,
            Program = WorkPermitProgram.OtherImp,
            SuperVisa = false,
        },
        StatusInCanada = new StatusInCanadaFacts { Location = Location.OutsideCanada },
        Travel = new TravelFacts
        {
            TripType = TripType.ArrivingFromAbroad,
            Mode = TravelMode.Air,
            ArrivalDate = new DateOnly(2025, 4, 14),
            PortOfEntry = "YVR",
            PortOfEntryOffersBiometrics = true,
            StartAndFinishAtSamePoe = true,
            HeldCanadianVisaPast10Years = false,
            ValidUsNonImmigrantVisa = false,
            FlagpoleExemption = FlagpoleExemption.None,
        },
        Person = new PersonFacts
        {
            Citizenships = ["FR"],
            PassportCountry = "FR",
            UsLawfulPermanentResident = false,
            SufficientFunds = true,
            CriminalRecord = CriminalRecord.None,
            SecurityConcern = ConcernStatus.None,
            HealthConditionConcern = ConcernStatus.None,
        },
        Job = new JobFacts
        {
            HasJobOffer = true,
            EmployerCompletedRequiredSteps = true,
            OfferOfEmploymentNumberAvailable = true,
            EmployerComplianceFeePaid = true,
            InQuebec = false,
            EmployerNonComplianceStatus = EmployerComplianceListStatus.NotListed,
            EmployerRegularlyOffersSexualServices = false,
            PublicHealthProtection = false,
        },
        Officer = new OfficerFacts
        {
            SatisfiedDepartureIntent = true,
            DocumentsRequested = OfficerDocumentsRequest.None,
            PoliceCertificateRequested = false,
            MedicalExamRequested = false,
        },
        Medical = new MedicalFacts { IntendedStayMonths = 6 },
    };

    /// <summary>Reads one profile's UTF-8 JSON.</summary>
    /// <param name="name">The file name.</param>
    /// <returns>The JSON bytes.</returns>
    public static byte[] Utf8(string name)
    {
        using var stream = typeof(BenchmarkProfiles).Assembly.GetManifestResourceStream($"WorkPermit.Rules.Benchmarks.Profiles.{name}")
            ?? throw new InvalidOperationException($"The benchmark profile {name} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Reads one profile, failing loudly if it is not valid.</summary>
    /// <param name="name">The file name.</param>
    /// <returns>The profile.</returns>
    public static WorkPermitProfile Read(string name)
    {
        var read = ProfileJson.Read(Utf8(name));
        return read.Profile ?? throw new InvalidOperationException($"{name}: {string.Join("; ", read.Errors)}");
    }

    /// <summary>The answer an interview gives to each fact's question: its first allowed answer, as a typed value
    /// (booleans true, enumerations their first value). Facts with free-form answers are not included.</summary>
    /// <returns>The answers by fact path.</returns>
    public static Dictionary<string, object> FirstAnswers()
    {
        var answers = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var fact in ProfileFacts.All)
        {
            if (fact.Kind == FactKind.Boolean)
            {
                answers[fact.Path] = true;
            }
            else if (fact.Kind == FactKind.Enumeration && fact.EnumType is { } type)
            {
                foreach (Enum value in Enum.GetValues(type))
                {
                    if (ProfileJson.ValueName(value) == fact.AllowedAnswers[0])
                    {
                        answers[fact.Path] = value;
                        break;
                    }
                }
            }
        }

        return answers;
    }

    /// <summary>Fails the run when a benchmark's result is not what its profile implies.</summary>
    /// <param name="what">What was checked.</param>
    /// <param name="condition">Whether it held.</param>
    /// <exception cref="InvalidOperationException">It did not.</exception>
    public static void Expect(string what, bool condition)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Benchmark setup check failed: {what}.");
        }
    }

    /// <summary>The assembly whose resources hold the profiles.</summary>
    public static Assembly Assembly => typeof(BenchmarkProfiles).Assembly;
}
