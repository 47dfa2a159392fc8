using Cchc.Web.Features.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cchc.Web.Features.Tasks;

/// <summary>The filters the work view pages share (query string: plan, year, area, unit, partner).</summary>
public abstract class TaskPageModel(TaskQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Plan { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public bool Partner { get; set; }

    protected TaskQueries Queries { get; } = queries;
    public DateOnly Today { get; private set; }
    public IReadOnlyList<(int Id, string Name)> PlanChoices { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> UnitChoices { get; private set; } = [];

    protected CurrentUser User2 => HttpContext.GetCurrentUser() ?? throw new InvalidOperationException("No current user.");

    protected TaskFilter Filter(int days = 30) => new(Plan, Year, string.IsNullOrWhiteSpace(Area) ? null : Area, Unit, Partner, days);

    protected async Task LoadChoicesAsync(CancellationToken ct)
    {
        Today = Queries.Today;
        PlanChoices = await Queries.PlanChoicesAsync(User2, ct);
        UnitChoices = await Queries.UnitChoicesAsync(User2, ct);
    }

    /// <summary>The current filters as a query string, to keep them when switching views.</summary>
    public string FilterQuery(params (string Key, string? Value)[] extra)
    {
        var pairs = new List<(string, string?)>
        {
            ("plan", Plan?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("year", Year?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("area", Area), ("unit", Unit?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("partner", Partner ? "true" : null),
        };
        pairs.AddRange(extra);
        var parts = pairs.Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}");
        return string.Join("&", parts);
    }
}
