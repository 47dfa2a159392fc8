using Cchc.Core.Common;

namespace Cchc.Core.Access;

/// <summary>
/// A machine client's key (a province's one-stop system, a script), bound to one unit and one role.
/// Only the SHA-256 hash of the secret is kept, with a short prefix to find the row.
/// </summary>
public sealed class ApiKey
{
    public const int PrefixLength = 8;

    private ApiKey() { }

    public ApiKey(string name, string prefix, string hash, int unitId, string role, DateTime createdAt)
    {
        name = (name ?? "").Trim();
        if (name.Length is 0 or > 100) throw new RuleViolation("Tên khóa API bắt buộc, tối đa 100 ký tự.", nameof(Name));
        if (!RoleGrants.ApiKeyRoles.Contains(role)) throw new RuleViolation("Vai trò không dùng được cho khóa API.", nameof(Role));
        if (prefix is not { Length: PrefixLength }) throw new ArgumentException("Prefix must have 8 characters.", nameof(prefix));
        Name = name;
        Prefix = prefix;
        Hash = hash;
        UnitId = unitId;
        Role = role;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Prefix { get; private set; } = "";
    /// <summary>Lower-case hex SHA-256 of the whole key.</summary>
    public string Hash { get; private set; } = "";
    public int UnitId { get; private set; }
    public string Role { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }
    public DateTime? LastUsedAt { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    public void Revoke(DateTime at) => RevokedAt ??= at;

    /// <summary>Records a use; at most once a minute so that a busy client does not write on every request.</summary>
    public bool MarkUsed(DateTime at)
    {
        if (LastUsedAt is { } last && at - last < TimeSpan.FromMinutes(1)) return false;
        LastUsedAt = at;
        return true;
    }
}
