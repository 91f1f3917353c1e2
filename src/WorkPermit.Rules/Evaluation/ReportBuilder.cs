using WorkPermit.Rules.Rules;

namespace WorkPermit.Rules.Evaluation;

/// <summary>
/// Builds the report from the findings. The outcomes follow the catalogue's aggregators (GEN-01, INS-10, POE-04...);
/// a section is left out (null) when its channel or situation is known not to concern the profile, and is unknown
/// (asking for the channel or location) while that is not known. Questions are the missing facts of the outcomes
/// that are unknown, weighted by the outcomes they could settle.
/// </summary>
internal static class ReportBuilder
{
    private static readonly string[] GeneralInputs = [RuleIds.Gen02, RuleIds.Gen03, RuleIds.Gen04, RuleIds.Gen06, RuleIds.Gen07, RuleIds.Gen08, RuleIds.Gen09, RuleIds.Gen10];
    private static readonly string[] InsideBases = [RuleIds.Ins01, RuleIds.Ins02, RuleIds.Ins03, RuleIds.Ins04, RuleIds.Ins05, RuleIds.Ins06, RuleIds.Ins07, RuleIds.Ins08, RuleIds.Ins09, RuleIds.Ins13];
    private static readonly string[] PortRequirements = [RuleIds.Poe01, RuleIds.Poe02, RuleIds.Poe03];
    private static readonly string[] PortExclusions = [RuleIds.PoeExc01, RuleIds.PoeExc02, RuleIds.PoeExc03, RuleIds.PoeExc04, RuleIds.PoeExc05, RuleIds.PoeExc06];
    private static readonly string[] OpenPermitCategories = [RuleIds.Owp02, RuleIds.Owp03, RuleIds.Owp04, RuleIds.Owp05, RuleIds.Owp06];
    private static readonly string[] NoIds = [];

    [ThreadStatic]
    private static List<ReportOutcome>? t_outcomes;

