using Cchc.Core.Access;
using Cchc.Core.Common;
using Cchc.Core.Indicators;
using Cchc.Web.Data;
using Cchc.Web.Features.Account;
using Cchc.Web.Features.Files;
using Cchc.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cchc.Web.Features.Indicators;

/// <summary>
/// The indicators the system cannot observe (catalogue source "entered"): the entries of units the scope
/// includes on the entry's last day whose period lies within the asked period, combined by
/// <see cref="EnteredFigures.Combine"/> (a year's figure over its months'; fractions and counts add up,
/// bare rates of several units are never averaged).
/// </summary>
public sealed class EnteredSource(CchcDb db) : IIndicatorSource
{
    public IReadOnlyList<string> Codes { get; } = IndicatorCatalogue.All.Where(d => !d.IsComputed).Select(d => d.Code).ToList();

    public async Task<IReadOnlyList<IndicatorFigure>> ComputeAsync(IndicatorScope scope, CancellationToken ct)
    {
        var entries = await EntriesAsync(scope, null, ct);
        return Codes.Select(code =>
        {
            var combined = EnteredFigures.Combine(code, entries.Where(e => e.Code == code).Select(e => (e.UnitId, e.Period, e.ToValue())));
            return new IndicatorFigure(combined.Value, null, combined.Reason);
        }).ToList();
    }

    public async Task<IReadOnlyList<IndicatorRecord>> RecordsAsync(IndicatorScope scope, string code, CancellationToken ct)
    {
        var entries = await EntriesAsync(scope, code, ct);
        var names = await TaskSource.UnitNamesAsync(db, entries.Select(e => e.UnitId), ct);
        var ids = entries.Select(e => e.Id).ToList();
        var files = await db.Set<FileAttachment>().AsNoTracking()
            .Where(a => a.OwnerKind == FileOwners.IndicatorEntry && ids.Contains(a.OwnerId)).ToListAsync(ct);
        return entries.OrderBy(e => e.PeriodFrom).ThenBy(e => names.GetValueOrDefault(e.UnitId), StringComparer.Ordinal).Select(e =>
        {
            var file = files.Where(f => f.OwnerId == e.Id).OrderByDescending(f => f.Id).FirstOrDefault();
            return new IndicatorRecord($"{e.Period.Label}: {IndicatorText.Figure(e.ToValue())}", names.GetValueOrDefault(e.UnitId),
                $"Kiểm chứng: {e.Note}{(file is null ? "" : $" (tệp {file.OriginalName})")}",
                $"Nhập bởi {e.EnteredBy} lúc {VnTime.DateAndTime(e.EnteredAtUtc)}", file is null ? null : $"/files/{file.Id}");
        }).ToList();
    }

    private async Task<List<IndicatorEntry>> EntriesAsync(IndicatorScope scope, string? code, CancellationToken ct)
    {
        var (from, to) = (scope.Period.From, scope.Period.To);
        var visible = db.Units.VisibleTo(scope.User);
        var query = db.Set<IndicatorEntry>().AsNoTracking()
            .Where(e => e.PeriodFrom >= from && e.PeriodTo <= to && visible.Any(u => u.Id == e.UnitId));
        if (code is not null) query = query.Where(e => e.Code == code);
        var rows = await query.ToListAsync(ct);
        return rows.Where(e => scope.Includes(e.UnitId, e.PeriodTo)).ToList();
    }
}

public sealed record EnterIndicatorInput(string UnitCode, string Code, ReportingPeriod Period, double? Numerator, double? Denominator, double? Value, string? Note, int? Version);

/// <summary>
/// Enters (or corrects) a unit's figure for a period with its evidence file. Who may: system admins, and
/// unit admins, leaders and specialists for their own unit or a unit under it. The first entry needs a file;
/// a correction keeps the files already attached. Nothing is stored when anything is refused.
/// </summary>
public sealed class EnterIndicator(CchcDb db, FileStore files, TimeProvider clock)
{
    public static readonly string[] EntryRoles = [Roles.SystemAdmin, Roles.UnitAdmin, Roles.Leader, Roles.Specialist];

    public static bool CanEnter(CurrentUser user) => EntryRoles.Any(user.IsInRole);

