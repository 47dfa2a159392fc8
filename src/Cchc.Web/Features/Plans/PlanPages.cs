using Cchc.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cchc.Web.Features.Plans;

internal static class PlanPages
{
    /// <summary>
    /// Runs a use case for a page: missing or invisible → 404, not allowed → 403, a broken rule or a stale
    /// version → form error (the user's input stays in the form); null when it succeeded.
    /// </summary>
    public static async Task<IActionResult?> RunAsync(this PageModel page, Func<Task> work, string prefix = "Input")
    {
        try
        {
            return await page.ModelState.TryAsync(work, prefix) ? null : page.Page();
        }
        catch (PlanNotFound) { return page.NotFound(); }
        catch (PlanForbidden) { return page.Forbid(); }
    }

    public static List<string> Lines(string? text) =>
        (text ?? "").Replace("\r\n", "\n").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
}
