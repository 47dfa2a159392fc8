using Cchc.Web.Data;
using Cchc.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Features;

[Authorize]
public sealed class IndexModel(CchcDb db) : PageModel
{
    public string UserName { get; private set; } = "";
    public string? UnitName { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (HttpContext.GetCurrentUser() is not { } user) return;
        UserName = user.Name;
        UnitName = await db.Units.AsNoTracking().VisibleTo(user).Where(u => u.Id == user.UnitId).Select(u => u.Name).SingleOrDefaultAsync(ct);
    }
}
