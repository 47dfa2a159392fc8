using Microsoft.AspNetCore.Identity;

namespace Cchc.Web.Features.Account;

/// <summary>A person who signs in. Each user belongs to exactly one unit and sees that unit's subtree.</summary>
public sealed class AppUser : IdentityUser<int>
{
    public string FullName { get; set; } = "";
    public int UnitId { get; set; }
    public bool IsDemo { get; set; }
}

public sealed class AppRole : IdentityRole<int>
{
    public AppRole() { }
    public AppRole(string name) : base(name) { }
}

internal sealed class AppUserConfiguration : Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<AppUser>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.FullName).HasMaxLength(200).IsRequired();
        b.HasIndex(u => u.UnitId);
        b.HasOne<Cchc.Core.Organisation.Unit>().WithMany().HasForeignKey(u => u.UnitId)
            .OnDelete(Microsoft.EntityFrameworkCore.DeleteBehavior.Restrict);
    }
}
