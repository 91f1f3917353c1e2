using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using NRules;
using NRules.Fluent;
using NRules.Fluent.Dsl;

namespace WorkPermit.Rules.Evaluation;

/// <summary>The catalogue's rule classes, compiled once per process into a shared, immutable session factory.</summary>
internal static class WorkPermitRuleSet
{
    private static readonly Lazy<ISessionFactory> Compiled = new(Compile, LazyThreadSafetyMode.ExecutionAndPublication);

    public static ISessionFactory Factory => Compiled.Value;

    private static int _started;

    /// <summary>
    /// Starts compiling the rule set on a thread-pool thread, once per process, so that it overlaps the work the caller
    /// does next (reading the catalogue and the reference lists, building the evaluator); the first evaluation then
    /// waits only for what is left. Both threads JIT-compile and load types at the same time, so the overlap saves
    /// less than the shorter of the two (on the benchmark machine, about a tenth of a cold start). A failure is not
    /// lost: <see cref="Factory"/> throws it to the first evaluation.
    /// </summary>
    public static void StartCompiling()
    {
        if (Compiled.IsValueCreated || Interlocked.Exchange(ref _started, 1) != 0)
        {
            return;
        }

        _ = Task.Run(static () =>
        {
            try
            {
                _ = Compiled.Value;
            }
            catch (Exception)
            {
                // Kept by the Lazy and rethrown wherever the factory is used; nothing to report from here.
            }
        });
    }

    /// <summary>The rule classes: one per catalogue ID, in the WorkPermit.Rules.Rules namespaces.</summary>
    /// <remarks>Found on first use (reflection over the assembly and the catalogue's order), so that starting the
    /// compile in the background does not do that work on the caller's thread first.</remarks>
    public static IReadOnlyList<Type> RuleTypes => Types.Value;

    private static readonly Lazy<Type[]> Types = new(
        static () => typeof(WorkPermitRuleSet).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsSubclassOf(typeof(Rule))
                && t.Namespace?.StartsWith("WorkPermit.Rules.Rules", StringComparison.Ordinal) == true)
            .OrderBy(t => RuleCatalogue.OrderOf(new RuleMetadata(t).Name))
            .ToArray(),
        LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Version { get; } = typeof(WorkPermitRuleSet).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(WorkPermitRuleSet).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    /// <summary>A hash of the library version, the catalogue, the rule classes and the reference data.</summary>
    public static string Fingerprint(ReferenceDataSet reference)
    {
        var text = new StringBuilder(Version).Append('\n');
        foreach (var type in RuleTypes)
        {
            text.Append(new RuleMetadata(type).Name).Append('=').Append(type.FullName).Append('\n');
        }

        text.Append(Convert.ToHexStringLower(SHA256.HashData(RuleCatalogue.RawBytes))).Append('\n').Append(reference.Fingerprint);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    /// <summary>How many rule firings one evaluation may take before it counts as a runaway loop: every catalogue rule
    /// fires once per evaluation, so ten times the rule count leaves room for any rule a host adds.</summary>
    public static int MaxFirings(int ruleCount) => Math.Max(64, ruleCount * 10);

    /// <summary>
    /// Evaluates one case in a new session of <paramref name="factory"/> and returns the findings its rules recorded.
    /// </summary>
    /// <remarks>
    /// <para>Findings reach the network in batches: linked facts (the findings that other rules match) are queued while
    /// the agenda fires, then propagated together, and the loop repeats until nothing is left to fire. One batch visits
    /// each alpha node once instead of once per finding. This is sound because no rule of the set uses <c>Not</c>,
    /// <c>Exists</c> or priorities: a rule waits for every finding it matches, so the order in which they arrive cannot
    /// change what it concludes (a test guards that).</para>
    /// <para>A rule set that keeps firing (a rule whose action re-enables itself) is stopped after
    /// <paramref name="maxFirings"/> firings with a <see cref="RuleLoopException"/> that names the rules still firing.</para>
    /// <para>With <paramref name="batch"/> false each finding is propagated as soon as its rule fires (NRules' default);
    /// tests compare the two.</para>
    /// </remarks>
    public static FindingSet Run(ISessionFactory factory, EvaluationCase evaluationCase, int maxFirings, bool batch = true)
    {
        var session = factory.CreateSession();
        session.AutoPropagateLinkedFacts = !batch;
        session.Insert(evaluationCase);
        var fired = 0;
        while (!session.Agenda.IsEmpty)
        {
            fired += session.Fire(maxFirings - fired);
            if (fired >= maxFirings && !session.Agenda.IsEmpty)
            {
                throw RuleLoop(session, maxFirings);
            }

            session.PropagateLinked();
        }

        return evaluationCase.Findings;
    }

    /// <summary>Names the rules of a runaway loop: those that fire in a further bounded run.</summary>
    private static RuleLoopException RuleLoop(ISession session, int maxFirings)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        session.Events.RuleFiringEvent += (_, e) => names.Add(e.Rule.Name);
        session.AutoPropagateLinkedFacts = true;
        try
        {
            session.Fire(100);
        }
        catch (Exception)
        {
            // Naming the rules is all that is wanted here; the loop itself is what gets reported.
        }

        if (!session.Agenda.IsEmpty)
        {
            names.Add(session.Agenda.Peek().Rule.Name);
        }

        return new RuleLoopException([.. names], maxFirings);
    }

    private static ISessionFactory Compile() => Load(RuleTypes).Compile();

    /// <summary>Loads rule classes into a new repository, in the "work-permit" rule set.</summary>
    /// <remarks>NRules skips non-public and nested rule classes unless asked (<c>PrivateTypes()</c>,
    /// <c>NestedTypes()</c>), silently: the catalogue's classes are internal, so without them no rule would load. A class
    /// that still does not load is an error here, not a rule quietly missing.</remarks>
    /// <exception cref="WorkPermitRulesConfigurationException">A class given is not a rule NRules can load.</exception>
    public static RuleRepository Load(IReadOnlyCollection<Type> ruleTypes)
    {
        var repository = new RuleRepository();
        repository.Load(x => x.PrivateTypes().NestedTypes().From(ruleTypes).To("work-permit"));
        var loaded = repository.GetRules().Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var missing = ruleTypes.Where(t => !loaded.Contains(new RuleMetadata(t).Name))
            .Select(t => $"{t.FullName} did not load as an NRules rule (is it a concrete class deriving from NRules.Fluent.Dsl.Rule?)").ToArray();
        if (missing.Length > 0)
        {
            throw new WorkPermitRulesConfigurationException(missing);
        }

        return repository;
    }
}
