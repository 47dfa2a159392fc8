using System.Text.RegularExpressions;
using Cchc.Core.Access;
using Cchc.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Cchc.Browser.Tests;

public sealed partial class NavigationJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private const string Password = "Mat-khau-thu-123";

    /// <summary>A resource key left untranslated (keys are written Area_Thing, SharedResource.cs).</summary>
    [GeneratedRegex(@"\b[A-Z][A-Za-z]*_[A-Z][A-Za-z]*\b")]
    private static partial Regex ResourceKey();

    [Fact]
    public async Task A_system_admin_opens_every_navigation_entry_without_an_error()
    {
        var errors = new List<string>();
        var page = await browser.NewPageAsync(errors);
        var tree = await browser.App.TreeAsync();
        var admin = await browser.App.UserAsync(tree.Department, Roles.SystemAdmin);
        var current = "login";
        try
        {
            await SignInAsync(page, admin.UserName!);
            var links = await page.Locator("nav.nav a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
            Assert.True(links.Length >= 9, $"only {links.Length} navigation entries");

            var failures = new List<string>();
            foreach (var href in links)
            {
                current = href.Trim('/').Replace('/', '-');
                errors.Clear();
                var response = await page.GotoAsync(href);
                var status = response?.Status ?? 0;
                var text = await page.Locator("body").InnerTextAsync();
                var keys = ResourceKey().Matches(text).Select(m => m.Value).Distinct().ToList();
                var errorPage = await page.Locator("[data-error-page]").CountAsync();
                var currentEntry = await page.Locator($"nav.nav a[href='{href}'][aria-current='page']").CountAsync();
                if (status is 0 or >= 400 || errorPage > 0 || keys.Count > 0 || errors.Count > 0 || currentEntry != 1)
                {
                    failures.Add($"{href}: status {status}, error page {errorPage > 0}, keys [{string.Join(", ", keys)}], console [{string.Join(" | ", errors)}], marked current {currentEntry}");
                    await BrowserApp.ScreenshotAsync(page, $"{nameof(A_system_admin_opens_every_navigation_entry_without_an_error)}-{current}");
                }
            }
            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }
        catch
        {
            await BrowserApp.ScreenshotAsync(page, $"{nameof(A_system_admin_opens_every_navigation_entry_without_an_error)}-{current}-last");
            throw;
        }
    }

    [Fact]
    public async Task On_a_phone_the_navigation_is_one_tap_away()
    {
        var errors = new List<string>();
        var page = await browser.NewPageAsync(errors);
        await page.SetViewportSizeAsync(375, 667);
        var unit = await browser.App.UnitAsync();
        var user = await browser.App.UserAsync(unit, Roles.Specialist);
        try
        {
            await SignInAsync(page, user.UserName!);
            var menu = page.Locator("details.menu > summary");
            await Assertions.Expect(menu).ToBeVisibleAsync();
            var plans = page.GetByRole(AriaRole.Link, new() { Name = "Kế hoạch" });
            await Assertions.Expect(plans).ToBeHiddenAsync();

            await menu.ClickAsync();
            await Assertions.Expect(plans).ToBeVisibleAsync();
            var box = await plans.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X >= 0 && box.X + box.Width <= 375, $"the link lies outside the screen: {box.X}+{box.Width}");
            await plans.ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Kế hoạch cải cách hành chính");
            var pageWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(pageWidth <= 375, $"the page scrolls sideways ({pageWidth}px)");
            Assert.Empty(errors);
        }
        catch
        {
            await BrowserApp.ScreenshotAsync(page, nameof(On_a_phone_the_navigation_is_one_tap_away));
            throw;
        }
    }

    [Fact]
    public async Task The_skip_link_is_the_first_stop_and_moves_to_the_content()
    {
        var errors = new List<string>();
        var page = await browser.NewPageAsync(errors);
        var unit = await browser.App.UnitAsync();
        var user = await browser.App.UserAsync(unit, Roles.Specialist);
        try
        {
            await SignInAsync(page, user.UserName!);
            await page.Keyboard.PressAsync("Tab");
            var skip = page.GetByRole(AriaRole.Link, new() { Name = "Bỏ qua điều hướng" });
            await Assertions.Expect(skip).ToBeFocusedAsync();
            await Assertions.Expect(skip).ToBeInViewportAsync();
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator("main")).ToBeFocusedAsync();
        }
        catch
        {
            await BrowserApp.ScreenshotAsync(page, nameof(The_skip_link_is_the_first_stop_and_moves_to_the_content));
            throw;
        }
    }

    private static async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/");
        await page.GetByLabel("Tên đăng nhập").FillAsync(userName);
        await page.GetByLabel("Mật khẩu").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Xin chào");
    }
}
