using System.Text.Json;
using WorkPermit.Rules.Json;
using WorkPermit.Rules.Rules;

namespace WorkPermit.Rules.Evaluation;

/// <summary>One evaluation of the search: the moves made, the changed profile as evaluated, its findings and summary.</summary>
internal sealed record SuggestionNode(int[] Moves, EvaluationCase Case, FindingSet Findings, ApplicationSummary Summary);

/// <summary>
/// Looks for the smallest sets of actionable changes after which nothing blocks the application (contract,
/// "Suggestions"), breadth first: every single change before any pair. Each candidate is evaluated for real; a
/// candidate is only tried when it can matter, that is when it changes a fact that a finding still in the way read
/// (a finding's <see cref="Finding.Reads"/> holds every fact its result depends on), or when it changes the channel and
/// a finding in the way belongs to the channel or the profile names no channel. A pair is only tried on top of a change that took something out of the
/// way. The number of evaluations is bounded by <see cref="SuggestionOptions.MaxEvaluations"/>.
/// </summary>
internal static class SuggestionSearch
{
    /// <summary>The aggregate results a suggestion's <see cref="Suggestion.Rules"/> lists when they change.</summary>
    private static readonly string[] Aggregates = [RuleIds.Gen01, RuleIds.Out01, RuleIds.Ins10, RuleIds.Poe04];

    public static (IReadOnlyList<Suggestion> Suggestions, SuggestionSearchResult Result) Find(
        SuggestionNode start, SuggestionOptions options, Func<WorkPermitProfile, SuggestionNode> evaluate)
    {
        var summary = start.Summary;
        if (summary.Outcome == Tri.Yes)
        {
            return ([], SuggestionSearchResult.NotNeeded);
        }

        var toYes = summary.Outcome == Tri.Unknown;
        var stuck = Stuck(start, toYes);
        if (stuck.Count > 0)
        {
            return ([], new SuggestionSearchResult
            {
                Status = SuggestionStatus.NoneFound,
                Evaluations = 0,
                Text = StuckText(stuck, summary, toYes),
            });
        }

        var moves = Levers.MovesFor(start.Case);
        var frontier = new List<SuggestionNode> { start };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var solutions = new List<SuggestionNode>();
        var evaluations = 0;
        var exhausted = false;
        for (var size = 1; size <= options.MaxChanges && solutions.Count == 0 && frontier.Count > 0 && !exhausted; size++)
        {
            var next = new List<SuggestionNode>();
            foreach (var node in frontier)
            {
                var inTheWay = InTheWay(node, toYes);
                var reads = FactSet.Empty;
                // While the profile does not say how it applies, the missing channel itself keeps the answer open.
                var channelBound = node.Case.Application.Channel is null;
                foreach (var finding in inTheWay)
                {
                    reads |= ReadsOf(finding, start.Case);
                    channelBound |= !IsChannelFree(finding);
                }

                var changed = FactSet.Empty;
                foreach (var index in node.Moves)
                {
                    changed |= moves[index].Facts;
                }

                for (var i = 0; i < moves.Count; i++)
                {
                    var move = moves[i];
                    if (!(move.Facts & changed).IsEmpty || ((move.Facts & reads).IsEmpty && !(move.IsChannel && channelBound)))
                    {
                        continue;
                    }

                    int[] indices = [.. node.Moves, i];
                    Array.Sort(indices);
                    if (!seen.Add(string.Join(',', indices)))
                    {
                        continue;
                    }

                    if (evaluations == options.MaxEvaluations)
                    {
                        exhausted = true;
                        break;
                    }

                    evaluations++;
                    var profile = start.Case.Profile;
                    foreach (var index in indices)
                    {
                        profile = moves[index].ApplyTo(profile);
                    }

                    var child = evaluate(profile) with { Moves = indices };
                    if (Reaches(child, toYes))
                    {
                        solutions.Add(child);
                    }
                    else if (Progresses(node, child, toYes))
                    {
                        next.Add(child);
                    }
                }

                if (exhausted)
                {
                    break;
                }
            }

            frontier = next;
        }

        // Changes that keep the application the person chose come before a change of channel: fix the plan before
        // replacing it. The search found them in declaration order, which is otherwise kept.
        var ordered = solutions.OrderBy(s => s.Moves.Any(i => moves[i].IsChannel)).ToList();
        var suggestions = ordered.ConvertAll(s => Describe(start, s, moves));
        return (suggestions, new SuggestionSearchResult
        {
            Status = suggestions.Count > 0 ? SuggestionStatus.Found : exhausted ? SuggestionStatus.BudgetExhausted : SuggestionStatus.NoneFound,
            Evaluations = evaluations,
            Text = suggestions.Count > 0
                ? $"{Count(suggestions.Count, "way")} found, each checked by evaluating the changed profile ({Count(evaluations, "evaluation")})."
                    + (exhausted ? " The search used its whole budget, so there may be others." : string.Empty)
                : exhausted
                    ? $"The search stopped after its budget of {Count(evaluations, "evaluation")} without finding a change that {(toYes ? "settles the application yes" : "removes what blocks it")}; a larger budget (SuggestionOptions.MaxEvaluations) may find one."
                    : $"No change of at most {Count(options.MaxChanges, "actionable fact")} {(toYes ? "settles the application yes" : "removes what blocks it")} ({Named(InTheWay(start, toYes))}); {Count(evaluations, "changed profile")} {(evaluations == 1 ? "was" : "were")} evaluated.",
        });
    }

