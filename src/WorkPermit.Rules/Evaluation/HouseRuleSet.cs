using System.Security.Cryptography;
using System.Text;
using NRules;
using NRules.Diagnostics;
using NRules.Fluent;

namespace WorkPermit.Rules.Evaluation;

/// <summary>
/// The catalogue's rules and a host's house rules compiled into one session factory, for an evaluator configured with
/// house rules. The catalogue runs as it does alone; once it has concluded, its findings are inserted as read-only
/// <see cref="CatalogueFinding"/>s for the house rules that match them, and the house findings are collected.
/// </summary>
internal sealed class HouseRuleSet
{
    private readonly int _maxFirings;

    private HouseRuleSet(ISessionFactory factory, IReadOnlyList<string> ids, string fingerprint)
    {
        Factory = factory;
        Ids = ids;
        Fingerprint = fingerprint;
        _maxFirings = WorkPermitRuleSet.MaxFirings(RuleCatalogue.Rules.Count + ids.Count);
    }

    public ISessionFactory Factory { get; }

    /// <summary>The house rules' IDs.</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>What identifies the house rules in the rule-set fingerprint: each rule's ID, class and assembly build.</summary>
    public string Fingerprint { get; }

    /// <summary>Checks and compiles the house rules with the catalogue's.</summary>
    /// <exception cref="WorkPermitRulesConfigurationException">An ID collides with a catalogue ID or another house rule's,
    /// a class does not load, or a rule does not compile.</exception>
    public static HouseRuleSet Build(HouseRuleRegistry registry)
    {
        var problems = new List<string>();
        var seen = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var (type, id) in registry.Ids())
        {
            if (RuleCatalogue.TryGet(id, out _))
            {
                problems.Add($"House rule {type.FullName} is named '{id}', a catalogue rule ID; give it an ID of its own.");
            }
            else if (seen.TryGetValue(id, out var other))
            {
                problems.Add($"House rules {other.FullName} and {type.FullName} are both named '{id}'.");
            }
            else
            {
                seen[id] = type;
            }
        }

        if (problems.Count > 0)
        {
            throw new WorkPermitRulesConfigurationException(problems);
        }

        ISessionFactory factory;
        try
        {
            factory = WorkPermitRuleSet.Compile(WorkPermitRuleSet.Load([.. WorkPermitRuleSet.RuleTypes, .. registry.Types]));
        }
        catch (RuleDefinitionException e)
        {
            throw new WorkPermitRulesConfigurationException([$"House rule {e.RuleType?.FullName} cannot be defined: {e.InnerException?.Message ?? e.Message}"]);
        }
        catch (RuleCompilationException e)
        {
            throw new WorkPermitRulesConfigurationException([$"House rule '{e.RuleName}' does not compile: {e.InnerException?.Message ?? e.Message}"]);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or NotSupportedException)
        {
            throw new WorkPermitRulesConfigurationException([$"The house rules do not compile: {e.Message}"]);
        }

        var text = new StringBuilder();
        foreach (var (type, id) in registry.Ids().OrderBy(x => x.Id, StringComparer.Ordinal))
        {
            text.Append(id).Append('=').Append(type.FullName).Append('@').Append(type.Assembly.GetName().Name)
                .Append('/').Append(type.Module.ModuleVersionId).Append('\n');
        }

        return new HouseRuleSet(factory, [.. seen.Keys.Order(StringComparer.Ordinal)],
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))));
    }

    /// <summary>Evaluates one case: the catalogue's rules and the house rules over the case, the profile view and the
    /// host's facts, then the house rules over the catalogue's findings.</summary>
    /// <exception cref="HouseRuleException">A house rule threw.</exception>
    public (FindingSet Findings, IReadOnlyList<HouseFinding> House) Run(EvaluationCase evaluationCase, EvaluatedProfile profile, IEnumerable<object> facts)
    {
        var session = Factory.CreateSession();
        session.AutoPropagateLinkedFacts = false;
        var failedFacts = new List<string>();
        var failedRules = new List<string>();
        session.Events.RhsExpressionFailedEvent += (_, e) => failedFacts.AddRange(e.Match.Facts.Select(f => $"{f.Declaration.Name} = {f.Value}"));
        session.Events.LhsExpressionFailedEvent += (_, e) =>
        {
            failedRules.AddRange(e.Rules.Select(r => r.Name));
            failedFacts.AddRange(e.Arguments.Select(a => $"{a}"));
        };

        try
        {
            session.Insert(evaluationCase);
            session.Insert(profile);
            foreach (var fact in facts)
            {
                ArgumentNullException.ThrowIfNull(fact, nameof(facts));
                session.Insert(fact);
            }

            var fired = WorkPermitRuleSet.FireUntilQuiet(session, evaluationCase, _maxFirings, 0);
            var findings = evaluationCase.Findings;
            var views = new List<CatalogueFinding>(findings.Count);
            foreach (var finding in findings.ByOrder)
            {
                if (finding is not null)
                {
                    views.Add(new CatalogueFinding(FindingResults.Of(finding)));
                }
            }

            session.InsertAll(views);
            WorkPermitRuleSet.FireUntilQuiet(session, evaluationCase, _maxFirings, fired);
            return (findings, [.. session.Query<HouseFinding>()]);
        }
        catch (RuleRhsExpressionEvaluationException e) when (!RuleCatalogue.TryGet(e.RuleName, out _))
        {
            throw new HouseRuleException(e.RuleName, failedFacts, e.InnerException);
        }
        catch (RuleLhsExpressionEvaluationException e) when (failedRules.Count > 0 && failedRules.All(r => !RuleCatalogue.TryGet(r, out _)))
        {
            throw new HouseRuleException(string.Join(", ", failedRules.Distinct()), failedFacts, e.InnerException);
        }
    }
}
