using Cchc.Core.Dossiers;
using Cchc.Core.Organisation;
using Cchc.Core.Procedures;
using Cchc.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cchc.Web.Features.Dossiers;

public static class DossierData
{
    public static DbSet<Dossier> Dossiers(this CchcDb db) => db.Set<Dossier>();

    public static DbSet<DossierStep> DossierSteps(this CchcDb db) => db.Set<DossierStep>();

    public static DbSet<DossierEvent> DossierEvents(this CchcDb db) => db.Set<DossierEvent>();
}

// Plain columns only (no JSON): the indicator roll-ups and the 100k generator aggregate and bulk-insert them.
internal sealed class DossierConfiguration : IEntityTypeConfiguration<Dossier>
{
    public void Configure(EntityTypeBuilder<Dossier> b)
    {
        b.ToTable("dossiers");
        b.Property(d => d.Code).HasMaxLength(Dossier.CodeMaxLength).IsRequired();
        b.HasIndex(d => d.Code).IsUnique();
        b.Property(d => d.ApplicantName).HasMaxLength(Applicant.NameMaxLength).IsRequired();
        b.Property(d => d.ApplicantPhone).HasMaxLength(Applicant.PhoneMaxLength);
        b.Property(d => d.ApplicantEmail).HasMaxLength(Applicant.EmailMaxLength);
        b.Property(d => d.ApplicantAddress).HasMaxLength(Applicant.AddressMaxLength);
        b.Property(d => d.PhoneTail).HasMaxLength(4);
        b.Property(d => d.Papers).HasMaxLength(Dossier.ReasonMaxLength);
        b.Property(d => d.RuleSet).HasMaxLength(60).IsRequired();
        b.Property(d => d.RefusalReason).HasMaxLength(Dossier.ReasonMaxLength);
        b.Property(d => d.ApologyReason).HasMaxLength(Dossier.ReasonMaxLength);
        b.Property(d => d.Status).HasConversion<int>();
        b.Property(d => d.Channel).HasConversion<int>();
        b.Property(d => d.ReturnMethod).HasConversion<int?>();
        b.Property(d => d.ProcessingUnit).HasConversion<int>();
        b.Property(d => d.Version).IsConcurrencyToken();
        b.Ignore(d => d.ProcessingTime);
        b.Ignore(d => d.AppointmentDate);
        b.Ignore(d => d.FinishedAtUtc);
        // The register and the lists: a unit's dossiers by date; the sequence of the day; open dossiers by status.
        b.HasIndex(d => new { d.ReceivingUnitId, d.SubmittedAtUtc });
        b.HasIndex(d => new { d.ReceivingUnitId, d.CodeDate, d.Sequence });
        b.HasIndex(d => new { d.Status, d.DueDate });
        b.HasIndex(d => d.ProcedureId);
        // The indicator drill-down: the dossiers behind a roll-up row, by the day they count on.
        b.HasIndex(d => d.RollupReceivedOn);
        b.HasIndex(d => d.RollupFinishedOn);
        b.HasOne<Unit>().WithMany().HasForeignKey(d => d.ReceivingUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Procedure>().WithMany().HasForeignKey(d => d.ProcedureId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(d => d.Supplements).WithOne().HasForeignKey(s => s.DossierId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(d => d.Steps).WithOne().HasForeignKey(s => s.DossierId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(d => d.Events).WithOne().HasForeignKey(e => e.DossierId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(d => d.Supplements).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(d => d.Steps).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(d => d.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class DossierSupplementConfiguration : IEntityTypeConfiguration<DossierSupplement>
{
    public void Configure(EntityTypeBuilder<DossierSupplement> b)
    {
        b.ToTable("dossier_supplements");
        b.Property(s => s.Reason).HasMaxLength(Dossier.ReasonMaxLength).IsRequired();
        b.HasIndex(s => new { s.DossierId, s.Number }).IsUnique();
    }
}

internal sealed class DossierStepConfiguration : IEntityTypeConfiguration<DossierStep>
{
    public void Configure(EntityTypeBuilder<DossierStep> b)
    {
        b.ToTable("dossier_steps");
        b.HasIndex(s => new { s.DossierId, s.Number }).IsUnique();
        // Visibility to the units holding a step.
        b.HasIndex(s => s.UnitId);
        b.HasOne<Unit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DossierEventConfiguration : IEntityTypeConfiguration<DossierEvent>
{
    public void Configure(EntityTypeBuilder<DossierEvent> b)
    {
        b.ToTable("dossier_events");
        b.Property(e => e.Actor).HasMaxLength(200).IsRequired();
        b.Property(e => e.Note).HasMaxLength(DossierEvent.NoteMaxLength);
        b.Property(e => e.ExternalId).HasMaxLength(DossierEvent.ExternalIdMaxLength);
        b.Property(e => e.FromStatus).HasConversion<int?>();
        b.Property(e => e.ToStatus).HasConversion<int?>();
        b.Property(e => e.Source).HasConversion<int>();
        b.HasIndex(e => new { e.DossierId, e.AtUtc });
        // Idempotent pushes: one event per external id and dossier (NULLs are distinct on both providers).
        b.HasIndex(e => new { e.DossierId, e.ExternalId }).IsUnique();
    }
}
