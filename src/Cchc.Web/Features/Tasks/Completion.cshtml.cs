namespace Cchc.Web.Features.Tasks;

/// <summary>On-time and overall completion per lead unit and per plan (Core TaskCompletion), over the filtered tasks.</summary>
public sealed class CompletionModel(TaskQueries queries) : TaskPageModel(queries)
{
    public CompletionReport Report { get; private set; } = new(Core.Plans.TaskCompletion.Compute(Array.Empty<Core.Plans.TaskFacts>(), default), [], []);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        Report = await Queries.CompletionAsync(User2, Filter(), ct);
    }
}
