using Microsoft.Extensions.DependencyInjection;
using WorkPermit.Rules.Tests.Support;

namespace WorkPermit.Rules.Tests;

public sealed class ServiceCollectionTests
{
    [Fact]
    public void AddWorkPermitRules_NullServices_Throws() =>
        Assert.Throws<ArgumentNullException>(() => WorkPermitRulesServiceCollectionExtensions.AddWorkPermitRules(null!));

    [Fact]
    public void AddWorkPermitRules_RegistersSingletons()
    {
        var services = new ServiceCollection().AddWorkPermitRules();

        Assert.Equal(ServiceLifetime.Singleton, Assert.Single(services, d => d.ServiceType == typeof(IWorkPermitEvaluator)).Lifetime);
        Assert.Equal(ServiceLifetime.Singleton, Assert.Single(services, d => d.ServiceType == typeof(ReferenceDataSet)).Lifetime);
        using var provider = services.BuildServiceProvider();
        Assert.Same(provider.GetRequiredService<IWorkPermitEvaluator>(), provider.GetRequiredService<IWorkPermitEvaluator>());
    }

    [Fact]
    public void AddWorkPermitRules_Twice_KeepsOneRegistration()
    {
        var services = new ServiceCollection()
            .AddWorkPermitRules(o => o.ReferenceData.Add("RD-04", new ReferenceEntry { Code = "YUL", Source = "first" }))
            .AddWorkPermitRules(o => o.ReferenceData.Remove("RD-04", "YVR"));

        Assert.Single(services, d => d.ServiceType == typeof(IWorkPermitEvaluator));
        using var provider = services.BuildServiceProvider();
        var lists = provider.GetRequiredService<ReferenceDataSet>().Lists["RD-04"];
        Assert.Equal(Tri.Yes, lists.Contains("YUL", new DateOnly(2025, 1, 1)));
        Assert.Equal(Tri.Yes, lists.Contains("YVR", new DateOnly(2025, 1, 1)));
    }

    [Fact]
    public void AddWorkPermitRules_TakesTimeProviderFromTheContainer()
    {
        var services = new ServiceCollection().AddSingleton<TimeProvider>(FixedTimeProvider.On(2023, 3, 4)).AddWorkPermitRules();
        using var provider = services.BuildServiceProvider();

        var report = provider.GetRequiredService<IWorkPermitEvaluator>().Evaluate(new WorkPermitProfile());

        Assert.Equal(new DateOnly(2023, 3, 4), report.AsOf.Evaluation);
    }

    [Fact]
    public void AddWorkPermitRules_InvalidOverride_FailsAtStartUpWithTheProblem()
    {
        var exception = Assert.Throws<WorkPermitRulesConfigurationException>(() =>
            new ServiceCollection().AddWorkPermitRules(o => o.ReferenceData.Replace("RD-01", "{ \"id\": \"RD-01\" }")));

        Assert.Contains(exception.Problems, p => p.Contains("RD-01", StringComparison.Ordinal) && p.Contains("$.complete", StringComparison.Ordinal));
    }
}