    public static WorkPermitReport Build(EvaluationCase c, FindingSet f, RuleSetInfo ruleSet, bool suggestions = false)
    {
        // The outcomes are only read while the report is built (for its questions), so each thread reuses one list.
        var outcomes = t_outcomes ??= new List<ReportOutcome>(48);
        outcomes.Clear();

        // General requirements (GEN-01).
        var gen01 = f[RuleIds.Gen01];
        outcomes.Add(new("general.outcome", gen01.Verdict, 10, Tiers.General));
        var channel = c.Application.Channel;
        var general = new GeneralRequirementsResult
        {
            Outcome = gen01.Outcome,
            Failed = Select(f, GeneralInputs, x => x.Rule.Kind == RuleKind.Exclusion ? x.IsYes : x.IsNo),
            Unknown = Select(f, GeneralInputs, x => x.IsUnknown),
            AwaitsOfficer = AwaitsOfficer(f, gen01, GeneralInputs),
        };

        // Outside Canada (OUT-01).
        OutsideCanadaResult? outside = null;
        var outsideGate = Is.Equal(c.Application.Channel, ApplicationChannel.OutsideCanadaOnline, FactId.ApplicationChannel);
        if (!outsideGate.IsNo)
        {
            var verdict = Gated(outsideGate, f[RuleIds.Out01].Verdict);
            outcomes.Add(new("outsideCanada.outcome", verdict, 10, channel == ApplicationChannel.OutsideCanadaOnline ? Tiers.Channel : Tiers.Other));
            outside = new OutsideCanadaResult { Outcome = verdict.Value };
        }

        // Inside Canada (INS-10).
        // The section concerns someone applying from inside Canada or in Canada (Scope.InsideCanada); it is left out for
        // someone applying online from outside Canada or known to be outside, and gated while that is not known.
        InsideCanadaResult? inside = null;
        var insideScope = Rules.Scope.InsideCanada(c);
        if (insideScope != Tri.No)
        {
            var insideGate = insideScope == Tri.Yes ? Verdict.Yes : Verdict.Unknown(InsideGateFacts(c), InsideGateFacts(c));
            var verdict = Gated(insideGate, f[RuleIds.Ins10].Verdict);
            outcomes.Add(new("insideCanada.outcome", verdict, 10, channel == ApplicationChannel.InsideCanadaOnline ? Tiers.Channel : Tiers.General));
            inside = new InsideCanadaResult { Outcome = verdict.Value, Bases = Select(f, InsideBases, x => x.IsYes) };
        }

        // Port of entry (POE-04).
        PortOfEntryResult? port = null;
        var portGate = Is.Equal(c.Application.Channel, ApplicationChannel.PortOfEntry, FactId.ApplicationChannel);
        if (!portGate.IsNo)
        {
            var verdict = Gated(portGate, f[RuleIds.Poe04].Verdict);
            var portTier = channel == ApplicationChannel.PortOfEntry ? Tiers.Channel : Tiers.Other;
            outcomes.Add(new("portOfEntry.outcome", verdict, 10, portTier));
            // Sub-results are gated like the outcome: until the application is known to be made at a port of entry
            // they stay unknown, so that none can disappear when the channel is answered.
            var requirements = new Dictionary<string, Tri>(3, StringComparer.Ordinal);
            foreach (var id in PortRequirements)
            {
                var requirement = Gated(portGate, f[id].Verdict);
                requirements[id] = requirement.Value;
                outcomes.Add(new($"portOfEntry.requirements.{id}", requirement, 1, portTier));
            }

            var eta = (Rules.PortOfEntry.EtaResult)f[RuleIds.Poe02].Value!;
            var etaSettled = Gated(portGate, eta.Eligibility == EtaEligibility.Unknown ? Verdict.Unknown(eta.Missing) : Verdict.Yes);
            outcomes.Add(new("portOfEntry.etaEligibility", etaSettled, 1));
            var etaEligibility = etaSettled.IsUnknown ? EtaEligibility.Unknown : eta.Eligibility;
            port = new PortOfEntryResult
            {
                Outcome = verdict.Value,
                Requirements = requirements,
                Exclusions = Select(f, PortExclusions, x => x.IsYes),
                PossibleExclusions = Select(f, PortExclusions, x => x.IsUnknown),
                EtaEligibility = etaEligibility,
            };
        }

        // Biometrics (BIO-01).
        var bio01 = f[RuleIds.Bio01];
        outcomes.Add(new("biometricsAtPortOfEntry.outcome", bio01.Verdict, 5));

        // Medical exam (IME-01 to IME-06).
        var required = f[RuleIds.Ime01].Verdict | f[RuleIds.Ime02].Verdict | f[RuleIds.Ime03].Verdict | f[RuleIds.Ime06].Verdict;
        outcomes.Add(new("medicalExam.required", required, 10));
        var ime05 = f[RuleIds.Ime05];
        Tri? validOnEntry = null;
        var examGiven = c.Medical.ExamDate is not null || c.Medical.IndicatedExpiryDate is not null;
        if (!required.IsNo || examGiven)
        {
            // IME-05 is a date rule: an exam valid on the day of entry is valid whether or not one turns out to be
            // required. With no exam required and none taken, there is nothing to say, so until an exam is given the
            // answers that show none is required settle it too (by leaving it out).
            var validity = examGiven || required.IsYes || !ime05.IsUnknown
                ? ime05.Verdict
                : Verdict.Unknown(ime05.Verdict.ToYes, ime05.Verdict.ToNo | required.ToNo);
            validOnEntry = validity.Value;
            outcomes.Add(new("medicalExam.validOnEntry", validity, 5));
        }

        var medical = new MedicalExamResult { Required = required.Value, ValidOnEntry = validOnEntry, ExpiryDate = ime05.Value as DateOnly? };

        // Employer.
        var caq = f[RuleIds.Lmia02].Verdict | f[RuleIds.Lmia03].Verdict;
        outcomes.Add(new("employer.complianceFeeRequired", f[RuleIds.Lmia05].Verdict, 5));
        outcomes.Add(new("employer.caqMayBeNeeded", caq, 3));
        outcomes.Add(new("employer.mayWorkOnlyForNamedEmployer", f[RuleIds.Chg01].Verdict, 3));
        Tri? newPermit = null;
        // Changing employer under a permit concerns someone who holds a work permit (or says what they hold or want):
        // not a student applying for a post-graduation permit, nor a visitor applying for a first permit.
        if (f[RuleIds.Chg02].Applicable == Tri.Yes)
        {
            newPermit = f[RuleIds.Chg02].Outcome;
            outcomes.Add(new("employer.newPermitRequired", f[RuleIds.Chg02].Verdict, 3));
        }

        var employer = new EmployerResult
        {
            ComplianceFeeRequired = f[RuleIds.Lmia05].Outcome,
            CaqMayBeNeeded = caq.Value,
            NewPermitRequired = newPermit,
            MayWorkOnlyForNamedEmployer = f[RuleIds.Chg01].Outcome,
        };

        // Visitor interim authorization (AFT-15): only for a visitor in Canada.
        InterimAuthorizationResult? interim = null;
        var aft15 = f[RuleIds.Aft15];
        var interimApplies = aft15.Applicable == Tri.Yes;
        if (interimApplies)
        {
            outcomes.Add(new("interimAuthorization.outcome", aft15.Verdict, 5));
            interim = new InterimAuthorizationResult { Outcome = aft15.Outcome, FailedConditions = aft15.Conditions };
        }

        var afterApplying = AfterApplying(c, f, outcomes, interimApplies && aft15.IsYes);

        var openPermitCategory = OpenPermitCategories.FirstOrDefault(id => f[id].IsYes);
        var summary = Summary(c, f, outcomes);
        AddItemOutcomes(c, f, outcomes);
        var (findings, read) = Findings(f);
        return new WorkPermitReport
        {
            AsOf = new AsOfDates(c.EvaluationDate, c.ArrivalDate, c.SubmissionDate),
            Summary = summary,
            General = general,
            OutsideCanada = outside,
            InsideCanada = inside,
            PortOfEntry = port,
            Route = f[RuleIds.Poe07].Value as PermitRoute?,
            BiometricsAtPortOfEntry = new BiometricsResult { Outcome = bio01.Outcome },
            MedicalExam = medical,
            OpenPermit = new OpenPermitResult { Category = openPermitCategory },
            Employer = employer,
            InterimAuthorization = interim,
            AfterApplying = afterApplying,
            Documents = Items(f, x => x.Documents),
            Actions = Items(f, x => x.Actions),
            Advisories = Advisories.For(c, f, interimApplies && aft15.IsYes),
            Findings = findings,
            Facts = new FactValues(c.Profile, read),
            Questions = Questions(outcomes),
            Warnings = Warnings(c),
            // A yes needs no suggestion: say so here, so that the evaluator copies the report only to add suggestions.
            SuggestionSearch = suggestions && summary.Outcome == Tri.Yes ? SuggestionSearchResult.NotNeeded : SuggestionSearchResult.Off,
            RuleSet = ruleSet,
        };
    }

