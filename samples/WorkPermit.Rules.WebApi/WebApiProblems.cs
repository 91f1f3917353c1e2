using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace WorkPermit.Rules.WebApi;

/// <summary>The API's error responses, all RFC 9457 problem details (<c>application/problem+json</c>) with a status, a
/// title and a detail.</summary>
internal static class WebApiProblems
{
    /// <summary>The category of the sample's own log entries.</summary>
    public const string LogCategory = "WorkPermit.Rules.WebApi";

    /// <summary>The media type of every error response.</summary>
    public const string MediaType = "application/problem+json";

    /// <summary>400: the profile was read, and each problem is listed with the JSON path of the value at fault.</summary>
    public static IResult InvalidProfile(IReadOnlyList<ProfileError> errors) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "The profile is not valid.",
        detail: errors.Count == 1
            ? "1 problem was found; it names the JSON path of the value at fault. Nothing was evaluated."
            : errors[^1].Code == "too_many_problems"
                ? $"More than {errors.Count - 1} problems were found; the first {errors.Count - 1} name the JSON path of the value at fault, and the last says how many more there are. Nothing was evaluated."
                : $"{errors.Count} problems were found; each names the JSON path of the value at fault. Nothing was evaluated.",
        extensions: new Dictionary<string, object?> { ["errors"] = errors.Select(e => new ErrorItem(e.Path, e.Message, e.Code)).ToArray() });

    /// <summary>413: the body is larger than the configured limit.</summary>
    public static IResult TooLarge(int limit) => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The request body is too large.",
        detail: $"A profile may be at most {limit} bytes.");

    /// <summary>415: the body is not declared as JSON.</summary>
    public static IResult NotJson() => Results.Problem(
        statusCode: StatusCodes.Status415UnsupportedMediaType,
        title: "The request body must be JSON.",
        detail: "Send the profile with the header Content-Type: application/json.");

    /// <summary>404: no rule with that ID.</summary>
    public static IResult NoSuchRule(string id) => Results.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "No such rule.",
        detail: $"The catalogue has no rule '{id}'. GET /v1/rules lists every rule.");

    /// <summary>400: the request's Host is not one the server answers to. The host is not repeated: it is the
    /// client's own text, and the client already knows it.</summary>
    public static IResult HostNotAllowed() => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "The request is for a host this server does not serve.",
        detail: "The Host header names a host that is not in the server's AllowedHosts setting.");

    /// <summary>The title of a problem that only has a status: the status's reason phrase (ASP.NET Core knows titles
    /// for a few statuses only; 414 and 431, for example, would have none).</summary>
    public static string TitleFor(int status) =>
        ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : $"Error {status}";

    /// <summary>What a status means for this API, for problems written without a detail of their own: the server's
    /// answers to requests it could not read, and the answers for an unknown address or method.</summary>
    public static string DetailFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "The server could not read the request: its request line, headers or body are malformed.",
        StatusCodes.Status404NotFound => "There is nothing at this address. /openapi/v1.json lists the API's addresses.",
        StatusCodes.Status405MethodNotAllowed => "This address does not accept the request's method. /openapi/v1.json lists the methods each address accepts.",
        StatusCodes.Status408RequestTimeout => "The request did not arrive in time.",
        StatusCodes.Status411LengthRequired => "A request with a body must give its length (Content-Length) or be sent in chunks.",
        StatusCodes.Status413PayloadTooLarge => "The request body is larger than the server accepts.",
        StatusCodes.Status414UriTooLong => "The request's target (its path and query) is longer than the server accepts.",
        StatusCodes.Status431RequestHeaderFieldsTooLarge => "The request's headers are larger than the server accepts.",
        StatusCodes.Status505HttpVersionNotsupported => "The request's HTTP version is not one the server speaks.",
        >= StatusCodes.Status500InternalServerError => "Something went wrong on the server. The error has been logged; try again later.",
        _ => $"The request failed with status {status}.",
    };

    /// <summary>Gives every problem a title and a detail when the code that wrote it gave none (the status-code pages,
    /// the exception handler, a bare <c>Results.Problem(statusCode)</c>).</summary>
    public static void Complete(ProblemDetailsContext context)
    {
        var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
        context.ProblemDetails.Title ??= TitleFor(status);
        context.ProblemDetails.Detail ??= DetailFor(status);
    }

    /// <summary>The status for an exception that escaped an endpoint: a bad request found by the server itself keeps
    /// its own status (for example 400 for a malformed chunked body); anything else is a 500.</summary>
    public static int StatusFor(Exception exception) =>
        exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;

    /// <summary>Whether the exception handler's own log entry (an error with the stack trace) is left out: yes for a
    /// request the server could not read, which is the client's mistake and is logged in one line by
    /// <see cref="WriteForExceptionAsync"/>; no for a fault of the server's.</summary>
    public static bool IsClientError(ExceptionHandlerSuppressDiagnosticsContext context) => context.Exception is BadHttpRequestException;

    /// <summary>Writes the problem for an exception that escaped an endpoint. Nothing of the exception (its type,
    /// message or stack trace) is written: the client learns only that the request failed. A server fault is in the
    /// log with its stack trace (the exception handler writes it); a request the server could not read is logged here,
    /// in one line, without the exception, whose message may quote what the client sent.</summary>
    public static Task WriteForExceptionAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var status = error is null ? StatusCodes.Status500InternalServerError : StatusFor(error);
        if (status < StatusCodes.Status500InternalServerError)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategory)
                .LogInformation("A request was refused with {Status} while its body was read.", status);
        }

        var problem = status >= StatusCodes.Status500InternalServerError
            ? Results.Problem(statusCode: status, title: "The server could not complete the request.")
            : Results.Problem(statusCode: status);
        return problem.ExecuteAsync(context);
    }

    /// <summary>One problem with a profile, as listed in the 400 response's <c>errors</c>.</summary>
    /// <param name="Path">The JSON path of the value, for example <c>travel.mode</c>; <c>$</c> for the whole document.</param>
    /// <param name="Message">What is wrong.</param>
    /// <param name="Code">The library's stable code, for example <c>unknown_value</c>.</param>
    internal sealed record ErrorItem(string Path, string Message, string Code);

    /// <summary>The 400 for a profile that is not valid, as the OpenAPI document describes it: problem details with
    /// the list of problems. (The response itself is written by <see cref="InvalidProfile"/>.)</summary>
    internal sealed class InvalidProfileProblem : ProblemDetails
    {
        /// <summary>Gets the problems, each with the JSON path of the value at fault; absent when the 400 is not about
        /// the profile (a Host that is not allowed, a request the server could not read).</summary>
        public IReadOnlyList<ErrorItem>? Errors { get; init; }
    }
}
