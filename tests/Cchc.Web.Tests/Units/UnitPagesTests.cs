using System.Net;
using Cchc.Core.Access;
using Cchc.Core.Organisation;
using Cchc.Web.Features.Units;
using Cchc.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Tests.Units;

public abstract class UnitPagesTests(TestApp app) : DataTest(app)
{
    private Task<Unit> ReadAsync(int id) => App.WithDbAsync(db => db.Units.AsNoTracking().SingleAsync(u => u.Id == id));

    private Task<int> CountAsync() => App.WithDbAsync(db => db.Units.CountAsync());

    [Fact]
    public async Task The_tree_page_shows_the_users_subtree_only()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.DistrictA, Roles.Specialist);
        var html = await App.ClientFor(user).GetStringAsync("/Units");
        Assert.Contains(tree.SchoolA1.Name, html, StringComparison.Ordinal);
        Assert.DoesNotContain(tree.SchoolB1.Name, html, StringComparison.Ordinal);
        Assert.DoesNotContain(tree.Department.Code, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_filter_ignores_diacritics()
    {
        var tree = await App.TreeAsync();
        var school = await App.UnitAsync(tree.DistrictA, UnitType.PrimarySchool, "Trường Tiểu học Đồng Tâm");
        var user = await App.UserAsync(tree.DistrictA, Roles.Specialist);
        var html = await App.ClientFor(user).GetStringAsync("/Units?q=dong+tam");
        Assert.Contains("Trường Tiểu học Đồng Tâm", html, StringComparison.Ordinal);
        Assert.DoesNotContain(tree.SchoolA2.Name, html, StringComparison.Ordinal);
        Assert.Contains(school.Code, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sibling_units_detail_page_is_not_found()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.SchoolA1, Roles.UnitAdmin);
        var response = await App.ClientFor(user).GetAsync($"/Units/Details/{tree.SchoolA2.Code}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_specialist_cannot_open_the_create_page()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.DistrictA, Roles.Specialist);
        var response = await App.ClientFor(user).GetAsync("/Units/Create");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_unit_admin_creates_a_school_through_the_page()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.DistrictA, Roles.UnitAdmin);
        var code = Make.UniqueCode("P");
        var response = await Forms.PostAsync(App.ClientFor(user), "/Units/Create",
            ("Input.Code", code), ("Input.Name", "Trường Tiểu học Hòa Bình"), ("Input.Type", "PrimarySchool"),
            ("Input.ParentCode", tree.DistrictA.Code), ("Input.ValidFrom", "2021-09-05"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await App.WithDbAsync(db => db.Units.SingleAsync(u => u.Code == code));
        Assert.Equal(tree.DistrictA.Id, stored.ParentId);
        Assert.Equal(new DateOnly(2021, 9, 5), stored.ValidFrom);
    }

    [Fact]
    public async Task Creating_without_a_name_shows_a_Vietnamese_error_and_stores_nothing()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.DistrictA, Roles.UnitAdmin);
        var before = await CountAsync();
        var response = await Forms.PostAsync(App.ClientFor(user), "/Units/Create",
            ("Input.Code", Make.UniqueCode("P")), ("Input.Name", ""), ("Input.Type", "PrimarySchool"),
            ("Input.ParentCode", tree.DistrictA.Code), ("Input.ValidFrom", "2021-09-05"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Vui lòng nhập tên đơn vị.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Editing_corrects_the_name_and_a_stale_edit_is_refused_with_a_conflict_message()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.DistrictA, Roles.UnitAdmin);
        var client = App.ClientFor(user);
        var url = $"/Units/Edit/{tree.SchoolA1.Code}";
        var version = (await ReadAsync(tree.SchoolA1.Id)).Version;

        var first = await Forms.PostAsync(client, url, ("Input.Code", tree.SchoolA1.Code), ("Input.Name", "Trường Tiểu học A1 (đã sửa)"), ("Input.Type", "PrimarySchool"), ("Input.Version", version.ToString()));
        Assert.True(first.StatusCode == HttpStatusCode.Redirect, await first.Content.ReadAsStringAsync());

        var stale = await Forms.PostAsync(client, url, ("Input.Code", tree.SchoolA1.Code), ("Input.Name", "Tên ghi đè"), ("Input.Type", "PrimarySchool"), ("Input.Version", version.ToString()));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("đã được người khác thay đổi", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Trường Tiểu học A1 (đã sửa)", (await ReadAsync(tree.SchoolA1.Id)).Name);
    }

    [Fact]
    public async Task Moving_through_the_page_changes_the_parent_and_the_paths()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.Department, Roles.UnitAdmin);
        var response = await Forms.PostAsync(App.ClientFor(user), $"/Units/Change/{tree.SchoolA1.Code}/move",
            ("Input.ParentCode", tree.DistrictB.Code), ("Input.EffectiveOn", "2025-07-01"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var school = await ReadAsync(tree.SchoolA1.Id);
        Assert.Equal(tree.DistrictB.Path + school.Id + "/", school.Path);
        var html = await App.ClientFor(user).GetStringAsync($"/Units/Details/{tree.SchoolA1.Code}");
        Assert.Contains("01/07/2025", html, StringComparison.Ordinal);
        Assert.Contains("Chuyển đơn vị quản lý", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moving_under_a_descendant_through_the_page_is_refused_and_nothing_changes()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.Department, Roles.UnitAdmin);
        var events = await App.WithDbAsync(db => db.UnitEvents.CountAsync());
        var response = await Forms.PostAsync(App.ClientFor(user), $"/Units/Change/{tree.DistrictA.Code}/move",
            ("Input.ParentCode", tree.SchoolA2.Code), ("Input.EffectiveOn", "2025-07-01"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(body.Contains("Không thể chuyển đơn vị vào chính nó hoặc một đơn vị cấp dưới của nó.", StringComparison.Ordinal), body[body.IndexOf("<main", StringComparison.Ordinal)..]);
        Assert.Equal(tree.DistrictA.Path, (await ReadAsync(tree.DistrictA.Id)).Path);
        Assert.Equal(tree.SchoolA2.Path, (await ReadAsync(tree.SchoolA2.Id)).Path);
        Assert.Equal(events, await App.WithDbAsync(db => db.UnitEvents.CountAsync()));
    }

    [Fact]
    public async Task Merging_through_the_page_closes_the_unit_with_its_successor()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.Department, Roles.SystemAdmin);
        var response = await Forms.PostAsync(App.ClientFor(user), $"/Units/Change/{tree.SchoolA1.Code}/merge",
            ("Input.SuccessorCodes", tree.SchoolA2.Code), ("Input.EffectiveOn", "2025-09-01"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var merged = await ReadAsync(tree.SchoolA1.Id);
        Assert.Equal(new DateOnly(2025, 9, 1), merged.ValidTo);
        Assert.Equal(tree.SchoolA2.Id, merged.SuccessorId);
    }

    [Fact]
    public async Task The_tree_page_shows_a_renamed_unit_under_its_old_name_on_an_earlier_day()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.DistrictA, Roles.UnitAdmin);
        var client = App.ClientFor(user);
        var renamed = await Forms.PostAsync(client, $"/Units/Change/{tree.SchoolA2.Code}/rename",
            ("Input.Name", "Trường THCS Lê Quý Đôn"), ("Input.EffectiveOn", "2025-09-05"));
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        var then = await client.GetStringAsync("/Units?at=2025-09-04");
        var now = await client.GetStringAsync("/Units");
        Assert.Contains(tree.SchoolA2.Name, then, StringComparison.Ordinal);
        Assert.Contains("04/09/2025", then, StringComparison.Ordinal);
        Assert.Contains("Trường THCS Lê Quý Đôn", now, StringComparison.Ordinal);
        Assert.DoesNotContain(tree.SchoolA2.Name, now, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_kind_of_change_is_not_found()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.DistrictA, Roles.UnitAdmin);
        var response = await App.ClientFor(user).GetAsync($"/Units/Change/{tree.SchoolA2.Code}/delete");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_future_effective_date_is_refused()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.Department, Roles.SystemAdmin);
        var response = await Forms.PostAsync(App.ClientFor(user), $"/Units/Change/{tree.SchoolA1.Code}/rename",
            ("Input.Name", "Tên tương lai"), ("Input.EffectiveOn", "2030-01-01"));
        Assert.Contains("Ngày hiệu lực không được sau ngày hôm nay.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(tree.SchoolA1.Name, (await ReadAsync(tree.SchoolA1.Id)).Name);
    }
}

public sealed class UnitPagesTestsOnSqlite(SqliteApp app) : UnitPagesTests(app), IClassFixture<SqliteApp>;

public sealed class UnitPagesTestsOnPostgres(PostgresApp app) : UnitPagesTests(app), IClassFixture<PostgresApp>;
