using Cchc.Core.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cchc.Web.Data;

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.ToTable("units");
        b.Property(u => u.Code).HasMaxLength(50).IsRequired();
        b.Property(u => u.Name).HasMaxLength(250).IsRequired();
        b.Property(u => u.Path).HasMaxLength(400).IsRequired();
        b.Property(u => u.Version).IsConcurrencyToken();
        b.HasIndex(u => u.Code).IsUnique();
        b.HasIndex(u => u.Path);
        b.HasOne<Unit>().WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(u => u.SuccessorId).OnDelete(DeleteBehavior.Restrict);
    }
}
