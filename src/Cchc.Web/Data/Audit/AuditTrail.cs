using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Cchc.Core.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Cchc.Web.Data.Audit;

/// <summary>
/// Turns the change tracker's pending changes into <see cref="AuditEntry"/> rows. Captured before the
/// save (original values are still known), completed after it (generated keys are known then).
/// </summary>
internal static class AuditTrail
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Records that are not business data: the audit itself, key material, sessions.</summary>
    private static bool IsAudited(EntityEntry entry) =>
        entry.Entity is not AuditEntry and not DataProtectionKeyRecord and not Features.PlanImport.PlanImportDraft
        && entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
        && !entry.Metadata.IsOwned();

    // Secrets never reach the audit: password hashes, token values (2FA authenticator keys, recovery
    // codes) and any column a feature names *Hash or *Secret are written as "***" (that one changed is
    // worth knowing: a new password). Security and concurrency stamps are random values that change with
    // every edit of a user: left out, as noise.
    private static bool IsSecret(EntityEntry entry, string property) =>
        property.EndsWith("Hash", StringComparison.Ordinal)
        || property.EndsWith("Secret", StringComparison.Ordinal)
        || (entry.Entity is IdentityUserToken<int> && property == nameof(IdentityUserToken<int>.Value));

    // A dossier's roll-up stamp (Rollup*) is derived bookkeeping, written with every change of its dossier.
    private static bool IsNoise(string property) =>
        property.EndsWith("Stamp", StringComparison.Ordinal) || property.StartsWith("Rollup", StringComparison.Ordinal);

    /// <param name="derived">Entities written by a save hook (roll-up deltas): derived data, not business data.</param>
    public static List<Pending> Capture(ChangeTracker tracker, Func<object, bool> derived)
    {
        var pending = new List<Pending>();
        foreach (var entry in tracker.Entries())
        {
            if (!IsAudited(entry) || derived(entry.Entity)) continue;
            var changes = new SortedDictionary<string, object?>(StringComparer.Ordinal);
            foreach (var p in entry.Properties)
            {
                var name = p.Metadata.Name;
                if (IsNoise(name)) continue;
                var secret = IsSecret(entry, name);
                switch (entry.State)
                {
                    case EntityState.Added:
                        if (p.Metadata.IsPrimaryKey() && p.Metadata.ValueGenerated != Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never) continue;
                        changes[name] = new Change(null, secret ? "***" : p.CurrentValue);
                        break;
                    case EntityState.Deleted:
                        changes[name] = new Change(secret ? "***" : p.OriginalValue, null);
                        break;
                    case EntityState.Modified when p.IsModified && !Equals(p.OriginalValue, p.CurrentValue):
                        changes[name] = secret ? new Change("***", "***") : new Change(p.OriginalValue, p.CurrentValue);
                        break;
                }
            }
            if (entry.State == EntityState.Modified && changes.Count == 0) continue;
            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Added,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Modified,
            };
            pending.Add(new Pending(entry, action, JsonSerializer.Serialize(changes, Json), entry.State == EntityState.Deleted ? KeyOf(entry) : null));
        }
        return pending;
    }

    public static AuditEntry Complete(Pending p, AuditActor actor, DateTime atUtc) => new()
    {
        AtUtc = atUtc,
        ActorId = actor.Id,
        ActorName = actor.Name,
        ActorKind = actor.Kind,
        // A unit's own entries belong to the unit (once it has its place in the tree); everything else to
        // the unit of whoever made the change.
        UnitPath = p.Entry.Entity is Unit { Path: not UnitPath.Root } unit ? unit.Path : actor.UnitPath,
        EntityType = p.Entry.Metadata.ClrType.Name,
        EntityKey = p.Key ?? KeyOf(p.Entry),
        Action = p.Action,
        Changes = p.Changes,
    };

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null) return "";
        return string.Join("|", key.Properties.Select(k => Convert.ToString(entry.Property(k.Name).CurrentValue, CultureInfo.InvariantCulture)));
    }

    internal sealed record Pending(EntityEntry Entry, AuditAction Action, string Changes, string? Key);

    private sealed record Change(
        [property: JsonPropertyName("old")] object? Old,
        [property: JsonPropertyName("new")] object? New);
}