    private static AfterApplyingResult AfterApplying(EvaluationCase c, FindingSet f, List<ReportOutcome> outcomes, bool interimEligible)
    {
        var application = c.Application;

        Tri? returned = null;
        var applied = HasApplied(c);
        if (applied || f[RuleIds.Aft01].IsYes)
        {
            returned = f[RuleIds.Aft01].Outcome;
            outcomes.Add(new("afterApplying.returnedUnprocessed", f[RuleIds.Aft01].Verdict, 3));
        }

        PermitIssuance? issuance = f[RuleIds.Aft09].Value as PermitIssuance? ?? f[RuleIds.Aft07].Value as PermitIssuance?;

        Verdict? canWork = null;
        if (f[RuleIds.Aft11].IsYes || interimEligible || (application.Form == ApplicationForm.Imm5710 && application.Decision == Decision.Approved))
        {
            canWork = f[RuleIds.Aft11].Verdict | f[RuleIds.Aft18].Verdict;
        }

        if (canWork is { } work)
        {
            outcomes.Add(new("afterApplying.canWorkNow", work, 3));
        }

        // Leaving to activate concerns an IMM 1295 application, and someone in Canada whose route (POE-07) is to apply
        // from outside Canada and collect the permit at a port of entry.
        Tri? mustLeave = null;
        var viaLetterFromCanada = f[RuleIds.Poe07].Value is PermitRoute.ApplyOnlineThenIssueAtPoeWithLoi && c.Status.Location == Location.InCanada;
        if (application.Form == ApplicationForm.Imm1295 || viaLetterFromCanada)
        {
            mustLeave = f[RuleIds.Aft13].Outcome;
            outcomes.Add(new("afterApplying.mustLeaveCanadaToActivate", f[RuleIds.Aft13].Verdict, 3));
        }

        Tri? onTime = null;
        var aft04 = f[RuleIds.Aft04];
        if (aft04.Applicable != Tri.No)
        {
            onTime = aft04.Outcome;
            outcomes.Add(new("afterApplying.documentSubmissionOnTime", aft04.Verdict, 3));
        }

        var letter = f[RuleIds.Aft06].IsYes || c.Travel.HasLetterOfIntroduction == true ? Tri.No : (Tri?)null;
        return new AfterApplyingResult
        {
            ReturnedUnprocessed = returned,
            PermitIssuance = issuance,
            CanWorkNow = canWork?.Value,
            CanWorkAfterReturn = f[RuleIds.Aft14].Value as WorkAfterReturn?,
            MustLeaveCanadaToActivate = mustLeave,
            ActivationRisk = f[RuleIds.Aft13].Value as ActivationRisk?,
            DocumentSubmissionOnTime = onTime,
            DocumentSubmittedAtUtc = aft04.Value as DateTime?,
            DaysSinceDecisionLetter = f[RuleIds.Aft12].Value as int?,
            LetterOfIntroductionIsWorkPermit = letter,
        };
    }

