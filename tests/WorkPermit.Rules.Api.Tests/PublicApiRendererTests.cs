namespace WorkPermit.Rules.Api.Tests;

/// <summary>The renderer sees what the approval test relies on: public types and members with full signatures, and not
/// internal ones, so that a changed signature changes the text.</summary>
public sealed class PublicApiRendererTests
{
    private static readonly string Rendered = PublicApiRenderer.Render(typeof(PublicApiRendererTests).Assembly);
    private static readonly string[] Lines = Rendered.Split('\n');

    [Fact]
    public void Render_PublicMethod_ShowsFullSignatureWithDefaults() =>
        Assert.Contains("  System.Int32 Add(System.Int32 left, System.Int32 right = 2)", Lines);

    [Fact]
    public void Render_PublicType_ShowsKindAndName() =>
        Assert.Contains("sealed class WorkPermit.Rules.Api.Tests.ApiSample", Lines);

    [Fact]
    public void Render_InternalMember_IsLeftOut() =>
        Assert.DoesNotContain("Hidden", Rendered, StringComparison.Ordinal);

    [Fact]
    public void Render_SameAssembly_SameTextEveryTime() =>
        Assert.Equal(Rendered, PublicApiRenderer.Render(typeof(PublicApiRendererTests).Assembly));
}

/// <summary>A public type for the renderer to render.</summary>
public sealed class ApiSample
{
    /// <summary>Adds.</summary>
    public int Add(int left, int right = 2) => left + right + Hidden();

    internal static int Hidden() => 0;
}
