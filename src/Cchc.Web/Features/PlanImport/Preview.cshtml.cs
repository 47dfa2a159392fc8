using System.ComponentModel.DataAnnotations;
using Cchc.Core.Common;
using Cchc.Core.Organisation;
using Cchc.Core.PlanImport;
using Cchc.Core.Plans;
using Cchc.Core.Text;
using Cchc.Web.Data;
using Cchc.Web.Features.Account;
using Cchc.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Features.PlanImport;

/// <summary>
/// The preview: the document's text with line numbers beside the extracted plan as editable fields.
/// "Tạo kế hoạch" applies the edits to the stored import and creates the plan with PlanFromImport.
/// </summary>
[Authorize(Roles = PlanImportPages.Creators)]
public sealed class PreviewModel(PlanImportDrafts drafts, CchcDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Draft { get; set; }

    [BindProperty]
    public PreviewInput Input { get; set; } = new();

    public PlanImportDraft? Stored { get; private set; }
    public ImportedPlan? Imported { get; private set; }
    public IReadOnlyList<Unit> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Draft is null) return Redirect("/PlanImport");
        if (!await LoadAsync(ct)) return NotFound();
        Input = PreviewInput.From(Imported!, HttpContext.GetCurrentUser()!.UnitId);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var user = HttpContext.GetCurrentUser()!;
        if (!Units.Any(u => u.Id == Input.IssuingUnitId))
            ModelState.AddModelError("Input.IssuingUnitId", "Hãy chọn đơn vị ban hành thuộc phạm vi của bạn.");
        if (Input.PeriodFrom is { } f && Input.PeriodTo is { } t && t < f)
            ModelState.AddModelError("Input.PeriodTo", "Năm kết thúc không được trước năm bắt đầu.");
        if (!ModelState.IsValid) return Page();

        var edited = Input.ApplyTo(Imported!);
        var year = VnTime.Today(clock).Year;
        Plan? created = null;
        var ok = await ModelState.TryAsync(async () =>
        {
            var draft = PlanFromImport.Create(edited, Input.IssuingUnitId, year, Input.Issue);
            created = draft.Plan;
            LinkUnits(created, edited.Tasks, Units);
            db.Plans.Add(created);
            await db.SaveChangesAsync(ct);
        });
        if (!ok) return Page();
        await drafts.DeleteAsync(Stored!.Id, ct);
        return Redirect($"/Plans/{created!.Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var user = HttpContext.GetCurrentUser()!;
        var found = await drafts.FindAsync(user, Draft, ct);
        if (found is null) return false;
        (Stored, Imported) = found.Value;
        Units = await db.Units.AsNoTracking().VisibleTo(user).Where(u => u.ValidTo == null).OrderBy(u => u.Path).ToListAsync(ct);
        return true;
    }

    /// <summary>
    /// Lead and partner names are matched to units of the caller's tree by their name without diacritics
    /// (one typo allowed); a name matching no unit, or several, stays as text (LeadText/PartnersText).
    /// </summary>
    internal static void LinkUnits(Plan plan, IReadOnlyList<ImportedTask> tasks, IReadOnlyList<Unit> units)
    {
        var byNumber = tasks.GroupBy(t => VietnameseText.FoldWhitespace(t.Number)).ToDictionary(g => g.Key, g => new Queue<ImportedTask>(g));
        foreach (var task in plan.Tasks)
        {
            if (!byNumber.TryGetValue(task.Number, out var queue) || !queue.TryDequeue(out var source)) continue;
            int? lead = null;
            var leadText = new List<string>();
            foreach (var name in source.Lead)
            {
                var id = Match(name, units);
                if (lead is null && id is not null) lead = id;
                else leadText.Add(name);
            }
            var partners = new List<int>();
            var partnersText = new List<string>();
            foreach (var name in source.Partners)
            {
                if (Match(name, units) is int id && id != lead) partners.Add(id);
                else partnersText.Add(name);
            }
            task.Assign(lead, partners, Joined(leadText), Joined(partnersText));
        }
    }

    private static string? Joined(List<string> names) => names.Count == 0 ? null : string.Join("; ", names);

    private static int? Match(string name, IReadOnlyList<Unit> units)
    {
        var folded = VietnameseText.Fold(name);
        if (folded.Length == 0) return null;
        var exact = units.Where(u => VietnameseText.Fold(u.Name) == folded).ToList();
        if (exact.Count == 1) return exact[0].Id;
        if (exact.Count > 1) return null;
        var near = units.Where(u => VietnameseText.Matches(u.Name, name)).ToList();
        return near.Count == 1 ? near[0].Id : null;
    }

    public IEnumerable<string> SourceLines() => (Stored?.SourceText ?? "").Split('\n').Take(MaxSourceLines);

    public const int MaxSourceLines = 20_000;
}

/// <summary>The preview form: the importer's output as the user corrected it.</summary>
public sealed class PreviewInput
{
    [StringLength(100, ErrorMessage = "Số văn bản tối đa 100 ký tự.")]
    public string? Number { get; set; }
    public DateOnly? IssuedOn { get; set; }
    [Required(ErrorMessage = "Vui lòng nhập tên kế hoạch.")]
    [StringLength(Plan.MaxTitleLength, ErrorMessage = "Tên kế hoạch tối đa 500 ký tự.")]
    public string? Title { get; set; }
    [Range(2000, 2100, ErrorMessage = "Năm bắt đầu không hợp lệ.")]
    public int? PeriodFrom { get; set; }
    [Range(2000, 2100, ErrorMessage = "Năm kết thúc không hợp lệ.")]
    public int? PeriodTo { get; set; }
    /// <summary>One basis per line.</summary>
    public string? Bases { get; set; }
    public DateOnly? ChildPlanDue { get; set; }
    public int IssuingUnitId { get; set; }
    /// <summary>Issue the plan as the document states (number and date); otherwise it is created as a draft.</summary>
    public bool Issue { get; set; }
    public List<SectionRow> Sections { get; set; } = [];
    public List<TargetRow> Targets { get; set; } = [];
    public List<TaskRow> Tasks { get; set; } = [];

