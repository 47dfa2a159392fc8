using Cchc.Web.Features.Queue;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cchc.Web.Features.Public.Queue;

/// <summary>The public board at the desk: numbers being served per counter; anonymous, read-only, refreshes itself.</summary>
[AllowAnonymous]
public sealed class DisplayModel(QueueDesk desk) : PageModel
{
    public const int RefreshSeconds = 5;

    public QueueBoard? Board { get; private set; }

    public async Task<IActionResult> OnGetAsync(string unitCode, CancellationToken ct)
    {
        Board = await desk.BoardAsync(unitCode, ct);
        return Board is null ? NotFound() : Page();
    }
}
