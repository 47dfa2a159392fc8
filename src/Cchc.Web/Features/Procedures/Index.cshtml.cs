using Cchc.Core.Procedures;
using Cchc.Web.Features.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cchc.Web.Features.Procedures;

/// <summary>The catalogue of the caller's subtree, with filters.</summary>
public sealed class IndexModel(ProcedureCatalogue catalogue, ProcedureSheet sheet) : PageModel
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

    /// <summary>The visible catalogue as .xlsx (the import's layout).</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        File(await sheet.ExportAsync(HttpContext.GetCurrentUser()!, ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "thu-tuc-hanh-chinh.xlsx");
}
