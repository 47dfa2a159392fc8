using System.ComponentModel.DataAnnotations;
using Cchc.Core.Common;
using Cchc.Core.Dossiers;
using Cchc.Web.Data;
using Cchc.Web.Features.Account;
using Cchc.Web.Features.Procedures;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Features.Dossiers;

/// <summary>The applicant as a province system sends it.</summary>
public sealed record PushApplicant(
    [property: Required(ErrorMessage = "Vui lòng gửi họ tên người nộp (applicant.name).")] string? Name,
    string? Phone = null, string? Email = null, string? Address = null);

/// <summary>One status change on the province system: its own id (idempotency), when, the national status code (1–10).</summary>
public sealed record PushEvent(
    [property: Required(ErrorMessage = "Mỗi sự kiện cần mã (id) của hệ thống gửi.")]
    [property: StringLength(DossierEvent.ExternalIdMaxLength, ErrorMessage = "Mã sự kiện tối đa 100 ký tự.")] string? Id,
    [property: Required(ErrorMessage = "Mỗi sự kiện cần thời điểm (at).")] DateTime? At,
    [property: Required(ErrorMessage = "Mỗi sự kiện cần trạng thái (status, mã 1–10 của Cổng DVCQG).")] int? Status,
    string? Note = null);

/// <summary>Body of PUT /api/v1/dossiers/{code} (docs/dossiers.md, "Integration API").</summary>
public sealed record PushInput(
    [property: Required(ErrorMessage = "Vui lòng gửi mã thủ tục (procedureCode).")] string? ProcedureCode,
    [property: Required(ErrorMessage = "Vui lòng gửi người nộp (applicant).")] PushApplicant? Applicant,
    [property: Required(ErrorMessage = "Vui lòng gửi kênh nộp (channel: 1 trực tiếp, 2 trực tuyến, 3 bưu chính).")]
    [property: Range(1, 3, ErrorMessage = "Kênh nộp phải là 1 (trực tiếp), 2 (trực tuyến) hoặc 3 (bưu chính).")] int? Channel,
    [property: Required(ErrorMessage = "Vui lòng gửi thời điểm nộp (submittedAt).")] DateTime? SubmittedAt,
    string? ReceivingUnitCode = null,
    bool PaidOnline = false,
    bool ResultDigitised = false,
    int? ReturnMethod = null,
    IReadOnlyList<PushEvent>? Events = null);

/// <summary>What a push did: created or not, events stored now, events already known.</summary>
public sealed record PushOutcome(bool Created, int Added, int AlreadyKnown, string Code);

/// <summary>A pushed event the workflow refuses: which one and why (409).</summary>
public sealed class PushRejected(int index, string eventId, string message) : Exception(message)
{
    public int Index { get; } = index;
    public string EventId { get; } = eventId;
}

