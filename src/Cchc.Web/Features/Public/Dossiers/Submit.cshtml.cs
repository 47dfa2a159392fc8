using Cchc.Core.Procedures;
using Cchc.Web.Data;
using Cchc.Web.Features.Dossiers;
using Cchc.Web.Features.Files;
using Cchc.Web.Features.Procedures;
using Cchc.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Features.Public.Dossiers;

/// <summary>Point 6: online submission by a citizen, with the papers as attachments (FileStore rules).</summary>
[AllowAnonymous]
[RequestFormLimits(MultipartBodyLengthLimit = FileRules.MaxRequestBytes)]
[RequestSizeLimit(FileRules.MaxRequestBytes)]
public sealed class SubmitModel(DossierService service, CchcDb db) : PageModel
{
    [BindProperty] public IntakeInput Input { get; set; } = new() { Channel = 2 };

    public IReadOnlyList<Procedure> Procedures { get; private set; } = [];
    public string? SubmittedCode { get; private set; }

    public async Task OnGetAsync(string? procedure, CancellationToken ct)
    {
        Input.ProcedureCode = procedure;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(List<IFormFile> files, CancellationToken ct)
    {
        Input.Channel = 2;
        if (ModelState.IsValid)
        {
            var contents = new List<(string, byte[])>();
            foreach (var f in files.Where(f => f.Length > 0).Take(DossierService.MaxSubmissionFiles + 1))
            {
                if (f.Length > FileRules.MaxBytes) { ModelState.AddModelError("files", $"Tệp «{f.FileName}» vượt quá {FileRules.MaxBytes / 1024 / 1024} MB."); break; }
                using var buffer = new MemoryStream((int)f.Length);
                await f.CopyToAsync(buffer, ct);
                contents.Add((f.FileName, buffer.ToArray()));
            }
            Core.Dossiers.Dossier? dossier = null;
            if (ModelState.IsValid && await ModelState.TryAsync(async () => dossier = await service.SubmitOnlineAsync(Input, contents, ct)))
                SubmittedCode = dossier!.Code;
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Procedures = await db.Procedures().AsNoTracking()
            .Where(p => p.Published && !p.Internal && (p.OnlineLevel == OnlineLevel.Partial || p.OnlineLevel == OnlineLevel.Full
                || p.OnlineLevel == OnlineLevel.LegacyLevel3 || p.OnlineLevel == OnlineLevel.LegacyLevel4))
            .OrderBy(p => p.Field).ThenBy(p => p.Name).ToListAsync(ct);
}
