using System.Reflection;
using WorkPermit.Rules.Engine.Dsl;
using WorkPermit.Rules.Engine.RuleModel;

namespace WorkPermit.Rules.Engine.Fluent;

/// <summary>Loads rule classes into rule sets, ready to compile.</summary>
/// <example>
/// <code>
/// var repository = new RuleRepository();
/// repository.Load(x =&gt; x.From(typeof(MyRule).Assembly).Where(r =&gt; r.IsTagged("billing")));
/// ISessionFactory factory = repository.Compile();
/// </code>
/// </example>
public sealed class RuleRepository : IRuleRepository
{
    private readonly List<RuleSet> _ruleSets = [];

    /// <summary>Gets or sets what makes rule instances from rule classes.</summary>
    /// <value>The activator; by default each class's parameterless constructor.</value>
    public IRuleActivator Activator { get; set; } = new RuleActivator();

    /// <summary>Loads rules as the specification says.</summary>
    /// <param name="specAction">Says where to load rules from, which to keep and which rule set to put them in.</param>
    /// <exception cref="RuleDefinitionException">A rule's Define() failed or states something the engine cannot run.</exception>
    /// <exception cref="InvalidOperationException">A rule class could not be instantiated.</exception>
    public void Load(Action<IRuleLoadSpec> specAction)
    {
        ArgumentNullException.ThrowIfNull(specAction);
        var spec = new RuleLoadSpec();
        specAction(spec);
        var ruleSet = _ruleSets.Find(s => s.Name == spec.RuleSetName);
        if (ruleSet is null)
        {
            ruleSet = new RuleSet(spec.RuleSetName);
            _ruleSets.Add(ruleSet);
        }

        foreach (var type in spec.Types())
        {
            var metadata = RuleMetadata.For(type);
            if (spec.Filter is not null && !spec.Filter(new PublicMetadata(metadata)))
            {
                continue;
            }

            IEnumerable<Rule> instances;
            try
            {
                instances = Activator.Activate(type) ?? [];
            }
            catch (Exception ex) when (ex is not RuleDefinitionException)
            {
                throw new InvalidOperationException($"Rule class {type.FullName} could not be instantiated: {ex.Message}", ex);
            }

            foreach (var instance in instances)
            {
                ruleSet.Add(instance.GetDefinition());
            }
        }
    }

    /// <summary>Gets the rule sets loaded so far.</summary>
    /// <returns>The rule sets.</returns>
    public IEnumerable<IRuleSet> GetRuleSets() => _ruleSets.ToArray();

    private sealed class RuleSet(string name) : IRuleSet
    {
        private readonly List<IRuleDefinition> _rules = [];

        public string Name { get; } = name;

        public IReadOnlyList<IRuleDefinition> Rules => _rules;

        public void Add(IRuleDefinition rule) => _rules.Add(rule);
    }

    private sealed class PublicMetadata(RuleMetadata metadata) : IRuleMetadata
    {
        public Type RuleType => metadata.RuleType;
        public string Name => metadata.Name;
        public string Description => metadata.Description;
        public int Priority => metadata.Priority;
        public IReadOnlyList<string> Tags => metadata.Tags;

        public bool IsTagged(string tag) => metadata.Tags.Contains(tag, StringComparer.Ordinal);
    }

    private sealed class RuleLoadSpec : IRuleLoadSpec
    {
        private readonly List<Assembly> _assemblies = [];
        private readonly List<Type> _types = [];
        private bool _nested;
        private bool _private;

        public string RuleSetName { get; private set; } = "default";

        public Func<IRuleMetadata, bool>? Filter { get; private set; }

        public IRuleLoadSpec From(params Assembly[] assemblies)
        {
            ArgumentNullException.ThrowIfNull(assemblies);
            _assemblies.AddRange(assemblies);
            return this;
        }

        public IRuleLoadSpec From(params Type[] types) => From((IEnumerable<Type>)types);

        public IRuleLoadSpec From(IEnumerable<Type> types)
        {
            ArgumentNullException.ThrowIfNull(types);
            foreach (var type in types)
            {
                ArgumentNullException.ThrowIfNull(type, nameof(types));
                if (!IsRuleType(type))
                {
                    throw new ArgumentException($"{type.FullName} is not a concrete class derived from {typeof(Rule).FullName}.", nameof(types));
                }

                _types.Add(type);
            }

            return this;
        }

        public IRuleLoadSpec Where(Func<IRuleMetadata, bool> filter)
        {
            ArgumentNullException.ThrowIfNull(filter);
            var previous = Filter;
            Filter = previous is null ? filter : m => previous(m) && filter(m);
            return this;
        }

        public IRuleLoadSpec To(string ruleSetName)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(ruleSetName);
            RuleSetName = ruleSetName;
            return this;
        }

