using Cchc.Core.Plans;
using Cchc.Web.Features.Account;
using Cchc.Web.Shared;

namespace Cchc.Web.Features.Tasks;

/// <summary>One task of GET /api/v1/tasks; <see cref="EffectiveStatus"/> is derived on the day of the request.</summary>
public sealed record TaskItem(
    int Id, int PlanId, string PlanTitle, string? PlanNumber, string Number, string Content, string? Area,
    int? LeadUnitId, string? LeadUnitName, DateOnly? LastDue, PlanTaskStatus Status, EffectiveTaskStatus EffectiveStatus,
    int Progress, DateOnly? CompletedOn, string Url)
{
    public static TaskItem From(TaskRow r, DateOnly today) =>
        new(r.Id, r.PlanId, r.PlanTitle, r.PlanNumber, r.Number, r.Content, r.Area, r.LeadUnitId, r.LeadUnitName ?? r.LeadText,
            r.LastDue, r.Status, r.Effective(today), r.Progress, r.CompletedOn, TaskLinks.Task(r.Id));
}

public static class TaskLinks
{
    /// <summary>The task's own page (Features/Plans, plansweb).</summary>
    public static string Task(int id) => $"/Plans/Tasks/{id}";

    /// <summary>The plan's own page (Features/Plans, plansweb).</summary>
    public static string Plan(int id) => $"/Plans/{id}";
}

public static class TasksApi
{
    public static void AddTasks(this WebApplicationBuilder builder) => builder.Services.AddScoped<TaskQueries>();

    public static void MapTasks(this WebApplication app)
    {
        app.MapGet("/api/v1/tasks", async (CurrentUser user, TaskQueries queries, string? view, int? plan, int? year, string? area,
            int? unit, bool? partner, int? days, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            var parsed = ParseView(view);
            if (parsed is null) errors["view"] = ["Giá trị view phải là mine, overdue hoặc due-soon."];
            if (days is < 0 or > 366) errors["days"] = ["Số ngày phải từ 0 đến 366."];
            if (errors.Count > 0) return Results.ValidationProblem(errors, title: ApiErrors.ValidationTitle);
            var filter = new TaskFilter(plan, year, area, unit, partner ?? false, days ?? 30);
            var today = queries.Today;
            var rows = await queries.ListAsync(user, parsed!.Value, filter, ct);
            return Results.Ok(rows.Select(r => TaskItem.From(r, today)));
        }).RequireAuthorization().WithTags("Nhiệm vụ").Produces<IEnumerable<TaskItem>>().ProducesValidationProblem();
    }

    public static TaskView? ParseView(string? view) => (view ?? "mine").Trim().ToLowerInvariant() switch
    {
        "mine" or "" => TaskView.Mine,
        "overdue" => TaskView.Overdue,
        "due-soon" => TaskView.DueSoon,
        _ => null,
    };
}
