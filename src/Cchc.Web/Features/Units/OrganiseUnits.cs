using Cchc.Core.Access;
using Cchc.Core.Common;
using Cchc.Core.Organisation;
using Cchc.Web.Data;
using Cchc.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Features.Units;

/// <summary>The unit, or a unit it names, does not exist or lies outside the caller's subtree (→ 404).</summary>
public sealed class UnitNotFound(string message) : Exception(message);

/// <summary>The record changed since the caller read it (→ 409 with a conflict message, nothing overwritten).</summary>
public sealed class UnitConflict() : Exception("Đơn vị đã được người khác thay đổi sau khi bạn mở trang. Vui lòng tải lại và thực hiện lại thay đổi.");

public sealed record CreateUnit(string Code, string Name, UnitType Type, string? ParentCode, DateOnly ValidFrom, bool IsDemo = false);

/// <summary>
/// Every change of the organisation tree: each records its dated <see cref="UnitEvent"/>s, checks them against
/// the history (<see cref="UnitHistory.EnsureCanRecord"/>) and keeps the current tree's materialised paths
/// right, all in one transaction. Pages, API, import and demo data call these methods and nothing else.
/// </summary>
public sealed class OrganiseUnits(CchcDb db, TimeProvider clock)
{
    public const string NotFoundMessage = "Không tìm thấy đơn vị hoặc bạn không có quyền với đơn vị này.";

    public static bool CanEdit(CurrentUser user) => user.IsInRole(Roles.SystemAdmin) || user.IsInRole(Roles.UnitAdmin);

    /// <summary>Vietnam's calendar day now (UTC+7, no daylight saving).</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(7));

    public async Task<Unit> CreateAsync(CurrentUser user, CreateUnit input, CancellationToken ct)
    {
        return await InTransactionAsync(async () =>
        {
            var unit = await AddUnitAsync(user, input, await LoadHistoryAsync(ct), ct);
            await db.SaveChangesAsync(ct);
            return unit;
        }, ct);
    }

    /// <summary>Adds a unit and its Created event; the caller saves (import adds many in one go).</summary>
    internal async Task<Unit> AddUnitAsync(CurrentUser user, CreateUnit input, UnitHistory history, CancellationToken ct)
    {
        EnsureNotFuture(input.ValidFrom);
        Unit? parent = null;
        if (!string.IsNullOrWhiteSpace(input.ParentCode))
            parent = await VisibleAsync(user, input.ParentCode.Trim(), ct)
                ?? throw new UnitNotFound("Không tìm thấy đơn vị cấp trên hoặc bạn không có quyền với đơn vị đó.");
        else if (!user.IsSystemAdmin)
            throw new RuleViolation("Chỉ quản trị hệ thống được tạo đơn vị gốc; hãy chọn đơn vị cấp trên.", "ParentCode");
        if (parent is not null && !parent.ExistsOn(input.ValidFrom))
            throw new RuleViolation("Đơn vị cấp trên không tồn tại vào ngày hiệu lực.", "ParentCode");

        var unit = new Unit(input.Code, input.Name, input.Type, input.ValidFrom);
        if (await db.Units.AnyAsync(u => u.Code == unit.Code, ct))
            throw new DuplicateCode(unit.Code);
        if (input.IsDemo) unit.MarkDemo();
        db.Units.Add(unit);
        await db.SaveChangesAsync(ct); // the id is needed for the path and the event
        unit.PlaceUnder(parent);
        var created = UnitEvent.Created(unit.Id, input.ValidFrom, unit.Name, parent?.Id);
        history.EnsureCanRecord(created);
        Record(user, created);
        history.Append(created);
        return unit;
    }

    /// <summary>A correction of code, name or type (a data-entry mistake, not a rename: no history event).</summary>
    public async Task<Unit> CorrectAsync(CurrentUser user, string code, int version, string newCode, string name, UnitType type, CancellationToken ct)
    {
        return await InTransactionAsync(async () =>
        {
            var unit = await EditableAsync(user, code, version, ct);
            var history = await LoadHistoryAsync(ct);
            await EnsureHistoryAsync(user, unit, history, ct);
            newCode = (newCode ?? "").Trim();
            if (!string.Equals(newCode, unit.Code, StringComparison.Ordinal) && await db.Units.AnyAsync(u => u.Code == newCode, ct))
                throw new DuplicateCode(newCode);
            unit.Rename(newCode, name);
            unit.ChangeType(type);
            var lastNamed = await db.UnitEvents.Where(e => e.UnitId == unit.Id && e.Name != null).OrderByDescending(e => e.Id).FirstAsync(ct);
            lastNamed.CorrectName(unit.Name);
            await db.SaveChangesAsync(ct);
            return unit;
        }, ct);
    }