    /// <summary>A warning for each as-of date far outside the period the sources describe.</summary>
    private static IReadOnlyList<string> Warnings(EvaluationCase c)
    {
        List<string>? warnings = null;
        void Check(string name, DateOnly date)
        {
            if (date < DateBounds.SourcesFrom || date > DateBounds.SourcesTo)
            {
                (warnings ??= []).Add($"The {name} {date:yyyy-MM-dd} is far outside the period the sources describe ({DateBounds.SourcesFrom.Year} to {DateBounds.SourcesTo.Year}): "
                    + "the rules and reference lists are applied as written, and the law in force on that date may have been different.");
            }
        }

        Check("evaluation date", c.EvaluationDate);
        if (c.ArrivalDate != c.EvaluationDate)
        {
            Check("arrival date", c.ArrivalDate);
        }

        if (c.SubmissionDate != c.EvaluationDate && c.SubmissionDate != c.ArrivalDate)
        {
            Check("submission date", c.SubmissionDate);
        }

        return warnings ?? (IReadOnlyList<string>)NoIds;
    }

    /// <summary>Whether the application has been made: it is being processed or decided, or has a decision.</summary>
    private static bool HasApplied(EvaluationCase c) =>
        c.Application.Stage is ApplicationStage.Processing or ApplicationStage.Decided || c.Application.Decision is not null;

    /// <summary>The facts that say whether the inside-Canada section concerns the profile, when they are not given.</summary>
    private static FactSet InsideGateFacts(EvaluationCase c) =>
        (c.Application.Channel is null ? FactSet.Of(FactId.ApplicationChannel) : FactSet.Empty)
        | (c.Status.Location is null ? FactSet.Of(FactId.StatusLocation) : FactSet.Empty);

    private static readonly string[] MedicalBehindGeneral = [RuleIds.Ime04, RuleIds.Ime05];
    private static readonly string[] PortTypeSpecific = [RuleIds.PoeEs01, RuleIds.Owp01];

    [ThreadStatic]
    private static List<ReportOutcome>? t_summaryOutcomes;

    /// <summary>The summary alone, for an evaluation whose only use is its answer (a suggestion's changed profile).</summary>
    public static ApplicationSummary SummaryOf(EvaluationCase c, FindingSet f)
    {
        var outcomes = t_summaryOutcomes ??= new List<ReportOutcome>(4);
        outcomes.Clear();
        return Summary(c, f, outcomes);
    }

