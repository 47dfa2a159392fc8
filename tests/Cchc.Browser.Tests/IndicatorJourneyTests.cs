using Cchc.Core.Access;
using Cchc.Web.Features.Demo;
using Cchc.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Cchc.Browser.Tests;

/// <summary>
/// A leader of a district Phòng GDĐT on the indicator pages: the demo's Phòng GDĐT huyện Đông Sơn existed until
/// 30/06/2025, when its schools moved to the communes. For the first half of 2025 its leader sees its own seven
/// schools in the ranking and the drill-down, and nothing of the other district or of the department's other units.
/// </summary>
public sealed class IndicatorJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private const string District = "DEMO-PGD-DS";
    private const string Password = "Mat-khau-thu-123";

    private static readonly string[] OwnSchools =
        ["DEMO-MN-DS", "DEMO-TH-DS", "DEMO-THCS-DS", "DEMO-MN-DH", "DEMO-TH-DH", "DEMO-THCS-DH", "DEMO-TH-DH2"];

    [Fact]
    public async Task A_district_leader_sees_only_its_own_schools_for_the_first_half_of_2025()
    {
        await DemoData.SeedAsync(browser.App.Services);
        // There is no demo account for the closed office: its leader is made like any user (UserManager, a role), then signs in.
        var unit = await browser.App.WithDbAsync(db => db.Units.SingleAsync(u => u.Code == District));
        var leader = await browser.App.UserAsync(unit, Roles.Leader);
        var others = await browser.App.WithDbAsync(db => db.Units.Where(u => u.Code.StartsWith("DEMO-") && u.Code != District && !OwnSchools.Contains(u.Code))
            .Select(u => u.Name).ToListAsync());
        var errors = new List<string>();
        var page = await browser.NewPageAsync(errors);
        await page.SetViewportSizeAsync(1280, 900);
        try
        {
            await page.GotoAsync("/");
            await page.GetByLabel("Tên đăng nhập").FillAsync(leader.UserName!);
            await page.GetByLabel("Mật khẩu").FillAsync(Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Xin chào");

            await page.GotoAsync("/Indicators?kind=Half&year=2025&number=1");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Phòng Giáo dục và Đào tạo huyện Đông Sơn");
            var ranked = await page.Locator("table.ranking tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.unit)");
            Assert.Equal(OwnSchools.Order(StringComparer.Ordinal), ranked.Order(StringComparer.Ordinal));
            var overview = await page.Locator("main").InnerTextAsync();
            Assert.Contains("Trường Tiểu học Đông Sơn", overview, StringComparison.Ordinal);
            Assert.All(others, name => Assert.DoesNotContain(name, overview, StringComparison.Ordinal));
            // The unit filter offers the office alone (the schools are the communes' now).
            var choices = await page.Locator("select[name=unit] option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)");
            Assert.Equal([District], choices);
            Assert.Empty(errors);

            // The drill-down of the task rate: the office's figure and records, nobody else's.
            await page.GetByRole(AriaRole.Link, new() { Name = "Tỷ lệ nhiệm vụ kế hoạch CCHC hoàn thành đúng hạn" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tỷ lệ nhiệm vụ kế hoạch CCHC hoàn thành đúng hạn");
            var drill = await page.Locator("main").InnerTextAsync();
            Assert.Contains("6 tháng đầu năm 2025", drill, StringComparison.Ordinal);
            Assert.All(others, name => Assert.DoesNotContain(name, drill, StringComparison.Ordinal));

            await page.GotoAsync("/Indicators/Print?kind=Half&year=2025&number=1");
            var printed = await page.Locator("body").InnerTextAsync();
            Assert.Contains("Ngày in:", printed, StringComparison.Ordinal);
            var printedRows = await page.Locator("table.ranking tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.unit)");
            Assert.Equal(OwnSchools.Order(StringComparer.Ordinal), printedRows.Order(StringComparer.Ordinal));
            Assert.All(others, name => Assert.DoesNotContain(name, printed, StringComparison.Ordinal));
            Assert.Empty(errors);
        }
        catch
        {
            await BrowserApp.ScreenshotAsync(page, nameof(A_district_leader_sees_only_its_own_schools_for_the_first_half_of_2025));
            throw;
        }
    }
}
