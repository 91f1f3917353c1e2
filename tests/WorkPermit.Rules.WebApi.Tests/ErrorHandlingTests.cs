using System.Net;
using WorkPermit.Rules.WebApi.Tests.Support;

namespace WorkPermit.Rules.WebApi.Tests;

/// <summary>Failures the client did not cause, and addresses that do not exist: a problem, never a stack trace.</summary>
public sealed class ErrorHandlingTests(WebApiFactory factory) : IClassFixture<WebApiFactory>
{
    [Fact]
    public async Task Evaluate_EvaluatorThrows_Returns500WithoutInternalDetail()
    {
        using var broken = factory.WithEvaluator(new ThrowingEvaluator());
        using var client = broken.CreateClient();

        var response = await client.PostAsync("/v1/evaluate", Profiles.Json(Profiles.PortOfEntry));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var problem = await Profiles.ReadProblemAsync(response);
        Assert.Equal(500, problem.GetProperty("status").GetInt32());
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), text, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(ThrowingEvaluator), text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
        Assert.False(problem.TryGetProperty("exception", out _));
    }

    [Fact]
    public async Task Healthz_EvaluatorThrows_Returns500WithoutInternalDetail()
    {
        using var broken = factory.WithEvaluator(new ThrowingEvaluator());
        using var client = broken.CreateClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("hunter2", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v2/evaluate")]
    [InlineData("/v1/nothing")]
    [InlineData("/admin")]
    public async Task UnknownRoute_Returns404Problem(string path)
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await Profiles.ReadProblemAsync(response);
    }
}
