using Cchc.Web.Features.Procedures;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cchc.Web.Features.Public.Procedures;

/// <summary>The public catalogue: published procedures, searched without diacritics and in any word order.</summary>
[AllowAnonymous]
public sealed class IndexModel(ProcedureCatalogue catalogue) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public IReadOnlyList<ProcedureRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await catalogue.PublicAsync(Q, ct);
}