    /// <summary>The findings that keep the summary from the target: blocking ones for a no, open and waiting ones for an unknown.</summary>
    private static List<Finding> InTheWay(SuggestionNode node, bool toYes)
    {
        var list = new List<Finding>();
        foreach (var id in node.Summary.Blocking)
        {
            list.Add(node.Findings[id]);
        }

        if (toYes)
        {
            foreach (var id in node.Summary.Open)
            {
                list.Add(node.Findings[id]);
            }

            foreach (var id in node.Summary.AwaitsOfficer)
            {
                list.Add(node.Findings[id]);
            }
        }

        return list;
    }

    /// <summary>The findings in the way whatever the channel (general requirements and the medical exam) that read no
    /// actionable fact: no suggestion can move them, so none is searched for.</summary>
    private static List<Finding> Stuck(SuggestionNode node, bool toYes) =>
        InTheWay(node, toYes).FindAll(f => IsChannelFree(f) && (ReadsOf(f, node.Case) & Levers.Facts).IsEmpty);

    /// <summary>The facts a finding read; a profile without an arrival date is read as arriving on the evaluation date,
    /// so a finding that read that date read the arrival date too.</summary>
    private static FactSet ReadsOf(Finding finding, EvaluationCase c) =>
        c.Travel.ArrivalDate is null && finding.Reads.Contains(FactId.EvaluationDate) ? finding.Reads | FactSet.Of(FactId.TravelArrivalDate) : finding.Reads;

    private static bool IsChannelFree(Finding finding) => finding.RuleId.StartsWith("GEN-", StringComparison.Ordinal) || finding.RuleId.StartsWith("IME-", StringComparison.Ordinal);

    private static bool Reaches(SuggestionNode node, bool toYes) =>
        toYes ? node.Summary.Outcome == Tri.Yes : node.Summary.Blocking.Count == 0;

    /// <summary>Whether a change took something out of the way without making the answer worse.</summary>
    private static bool Progresses(SuggestionNode from, SuggestionNode to, bool toYes)
    {
        if (toYes)
        {
            return to.Summary.Outcome != Tri.No && from.Summary.Open.Concat(from.Summary.AwaitsOfficer).Any(id => !to.Summary.Open.Contains(id) && !to.Summary.AwaitsOfficer.Contains(id));
        }

        return from.Summary.Blocking.Any(id => !to.Summary.Blocking.Contains(id));
    }

