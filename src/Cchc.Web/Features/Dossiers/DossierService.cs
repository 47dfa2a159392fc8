using System.ComponentModel.DataAnnotations;
using Cchc.Core.Access;
using Cchc.Core.Calendar;
using Cchc.Core.Common;
using Cchc.Core.Dossiers;
using Cchc.Core.Organisation;
using Cchc.Core.Procedures;
using Cchc.Web.Data;
using Cchc.Web.Features.Account;
using Cchc.Web.Features.Calendar;
using Cchc.Web.Features.Procedures;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Features.Dossiers;

/// <summary>The desk's intake form and the body of nothing else: a dossier received at the desk or by post.</summary>
public sealed class IntakeInput
{
    [Required(ErrorMessage = "Vui lòng chọn thủ tục hành chính.")]
    [StringLength(Procedure.CodeMaxLength, ErrorMessage = "Mã thủ tục tối đa 30 ký tự.")]
    public string? ProcedureCode { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập họ tên người nộp hồ sơ.")]
    [StringLength(Applicant.NameMaxLength, ErrorMessage = "Họ tên người nộp tối đa 200 ký tự.")]
    public string? ApplicantName { get; set; }

    [StringLength(Applicant.PhoneMaxLength, ErrorMessage = "Số điện thoại tối đa 20 ký tự.")]
    public string? ApplicantPhone { get; set; }

    [EmailAddress(ErrorMessage = "Địa chỉ thư điện tử không hợp lệ.")]
    [StringLength(Applicant.EmailMaxLength, ErrorMessage = "Thư điện tử tối đa 200 ký tự.")]
    public string? ApplicantEmail { get; set; }

    [StringLength(Applicant.AddressMaxLength, ErrorMessage = "Địa chỉ tối đa 500 ký tự.")]
    public string? ApplicantAddress { get; set; }

    /// <summary>1 = trực tiếp, 3 = bưu chính (online dossiers come from the portal).</summary>
    [Range(1, 3, ErrorMessage = "Kênh nộp phải là trực tiếp (1) hoặc bưu chính (3).")]
    public int Channel { get; set; } = (int)SubmissionChannel.Desk;

    [StringLength(Dossier.ReasonMaxLength, ErrorMessage = "Danh mục giấy tờ tối đa 2000 ký tự.")]
    public string? Papers { get; set; }

    /// <summary>The applicant had to hand in again papers the state already held (indicator "tái sử dụng dữ liệu").</summary>
    public bool ResuppliedHeldData { get; set; }

    public Applicant Applicant => new(ApplicantName ?? "", ApplicantPhone, ApplicantEmail, ApplicantAddress);
}

/// <summary>
/// A workflow action on one dossier, with what some actions need; <see cref="Version"/> is the one read.
/// <see cref="ResultFile"/>: the result document issued with a resolution (kết quả điện tử), stored through FileStore.
/// </summary>
public sealed record ActInput(
    DossierAction Action,
    int Version,
    string? Note = null,
    bool ResultElectronic = false,
    bool ResultDigitised = false,
    ReturnMethod? ReturnMethod = null,
    bool PaidOnline = false,
    ResultUpload? ResultFile = null);

/// <summary>An uploaded result document: its name as sent and its bytes.</summary>
public sealed record ResultUpload(string? Name, byte[] Content);

/// <summary>Both readings of a dossier's time now, and whether an apology is owed (docs/dossiers.md, "Classification").</summary>
public sealed record DossierClassification(
    Timeliness? Legal,
    LiveState? Live,
    int DaysLeft,
    int DaysOverdue,
    Timeliness? Portal,
    int SupplementRequests,
    bool NeedsApology)
{
    public static DossierClassification None { get; } = new(null, null, 0, 0, null, 0, false);

    /// <summary>Vietnamese wording: "Trước hạn" / "Đúng hạn" / "Quá hạn" when finished, else the live state.</summary>
    public string Text => Legal switch
    {
        Timeliness.Early => "Trước hạn",
        Timeliness.OnTime => "Đúng hạn",
        Timeliness.Late => "Quá hạn",
        _ => Live switch
        {
            LiveState.Overdue => $"Quá hạn {DaysOverdue} ngày làm việc",
            LiveState.DueSoon => DaysLeft == 0 ? "Đến hạn hôm nay" : "Sắp đến hạn (còn 1 ngày làm việc)",
            LiveState.InTime => $"Còn {DaysLeft} ngày làm việc",
            LiveState.AwaitingApplicant => "Chờ công dân bổ sung",
            _ => "Chưa tiếp nhận",
        },
    };

    public static string Name(Timeliness? t) => t switch
    {
        Timeliness.Early => "Trước hạn",
        Timeliness.OnTime => "Đúng hạn",
        Timeliness.Late => "Quá hạn",
        _ => "—",
    };
}

public sealed record DossierRow(Dossier Dossier, string ProcedureCode, string ProcedureName, string UnitName, DossierClassification State);

public sealed record DossierDetail(Dossier Dossier, Procedure Procedure, Unit Unit, IReadOnlyDictionary<int, string> UnitNames, DossierClassification State, DossierRuleSet Rules);

/// <summary>Filters of the list page and GET /api/v1/dossiers. <see cref="Live"/>: overdue, due-soon, in-time.</summary>
public sealed record DossierFilter(
    DateOnly? From = null, DateOnly? To = null, DossierStatus? Status = null, string? UnitCode = null, string? Live = null,
    SubmissionChannel? Channel = null, string? ProcedureCode = null, int Page = 1, int PageSize = 50);

public sealed record DossierPage(int Total, int Page, int PageSize, IReadOnlyList<DossierRow> Items, IReadOnlyDictionary<DossierStatus, int> CountsByStatus);

/// <summary>
/// The dossier use cases (docs/dossiers.md): each loads, applies the Core rule, writes the timeline and
/// saves once, so a broken rule or a stale version leaves nothing changed.
/// </summary>
public sealed class DossierService(CchcDb db, CalendarProvider calendars, TimeProvider time, Files.FileStore fileStore)
{
    public const string NotFoundMessage = "Không tìm thấy hồ sơ (hoặc hồ sơ nằm ngoài phạm vi đơn vị của bạn).";

