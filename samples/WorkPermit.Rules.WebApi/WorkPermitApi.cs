using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace WorkPermit.Rules.WebApi;

/// <summary>The HTTP API: evaluate a profile, the profile's JSON Schema, the rule catalogue, and a health check.</summary>
internal static class WorkPermitApi
{
    /// <summary>Maps every endpoint of the API, with what the OpenAPI document says of each: its name (the operation ID
    /// a generated client names its method after), what it takes, and every status it can answer with. Any endpoint
    /// can also answer 400 (a Host that is not allowed, a request the server could not read) and 500 (a fault of the
    /// server's), so each lists those too.</summary>
    public static IEndpointRouteBuilder MapWorkPermitApi(this IEndpointRouteBuilder endpoints)
    {
        var v1 = endpoints.MapGroup("/v1");

        v1.MapPost("/evaluate", EvaluateAsync)
            .WithName("Evaluate")
            .WithTags("Evaluation")
            .WithSummary("Evaluates a profile.")
            .WithDescription("Takes a profile in the contract's JSON (any JSON media type) and returns the report: each outcome with its reasons, the documents and actions that follow, and the questions whose answers would settle what is unknown. A profile with problems gets a 400 listing each one with its JSON path; nothing is evaluated.")
            .Accepts<WorkPermitProfile>("application/json")
            .Produces<WorkPermitReport>(StatusCodes.Status200OK, "application/json")
            .Produces<WebApiProblems.InvalidProfileProblem>(StatusCodes.Status400BadRequest, WebApiProblems.MediaType)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status500InternalServerError);

        v1.MapGet("/schema/profile", () => Results.Text(ProfileJson.JsonSchema(), "application/schema+json", Encoding.UTF8))
            .WithName("GetProfileSchema")
            .WithTags("Evaluation")
            .WithSummary("The profile's JSON Schema.")
            .WithDescription("The JSON Schema the library checks a profile against, with every fact, its type and its allowed values.")
            .Produces<JsonElement>(StatusCodes.Status200OK, "application/schema+json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status500InternalServerError);

        v1.MapGet("/rules", ListRules)
            .WithName("ListRules")
            .WithTags("Catalogue")
            .WithSummary("Every catalogue rule.")
            .WithDescription("Every rule of the catalogue in catalogue order: ID, title, kind, effective dates and the passages it implements.")
            .Produces<RuleList>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status500InternalServerError);

        v1.MapGet("/rules/{id}", GetRule)
            .WithName("GetRule")
            .WithTags("Catalogue")
            .WithSummary("One catalogue rule in full.")
            .WithDescription("One rule by ID (case does not matter), with its statement, reference lists, notes and the interpretations it follows; 404 when the catalogue has no such rule.")
            .Produces<RuleDetail>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status500InternalServerError);

        endpoints.MapGet("/healthz", (IWorkPermitEvaluator evaluator) => Results.Ok(new Health("ok", evaluator.RuleSet)))
            .WithName("GetHealth")
            .WithTags("Health")
            .WithSummary("Whether the service is up, and which rule set it evaluates with.")
            .Produces<Health>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status500InternalServerError);

        return endpoints;
    }

    /// <summary><c>POST /v1/evaluate</c>: a profile in the contract's JSON in, the report in the contract's JSON out.</summary>
    private static async Task<IResult> EvaluateAsync(HttpRequest request, IWorkPermitEvaluator evaluator, IOptions<WebApiOptions> options, CancellationToken cancellationToken)
    {
        // 1. Only JSON is read; a form post or plain text is refused before anything is read.
        if (!request.HasJsonContentType())
        {
            return WebApiProblems.NotJson();
        }

        // 2. Refuse a body over the limit: at once when its stated length says so, else as soon as reading passes it.
        var limit = options.Value.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            return WebApiProblems.TooLarge(limit);
        }

        var body = await ReadAtMostAsync(request.Body, limit, cancellationToken);
        if (body is null)
        {
            return WebApiProblems.TooLarge(limit);
        }

        // 3. The library reads the JSON (its reader caps the nesting depth) and lists every problem by path, or
        //    evaluates the profile. Problems are a 400; the report is written exactly as the contract gives it,
        //    straight into the response (a report is about 90 KB of JSON: as one array it would land on the large
        //    object heap on every request).
        var result = evaluator.Evaluate(body);
        return result.Report is { } report
            ? new ReportResult(report)
            : WebApiProblems.InvalidProfile(result.Errors);
    }

    /// <summary>Writes a report's JSON into the response body's pipe.</summary>
    private sealed class ReportResult(WorkPermitReport report) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.ContentType = "application/json";
            ReportJson.WriteUtf8(report, httpContext.Response.BodyWriter);
            await httpContext.Response.BodyWriter.FlushAsync(httpContext.RequestAborted);
        }
    }

    /// <summary><c>GET /v1/rules</c>: every catalogue rule, in catalogue order, with its quoted passages.</summary>
    private static IResult ListRules() =>
        Results.Ok(new RuleList(RuleCatalogue.Rules.Count, [.. RuleCatalogue.Rules.Select(RuleSummary.From)]));

    /// <summary><c>GET /v1/rules/{id}</c>: one rule in full (the ID is matched without regard to case), or 404.</summary>
    private static IResult GetRule(string id)
    {
        var rule = RuleCatalogue.Rules.FirstOrDefault(r => string.Equals(r.Id, id.Trim(), StringComparison.OrdinalIgnoreCase));
        return rule is null ? WebApiProblems.NoSuchRule(id) : Results.Ok(RuleDetail.From(rule));
    }

    /// <summary>Reads the whole body, or returns <see langword="null"/> as soon as it passes <paramref name="limit"/> bytes.</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>The health check's answer: the service is up, and which rule set it evaluates with.</summary>
    internal sealed record Health(string Status, RuleSetInfo RuleSet);

    /// <summary>The rule list.</summary>
    internal sealed record RuleList(int Count, IReadOnlyList<RuleSummary> Rules);

    /// <summary>A rule as listed: what it is, when it applies, and the passages it implements.</summary>
    internal sealed record RuleSummary(string Id, string Title, RuleKind Kind, string Effective, IReadOnlyList<Citation> Citations)
    {
        public static RuleSummary From(CatalogueRule rule) => new(rule.Id, rule.Title, rule.Kind, rule.Effective, rule.Citations);
    }

    /// <summary>A rule in full: the listing, plus its statement, reference lists, notes and the interpretations it follows.</summary>
    internal sealed record RuleDetail(
        string Id,
        string Title,
        RuleKind Kind,
        string Effective,
        IReadOnlyList<Citation> Citations,
        string Statement,
        IReadOnlyList<string> ReferenceData,
        string Notes,
        IReadOnlyList<InterpretationItem> Interpretations)
    {
        public static RuleDetail From(CatalogueRule rule) => new(
            rule.Id,
            rule.Title,
            rule.Kind,
            rule.Effective,
            rule.Citations,
            rule.Statement,
            rule.ReferenceData,
            rule.Notes,
            [.. rule.Interpretations.Select(id => new InterpretationItem(id, RuleCatalogue.Interpretations.FirstOrDefault(i => i.Id == id)?.Text ?? string.Empty))]);
    }

    /// <summary>An interpretation the rule follows where its sources are ambiguous.</summary>
    internal sealed record InterpretationItem(string Id, string Text);
}
