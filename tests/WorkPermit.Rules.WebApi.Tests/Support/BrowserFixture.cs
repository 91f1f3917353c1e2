using Microsoft.Playwright;

namespace WorkPermit.Rules.WebApi.Tests.Support;

/// <summary>
/// The application listening on a loopback port (Kestrel, not the in-memory test server, because a browser needs a real
/// socket), and Debian's Chromium driven by Playwright. Playwright runs the driver bundled in its package from the build
/// output, and the browser is the system's, so nothing is downloaded.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Where Debian's chromium package puts the browser.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    // The page's server runs the sample house rule, as a firm's portal would: its findings appear under "House rules".
    private readonly WebApiFactory _factory = new() { SampleHouseRules = true };
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Gets the application's address, for example http://127.0.0.1:40213/.</summary>
    public Uri Address => _factory.ClientOptions.BaseAddress;

    /// <summary>Gets the browser.</summary>
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync()
    {
        // A missing browser fails every test with what to do, never a silent skip: CI installs Chromium (.ci/run).
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is not installed at {ChromiumPath}, and the browser tests need it. Install it with: apt-get install -y chromium");
        }

        // Port 0: the system picks a free port on 127.0.0.1, and the factory reads back which.
        _factory.UseKestrel(0);
        _factory.StartServer();

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _factory.DisposeAsync();
    }
}
