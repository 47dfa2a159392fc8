using System.Security.Cryptography;
using Cchc.Core.PlanImport;
using Cchc.Web.Data;
using Cchc.Web.Features.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cchc.Web.Features.PlanImport;

/// <summary>
/// An uploaded document between the upload and "Tạo kế hoạch": the decoded text and the importer's JSON,
/// kept server-side under a random key bound to the uploader, so the client never carries the document
/// (docs/decisions.md, "Plan import drafts"). Not business data: not audited, deleted on creation and
/// after <see cref="PlanImportDrafts.Lifetime"/>.
/// </summary>
public sealed class PlanImportDraft
{
    public string Id { get; init; } = "";
    public int UserId { get; init; }
    public DateTime CreatedAt { get; init; }
    public string FileName { get; init; } = "";
    public string Kind { get; init; } = "";
    public string SourceText { get; init; } = "";
    public string PlanJson { get; init; } = "";
}

internal sealed class PlanImportDraftConfiguration : IEntityTypeConfiguration<PlanImportDraft>
{
    public void Configure(EntityTypeBuilder<PlanImportDraft> b)
    {
        b.ToTable("plan_import_drafts");
        b.Property(d => d.Id).HasMaxLength(64);
        b.Property(d => d.FileName).HasMaxLength(260).IsRequired();
        b.Property(d => d.Kind).HasMaxLength(10).IsRequired();
        b.Property(d => d.SourceText).IsRequired();
        b.Property(d => d.PlanJson).IsRequired();
        b.HasIndex(d => d.CreatedAt);
    }
}

public sealed class PlanImportDrafts(CchcDb db, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public async Task<string> SaveAsync(CurrentUser user, string fileName, PlanDocumentResult result, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now - Lifetime;
        await db.Set<PlanImportDraft>().Where(d => d.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
        var draft = new PlanImportDraft
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            UserId = user.Id,
            CreatedAt = now,
            FileName = Path.GetFileName(fileName) is { Length: > 0 and <= 260 } n ? n : "plan",
            Kind = result.Kind,
            SourceText = result.Text,
            PlanJson = PlanImportJson.Serialize(result.Plan),
        };
        db.Add(draft);
        await db.SaveChangesAsync(ct);
        return draft.Id;
    }

    /// <summary>The caller's own unexpired draft; null for another user's key, an expired or unknown one.</summary>
    public async Task<(PlanImportDraft Draft, ImportedPlan Plan)?> FindAsync(CurrentUser user, string? id, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 64) return null;
        var cutoff = clock.GetUtcNow().UtcDateTime - Lifetime;
        var draft = await db.Set<PlanImportDraft>().AsNoTracking()
            .FirstOrDefaultAsync(d => d.Id == id && d.UserId == user.Id && d.CreatedAt >= cutoff, ct);
        if (draft is null) return null;
        var plan = PlanImportJson.Deserialize(draft.PlanJson);
        return plan is null ? null : (draft, plan);
    }

    public Task DeleteAsync(string id, CancellationToken ct) =>
        db.Set<PlanImportDraft>().Where(d => d.Id == id).ExecuteDeleteAsync(ct);
}