        public IRuleLoadSpec NestedTypes(bool include = true)
        {
            _nested = include;
            return this;
        }

        public IRuleLoadSpec PrivateTypes(bool include = true)
        {
            _private = include;
            return this;
        }

        public IEnumerable<Type> Types()
        {
            var seen = new HashSet<Type>();
            foreach (var type in _types)
            {
                if (seen.Add(type))
                {
                    yield return type;
                }
            }

            foreach (var assembly in _assemblies)
            {
                foreach (var type in assembly.GetTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
                {
                    if (IsRuleType(type) && (_nested || !type.IsNested) && (_private || IsVisible(type)) && seen.Add(type))
                    {
                        yield return type;
                    }
                }
            }
        }

        private static bool IsVisible(Type type) => type.IsPublic || (type.IsNestedPublic && IsVisible(type.DeclaringType!));

        private static bool IsRuleType(Type type) =>
            type.IsClass && !type.IsAbstract && !type.ContainsGenericParameters && typeof(Rule).IsAssignableFrom(type);
    }
}

/// <summary>Says which rules <see cref="RuleRepository.Load"/> loads.</summary>
public interface IRuleLoadSpec
{
    /// <summary>Scans assemblies for rule classes (public, top-level ones unless <see cref="NestedTypes"/> or <see cref="PrivateTypes"/> say otherwise).</summary>
    /// <param name="assemblies">The assemblies.</param>
    /// <returns>This specification.</returns>
    IRuleLoadSpec From(params Assembly[] assemblies);

    /// <summary>Loads the given rule classes, whatever their visibility.</summary>
    /// <param name="types">The rule classes.</param>
    /// <returns>This specification.</returns>
    /// <exception cref="ArgumentException">A type is not a concrete rule class.</exception>
    IRuleLoadSpec From(params Type[] types);

    /// <summary>Loads the given rule classes, whatever their visibility.</summary>
    /// <param name="types">The rule classes.</param>
    /// <returns>This specification.</returns>
    /// <exception cref="ArgumentException">A type is not a concrete rule class.</exception>
    IRuleLoadSpec From(IEnumerable<Type> types);

    /// <summary>Keeps only the rules the filter accepts (several filters must all accept).</summary>
    /// <param name="filter">The filter over rule metadata.</param>
    /// <returns>This specification.</returns>
    IRuleLoadSpec Where(Func<IRuleMetadata, bool> filter);

    /// <summary>Puts the rules in the named rule set (by default "default").</summary>
    /// <param name="ruleSetName">The rule set's name.</param>
    /// <returns>This specification.</returns>
    IRuleLoadSpec To(string ruleSetName);

    /// <summary>Includes nested rule classes when scanning assemblies.</summary>
    /// <param name="include">Whether to include them.</param>
    /// <returns>This specification.</returns>
    IRuleLoadSpec NestedTypes(bool include = true);

    /// <summary>Includes non-public rule classes when scanning assemblies.</summary>
    /// <param name="include">Whether to include them.</param>
    /// <returns>This specification.</returns>
    IRuleLoadSpec PrivateTypes(bool include = true);
}

/// <summary>A rule's metadata, read from its class before the rule is instantiated.</summary>
public interface IRuleMetadata
{
    /// <summary>Gets the rule class.</summary>
    /// <value>The type.</value>
    Type RuleType { get; }

    /// <summary>Gets the rule's name.</summary>
    /// <value>The name.</value>
    string Name { get; }

    /// <summary>Gets the rule's description.</summary>
    /// <value>The description, or an empty string.</value>
    string Description { get; }

    /// <summary>Gets the rule's priority.</summary>
    /// <value>The priority.</value>
    int Priority { get; }

    /// <summary>Gets the rule's tags.</summary>
    /// <value>The tags.</value>
    IReadOnlyList<string> Tags { get; }

    /// <summary>Whether the rule carries a tag.</summary>
    /// <param name="tag">The tag.</param>
    /// <returns><see langword="true"/> if it does.</returns>
    bool IsTagged(string tag);
}

/// <summary>Makes rule instances from rule classes; replace it to construct rules through a container or to make several
/// instances of one parameterised class.</summary>
public interface IRuleActivator
{
    /// <summary>Makes the rule instances for a rule class.</summary>
    /// <param name="type">The rule class.</param>
    /// <returns>The instances (usually one).</returns>
    IEnumerable<Rule> Activate(Type type);
}

/// <summary>The default activator: one instance per class, through its parameterless constructor.</summary>
public sealed class RuleActivator : IRuleActivator
{
    /// <inheritdoc/>
    public IEnumerable<Rule> Activate(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        yield return (Rule)(System.Activator.CreateInstance(type, nonPublic: true)
            ?? throw new InvalidOperationException($"Could not create {type.FullName}."));
    }
}
