using System.Globalization;
using System.Text.RegularExpressions;
using Cchc.Core.Common;
using Cchc.Core.Plans;
using Cchc.Web.Data;
using Cchc.Web.Features.Account;
using Cchc.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Features.Plans;

/// <summary>Loads plans and tasks for changing them: visible first (else 404), then editable (else 403).</summary>
internal static class PlanLoad
{
    public static async Task<Plan> EditableAsync(CchcDb db, int id, CurrentUser user, CancellationToken ct)
    {
        var plan = await db.Plans.VisibleTo(user, db.Units).Include(p => p.Sections).Include(p => p.Targets)
            .SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new PlanNotFound();
        if (!PlanAccess.IsEditor(user) || !await db.Plans.EditableBy(user, db.Units).AnyAsync(p => p.Id == id, ct))
            throw new PlanForbidden("Chỉ lãnh đạo, chuyên viên hoặc quản trị của đơn vị ban hành kế hoạch mới được sửa kế hoạch.");
        return plan;
    }

    /// <summary>EF then checks the version the user read, not the one just loaded: a stale edit updates no row (409).</summary>
    public static void ExpectVersion<T>(CchcDb db, T entity, int? version) where T : class, IVersioned
    {
        if (version is { } v) db.Entry(entity).Property(e => e.Version).OriginalValue = v;
    }

    public static int DefaultYear(Plan plan) => plan.PeriodFrom;
}

public sealed class CreatePlan(CchcDb db)
{
    public async Task<Plan> HandleAsync(PlanInput input, CurrentUser user, CancellationToken ct)
    {
        if (!PlanAccess.IsEditor(user)) throw new PlanForbidden("Bạn không có quyền lập kế hoạch.");
        var unitId = input.IssuingUnitId ?? user.UnitId;
        if (!await db.Units.VisibleTo(user).AnyAsync(u => u.Id == unitId, ct))
            throw new RuleViolation("Đơn vị ban hành phải thuộc phạm vi đơn vị của bạn.", nameof(PlanInput.IssuingUnitId));
        var plan = new Plan(unitId, input.Title ?? "", input.PeriodFrom ?? 0, input.PeriodTo ?? input.PeriodFrom ?? 0);
        PlanContent.Apply(plan, input);
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        return plan;
    }
}

/// <summary>Edits a draft's header and content, and moves the plan Draft → Issued → Superseded.</summary>
public sealed class EditPlan(CchcDb db)
{
    public async Task<Plan> HandleAsync(int id, PlanUpdateInput input, CurrentUser user, CancellationToken ct)
    {
        var plan = await PlanLoad.EditableAsync(db, id, user, ct);
        PlanLoad.ExpectVersion(db, plan, input.Version);
        if (input.Plan is { } header)
        {
            plan.Describe(header.Title ?? "", header.PeriodFrom ?? 0, header.PeriodTo ?? header.PeriodFrom ?? 0);
            PlanContent.Apply(plan, header);
        }
        switch ((input.Status ?? "").Trim())
        {
            case "":
                break;
            case nameof(PlanStatus.Issued) when plan.Status == PlanStatus.Issued:
                break;
            case nameof(PlanStatus.Issued):
                if (input.IssuedOn is not { } on) throw new RuleViolation("Vui lòng nhập ngày ban hành.", nameof(PlanUpdateInput.IssuedOn));
                plan.Issue(input.Number ?? "", on);
                break;
            case nameof(PlanStatus.Superseded):
                plan.Supersede();
                break;
            case nameof(PlanStatus.Draft) when plan.Status == PlanStatus.Draft:
                break;
            default:
                throw new RuleViolation("Trạng thái phải là Issued (ban hành) hoặc Superseded (bị thay thế); kế hoạch không quay lại dự thảo.", nameof(PlanUpdateInput.Status));
        }
        // The plan row changes even when only a child did, so that its version guards the whole plan.
        db.Entry(plan).State = db.Entry(plan).State == EntityState.Unchanged ? EntityState.Modified : db.Entry(plan).State;
        await db.SaveChangesAsync(ct);
        return plan;
    }
}

