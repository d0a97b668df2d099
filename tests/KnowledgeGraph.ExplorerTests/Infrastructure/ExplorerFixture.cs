using KnowledgeGraph.FunctionalTests.Seed;
using KnowledgeGraph.V1;
using Microsoft.Playwright;

namespace KnowledgeGraph.ExplorerTests.Infrastructure;

/// <summary>
/// Everything the browser tests share: the three services loaded with data/seed/, the explorer in
/// front of them, and one headless Debian Chromium driven by Playwright.
/// </summary>
public sealed class ExplorerFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium (Playwright's own browser download cannot work on these machines).</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    public SeedGraphFixture Seed { get; } = new();
    public ExplorerHost Explorer { get; private set; } = null!;

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"The explorer tests drive Debian's Chromium at {ChromiumPath}, which is missing: apt-get install -y --no-install-recommends chromium (.ci/run does).");
        await Seed.InitializeAsync();
        // The explorer's calls carry no consistency token: wait once until the queries service has the whole seed.
        await Seed.Services.Queries.TraceDependenciesAsync(
            new TraceDependenciesRequest { Root = "entities/japan", Direction = TraceDirection.Upstream }, Seed.AfterImport);
        Explorer = new ExplorerHost(Seed.Services);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Tests run as root in CI, where Chromium's sandbox cannot start.
            Args = ["--no-sandbox"],
        });
    }

    /// <summary>A fresh page on the explorer, large enough for the three columns.</summary>
    public async Task<IPage> OpenAsync()
    {
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 900 } });
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync(Explorer.Address.ToString());
        return page;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (Explorer is not null) await Explorer.DisposeAsync();
        await Seed.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ExplorerCollection : ICollectionFixture<ExplorerFixture>
{
    public const string Name = "explorer";
}
