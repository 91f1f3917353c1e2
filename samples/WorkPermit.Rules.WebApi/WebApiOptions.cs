namespace WorkPermit.Rules.WebApi;

/// <summary>The sample's settings, from the <c>WebApi</c> section of the configuration (appsettings.json, environment
/// variables such as <c>WebApi__MaxRequestBodyBytes</c>, or <c>--WebApi:MaxRequestBodyBytes=...</c>).</summary>
internal sealed class WebApiOptions
{
    /// <summary>The configuration section these options are read from.</summary>
    public const string Section = "WebApi";

    /// <summary>The port used when neither <c>--port</c>, <c>PORT</c> nor <c>--urls</c> is given.</summary>
    public const int DefaultPort = 5080;

    /// <summary>Gets or sets the largest profile accepted, in bytes; a larger body gets 413.</summary>
    public int MaxRequestBodyBytes { get; set; } = 64 * 1024;
}
