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
