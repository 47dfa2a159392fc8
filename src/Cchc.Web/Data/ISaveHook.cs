namespace Cchc.Web.Data;

/// <summary>
/// Derived data written in the same transaction as the change it derives from (the dossier roll-ups). Runs
/// before the audit capture; whatever it adds is detached again when the save fails, so a retry starts clean.
/// </summary>
public interface ISaveHook
{
    Task BeforeSaveAsync(CchcDb db, CancellationToken ct);

    /// <summary>Is this entity one the hook adds (detached again after a failed save; not audited)?</summary>
    bool Owns(object entity);
}
