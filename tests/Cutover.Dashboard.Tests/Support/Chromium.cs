using Cutover.Testing;
using Microsoft.Playwright;

namespace Cutover.Dashboard.Tests.Support;

/// <summary>
/// Debian's headless Chromium driven by Playwright: never a downloaded browser, a fresh profile per launch, and no
/// traffic but to the pages it is sent to. Screenshots go to <c>artifacts/screenshots</c>, a build artefact.
/// </summary>
internal sealed class Chromium : IAsyncDisposable
{
    /// <summary>Where Debian's package puts it; <c>CUTOVER_CHROMIUM</c> overrides.</summary>
    public static string ExecutablePath { get; } = Environment.GetEnvironmentVariable("CUTOVER_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static string ScreenshotDirectory { get; } = Path.Combine(RepositoryPaths.Root, "artifacts", "screenshots");

    private readonly IPlaywright _playwright;
    private readonly string _profile;

    private Chromium(IPlaywright playwright, IBrowserContext context, string profile)
    {
        _playwright = playwright;
        Context = context;
        _profile = profile;
    }

    public IBrowserContext Context { get; }

    public static async Task<Chromium> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"no Chromium at {ExecutablePath}: run scripts/install-deps.sh (apt package chromium), or set CUTOVER_CHROMIUM");
        }

        var playwright = await Playwright.CreateAsync();
        var profile = Directory.CreateTempSubdirectory("cutover-chromium-").FullName;
        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-dev-shm-usage",
            ],
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            ReducedMotion = ReducedMotion.Reduce,
        });
        context.SetDefaultTimeout(30_000);
        return new Chromium(playwright, context, profile);
    }

    /// <summary>A new tab on <paramref name="url"/>, once the dashboard has drawn its first snapshot.</summary>
    public async Task<IPage> OpenDashboardAsync(Uri url, int width = 1280, int height = 800)
    {
        var page = await Context.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await page.GotoAsync(url.ToString());
        await page.WaitForSelectorAsync("body[data-ready]");
        return page;
    }

    public static async Task ScreenshotAsync(IPage page, string name, bool fullPage = false)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = fullPage });
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        _playwright.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium still flushing its profile; the temp folder is cleaned by the OS later.
        }
    }
}
