using System.Text;
using Cchc.Core.Indicators;
using Cchc.Core.Plans;
using Cchc.Web.Data;
using Cchc.Web.Data.Audit;
using Cchc.Web.Features.Account;
using Cchc.Web.Features.Files;
using Cchc.Web.Shared;
using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cchc.Web.Features.Plans;

/// <summary>A comment on a task (ý kiến trao đổi); the task's history itself comes from the audit log.</summary>
public sealed class TaskComment
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public string AuthorName { get; set; } = "";
    public DateTime AtUtc { get; set; }
    public string Text { get; set; } = "";
}

internal sealed class TaskCommentConfiguration : IEntityTypeConfiguration<TaskComment>
{
    public void Configure(EntityTypeBuilder<TaskComment> b)
    {
        b.ToTable("plan_task_comments");
        b.Property(c => c.AuthorName).HasMaxLength(200).IsRequired();
        b.Property(c => c.Text).HasMaxLength(2000).IsRequired();
        b.HasOne<PlanTask>().WithMany().HasForeignKey(c => c.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => c.TaskId);
    }
}

public sealed record PlanListFilter(int? Year, PlanStatus? Status, int? UnitId);

public sealed record PlanRow(int Id, string? Number, string Title, int PeriodFrom, int PeriodTo, PlanStatus Status, DateOnly? IssuedOn, int IssuingUnitId, string IssuingUnit, int Version);

public sealed record UnitRef(int Id, string Code, string Name, string Path);

public sealed record PlanView(Plan Plan, UnitRef Issuer, bool CanEdit, IReadOnlyDictionary<int, UnitRef> Units, IReadOnlyList<FileAttachment> TargetFiles, DateOnly Today);

public sealed record TaskView(PlanTask Task, PlanRow Plan, IReadOnlyDictionary<int, UnitRef> Units, bool CanReport, bool CanEdit,
    IReadOnlyList<FileAttachment> Files, IReadOnlyList<TaskComment> Comments, IReadOnlyList<AuditEntry> History, DateOnly Today);

/// <summary>The read side of the plan pages and API; every query goes through VisibleTo.</summary>
public sealed class PlanQueries(CchcDb db, TimeProvider clock)
{
    public DateOnly Today => VnTime.Today(clock);

    public Task<bool> PlanVisibleAsync(int id, CurrentUser user, CancellationToken ct) =>
        db.Plans.VisibleTo(user, db.Units).AnyAsync(p => p.Id == id, ct);

    public Task<bool> TaskVisibleAsync(int id, CurrentUser user, CancellationToken ct) =>
        db.PlanTasks.VisibleTo(user, db.Plans, db.Units).AnyAsync(t => t.Id == id, ct);

    public async Task<IReadOnlyList<PlanRow>> ListAsync(PlanListFilter filter, CurrentUser user, CancellationToken ct)
    {
        var q = db.Plans.AsNoTracking().VisibleTo(user, db.Units);
        if (filter.Year is { } y) q = q.Where(p => p.PeriodFrom <= y && p.PeriodTo >= y);
        if (filter.Status is { } s) q = q.Where(p => p.Status == s);
        if (filter.UnitId is { } u) q = q.Where(p => p.IssuingUnitId == u);
        var rows = await q.OrderByDescending(p => p.PeriodTo).ThenByDescending(p => p.Id).Take(500)
            .Join(db.Units, p => p.IssuingUnitId, u => u.Id, (p, u) => new PlanRow(p.Id, p.Number, p.Title, p.PeriodFrom, p.PeriodTo, p.Status, p.IssuedOn, p.IssuingUnitId, u.Name, p.Version))
            .ToListAsync(ct);
        return rows.OrderByDescending(r => r.PeriodTo).ThenByDescending(r => r.Id).ToList();
    }

    public async Task<PlanView?> PlanAsync(int id, CurrentUser user, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().VisibleTo(user, db.Units).AsSplitQuery()
            .Include(p => p.Sections).Include(p => p.Targets).Include(p => p.Tasks).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null) return null;
        var canEdit = PlanAccess.IsEditor(user) && await db.Plans.EditableBy(user, db.Units).AnyAsync(p => p.Id == id, ct);
        var ids = plan.Tasks.SelectMany(t => t.PartnerUnitIds.Append(t.LeadUnitId ?? 0)).Append(plan.IssuingUnitId).Distinct().ToList();
        var units = await UnitsAsync(ids, ct);
        var files = await db.Set<FileAttachment>().AsNoTracking()
            .Where(a => a.OwnerKind == FileOwners.Target && plan.Targets.Select(t => t.Id).Contains(a.OwnerId)).OrderBy(a => a.Id).ToListAsync(ct);
        return new PlanView(plan, units[plan.IssuingUnitId], canEdit, units, files, Today);
    }

    public async Task<TaskView?> TaskAsync(int id, CurrentUser user, CancellationToken ct)
    {
        var task = await db.PlanTasks.AsNoTracking().VisibleTo(user, db.Plans, db.Units).SingleOrDefaultAsync(t => t.Id == id, ct);
        if (task is null) return null;
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == task.PlanId)
            .Join(db.Units, p => p.IssuingUnitId, u => u.Id, (p, u) => new PlanRow(p.Id, p.Number, p.Title, p.PeriodFrom, p.PeriodTo, p.Status, p.IssuedOn, p.IssuingUnitId, u.Name, p.Version))
            .SingleAsync(ct);
        var units = await UnitsAsync(task.PartnerUnitIds.Append(task.LeadUnitId ?? 0).Distinct().ToList(), ct);
        var canReport = PlanAccess.CanReport(user, task.LeadUnitId is { } l && units.TryGetValue(l, out var lead) ? lead.Path : null);
        var canEdit = PlanAccess.IsEditor(user) && await db.Plans.EditableBy(user, db.Units).AnyAsync(p => p.Id == task.PlanId, ct);
        var files = await db.Set<FileAttachment>().AsNoTracking().Where(a => a.OwnerKind == FileOwners.Task && a.OwnerId == id).OrderBy(a => a.Id).ToListAsync(ct);
        var comments = await db.Set<TaskComment>().AsNoTracking().Where(c => c.TaskId == id).OrderBy(c => c.Id).ToListAsync(ct);
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var history = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(PlanTask) && a.EntityKey == key)
            .OrderByDescending(a => a.Id).Take(100).ToListAsync(ct);
        return new TaskView(task, plan, units, canReport, canEdit, files, comments, history, Today);
    }

    public async Task<IReadOnlyList<UnitRef>> UnitChoicesAsync(CurrentUser user, CancellationToken ct) =>
        await db.Units.AsNoTracking().VisibleTo(user).Where(u => u.ValidTo == null).OrderBy(u => u.Path)
            .Select(u => new UnitRef(u.Id, u.Code, u.Name, u.Path)).Take(2000).ToListAsync(ct);

    /// <summary>Names of units a visible record points at (the record being visible, its units' names are too).</summary>
    private async Task<Dictionary<int, UnitRef>> UnitsAsync(List<int> ids, CancellationToken ct) =>
        await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new UnitRef(u.Id, u.Code, u.Name, u.Path)).ToDictionaryAsync(u => u.Id, ct);
}

