// The web sample: the evaluator behind a small HTTP API, and an interview page (wwwroot) that drives it.
// The endpoints live in WorkPermitApi.cs; this file only wires the application together.
using Microsoft.AspNetCore.HostFiltering;
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

// 1a. Kestrel answers a request it cannot parse (400, 414 URI too long, 431 headers too large, ...) before any
//     middleware runs, with no body; on every endpoint that answer is replaced by a problem (KestrelRejections.cs).
builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.UseRejectionProblems()));

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

// 3. The sample's own settings (the request size limit), and RFC 9457 problem details for every error response, each
//    with a title and a detail even when the code that failed the request gave none.
builder.Services.AddOptions<WebApiOptions>()
    .Bind(builder.Configuration.GetSection(WebApiOptions.Section))
    .Validate(o => o.MaxRequestBodyBytes > 0, "WebApi:MaxRequestBodyBytes must be more than 0.")
    .ValidateOnStart();
builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = WebApiProblems.Complete);

// 3a. Compress responses (a report is about 90 KB of JSON, a few KB compressed), over HTTPS too: the responses echo
//     nothing secret from the request that an attacker could probe for (BREACH).
builder.Services.AddResponseCompression(options =>
{
    options.EnableForHttps = true;
    options.MimeTypes = [.. Microsoft.AspNetCore.ResponseCompression.ResponseCompressionDefaults.MimeTypes, "application/problem+json", "application/schema+json"];
});

// 3b. The OpenAPI document at /openapi/v1.json, from the endpoints' metadata (WorkPermitApi.cs), for a portal to
//     generate its client from.
builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
{
    document.Info.Title = "WorkPermit.Rules web API";
    document.Info.Description = "Evaluates a work-permit profile against the rule catalogue, and publishes the catalogue and the profile's JSON Schema. Every error is RFC 9457 problem details.";
    return Task.CompletedTask;
}));
//     The API never reads a request body through ASP.NET Core's JSON options (the library reads the profile), so
//     their leniency about numbers written as strings only shows in the document, where it would make every integer
//     "integer or string" for a generated client: numbers are numbers.
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict);

// 3c. Host filtering is done in step 4, where its 400 is a problem; the framework's own filter, which would run first
//     and answer with HTML, is told to let every host through (AllowedHosts.cs).
builder.Services.Configure<HostFilteringOptions>(options => options.AllowedHosts = ["*"]);

// 3d. Logs hold no personal data and no stack trace for a request the client got wrong. The profile's values only
//     appear in responses, never in the sample's log entries; Kestrel's entry for a request it could not parse quotes
//     the request and carries the exception, so it is replaced by a one-line entry (KestrelRejections.cs). Server
//     faults are still logged with their exception.
builder.Logging.AddFilter("Microsoft.AspNetCore.Server.Kestrel.BadRequests", LogLevel.None);

var app = builder.Build();
app.ObserveRejections();

// 4. Every response carries the security headers (set as it starts, so error responses have them too). Errors: an
//    exception becomes a generic 500 problem that says nothing about it (the log has the details), a body the
//    server could not read keeps its 4xx; an empty error response, such as 404 for an unknown route or 405 for a wrong
//    method, becomes a problem too; and a request for a host not in AllowedHosts is refused with a 400 problem.
app.UseSecurityHeaders();
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    StatusCodeSelector = WebApiProblems.StatusFor,
    ExceptionHandler = WebApiProblems.WriteForExceptionAsync,
    SuppressDiagnosticsCallback = WebApiProblems.IsClientError,
});
app.UseStatusCodePages();
app.UseAllowedHosts(app.Configuration[AllowedHosts.Key]);
app.UseResponseCompression();

// 5. The interview page: wwwroot/index.html with its script and styles.
app.UseDefaultFiles();
app.UseStaticFiles();

// 6. The API and its OpenAPI document, then run until stopped.
app.MapWorkPermitApi();
app.MapOpenApi();
app.Run();
