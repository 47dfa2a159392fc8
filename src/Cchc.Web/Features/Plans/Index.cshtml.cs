using Cchc.Core.Plans;
using Cchc.Web.Features.Account;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cchc.Web.Features.Plans;

public sealed class IndexModel(PlanQueries queries) : PageModel
{
    public int? Year { get; private set; }
    public PlanStatus? Status { get; private set; }
    public int? UnitId { get; private set; }
    public IReadOnlyList<PlanRow> Rows { get; private set; } = [];
    public IReadOnlyList<UnitRef> Units { get; private set; } = [];
    public bool CanCreate { get; private set; }

    public async Task OnGetAsync(int? year, PlanStatus? status, int? unitId, CancellationToken ct)
    {
        var user = HttpContext.GetCurrentUser()!;
        (Year, Status, UnitId) = (year, status, unitId);
        Rows = await queries.ListAsync(new PlanListFilter(year, status, unitId), user, ct);
        Units = Rows.Select(r => new UnitRef(r.IssuingUnitId, "", r.IssuingUnit, "")).DistinctBy(u => u.Id).OrderBy(u => u.Name).ToList();
        CanCreate = PlanAccess.IsEditor(user);
    }
}
