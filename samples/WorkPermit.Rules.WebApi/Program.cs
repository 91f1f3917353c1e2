// The web sample: the evaluator behind a small HTTP API, and an interview page (wwwroot) that drives it.
// The endpoints live in WorkPermitApi.cs; this file only wires the application together.
using Microsoft.Extensions.DependencyInjection.Extensions;
using WorkPermit.Rules;
using WorkPermit.Rules.WebApi;

var builder = WebApplication.CreateBuilder(args);

// 1. Listen on the loopback address only. The port comes from --port or PORT (5080 when neither is set); --urls or
//    ASPNETCORE_URLS replaces the whole address for a host that knows what it wants.
if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
{
    var port = builder.Configuration.GetValue("port", WebApiOptions.DefaultPort);
    builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
}

// 2. The library: one evaluator (compiled once, thread-safe) for every request. It reads today's date from the
//    container's TimeProvider, which is the system clock here and a fixed one in tests.
//    A firm's own rules (house rules) run beside the catalogue's when HouseRules:Assemblies lists their assemblies.
builder.Services.TryAddSingleton(TimeProvider.System);
var houseRules = builder.Configuration.GetSection("HouseRules:Assemblies").Get<string[]>() ?? [];
builder.Services.AddWorkPermitRules(options =>
{
    foreach (var path in houseRules)
    {
        options.HouseRules.AddFrom(System.Reflection.Assembly.LoadFrom(Path.GetFullPath(path)));
    }
});

// 3. The sample's own settings (the request size limit), and RFC 9457 problem details for every error response.
builder.Services.AddOptions<WebApiOptions>()
    .Bind(builder.Configuration.GetSection(WebApiOptions.Section))
    .Validate(o => o.MaxRequestBodyBytes > 0, "WebApi:MaxRequestBodyBytes must be more than 0.")
    .ValidateOnStart();
builder.Services.AddProblemDetails();

// 3a. Compress responses (a report is about 90 KB of JSON, a few KB compressed), over HTTPS too: the responses echo
//     nothing secret from the request that an attacker could probe for (BREACH).
builder.Services.AddResponseCompression(options =>
{
    options.EnableForHttps = true;
    options.MimeTypes = [.. Microsoft.AspNetCore.ResponseCompression.ResponseCompressionDefaults.MimeTypes, "application/problem+json", "application/schema+json"];
});

var app = builder.Build();

// 4. Errors: an exception becomes a generic 500 problem that says nothing about it (the log has the details), and an
//    empty error response, such as 404 for an unknown route or 405 for a wrong method, becomes a problem too.
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    StatusCodeSelector = WebApiProblems.StatusFor,
    ExceptionHandler = WebApiProblems.WriteForExceptionAsync,
});
app.UseStatusCodePages();
app.UseResponseCompression();

// 5. Every response says what it is (nosniff), the page loads nothing but its own files, and no address of the page
//    (which may carry nothing personal today, but a portal's might) is sent to another site.
app.Use(async (context, next) =>
{
    context.Response.Headers.XContentTypeOptions = "nosniff";
    context.Response.Headers["Referrer-Policy"] = "no-referrer";
    context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; frame-ancestors 'none'; form-action 'self'";
    await next(context);
});

// 6. The interview page: wwwroot/index.html with its script and styles.
app.UseDefaultFiles();
app.UseStaticFiles();

// 7. The API, then run until stopped.
app.MapWorkPermitApi();
app.Run();
