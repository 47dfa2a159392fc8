using Cchc.Core.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cchc.Web.Data;

internal sealed class UnitEventConfiguration : IEntityTypeConfiguration<UnitEvent>
{
    public void Configure(EntityTypeBuilder<UnitEvent> b)
    {
        b.ToTable("unit_events");
        b.Property(e => e.Kind).HasConversion<int>();
        b.Property(e => e.Name).HasMaxLength(250);
        b.Property(e => e.SuccessorIds).HasMaxLength(400).IsRequired();
        b.Ignore(e => e.Successors);
        b.Ignore(e => e.Ends);
        b.HasIndex(e => new { e.UnitId, e.EffectiveOn });
        b.HasOne<Unit>().WithMany().HasForeignKey(e => e.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(e => e.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