    private static Suggestion Describe(SuggestionNode start, SuggestionNode end, List<Move> moves)
    {
        var changes = new List<(FactId Fact, string? To)>();
        var phrases = new List<string>();
        foreach (var index in end.Moves)
        {
            changes.AddRange(moves[index].Changes);
            phrases.Add(moves[index].Phrase);
        }

        changes.Sort((a, b) => a.Fact.CompareTo(b.Fact));
        var profile = start.Case.Profile;
        var factChanges = changes.ConvertAll(c =>
        {
            var descriptor = FactCatalog.Get(c.Fact);
            var from = FactCatalog.ValueOf(profile, c.Fact) is { } value ? FactValues.Format(value) : null;
            return new FactChange(descriptor.Path, Json(descriptor.Kind, from), Json(descriptor.Kind, c.To));
        });

        var rules = new SortedSet<string>(Comparer<string>.Create((a, b) => RuleCatalogue.OrderOf(a).CompareTo(RuleCatalogue.OrderOf(b))));
        var toYes = start.Summary.Outcome == Tri.Unknown;
        foreach (var id in start.Summary.Blocking)
        {
            if (!end.Summary.Blocking.Contains(id))
            {
                rules.Add(id);
            }
        }

        if (toYes)
        {
            foreach (var id in start.Summary.Open.Concat(start.Summary.AwaitsOfficer))
            {
                if (!end.Summary.Open.Contains(id) && !end.Summary.AwaitsOfficer.Contains(id))
                {
                    rules.Add(id);
                }
            }
        }

        foreach (var id in Aggregates)
        {
            if (ResultOf(start.Findings[id]) != ResultOf(end.Findings[id]))
            {
                rules.Add(id);
            }
        }

        var what = string.Join(", and ", phrases);
        return new Suggestion
        {
            Changes = factChanges,
            Outcome = new SuggestionOutcome("summary.outcome", start.Summary.Outcome, end.Summary.Outcome),
            Rules = [.. rules],
            Text = $"{char.ToUpperInvariant(what[0])}{what[1..]}. {Then(end.Summary)}",
        };
    }

    /// <summary>What the changed profile's summary says, briefly (the rule titles are in the report's findings).</summary>
    private static string Then(ApplicationSummary summary)
    {
        var subject = summary.Channel switch
        {
            ApplicationChannel.OutsideCanadaOnline => "applying online from outside Canada",
            ApplicationChannel.InsideCanadaOnline => "applying online from inside Canada",
            ApplicationChannel.PortOfEntry => "applying at the port of entry",
            _ => "the application",
        };
        if (summary.Outcome == Tri.Yes)
        {
            return $"Then nothing the rules check stands in the way of {subject}: the answer is yes (the officer makes the final decision).";
        }

        var waits = new List<string>();
        if (summary.Open.Count > 0)
        {
            waits.Add($"the questions settle {List(summary.Open)}");
        }

        if (summary.AwaitsOfficer.Count > 0)
        {
            waits.Add($"the officer decides {List(summary.AwaitsOfficer)}");
        }

        return $"Then nothing blocks {subject}; the answer stays open until {string.Join(" and ", waits)}.";
    }

    private static string List(IReadOnlyList<string> ids) =>
        ids.Count == 1 ? ids[0] : $"{string.Join(", ", ids.Take(ids.Count - 1))} and {ids[^1]}";

    /// <summary>A finding's result as the report shows it: its outcome, or nothing when it does not apply.</summary>
    private static Tri? ResultOf(Finding finding) => finding.Applicable == Tri.No ? null : finding.Outcome;

    private static JsonElement? Json(FactKind kind, string? text) => text switch
    {
        null => null,
        _ when kind == FactKind.Boolean => JsonSerializer.SerializeToElement(text == "true", WorkPermitJsonContext.Default.Boolean),
        _ => JsonSerializer.SerializeToElement(text, WorkPermitJsonContext.Default.String),
    };

    /// <summary>Why nothing is suggested when some finding in the way reads no actionable fact.</summary>
    private static string StuckText(List<Finding> stuck, ApplicationSummary summary, bool toYes)
    {
        var one = stuck.Count == 1;
        if (!toYes)
        {
            return $"No change the person can make removes {Named(stuck)}: {(one ? "it rests" : "they rest")} only on {Paths(stuck)}, which a suggestion never changes.";
        }

        // An unknown answer waits for answers (or the officer): name what is open, briefly; the questions say the rest.
        var officer = stuck.TrueForAll(f => summary.AwaitsOfficer.Contains(f.RuleId));
        return $"No change the person can make settles the answer yes while {List(stuck.ConvertAll(f => f.RuleId))} {(one ? "is" : "are")} open: "
            + (officer ? $"{(one ? "it waits" : "they wait")} for the officer's decision." : $"{(one ? "it waits" : "they wait")} for answers to the questions, not for something the person can change.");
    }

    private static string Named(List<Finding> findings) =>
        string.Join("; ", findings.Select(f => $"{f.RuleId} ({f.Rule.Title})"));

    private static string Paths(List<Finding> findings)
    {
        var reads = FactSet.Empty;
        foreach (var finding in findings)
        {
            reads |= finding.Reads;
        }

        return reads.IsEmpty ? "the rule itself" : string.Join(", ", FactPaths.Of(reads));
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