    public async Task<Unit> RenameAsync(CurrentUser user, string code, int? version, string name, DateOnly on, CancellationToken ct)
    {
        return await InTransactionAsync(async () =>
        {
            var unit = await EditableAsync(user, code, version, ct);
            var history = await LoadHistoryAsync(ct);
            await EnsureHistoryAsync(user, unit, history, ct);
            EnsureNotFuture(on);
            var e = UnitEvent.Renamed(unit.Id, on, name);
            history.EnsureCanRecord(e);
            unit.Rename(unit.Code, name);
            Record(user, e);
            await db.SaveChangesAsync(ct);
            return unit;
        }, ct);
    }

    public async Task<Unit> MoveAsync(CurrentUser user, string code, int? version, string parentCode, DateOnly on, CancellationToken ct)
    {
        return await InTransactionAsync(async () =>
        {
            var unit = await EditableAsync(user, code, version, ct);
            var parent = await VisibleAsync(user, parentCode, ct) ?? throw new UnitNotFound("Không tìm thấy đơn vị cấp trên mới hoặc bạn không có quyền với đơn vị đó.");
            if (parent.ValidTo is not null) throw new RuleViolation("Đơn vị cấp trên mới đã giải thể.", "ParentCode");
            var history = await LoadHistoryAsync(ct);
            await EnsureHistoryAsync(user, unit, history, ct);
            await MoveCoreAsync(user, unit, parent, on, history, ct);
            await db.SaveChangesAsync(ct);
            return unit;
        }, ct);
    }

    /// <summary>The unit ends and its children pass to <paramref name="intoCode"/>, which succeeds it.</summary>
    public async Task<Unit> MergeAsync(CurrentUser user, string code, int? version, string intoCode, DateOnly on, CancellationToken ct)
    {
        return await InTransactionAsync(async () =>
        {
            var unit = await EditableAsync(user, code, version, ct, ending: true);
            var into = await VisibleAsync(user, intoCode, ct) ?? throw new UnitNotFound("Không tìm thấy đơn vị tiếp nhận hoặc bạn không có quyền với đơn vị đó.");
            if (UnitPath.IsWithin(into.Path, unit.Path))
                throw new RuleViolation("Đơn vị tiếp nhận không được là chính đơn vị bị sáp nhập hoặc đơn vị cấp dưới của nó.", "SuccessorCodes");
            var history = await LoadHistoryAsync(ct);
            await EnsureHistoryAsync(user, unit, history, ct);
            EnsureNotFuture(on);
            var merged = UnitEvent.Merged(unit.Id, on, into.Id);
            history.EnsureCanRecord(merged);
            var children = await db.Units.Where(u => u.ParentId == unit.Id && u.ValidTo == null).OrderBy(u => u.Id).ToListAsync(ct);
            foreach (var child in children)
            {
                await EnsureHistoryAsync(user, child, history, ct);
                await MoveCoreAsync(user, child, into, on, history, ct);
            }
            unit.Close(on, into);
            Record(user, merged);
            await db.SaveChangesAsync(ct);
            return unit;
        }, ct);
    }

    public async Task<Unit> SplitAsync(CurrentUser user, string code, int? version, IReadOnlyList<string> intoCodes, DateOnly on, CancellationToken ct)
    {
        return await InTransactionAsync(async () =>
        {
            var unit = await EditableAsync(user, code, version, ct, ending: true);
            var successors = new List<Unit>();
            foreach (var c in intoCodes)
                successors.Add(await VisibleAsync(user, c, ct) ?? throw new UnitNotFound($"Không tìm thấy đơn vị kế thừa “{c}” hoặc bạn không có quyền với đơn vị đó."));
            await EnsureNoChildrenAsync(unit, ct);
            var history = await LoadHistoryAsync(ct);
            await EnsureHistoryAsync(user, unit, history, ct);
            EnsureNotFuture(on);
            var split = UnitEvent.Split(unit.Id, on, successors.Select(s => s.Id).ToList());
            history.EnsureCanRecord(split);
            unit.Close(on, successors[0]);
            Record(user, split);
            await db.SaveChangesAsync(ct);
            return unit;
        }, ct);
    }

    public async Task<Unit> CloseAsync(CurrentUser user, string code, int? version, string? successorCode, DateOnly on, CancellationToken ct)
    {
        return await InTransactionAsync(async () =>
        {
            var unit = await EditableAsync(user, code, version, ct, ending: true);
            Unit? successor = null;
            if (!string.IsNullOrWhiteSpace(successorCode))
                successor = await VisibleAsync(user, successorCode, ct) ?? throw new UnitNotFound("Không tìm thấy đơn vị kế thừa hoặc bạn không có quyền với đơn vị đó.");
            await EnsureNoChildrenAsync(unit, ct);
            var history = await LoadHistoryAsync(ct);
            await EnsureHistoryAsync(user, unit, history, ct);
            EnsureNotFuture(on);
            var closed = UnitEvent.Closed(unit.Id, on, successor?.Id);
            history.EnsureCanRecord(closed);
            unit.Close(on, successor);
            Record(user, closed);
            await db.SaveChangesAsync(ct);
            return unit;
        }, ct);
    }