    /// <summary>
    /// The one answer for the profile's own application (contract, "Summary"): the general requirements (GEN-01), the
    /// channel's eligibility (OUT-01, INS-10 or POE-04) and the medical exam for someone entering Canada (IME-04), with
    /// the findings that block it, those still open and those waiting for an officer. A channel outcome of no always
    /// makes the summary no, so the two can never disagree.
    /// </summary>
    private static ApplicationSummary Summary(EvaluationCase c, FindingSet f, List<ReportOutcome> outcomes)
    {
        var channel = c.Application.Channel;
        var ime04 = f[RuleIds.Ime04];
        var channelVerdict = channel switch
        {
            ApplicationChannel.OutsideCanadaOnline => f[RuleIds.Out01].Verdict,
            ApplicationChannel.InsideCanadaOnline => f[RuleIds.Ins10].Verdict,
            ApplicationChannel.PortOfEntry => f[RuleIds.Poe04].Verdict,
            _ => Verdict.Unknown(FactId.ApplicationChannel),
        };
        // Someone applying from inside Canada is not entering it: the exam valid on the day of entry is not theirs.
        var medical = ime04.Applicable == Tri.No || channel == ApplicationChannel.InsideCanadaOnline ? Verdict.Yes : ime04.Verdict;
        var outcome = f[RuleIds.Gen01].Verdict & channelVerdict & medical;
        outcomes.Add(new("summary.outcome", outcome, 0, Tiers.SummaryOnly));

        var blocking = new List<Finding>();
        var open = new List<Finding>();
        var awaits = new List<Finding>();
        void Consider(Finding x, bool isExclusion)
        {
            if (x.Applicable == Tri.No || blocking.Contains(x) || open.Contains(x) || awaits.Contains(x))
            {
                return;
            }

            if (isExclusion ? x.IsYes : x.IsNo)
            {
                blocking.Add(x);
            }
            else if (x.IsUnknown)
            {
                (!x.Missing.IsEmpty && x.Missing.IsSubsetOf(FactCatalog.OfficerJudgments) ? awaits : open).Add(x);
            }
        }

        foreach (var id in GeneralInputs)
        {
            Consider(f[id], f[id].Rule.Kind == RuleKind.Exclusion);
        }

        // The medical exam is part of GEN-07; name it, so that an expired exam reads as the exam, not only 'health'.
        if (!medical.IsYes)
        {
            foreach (var id in MedicalBehindGeneral)
            {
                Consider(f[id], false);
            }
        }

        switch (channel)
        {
            case ApplicationChannel.OutsideCanadaOnline:
                Consider(f[RuleIds.Out01], false);
                break;
            case ApplicationChannel.InsideCanadaOnline:
                Consider(f[RuleIds.Ins11], true);
                Consider(f[RuleIds.Ins10], false);
                break;
            case ApplicationChannel.PortOfEntry:
                foreach (var id in PortRequirements)
                {
                    Consider(f[id], false);
                }

                if (!f[RuleIds.Poe03].IsYes)
                {
                    foreach (var id in PortTypeSpecific)
                    {
                        Consider(f[id], false);
                    }
                }

                foreach (var id in PortExclusions)
                {
                    Consider(f[id], true);
                }

                break;
        }

        // An inside-Canada no explained by INS-11 (a visitor with no basis) needs no second entry for INS-10.
        if (blocking.Exists(x => x.RuleId == RuleIds.Ins11))
        {
            blocking.RemoveAll(x => x.RuleId == RuleIds.Ins10);
        }

        return new ApplicationSummary
        {
            Channel = channel,
            Outcome = outcome.Value,
            Blocking = Ids(blocking),
            Open = outcome.IsUnknown ? Ids(open) : NoIds,
            AwaitsOfficer = outcome.IsUnknown ? Ids(awaits) : NoIds,
            Text = SummaryText(channel, outcome.Value, blocking, outcome.IsUnknown ? open : [], outcome.IsUnknown ? awaits : []),
        };
    }

    private static IReadOnlyList<string> Ids(List<Finding> findings)
    {
        if (findings.Count == 0)
        {
            return NoIds;
        }

        findings.Sort((a, b) => a.Rule.Order.CompareTo(b.Rule.Order));
        return findings.ConvertAll(x => x.RuleId);
    }

    private static string SummaryText(ApplicationChannel? channel, Tri outcome, List<Finding> blocking, List<Finding> open, List<Finding> awaits)
    {
        var subject = channel switch
        {
            ApplicationChannel.OutsideCanadaOnline => "Applying online from outside Canada",
            ApplicationChannel.InsideCanadaOnline => "Applying online from inside Canada",
            ApplicationChannel.PortOfEntry => "Applying at a port of entry",
            _ => "The application",
        };
        static string Named(List<Finding> findings) => string.Join("; ", findings.Select(x => $"{x.RuleId} ({x.Rule.Title})"));
        return outcome switch
        {
            Tri.Yes => $"{subject}: yes. Nothing the rules check stands in the way; the officer makes the final decision.",
            Tri.No => $"{subject}: no. Blocked by {Named(blocking)}.",
            _ when channel is null => $"{subject}: not settled until the profile says how the application is made (application.channel).",
            _ => $"{subject}: not settled yet."
                + (open.Count > 0 ? $" Still open: {Named(open)}." : string.Empty)
                + (awaits.Count > 0 ? $" Waiting for the officer: {Named(awaits)}." : string.Empty),
        };
    }

    /// <summary>The facts that put a document or action in context; while one of them is missing, the document's
    /// question is left to the sections that ask for it.</summary>
    private static readonly FactSet ItemContext = FactSet.Of(FactId.ApplicationChannel, FactId.ApplicationForm, FactId.ApplicationPermitType,
        FactId.ApplicationDecision, FactId.ApplicationStage, FactId.StatusLocation, FactId.StatusStatus, FactId.StatusOnMaintainedStatusAsWorker);

    /// <summary>What an officer asks for after an application is made: a question only once it has been made.</summary>
    private static readonly FactSet OfficerRequests = FactSet.Of(FactId.OfficerPoliceCertificateRequested, FactId.OfficerDocumentsRequested, FactId.OfficerMedicalExamRequested);

