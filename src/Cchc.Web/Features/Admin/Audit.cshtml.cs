using Cchc.Core.Access;
using Cchc.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cchc.Web.Features.Admin;

[Authorize(Policy = Policies.CanManageUnit)]
public sealed class AuditModel(AuditLog log) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true)] public int? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public AuditPage Result { get; private set; } = new([], 0, 1, AuditLog.PageSize);
    public IReadOnlyList<string> Entities { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Actors { get; private set; } = [];
    public string? FilterError { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = HttpContext.GetCurrentUser()!;
        (Entities, Actors) = await log.ChoicesAsync(user, ct);
        var filter = new AuditFilter(Entity, UserId, From, To, Math.Max(1, PageNumber));
        var errors = Cchc.Web.Shared.ApiValidation.Errors(filter);
        if (errors.Count > 0)
        {
            FilterError = string.Join(" ", errors.Values.SelectMany(v => v));
            return;
        }
        Result = await log.HandleAsync(filter, user, ct);
    }

    /// <summary>The current filter with another page number, for the paging links.</summary>
    public string PageUrl(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["Entity"] = Entity,
            ["UserId"] = UserId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["From"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["To"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/Admin/Audit", query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }
}
