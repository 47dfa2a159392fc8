using System.Globalization;
using Cchc.Core.Organisation;
using Cchc.Web.Data;
using Cchc.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Features.Units;

public sealed record UnitRow(int Id, string Code, string Name, UnitType Type, int? ParentId, string? ParentCode, DateOnly ValidFrom, DateOnly? ValidTo, int Depth, int Version, bool IsDemo)
{
    public bool IsClosed => ValidTo is not null;
}

/// <summary>
/// The caller's subtree, depth first, as it stands now or as it was on a day. The page, the API and the
/// spreadsheet export all read it. For a past day, the units are those in the caller's subtree today, each
/// with its name and parent of that day (a commune's office sees the history of the schools it has now).
/// </summary>
public sealed class UnitTree(CchcDb db)
{
    private static readonly CompareInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN").CompareInfo;

    public async Task<IReadOnlyList<UnitRow>> CurrentAsync(CurrentUser user, bool includeClosed, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().VisibleTo(user)
            .Where(u => includeClosed || u.ValidTo == null)
            .ToListAsync(ct);
        return Order(units.Select(u => (u, u.Name, u.ParentId, u.ValidFrom)).ToList());
    }

    public async Task<IReadOnlyList<UnitRow>> OnAsync(CurrentUser user, DateOnly day, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().VisibleTo(user).ToListAsync(ct);
        var history = await OrganiseUnits.LoadHistoryAsync(db, ct);
        var rows = new List<(Unit, string, int?, DateOnly)>();
        foreach (var u in units)
            if (history.On(u.Id, day) is { } state)
            {
                var created = history.TimelineOf(u.Id).FirstOrDefault(e => e.Kind == UnitEventKind.Created)?.EffectiveOn ?? u.ValidFrom;
                rows.Add((u, state.Name, state.ParentId, created));
            }
        return Order(rows);
    }

    private static List<UnitRow> Order(List<(Unit Unit, string Name, int? ParentId, DateOnly ValidFrom)> items)
    {
        var byId = items.ToDictionary(i => i.Unit.Id);
        var children = items.Where(i => i.ParentId is int p && byId.ContainsKey(p))
            .ToLookup(i => i.ParentId!.Value);
        var roots = items.Where(i => i.ParentId is not int p || !byId.ContainsKey(p));
        var result = new List<UnitRow>(items.Count);
        var seen = new HashSet<int>();
        foreach (var root in Sorted(roots)) Visit(root, 0);
        return result;

        void Visit((Unit Unit, string Name, int? ParentId, DateOnly ValidFrom) item, int depth)
        {
            if (!seen.Add(item.Unit.Id)) return;
            var u = item.Unit;
            var parentCode = item.ParentId is int p && byId.TryGetValue(p, out var parent) ? parent.Unit.Code : null;
            result.Add(new UnitRow(u.Id, u.Code, item.Name, u.Type, item.ParentId, parentCode, item.ValidFrom, u.ValidTo, depth, u.Version, u.IsDemo));
            foreach (var child in Sorted(children[u.Id])) Visit(child, depth + 1);
        }

        static IEnumerable<(Unit Unit, string Name, int? ParentId, DateOnly ValidFrom)> Sorted(IEnumerable<(Unit Unit, string Name, int? ParentId, DateOnly ValidFrom)> list) =>
            list.OrderBy(i => i.Unit.Type).ThenBy(i => i.Name, Comparer<string>.Create((a, b) => Vietnamese.Compare(a, b, CompareOptions.IgnoreCase)));
    }

    /// <summary>Folds case and diacritics so that "truong tieu hoc" finds "Trường Tiểu học" (đ → d as well).</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(System.Text.NormalizationForm.FormD);
        var sb = new System.Text.StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(c switch { 'đ' => 'd', 'Đ' => 'd', _ => char.ToLowerInvariant(c) });
        }
        return sb.ToString();
    }
}
