namespace Cchc.Core.Organisation;

/// <summary>
/// The materialised path of a unit: its ancestors' ids and its own, as "/1/4/17/". A unit's subtree is
/// every unit whose path starts with its path, which one indexed LIKE 'prefix%' answers on both databases.
/// </summary>
public static class UnitPath
{
    public const string Root = "/";

    public static string Of(string? parentPath, int id) => (parentPath ?? Root) + id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/";

    public static bool IsWithin(string path, string ancestorPath) => path.StartsWith(ancestorPath, StringComparison.Ordinal);

    public static int Depth(string path) => path.Count(c => c == '/') - 1;

    public static IReadOnlyList<int> Ids(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
}