internal static class PlanContent
{
    public static void Apply(Plan plan, PlanInput input)
    {
        plan.SetBases(input.Bases ?? []);
        plan.SetPurpose(input.Purpose, input.Requirements);
        plan.SetChildPlanDue(input.ChildPlanDue);
        var areas = (input.Areas ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).Distinct().ToList();
        var unknown = areas.FirstOrDefault(a => !ReformAreaNames.IsKnown(a));
        if (unknown is not null) throw new RuleViolation($"Lĩnh vực cải cách \"{unknown}\" không hợp lệ.", nameof(PlanInput.Areas));
        var wanted = ReformAreaNames.Codes.Where(areas.Contains).ToList();
        if (wanted.SequenceEqual(plan.Sections.Select(s => s.Area ?? ""))) return;
        foreach (var s in plan.Sections.ToList()) plan.RemoveSection(s);
        for (var i = 0; i < wanted.Count; i++)
            plan.AddSection($"II.{i + 1}", ReformAreaNames.NameOf(wanted[i])!, wanted[i]);
    }
}

/// <summary>Adds or replaces a target line: one target, or a trajectory of yearly values sharing a line key.</summary>
public sealed partial class SaveTargetLine(CchcDb db)
{
    public async Task<IReadOnlyList<Target>> HandleAsync(int planId, int? targetId, TargetLineInput input, CurrentUser user, CancellationToken ct)
    {
        var plan = await PlanLoad.EditableAsync(db, planId, user, ct);
        var values = ParseValues(input.Values, input.Year);
        var comparator = Comparators.Parse(input.Comparator ?? "");
        var change = Enum.TryParse<TargetChange>(input.Change, true, out var c) && Enum.IsDefined(c) ? c : TargetChange.None;
        var code = string.IsNullOrWhiteSpace(input.IndicatorCode) ? null : input.IndicatorCode.Trim();
        if (code is not null && !Core.Indicators.IndicatorCatalogue.IsKnown(code))
            throw new RuleViolation("Chỉ số không có trong danh mục.", nameof(TargetLineInput.IndicatorCode));

        var lineKey = "";
        if (targetId is { } tid)
        {
            var existing = plan.Targets.SingleOrDefault(t => t.Id == tid) ?? throw new PlanNotFound();
            lineKey = existing.LineKey;
            var old = lineKey.Length == 0 ? [existing] : plan.Targets.Where(t => t.LineKey == lineKey).ToList();
            foreach (var t in old) plan.RemoveTarget(t);
        }
        if (values.Count > 1 && lineKey.Length == 0) lineKey = "L" + Guid.NewGuid().ToString("N")[..12];
        if (values.Count == 1) lineKey = "";

        var added = new List<Target>();
        foreach (var (year, value) in values)
        {
            var target = new Target(code, input.CustomName, comparator, value, input.Unit ?? "", year);
            target.Describe(input.Text, null);
            target.JoinLine(lineKey);
            target.SetRange(input.ValueTo);
            target.SetGroupMinimum(input.GroupMinimum);
            target.SetChange(change, input.BaseYear);
            plan.AddTarget(target);
            added.Add(target);
        }
        db.Entry(plan).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);
        return added;
    }

    /// <summary>"95" (with the year field) or "2023: 30; 2025: 50" (one year and value per item).</summary>
    public static IReadOnlyList<(int? Year, double Value)> ParseValues(string? text, int? year)
    {
        text = (text ?? "").Trim();
        if (text.Length == 0) throw new RuleViolation("Vui lòng nhập giá trị chỉ tiêu.", nameof(TargetLineInput.Values));
        if (!text.Contains(':'))
            return [(year, Number(text))];
        var list = new List<(int?, double)>();
        foreach (var item in text.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var m = YearValue().Match(item);
            if (!m.Success) throw new RuleViolation($"Không đọc được \"{item}\": ghi theo dạng năm: giá trị, ví dụ 2023: 30; 2025: 50.", nameof(TargetLineInput.Values));
            list.Add((int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Number(m.Groups[2].Value)));
        }
        if (list.Select(x => x.Item1).Distinct().Count() != list.Count)
            throw new RuleViolation("Mỗi năm chỉ ghi một giá trị trong lộ trình.", nameof(TargetLineInput.Values));
        return list.OrderBy(x => x.Item1).ToList();
    }

    private static double Number(string text) =>
        double.TryParse(text.Trim().TrimEnd('%').Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v : throw new RuleViolation($"\"{text}\" không phải là số.", nameof(TargetLineInput.Values));

    [GeneratedRegex(@"^(\d{4})\s*:\s*(.+)$")]
    private static partial Regex YearValue();
}

