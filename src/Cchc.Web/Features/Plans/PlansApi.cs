using Cchc.Core.Plans;
using Cchc.Web.Features.Account;
using Cchc.Web.Shared;

namespace Cchc.Web.Features.Plans;

public sealed record DeadlineResponse(string Text, DateOnly? From, DateOnly? Due);

public sealed record TaskResponse(int Id, int PlanId, string Number, string Content, string? Area, int? LeadUnitId, IReadOnlyList<int> PartnerUnitIds,
    string? LeadText, string? PartnersText, string? ProductType, string? Requirement, IReadOnlyList<DeadlineResponse> Deadlines, DateOnly? LastDue,
    string Status, string EffectiveStatus, int Progress, string? ProductNumber, DateOnly? ProductDate, DateOnly? CompletedOn, int Version)
{
    public static TaskResponse From(PlanTask t, DateOnly today) => new(t.Id, t.PlanId, t.Number, t.Content, t.Area, t.LeadUnitId, t.PartnerUnitIds,
        t.LeadText, t.PartnersText, t.ProductType, t.Requirement, t.Deadlines.Select(d => new DeadlineResponse(d.Text, d.From, d.Due)).ToList(), t.LastDue,
        t.Status.ToString(), TaskStatusRules.Effective(t, today).ToString(), t.Progress, t.ProductNumber, t.ProductDate, t.CompletedOn, t.Version);
}

public sealed record TargetResponse(int Id, string? IndicatorCode, string? CustomName, string Name, string Comparator, double Value, double? ValueTo, string Unit, int? Year,
    string LineKey, double? GroupMinimum, string Change, int? BaseYear, double? EnteredValue, string? EvidenceNote, string Status);

public sealed record SectionResponse(string Path, string Heading, string? Area);

public sealed record PlanResponse(int Id, string? Number, int IssuingUnitId, string IssuingUnit, DateOnly? IssuedOn, int PeriodFrom, int PeriodTo, string Title,
    IReadOnlyList<string> Bases, string? Purpose, string? Requirements, string Status, DateOnly? ChildPlanDue, int Version,
    IReadOnlyList<SectionResponse> Sections, IReadOnlyList<TargetResponse> Targets, int TaskCount)
{
    public static PlanResponse From(PlanView v) => new(v.Plan.Id, v.Plan.Number, v.Plan.IssuingUnitId, v.Issuer.Name, v.Plan.IssuedOn, v.Plan.PeriodFrom, v.Plan.PeriodTo,
        v.Plan.Title, v.Plan.Bases, v.Plan.Purpose, v.Plan.Requirements, v.Plan.Status.ToString(), v.Plan.ChildPlanDue, v.Plan.Version,
        v.Plan.Sections.OrderBy(s => s.Path).Select(s => new SectionResponse(s.Path, s.Heading, s.Area)).ToList(),
        v.Plan.Targets.OrderBy(t => t.Id).Select(t => new TargetResponse(t.Id, t.IndicatorCode, t.CustomName, PlanText.Indicator(t), t.Comparator.Symbol(), t.Value, t.ValueTo,
            t.Unit, t.Year, t.LineKey, t.GroupMinimum, t.Change.ToString(), t.BaseYear, t.EnteredValue, t.EvidenceNote, PlanText.Evaluate(t, v.Plan, v.Today).ToString())).ToList(),
        v.Plan.Tasks.Count);
}

/// <summary>/api/v1/plans and /api/v1/tasks: the same use cases as the pages.</summary>
public static class PlansApi
{
    public static void AddPlans(this WebApplicationBuilder builder)
    {
        builder.AddPlanPolicies();
        builder.Services.AddScoped<PlanQueries>();
        builder.Services.AddScoped<CreatePlan>();
        builder.Services.AddScoped<EditPlan>();
        builder.Services.AddScoped<SaveTargetLine>();
        builder.Services.AddScoped<RemoveTargetLine>();
        builder.Services.AddScoped<EnterTargetFigure>();
        builder.Services.AddScoped<SaveTask>();
        builder.Services.AddScoped<ReportTaskProgress>();
        builder.Services.AddScoped<CommentOnTask>();
        builder.Services.AddScoped<AttachTaskFile>();
        builder.AddFilesForPlans();
    }

    private static void AddFilesForPlans(this WebApplicationBuilder builder) => Files.FilesEndpoints.AddFiles(builder);

