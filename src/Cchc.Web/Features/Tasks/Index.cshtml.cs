using Microsoft.AspNetCore.Mvc;

namespace Cchc.Web.Features.Tasks;

public sealed class IndexModel(TaskQueries queries) : TaskPageModel(queries)
{
    /// <summary>mine | area | overdue | due-soon.</summary>
    [BindProperty(SupportsGet = true)] public string? View { get; set; }

    public string CurrentView { get; private set; } = "mine";
    public IReadOnlyList<TaskRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        CurrentView = View is "area" or "overdue" or "due-soon" ? View : "mine";
        var view = CurrentView == "area" ? TaskView.Mine : TasksApi.ParseView(CurrentView) ?? TaskView.Mine;
        Rows = await Queries.ListAsync(User2, view, Filter(), ct);
    }
}
