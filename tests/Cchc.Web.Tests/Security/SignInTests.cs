using System.Net;
using System.Text.RegularExpressions;
using Cchc.Core.Access;
using Cchc.Web.Features.Account;
using Cchc.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Cchc.Web.Tests.Security;

public abstract partial class SignInTests(TestApp app) : DataTest(app)
{
    private const string Password = "Mat-khau-thu-123";

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string userName, string password, string returnUrl = "") =>
        Forms.PostAsync(client, "/Account/Login" + (returnUrl.Length > 0 ? "?ReturnUrl=" + Uri.EscapeDataString(returnUrl) : ""),
            ("Input.UserName", userName), ("Input.Password", password), ("ReturnUrl", returnUrl));

    [Fact]
    public async Task The_right_password_signs_in_and_follows_a_local_return_url()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.SchoolA1, Roles.Specialist);
        var client = App.AnonymousClient();

        var response = await LoginAsync(client, user.UserName!, Password, "/Account/ChangePassword");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/ChangePassword", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example")]
    public async Task A_return_url_to_another_site_is_ignored(string returnUrl)
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.SchoolA1, Roles.Specialist);

        var response = await LoginAsync(App.AnonymousClient(), user.UserName!, Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_vietnamese_message()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.SchoolA1, Roles.Specialist);
        var client = App.AnonymousClient();

        var response = await LoginAsync(client, user.UserName!, "sai-mat-khau-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", Forms.Decode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_so_the_right_one_is_refused_next()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.SchoolA1, Roles.Specialist);
        var client = App.AnonymousClient();

        // AccountSetup: lockout after 5 failures for 15 minutes.
        for (var i = 0; i < 5; i++) await LoginAsync(client, user.UserName!, $"sai-mat-khau-{i}");
        var sixth = await LoginAsync(client, user.UserName!, Password);

        Assert.Equal(HttpStatusCode.OK, sixth.StatusCode);
        Assert.Contains("Tài khoản tạm bị khóa do đăng nhập sai nhiều lần", Forms.Decode(await sixth.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_user_turns_on_the_authenticator_and_then_needs_a_code_or_a_recovery_code_to_sign_in()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.SchoolA1, Roles.Leader);
        var me = App.ClientFor(user);

        var page = Forms.Decode(await me.GetStringAsync("/Account/TwoFactor"));
        var key = SharedKey().Match(page).Groups[1].Value;
        Assert.Matches("^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$", key);
        Assert.Contains($"otpauth://totp/CCHC:{user.UserName}?secret={key.Replace(" ", "", StringComparison.Ordinal)}&issuer=CCHC", page, StringComparison.Ordinal);

        var wrong = await Forms.PostAsync(me, "/Account/TwoFactor", [new("Input.Code", "000000")], handler: "Enable");
        Assert.Contains("Mã xác thực không đúng", Forms.Decode(await wrong.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False((await App.FindAsync<AppUser>(user.Id))!.TwoFactorEnabled);

        var enabled = await Forms.PostAsync(me, "/Account/TwoFactor", [new("Input.Code", Totp.Code(key, DateTimeOffset.UtcNow))], handler: "Enable");
        var enabledHtml = Forms.Decode(await enabled.Content.ReadAsStringAsync());
        Assert.Contains("Đã bật xác thực hai lớp", enabledHtml, StringComparison.Ordinal);
        var recoveryCodes = RecoveryCode().Matches(enabledHtml).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, recoveryCodes.Count);
        Assert.True((await App.FindAsync<AppUser>(user.Id))!.TwoFactorEnabled);

        // The password alone now leads to the code step, not into the app.
        var browser = App.AnonymousClient();
        var first = await LoginAsync(browser, user.UserName!, Password, "/Account/ChangePassword");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("/Account/LoginWith2fa", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);

        var badCode = await Forms.PostAsync(browser, first.Headers.Location.OriginalString, ("Input.Code", "123456"));
        Assert.Contains("Mã xác thực không đúng hoặc đã hết hạn.", Forms.Decode(await badCode.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var second = await Forms.PostAsync(browser, first.Headers.Location.OriginalString, ("Input.Code", Totp.Code(key, DateTimeOffset.UtcNow)));
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal("/Account/ChangePassword", second.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);

        // Without the phone: a recovery code works once.
        var other = App.AnonymousClient();
        var step = await LoginAsync(other, user.UserName!, Password);
        var withRecovery = await Forms.PostAsync(other, step.Headers.Location!.OriginalString, ("Input.Code", recoveryCodes[0]));
        Assert.Equal(HttpStatusCode.Redirect, withRecovery.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/")).StatusCode);
        var again = App.AnonymousClient();
        var step2 = await LoginAsync(again, user.UserName!, Password);
        var reused = await Forms.PostAsync(again, step2.Headers.Location!.OriginalString, ("Input.Code", recoveryCodes[0]));
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
    }

    [Fact]
    public async Task Turning_the_authenticator_off_needs_a_current_code()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.SchoolA1, Roles.Inspector);
        var me = App.ClientFor(user);
        var key = SharedKey().Match(Forms.Decode(await me.GetStringAsync("/Account/TwoFactor"))).Groups[1].Value;
        await Forms.PostAsync(me, "/Account/TwoFactor", [new("Input.Code", Totp.Code(key, DateTimeOffset.UtcNow))], handler: "Enable");

        var refused = await Forms.PostAsync(me, "/Account/TwoFactor", [new("Input.Code", "000000")], handler: "Disable");
        Assert.Contains("Mã xác thực không đúng; xác thực hai lớp vẫn bật.", Forms.Decode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.True((await App.FindAsync<AppUser>(user.Id))!.TwoFactorEnabled);

        var off = await Forms.PostAsync(me, "/Account/TwoFactor", [new("Input.Code", Totp.Code(key, DateTimeOffset.UtcNow))], handler: "Disable");
        Assert.Contains("Đã tắt xác thực hai lớp.", Forms.Decode(await off.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False((await App.FindAsync<AppUser>(user.Id))!.TwoFactorEnabled);
        // The old key is replaced, so a lost phone cannot be reused if the factor is turned on again.
        var newKey = SharedKey().Match(Forms.Decode(await me.GetStringAsync("/Account/TwoFactor"))).Groups[1].Value;
        Assert.NotEqual(key, newKey);
    }

    [Fact]
    public void The_test_totp_matches_the_rfc_6238_vector()
    {
        // RFC 6238 appendix B: SHA-1 key "12345678901234567890", T = 59 s → 94287082 (8 digits), so 287082 in 6.
        Assert.Equal("287082", Totp.Code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", DateTimeOffset.FromUnixTimeSeconds(59)));
    }

    [Fact]
    public async Task A_user_changes_their_password_and_signs_in_with_the_new_one()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.SchoolA1, Roles.Specialist);

        var mismatch = await Forms.PostAsync(App.ClientFor(user), "/Account/ChangePassword",
            ("Input.CurrentPassword", Password), ("Input.NewPassword", "Moi-mat-khau-456"), ("Input.ConfirmPassword", "khac"));
        Assert.Contains("Hai lần nhập mật khẩu mới không khớp.", Forms.Decode(await mismatch.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var ok = await Forms.PostAsync(App.ClientFor(user), "/Account/ChangePassword",
            ("Input.CurrentPassword", Password), ("Input.NewPassword", "Moi-mat-khau-456"), ("Input.ConfirmPassword", "Moi-mat-khau-456"));
        Assert.Contains("Đã đổi mật khẩu.", Forms.Decode(await ok.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(App.AnonymousClient(), user.UserName!, Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await LoginAsync(App.AnonymousClient(), user.UserName!, "Moi-mat-khau-456")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.SchoolA1, Roles.Specialist);
        var client = App.AnonymousClient();
        await LoginAsync(client, user.UserName!, Password);

        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [GeneratedRegex("<code id=\"shared-key\" class=\"key\">([^<]+)</code>")]
    private static partial Regex SharedKey();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryCode();
}

public sealed class SignInTestsOnSqlite(SqliteApp app) : SignInTests(app), IClassFixture<SqliteApp>;

public sealed class SignInTestsOnPostgres(PostgresApp app) : SignInTests(app), IClassFixture<PostgresApp>;
