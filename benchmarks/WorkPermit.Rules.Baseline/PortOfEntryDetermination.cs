namespace WorkPermit.Rules.Baseline;

/// <summary>The port-of-entry exclusions POE-EXC-01 to POE-EXC-06, as a set of flags.</summary>
[Flags]
public enum PortOfEntryExclusions
{
    /// <summary>No exclusion.</summary>
    None = 0,

    /// <summary>POE-EXC-01: needs a visitor visa.</summary>
    NeedsVisitorVisa = 1 << 0,

    /// <summary>POE-EXC-02: citizen of a conditional-eTA country (RD-02) who relies on the conditional eTA (AMB-05, revised).</summary>
    ConditionalEtaCitizen = 1 << 1,

    /// <summary>POE-EXC-03: International Experience Canada applicant who is not a US citizen or permanent resident.</summary>
    IecNotUsCitizenOrResident = 1 << 2,

    /// <summary>POE-EXC-04: Seasonal Agricultural Worker Program.</summary>
    SeasonalAgriculturalWorker = 1 << 3,

    /// <summary>POE-EXC-05: post-graduation work permit, arriving on or after 2024-06-21.</summary>
    PostGraduationWorkPermit = 1 << 4,

    /// <summary>POE-EXC-06: flagpoling, not exempted by POE-EXC-06X.</summary>
    Flagpoling = 1 << 5,
}

/// <summary>
/// The port-of-entry determination for one profile, in the shape the library's report gives it
/// (<see cref="WorkPermitReport.PortOfEntry"/> and <see cref="WorkPermitReport.Route"/>).
/// </summary>
/// <remarks>
/// The report shows the port-of-entry section when the application is made at a port of entry, and also while the
/// channel is unknown (LIB-01); until the channel is known the outcome, the requirements and the eTA status stay
/// unknown, while the exclusions are shown as the exclusion rules decide them. When <see cref="Applies"/> is
/// <see cref="Tri.No"/> (an online application) the report has no port-of-entry section: only <see cref="Route"/> is
/// set here and every other member keeps its default.
/// </remarks>
/// <param name="Applies">Whether the application is made at a port of entry (<c>application.channel</c>).</param>
/// <param name="Outcome">POE-04: whether the applicant may apply at a port of entry.</param>
/// <param name="VisaExempt">POE-01: visa-exempt country or visa-exempt traveller.</param>
/// <param name="Eta">POE-02: eTA-eligible or may travel without a visitor visa.</param>
/// <param name="TypeRequirements">POE-03: the type-specific requirements (POE-ES-01 or OWP-01).</param>
/// <param name="Exclusions">The exclusions that apply.</param>
/// <param name="PossibleExclusions">The exclusions not settled by the facts given.</param>
/// <param name="EtaEligibility">The traveller's eTA status (POE-02).</param>
/// <param name="Route">POE-07: how the permit is obtained, when the facts settle it (LIB-02); for someone applying from
/// inside Canada, or in Canada and not eligible at a port of entry, it follows the inside-Canada outcome (INS-10).</param>
public readonly record struct PortOfEntryDetermination(
    Tri Applies,
    Tri Outcome,
    Tri VisaExempt,
    Tri Eta,
    Tri TypeRequirements,
    PortOfEntryExclusions Exclusions,
    PortOfEntryExclusions PossibleExclusions,
    EtaEligibility EtaEligibility,
    PermitRoute? Route)
{
    private static readonly (PortOfEntryExclusions Flag, string RuleId)[] Ids =
    [
        (PortOfEntryExclusions.NeedsVisitorVisa, "POE-EXC-01"),
        (PortOfEntryExclusions.ConditionalEtaCitizen, "POE-EXC-02"),
        (PortOfEntryExclusions.IecNotUsCitizenOrResident, "POE-EXC-03"),
        (PortOfEntryExclusions.SeasonalAgriculturalWorker, "POE-EXC-04"),
        (PortOfEntryExclusions.PostGraduationWorkPermit, "POE-EXC-05"),
        (PortOfEntryExclusions.Flagpoling, "POE-EXC-06"),
    ];

    /// <summary>The rule IDs of a set of exclusions, in catalogue order (allocates; not for the hot path).</summary>
    /// <param name="exclusions">The exclusions.</param>
    /// <returns>Rule IDs such as <c>POE-EXC-02</c>.</returns>
    public static IReadOnlyList<string> RuleIds(PortOfEntryExclusions exclusions)
    {
        var ids = new List<string>(6);
        foreach (var (flag, id) in Ids)
        {
            if ((exclusions & flag) != 0)
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    /// <summary>The flag of an exclusion rule ID.</summary>
    /// <param name="ruleId">POE-EXC-01 to POE-EXC-06.</param>
    /// <returns>The flag.</returns>
    /// <exception cref="ArgumentException"><paramref name="ruleId"/> is not one of the six exclusions.</exception>
    public static PortOfEntryExclusions Flag(string ruleId)
    {
        foreach (var (flag, id) in Ids)
        {
            if (string.Equals(id, ruleId, StringComparison.Ordinal))
            {
                return flag;
            }
        }

        throw new ArgumentException($"'{ruleId}' is not one of POE-EXC-01 to POE-EXC-06.", nameof(ruleId));
    }

    /// <summary>Writes the determination as one line, with rule IDs, for failure messages.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"applies={Applies} outcome={Outcome} POE-01={VisaExempt} POE-02={Eta} POE-03={TypeRequirements} "
        + $"exclusions=[{string.Join(", ", RuleIds(Exclusions))}] possible=[{string.Join(", ", RuleIds(PossibleExclusions))}] "
        + $"eta={EtaEligibility} route={(Route is { } route ? route.ToString() : "null")}";
}
