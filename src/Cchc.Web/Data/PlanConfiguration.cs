using System.Text.Json;
using Cchc.Core.Organisation;
using Cchc.Core.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Cchc.Web.Data;

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> b)
    {
        b.ToTable("plans");
        b.Property(p => p.Number).HasMaxLength(100);
        b.Property(p => p.Title).HasMaxLength(Plan.MaxTitleLength).IsRequired();
        b.Property(p => p.Purpose).HasMaxLength(Plan.MaxTextLength);
        b.Property(p => p.Requirements).HasMaxLength(Plan.MaxTextLength);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Property(p => p.Bases).HasField("_bases").UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(Json.Converter<string>(), Json.Comparer<string>());
        b.HasOne<Unit>().WithMany().HasForeignKey(p => p.IssuingUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Plan>().WithMany().HasForeignKey(p => p.ParentPlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Sections).WithOne().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Targets).WithOne().HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Tasks).WithOne().HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.Sections).HasField("_sections").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(p => p.Targets).HasField("_targets").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(p => p.Tasks).HasField("_tasks").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(p => new { p.IssuingUnitId, p.PeriodFrom });
    }
}

internal sealed class PlanSectionConfiguration : IEntityTypeConfiguration<PlanSection>
{
    public void Configure(EntityTypeBuilder<PlanSection> b)
    {
        b.ToTable("plan_sections");
        b.Property(s => s.Path).HasMaxLength(50).IsRequired();
        b.Property(s => s.Heading).HasMaxLength(1000).IsRequired();
        b.Property(s => s.Area).HasMaxLength(30);
    }
}

internal sealed class TargetConfiguration : IEntityTypeConfiguration<Target>
{
    public void Configure(EntityTypeBuilder<Target> b)
    {
        b.ToTable("plan_targets");
        b.Ignore(t => t.DisplayName);
        b.Property(t => t.IndicatorCode).HasMaxLength(60);
        b.Property(t => t.CustomName).HasMaxLength(500);
        b.Property(t => t.Unit).HasMaxLength(30).IsRequired();
        b.Property(t => t.LineKey).HasMaxLength(100).IsRequired();
        b.Property(t => t.Text).HasMaxLength(Target.MaxTextLength);
        b.Property(t => t.SectionPath).HasMaxLength(50);
        b.Property(t => t.EvidenceNote).HasMaxLength(Target.MaxTextLength);
        b.Property(t => t.Comparator).HasConversion<string>().HasMaxLength(10);
        b.Property(t => t.Change).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasIndex(t => new { t.IndicatorCode, t.Year });
    }
}

internal sealed class PlanTaskConfiguration : IEntityTypeConfiguration<PlanTask>
{
    public void Configure(EntityTypeBuilder<PlanTask> b)
    {
        b.ToTable("plan_tasks");
        b.Property(t => t.Number).HasMaxLength(30).IsRequired();
        b.Property(t => t.Content).HasMaxLength(PlanTask.MaxContentLength).IsRequired();
        b.Property(t => t.Area).HasMaxLength(30);
        b.Property(t => t.LeadText).HasMaxLength(500);
        b.Property(t => t.PartnersText).HasMaxLength(1000);
        b.Property(t => t.ProductType).HasMaxLength(200);
        b.Property(t => t.Requirement).HasMaxLength(PlanTask.MaxContentLength);
        b.Property(t => t.ProductNumber).HasMaxLength(100);
        b.Property(t => t.CancellationApproval).HasMaxLength(500);
        b.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.Version).IsConcurrencyToken();
        // Lists the task owns and never queries inside: stored as JSON text on both providers.
        b.Property(t => t.PartnerUnitIds).HasField("_partnerUnitIds").UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(Json.Converter<int>(), Json.Comparer<int>());
        b.Property(t => t.Deadlines).HasField("_deadlines").UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(Json.Converter<Deadline>(), Json.Comparer<Deadline>());
        b.HasOne<Unit>().WithMany().HasForeignKey(t => t.LeadUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => new { t.LeadUnitId, t.LastDue });
        b.HasIndex(t => t.LastDue);
    }
}

/// <summary>
/// JSON text for small lists a record owns and never queries inside (bases, partner ids, deadlines). The
/// comparer compares by content and snapshots a copy, because the entities change these lists in place.
/// </summary>
internal static class Json
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static ValueConverter<IReadOnlyList<T>, string> Converter<T>() =>
        new(list => JsonSerializer.Serialize(list, Options),
            json => JsonSerializer.Deserialize<List<T>>(json, Options) ?? new List<T>());

    public static ValueComparer<IReadOnlyList<T>> Comparer<T>() where T : notnull =>
        new((a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
            list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item.GetHashCode())),
            list => list.ToList());
}