    /// <summary>Receive and return at the desk.</summary>
    public static readonly DossierAction[] DeskActions =
    [
        DossierAction.Receive, DossierAction.Refuse, DossierAction.StartProcessing, DossierAction.CompleteSupplement,
        DossierAction.CompletePayment, DossierAction.RequestWithdrawal, DossierAction.ConfirmWithdrawal, DossierAction.Deliver,
    ];

    /// <summary>Appraise and decide: specialists and leaders of a unit holding the dossier.</summary>
    public static readonly DossierAction[] ProcessingActions =
    [
        DossierAction.RequestSupplement, DossierAction.RequestPayment, DossierAction.Stop, DossierAction.Resolve,
    ];

    public static bool MayAct(CurrentUser user, DossierAction action) =>
        user.IsSystemAdmin || user.IsInRole(Roles.UnitAdmin)
        || (user.IsInRole(Roles.OneStopOfficer) && DeskActions.Contains(action))
        || ((user.IsInRole(Roles.Specialist) || user.IsInRole(Roles.Leader)) && ProcessingActions.Contains(action));

    public static bool MayReceive(CurrentUser user) =>
        user.IsSystemAdmin || user.IsInRole(Roles.UnitAdmin) || user.IsInRole(Roles.OneStopOfficer);

    /// <summary>Hand-off and apology letters: the processing side.</summary>
    public static bool MayProcess(CurrentUser user) =>
        user.IsSystemAdmin || user.IsInRole(Roles.UnitAdmin) || user.IsInRole(Roles.Specialist) || user.IsInRole(Roles.Leader);

