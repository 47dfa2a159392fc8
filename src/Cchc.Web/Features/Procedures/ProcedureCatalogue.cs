using System.ComponentModel.DataAnnotations;
using Cchc.Core.Access;
using Cchc.Core.Common;
using Cchc.Core.Dossiers;
using Cchc.Core.Organisation;
using Cchc.Core.Procedures;
using Cchc.Core.Text;
using Cchc.Web.Data;
using Cchc.Web.Features.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cchc.Web.Features.Procedures;

/// <summary>Body of POST/PUT /api/v1/procedures and the edit page; enumerations by name (e.g. "Department", "Full").</summary>
public sealed class ProcedureInput : IValidatableObject
{
    [Required(ErrorMessage = "Vui lòng nhập mã thủ tục.")]
    [StringLength(Procedure.CodeMaxLength, ErrorMessage = "Mã thủ tục tối đa 30 ký tự.")]
    public string? Code { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập tên thủ tục.")]
    [StringLength(Procedure.NameMaxLength, ErrorMessage = "Tên thủ tục tối đa 500 ký tự.")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Vui lòng chọn lĩnh vực.")]
    public string? Field { get; set; }

    [Required(ErrorMessage = "Vui lòng chọn cấp thực hiện.")]
    public string? Level { get; set; }

    [Required(ErrorMessage = "Vui lòng chọn đơn vị chủ trì.")]
    public string? OwningUnitCode { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập thời hạn giải quyết.")]
    [Range(0, Procedure.MaxProcessingAmount, ErrorMessage = "Thời hạn giải quyết phải từ 0 đến 365.")]
    public int? ProcessingAmount { get; set; }

    /// <summary>WorkingDays, CalendarDays or WorkingHours.</summary>
    public string? ProcessingUnit { get; set; } = nameof(ProcessingTimeUnit.WorkingDays);

    [StringLength(Procedure.FeeTextMaxLength, ErrorMessage = "Mô tả phí, lệ phí tối đa 1000 ký tự.")]
    public string? FeeText { get; set; }

    [Range(0, long.MaxValue, ErrorMessage = "Lệ phí không được âm.")]
    public long? FeeAmount { get; set; }

    public string? OnlineLevel { get; set; } = nameof(Core.Procedures.OnlineLevel.None);
    public bool PostalReceipt { get; set; }
    public bool PostalReturn { get; set; }
    public bool OnlinePayment { get; set; }
    public string? Iso { get; set; } = nameof(IsoProcess.None);
    public bool Published { get; set; }
    public bool Internal { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập ngày có hiệu lực.")]
    public DateOnly? EffectiveFrom { get; set; }

    public DateOnly? EffectiveTo { get; set; }

    /// <summary>The version read before editing (PUT); a stale one is a conflict.</summary>
    public int? Version { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Field) && ProcedureFields.Find(Field) is null)
            yield return new($"Lĩnh vực «{Field.Trim()}» không có trong danh mục lĩnh vực.", [nameof(Field)]);
        if (!string.IsNullOrWhiteSpace(Level) && Parse<CompetentLevel>(Level) is null)
            yield return new("Cấp thực hiện không hợp lệ (Ministry, Province, Department, District, Commune, School).", [nameof(Level)]);
        if (Parse<ProcessingTimeUnit>(ProcessingUnit) is null)
            yield return new("Đơn vị thời hạn phải là WorkingDays, CalendarDays hoặc WorkingHours.", [nameof(ProcessingUnit)]);
        if (Parse<OnlineLevel>(OnlineLevel) is null)
            yield return new("Mức độ dịch vụ công trực tuyến không hợp lệ (None, Partial, Full, LegacyLevel2, LegacyLevel3, LegacyLevel4).", [nameof(OnlineLevel)]);
        if (Parse<IsoProcess>(Iso) is null)
            yield return new("Quy trình ISO phải là None, Iso hoặc ElectronicIso.", [nameof(Iso)]);
    }

    public static T? Parse<T>(string? text) where T : struct, Enum =>
        Enum.TryParse<T>(text?.Trim(), ignoreCase: true, out var v) && Enum.IsDefined(v) && !int.TryParse(text, out _) ? v : null;

    public ProcedureDetails ToDetails(int owningUnitId) => new(
        Name ?? "", Field ?? "", Parse<CompetentLevel>(Level)!.Value, owningUnitId,
        new ProcessingTime(ProcessingAmount ?? 0, Parse<ProcessingTimeUnit>(ProcessingUnit)!.Value),
        FeeText, FeeAmount, Parse<OnlineLevel>(OnlineLevel)!.Value, PostalReceipt, PostalReturn, OnlinePayment,
        Parse<IsoProcess>(Iso)!.Value, Published, Internal, EffectiveFrom!.Value, EffectiveTo);

    public static ProcedureInput From(Procedure p, string owningUnitCode) => new()
    {
        Code = p.Code, Name = p.Name, Field = p.Field, Level = p.Level.ToString(), OwningUnitCode = owningUnitCode,
        ProcessingAmount = p.ProcessingAmount, ProcessingUnit = p.ProcessingUnit.ToString(), FeeText = p.FeeText, FeeAmount = p.FeeAmount,
        OnlineLevel = p.OnlineLevel.ToString(), PostalReceipt = p.PostalReceipt, PostalReturn = p.PostalReturn, OnlinePayment = p.OnlinePayment,
        Iso = p.Iso.ToString(), Published = p.Published, Internal = p.Internal, EffectiveFrom = p.EffectiveFrom, EffectiveTo = p.EffectiveTo,
        Version = p.Version,
    };
}

public sealed record ProcedureResponse(
    string Code, string Name, string Field, string Level, string LevelName, string OwningUnitCode, string OwningUnitName,
    int ProcessingAmount, string ProcessingUnit, string ProcessingTimeText, string? FeeText, long? FeeAmount,
    string OnlineLevel, string OnlineLevelName, bool PostalReceipt, bool PostalReturn, bool OnlinePayment, string Iso,
    bool Published, bool Internal, DateOnly EffectiveFrom, DateOnly? EffectiveTo, int Version, bool IsDemo)
{
    public static ProcedureResponse From(Procedure p, Unit unit) => new(
        p.Code, p.Name, p.Field, p.Level.ToString(), ProcedureNames.Of(p.Level), unit.Code, unit.Name,
        p.ProcessingAmount, p.ProcessingUnit.ToString(), ProcedureNames.Of(p.ProcessingTime), p.FeeText, p.FeeAmount,
        p.OnlineLevel.ToString(), ProcedureNames.Of(p.OnlineLevel), p.PostalReceipt, p.PostalReturn, p.OnlinePayment, p.Iso.ToString(),
        p.Published, p.Internal, p.EffectiveFrom, p.EffectiveTo, p.Version, p.IsDemo);
}

/// <summary>What the public sees of a published procedure (no internal flags, no version).</summary>
public sealed record PublicProcedureResponse(
    string Code, string Name, string Field, string LevelName, string OwningUnitName, string ProcessingTimeText,
    string? FeeText, long? FeeAmount, string OnlineLevelName, bool PostalReceipt, bool PostalReturn, bool OnlinePayment)
{
    public static PublicProcedureResponse From(Procedure p, Unit unit) => new(
        p.Code, p.Name, p.Field, ProcedureNames.Of(p.Level), unit.Name, ProcedureNames.Of(p.ProcessingTime),
        p.FeeText, p.FeeAmount, ProcedureNames.Of(p.OnlineLevel), p.PostalReceipt, p.PostalReturn, p.OnlinePayment);
}

public sealed record ProcedureFilter(string? Q = null, string? Field = null, CompetentLevel? Level = null, OnlineLevel? OnlineLevel = null, bool? Published = null);

public sealed record ProcedureRow(Procedure Procedure, Unit Unit);

/// <summary>The procedure catalogue: read by the owning unit's subtree, edited by its administrators and one-stop officers.</summary>
public sealed class ProcedureCatalogue(CchcDb db)
{
    public const string NotFoundMessage = "Không tìm thấy thủ tục hành chính (hoặc thủ tục nằm ngoài phạm vi đơn vị của bạn).";

    public const string EditorRoleList = Roles.SystemAdmin + "," + Roles.UnitAdmin + "," + Roles.OneStopOfficer;

    public static readonly string[] EditorRoles = EditorRoleList.Split(',');

    public static bool CanEdit(CurrentUser user) => user.IsSystemAdmin || EditorRoles.Any(user.IsInRole);

    public async Task<List<ProcedureRow>> ListAsync(CurrentUser user, ProcedureFilter filter, CancellationToken ct)
    {
        var query = db.Procedures().AsNoTracking().VisibleTo(user, db.Units);
        if (ProcedureFields.Find(filter.Field) is { } field) query = query.Where(p => p.Field == field);
        if (filter.Level is { } level) query = query.Where(p => p.Level == level);
        if (filter.OnlineLevel is { } online) query = query.Where(p => p.OnlineLevel == online);
        if (filter.Published is { } published) query = query.Where(p => p.Published == published);
        return await SearchAsync(query, filter.Q, ct);
    }

    /// <summary>Published, non-internal procedures for anyone.</summary>
    public Task<List<ProcedureRow>> PublicAsync(string? q, CancellationToken ct) =>
        SearchAsync(db.Procedures().AsNoTracking().Where(p => p.Published && !p.Internal), q, ct);

    public async Task<ProcedureRow?> PublicDetailAsync(string code, CancellationToken ct) =>
        await JoinAsync(db.Procedures().AsNoTracking().Where(p => p.Published && !p.Internal && p.Code == code), ct) is [var one] ? one : null;

    public async Task<ProcedureRow?> GetAsync(CurrentUser user, string code, CancellationToken ct) =>
        await JoinAsync(db.Procedures().AsNoTracking().VisibleTo(user, db.Units).Where(p => p.Code == code), ct) is [var one] ? one : null;

    public async Task<Procedure> CreateAsync(CurrentUser user, ProcedureInput input, CancellationToken ct)
    {
        if (!CanEdit(user)) throw new RuleViolation("Bạn không có quyền sửa danh mục thủ tục hành chính.");
        var code = (input.Code ?? "").Trim();
        if (await db.Procedures().AnyAsync(p => p.Code == code, ct))
            throw new RuleViolation($"Mã thủ tục {code} đã có trong danh mục.", nameof(ProcedureInput.Code));
        var unit = await OwningUnitAsync(user, input.OwningUnitCode, ct);
        var procedure = new Procedure(code, input.ToDetails(unit.Id));
        db.Procedures().Add(procedure);
        await db.SaveChangesAsync(ct);
        return procedure;
    }

    /// <summary>Null when the procedure is not visible. A stale <see cref="ProcedureInput.Version"/> throws DbUpdateConcurrencyException.</summary>
    public async Task<Procedure?> UpdateAsync(CurrentUser user, string code, ProcedureInput input, CancellationToken ct)
    {
        if (!CanEdit(user)) throw new RuleViolation("Bạn không có quyền sửa danh mục thủ tục hành chính.");
        var procedure = await db.Procedures().VisibleTo(user, db.Units).FirstOrDefaultAsync(p => p.Code == code, ct);
        if (procedure is null) return null;
        if (input.Code is { Length: > 0 } newCode && !string.Equals(newCode.Trim(), code, StringComparison.Ordinal))
            throw new RuleViolation("Không đổi được mã thủ tục; hãy tạo thủ tục mới với mã mới.", nameof(ProcedureInput.Code));
        if (input.Version is null) throw new RuleViolation("Thiếu số phiên bản (version) của bản ghi đang sửa.", nameof(ProcedureInput.Version));
        db.Entry(procedure).Property(p => p.Version).OriginalValue = input.Version.Value;
        var unit = await OwningUnitAsync(user, input.OwningUnitCode, ct);
        procedure.Update(input.ToDetails(unit.Id));
        await db.SaveChangesAsync(ct);
        return procedure;
    }

    public async Task<Unit> OwningUnitAsync(CurrentUser user, string? code, CancellationToken ct) =>
        await db.Units.VisibleTo(user).FirstOrDefaultAsync(u => u.Code == code && u.ValidTo == null, ct)
        ?? throw new RuleViolation($"Đơn vị chủ trì «{code}» không tồn tại hoặc nằm ngoài phạm vi đơn vị của bạn.", nameof(ProcedureInput.OwningUnitCode));

    public async Task<List<Unit>> UnitOptionsAsync(CurrentUser user, CancellationToken ct) =>
        await db.Units.AsNoTracking().VisibleTo(user).Where(u => u.ValidTo == null).OrderBy(u => u.Path).ToListAsync(ct);

    // Every folded query word must be in the folded search key: a LIKE per word on both providers;
    // the ranking (phrase, whole words, code) is done in memory on the matches.
    private async Task<List<ProcedureRow>> SearchAsync(IQueryable<Procedure> query, string? q, CancellationToken ct)
    {
        var words = ProcedureSearch.Words(q);
        foreach (var word in words) query = query.Where(p => p.SearchKey.Contains(word));
        var rows = await JoinAsync(query, ct);
        if (words.Count == 0) return [.. rows.OrderBy(r => r.Procedure.Field).ThenBy(r => r.Procedure.Name)];
        return [.. rows
            .Select(r => (Row: r, Score: ProcedureSearch.Score(r.Procedure.SearchKey, VietnameseText.Fold(r.Procedure.Name), r.Procedure.Code, words)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Row.Procedure.Name)
            .Select(x => x.Row)];
    }

    private async Task<List<ProcedureRow>> JoinAsync(IQueryable<Procedure> query, CancellationToken ct)
    {
        var rows = await query.Join(db.Units.AsNoTracking(), p => p.OwningUnitId, u => u.Id, (p, u) => new { p, u }).ToListAsync(ct);
        return [.. rows.Select(r => new ProcedureRow(r.p, r.u))];
    }
}

public static class ProcedureData
{
    public static DbSet<Procedure> Procedures(this CchcDb db) => db.Set<Procedure>();

    /// <summary>Procedures owned by a unit of the caller's subtree (issue 5: visibility by owning unit).</summary>
    public static IQueryable<Procedure> VisibleTo(this IQueryable<Procedure> procedures, CurrentUser user, IQueryable<Unit> units)
    {
        if (user.IsSystemAdmin) return procedures;
        var visible = units.VisibleTo(user);
        return procedures.Where(p => visible.Any(u => u.Id == p.OwningUnitId));
    }
}

internal sealed class ProcedureConfiguration : IEntityTypeConfiguration<Procedure>
{
    public void Configure(EntityTypeBuilder<Procedure> b)
    {
        b.ToTable("procedures");
        b.Property(p => p.Code).HasMaxLength(Procedure.CodeMaxLength).IsRequired();
        b.HasIndex(p => p.Code).IsUnique();
        b.Property(p => p.Name).HasMaxLength(Procedure.NameMaxLength).IsRequired();
        b.Property(p => p.Field).HasMaxLength(200).IsRequired();
        b.Property(p => p.FeeText).HasMaxLength(Procedure.FeeTextMaxLength);
        b.Property(p => p.SearchKey).HasMaxLength(800).IsRequired();
        b.Property(p => p.Level).HasConversion<int>();
        b.Property(p => p.ProcessingUnit).HasConversion<int>();
        b.Property(p => p.OnlineLevel).HasConversion<int>();
        b.Property(p => p.Iso).HasConversion<int>();
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Ignore(p => p.ProcessingTime);
        b.Ignore(p => p.Details);
        b.HasIndex(p => p.OwningUnitId);
        b.HasOne<Unit>().WithMany().HasForeignKey(p => p.OwningUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
