using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using NRules;
using NRules.Fluent;
using NRules.Fluent.Dsl;

namespace WorkPermit.Rules.Evaluation;

/// <summary>The catalogue's rule classes, compiled once per process into a shared, immutable session factory.</summary>
/// <remarks>
/// <para>NRules compiles every condition and action of a rule set from an expression tree to a delegate, and the JIT then
/// compiles each delegate on its first call. That is most of a cold start. So the rule set is compiled twice, like the
/// runtime's own tiered compilation: first with the expressions interpreted (quick to build, slower to run), which serves
/// the first evaluations, then fully compiled on a pool thread, which takes over as soon as it is ready. Both are the same
/// rules and give the same findings (a property test compares them).</para>
/// <para>The full compile starts only once the interpreted rule set has served a few evaluations: on a two-core machine
/// it would otherwise take a core from the first evaluation, which is what a cold start waits for. A process that
/// evaluates once never pays for it.</para>
/// </remarks>
internal static class WorkPermitRuleSet
{
    private static readonly Lazy<RuleRepository> Loaded = new(() => Load(RuleTypes), LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<ISessionFactory> FullyCompiled = new(() => Compile(Loaded.Value, interpret: false), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The interpreted rule set, until the compiled one is ready; then dropped.</summary>
    private static Lazy<ISessionFactory>? _interpreted = new(() => Compile(Loaded.Value, interpret: true), LazyThreadSafetyMode.ExecutionAndPublication);

    private static ISessionFactory? _compiled;

    /// <summary>How many evaluations the interpreted rule set serves before the full compile starts.</summary>
    private const int InterimEvaluations = 8;

    private static int _started;
    private static int _interimServed;
    private static int _compiling;

    /// <summary>The session factory evaluations use: the compiled rule set once it is ready, the interpreted one until then.</summary>
    public static ISessionFactory Factory => Volatile.Read(ref _compiled) ?? Interim();

    /// <summary>The fully compiled rule set, waiting for it if needed.</summary>
    public static ISessionFactory Compiled => FullyCompiled.Value;

    private static ISessionFactory Interim()
    {
        StartCompiling();
        if (Interlocked.Increment(ref _interimServed) > InterimEvaluations && Interlocked.Exchange(ref _compiling, 1) == 0)
        {
            _ = Task.Run(static () =>
            {
                try
                {
                    Volatile.Write(ref _compiled, FullyCompiled.Value);
                    Volatile.Write(ref _interpreted, null);
                }
                catch (Exception)
                {
                    // The interpreted rule set goes on serving; the same rules failing to compile there would have
                    // failed to load before.
                }
            });
        }

        return Volatile.Read(ref _interpreted)?.Value ?? Volatile.Read(ref _compiled)!;
    }

    /// <summary>
    /// Starts building the interpreted rule set on a thread-pool thread, once per process, so that it overlaps the work
    /// the caller does next (reading the catalogue and the reference lists, building the evaluator): the first evaluation
    /// waits only for what is left of it. A failure is not lost: <see cref="Factory"/> throws it to the first evaluation.
    /// </summary>
    public static void StartCompiling()
    {
        if (Volatile.Read(ref _compiled) is not null || Interlocked.Exchange(ref _started, 1) != 0)
        {
            return;
        }

        _ = Task.Run(static () =>
        {
            try
            {
                _ = Volatile.Read(ref _interpreted)?.Value;
            }
            catch (Exception)
            {
                // Kept by the Lazy and rethrown wherever the factory is used; nothing to report from here.
            }
        });
    }

    /// <summary>The rule classes: one per catalogue ID, in catalogue order (<see cref="Rules.RuleClasses"/>).</summary>
    public static IReadOnlyList<Type> RuleTypes => Rules.RuleClasses.All;

    public static string Version { get; } = typeof(WorkPermitRuleSet).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(WorkPermitRuleSet).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    /// <summary>A hash of the library version, the catalogue, the rule classes and the reference data.</summary>
    public static string Fingerprint(ReferenceDataSet reference, string? houseRules = null)
    {
        var text = new StringBuilder(Version).Append('\n');
        foreach (var type in RuleTypes)
        {
            text.Append(new RuleMetadata(type).Name).Append('=').Append(type.FullName).Append('\n');
        }

        text.Append(Convert.ToHexStringLower(SHA256.HashData(RuleCatalogue.RawBytes))).Append('\n').Append(reference.Fingerprint);
        if (houseRules is not null)
        {
            text.Append("\nhouse rules ").Append(houseRules);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    /// <summary>How many rule firings one evaluation may take before it counts as a runaway loop: every catalogue rule
    /// fires once per evaluation, so ten times the rule count leaves room for any rule a host adds.</summary>
    public static int MaxFirings(int ruleCount) => Math.Max(64, ruleCount * 10);

    /// <summary>
    /// Evaluates one case in a new session of <paramref name="factory"/> and returns the findings its rules recorded.
    /// </summary>
    /// <remarks>
    /// <para>Findings reach the network in batches. A rule whose finding other rules match publishes it
    /// (<see cref="EvaluationCase.Publish"/>); once the rules ready to fire have fired, the findings published meanwhile
    /// are inserted together, and the loop repeats until nothing is left to fire. One batch visits each alpha node once
    /// instead of once per finding, and a plain insert skips the bookkeeping NRules keeps for linked facts (<c>Yield</c>),
    /// which would only serve to retract a finding when its rule's match goes away, and no fact is ever retracted here.
    /// Batching is sound because no rule of the set uses <c>Not</c>, <c>Exists</c> or priorities: a rule waits for every
    /// finding it matches, so the order in which they arrive cannot change what it concludes (a test guards that).</para>
    /// <para>A rule set that keeps firing (a rule whose action re-enables itself) is stopped after
    /// <paramref name="maxFirings"/> firings with a <see cref="RuleLoopException"/> that names the rules still firing.</para>
    /// <para>With <paramref name="batch"/> false each finding enters the network as soon as its rule has fired; tests
    /// compare the two.</para>
    /// </remarks>
    public static FindingSet Run(ISessionFactory factory, EvaluationCase evaluationCase, int maxFirings, bool batch = true)
    {
        var session = factory.CreateSession();
        session.AutoPropagateLinkedFacts = !batch;
        session.Insert(evaluationCase);
        FireUntilQuiet(session, evaluationCase, maxFirings, 0, batch);
        return evaluationCase.Findings;
    }

    /// <summary>Fires the agenda, and inserts the findings published meanwhile (and propagates any linked facts a host's
    /// rule yielded), until nothing is left to fire.</summary>
    /// <param name="session">The session.</param>
    /// <param name="evaluationCase">The case in the session, whose rules publish their findings to it.</param>
    /// <param name="maxFirings">The bound on firings, counting those already made.</param>
    /// <param name="fired">The firings already made in this session.</param>
    /// <param name="batch">Whether to fire every rule that is ready before the findings enter (false: one rule at a time).</param>
    /// <returns>The firings made in all.</returns>
    /// <exception cref="RuleLoopException">The bound was reached with rules still to fire.</exception>
    public static int FireUntilQuiet(ISession session, EvaluationCase evaluationCase, int maxFirings, int fired, bool batch = true)
    {
        var published = evaluationCase.Published;
        while (true)
        {
            if (published.Count > 0)
            {
                Enter(session, published);
            }

            session.PropagateLinked();
            if (session.Agenda.IsEmpty)
            {
                return fired;
            }

            if (fired >= maxFirings)
            {
                throw RuleLoop(session, maxFirings);
            }

            fired += session.Fire(batch ? maxFirings - fired : 1);
        }
    }

    /// <summary>Inserts the published findings as one batch. A finding equal to one already in the session (its rule
    /// fired again, which only a looping rule set does) replaces it, as the rule's later conclusion.</summary>
    private static void Enter(ISession session, List<object> published)
    {
        var result = session.TryInsertAll(published, BatchOptions.SkipFailed);
        published.Clear();
        if (result.FailedCount > 0)
        {
            session.UpdateAll(result.Failed);
        }
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

    /// <summary>Compiles a repository's rules, with their expressions compiled to IL or, when
    /// <paramref name="interpret"/> is set, interpreted.</summary>
    public static ISessionFactory Compile(RuleRepository repository, bool interpret = false)
    {
        var compiler = interpret ? new RuleCompiler { ExpressionCompiler = new InterpretingCompiler() } : new RuleCompiler();
        return compiler.Compile(repository.GetRuleSets());
    }

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

/// <summary>NRules' hook for compiling expressions, set to interpret them: no IL is emitted and nothing waits for the JIT.</summary>
internal sealed class InterpretingCompiler : NRules.Extensibility.IExpressionCompiler
{
    public TDelegate Compile<TDelegate>(System.Linq.Expressions.Expression<TDelegate> expression)
        where TDelegate : Delegate => expression.Compile(preferInterpretation: true);
}
