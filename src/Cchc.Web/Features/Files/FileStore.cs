using System.Security.Cryptography;
using Cchc.Core.Common;
using Cchc.Web.Data;
using Cchc.Web.Features.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cchc.Web.Features.Files;

/// <summary>
/// The bytes of one uploaded file, stored once however many records attach it: the key is the SHA-256 of
/// the content. The original name is never part of it (it lives on the <see cref="FileAttachment"/>, as
/// metadata only), so no user input ever becomes a path.
/// </summary>
public sealed class StoredFile
{
    public int Id { get; set; }
    /// <summary>Lower-case hex SHA-256 of <see cref="Content"/>.</summary>
    public string Sha256 { get; set; } = "";
    public long Size { get; set; }
    public string ContentType { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public DateTime CreatedUtc { get; set; }
}

/// <summary>Which kind of record a file belongs to; downloads check the caller may read that record.</summary>
public static class FileOwners
{
    public const string Task = "PlanTask";
    public const string Target = "Target";
    public const string Dossier = "Dossier";
    /// <summary>An entered indicator figure's evidence (Features/Indicators).</summary>
    public const string IndicatorEntry = "IndicatorEntry";
}

public static class FilePurposes
{
    /// <summary>Tài liệu kiểm chứng.</summary>
    public const string Evidence = "evidence";
    /// <summary>Sản phẩm của nhiệm vụ (the delivered document).</summary>
    public const string Product = "product";

    /// <summary>A dossier's result document (kết quả giải quyết TTHC).</summary>
    public const string Result = "result";

    /// <summary>What a citizen attached to an online dossier.</summary>
    public const string Submission = "submission";

    public static string DisplayName(string purpose) => purpose switch
    {
        Product => "Sản phẩm",
        Result => "Kết quả giải quyết",
        Submission => "Thành phần hồ sơ",
        _ => "Tài liệu kiểm chứng",
    };
}

/// <summary>A file attached to a record (a task's evidence or product, a target's evidence).</summary>
public sealed class FileAttachment
{
    public int Id { get; set; }
    public int StoredFileId { get; set; }
    public string OwnerKind { get; set; } = "";
    public int OwnerId { get; set; }
    public string Purpose { get; set; } = FilePurposes.Evidence;
    public string OriginalName { get; set; } = "";
    public long Size { get; set; }
    public DateTime UploadedUtc { get; set; }
    public string UploadedBy { get; set; } = "";
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.ToTable("stored_files");
        b.Property(f => f.Sha256).HasMaxLength(64).IsRequired();
        b.Property(f => f.ContentType).HasMaxLength(100).IsRequired();
        b.Property(f => f.Content).IsRequired();
        b.HasIndex(f => f.Sha256).IsUnique();
    }
}

internal sealed class FileAttachmentConfiguration : IEntityTypeConfiguration<FileAttachment>
{
    public void Configure(EntityTypeBuilder<FileAttachment> b)
    {
        b.ToTable("file_attachments");
        b.Property(f => f.OwnerKind).HasMaxLength(30).IsRequired();
        b.Property(f => f.Purpose).HasMaxLength(20).IsRequired();
        b.Property(f => f.OriginalName).HasMaxLength(255).IsRequired();
        b.Property(f => f.UploadedBy).HasMaxLength(200).IsRequired();
        b.HasOne<StoredFile>().WithMany().HasForeignKey(f => f.StoredFileId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(f => new { f.OwnerKind, f.OwnerId });
    }
}

/// <summary>
/// What may be uploaded: at most 20 MB, and only documents, spreadsheets, images and archives, checked by the
/// extension AND the first bytes (a renamed executable is refused).
/// </summary>
public static class FileRules
{
    public const long MaxBytes = 20 * 1024 * 1024;
    /// <summary>Room for the multipart envelope and the form's other fields around one file.</summary>
    public const long MaxRequestBytes = MaxBytes + 1024 * 1024;

    private static readonly byte[] Pdf = "%PDF"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly Dictionary<string, (string ContentType, byte[] Magic)> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", Pdf),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Zip),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Zip),
        [".zip"] = ("application/zip", Zip),
        [".doc"] = ("application/msword", Ole),
        [".xls"] = ("application/vnd.ms-excel", Ole),
        [".jpg"] = ("image/jpeg", Jpeg),
        [".jpeg"] = ("image/jpeg", Jpeg),
        [".png"] = ("image/png", Png),
    };

    public const string AllowedList = "pdf, docx, xlsx, doc, xls, jpg, png, zip";
    public const string AcceptAttribute = ".pdf,.docx,.xlsx,.doc,.xls,.jpg,.jpeg,.png,.zip";

    /// <summary>The content type to store, or the Vietnamese reason the file is refused.</summary>
    public static (string? ContentType, string? Error) Check(string? fileName, ReadOnlySpan<byte> content)
    {
        if (content.Length == 0) return (null, "Tệp rỗng, vui lòng chọn lại tệp.");
        if (content.Length > MaxBytes) return (null, $"Tệp vượt quá dung lượng cho phép ({MaxBytes / 1024 / 1024} MB).");
        var extension = Path.GetExtension(fileName ?? "");
        if (!Types.TryGetValue(extension, out var type))
            return (null, $"Loại tệp không được phép. Chỉ nhận: {AllowedList}.");
        if (!content.StartsWith(type.Magic))
            return (null, $"Nội dung tệp không đúng định dạng {extension.TrimStart('.').ToLowerInvariant()} (tệp có thể đã bị đổi tên).");
        return (type.ContentType, null);
    }

