using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Cchc.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cchc.Web.Features.Account;

/// <summary>
/// Authenticates machine clients by the `X-Api-Key` header, on the API only. The principal carries the
/// key's unit and role and the <see cref="CchcClaims.ApiClient"/> claim, so the rest of the app sees an
/// ordinary <see cref="CurrentUser"/> with IsApiClient set.
/// </summary>
public sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    CchcDb db, TimeProvider clock, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values)) return AuthenticateResult.NoResult();
        if (!Request.Path.StartsWithSegments("/api")) return AuthenticateResult.Fail("API keys are accepted on /api only.");
        var presented = values.ToString().Trim();
        var prefix = IssueApiKey.PrefixOf(presented);
        if (prefix is null) return AuthenticateResult.Fail("Malformed API key.");
        var key = await db.Set<Core.Access.ApiKey>().SingleOrDefaultAsync(k => k.Prefix == prefix, Context.RequestAborted);
        if (key is null
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(key.Hash), Encoding.ASCII.GetBytes(IssueApiKey.Hash(presented)))
            || key.IsRevoked)
            return AuthenticateResult.Fail("Unknown or revoked API key.");

        if (key.MarkUsed(clock.GetUtcNow().UtcDateTime))
            await db.SaveChangesAsync(Context.RequestAborted);

        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, key.Name),
            new Claim(CchcClaims.FullName, key.Name),
            new Claim(CchcClaims.UnitId, key.UnitId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Role, key.Role),
            new Claim(CchcClaims.ApiClient, "true"),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Khóa API không hợp lệ hoặc đã bị thu hồi.",
                Detail = "Gửi khóa API còn hiệu lực trong tiêu đề X-Api-Key; khóa API chỉ dùng cho các địa chỉ /api.",
            },
        });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = StatusCodes.Status403Forbidden, Title = "Khóa API không có quyền thực hiện thao tác này." },
        });
    }
}
