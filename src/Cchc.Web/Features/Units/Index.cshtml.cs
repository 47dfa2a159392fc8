using System.Globalization;
using Cchc.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cchc.Web.Features.Units;

public sealed record UnitNode(UnitRow Row, List<UnitNode> Children, bool Matches);

[Authorize]
public sealed class IndexModel(UnitTree tree, UnitSheet sheet) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    /// <summary>Show the tree as it was on this day (yyyy-MM-dd).</summary>
    [BindProperty(SupportsGet = true)] public string? At { get; set; }
    [BindProperty(SupportsGet = true)] public bool Closed { get; set; }

    public DateOnly? Day { get; private set; }
    public string? DateError { get; private set; }
    public IReadOnlyList<UnitNode> Roots { get; private set; } = [];
    public int Count { get; private set; }
    public bool CanEdit { get; private set; }
    public bool Filtering => !string.IsNullOrWhiteSpace(Q);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = HttpContext.GetCurrentUser()!;
        CanEdit = OrganiseUnits.CanEdit(user);
        if (!string.IsNullOrWhiteSpace(At))
        {
            if (DateOnly.TryParseExact(At, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) Day = d;
            else DateError = "Ngày không hợp lệ; hãy chọn ngày theo dạng dd/mm/yyyy.";
        }
        var rows = Day is DateOnly day ? await tree.OnAsync(user, day, ct) : await tree.CurrentAsync(user, Closed, ct);
        Count = rows.Count;
        var folded = Filtering ? UnitTree.Fold(Q!.Trim()) : null;
        Roots = Build(rows, folded);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var bytes = await sheet.ExportAsync(HttpContext.GetCurrentUser()!, ct);
        return File(bytes, UnitSheet.ContentType, "don-vi.xlsx");
    }

    private static List<UnitNode> Build(IReadOnlyList<UnitRow> rows, string? folded)
    {
        // Rows come depth first: a stack of the open ancestors rebuilds the nesting.
        var roots = new List<UnitNode>();
        var stack = new List<UnitNode>();
        foreach (var row in rows)
        {
            var node = new UnitNode(row, [], folded is null || UnitTree.Fold(row.Name).Contains(folded, StringComparison.Ordinal) || UnitTree.Fold(row.Code).Contains(folded, StringComparison.Ordinal));
            while (stack.Count > row.Depth) stack.RemoveAt(stack.Count - 1);
            (stack.Count == 0 ? roots : stack[^1].Children).Add(node);
            stack.Add(node);
        }
        return folded is null ? roots : Prune(roots);

        static List<UnitNode> Prune(List<UnitNode> nodes) =>
            nodes.Select(n => n with { Children = Prune(n.Children) })
                .Where(n => n.Matches || n.Children.Count > 0).ToList();
    }
}
