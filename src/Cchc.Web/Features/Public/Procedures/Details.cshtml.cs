using Cchc.Web.Features.Procedures;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cchc.Web.Features.Public.Procedures;

[AllowAnonymous]
public sealed class DetailsModel(ProcedureCatalogue catalogue) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }

    public ProcedureRow? Row { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Code)) return Redirect("/Public/Procedures");
        Row = await catalogue.PublicDetailAsync(Code, ct);
        return Row is null ? NotFound() : Page();
    }
}
