using Cchc.Core.Access;
using Cchc.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Cchc.Browser.Tests;

public sealed class LoginJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_user_signs_in_with_the_form_and_sees_the_home_page()
    {
        var errors = new List<string>();
        var page = await browser.NewPageAsync(errors);
        var tree = await browser.App.TreeAsync();
        var user = await browser.App.UserAsync(tree.SchoolA1, Roles.Specialist);
        try
        {
            await page.GotoAsync("/");
            await page.GetByLabel("Tên đăng nhập").FillAsync(user.UserName!);
            await page.GetByLabel("Mật khẩu").FillAsync("Mat-khau-thu-123");
            await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Xin chào, Người dùng thử");
            Assert.Empty(errors);
        }
        catch
        {
            await BrowserApp.ScreenshotAsync(page, nameof(A_user_signs_in_with_the_form_and_sees_the_home_page));
            throw;
        }
    }
}
