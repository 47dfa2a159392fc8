using Cchc.Core.Organisation;
using Cchc.Web.Features.Account;
using Cchc.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cchc.Web.Features.Procedures;

/// <summary>Creates a procedure (no code in the address) or edits one (?code=…), with the version read kept in the form.</summary>
[Authorize(Roles = ProcedureCatalogue.EditorRoleList)]
public sealed class EditModel(ProcedureCatalogue catalogue) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public ProcedureInput Input { get; set; } = new();

    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public bool IsNew => string.IsNullOrEmpty(Code);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = HttpContext.GetCurrentUser()!;
        if (!ProcedureCatalogue.CanEdit(user)) return Forbid();
        Units = await catalogue.UnitOptionsAsync(user, ct);
        if (IsNew)
        {
            Input = new ProcedureInput { OwningUnitCode = Units.FirstOrDefault()?.Code };
            return Page();
        }
        var row = await catalogue.GetAsync(user, Code!, ct);
        if (row is null) return NotFound();
        Input = ProcedureInput.From(row.Procedure, row.Unit.Code);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = HttpContext.GetCurrentUser()!;
        if (!ProcedureCatalogue.CanEdit(user)) return Forbid();
        Units = await catalogue.UnitOptionsAsync(user, ct);
        if (!IsNew) Input.Code = Code;
        if (!ModelState.IsValid) return Page();
        var found = true;
        var ok = await ModelState.TryAsync(async () =>
        {
            if (IsNew) await catalogue.CreateAsync(user, Input, ct);
            else found = await catalogue.UpdateAsync(user, Code!, Input, ct) is not null;
        });
        if (!found) return NotFound();
        if (!ok) return Page();
        return Redirect("/Procedures?saved=" + Uri.EscapeDataString(Input.Code!.Trim()));
    }
}
