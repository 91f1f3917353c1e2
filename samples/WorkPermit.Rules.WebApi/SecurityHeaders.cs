namespace WorkPermit.Rules.WebApi;

/// <summary>The headers every response carries: it says what it is (nosniff), the page loads nothing but its own
/// files, and no address of the page (which may carry nothing personal today, but a portal's might) is sent to another
/// site. One list, used by the middleware and by the problems written in place of Kestrel's own answers.</summary>
internal static class SecurityHeaders
{
    /// <summary>The headers and their values.</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> All =
    [
        new("X-Content-Type-Options", "nosniff"),
        new("Referrer-Policy", "no-referrer"),
        new("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; form-action 'self'"),
    ];

    /// <summary>Adds the headers to every response when it starts. Set at that moment rather than when the request
    /// comes in, because the exception handler clears the headers before it writes its problem, and an error response
    /// needs them as much as any other.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpResponse)state).Headers;
            foreach (var (name, value) in All)
            {
                headers[name] = value;
            }

            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    });
}
