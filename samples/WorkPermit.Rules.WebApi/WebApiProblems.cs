using Microsoft.AspNetCore.Diagnostics;

namespace WorkPermit.Rules.WebApi;

/// <summary>The API's error responses, all RFC 9457 problem details (<c>application/problem+json</c>).</summary>
internal static class WebApiProblems
{
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

    /// <summary>The status for an exception that escaped an endpoint: a bad request found by the server itself keeps
    /// its own status (for example 400 for a malformed request); anything else is a 500.</summary>
    public static int StatusFor(Exception exception) =>
        exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;

    /// <summary>Writes the problem for an exception that escaped an endpoint. Nothing of the exception (its type,
    /// message or stack trace) is written: the client learns only that the request failed; the log has the rest.</summary>
    public static Task WriteForExceptionAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var status = error is null ? StatusCodes.Status500InternalServerError : StatusFor(error);
        var problem = status >= StatusCodes.Status500InternalServerError
            ? Results.Problem(
                statusCode: status,
                title: "The server could not complete the request.",
                detail: "Something went wrong on the server. The error has been logged; try again later.")
            : Results.Problem(statusCode: status);
        return problem.ExecuteAsync(context);
    }

    /// <summary>One problem with a profile, as listed in the 400 response's <c>errors</c>.</summary>
    /// <param name="Path">The JSON path of the value, for example <c>travel.mode</c>; <c>$</c> for the whole document.</param>
    /// <param name="Message">What is wrong.</param>
    /// <param name="Code">The library's stable code, for example <c>unknown_value</c>.</param>
    internal sealed record ErrorItem(string Path, string Message, string Code);
}
