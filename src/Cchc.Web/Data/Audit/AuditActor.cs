using System.Globalization;
using System.Security.Claims;
using Cchc.Web.Features.Account;

namespace Cchc.Web.Data.Audit;

/// <summary>Who is changing data right now.</summary>
public sealed record AuditActor(int? Id, string Name, AuditActorKind Kind, string? UnitPath)
{
    public static readonly AuditActor System = new(null, "Hệ thống", AuditActorKind.System, null);
}

/// <summary>Tells <see cref="CchcDb"/> who the current actor is; outside a request it is the system.</summary>
public interface IAuditActor
{
    AuditActor Current { get; }
}

/// <summary>
/// The actor of the current HTTP request: the <see cref="CurrentUser"/> when the middleware has built it,
/// else the signed-in principal (Identity's own saves during sign-in), else an anonymous visitor.
/// </summary>
public sealed class HttpAuditActor(IHttpContextAccessor http) : IAuditActor
{
    public AuditActor Current
    {
        get
        {
            var context = http.HttpContext;
            if (context is null) return AuditActor.System;
            if (context.GetCurrentUser() is { } user)
                return new AuditActor(user.Id, user.Name, user.IsApiClient ? AuditActorKind.ApiClient : AuditActorKind.User, user.UnitPath);
            var principal = context.User;
            if (principal.Identity?.IsAuthenticated == true
                && int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                return new AuditActor(id, principal.FindFirstValue(CchcClaims.FullName) ?? principal.Identity.Name ?? "", AuditActorKind.User, null);
            return new AuditActor(null, "Khách", AuditActorKind.Anonymous, null);
        }
    }
}
