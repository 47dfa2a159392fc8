using Cchc.Web.Features.Account;
using Cchc.Web.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Cchc.Web.Features.Admin;

public static class AuditApi
{
    public static void AddCchcAudit(this IServiceCollection services) => services.AddScoped<AuditLog>();

    /// <summary>GET /api/v1/audit?entity=Unit&amp;userId=3&amp;from=2026-03-01&amp;to=2026-03-31&amp;page=1 (system and unit admins).</summary>
    public static void MapCchcAudit(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/audit", async ([AsParameters] AuditQuery query, CurrentUser? user, AuditLog log, CancellationToken ct) =>
        {
            if (user is null) return Results.Unauthorized();
            if (!AuditLog.MayRead(user)) return Results.Forbid();
            var filter = new AuditFilter(query.Entity, query.UserId, query.From, query.To, query.Page ?? 1);
            if (ApiValidation.Problem(filter) is { } invalid) return invalid;
            return Results.Ok(await log.HandleAsync(filter, user, ct));
        })
        .RequireAuthorization()
        .WithName("ListAuditEntries")
        .WithSummary("Nhật ký thay đổi dữ liệu (lọc theo đối tượng, người thực hiện, khoảng ngày; 50 bản ghi mỗi trang)");
    }

    public sealed record AuditQuery(
        [FromQuery] string? Entity,
        [FromQuery] int? UserId,
        [FromQuery] DateOnly? From,
        [FromQuery] DateOnly? To,
        [FromQuery] int? Page);
}
