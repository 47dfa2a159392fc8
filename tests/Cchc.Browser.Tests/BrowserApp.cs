using Cchc.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Cchc.Browser.Tests;

/// <summary>
/// The application on a real Kestrel socket (SQLite) and Debian's Chromium driven by Playwright.
/// Without /usr/bin/chromium the tests skip on a developer's machine and fail in CI (CI=true).
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public SqliteApp App { get; } = new();
    public IBrowser? Browser { get; private set; }
    public string BaseUrl { get; private set; } = "";
    private IPlaywright? _playwright;

    public static bool Required => PostgresServer.Required;

    public async ValueTask InitializeAsync()
    {
        App.UseKestrel(0);
        await App.InitializeAsync();
        App.StartServer();
        BaseUrl = App.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        if (!File.Exists(ChromiumPath)) return;
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--lang=vi-VN", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }

    /// <summary>A fresh page; console errors are collected into <paramref name="consoleErrors"/>.</summary>
    public async Task<IPage> NewPageAsync(List<string> consoleErrors)
    {
        if (Browser is null)
        {
            if (Required) Assert.Fail($"Chromium is required in CI but {ChromiumPath} is missing (apt-get install chromium).");
            Assert.Skip($"Chromium not installed ({ChromiumPath}).");
        }
        var context = await Browser!.NewContextAsync(new() { Locale = "vi-VN", TimezoneId = "Asia/Ho_Chi_Minh", BaseURL = BaseUrl });
        var page = await context.NewPageAsync();
        page.Console += (_, msg) => { if (msg.Type == "error") consoleErrors.Add(msg.Text); };
        page.PageError += (_, err) => consoleErrors.Add(err);
        return page;
    }

    /// <summary>Keeps a screenshot of a failed journey under TestResults/screenshots.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(dir);
        await page.ScreenshotAsync(new() { Path = Path.Combine(dir, name + ".png"), FullPage = true });
    }
}
