using System.Text.Encodings.Web;
using Cchc.Web.Features.Account;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cchc.Web.Tests.Infrastructure;

/// <summary>
/// Signs a request in as the user whose id is in the test header, with exactly the claims the product's
/// own sign-in would give (same claims factory), so that authorization runs as it does in production.
/// </summary>
public sealed class TestAuthHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    UserManager<AppUser> users, IUserClaimsPrincipalFactory<AppUser> claims)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string Selector = "TestOrProduct";
    public const string Header = "X-Test-User";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var value)) return AuthenticateResult.NoResult();
        var user = await users.FindByIdAsync(value.ToString());
        if (user is null) return AuthenticateResult.Fail("unknown test user");
        var principal = await claims.CreateAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
