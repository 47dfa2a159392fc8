using Cchc.Web.Data;
using Cchc.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cchc.Web.Features.Units;

[Authorize]
public sealed class DetailsModel(CchcDb db, UnitTree tree) : PageModel
{
    public UnitDetailResponse Detail { get; private set; } = null!;
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var user = HttpContext.GetCurrentUser()!;
        var detail = await UnitsApi.DetailAsync(db, tree, user, code, ct);
        if (detail is null) return NotFound();
        Detail = detail;
        CanEdit = OrganiseUnits.CanEdit(user) && detail.Unit.ValidTo is null;
        return Page();
    }
}
