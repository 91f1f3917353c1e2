using System.Reflection;
using WorkPermit.Rules.Engine.Model;

namespace WorkPermit.Rules.Engine.Dsl;

/// <summary>
/// The base class of a rule written in the fluent DSL. Override <see cref="Define"/> and, inside it, state the
/// conditions with <see cref="When"/>, the actions with <see cref="Then"/> and any services with <see cref="Dependency"/>.
/// Name, describe and order the rule with <see cref="NameAttribute"/>, <see cref="DescriptionAttribute"/>,
/// <see cref="TagAttribute"/>, <see cref="PriorityAttribute"/> and <see cref="RepeatabilityAttribute"/>.
/// </summary>
/// <example>
/// <code>
/// [Name("Discount"), Priority(10)]
/// public sealed class DiscountRule : Rule
/// {
///     public override void Define()
///     {
///         Customer customer = default!;
///         When().Match(() =&gt; customer, c =&gt; c.IsPreferred);
///         Then().Yield(_ =&gt; new Discount(customer.Id, 10));
///     }
/// }
/// </code>
/// </example>
public abstract class Rule
{
    private readonly Lock _gate = new();
    private RawRule? _raw;
    private RuleDefinition? _definition;

    /// <summary>States the rule. The engine calls it once, when the rule is loaded into a repository.</summary>
    public abstract void Define();

    /// <summary>Gets the builder of the rule's conditions. Call only from <see cref="Define"/>.</summary>
    /// <returns>The condition builder.</returns>
    /// <exception cref="InvalidOperationException">Called outside <see cref="Define"/>.</exception>
    protected ILeftHandSideExpression When() => new LeftHandSideBuilder(Raw.Root);

    /// <summary>Gets the builder of the rule's actions. Call only from <see cref="Define"/>.</summary>
    /// <returns>The action builder.</returns>
    /// <exception cref="InvalidOperationException">Called outside <see cref="Define"/>.</exception>
    protected IRightHandSideExpression Then() => new RightHandSideBuilder(Raw);

    /// <summary>Gets the builder of the services the rule's actions use. Call only from <see cref="Define"/>.</summary>
    /// <returns>The dependency builder.</returns>
    /// <exception cref="InvalidOperationException">Called outside <see cref="Define"/>.</exception>
    protected IDependencyExpression Dependency() => new DependencyBuilder(Raw);

    private RawRule Raw => _raw ?? throw new InvalidOperationException(
        $"When(), Then() and Dependency() can only be called from {GetType().Name}.Define(), while the engine loads the rule.");

    internal RuleDefinition GetDefinition()
    {
        lock (_gate)
        {
            if (_definition is not null)
            {
                return _definition;
            }

            var metadata = RuleMetadata.For(GetType());
            _raw = new RawRule();
            try
            {
                Define();
                _definition = RuleDefinitionFactory.Create(metadata, _raw, this);
            }
            catch (RuleDefinitionException)
            {
                throw;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                throw new RuleDefinitionException(metadata.Name, GetType(), ex.Message, ex);
            }
            finally
            {
                _raw = null;
            }

            return _definition;
        }
    }
}

/// <summary>Thrown when a rule's <c>Define()</c> fails or states something the engine cannot run.</summary>
public sealed class RuleDefinitionException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="RuleDefinitionException"/> class.</summary>
    /// <param name="ruleName">The rule's name.</param>
    /// <param name="ruleType">The rule class.</param>
    /// <param name="problem">What is wrong.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public RuleDefinitionException(string ruleName, Type? ruleType, string problem, Exception? inner = null)
        : base($"Rule '{ruleName}'{(ruleType is null ? string.Empty : $" ({ruleType.FullName})")} is not valid: {problem}", inner)
    {
        RuleName = ruleName;
        RuleType = ruleType;
    }

    /// <summary>Gets the name of the rule that is not valid.</summary>
    /// <value>The rule name.</value>
    public string RuleName { get; }

    /// <summary>Gets the class of the rule that is not valid.</summary>
    /// <value>The rule class, if known.</value>
    public Type? RuleType { get; }
}

internal sealed record RuleMetadata(string Name, string Description, int Priority, RuleModel.RuleRepeatability Repeatability, IReadOnlyList<string> Tags, Type RuleType)
{
    public static RuleMetadata For(Type type)
    {
        var name = type.GetCustomAttribute<NameAttribute>(inherit: false)?.Value ?? type.FullName ?? type.Name;
        var description = type.GetCustomAttribute<DescriptionAttribute>(inherit: false)?.Value ?? string.Empty;
        var priority = type.GetCustomAttribute<PriorityAttribute>(inherit: true)?.Value ?? 0;
        var repeatability = type.GetCustomAttribute<RepeatabilityAttribute>(inherit: true)?.Value ?? RuleModel.RuleRepeatability.Repeatable;
        var tags = type.GetCustomAttributes<TagAttribute>(inherit: true).Select(t => t.Value).Distinct(StringComparer.Ordinal).ToArray();
        return new RuleMetadata(name, description, priority, repeatability, tags, type);
    }
}
