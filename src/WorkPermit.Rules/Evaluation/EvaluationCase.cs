namespace WorkPermit.Rules.Evaluation;

/// <summary>
/// The profile under evaluation, as the rules see it: one fact per evaluation, with every group present
/// (empty when the profile left it out), the as-of dates resolved and the reference data in force.
/// </summary>
internal sealed class EvaluationCase
{
    private static readonly PersonFacts NoPerson = new();
    private static readonly OfficerFacts NoOfficer = new();
    private static readonly StatusInCanadaFacts NoStatus = new();
    private static readonly FamilyFacts NoFamily = new();
    private static readonly TravelFacts NoTravel = new();
    private static readonly ApplicationFacts NoApplication = new();
    private static readonly JobFacts NoJob = new();
    private static readonly MedicalFacts NoMedical = new();
    private static readonly VisitorPolicyFacts NoVisitorPolicy = new();

    public EvaluationCase(WorkPermitProfile profile, DateOnly today, ReferenceDataSet reference)
    {
        Profile = profile;
        Reference = reference;
        Person = profile.Person ?? NoPerson;
        Officer = profile.Officer ?? NoOfficer;
        Status = profile.StatusInCanada ?? NoStatus;
        Family = profile.Family ?? NoFamily;
        Travel = profile.Travel ?? NoTravel;
        Application = profile.Application ?? NoApplication;
        Job = profile.Job ?? NoJob;
        Medical = profile.Medical ?? NoMedical;
        VisitorPolicy = profile.VisitorPolicy ?? NoVisitorPolicy;
        EvaluationDate = profile.EvaluationDate ?? DateBounds.Clamp(today);
        ArrivalDate = Travel.ArrivalDate ?? EvaluationDate;
        SubmissionDate = Application.SubmittedDate ?? EvaluationDate;
    }

    public WorkPermitProfile Profile { get; }

    public ReferenceDataSet Reference { get; }

    public PersonFacts Person { get; }

    public OfficerFacts Officer { get; }

    public StatusInCanadaFacts Status { get; }

    public FamilyFacts Family { get; }

    public TravelFacts Travel { get; }

    public ApplicationFacts Application { get; }

    public JobFacts Job { get; }

    public MedicalFacts Medical { get; }

    public VisitorPolicyFacts VisitorPolicy { get; }

    /// <summary>As-of date for post-decision rules, and the fallback for missing event dates. Today's date from a clock
    /// outside the dates the rules reason about is clamped into them (LIB-29).</summary>
    public DateOnly EvaluationDate { get; }

    /// <summary>As-of date for port-of-entry rules and reference lists (travel.arrivalDate, else the evaluation date).</summary>
    public DateOnly ArrivalDate { get; }

    /// <summary>As-of date for inside-Canada and public-policy rules (application.submittedDate, else the evaluation date).</summary>
    public DateOnly SubmissionDate { get; }

    /// <summary>The facts the arrival date was read from.</summary>
    public FactSet ArrivalDateFacts => Travel.ArrivalDate is null ? FactSet.Of(FactId.EvaluationDate) : FactSet.Of(FactId.TravelArrivalDate);

    /// <summary>The facts the submission date was read from.</summary>
    public FactSet SubmissionDateFacts => Application.SubmittedDate is null ? FactSet.Of(FactId.EvaluationDate) : FactSet.Of(FactId.ApplicationSubmittedDate);

    /// <summary>The findings concluded so far, by catalogue order: every rule records its finding here as it fires,
    /// whether it publishes the finding into the session for other rules to match or not.</summary>
    public FindingSet Findings { get; } = new();

    /// <summary>Records a rule's finding that no other rule matches: it stays out of the session.</summary>
    /// <param name="finding">The finding.</param>
    public void Record(Finding finding) => Findings.Add(finding);

    /// <summary>Records a rule's finding that other rules match, and queues it to enter the session: the evaluation
    /// inserts the queued findings together once the rules ready to fire have fired (see
    /// <see cref="WorkPermitRuleSet.FireUntilQuiet"/>), and the rules that match them fire in the next round.</summary>
    /// <param name="finding">The finding.</param>
    public void Publish(Finding finding)
    {
        Findings.Add(finding);
        _published.Add(finding);
    }

    /// <summary>The findings published since the last round, waiting to enter the session.</summary>
    internal List<object> Published => _published;

    private readonly List<object> _published = new(16);

    public override string ToString() => $"Case(evaluated {EvaluationDate:yyyy-MM-dd})";
}
