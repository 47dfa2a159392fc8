using Cchc.Core.Common;
using Cchc.Core.Organisation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Cchc.Web.Features.Units;

/// <summary>What the editing pages share: the type list and turning a refused change into a form error.</summary>
internal static class UnitPages
{
    public const string Editors = Core.Access.Roles.SystemAdmin + "," + Core.Access.Roles.UnitAdmin;

    public static IEnumerable<SelectListItem> TypeOptions(UnitType? selected) =>
        UnitTypes.All.Select(t => new SelectListItem(UnitTypes.DisplayName(t), t.ToString(), t == selected));

    public static IEnumerable<SelectListItem> UnitOptions(IEnumerable<UnitRow> rows, string? selected) =>
        rows.Select(r => new SelectListItem(new string('\u00A0', r.Depth * 3) + r.Name + " (" + r.Code + ")", r.Code, r.Code == selected));

    /// <summary>True when the exception was a refusal the user can act on; it becomes a form error.</summary>
    public static bool TryAddError(ModelStateDictionary state, Exception e, string prefix)
    {
        switch (e)
        {
            case RuleViolation rv:
                state.AddModelError(rv.Field is null ? "" : prefix + rv.Field, rv.Message);
                return true;
            case DuplicateCode or UnitNotFound or UnitConflict:
                state.AddModelError(e is DuplicateCode ? prefix + "Code" : "", e.Message);
                return true;
            default:
                return false;
        }
    }
}