    /// <summary>The name kept for display and download: the last path segment, control characters removed, at most 255 characters.</summary>
    public static string CleanName(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length == 0) name = "tep";
        return name.Length > 255 ? name[^255..] : name;
    }
}

/// <summary>Stores uploads (content-addressed) and answers downloads for callers who may read the owning record.</summary>
public sealed class FileStore(CchcDb db, TimeProvider clock)
{
    /// <summary>Checks and reads the upload; refuses (RuleViolation on "file") without storing anything.</summary>
    public async Task<FileAttachment> AttachAsync(IFormFile? file, string ownerKind, int ownerId, string purpose, CurrentUser user, CancellationToken ct)
    {
        if (file is null || file.Length == 0) throw new RuleViolation("Vui lòng chọn tệp cần tải lên.", "file");
        if (file.Length > FileRules.MaxBytes)
            throw new RuleViolation($"Tệp vượt quá dung lượng cho phép ({FileRules.MaxBytes / 1024 / 1024} MB).", "file");
        using var buffer = new MemoryStream((int)file.Length);
        await using (var stream = file.OpenReadStream())
            await stream.CopyToAsync(buffer, ct);
        return await AttachAsync(file.FileName, buffer.ToArray(), ownerKind, ownerId, purpose, user, ct);
    }

    public async Task<FileAttachment> AttachAsync(string? fileName, byte[] content, string ownerKind, int ownerId, string purpose, CurrentUser user, CancellationToken ct)
    {
        var (contentType, error) = FileRules.Check(fileName, content);
        if (error is not null) throw new RuleViolation(error, "file");
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        var now = clock.GetUtcNow().UtcDateTime;
        var stored = await db.Set<StoredFile>().Where(f => f.Sha256 == hash).Select(f => new { f.Id }).SingleOrDefaultAsync(ct);
        var attachment = new FileAttachment
        {
            OwnerKind = ownerKind,
            OwnerId = ownerId,
            Purpose = purpose,
            OriginalName = FileRules.CleanName(fileName),
            Size = content.Length,
            UploadedUtc = now,
            UploadedBy = user.Name,
        };
        if (stored is null)
        {
            var file = new StoredFile { Sha256 = hash, Size = content.Length, ContentType = contentType!, Content = content, CreatedUtc = now };
            db.Add(file);
            await db.SaveChangesAsync(ct);
            attachment.StoredFileId = file.Id;
        }
        else attachment.StoredFileId = stored.Id;
        db.Add(attachment);
        await db.SaveChangesAsync(ct);
        return attachment;
    }

    public Task<List<FileAttachment>> ListAsync(string ownerKind, IEnumerable<int> ownerIds, CancellationToken ct)
    {
        var ids = ownerIds.Distinct().ToList();
        return db.Set<FileAttachment>().AsNoTracking().Where(a => a.OwnerKind == ownerKind && ids.Contains(a.OwnerId)).OrderBy(a => a.Id).ToListAsync(ct);
    }

    /// <summary>The file when the caller may read the record it is attached to; null (→ 404) otherwise.</summary>
    public async Task<(FileAttachment Attachment, StoredFile File)?> OpenAsync(int attachmentId, CurrentUser user, CancellationToken ct)
    {
        var attachment = await db.Set<FileAttachment>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId, ct);
        if (attachment is null || !await OwnerVisibleAsync(attachment, user, ct)) return null;
        var file = await db.Set<StoredFile>().AsNoTracking().SingleAsync(f => f.Id == attachment.StoredFileId, ct);
        return (attachment, file);
    }

    private Task<bool> OwnerVisibleAsync(FileAttachment a, CurrentUser user, CancellationToken ct) => a.OwnerKind switch
    {
        FileOwners.Task => db.PlanTasks.VisibleTo(user, db.Plans, db.Units).AnyAsync(t => t.Id == a.OwnerId, ct),
        FileOwners.Target => db.Plans.VisibleTo(user, db.Units).AnyAsync(p => p.Targets.Any(t => t.Id == a.OwnerId), ct),
        FileOwners.Dossier => Dossiers.DossierData.Dossiers(db).VisibleTo(user, db.Units, Dossiers.DossierData.DossierSteps(db)).AnyAsync(d => d.Id == a.OwnerId, ct),
        FileOwners.IndicatorEntry => db.Set<Cchc.Core.Indicators.IndicatorEntry>().AnyAsync(e => e.Id == a.OwnerId && db.Units.VisibleTo(user).Any(u => u.Id == e.UnitId), ct),
        _ => Task.FromResult(false),
    };
}

public static class FilesEndpoints
{
    public static void AddFiles(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<FileStore>();
        // Kestrel's body limit (default 30 MB) stays above the upload limit; the form limit is set per page.
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = FileRules.MaxRequestBytes + 4 * 1024 * 1024);
    }

    /// <summary>GET /files/{id}: the attachment's bytes under its original name; 404 when the caller may not read its record.</summary>
    public static void MapFiles(this WebApplication app) =>
        app.MapGet("/files/{id:int}", async (int id, HttpContext http, FileStore files, CancellationToken ct) =>
        {
            var user = http.GetCurrentUser();
            if (user is null) return Results.Unauthorized();
            var found = await files.OpenAsync(id, user, ct);
            if (found is not { } f) return Results.NotFound();
            return Results.File(f.File.Content, f.File.ContentType, f.Attachment.OriginalName);
        }).RequireAuthorization().ExcludeFromDescription();
}
