namespace Cchc.Core.Common;

/// <summary>
/// An editable record with optimistic concurrency: the database bumps <see cref="Version"/> on every save,
/// and an edit made from an older version is refused with a conflict instead of overwriting.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
