using Cchc.Core.Procedures;
using Cchc.Web.Features.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cchc.Web.Features.Procedures;

/// <summary>The catalogue of the caller's subtree, with filters.</summary>
public sealed class IndexModel(ProcedureCatalogue catalogue) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Field { get; set; }
    [BindProperty(SupportsGet = true)] public CompetentLevel? Level { get; set; }
    [BindProperty(SupportsGet = true)] public OnlineLevel? Online { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Published { get; set; }

    public IReadOnlyList<ProcedureRow> Rows { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = HttpContext.GetCurrentUser()!;
        CanEdit = ProcedureCatalogue.CanEdit(user);
        Rows = await catalogue.ListAsync(user, new ProcedureFilter(Q, Field, Level, Online, Published), ct);
    }
}
