using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace WorkPermit.Rules;

/// <summary>Registers WorkPermit.Rules with a service collection.</summary>
public static class WorkPermitRulesServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IWorkPermitEvaluator"/> and <see cref="ReferenceDataSet"/> as singletons. Options are validated here,
    /// at start-up. The evaluator takes <see cref="TimeProvider"/> from the container when one is registered, else the system clock.
    /// Calling this more than once keeps the first registration.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets options, for example reference-data overrides.</param>
    /// <returns>The service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    /// <exception cref="WorkPermitRulesConfigurationException">The options are not valid.</exception>
    public static IServiceCollection AddWorkPermitRules(this IServiceCollection services, Action<WorkPermitRulesOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(IWorkPermitEvaluator)))
        {
            return services;
        }

        var options = new WorkPermitRulesOptions();
        configure?.Invoke(options);
        WorkPermitEvaluator.CheckSuggestionOptions(options.Suggestions);
        Evaluation.WorkPermitRuleSet.StartCompiling();
        var reference = ReferenceDataSet.Build(options.ReferenceData);
        var house = WorkPermitEvaluator.HouseRulesOf(options);
        services.TryAddSingleton(reference);
        services.TryAddSingleton(sp => WorkPermitEvaluator.Create(options, reference, sp.GetService<TimeProvider>() ?? TimeProvider.System, house));
        return services;
    }
}
