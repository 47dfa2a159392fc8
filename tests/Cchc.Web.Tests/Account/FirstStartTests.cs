using Cchc.Core.Access;
using Cchc.Web.Features.Account;
using Cchc.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cchc.Web.Tests.Account;

public abstract class FirstStartTests(TestApp app) : DataTest(app)
{
    [Fact]
    public async Task An_empty_database_gets_one_system_admin_and_every_role()
    {
        var (adminRoles, roleNames) = await App.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var admin = await users.FindByNameAsync(Cchc.Web.FirstStart.AdminUserName);
            var roles = sp.GetRequiredService<RoleManager<AppRole>>();
            return (admin is null ? [] : await users.GetRolesAsync(admin), await roles.Roles.Select(r => r.Name!).ToListAsync());
        });

        Assert.Contains(Roles.SystemAdmin, adminRoles);
        Assert.Equal(Roles.All.Order(), roleNames.Order());
    }

    [Fact]
    public void Generated_passwords_differ_and_meet_the_policy()
    {
        var a = Cchc.Web.FirstStart.GeneratePassword();
        var b = Cchc.Web.FirstStart.GeneratePassword();
        Assert.NotEqual(a, b);
        Assert.True(a.Length >= 10 && a.Any(char.IsDigit) && a.Any(char.IsUpper) && a.Any(char.IsLower));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page()
    {
        var response = await App.AnonymousClient().GetAsync("/");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_user_sees_their_name_on_the_home_page()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.SchoolA1, Roles.Specialist);
        var html = await App.ClientFor(user).GetStringAsync("/");
        Assert.Contains("Xin chào, Người dùng thử", html, StringComparison.Ordinal);
    }
}

public sealed class FirstStartTestsOnSqlite(SqliteApp app) : FirstStartTests(app), IClassFixture<SqliteApp>;

public sealed class FirstStartTestsOnPostgres(PostgresApp app) : FirstStartTests(app), IClassFixture<PostgresApp>;