    /// <summary>
    /// Documents and actions still unknown become questions too, when the one fact that decides them is all that is
    /// missing (the mailed permit, a change of address, a visitor visa, leaving Canada while the application is pending).
    /// </summary>
    private static void AddItemOutcomes(EvaluationCase c, FindingSet f, List<ReportOutcome> outcomes)
    {
        var applied = HasApplied(c);
        foreach (var finding in f.ByOrder)
        {
            if (finding is null || finding.Applicable == Tri.No || !finding.IsUnknown || !(finding.Missing & ItemContext).IsEmpty
                || (!applied && !(finding.Missing & OfficerRequests).IsEmpty))
            {
                continue;
            }

            if (finding.Rule.Kind == RuleKind.Document)
            {
                outcomes.Add(new("documents", finding.Verdict, 1));
            }
            else if (finding.RuleId == RuleIds.Aft10 || (finding.RuleId == RuleIds.Aft12 && c.Application.Decision == Decision.Approved))
            {
                outcomes.Add(new("actions", finding.Verdict, 1));
            }
            else if (finding.RuleId == RuleIds.Aft14)
            {
                outcomes.Add(new("afterApplying.canWorkAfterReturn", finding.Verdict, 1));
            }
        }
    }

    /// <summary>
    /// An outcome that only concerns the profile when <paramref name="gate"/> holds (the section is left out when it
    /// does not). While the gate is unknown the outcome is unknown, and an answer settles it either by closing the gate
    /// or, when the inner outcome is already settled, by opening it.
    /// </summary>
    private static Verdict Gated(Verdict gate, Verdict inner) => gate.Value switch
    {
        Tri.Unknown => Verdict.Unknown(gate.ToNo | (inner.IsUnknown ? FactSet.Empty : gate.ToYes)),
        _ => inner,
    };

    private static IReadOnlyList<string> Select(FindingSet f, string[] ids, Func<Finding, bool> predicate)
    {
        List<string>? selected = null;
        foreach (var id in ids)
        {
            if (predicate(f[id]))
            {
                (selected ??= []).Add(id);
            }
        }

        return selected ?? (IReadOnlyList<string>)NoIds;
    }

    /// <summary>When an outcome is unknown only because of officer judgments, the input rules that wait for them.</summary>
    private static IReadOnlyList<string> AwaitsOfficer(FindingSet f, Finding aggregate, string[] inputs)
    {
        var officer = FactCatalog.OfficerJudgments;
        if (!aggregate.IsUnknown || aggregate.Missing.IsEmpty || !aggregate.Missing.IsSubsetOf(officer))
        {
            return NoIds;
        }

        return Select(f, inputs, x => x.IsUnknown && !(x.Missing & officer).IsEmpty);
    }

    private static IReadOnlyList<ReportItem> Items(FindingSet f, Func<Finding, IReadOnlyList<string>> items)
    {
        List<ReportItem>? list = null;
        foreach (var finding in f.ByOrder)
        {
            if (finding is null || !finding.HasExtras || finding.Applicable == Tri.No)
            {
                continue;
            }

            foreach (var id in items(finding))
            {
                list ??= [];
                if (!Contains(list, id))
                {
                    list.Add(new ReportItem(id, finding.RuleId));
                }
            }
        }

        return list ?? (IReadOnlyList<ReportItem>)[];
    }

    private static bool Contains(List<ReportItem> items, string id)
    {
        foreach (var item in items)
        {
            if (item.Id == id)
            {
                return true;
            }
        }

        return false;
    }

    private static (List<FindingResult> Findings, FactSet Read) Findings(FindingSet f)
    {
        var list = new List<FindingResult>(f.Count);
        var read = FactSet.Empty;
        foreach (var finding in f.ByOrder)
        {
            if (finding is null || finding.Applicable == Tri.No)
            {
                continue;
            }

            list.Add(FindingResults.Of(finding));
            read |= finding.Reads;
        }

        return (list, read);
    }