    public async Task<DossierClock> ClockAsync(CancellationToken ct) => new(await calendars.GetAsync(ct));

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>The agency part of the code (NĐ 61 art. 26): the unit's code in capitals, dots between groups.</summary>
    public static string AgencyCode(Unit unit)
    {
        var groups = unit.Code.ToUpperInvariant().Split('.', StringSplitOptions.RemoveEmptyEntries)
            .Select(g => new string([.. g.Where(c => c is >= 'A' and <= 'Z' or >= '0' and <= '9')]))
            .Where(g => g.Length > 0);
        var code = string.Join('.', groups);
        return code.Length > 0 ? code : $"DV{unit.Id}";
    }

    // ── intake ────────────────────────────────────────────────────────────────────────────────────────

    /// <summary>Receives a dossier at the desk (or by post) for the caller's own unit: code, due date, timeline.</summary>
    public async Task<Dossier> ReceiveAsync(CurrentUser user, IntakeInput input, CancellationToken ct)
    {
        if (!MayReceive(user)) throw new RuleViolation("Chỉ cán bộ một cửa hoặc quản trị đơn vị tiếp nhận hồ sơ.");
        if (input.Channel == (int)SubmissionChannel.Online)
            throw new RuleViolation("Hồ sơ trực tuyến do người dân nộp trên cổng dịch vụ công, không tiếp nhận tại quầy.", nameof(IntakeInput.Channel));
        var procedure = await ProcedureAsync(input.ProcedureCode, ct);
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == user.UnitId, ct);
        var clock = await ClockAsync(ct);
        var actor = Actor(user, DossierEventSource.Desk);
        return await InsertWithSequenceAsync(unit, seq =>
        {
            var d = Dossier.Receive(AgencyCode(unit), seq, procedure, unit.Id, input.Applicant.Checked(), (SubmissionChannel)input.Channel,
                Now, input.Papers, actor, clock);
            d.SetServiceFacts(paidOnline: false, input.ResuppliedHeldData, transferredElectronically: false);
            return d;
        }, ct);
    }

    public const int MaxSubmissionFiles = 5;