/// <summary>Removes a target line (draft only).</summary>
public sealed class RemoveTargetLine(CchcDb db)
{
    public async Task HandleAsync(int planId, int targetId, CurrentUser user, CancellationToken ct)
    {
        var plan = await PlanLoad.EditableAsync(db, planId, user, ct);
        var target = plan.Targets.SingleOrDefault(t => t.Id == targetId) ?? throw new PlanNotFound();
        foreach (var t in target.LineKey.Length == 0 ? [target] : plan.Targets.Where(t => t.LineKey == target.LineKey).ToList())
            plan.RemoveTarget(t);
        db.Entry(plan).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Records the figure a target reached, with its evidence (note, optionally a file), until the engine computes it.</summary>
public sealed class EnterTargetFigure(CchcDb db, TimeProvider clock, Files.FileStore files)
{
    public async Task HandleAsync(int planId, int targetId, TargetFigureInput input, IFormFile? evidence, CurrentUser user, CancellationToken ct)
    {
        var plan = await PlanLoad.EditableAsync(db, planId, user, ct);
        var target = plan.Targets.SingleOrDefault(t => t.Id == targetId) ?? throw new PlanNotFound();
        if (evidence is not null && evidence.Length > 0)
        {
            // The file is checked first: a refused file leaves the figure unchanged too.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            target.Enter(input.Value ?? double.NaN, input.EvidenceNote ?? "", VnTime.Today(clock));
            await db.SaveChangesAsync(ct);
            await files.AttachAsync(evidence, Files.FileOwners.Target, target.Id, Files.FilePurposes.Evidence, user, ct);
            await tx.CommitAsync(ct);
            return;
        }
        target.Enter(input.Value ?? double.NaN, input.EvidenceNote ?? "", VnTime.Today(clock));
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Adds a task to a plan or edits one (the plan's editors).</summary>
public sealed class SaveTask(CchcDb db)
{
    public async Task<PlanTask> HandleAsync(int planId, int? taskId, TaskInput input, CurrentUser user, CancellationToken ct)
    {
        var plan = await PlanLoad.EditableAsync(db, planId, user, ct);
        var deadlines = ResolveDeadlines(input.Deadlines, PlanLoad.DefaultYear(plan));
        var unitIds = (input.PartnerUnitIds ?? []).Append(input.LeadUnitId ?? 0).Where(i => i != 0).Distinct().ToList();
        var known = await db.Units.Where(u => unitIds.Contains(u.Id)).CountAsync(ct);
        if (known != unitIds.Count) throw new RuleViolation("Đơn vị chủ trì hoặc phối hợp không tồn tại.", nameof(TaskInput.LeadUnitId));

        PlanTask task;
        if (taskId is { } id)
        {
            task = await db.PlanTasks.SingleOrDefaultAsync(t => t.Id == id && t.PlanId == planId, ct) ?? throw new PlanNotFound();
            PlanLoad.ExpectVersion(db, task, input.Version);
            task.Edit(input.Number ?? "", input.Content ?? "", input.Area, input.ProductType, input.Requirement);
            task.SetDeadlines(deadlines);
        }
        else
        {
            task = new PlanTask(input.Number ?? "", input.Content ?? "", input.Area, deadlines);
            task.Edit(input.Number ?? "", input.Content ?? "", input.Area, input.ProductType, input.Requirement);
            plan.AddTask(task);
        }
        task.Assign(input.LeadUnitId, input.PartnerUnitIds ?? [], input.LeadText, input.PartnersText);
        await db.SaveChangesAsync(ct);
        return task;
    }

    /// <summary>Each line read by DeadlineParser; a line fixing no date is kept as words ("Theo yêu cầu của Sở Nội vụ").</summary>
    public static IReadOnlyList<Deadline> ResolveDeadlines(string? text, int? defaultYear) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(line => DeadlineParser.Parse(line, defaultYear)).ToList();
}

/// <summary>The lead unit reports progress, completes (with the product delivered) or reopens a task.</summary>
public sealed class ReportTaskProgress(CchcDb db, TimeProvider clock)
{
    public async Task<PlanTask> HandleAsync(int taskId, TaskProgressInput input, CurrentUser user, CancellationToken ct)
    {
        var task = await db.PlanTasks.VisibleTo(user, db.Plans, db.Units).SingleOrDefaultAsync(t => t.Id == taskId, ct) ?? throw new PlanNotFound();
        var leadPath = task.LeadUnitId is { } lead ? await db.Units.Where(u => u.Id == lead).Select(u => u.Path).SingleAsync(ct) : null;
        if (!PlanAccess.CanReport(user, leadPath))
            throw new PlanForbidden("Chỉ đơn vị chủ trì nhiệm vụ mới được cập nhật tiến độ.");
        var planStatus = await db.Plans.Where(p => p.Id == task.PlanId).Select(p => p.Status).SingleAsync(ct);
        if (planStatus == PlanStatus.Superseded) throw new RuleViolation("Kế hoạch đã bị thay thế, không cập nhật tiến độ nhiệm vụ.", nameof(TaskProgressInput.Status));
        PlanLoad.ExpectVersion(db, task, input.Version);
        var today = VnTime.Today(clock);
        switch ((input.Status ?? "").Trim())
        {
            case nameof(PlanTaskStatus.Done):
                if (input.CompletedOn is { } d && d > today) throw new RuleViolation("Ngày hoàn thành không được sau hôm nay.", nameof(TaskProgressInput.CompletedOn));
                if (task.Status == PlanTaskStatus.Done) task.Reopen();
                task.Complete(input.CompletedOn ?? today, input.ProductNumber, input.ProductDate);
                break;
            case nameof(PlanTaskStatus.InProgress):
            case nameof(PlanTaskStatus.NotStarted):
                if (task.Status == PlanTaskStatus.Done) task.Reopen();
                var notStarted = input.Status!.Trim() == nameof(PlanTaskStatus.NotStarted);
                var progress = notStarted ? 0 : input.Progress ?? Math.Max(task.Progress, 1);
                if (!notStarted && progress == 0) throw new RuleViolation("Nhiệm vụ đang thực hiện cần tiến độ lớn hơn 0%.", nameof(TaskProgressInput.Progress));
                task.ReportProgress(progress);
                break;
            default:
                throw new RuleViolation("Trạng thái phải là NotStarted (chưa thực hiện), InProgress (đang thực hiện) hoặc Done (hoàn thành).", nameof(TaskProgressInput.Status));
        }
        db.Entry(task).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);
        return task;
    }
}

/// <summary>A comment on a task by anyone who may read it.</summary>
public sealed class CommentOnTask(CchcDb db, TimeProvider clock)
{
    public async Task HandleAsync(int taskId, string? text, CurrentUser user, CancellationToken ct)
    {
        if (!await db.PlanTasks.VisibleTo(user, db.Plans, db.Units).AnyAsync(t => t.Id == taskId, ct)) throw new PlanNotFound();
        text = Core.Text.VietnameseText.Nfc(text).Trim();
        if (text.Length is 0 or > 2000) throw new RuleViolation("Ý kiến bắt buộc, tối đa 2000 ký tự.", "Comment");
        db.Add(new TaskComment { TaskId = taskId, AuthorName = user.Name, AtUtc = clock.GetUtcNow().UtcDateTime, Text = text });
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Attaches an evidence or product file to a task (the lead unit).</summary>
public sealed class AttachTaskFile(CchcDb db, Files.FileStore files)
{
    public async Task HandleAsync(int taskId, string purpose, IFormFile? file, CurrentUser user, CancellationToken ct)
    {
        var task = await db.PlanTasks.AsNoTracking().VisibleTo(user, db.Plans, db.Units).SingleOrDefaultAsync(t => t.Id == taskId, ct) ?? throw new PlanNotFound();
        var leadPath = task.LeadUnitId is { } lead ? await db.Units.Where(u => u.Id == lead).Select(u => u.Path).SingleAsync(ct) : null;
        if (!PlanAccess.CanReport(user, leadPath)) throw new PlanForbidden("Chỉ đơn vị chủ trì nhiệm vụ mới được tải tệp lên.");
        await files.AttachAsync(file, Files.FileOwners.Task, taskId, purpose == Files.FilePurposes.Product ? Files.FilePurposes.Product : Files.FilePurposes.Evidence, user, ct);
    }
}