    private static IReadOnlyList<Question> Questions(List<ReportOutcome> outcomes)
    {
        var candidates = FactSet.Empty;
        foreach (var outcome in outcomes)
        {
            if (outcome.Verdict.IsUnknown)
            {
                candidates |= outcome.Verdict.Missing;
            }
        }

        candidates = candidates.Without(FactCatalog.OfficerJudgments);
        if (candidates.IsEmpty)
        {
            return [];
        }

        var scored = new List<(FactId Fact, int Tier, int Score, List<string> Affects)>();
        foreach (var fact in candidates.Facts())
        {
            var affects = new List<string>();
            var score = 0;
            var tier = Tiers.SummaryOnly;
            foreach (var outcome in outcomes)
            {
                if (outcome.Verdict.IsUnknown && outcome.Verdict.Missing.Contains(fact))
                {
                    if (!affects.Contains(outcome.Path))
                    {
                        affects.Add(outcome.Path);
                    }

                    score += outcome.Weight;
                    tier = Math.Min(tier, outcome.Tier);
                }
            }

            if (tier < Tiers.SummaryOnly)
            {
                scored.Add((fact, tier, score, affects));
            }
        }

        // The channel itself first when it is not given (every section hangs on it), then by tier, then by how many
        // outcomes an answer could settle.
        scored.Sort((a, b) =>
            a.Fact == FactId.ApplicationChannel ? (b.Fact == FactId.ApplicationChannel ? 0 : -1)
            : b.Fact == FactId.ApplicationChannel ? 1
            : a.Tier != b.Tier ? a.Tier.CompareTo(b.Tier)
            : a.Score != b.Score ? b.Score.CompareTo(a.Score)
            : ((int)a.Fact).CompareTo((int)b.Fact));
        var questions = new Question[scored.Count];
        for (var i = 0; i < scored.Count; i++)
        {
            var descriptor = FactCatalog.Get(scored[i].Fact);
            questions[i] = new Question
            {
                Fact = descriptor.Path,
                Text = descriptor.Question,
                Kind = descriptor.Kind,
                AllowedAnswers = descriptor.AllowedAnswers,
                Affects = scored[i].Affects,
            };
        }

        return questions;
    }

    /// <summary>A report outcome and what it depends on, for the questions.</summary>
    private readonly record struct ReportOutcome(string Path, Verdict Verdict, int Weight, int Tier = Tiers.Other);

    /// <summary>The order in which a consultant asks: the gate of the chosen channel, then the general requirements
    /// (and the medical exam that is part of them), then everything else.</summary>
    private static class Tiers
    {
        public const int Channel = 0;
        public const int General = 1;
        public const int Other = 2;

        /// <summary>An outcome the summary reads but that only adds its path to the questions' lists.</summary>
        public const int SummaryOnly = 3;
    }
}

/// <summary>JSON paths of fact sets, cached by set.</summary>
/// <summary>
/// The report's form of findings. A finding result is immutable and depends only on the rule, its outcome, scope, the
/// facts read and missing, and its note, so one instance serves every report with the same finding: most of a report's
/// findings repeat from one evaluation to the next, and sharing them keeps an evaluation's allocations down. The cache
/// is bounded; past the bound, results are created per report as before. A shared result also keeps its JSON once
/// it has been written, for the report writer to copy.
/// </summary>
internal static class FindingResults
{
    private const int Capacity = 16_384;
    private static int _count;

    /// <summary>Per rule (by catalogue order), its shared results. Each rule has few distinct results (tens), so a
    /// small table per rule, read without locks, finds one with a cheap hash and usually one cache line.</summary>
    private static readonly RuleResults[] ByRule = CreateTables();

    /// <summary>The shared results (by reference) and their JSON, null until first written.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<FindingResult, byte[]?> Shared = new(ReferenceEqualityComparer.Instance);

    /// <summary>Whether a result is one of the shared ones, with its JSON when it has been written.</summary>
    public static bool IsShared(FindingResult result, out byte[]? json) => Shared.TryGetValue(result, out json);

    /// <summary>Keeps a shared result's JSON.</summary>
    public static void KeepJson(FindingResult result, byte[] json) => Shared[result] = json;

    public static FindingResult Of(Finding finding)
    {
        var key = new Key(finding.Outcome, finding.Applicable, finding.Reads, finding.Missing, finding.Note);
        var table = ByRule[finding.Rule.Order];
        if (table.Find(key) is { } found)
        {
            return found;
        }

        var rule = finding.Rule;
        var result = new FindingResult
        {
            RuleId = finding.RuleId,
            Title = rule.Title,
            Kind = rule.Kind,
            Outcome = finding.Outcome,
            Applies = finding.Applicable,
            Read = FactPaths.Of(finding.Reads),
            Missing = FactPaths.Of(finding.Missing),
            Citation = rule.Citations[0],
            Citations = rule.Citations,
            Interpretations = rule.Interpretations,
            Note = finding.Note,
        };
        if (Volatile.Read(ref _count) < Capacity)
        {
            var shared = table.Add(key, result);
            if (ReferenceEquals(shared, result))
            {
                Interlocked.Increment(ref _count);
                Shared.TryAdd(result, null);
            }

            result = shared;
        }

        return result;
    }

