using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using WorkPermit.Rules.Engine;
using WorkPermit.Rules.Engine.Dsl;
using WorkPermit.Rules.Engine.Fluent;

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

    /// <summary>Reset sessions ready for the next evaluation: at most one per core, so the memory they keep is
    /// bounded however many threads evaluate.</summary>
    private static readonly ISession?[] Idle = new ISession?[Math.Max(Environment.ProcessorCount, 2)];

    /// <summary>Takes an idle session, or creates one when every kept session is in use.</summary>
    public static ISession RentSession()
    {
        var idle = Idle;
        var start = Environment.CurrentManagedThreadId;
        for (var i = 0; i < idle.Length; i++)
        {
            var index = (int)((uint)(start + i) % (uint)idle.Length);
            if (Volatile.Read(ref idle[index]) is not null && Interlocked.Exchange(ref idle[index], null) is { } session)
            {
                return session;
            }
        }

        return Factory.CreateSession();
    }

    /// <summary>Resets a session whose evaluation finished normally and keeps it for the next one, if there is room.
    /// A session whose evaluation threw is not returned: it is dropped with whatever state it was left in.</summary>
    public static void ReturnSession(ISession session)
    {
        session.Reset();
        var idle = Idle;
        var start = Environment.CurrentManagedThreadId;
        for (var i = 0; i < idle.Length; i++)
        {
            var index = (int)((uint)(start + i) % (uint)idle.Length);
            if (Volatile.Read(ref idle[index]) is null && Interlocked.CompareExchange(ref idle[index], session, null) is null)
            {
                return;
            }
        }
    }

    /// <summary>The rule classes: one per catalogue ID, in the WorkPermit.Rules.Rules namespaces.</summary>
    /// <remarks>Found on first use (reflection over the assembly and the catalogue's order), so that starting the
    /// compile in the background does not do that work on the caller's thread first.</remarks>
    public static IReadOnlyList<Type> RuleTypes => Types.Value;

    private static readonly Lazy<Type[]> Types = new(
        static () => typeof(WorkPermitRuleSet).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsSubclassOf(typeof(Rule))
                && t.Namespace?.StartsWith("WorkPermit.Rules.Rules", StringComparison.Ordinal) == true)
            .OrderBy(t => RuleCatalogue.OrderOf(t.GetCustomAttribute<NameAttribute>()?.Value ?? string.Empty))
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
            text.Append(type.GetCustomAttribute<NameAttribute>()?.Value).Append('=').Append(type.FullName).Append('\n');
        }

        text.Append(Convert.ToHexStringLower(SHA256.HashData(RuleCatalogue.RawBytes))).Append('\n').Append(reference.Fingerprint);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    private static ISessionFactory Compile()
    {
        var repository = new RuleRepository();
        repository.Load(x => x.From(RuleTypes).To("work-permit"));
        return repository.Compile();
    }
}
