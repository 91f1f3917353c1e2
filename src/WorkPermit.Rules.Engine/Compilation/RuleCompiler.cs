using WorkPermit.Rules.Engine.Model;
using WorkPermit.Rules.Engine.Runtime;
using WorkPermit.Rules.Engine.RuleModel;

namespace WorkPermit.Rules.Engine.Compilation;

internal static class NetworkCompiler
{
    public static SessionFactory Compile(IEnumerable<IRuleDefinition> rules, IReadOnlyDictionary<Type, IEqualityComparer<object>> comparers,
        IDependencyResolver? dependencyResolver, int maxFirings)
    {
        var definitions = new List<RuleDefinition>();
        foreach (var rule in rules)
        {
            definitions.Add(rule as RuleDefinition ?? throw new ArgumentException(
                $"Rule '{rule?.Name}' was not made by this engine's DSL; load rules through RuleRepository.", nameof(rules)));
        }

        var builder = new NetworkBuilder();
        foreach (var definition in definitions)
        {
            try
            {
                builder.Add(definition);
            }
            catch (Exception ex) when (ex is not RuleCompilationException)
            {
                throw new RuleCompilationException(definition.Name, ex);
            }
        }

        try
        {
            builder.Finish();
        }
        catch (Exception ex) when (ex is not RuleCompilationException)
        {
            throw new RuleCompilationException("(alpha network)", ex);
        }
        var priorities = definitions.Select(d => d.Priority).Distinct().OrderByDescending(p => p).ToList();
        foreach (var terminal in builder.Terminals)
        {
            terminal.PriorityRank = priorities.IndexOf(terminal.Rule.Definition.Priority);
        }

        return new SessionFactory(builder.Root, builder.TypeNodes, builder.MemoryCount, priorities.Count,
            new FactIdentityComparer(comparers), dependencyResolver, maxFirings, definitions, builder.Terminals);
    }
}
