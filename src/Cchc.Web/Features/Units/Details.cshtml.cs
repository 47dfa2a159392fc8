using Cchc.Web.Data;
using Cchc.Web.Features.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cchc.Web.Features.Units;

[Authorize]
public sealed class DetailsModel(CchcDb db, UnitTree tree) : PageModel
{
    public UnitDetailResponse Detail { get; private set; } = null!;
    public bool CanEdit { get; private set; }

    /// <summary>Names of the units the page refers to by code (parent, history), as the reader knows them.</summary>
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public string NameOf(string code) => Names.TryGetValue(code, out var name) ? name : code;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var user = HttpContext.GetCurrentUser()!;
        var detail = await UnitsApi.DetailAsync(db, tree, user, code, ct);
        if (detail is null) return NotFound();
        Detail = detail;
        var codes = detail.History.SelectMany(e => e.SuccessorCodes.Append(e.ParentCode ?? ""))
            .Append(detail.Unit.ParentCode ?? "").Where(c => c.Length > 0).Distinct().ToList();
        Names = await db.Units.AsNoTracking().VisibleTo(user).Where(u => codes.Contains(u.Code))
            .ToDictionaryAsync(u => u.Code, u => u.Name, ct);
        CanEdit = OrganiseUnits.CanEdit(user) && detail.Unit.ValidTo is null;
        return Page();
    }
}