    /// <summary>
    /// Point 6: a citizen submits online (status 1) a published procedure offered online; the dossier goes to the
    /// procedure's owning unit, whose desk receives or refuses it. The files are checked (type by extension and
    /// first bytes, size) before anything is stored, and dossier and files are saved in one transaction.
    /// </summary>
    public async Task<Dossier> SubmitOnlineAsync(IntakeInput input, IReadOnlyList<(string Name, byte[] Content)> files, CancellationToken ct)
    {
        var code = (input.ProcedureCode ?? "").Trim();
        var procedure = await db.Procedures().AsNoTracking().FirstOrDefaultAsync(p => p.Code == code && p.Published && !p.Internal, ct)
            ?? throw new RuleViolation($"Thủ tục hành chính mã «{code}» không có trong danh mục công khai.", nameof(IntakeInput.ProcedureCode));
        if (procedure.OnlineLevel is OnlineLevel.None or OnlineLevel.LegacyLevel2)
            throw new RuleViolation("Thủ tục này chưa cung cấp dịch vụ công trực tuyến; vui lòng nộp trực tiếp hoặc qua bưu chính.", nameof(IntakeInput.ProcedureCode));
        if (Applicant.PhoneTail(input.ApplicantPhone) is null)
            throw new RuleViolation("Vui lòng nhập số điện thoại (dùng để tra cứu hồ sơ).", nameof(IntakeInput.ApplicantPhone));
        if (files.Count == 0) throw new RuleViolation("Vui lòng đính kèm thành phần hồ sơ.", "files");
        if (files.Count > MaxSubmissionFiles) throw new RuleViolation($"Tối đa {MaxSubmissionFiles} tệp cho một hồ sơ.", "files");
        if (files.Sum(f => (long)f.Content.Length) > Files.FileRules.MaxBytes)
            throw new RuleViolation($"Tổng dung lượng các tệp tối đa {Files.FileRules.MaxBytes / 1024 / 1024} MB.", "files");
        foreach (var (name, content) in files)
            if (Files.FileRules.Check(name, content).Error is { } error) throw new RuleViolation($"Tệp «{name}»: {error}", "files");

        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == procedure.OwningUnitId, ct);
        var clock = await ClockAsync(ct);
        var citizen = new CurrentUser(0, "Công dân (nộp trực tuyến)", unit.Id, unit.Path, new HashSet<string>());
        var actor = new DossierActor(input.ApplicantName?.Trim() is { Length: > 0 } n ? n : citizen.Name, null, DossierEventSource.Online);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var dossier = await InsertWithSequenceAsync(unit, seq =>
            Dossier.SubmitOnline(AgencyCode(unit), seq, procedure, unit.Id, input.Applicant.Checked(), Now,
                string.Join('\n', files.Select(f => Files.FileRules.CleanName(f.Name))), actor, clock), ct);
        foreach (var (name, content) in files)
            await fileStore.AttachAsync(name, content, Files.FileOwners.Dossier, dossier.Id, Files.FilePurposes.Submission, citizen, ct);
        await tx.CommitAsync(ct);
        return dossier;
    }

    /// <summary>
    /// The code's sequence of the day is the unit's highest one plus one; two desks saving at once collide on
    /// the unique code and the loser takes the next number (NĐ 61 art. 26: the sequence restarts each day).
    /// </summary>
    private async Task<Dossier> InsertWithSequenceAsync(Unit unit, Func<int, Dossier> make, CancellationToken ct)
    {
        var day = VietnamTime.LocalDate(Now);
        for (int attempt = 0; ; attempt++)
        {
            var last = await db.Dossiers().Where(d => d.ReceivingUnitId == unit.Id && d.CodeDate == day)
                .MaxAsync(d => (int?)d.Sequence, ct) ?? 0;
            var dossier = make(last + 1);
            db.Dossiers().Add(dossier);
            try
            {
                await db.SaveChangesAsync(ct);
                return dossier;
            }
            catch (DbUpdateException) when (attempt < 4)
            {
                db.Entry(dossier).State = EntityState.Detached;
                foreach (var child in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList()) child.State = EntityState.Detached;
                if (!await db.Dossiers().AnyAsync(d => d.Code == dossier.Code, ct)) throw;
            }
        }
    }

    private async Task<Procedure> ProcedureAsync(string? code, CancellationToken ct)
    {
        var c = (code ?? "").Trim();
        return await db.Procedures().AsNoTracking().FirstOrDefaultAsync(p => p.Code == c, ct)
            ?? throw new RuleViolation($"Thủ tục hành chính mã «{c}» không có trong danh mục.", nameof(IntakeInput.ProcedureCode));
    }

    // ── actions ───────────────────────────────────────────────────────────────────────────────────────

    /// <summary>Applies a workflow action; null when the dossier is not visible. A stale version throws DbUpdateConcurrencyException.</summary>
    public async Task<Dossier?> ActAsync(CurrentUser user, string code, ActInput input, CancellationToken ct)
    {
        if (!Enum.IsDefined(input.Action)) throw new RuleViolation("Thao tác không hợp lệ.", "action");
        var dossier = await TrackedAsync(user, code, input.Version, ct);
        if (dossier is null) return null;
        if (!MayAct(user, input.Action))
            throw new RuleViolation($"Vai trò của bạn không được thực hiện thao tác «{DossierActions.Name(input.Action)}».", "action");
        var clock = await ClockAsync(ct);
        var actor = Actor(user, DossierEventSource.Desk);
        if (input.ResultFile is not null && input.Action != DossierAction.Resolve)
            throw new RuleViolation("Chỉ đính kèm tệp kết quả khi ghi nhận đã giải quyết xong hồ sơ.", "resultFile");
        await using var tx = input.ResultFile is null ? null : await db.Database.BeginTransactionAsync(ct);
        switch (input.Action)
        {
            case DossierAction.Resolve when input.ResultFile is { } upload:
                // The file and the resolution in one transaction: a refused action (or file) stores neither.
                if (!dossier.AllowedActions().Contains(DossierAction.Resolve))
                    throw new RuleViolation($"Không thể ghi nhận giải quyết xong hồ sơ ở trạng thái «{DossierWorkflow.Name(dossier.Status)}».", "action");
                var file = await fileStore.AttachAsync(upload.Name, upload.Content, Files.FileOwners.Dossier, dossier.Id, Files.FilePurposes.Result, user, ct);
                dossier.Resolve(Now, actor, input.Note, electronic: true, input.ResultDigitised, file.Id);
                break;
            case DossierAction.Resolve:
                dossier.Resolve(Now, actor, input.Note, input.ResultElectronic, input.ResultDigitised);
                break;
            case DossierAction.Deliver:
                dossier.Deliver(input.ReturnMethod ?? ReturnMethod.Desk, Now, actor, input.Note);
                break;
            case DossierAction.CompletePayment:
                dossier.Act(input.Action, Now, actor, input.Note, clock);
                dossier.SetServiceFacts(input.PaidOnline, dossier.ResuppliedHeldData, dossier.TransferredElectronically);
                break;
            default:
                dossier.Act(input.Action, Now, actor, input.Note, clock);
                break;
        }
        await SaveCheckedAsync(dossier, ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return dossier;
    }

    /// <summary>The dossier's attached files (what the citizen submitted, the result), for those who see the dossier.</summary>
    public Task<List<Files.FileAttachment>> FilesAsync(Dossier dossier, CancellationToken ct) =>
        fileStore.ListAsync(Files.FileOwners.Dossier, [dossier.Id], ct);

    /// <summary>Liên thông: hands the dossier to another unit for a share of the working days.</summary>
    public async Task<Dossier?> HandOffAsync(CurrentUser user, string code, string? unitCode, int workingDays, bool electronically, string? note, int version, CancellationToken ct)
    {
        var dossier = await TrackedAsync(user, code, version, ct);
        if (dossier is null) return null;
        if (!MayProcess(user)) throw new RuleViolation("Chỉ chuyên viên, lãnh đạo hoặc quản trị đơn vị chuyển xử lý liên thông.");
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == unitCode && u.ValidTo == null, ct)
            ?? throw new RuleViolation($"Đơn vị «{unitCode}» không tồn tại.", "unitCode");
        dossier.HandOff(unit.Id, workingDays, Now, Actor(user, DossierEventSource.Desk), note);
        dossier.SetServiceFacts(dossier.PaidOnline, dossier.ResuppliedHeldData, electronically || dossier.TransferredElectronically);
        await SaveCheckedAsync(dossier, ct);
        return dossier;
    }

    public async Task<Dossier?> DraftApologyAsync(CurrentUser user, string code, string? reason, DateOnly newDate, int version, CancellationToken ct)
    {
        var dossier = await TrackedAsync(user, code, version, ct);
        if (dossier is null) return null;
        if (!MayProcess(user)) throw new RuleViolation("Chỉ chuyên viên, lãnh đạo hoặc quản trị đơn vị lập văn bản xin lỗi.");
        dossier.DraftApology(reason ?? "", newDate, Now, Actor(user, DossierEventSource.Desk), await ClockAsync(ct));
        await SaveCheckedAsync(dossier, ct);
        return dossier;
    }

    /// <summary>NĐ 61 art. 19.9: the one-stop desk sends the letter and tells the applicant the new date.</summary>
    public async Task<Dossier?> MarkApologySentAsync(CurrentUser user, string code, int version, CancellationToken ct)
    {
        var dossier = await TrackedAsync(user, code, version, ct);
        if (dossier is null) return null;
        if (!MayReceive(user) && !MayProcess(user)) throw new RuleViolation("Vai trò của bạn không gửi được văn bản xin lỗi.");
        dossier.MarkApologySent(Now, Actor(user, DossierEventSource.Desk));
        await SaveCheckedAsync(dossier, ct);
        return dossier;
    }

    /// <summary>
    /// Saves with the version check even when only child rows changed (a hand-off, a timeline line): the dossier
    /// row is always updated, so two desks acting on the same read version cannot both succeed.
    /// </summary>
    private async Task SaveCheckedAsync(Dossier dossier, CancellationToken ct)
    {
        var entry = db.Entry(dossier);
        if (entry.State == EntityState.Unchanged) entry.State = EntityState.Modified;
        await db.SaveChangesAsync(ct);
    }

    private async Task<Dossier?> TrackedAsync(CurrentUser user, string code, int version, CancellationToken ct)
    {
        var dossier = await Visible(user).Include(d => d.Supplements).Include(d => d.Steps).Include(d => d.Events)
            .AsSplitQuery().FirstOrDefaultAsync(d => d.Code == code, ct);
        if (dossier is null) return null;
        if (dossier.FromIntegrationSystem)
            throw new RuleViolation("Hồ sơ do hệ thống một cửa của tỉnh đồng bộ; trạng thái được cập nhật trên hệ thống đó.");
        // The version the user saw: a change made meanwhile makes this save a conflict, never an overwrite.
        db.Entry(dossier).Property(d => d.Version).OriginalValue = version;
        return dossier;
    }

    public static DossierActor Actor(CurrentUser user, DossierEventSource source, string? externalId = null) =>
        new(user.Name, user.IsApiClient ? null : user.Id, source, externalId);

    // ── reading ───────────────────────────────────────────────────────────────────────────────────────

    /// <summary>The code exists but the caller may not see it (answered 404 before reading any body).</summary>
    public async Task<bool> HiddenAsync(CurrentUser user, string code, CancellationToken ct) =>
        await db.Dossiers().AnyAsync(d => d.Code == code, ct) && !await Visible(user).AnyAsync(d => d.Code == code, ct);

    public IQueryable<Dossier> Visible(CurrentUser user) => db.Dossiers().VisibleTo(user, db.Units, db.DossierSteps());

    public async Task<DossierDetail?> GetAsync(CurrentUser user, string code, CancellationToken ct)
    {
        var dossier = await Visible(user).AsNoTracking().Include(d => d.Supplements).Include(d => d.Steps).Include(d => d.Events)
            .AsSplitQuery().FirstOrDefaultAsync(d => d.Code == code, ct);
        return dossier is null ? null : await DetailAsync(dossier, ct);
    }

    private async Task<DossierDetail> DetailAsync(Dossier dossier, CancellationToken ct)
    {
        var procedure = await db.Procedures().AsNoTracking().SingleAsync(p => p.Id == dossier.ProcedureId, ct);
        var unitIds = dossier.Steps.Select(s => s.UnitId).Append(dossier.ReceivingUnitId).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToListAsync(ct);
        var clock = await ClockAsync(ct);
        return new DossierDetail(dossier, procedure, units.Single(u => u.Id == dossier.ReceivingUnitId),
            units.ToDictionary(u => u.Id, u => u.Name), Classify(dossier, clock, Now), clock.RulesAt(dossier.SubmittedAtUtc));
    }

    /// <summary>DossierClock.Evaluate as of now; nothing before receipt.</summary>
    public static DossierClassification Classify(Dossier dossier, DossierClock clock, DateTime nowUtc)
    {
        var timeline = dossier.Evaluate(clock, nowUtc);
        if (timeline is null) return DossierClassification.None;
        return new DossierClassification(timeline.Legal, timeline.Live?.State, timeline.Live?.WorkingDaysLeft ?? 0,
            timeline.Live?.WorkingDaysOverdue ?? 0, timeline.Portal, timeline.SupplementRequestCount,
            Dossier.NeedsApology(timeline, dossier.ApologySentAtUtc));
    }

    /// <summary>One page of visible dossiers, newest first, with the counts per status of the whole filter.</summary>
    public async Task<DossierPage> ListAsync(CurrentUser user, DossierFilter filter, CancellationToken ct)
    {
        var query = Visible(user).AsNoTracking();
        if (filter.From is { } from) { var f = VietnamTime.ToUtc(from, TimeOnly.MinValue); query = query.Where(d => d.SubmittedAtUtc >= f); }
        if (filter.To is { } to) { var t = VietnamTime.ToUtc(to.AddDays(1), TimeOnly.MinValue); query = query.Where(d => d.SubmittedAtUtc < t); }
        if (filter.Channel is { } channel) query = query.Where(d => d.Channel == channel);
        if (!string.IsNullOrWhiteSpace(filter.ProcedureCode))
        {
            var pc = filter.ProcedureCode.Trim();
            query = query.Where(d => db.Procedures().Any(p => p.Id == d.ProcedureId && p.Code == pc));
        }
        if (!string.IsNullOrWhiteSpace(filter.UnitCode))
        {
            var unit = await db.Units.AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(u => u.Code == filter.UnitCode, ct)
                ?? throw new RuleViolation($"Đơn vị «{filter.UnitCode}» không tồn tại hoặc nằm ngoài phạm vi của bạn.", "unit");
            var under = db.Units.Where(u => u.Path.StartsWith(unit.Path));
            query = query.Where(d => under.Any(u => u.Id == d.ReceivingUnitId));
        }
        if (filter.Live is { Length: > 0 } live)
        {
            var now = Now;
            var calendar = await calendars.GetAsync(ct);
            // DossierClock.Live: due soon = at most one working day left.
            var soon = calendar.AddWorkingDays(VietnamTime.LocalDate(now), 1);
            var open = query.Where(d => d.Status == DossierStatus.Received || d.Status == DossierStatus.InProgress
                || d.Status == DossierStatus.AwaitingPayment || d.Status == DossierStatus.WithdrawalRequested);
            query = live switch
            {
                "overdue" => open.Where(d => d.DueAtUtc != null && d.DueAtUtc < now),
                "due-soon" => open.Where(d => d.DueAtUtc != null && d.DueAtUtc >= now && d.DueDate <= soon),
                "in-time" => open.Where(d => d.DueDate != null && d.DueDate > soon),
                _ => throw new RuleViolation("Trạng thái thời hạn phải là overdue, due-soon hoặc in-time.", "live"),
            };
        }
        var counts = (await query.GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => x.Count);
        if (filter.Status is { } status) query = query.Where(d => d.Status == status);
        int total = await query.CountAsync(ct);
        int size = Math.Clamp(filter.PageSize, 1, 200);
        int page = Math.Max(1, filter.Page);
        var dossiers = await query.OrderByDescending(d => d.SubmittedAtUtc).ThenByDescending(d => d.Id)
            .Skip((page - 1) * size).Take(size).Include(d => d.Supplements).ToListAsync(ct);
        var procedureIds = dossiers.Select(d => d.ProcedureId).Distinct().ToList();
        var unitIds = dossiers.Select(d => d.ReceivingUnitId).Distinct().ToList();
        var procedures = await db.Procedures().AsNoTracking().Where(p => procedureIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => (p.Code, p.Name), ct);
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var clock = await ClockAsync(ct);
        var nowUtc = Now;
        return new DossierPage(total, page, size,
            [.. dossiers.Select(d => new DossierRow(d, procedures[d.ProcedureId].Code, procedures[d.ProcedureId].Name, units[d.ReceivingUnitId], Classify(d, clock, nowUtc)))],
            counts);
    }

    public async Task<List<Procedure>> ProcedureOptionsAsync(CancellationToken ct)
    {
        var today = VietnamTime.LocalDate(Now);
        return await db.Procedures().AsNoTracking()
            .Where(p => p.EffectiveFrom <= today && (p.EffectiveTo == null || p.EffectiveTo >= today))
            .OrderBy(p => p.Field).ThenBy(p => p.Name).ToListAsync(ct);
    }

    public async Task<List<Unit>> UnitOptionsAsync(CancellationToken ct) =>
        await db.Units.AsNoTracking().Where(u => u.ValidTo == null).OrderBy(u => u.Path).ToListAsync(ct);
}