/// <summary>
/// Point 7: a province one-stop system pushes a dossier and its status events. Semantics (docs/dossiers.md):
/// events already stored (same external id) are ignored; the stored and new events are merged by time and the
/// whole timeline is replayed through the workflow; if any step is forbidden nothing is stored (409 naming the
/// event), else the dossier takes the replayed state at once.
/// </summary>
public sealed class DossierSync(CchcDb db, DossierService dossiers)
{
    public async Task<PushOutcome?> PushAsync(CurrentUser user, string code, PushInput input, CancellationToken ct)
    {
        if (!DossierCodeFormat.TryParse(code, false, out _) && !DossierCodeFormat.TryParse(code, true, out _))
            throw new RuleViolation("Mã hồ sơ không đúng định dạng {mã cơ quan}-{YYMMDD}-{số thứ tự} (Nghị định 61/2018, Thông tư 01/2018).", "code");
        var existing = await db.Dossiers().Include(d => d.Supplements).Include(d => d.Steps).Include(d => d.Events)
            .AsSplitQuery().FirstOrDefaultAsync(d => d.Code == code, ct);
        if (existing is not null && !await dossiers.Visible(user).AnyAsync(d => d.Id == existing.Id, ct)) return null;
        if (existing is { FromIntegrationSystem: false })
            throw new RuleViolation("Hồ sơ này được tiếp nhận trên hệ thống CCHC, không cập nhật qua API tích hợp.", "code");

        var unitCode = string.IsNullOrWhiteSpace(input.ReceivingUnitCode) ? null : input.ReceivingUnitCode.Trim();
        var unit = unitCode is null
            ? await db.Units.AsNoTracking().SingleAsync(u => u.Id == user.UnitId, ct)
            : await db.Units.AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(u => u.Code == unitCode, ct)
              ?? throw new RuleViolation($"Đơn vị tiếp nhận «{unitCode}» không tồn tại hoặc nằm ngoài phạm vi của khóa API.", "receivingUnitCode");
        var procedureCode = (input.ProcedureCode ?? "").Trim();
        var procedure = await db.Procedures().AsNoTracking().FirstOrDefaultAsync(p => p.Code == procedureCode, ct)
            ?? throw new RuleViolation($"Thủ tục hành chính mã «{procedureCode}» không có trong danh mục.", "procedureCode");
        var clock = await dossiers.ClockAsync(ct);

        var pushed = input.Events ?? [];
        var duplicateIds = pushed.GroupBy(e => e.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicateIds.Count > 0) throw new RuleViolation($"Mã sự kiện bị lặp trong cùng yêu cầu: {string.Join(", ", duplicateIds)}.", "events");
        var known = existing?.Events.Where(e => e.ExternalId is not null).Select(e => e.ExternalId!).ToHashSet(StringComparer.Ordinal) ?? [];
        var fresh = pushed.Select((e, i) => (Event: e, Index: i)).Where(x => !known.Contains(x.Event.Id!)).ToList();

        // The merged timeline: stored events first at equal times (they were accepted before), then the body's order.
        var merged = (existing?.Events.Where(e => e.ExternalId is not null)
                .Select(e => (At: e.AtUtc, Status: e.ToStatus ?? DossierStatus.Submitted, e.Note, Id: e.ExternalId!, Index: -1, Order: 0))
            ?? [])
            .Concat(fresh.Select(x => (At: Utc(x.Event.At!.Value), Status: (DossierStatus)x.Event.Status!.Value, x.Event.Note, Id: x.Event.Id!, x.Index, Order: 1)))
            .OrderBy(x => x.At).ThenBy(x => x.Order).ThenBy(x => x.Index)
            .ToList();

        var submittedAt = Utc(input.SubmittedAt!.Value);
        var applicant = new Applicant(input.Applicant!.Name ?? "", input.Applicant.Phone, input.Applicant.Email, input.Applicant.Address);
        var replay = Dossier.FromIntegration(code, procedure, unit.Id, applicant, (SubmissionChannel)input.Channel!.Value, submittedAt, clock);
        foreach (var e in merged)
        {
            var actor = new DossierActor(user.Name, null, DossierEventSource.Integration, e.Id);
            try
            {
                if (!Enum.IsDefined(e.Status)) throw new RuleViolation($"Trạng thái {(int)e.Status} không thuộc bảng mã 1–10 của Cổng DVCQG.");
                if (e.At < submittedAt) throw new RuleViolation("Sự kiện không thể trước thời điểm nộp hồ sơ.");
                replay.ApplyPushedStatus(e.Status, e.At, actor, e.Note, clock);
            }
            catch (RuleViolation rule)
            {
                throw new PushRejected(e.Index, e.Id, rule.Message);
            }
        }
        replay.SetPushedFacts(input.PaidOnline, input.ResultDigitised, input.ReturnMethod is { } m ? (ReturnMethod)m : null);

        if (existing is null)
        {
            db.Dossiers().Add(replay);
        }
        else
        {
            if (fresh.Count == 0) return new PushOutcome(false, 0, pushed.Count, code);
            existing.AdoptStateOf(replay);
            // Two pushes of the same dossier at once: the second fails the version check instead of interleaving.
            if (db.Entry(existing).State == EntityState.Unchanged) db.Entry(existing).State = EntityState.Modified;
        }
        await db.SaveChangesAsync(ct);
        return new PushOutcome(existing is null, fresh.Count, pushed.Count - fresh.Count, code);
    }

    private static DateTime Utc(DateTime t) => t.Kind switch
    {
        DateTimeKind.Utc => t,
        DateTimeKind.Local => t.ToUniversalTime(),
        // A time without offset is read as Vietnam time (UTC+7), as the province systems write it.
        _ => Cchc.Core.Calendar.VietnamTime.ToUtc(t),
    };
}