    private static RuleResults[] CreateTables()
    {
        var tables = new RuleResults[RuleCatalogue.Rules.Count];
        for (var i = 0; i < tables.Length; i++)
        {
            tables[i] = new RuleResults();
        }

        return tables;
    }

    private readonly record struct Key(Tri Outcome, Tri Applies, FactSet Reads, FactSet Missing, string? Note)
    {
        public bool Equals(Key other) => Outcome == other.Outcome && Applies == other.Applies
            && Reads.Equals(other.Reads) && Missing.Equals(other.Missing) && string.Equals(Note, other.Note, StringComparison.Ordinal);

        // The note is left out of the hash (it is rare, and equality still compares it).
        public override int GetHashCode()
        {
            var mixed = Reads.Mix ^ (Missing.Mix * 31) ^ ((ulong)Outcome << 3) ^ ((ulong)Applies << 6);
            return (int)(mixed ^ (mixed >> 29) ^ (mixed >> 47));
        }
    }

    /// <summary>One rule's results: an open-addressing table of entries, replaced whole (copy on write) when a result is
    /// added, so readers never lock and never see a half-written entry.</summary>
    private sealed class RuleResults
    {
        private readonly Lock _gate = new();
        private Entry[] _entries = new Entry[16];
        private int _used;

        public FindingResult? Find(in Key key)
        {
            var entries = Volatile.Read(ref _entries);
            var hash = key.GetHashCode();
            var mask = entries.Length - 1;
            for (var i = hash & mask; ; i = (i + 1) & mask)
            {
                ref readonly var entry = ref entries[i];
                if (entry.Result is null)
                {
                    return null;
                }

                if (entry.Hash == hash && entry.Key.Equals(key))
                {
                    return entry.Result;
                }
            }
        }

        /// <summary>Adds a result unless an equal key is there already; returns the one kept.</summary>
        public FindingResult Add(in Key key, FindingResult result)
        {
            lock (_gate)
            {
                if (Find(key) is { } existing)
                {
                    return existing;
                }

                var entries = _entries;
                var size = (_used + 1) * 2 > entries.Length ? entries.Length * 2 : entries.Length;
                var copy = new Entry[size];
                foreach (var entry in entries)
                {
                    if (entry.Result is not null)
                    {
                        Place(copy, entry);
                    }
                }

                Place(copy, new Entry(key.GetHashCode(), key, result));
                _used++;
                Volatile.Write(ref _entries, copy);
                return result;
            }
        }

        private static void Place(Entry[] entries, in Entry entry)
        {
            var mask = entries.Length - 1;
            var i = entry.Hash & mask;
            while (entries[i].Result is not null)
            {
                i = (i + 1) & mask;
            }

            entries[i] = entry;
        }

        private readonly record struct Entry(int Hash, Key Key, FindingResult? Result);
    }
}

internal static class FactPaths
{
    private static readonly FactPathList None = new([]);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<FactSet, FactPathList> Cache = new();

    public static IReadOnlyList<string> Of(FactSet set)
    {
        if (set.IsEmpty)
        {
            return None;
        }

        if (Cache.TryGetValue(set, out var paths))
        {
            return paths;
        }

        paths = new FactPathList(set.Facts().Select(f => FactCatalog.Get(f).Path).ToArray());
        if (Cache.Count < 4096)
        {
            Cache.TryAdd(set, paths);
        }

        return paths;
    }
}

/// <summary>
/// The fact paths of a finding: read-only (one list serves every report with the same facts) and carrying its own
/// JSON array, encoded once, so that writing a report copies it rather than encoding each path again.
/// </summary>
internal sealed class FactPathList(string[] paths) : IReadOnlyList<string>
{
    private byte[]? _json;

    public int Count => paths.Length;

    public string this[int index] => paths[index];

    /// <summary>The paths as a compact JSON array, encoded as <see cref="Json.WorkPermitJson.Options"/> encodes strings.</summary>
    public byte[] Json => _json ??= Encode(paths);

    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)paths).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private static byte[] Encode(string[] paths)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(16 + (paths.Length * 32));
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Encoder = WorkPermit.Rules.Json.WorkPermitJson.Options.Encoder }))
        {
            writer.WriteStartArray();
            foreach (var path in paths)
            {
                writer.WriteStringValue(path);
            }

            writer.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