    /// <summary>The stored entry; null when the unit is unknown or outside the caller's subtree.</summary>
    public async Task<IndicatorEntry?> EnterAsync(CurrentUser user, EnterIndicatorInput input, IFormFile? evidence, CancellationToken ct)
    {
        if (!CanEnter(user)) throw new RuleViolation("Bạn không có quyền nhập số liệu chỉ số.");
        var unit = await db.Units.VisibleTo(user).Where(u => u.Code == input.UnitCode).Select(u => new { u.Id, u.IsDemo }).SingleOrDefaultAsync(ct);
        if (unit is null) return null;
        var code = (input.Code ?? "").Trim().ToUpperInvariant();
        var p = input.Period;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var entry = await db.Set<IndicatorEntry>().SingleOrDefaultAsync(e => e.UnitId == unit.Id && e.Code == code && e.Kind == p.Kind && e.PeriodFrom == p.From && e.PeriodTo == p.To, ct);
        var isNew = entry is null;
        if (entry is null)
        {
            entry = new IndicatorEntry(unit.Id, code, p);
            if (unit.IsDemo) entry.MarkDemo();
            db.Add(entry);
        }
        else if (input.Version is { } v && v != entry.Version)
            throw new DbUpdateConcurrencyException("Số liệu này đã được người khác nhập lại sau khi bạn mở trang. Vui lòng tải lại trang và nhập lại.");
        entry.Enter(input.Numerator, input.Denominator, input.Value, input.Note, user.Name, clock.GetUtcNow().UtcDateTime);
        var hasFile = !isNew && await db.Set<FileAttachment>().AnyAsync(a => a.OwnerKind == FileOwners.IndicatorEntry && a.OwnerId == entry.Id, ct);
        if (!hasFile && (evidence is null || evidence.Length == 0))
            throw new RuleViolation("Cần đính kèm tệp tài liệu kiểm chứng.", "file");
        await db.SaveChangesAsync(ct);
        if (evidence is { Length: > 0 })
            await files.AttachAsync(evidence, FileOwners.IndicatorEntry, entry.Id, FilePurposes.Evidence, user, ct);
        await tx.CommitAsync(ct);
        return entry;
    }

    /// <summary>The entries of the caller's subtree for a period, newest first: what the entry page lists.</summary>
    public async Task<IReadOnlyList<(IndicatorEntry Entry, string UnitName, FileAttachment? File)>> ListAsync(CurrentUser user, ReportingPeriod period, CancellationToken ct)
    {
        var visible = db.Units.VisibleTo(user);
        var entries = await db.Set<IndicatorEntry>().AsNoTracking()
            .Where(e => e.PeriodFrom >= period.From && e.PeriodTo <= period.To && visible.Any(u => u.Id == e.UnitId))
            .Join(db.Units, e => e.UnitId, u => u.Id, (e, u) => new { e, u.Name }).ToListAsync(ct);
        var ids = entries.Select(x => x.e.Id).ToList();
        var attached = await db.Set<FileAttachment>().AsNoTracking()
            .Where(a => a.OwnerKind == FileOwners.IndicatorEntry && ids.Contains(a.OwnerId)).ToListAsync(ct);
        return entries.OrderByDescending(x => x.e.EnteredAtUtc)
            .Select(x => (x.e, x.Name, attached.Where(a => a.OwnerId == x.e.Id).OrderByDescending(a => a.Id).FirstOrDefault())).ToList();
    }
}

internal sealed class IndicatorEntryConfiguration : IEntityTypeConfiguration<IndicatorEntry>
{
    public void Configure(EntityTypeBuilder<IndicatorEntry> b)
    {
        b.ToTable("indicator_entries");
        b.Property(e => e.Code).HasMaxLength(60).IsRequired();
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(10);
        b.Property(e => e.Note).HasMaxLength(IndicatorEntry.MaxNoteLength).IsRequired();
        b.Property(e => e.EnteredBy).HasMaxLength(200).IsRequired();
        b.Property(e => e.Version).IsConcurrencyToken();
        b.Ignore(e => e.Period);
        b.Ignore(e => e.Definition);
        b.HasOne<Cchc.Core.Organisation.Unit>().WithMany().HasForeignKey(e => e.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.UnitId, e.Code, e.Kind, e.PeriodFrom, e.PeriodTo }).IsUnique();
        b.HasIndex(e => new { e.PeriodFrom, e.PeriodTo });
    }
}
