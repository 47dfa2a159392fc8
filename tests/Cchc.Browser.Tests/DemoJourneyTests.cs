using Cchc.Web.Features.Demo;
using Microsoft.Playwright;

namespace Cchc.Browser.Tests;

/// <summary>
/// The demo as a visitor meets it: the seeded department, its 2025 reorganisation and the admin pages.
/// With CCHC_SCREENSHOT_DIR set, the pages are also saved there (the README's screenshots come from here).
/// </summary>
public sealed class DemoJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private const string DemoPassword = "DemoCchc2025";

    [Fact]
    public async Task A_leader_of_the_demo_department_sees_the_tree_before_and_after_the_2025_reorganisation()
    {
        await DemoData.SeedAsync(browser.App.Services);
        var errors = new List<string>();
        var page = await browser.NewPageAsync(errors);
        await page.SetViewportSizeAsync(1280, 900);
        try
        {
            await SignInAsync(page, "demo.lanhdao");
            await SaveAsync(page, "home");

            await page.GotoAsync("/Units");
            var today = await page.Locator("main").InnerTextAsync();
            Assert.Contains("Phòng Văn hóa – Xã hội xã Đông Sơn", today, StringComparison.Ordinal);
            Assert.DoesNotContain("Phòng Giáo dục và Đào tạo huyện Đông Sơn", today, StringComparison.Ordinal);
            await SaveAsync(page, "units-today");

            await page.GotoAsync("/Units?at=2025-06-30");
            var before = await page.Locator("main").InnerTextAsync();
            Assert.Contains("Phòng Giáo dục và Đào tạo huyện Đông Sơn", before, StringComparison.Ordinal);
            await SaveAsync(page, "units-2025-06-30");

            await page.GotoAsync("/Units/Details/DEMO-TH-DS");
            Assert.Contains("01/07/2025", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            await SaveAsync(page, "unit-history");
            Assert.Empty(errors);
        }
        catch
        {
            await BrowserApp.ScreenshotAsync(page, nameof(A_leader_of_the_demo_department_sees_the_tree_before_and_after_the_2025_reorganisation));
            throw;
        }
    }

    [Fact]
    public async Task The_demo_system_admin_opens_users_and_the_audit_log()
    {
        await DemoData.SeedAsync(browser.App.Services);
        var errors = new List<string>();
        var page = await browser.NewPageAsync(errors);
        await page.SetViewportSizeAsync(1280, 900);
        try
        {
            await SignInAsync(page, "demo.quantri");
            await page.GotoAsync("/Admin/Users");
            Assert.Contains("demo.chuyenvien", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            await SaveAsync(page, "admin-users");
            await page.GotoAsync("/Admin/Audit");
            Assert.Equal(1, await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).CountAsync());
            await SaveAsync(page, "admin-audit");
            Assert.Empty(errors);
        }
        catch
        {
            await BrowserApp.ScreenshotAsync(page, nameof(The_demo_system_admin_opens_users_and_the_audit_log));
            throw;
        }
    }

    [Fact]
    public async Task A_leader_opens_the_demo_plan_reports_a_task_and_finds_it_in_the_work_views()
    {
        await DemoData.SeedAsync(browser.App.Services);
        var errors = new List<string>();
        var page = await browser.NewPageAsync(errors);
        await page.SetViewportSizeAsync(1280, 900);
        try
        {
            await SignInAsync(page, "demo.lanhdao");
            await page.GotoAsync("/Plans");
            await page.GetByRole(AriaRole.Link, new() { Name = Cchc.Web.Features.Plans.DemoPlan.Title }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Cchc.Web.Features.Plans.DemoPlan.Title);
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tải bảng nhiệm vụ (.xlsx)" })).ToBeVisibleAsync();
            await SaveAsync(page, "plan");

            var task = page.Locator("a[href^='/Plans/Task/']").First;
            var content = await task.InnerTextAsync();
            await task.ClickAsync();
            await page.GetByLabel("Trạng thái").SelectOptionAsync("InProgress");
            await page.GetByLabel("Tiến độ (%)").FillAsync("40");
            await page.GetByRole(AriaRole.Button, new() { Name = "Lưu tiến độ" }).ClickAsync();
            await Assertions.Expect(page.GetByLabel("Tiến độ (%)")).ToHaveValueAsync("40");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Đang thực hiện");
            await SaveAsync(page, "task");

            await page.GotoAsync("/Tasks");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync(content);
            await SaveAsync(page, "tasks");
            await page.GotoAsync("/Tasks/Calendar");
            Assert.Equal(1, await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).CountAsync());

            // The demo year 2025 on the leader's overview, and the desk's dossiers.
            await page.GotoAsync("/Indicators?kind=Year&year=2025");
            await Assertions.Expect(page.Locator("main svg").First).ToBeVisibleAsync();
            await SaveAsync(page, "indicators");
            await page.GotoAsync("/Dossiers");
            await Assertions.Expect(page.Locator("main table").First).ToBeVisibleAsync();
            await SaveAsync(page, "dossiers");
            Assert.Empty(errors);
        }
        catch
        {
            await BrowserApp.ScreenshotAsync(page, nameof(A_leader_opens_the_demo_plan_reports_a_task_and_finds_it_in_the_work_views));
            throw;
        }
    }

    private static async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/");
        await page.GetByLabel("Tên đăng nhập").FillAsync(userName);
        await page.GetByLabel("Mật khẩu").FillAsync(DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Xin chào");
    }

    private static async Task SaveAsync(IPage page, string name)
    {
        var dir = Environment.GetEnvironmentVariable("CCHC_SCREENSHOT_DIR");
        if (string.IsNullOrEmpty(dir)) return;
        Directory.CreateDirectory(dir);
        await page.ScreenshotAsync(new() { Path = Path.Combine(dir, name + ".png") });
    }
}
