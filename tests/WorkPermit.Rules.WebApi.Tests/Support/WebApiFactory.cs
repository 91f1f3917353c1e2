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
        // An address for the copies that run on Kestrel (UseKestrel): without one, Program listens on its default port,
        // 5080, which the factory's own port cannot override (the generic host re-reads the address setting when it
        // starts). Port 0 is a free one, chosen by the system. The in-memory test server ignores it.
        builder.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");

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

    /// <summary>A copy of the application listening on a free loopback port through Kestrel, the server it ships with
    /// (the in-memory test server never parses a request, so it cannot show what Kestrel does with a malformed one).</summary>
    /// <param name="configure">More configuration for the copy, for example a setting or a logger.</param>
    /// <returns>The started copy; its address is <c>ClientOptions.BaseAddress</c>.</returns>
    public WebApplicationFactory<global::Program> OnKestrel(Action<IWebHostBuilder>? configure = null)
    {
        var copy = WithWebHostBuilder(builder => configure?.Invoke(builder));
        copy.UseKestrel(0);
        copy.StartServer();
        return copy;
    }

    private sealed class FixedClock(DateOnly date) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
