using Cchc.Core.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Shared;

/// <summary>
/// The pages' half of the error mapping (style.md, "Errors"): a broken rule becomes an error on its field
/// (or the form), a stale edit becomes the conflict message; the page then shows the form again.
/// </summary>
/// <example><c>if (!await ModelState.TryAsync(() => useCase.HandleAsync(id, Input, user, ct))) return Page();</c></example>
public static class FormErrors
{
    public const string Conflict = "Bản ghi đã được người khác sửa trong lúc bạn thao tác. Vui lòng tải lại trang để xem bản mới nhất rồi thực hiện lại thay đổi.";

    /// <summary>Runs <paramref name="work"/>; false (with the error added) when it broke a rule or lost a concurrency race.</summary>
    /// <param name="prefix">The bound property holding the form's fields (`Input` → `Input.Name`).</param>
    public static async Task<bool> TryAsync(this ModelStateDictionary modelState, Func<Task> work, string prefix = "Input")
    {
        try
        {
            await work();
            return true;
        }
        catch (RuleViolation rule)
        {
            modelState.AddRuleViolation(rule, prefix);
            return false;
        }
        catch (DbUpdateConcurrencyException)
        {
            modelState.AddModelError(string.Empty, Conflict);
            return false;
        }
    }

    public static void AddRuleViolation(this ModelStateDictionary modelState, RuleViolation rule, string prefix = "Input") =>
        modelState.AddModelError(rule.Field is { Length: > 0 } field ? (prefix.Length == 0 ? field : prefix + "." + field) : string.Empty, rule.Message);
}
