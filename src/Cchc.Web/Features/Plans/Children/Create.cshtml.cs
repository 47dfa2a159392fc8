using Cchc.Web.Features.Account;
using Cchc.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cchc.Web.Features.Plans.Children;

[Authorize(Roles = PlanChildren.CreateRoles)]
public sealed class CreateModel(PlanChildren children) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Parent { get; set; }
    [BindProperty] public int UnitId { get; set; }
    [BindProperty] public List<int> TaskIds { get; set; } = [];

    public ChildPlanCandidate Candidate { get; private set; } = null!;
    public bool Posted { get; private set; }

    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = HttpContext.GetCurrentUser()!;
        var candidate = await children.CandidateAsync(user, Parent, ct);
        if (candidate is null) return NotFound();
        Candidate = candidate;
        UnitId = candidate.Units.Any(u => u.Id == user.UnitId) ? user.UnitId : candidate.Units.FirstOrDefault().Id;
        TaskIds = [.. candidate.Tasks.Select(t => t.Id)];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = HttpContext.GetCurrentUser()!;
        var candidate = await children.CandidateAsync(user, Parent, ct);
        if (candidate is null) return NotFound();
        Candidate = candidate;
        Posted = true;
        int? id = null;
        if (!await ModelState.TryAsync(async () => id = await children.CreateAsync(user, Parent, UnitId, TaskIds, ct), prefix: "")) return Page();
        if (id is null) return NotFound();
        Message = $"Đã tạo dự thảo kế hoạch của đơn vị với {TaskIds.Distinct().Count()} nhiệm vụ từ kế hoạch cấp trên; hãy điều chỉnh rồi ban hành.";
        return Redirect($"/Plans/Children/{Parent}");
    }
}
