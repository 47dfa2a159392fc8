using System.Security.Cryptography;
using System.Text;
using Cchc.Core.Access;
using Cchc.Core.Common;
using Cchc.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cchc.Web.Features.Account;

/// <summary>A new key: the clear secret exists only in this value, which is shown once and never stored.</summary>
public sealed record IssuedApiKey(ApiKey Key, string Secret);

/// <summary>Issues and revokes API keys; the admin page and the `create-api-key` verb both call it.</summary>
public sealed class IssueApiKey(CchcDb db, TimeProvider clock)
{
    private const string Scheme = "cchc_";
    private const string Alphabet = "abcdefghijkmnopqrstuvwxyz23456789";

    /// <summary>Creates a key for the unit with <paramref name="unitCode"/>, checking that <paramref name="issuer"/> (null: the command line) sees it.</summary>
    public async Task<IssuedApiKey> HandleAsync(string unitCode, string role, string? name, CurrentUser? issuer, CancellationToken ct)
    {
        var units = issuer is null ? db.Units : db.Units.VisibleTo(issuer);
        var unit = await units.SingleOrDefaultAsync(u => u.Code == unitCode, ct)
            ?? throw new RuleViolation($"Không tìm thấy đơn vị có mã “{unitCode}”.", "UnitCode");
        var prefix = Random(ApiKey.PrefixLength);
        var secret = Scheme + prefix + Random(40);
        var key = new ApiKey(string.IsNullOrWhiteSpace(name) ? $"Khóa {unit.Code}" : name, prefix, Hash(secret), unit.Id, role,
            clock.GetUtcNow().UtcDateTime);
        db.Add(key);
        await db.SaveChangesAsync(ct);
        return new IssuedApiKey(key, secret);
    }

    internal static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>The lookup prefix of a presented key, or null when it does not have the key's shape.</summary>
    internal static string? PrefixOf(string presented) =>
        presented.Length == Scheme.Length + ApiKey.PrefixLength + 40 && presented.StartsWith(Scheme, StringComparison.Ordinal)
            ? presented.Substring(Scheme.Length, ApiKey.PrefixLength)
            : null;

    private static string Random(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new string(chars);
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.ToTable("api_keys");
        b.Property(k => k.Name).HasMaxLength(100).IsRequired();
        b.Property(k => k.Prefix).HasMaxLength(ApiKey.PrefixLength).IsRequired();
        b.Property(k => k.Hash).HasMaxLength(64).IsRequired();
        b.Property(k => k.Role).HasMaxLength(50).IsRequired();
        b.HasIndex(k => k.Prefix).IsUnique();
        b.HasOne<Cchc.Core.Organisation.Unit>().WithMany().HasForeignKey(k => k.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
