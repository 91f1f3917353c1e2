using Microsoft.Extensions.Primitives;

namespace WorkPermit.Rules.WebApi;

/// <summary>
/// The hosts the server answers to, from the <c>AllowedHosts</c> setting (appsettings.json, the environment variable
/// <c>AllowedHosts</c>, or <c>--AllowedHosts=...</c>): names separated by semicolons, <c>*.example.org</c> for every
/// subdomain, <c>*</c> for any host. A request for any other host gets a 400 problem. On a server that listens on
/// loopback only this is what stops DNS rebinding: a page from another site whose name has been pointed at
/// 127.0.0.1 still sends its own name as the Host, and is refused.
/// </summary>
/// <remarks>ASP.NET Core reads the same setting for its own host filter, but runs that filter before any other
/// middleware, where its 400 is a bare HTML page. The sample turns the framework's filter off (it is given <c>*</c>)
/// and checks the Host itself after the problem-details middleware, with the framework's matching rules
/// (<see cref="HostString.MatchesAny"/>).</remarks>
internal static class AllowedHosts
{
    /// <summary>The configuration key.</summary>
    public const string Key = "AllowedHosts";

    /// <summary>The hosts allowed when the setting is absent or empty: the loopback names the server listens on by
    /// default. An empty setting never means "any host": that has to be said with <c>*</c>.</summary>
    public const string Default = "localhost;127.0.0.1;[::1]";

    /// <summary>Refuses, with a 400 problem, every request whose Host does not match <paramref name="setting"/>.
    /// A request without a Host (HTTP/1.0) is let through, as ASP.NET Core's own filter does: a browser always sends one.</summary>
    public static IApplicationBuilder UseAllowedHosts(this IApplicationBuilder app, string? setting)
    {
        var hosts = Parse(setting);
        if (hosts is null)
        {
            return app;
        }

        return app.Use((context, next) =>
        {
            var host = new StringSegment(context.Request.Headers.Host.ToString()).Trim();
            if (StringSegment.IsNullOrEmpty(host) || HostString.MatchesAny(host, hosts))
            {
                return next(context);
            }

            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(WebApiProblems.LogCategory)
                .LogInformation("A request was refused with 400: its Host is not in AllowedHosts.");
            return WebApiProblems.HostNotAllowed().ExecuteAsync(context);
        });
    }

    /// <summary>The patterns of a setting, in the form the Host header carries them (punycode); <see langword="null"/>
    /// when any host is allowed.</summary>
    internal static List<StringSegment>? Parse(string? setting)
    {
        const StringSplitOptions Split = StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries;
        var entries = (setting ?? string.Empty).Split(';', Split);
        if (entries.Length == 0)
        {
            entries = Default.Split(';', Split);
        }

        var hosts = new List<StringSegment>(entries.Length);
        foreach (var entry in entries)
        {
            var host = new HostString(entry).ToUriComponent();
            if (host is "*" or "[::]" or "0.0.0.0")
            {
                return null;
            }

            hosts.Add(host);
        }

        return hosts;
    }
}
