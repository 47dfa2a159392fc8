namespace Cchc.Web.Data.Audit;

/// <summary>
/// One change to business data (architecture.md, "Audit"): who, when, which record, what changed.
/// Written by <see cref="CchcDb"/> in the same transaction as the change itself, never edited afterwards.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; init; }
    public DateTime AtUtc { get; init; }
    /// <summary>The user (or API client's user) id; null for the system and anonymous visitors.</summary>
    public int? ActorId { get; init; }
    public string ActorName { get; init; } = "";
    public AuditActorKind ActorKind { get; init; }
    /// <summary>The path of the unit the change belongs to, so that a unit admin sees their subtree's entries.</summary>
    public string? UnitPath { get; init; }
    public string EntityType { get; init; } = "";
    public string EntityKey { get; init; } = "";
    public AuditAction Action { get; init; }
    /// <summary>JSON object: property → {"old": …, "new": …} for the properties that changed.</summary>
    public string Changes { get; init; } = "{}";
}

public enum AuditAction
{
    Added = 1,
    Modified = 2,
    Deleted = 3,
}

public enum AuditActorKind
{
    System = 0,
    User = 1,
    ApiClient = 2,
    Anonymous = 3,
}
