using Cchc.Web.Features.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cchc.Web.Features.Plans;

/// <summary>The plan laid out like the paper document (letterhead, Căn cứ, I, II, targets, appendix table).</summary>
public sealed class PrintModel(PlanQueries queries) : PageModel
{
    public PlanView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var view = await queries.PlanAsync(id, HttpContext.GetCurrentUser()!, ct);
        if (view is null) return NotFound();
        View = view;
        return Page();
    }
}
