using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cchc.Web.Features.Account;

namespace Cchc.Web.Features.Plans.Children;

public sealed class IndexModel(PlanChildren children) : PageModel
{
    public ChildPlanBoard Board { get; private set; } = null!;
    public bool CanCreate { get; private set; }

    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int parentId, CancellationToken ct)
    {
        var user = HttpContext.GetCurrentUser()!;
        var board = await children.BoardAsync(user, parentId, ct);
        if (board is null) return NotFound();
        Board = board;
        CanCreate = PlanChildren.CanCreate(user) && user.UnitId != board.Parent.IssuingUnitId && board.Parent.Status == Core.Plans.PlanStatus.Issued;
        return Page();
    }
}