    public static void MapPlans(this WebApplication app)
    {
        Files.FilesEndpoints.MapFiles(app);
        var plans = app.MapGroup("/api/v1/plans").RequireAuthorization().WithTags("Kế hoạch");

        plans.MapGet("/", async (int? year, string? status, int? unitId, CurrentUser user, PlanQueries q, CancellationToken ct) =>
        {
            PlanStatus? s = Enum.TryParse<PlanStatus>(status, true, out var parsed) ? parsed : null;
            return Results.Ok(await q.ListAsync(new PlanListFilter(year, s, unitId), user, ct));
        });

        plans.MapGet("/{id:int}", async (int id, CurrentUser user, PlanQueries q, CancellationToken ct) =>
            await q.PlanAsync(id, user, ct) is { } v ? Results.Ok(PlanResponse.From(v)) : NotFound());

        plans.MapPost("/", async (PlanInput input, CurrentUser user, CreatePlan create, PlanQueries q, CancellationToken ct) =>
            await RunAsync(async () =>
            {
                var plan = await create.HandleAsync(input, user, ct);
                return Results.Created($"/api/v1/plans/{plan.Id}", PlanResponse.From((await q.PlanAsync(plan.Id, user, ct))!));
            })).Validate<PlanInput>().RequireAuthorization(PlanAccess.EditPolicy).Produces<PlanResponse>(201);

        plans.MapPut("/{id:int}", async (int id, PlanUpdateInput input, CurrentUser user, EditPlan edit, PlanQueries q, CancellationToken ct) =>
        {
            // Visibility first: another unit's plan is 404 whatever the body says.
            if (!await q.PlanVisibleAsync(id, user, ct)) return NotFound();
            if (ApiValidation.Problem(input) is { } invalid) return invalid;
            if (input.Plan is { } header && ApiValidation.Problem(header) is { } bad) return bad;
            return await RunAsync(async () =>
            {
                await edit.HandleAsync(id, input, user, ct);
                return Results.Ok(PlanResponse.From((await q.PlanAsync(id, user, ct))!));
            });
        }).RequireAuthorization(PlanAccess.EditPolicy).Produces<PlanResponse>().ProducesValidationProblem();

        plans.MapGet("/{id:int}/tasks", async (int id, CurrentUser user, PlanQueries q, CancellationToken ct) =>
            await q.PlanAsync(id, user, ct) is { } v
                ? Results.Ok(v.Plan.Tasks.OrderBy(t => t.Id).Select(t => TaskResponse.From(t, v.Today)).ToList())
                : NotFound());

        plans.MapPost("/{id:int}/tasks", async (int id, TaskInput input, CurrentUser user, SaveTask save, PlanQueries q, CancellationToken ct) =>
        {
            if (!await q.PlanVisibleAsync(id, user, ct)) return NotFound();
            if (ApiValidation.Problem(input) is { } invalid) return invalid;
            return await RunAsync(async () =>
            {
                var task = await save.HandleAsync(id, null, input, user, ct);
                return Results.Created($"/api/v1/tasks/{task.Id}", TaskResponse.From(task, q.Today));
            });
        }).RequireAuthorization(PlanAccess.EditPolicy).Produces<TaskResponse>(201).ProducesValidationProblem();

        var tasks = app.MapGroup("/api/v1/tasks").RequireAuthorization().WithTags("Nhiệm vụ");

        tasks.MapGet("/{id:int}", async (int id, CurrentUser user, PlanQueries q, CancellationToken ct) =>
            await q.TaskAsync(id, user, ct) is { } v ? Results.Ok(TaskResponse.From(v.Task, v.Today)) : NotFound());

        tasks.MapPut("/{id:int}", async (int id, TaskProgressInput input, CurrentUser user, ReportTaskProgress report, PlanQueries q, CancellationToken ct) =>
        {
            if (!await q.TaskVisibleAsync(id, user, ct)) return NotFound();
            if (ApiValidation.Problem(input) is { } invalid) return invalid;
            return await RunAsync(async () => Results.Ok(TaskResponse.From(await report.HandleAsync(id, input, user, ct), q.Today)));
        }).RequireAuthorization(PlanAccess.EditPolicy).Produces<TaskResponse>().ProducesValidationProblem();
    }

    private static IResult NotFound() =>
        Results.Problem(statusCode: 404, title: "Không tìm thấy kế hoạch hoặc nhiệm vụ, hoặc bạn không có quyền xem.");

    /// <summary>Not found → 404, not allowed → 403; rule violations and stale versions go to the shared handler (409).</summary>
    private static async Task<IResult> RunAsync(Func<Task<IResult>> work)
    {
        try { return await work(); }
        catch (PlanNotFound) { return NotFound(); }
        catch (PlanForbidden e) { return Results.Problem(statusCode: 403, title: e.Message); }
    }
}