    /// <summary>
    /// All recorded events in recording order. A unit made before history was kept (the first-start root)
    /// gets a Created event from its row, so that every unit has a history.
    /// </summary>
    public async Task<UnitHistory> LoadHistoryAsync(CancellationToken ct) => await LoadHistoryAsync(db, ct);

    public static async Task<UnitHistory> LoadHistoryAsync(CchcDb db, CancellationToken ct)
    {
        var events = await db.UnitEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync(ct);
        var withHistory = events.Select(e => e.UnitId).ToHashSet();
        var without = await db.Units.AsNoTracking().Where(u => !db.UnitEvents.Any(e => e.UnitId == u.Id)).ToListAsync(ct);
        var synthetic = without.Where(u => !withHistory.Contains(u.Id)).Select(u => UnitEvent.Created(u.Id, u.ValidFrom, u.Name, u.ParentId));
        return new UnitHistory(synthetic.Concat(events));
    }

    private async Task EnsureHistoryAsync(CurrentUser user, Unit unit, UnitHistory history, CancellationToken ct)
    {
        if (await db.UnitEvents.AnyAsync(e => e.UnitId == unit.Id, ct)) return;
        var created = history.TimelineOf(unit.Id).FirstOrDefault(e => e.Kind == UnitEventKind.Created)
            ?? UnitEvent.Created(unit.Id, unit.ValidFrom, unit.Name, unit.ParentId);
        Record(user, UnitEvent.Created(unit.Id, created.EffectiveOn, created.Name!, created.ParentId));
        // Saved at once (still inside the transaction) so that later steps find the unit's history in the table.
        await db.SaveChangesAsync(ct);
    }

    private async Task MoveCoreAsync(CurrentUser user, Unit unit, Unit parent, DateOnly on, UnitHistory history, CancellationToken ct)
    {
        EnsureNotFuture(on);
        var moved = UnitEvent.Moved(unit.Id, on, parent.Id);
        history.EnsureCanRecord(moved);
        var oldPath = unit.Path;
        unit.PlaceUnder(parent); // refuses a move under itself or a descendant of the current tree
        var descendants = await db.Units.Where(u => u.Path.StartsWith(oldPath) && u.Id != unit.Id).ToListAsync(ct);
        foreach (var d in descendants) d.ReplacePathPrefix(oldPath, unit.Path);
        Record(user, moved);
    }

    private async Task EnsureNoChildrenAsync(Unit unit, CancellationToken ct)
    {
        if (await db.Units.AnyAsync(u => u.ParentId == unit.Id && u.ValidTo == null, ct))
            throw new RuleViolation("Đơn vị còn đơn vị trực thuộc; hãy chuyển các đơn vị trực thuộc sang đơn vị khác trước.", "Code");
    }

    private void Record(CurrentUser user, UnitEvent e)
    {
        e.RecordedAt = clock.GetUtcNow().UtcDateTime;
        e.RecordedBy = user.Id > 0 ? user.Id : null;
        db.UnitEvents.Add(e);
    }

    private void EnsureNotFuture(DateOnly on)
    {
        // The current tree is changed at once, so a change in force later would make today's tree wrong.
        if (on > Today) throw new RuleViolation("Ngày hiệu lực không được sau ngày hôm nay.", "EffectiveOn");
    }

    private async Task<Unit?> VisibleAsync(CurrentUser user, string code, CancellationToken ct)
    {
        code = (code ?? "").Trim();
        return await db.Units.VisibleTo(user).SingleOrDefaultAsync(u => u.Code == code, ct);
    }

    private async Task<Unit> EditableAsync(CurrentUser user, string code, int? version, CancellationToken ct, bool ending = false)
    {
        var unit = await VisibleAsync(user, code, ct) ?? throw new UnitNotFound(NotFoundMessage);
        if (ending && !user.IsSystemAdmin && unit.Id == user.UnitId)
            throw new RuleViolation("Không thể sáp nhập, chia tách hoặc giải thể chính đơn vị của mình; hãy đề nghị đơn vị cấp trên thực hiện.", "Code");
        if (unit.ValidTo is not null) throw new RuleViolation("Đơn vị đã giải thể hoặc sáp nhập; không thể thay đổi.", "Code");
        if (version is int v)
        {
            if (unit.Version != v) throw new UnitConflict();
            db.Entry(unit).Property(u => u.Version).OriginalValue = v;
        }
        return unit;
    }

    private async Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken ct)
    {
        // Inside a caller's transaction (demo data, import) the caller commits or rolls back.
        if (db.Database.CurrentTransaction is not null) return await work();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var result = await work();
            await tx.CommitAsync(ct);
            return result;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new UnitConflict();
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }
}

/// <summary>Another unit already has this code (→ 409).</summary>
public sealed class DuplicateCode(string code) : Exception($"Mã đơn vị “{code}” đã tồn tại.")
{
    public string Code { get; } = code;
}
