using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cchc.Web.Data.Audit;

internal sealed class AuditConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.Property(a => a.ActorName).HasMaxLength(250).IsRequired();
        b.Property(a => a.UnitPath).HasMaxLength(400);
        b.Property(a => a.EntityType).HasMaxLength(100).IsRequired();
        b.Property(a => a.EntityKey).HasMaxLength(100).IsRequired();
        b.Property(a => a.Changes).IsRequired();
        b.HasIndex(a => a.AtUtc);
        b.HasIndex(a => new { a.EntityType, a.AtUtc });
        b.HasIndex(a => new { a.ActorId, a.AtUtc });
        b.HasIndex(a => a.UnitPath);
    }
}
