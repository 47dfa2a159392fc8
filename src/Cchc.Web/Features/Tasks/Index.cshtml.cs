using Microsoft.AspNetCore.Mvc;

namespace Cchc.Web.Features.Tasks;

public sealed class IndexModel(TaskQueries queries) : TaskPageModel(queries)
{
    /// <summary>mine | area | overdue | due-soon.</summary>
    [BindProperty(SupportsGet = true)] public string? View { get; set; }

    /// <summary>The "due soon" window in days (the home page links with its own, Reminders:DaysBefore).</summary>
    [BindProperty(SupportsGet = true)] public int? Days { get; set; }

    public int Window => Math.Clamp(Days ?? 30, 1, 366);
    public string CurrentView { get; private set; } = "mine";
    public IReadOnlyList<TaskRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        CurrentView = View is "area" or "overdue" or "due-soon" ? View : "mine";
        var view = CurrentView == "area" ? TaskView.Mine : TasksApi.ParseView(CurrentView) ?? TaskView.Mine;
        Rows = await Queries.ListAsync(User2, view, Filter(Window), ct);
    }
}
