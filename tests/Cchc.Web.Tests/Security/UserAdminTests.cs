using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Cchc.Core.Access;
using Cchc.Web.Features.Account;
using Cchc.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cchc.Web.Tests.Security;

public abstract class UserAdminTests(TestApp app) : DataTest(app)
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static List<KeyValuePair<string, string>> NewUser(string userName, string fullName, int unitId, params string[] roles) =>
    [
        new("Account.UserName", userName), new("Input.FullName", fullName), new("Input.UnitId", Id(unitId)),
        .. roles.Select(r => new KeyValuePair<string, string>("Input.Roles", r)),
    ];

    private Task<IList<string>> RolesOfAsync(int userId) => App.WithServicesAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        return await users.GetRolesAsync((await users.FindByIdAsync(Id(userId)))!);
    });

    private Task<bool> UserExistsAsync(string userName) =>
        App.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == userName));

    [Fact]
    public async Task A_unit_admin_lists_only_the_users_of_their_subtree_and_a_system_admin_all()
    {
        var tree = await App.TreeAsync();
        var admin = await App.UserAsync(tree.DistrictA, Roles.UnitAdmin);
        var inside = await App.UserAsync(tree.SchoolA2, Roles.Specialist);
        var outside = await App.UserAsync(tree.SchoolB1, Roles.Specialist);
        var sysadmin = await App.UserAsync(tree.Office, Roles.SystemAdmin);

        var list = await App.ClientFor(admin).GetStringAsync("/Admin/Users");
        Assert.Contains(inside.UserName!, list, StringComparison.Ordinal);
        Assert.DoesNotContain(outside.UserName!, list, StringComparison.Ordinal);

        var all = await App.ClientFor(sysadmin).GetStringAsync("/Admin/Users");
        Assert.Contains(inside.UserName!, all, StringComparison.Ordinal);
        Assert.Contains(outside.UserName!, all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_user_directory_api_lists_the_subtree_and_answers_404_outside_it()
    {
        var tree = await App.TreeAsync();
        var admin = await App.UserAsync(tree.DistrictB, Roles.UnitAdmin);
        var inside = await App.UserAsync(tree.SchoolB1, Roles.OneStopOfficer);
        var outside = await App.UserAsync(tree.SchoolA1, Roles.Specialist);
        var client = App.ClientFor(admin);

        var list = await client.GetFromJsonAsync<List<Cchc.Web.Features.Admin.UserResponse>>("/api/v1/users");
        Assert.Contains(list!, u => u.Id == inside.Id && u.Roles.SequenceEqual([Roles.OneStopOfficer]) && u.UnitId == tree.SchoolB1.Id);
        Assert.DoesNotContain(list!, u => u.Id == outside.Id);
        Assert.All(list!, u => Assert.Contains(u.UnitId, new[] { tree.DistrictB.Id, tree.SchoolB1.Id }));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/users/{inside.Id}")).StatusCode);
        var missing = await client.GetAsync($"/api/v1/users/{outside.Id}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("Không tìm thấy người dùng.", (await missing.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_unit_admin_gets_404_for_a_user_outside_their_subtree_and_changes_nothing()
    {
        var tree = await App.TreeAsync();
        var admin = await App.UserAsync(tree.DistrictA, Roles.UnitAdmin);
        var outside = await App.UserAsync(tree.SchoolB1, Roles.Specialist);
        var client = App.ClientFor(admin);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Admin/Users/Edit/{outside.Id}")).StatusCode);
        // A form drawn for an own user, replayed at the outsider's address.
        var own = await App.UserAsync(tree.SchoolA1, Roles.Specialist);
        var token = await Forms.TokenAsync(client, $"/Admin/Users/Edit/{own.Id}");
        foreach (var handler in new[] { "Save", "Lock", "ResetPassword" })
        {
            var post = await Forms.PostWithTokenAsync(client, $"/Admin/Users/Edit/{outside.Id}?handler={handler}", token,
                ("Input.FullName", "Đổi trộm"), ("Input.UnitId", Id(tree.SchoolA1.Id)), ("Input.Roles", Roles.Leader), ("Stamp", outside.ConcurrencyStamp!));
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }

        var after = (await App.FindAsync<AppUser>(outside.Id))!;
        Assert.Equal("Người dùng thử", after.FullName);
        Assert.Equal(tree.SchoolB1.Id, after.UnitId);
        Assert.Null(after.LockoutEnd);
        Assert.Equal(outside.PasswordHash, after.PasswordHash);
    }

    [Fact]
    public async Task A_unit_admin_creates_a_user_in_their_subtree_with_a_password_shown_once()
    {
        var tree = await App.TreeAsync();
        var admin = await App.UserAsync(tree.DistrictA, Roles.UnitAdmin);
        var userName = Make.UniqueCode("nv").ToLowerInvariant();

        var response = await Forms.PostAsync(App.ClientFor(admin), "/Admin/Users/Create", NewUser(userName, "Nguyễn Thị Hoa", tree.SchoolA1.Id, Roles.Specialist, Roles.OneStopOfficer));
        var html = Forms.Decode(await response.Content.ReadAsStringAsync());
        var password = System.Text.RegularExpressions.Regex.Match(html, "<code id=\"password\">([^<]+)</code>").Groups[1].Value;

        Assert.Contains($"Đã tạo tài khoản <strong>{userName}</strong>", html, StringComparison.Ordinal);
        var created = await App.WithDbAsync(db => db.Users.SingleAsync(u => u.UserName == userName));
        Assert.Equal(tree.SchoolA1.Id, created.UnitId);
        Assert.Equal("Nguyễn Thị Hoa", created.FullName);
        Assert.Equal([Roles.OneStopOfficer, Roles.Specialist], (await RolesOfAsync(created.Id)).Order(StringComparer.Ordinal));
        var signedIn = await App.WithServicesAsync(async sp => await sp.GetRequiredService<UserManager<AppUser>>().CheckPasswordAsync(created, password));
        Assert.True(signedIn);
    }

    [Fact]
    public async Task A_unit_admin_cannot_grant_system_admin_and_nothing_is_stored()
    {
        var tree = await App.TreeAsync();
        var admin = await App.UserAsync(tree.DistrictA, Roles.UnitAdmin);
        var userName = Make.UniqueCode("nv").ToLowerInvariant();

        var create = await Forms.PostAsync(App.ClientFor(admin), "/Admin/Users/Create", NewUser(userName, "Lê Văn Tám", tree.SchoolA1.Id, Roles.SystemAdmin));
        Assert.Contains("Bạn không có quyền cấp vai trò “Quản trị hệ thống”.", Forms.Decode(await create.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await UserExistsAsync(userName));

        var own = await App.UserAsync(tree.SchoolA1, Roles.Specialist);
        var edit = await Forms.PostAsync(App.ClientFor(admin), $"/Admin/Users/Edit/{own.Id}",
            [new("Input.FullName", "Người dùng thử"), new("Input.UnitId", Id(tree.SchoolA1.Id)), new("Input.Roles", Roles.SystemAdmin), new("Stamp", own.ConcurrencyStamp!)],
            handler: "Save");
        Assert.Contains("Bạn không có quyền cấp vai trò “Quản trị hệ thống”.", Forms.Decode(await edit.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal([Roles.Specialist], await RolesOfAsync(own.Id));
    }

    [Fact]
    public async Task A_unit_admin_cannot_change_a_system_admin_placed_in_their_subtree()
    {
        var tree = await App.TreeAsync();
        var admin = await App.UserAsync(tree.DistrictA, Roles.UnitAdmin);
        var sysadmin = await App.UserAsync(tree.SchoolA1, Roles.SystemAdmin);

        var client = App.ClientFor(admin);
        var reset = await Forms.PostWithTokenAsync(client, $"/Admin/Users/Edit/{sysadmin.Id}?handler=ResetPassword", await Forms.TokenAsync(client, "/Admin/Users/Create"));

        Assert.Contains("Bạn không có quyền thay đổi tài khoản quản trị hệ thống.", Forms.Decode(await reset.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(sysadmin.PasswordHash, (await App.FindAsync<AppUser>(sysadmin.Id))!.PasswordHash);
    }

    [Theory]
    [InlineData("", "Tên hợp lệ", "Vui lòng nhập tên đăng nhập.")]
    [InlineData("ok-name", "", "Vui lòng nhập họ và tên.")]
    [InlineData("tên có dấu", "Tên hợp lệ", "Tên đăng nhập chỉ gồm chữ cái không dấu")]
    [InlineData("LONG", "Tên hợp lệ", "Tên đăng nhập tối đa 100 ký tự.")]
    [InlineData("ok-name", "LONG", "Họ và tên tối đa 200 ký tự.")]
    public async Task Missing_or_over_long_fields_give_vietnamese_errors_and_store_nothing(string userName, string fullName, string message)
    {
        var tree = await App.TreeAsync();
        var admin = await App.UserAsync(tree.DistrictA, Roles.UnitAdmin);
        userName = userName == "LONG" ? new string('a', 101) : userName == "ok-name" ? Make.UniqueCode("ok").ToLowerInvariant() : userName;
        fullName = fullName == "LONG" ? new string('Ắ', 201) : fullName;

        var response = await Forms.PostAsync(App.ClientFor(admin), "/Admin/Users/Create", NewUser(userName, fullName, tree.SchoolA1.Id, Roles.Specialist));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, Forms.Decode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await UserExistsAsync(userName));
    }

    [Fact]
    public async Task Missing_unit_and_roles_and_a_unit_outside_the_subtree_are_refused()
    {
        var tree = await App.TreeAsync();
        var admin = await App.UserAsync(tree.DistrictA, Roles.UnitAdmin);
        var userName = Make.UniqueCode("nv").ToLowerInvariant();

        var noRoles = await Forms.PostAsync(App.ClientFor(admin), "/Admin/Users/Create", NewUser(userName, "Tên", tree.SchoolA1.Id));
        Assert.Contains("Chọn ít nhất một vai trò.", Forms.Decode(await noRoles.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var noUnit = await Forms.PostAsync(App.ClientFor(admin), "/Admin/Users/Create",
            [new("Account.UserName", userName), new("Input.FullName", "Tên"), new("Input.Roles", Roles.Leader)]);
        Assert.Contains("Vui lòng chọn đơn vị.", Forms.Decode(await noUnit.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var foreignUnit = await Forms.PostAsync(App.ClientFor(admin), "/Admin/Users/Create", NewUser(userName, "Tên", tree.SchoolB1.Id, Roles.Leader));
        Assert.Contains("nằm ngoài phạm vi bạn quản lý", Forms.Decode(await foreignUnit.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        Assert.False(await UserExistsAsync(userName));
    }

    [Fact]
    public async Task A_duplicate_user_name_is_refused_in_vietnamese()
    {
        var tree = await App.TreeAsync();
        var admin = await App.UserAsync(tree.DistrictA, Roles.UnitAdmin);
        var existing = await App.UserAsync(tree.SchoolA1, Roles.Leader);

        var response = await Forms.PostAsync(App.ClientFor(admin), "/Admin/Users/Create", NewUser(existing.UserName!, "Trùng tên", tree.SchoolA1.Id, Roles.Leader));

        Assert.Contains($"Tên đăng nhập “{existing.UserName}” đã được dùng.", Forms.Decode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(1, await App.WithDbAsync(db => db.Users.CountAsync(u => u.UserName == existing.UserName)));
    }

    [Fact]
    public async Task An_admin_moves_a_user_and_changes_roles_but_a_stale_form_is_refused()
    {
        var tree = await App.TreeAsync();
        var admin = await App.UserAsync(tree.DistrictA, Roles.UnitAdmin);
        var user = await App.UserAsync(tree.SchoolA1, Roles.Specialist);
        var client = App.ClientFor(admin);

        var saved = await Forms.PostAsync(client, $"/Admin/Users/Edit/{user.Id}",
            [new("Input.FullName", "Trần Văn Bình"), new("Input.UnitId", Id(tree.SchoolA2.Id)), new("Input.Roles", Roles.Leader), new("Stamp", user.ConcurrencyStamp!)],
            handler: "Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = (await App.FindAsync<AppUser>(user.Id))!;
        Assert.Equal((tree.SchoolA2.Id, "Trần Văn Bình"), (after.UnitId, after.FullName));
        Assert.Equal([Roles.Leader], await RolesOfAsync(user.Id));

        var stale = await Forms.PostAsync(client, $"/Admin/Users/Edit/{user.Id}",
            [new("Input.FullName", "Ghi đè"), new("Input.UnitId", Id(tree.SchoolA1.Id)), new("Input.Roles", Roles.Inspector), new("Stamp", user.ConcurrencyStamp!)],
            handler: "Save");
        Assert.Contains("Tài khoản vừa được người khác thay đổi", Forms.Decode(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal("Trần Văn Bình", (await App.FindAsync<AppUser>(user.Id))!.FullName);
        Assert.Equal([Roles.Leader], await RolesOfAsync(user.Id));
    }

    [Fact]
    public async Task A_locked_user_cannot_sign_in_until_unlocked_and_a_reset_password_works()
    {
        var tree = await App.TreeAsync();
        var admin = await App.UserAsync(tree.Department, Roles.SystemAdmin);
        var user = await App.UserAsync(tree.SchoolB1, Roles.Inspector);
        var client = App.ClientFor(admin);
        Task<HttpResponseMessage> LoginResponseAsync(string password) => Forms.PostAsync(App.AnonymousClient(), "/Account/Login",
            ("Input.UserName", user.UserName!), ("Input.Password", password));
        async Task<HttpStatusCode> LoginAsync(string password) => (await LoginResponseAsync(password)).StatusCode;

        await Forms.PostAsync(client, $"/Admin/Users/Edit/{user.Id}", [], handler: "Lock");
        var refused = await LoginResponseAsync("Mat-khau-thu-123");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Tài khoản đã bị khóa. Vui lòng liên hệ quản trị đơn vị.", Forms.Decode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        await Forms.PostAsync(client, $"/Admin/Users/Edit/{user.Id}", [], handler: "Unlock");
        Assert.Equal(HttpStatusCode.Redirect, await LoginAsync("Mat-khau-thu-123"));

        var reset = Forms.Decode(await (await Forms.PostAsync(client, $"/Admin/Users/Edit/{user.Id}", [], handler: "ResetPassword")).Content.ReadAsStringAsync());
        var password = System.Text.RegularExpressions.Regex.Match(reset, "<code id=\"password\">([^<]+)</code>").Groups[1].Value;
        Assert.Equal(HttpStatusCode.OK, await LoginAsync("Mat-khau-thu-123"));
        Assert.Equal(HttpStatusCode.Redirect, await LoginAsync(password));
    }
}

public sealed class UserAdminTestsOnSqlite(SqliteApp app) : UserAdminTests(app), IClassFixture<SqliteApp>;

public sealed class UserAdminTestsOnPostgres(PostgresApp app) : UserAdminTests(app), IClassFixture<PostgresApp>;