    public sealed class SectionRow
    {
        public string? Path { get; set; }
        public string? Heading { get; set; }
        public string? Area { get; set; }
    }

    public sealed class TargetRow
    {
        /// <summary>Ticked: the row is not a target/task of the plan and is left out.</summary>
        public bool Drop { get; set; }
        public string? Text { get; set; }
        public string? Indicator { get; set; }
        public string? Comparator { get; set; }
        public double Value { get; set; }
        public string? Unit { get; set; }
        public int? Year { get; set; }
    }

    public sealed class TaskRow
    {
        /// <summary>Ticked: the row is not a target/task of the plan and is left out.</summary>
        public bool Drop { get; set; }
        public string? Number { get; set; }
        public string? Content { get; set; }
        public string? Area { get; set; }
        /// <summary>Unit names separated by ";".</summary>
        public string? Lead { get; set; }
        public string? Partners { get; set; }
        public string? Product { get; set; }
        public string? Deadline { get; set; }
    }

    private const string Separator = "; ";

    public static PreviewInput From(ImportedPlan p, int unitId) => new()
    {
        Number = p.Document.Number,
        IssuedOn = p.Document.IssuedOn,
        Title = p.Document.Title,
        PeriodFrom = p.Document.PeriodFrom,
        PeriodTo = p.Document.PeriodTo,
        Bases = string.Join("\n", p.Document.Bases),
        ChildPlanDue = p.ChildPlanDue,
        IssuingUnitId = unitId,
        Issue = p.Document.Number is not null && p.Document.IssuedOn is not null,
        Sections = p.Sections.Select(s => new SectionRow { Path = s.Path, Heading = s.Heading, Area = s.Area }).ToList(),
        Targets = p.Targets.Select(t => new TargetRow { Text = t.Text, Indicator = t.Indicator, Comparator = t.Comparator, Value = t.Value, Unit = t.Unit, Year = t.Year }).ToList(),
        Tasks = p.Tasks.Select(t => new TaskRow
        {
            Number = t.Number, Content = t.Content, Area = t.Area, Lead = string.Join(Separator, t.Lead),
            Partners = string.Join(Separator, t.Partners), Product = t.Product, Deadline = DeadlineText(t),
        }).ToList(),
    };

    private static string DeadlineText(ImportedTask t) => string.Join(Separator, t.Deadlines.Select(d => d.Text));

    /// <summary>
    /// The stored import with the form's values in place of the importer's. Rows are matched by position
    /// (the form posts every row); a row ticked “Bỏ” is left out; a deadline whose words changed is read again.
    /// </summary>
    public ImportedPlan ApplyTo(ImportedPlan original)
    {
        var doc = original.Document with
        {
            Number = Blank(Number),
            IssuedOn = IssuedOn,
            IssuedYear = IssuedOn?.Year ?? original.Document.IssuedYear,
            Title = Blank(Title),
            PeriodFrom = PeriodFrom,
            PeriodTo = PeriodTo,
            Bases = (Bases ?? "").Split('\n').Select(b => b.Trim()).Where(b => b.Length > 0).ToList(),
        };
        var year = PeriodFrom is { } f && PeriodTo == f ? f : (int?)null;
        var sections = original.Sections.Select((s, i) => i < Sections.Count
            ? s with { Path = Sections[i].Path?.Trim() ?? s.Path, Heading = Sections[i].Heading?.Trim() ?? "", Area = Blank(Sections[i].Area) }
            : s).ToList();
        var targets = new List<ImportedTarget>();
        for (var i = 0; i < original.Targets.Count; i++)
        {
            var t = original.Targets[i];
            if (i >= Targets.Count) { targets.Add(t); continue; }
            var row = Targets[i];
            if (row.Drop) continue;
            targets.Add(t with
            {
                Text = row.Text?.Trim() ?? t.Text, Indicator = Blank(row.Indicator), Comparator = row.Comparator?.Trim() ?? t.Comparator,
                Value = row.Value, Unit = row.Unit?.Trim() ?? t.Unit, Year = row.Year,
            });
        }
        var tasks = new List<ImportedTask>();
        for (var i = 0; i < original.Tasks.Count; i++)
        {
            var t = original.Tasks[i];
            if (i >= Tasks.Count) { tasks.Add(t); continue; }
            var row = Tasks[i];
            if (row.Drop) continue;
            var deadlineText = VietnameseText.FoldWhitespace(row.Deadline);
            var deadlines = deadlineText == VietnameseText.FoldWhitespace(DeadlineText(t)) ? t.Deadlines
                : deadlineText.Length == 0 ? []
                : DeadlineParser.Parse(deadlineText, year).Select(d => new ImportedDeadline(d.Text, d.Due) { From = d.From }).ToList();
            tasks.Add(t with
            {
                Number = row.Number?.Trim() ?? t.Number, Content = row.Content?.Trim() ?? "", Area = Blank(row.Area),
                Lead = Names(row.Lead), Partners = Names(row.Partners), Product = Blank(row.Product), Deadlines = deadlines,
            });
        }
        return original with { Document = doc, Sections = sections, Targets = targets, Tasks = tasks, ChildPlanDue = ChildPlanDue };
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static List<string> Names(string? s) =>
        (s ?? "").Split(';').Select(n => n.Trim()).Where(n => n.Length > 0).ToList();
}