/// <summary>Vietnamese labels and the safe rendering of the plans' long texts.</summary>
public static class PlanText
{
    public static string Status(PlanStatus s) => s switch
    {
        PlanStatus.Draft => "Dự thảo",
        PlanStatus.Issued => "Đã ban hành",
        _ => "Đã bị thay thế",
    };

    public static string Status(EffectiveTaskStatus s) => s switch
    {
        EffectiveTaskStatus.NotStarted => "Chưa thực hiện",
        EffectiveTaskStatus.InProgress => "Đang thực hiện",
        EffectiveTaskStatus.Done => "Hoàn thành",
        EffectiveTaskStatus.Overdue => "Quá hạn",
        _ => "Đã hủy",
    };

    public static string Status(TargetStatus s) => s switch
    {
        TargetStatus.NoData => "Chưa có số liệu",
        TargetStatus.Met => "Đạt",
        TargetStatus.OnTrack => "Đúng tiến độ",
        TargetStatus.AtRisk => "Có nguy cơ không đạt",
        _ => "Không đạt",
    };

    public static string Period(int from, int to) => from == to ? from.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{from}–{to}";

    public static string Unit(string unit) => unit switch
    {
        "minutes" => "phút",
        "times" => "lần",
        "rank" => "bậc/hạng",
        "points" => "điểm",
        "days" => "ngày",
        "hours" => "giờ",
        _ => unit,
    };

    public static string Indicator(Target t) => t.CustomName ?? IndicatorCatalogue.Find(t.IndicatorCode)?.NameVi ?? t.IndicatorCode ?? "";

    public static string Figure(double v) => v.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));

    /// <summary>"≥ 95 %" — the target as a sentence fragment.</summary>
    public static string Describe(Target t)
    {
        var text = $"{t.Comparator.Symbol().Replace(">=", "≥").Replace("<=", "≤")} {Figure(t.Value)}";
        if (t.ValueTo is { } top) text = $"từ {Figure(t.Value)} đến {Figure(top)}";
        text += " " + Unit(t.Unit);
        if (t.Change != Core.Plans.TargetChange.None) text = (t.Change == Core.Plans.TargetChange.Increase ? "tăng " : "giảm ") + text + (t.BaseYear is { } b ? $" so với năm {b}" : "");
        if (t.GroupMinimum is { } g) text += $", không nhóm nào dưới {Figure(g)} {Unit(t.Unit)}";
        return text;
    }

    public static TargetStatus Evaluate(Target t, Plan plan, DateOnly today)
    {
        var (from, to) = TargetEvaluation.PeriodOf(t, plan);
        return TargetEvaluation.Evaluate(t, null, TargetEvaluation.ElapsedFraction(from, to, today));
    }

    /// <summary>
    /// Plain text with line breaks, the only markup of plans' long texts: every character is encoded, each
    /// line becomes a paragraph and a line starting with "- " or "+ " a list item, so pasted HTML shows as text.
    /// </summary>
    // Vietnamese letters stay readable in the page source; <, >, &, quotes are still encoded.
    private static readonly System.Text.Encodings.Web.HtmlEncoder Encoder =
        System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static IHtmlContent Render(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return HtmlString.Empty;
        var html = new StringBuilder();
        var inList = false;
        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var item = line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("+ ", StringComparison.Ordinal);
            if (item && !inList) { html.Append("<ul>"); inList = true; }
            if (!item && inList) { html.Append("</ul>"); inList = false; }
            html.Append(item ? "<li>" : "<p>").Append(Encoder.Encode(item ? line[2..] : line)).Append(item ? "</li>" : "</p>");
        }
        if (inList) html.Append("</ul>");
        return new HtmlString(html.ToString());
    }

    public static string Deadline(Deadline d) =>
        d.Due is not { } due ? "không xác định ngày"
        : d.From is { } f && f != due ? $"{VnTime.Date(f)} – {VnTime.Date(due)}" : $"hạn {VnTime.Date(due)}";
}
