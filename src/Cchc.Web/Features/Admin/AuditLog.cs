using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Cchc.Core.Access;
using Cchc.Web.Data;
using Cchc.Web.Data.Audit;
using Cchc.Web.Features.Account;
using Cchc.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Features.Admin;

/// <summary>Which audit entries to show; dates are calendar days in Việt Nam, both ends included.</summary>
public sealed record AuditFilter(
    [property: StringLength(100, ErrorMessage = "Loại đối tượng tối đa 100 ký tự.")] string? Entity = null,
    int? UserId = null,
    DateOnly? From = null,
    DateOnly? To = null,
    [property: Range(1, 100_000, ErrorMessage = "Số trang phải từ 1 đến 100000.")] int Page = 1) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (From is { } from && To is { } to && to < from)
            yield return new ValidationResult("Ngày kết thúc không được trước ngày bắt đầu.", [nameof(To)]);
    }
}

public sealed record AuditRow(long Id, DateTime AtUtc, int? ActorId, string ActorName, AuditActorKind ActorKind,
    string EntityType, string EntityKey, AuditAction Action, string Changes)
{
    public string EntityLabel => AuditLog.EntityLabel(EntityType);

    public string ActionLabel => Action switch
    {
        AuditAction.Added => "Thêm mới",
        AuditAction.Modified => "Sửa",
        AuditAction.Deleted => "Xóa",
        _ => Action.ToString(),
    };

    /// <summary>The changed properties as (name, before, after), in the order stored.</summary>
    public IReadOnlyList<(string Property, string Before, string After)> ChangeList()
    {
        using var doc = JsonDocument.Parse(Changes);
        return doc.RootElement.EnumerateObject()
            .Select(p => (p.Name, Show(p.Value.GetProperty("old")), Show(p.Value.GetProperty("new"))))
            .ToList();
    }

    private static string Show(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => "—",
        JsonValueKind.String => value.GetString() ?? "",
        _ => value.GetRawText(),
    };
}

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The audit entries a user may read, filtered and paged; feeds the page and the API.</summary>
public sealed class AuditLog(CchcDb db)
{
    public const int PageSize = 50;

    public static bool MayRead(CurrentUser user) => user.IsSystemAdmin || user.IsInRole(Roles.UnitAdmin);

    public async Task<AuditPage> HandleAsync(AuditFilter filter, CurrentUser user, CancellationToken ct)
    {
        var query = Filtered(filter, user);
        var total = await query.CountAsync(ct);
        var page = Math.Max(1, filter.Page);
        var rows = await query
            .OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(a => new AuditRow(a.Id, a.AtUtc, a.ActorId, a.ActorName, a.ActorKind, a.EntityType, a.EntityKey, a.Action, a.Changes))
            .ToListAsync(ct);
        return new AuditPage(rows, total, page, PageSize);
    }

    /// <summary>The entity types and actors that appear in the entries the user may read (for the filter's lists).</summary>
    public async Task<(IReadOnlyList<string> Entities, IReadOnlyList<(int Id, string Name)> Actors)> ChoicesAsync(CurrentUser user, CancellationToken ct)
    {
        var visible = db.AuditEntries.AsNoTracking().VisibleTo(user);
        var entities = await visible.Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
        var actors = await visible.Where(a => a.ActorId != null)
            .GroupBy(a => a.ActorId!.Value).Select(g => new { Id = g.Key, Name = g.Max(a => a.ActorName)! })
            .ToListAsync(ct);
        return (entities, actors.Select(a => (a.Id, a.Name)).OrderBy(a => a.Name, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false)).ToList());
    }

    private IQueryable<AuditEntry> Filtered(AuditFilter filter, CurrentUser user)
    {
        var query = db.AuditEntries.AsNoTracking().VisibleTo(user);
        if (!string.IsNullOrWhiteSpace(filter.Entity)) query = query.Where(a => a.EntityType == filter.Entity);
        if (filter.UserId is { } userId) query = query.Where(a => a.ActorId == userId);
        if (filter.From is { } from)
        {
            var start = VnTime.StartUtc(from);
            query = query.Where(a => a.AtUtc >= start);
        }
        if (filter.To is { } to)
        {
            var end = VnTime.StartUtc(to.AddDays(1));
            query = query.Where(a => a.AtUtc < end);
        }
        return query;
    }

    public static string EntityLabel(string type) => type switch
    {
        "Unit" => "Đơn vị",
        "AppUser" => "Người dùng",
        "AppRole" => "Vai trò",
        "IdentityUserRole`1" => "Vai trò của người dùng",
        "IdentityUserClaim`1" => "Thông tin người dùng",
        "IdentityUserToken`1" => "Mã xác thực của người dùng",
        "IdentityUserLogin`1" => "Đăng nhập ngoài của người dùng",
        _ => type,
    };
}

/// <summary>
/// Audit entries of the organisation subtree (architecture.md, "Organisation scoping"): the system admin
/// reads all of them; a unit admin those attributed to a unit in their subtree; nobody else any.
/// </summary>
public static class AuditVisibility
{
    public static IQueryable<AuditEntry> VisibleTo(this IQueryable<AuditEntry> entries, CurrentUser user) =>
        user.IsSystemAdmin ? entries
        : user.IsInRole(Roles.UnitAdmin) ? entries.Where(a => a.UnitPath != null && a.UnitPath.StartsWith(user.UnitPath))
        : entries.Where(a => false);
}
