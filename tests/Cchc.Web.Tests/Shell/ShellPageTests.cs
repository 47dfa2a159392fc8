using System.Globalization;
using System.Net;
using System.Resources;
using Cchc.Core.Access;
using Cchc.Web.Shared;
using Cchc.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Tests.Shell;

public abstract class ShellPageTests(TestApp app) : DataTest(app)
{
    public static readonly TheoryData<string, string> Sections = new()
    {
        { "/Reports", "Báo cáo" }, { "/Feedback", "Ý kiến người dân" }, { "/Inspections", "Kiểm tra &amp; chấm điểm" },
    };

    [Theory]
    [MemberData(nameof(Sections))]
    public async Task Each_section_not_built_yet_says_so_honestly_and_is_marked_current(string path, string heading)
    {
        var unit = await App.UnitAsync();
        var user = await App.UserAsync(unit, Roles.Specialist);
        var response = await App.ClientFor(user).GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<h1>{heading}</h1>", html, StringComparison.Ordinal);
        Assert.Contains("chưa có trong phiên bản hiện tại", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{path}\" aria-current=\"page\">", html, StringComparison.Ordinal);
        Assert.Single(html.Split("aria-current").Skip(1));
    }

    [Fact]
    public async Task The_home_page_welcomes_the_user_with_their_unit()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.SchoolA2, Roles.Specialist);
        var html = await App.ClientFor(user).GetStringAsync("/");
        Assert.Contains("Xin chào, Người dùng thử", html, StringComparison.Ordinal);
        Assert.Contains("Trường THCS A2", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_admins_see_and_open_the_administration()
    {
        var unit = await App.UnitAsync();
        var admin = await App.UserAsync(unit, Roles.SystemAdmin);
        var specialist = await App.UserAsync(unit, Roles.Specialist);

        var adminHtml = await App.ClientFor(admin).GetStringAsync("/Admin");
        var specialistHome = await App.ClientFor(specialist).GetStringAsync("/");
        var specialistAdmin = await App.ClientFor(specialist).GetAsync("/Admin");

        foreach (var link in new[] { "/Admin/Users", "/Admin/ApiKeys", "/Admin/Audit", "/Units" })
            Assert.Contains($"href=\"{link}\"", adminHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/Admin\"", specialistHome, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, specialistAdmin.StatusCode);
    }

    [Fact]
    public async Task English_is_one_click_away_and_remembered()
    {
        var unit = await App.UnitAsync();
        var admin = await App.UserAsync(unit, Roles.SystemAdmin);
        var client = App.ClientFor(admin);

        var vietnamese = await client.GetStringAsync("/Plans");
        var switchResponse = await client.GetAsync("/language?culture=en&returnUrl=%2FPlans");
        var cookie = switchResponse.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        var request = new HttpRequestMessage(HttpMethod.Get, "/Plans");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        var english = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
        var byQuery = await client.GetStringAsync("/Tasks?culture=en");

        Assert.Contains(">Kế hoạch</a>", vietnamese, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"vi\">", vietnamese, StringComparison.Ordinal);
        Assert.Equal("/Plans", switchResponse.Headers.Location!.ToString());
        Assert.Contains(">Plans</a>", english, StringComparison.Ordinal);
        Assert.Contains(">Administration</a>", english, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains("not available in this version", await client.GetStringAsync("/Reports?culture=en"), StringComparison.Ordinal);
        Assert.Contains(">Procedures &amp; dossiers</a>", byQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switch_never_redirects_off_site()
    {
        var response = await App.AnonymousClient().GetAsync("/language?culture=en&returnUrl=%2F%2Fevil.example");
        Assert.Equal("/", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_stale_edit_on_a_page_becomes_the_conflict_form_error()
    {
        var unit = await App.UnitAsync();
        var modelState = new ModelStateDictionary();

        var saved = await App.WithDbAsync(async db =>
        {
            var stale = await db.Units.SingleAsync(u => u.Id == unit.Id);
            await App.WithDbAsync(async other =>
            {
                (await other.Units.SingleAsync(u => u.Id == unit.Id)).Rename(unit.Code, "Người khác sửa trước");
                await other.SaveChangesAsync();
            });
            return await modelState.TryAsync(async () =>
            {
                stale.Rename(unit.Code, "Tôi sửa từ bản cũ");
                await db.SaveChangesAsync();
            });
        });

        Assert.False(saved);
        Assert.Equal(FormErrors.Conflict, Assert.Single(modelState[string.Empty]!.Errors).ErrorMessage);
        Assert.Equal("Người khác sửa trước", (await App.FindAsync<Core.Organisation.Unit>(unit.Id))!.Name);
    }

    [Fact]
    public async Task A_broken_rule_on_a_page_becomes_an_error_on_its_field()
    {
        var unit = await App.UnitAsync();
        var modelState = new ModelStateDictionary();
        var saved = await modelState.TryAsync(() => App.WithDbAsync(async db =>
        {
            (await db.Units.SingleAsync(u => u.Id == unit.Id)).Rename("", "Tên");
            await db.SaveChangesAsync();
        }));
        Assert.False(saved);
        Assert.Equal("Mã đơn vị bắt buộc, tối đa 50 ký tự.", Assert.Single(modelState["Input.Code"]!.Errors).ErrorMessage);
    }
}

public sealed class ShellPageTestsOnSqlite(SqliteApp app) : ShellPageTests(app), IClassFixture<SqliteApp>;

public sealed class ShellPageTestsOnPostgres(PostgresApp app) : ShellPageTests(app), IClassFixture<PostgresApp>;

/// <summary>Rules of the shell that need no database.</summary>
public sealed class ShellRuleTests
{
    [Fact]
    public void Every_shared_text_has_an_english_translation_and_no_key_is_empty()
    {
        var manager = new ResourceManager("Cchc.Web.Resources.SharedResource", typeof(SharedResource).Assembly);
        var vietnamese = Entries(manager.GetResourceSet(CultureInfo.InvariantCulture, true, false)!);
        var english = Entries(manager.GetResourceSet(new CultureInfo("en"), true, false)!);
        Assert.Equal(vietnamese.Keys.Order(), english.Keys.Order());
        Assert.All(vietnamese.Concat(english), e => Assert.False(string.IsNullOrWhiteSpace(e.Value), e.Key));
        Assert.All(vietnamese.Values, v => Assert.True(v.IsNormalized(System.Text.NormalizationForm.FormC), v));
    }

    private static Dictionary<string, string> Entries(ResourceSet set) =>
        set.Cast<System.Collections.DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    [Theory]
    // Hà Nội is UTC+7 all year: 23:00 UTC is 06:00 the next morning there.
    [InlineData("2026-03-01T23:00:00Z", "02/03/2026 06:00", "02/03/2026")]
    [InlineData("2026-03-02T16:59:00Z", "02/03/2026 23:59", "02/03/2026")]
    [InlineData("2025-12-31T17:00:00Z", "01/01/2026 00:00", "01/01/2026")]
    public void Instants_are_shown_in_vietnam_time_as_day_month_year(string utc, string shown, string day)
    {
        var instant = DateTime.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        Assert.Equal(shown, VnTime.DateAndTime(instant));
        Assert.Equal(day, VnTime.Date(instant));
    }

    [Fact]
    public void A_vietnamese_day_starts_at_17_utc_the_day_before()
    {
        Assert.Equal(new DateTime(2026, 3, 1, 17, 0, 0, DateTimeKind.Utc), VnTime.StartUtc(new DateOnly(2026, 3, 2)));
        Assert.Equal("05/09/2025", VnTime.Date(new DateOnly(2025, 9, 5)));
        Assert.True(VnTime.TryParseDate("5/9/2025", out var d) && d == new DateOnly(2025, 9, 5));
    }
}
