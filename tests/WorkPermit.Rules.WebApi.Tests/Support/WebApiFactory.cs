using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace WorkPermit.Rules.WebApi.Tests.Support;

/// <summary>
/// The web sample, hosted in the test process through its own Program. Today's date is fixed, so reports never drift
/// with the calendar; everything else is the application as it ships. (<c>global::Program</c> is the sample's entry point;
/// plain <c>Program</c> would be the library's <see cref="WorkPermit.Rules.Program"/> enumeration.)
/// </summary>
public sealed class WebApiFactory : WebApplicationFactory<global::Program>
{
    /// <summary>The date that stands for today in every test.</summary>
    public static readonly DateOnly Today = new(2025, 11, 21);

    /// <summary>The clock the application is given.</summary>
    public static readonly TimeProvider Clock = new FixedClock(Today);

    /// <summary>Gets a value indicating whether the server runs the sample house rule (configured as a host would, through
    /// <c>HouseRules:Assemblies</c>).</summary>
    public bool SampleHouseRules { get; init; }

    /// <summary>The sample house rules' assembly file.</summary>
    public static string SampleHouseRulesAssembly => typeof(WorkPermit.Rules.HouseRules.Sample.PassportExpiryRule).Assembly.Location;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (SampleHouseRules)
        {
            builder.UseSetting("HouseRules:Assemblies:0", SampleHouseRulesAssembly);
        }

        builder.ConfigureTestServices(services =>
        {
            // The evaluator asks the container for a TimeProvider when it is first created; the last one registered wins.
            services.RemoveAll<TimeProvider>();
            services.AddSingleton(Clock);
        });
    }

    /// <summary>A copy of the application whose evaluator is replaced, for example by one that throws.</summary>
    public WebApplicationFactory<global::Program> WithEvaluator(IWorkPermitEvaluator evaluator) =>
        WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IWorkPermitEvaluator>();
            services.AddSingleton(evaluator);
        }));

    /// <summary>A copy of the application with one configuration value set, as appsettings.json or the environment would.</summary>
    public WebApplicationFactory<global::Program> WithSetting(string key, string value) =>
        WithWebHostBuilder(builder => builder.UseSetting(key, value));

    private sealed class FixedClock(DateOnly date) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
