using Cchc.Web.Features.Dossiers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cchc.Web.Features.Public.Dossiers;

/// <summary>
/// Point 5: a citizen looks up their dossier with its code and the last four digits of their phone. An unknown
/// code and a wrong phone give the same answer; repeated failures from one address are refused for a while.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(DossierLookup lookup) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Phone { get; set; }

    public PublicDossierView? View { get; private set; }
    public string? Message { get; private set; }

    public const string NotFoundMessage = "Không tìm thấy hồ sơ với mã và số điện thoại đã nhập. Vui lòng kiểm tra lại mã hồ sơ trên giấy tiếp nhận và 4 số cuối điện thoại đã khai khi nộp.";
    public const string TooManyMessage = "Bạn đã tra cứu không thành công quá nhiều lần. Vui lòng thử lại sau 15 phút.";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var client = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var (result, view) = await lookup.FindAsync(client, Code, Phone, ct);
        View = view;
        Message = result switch
        {
            LookupResult.NotFound => NotFoundMessage,
            LookupResult.TooManyAttempts => TooManyMessage,
            _ => null,
        };
        if (result == LookupResult.TooManyAttempts) Response.StatusCode = StatusCodes.Status429TooManyRequests;
        return Page();
    }

    /// <summary>The result document of a dossier returned online: the code and phone are checked again, as for a lookup.</summary>
    public async Task<IActionResult> OnPostResultAsync(CancellationToken ct)
    {
        var client = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var (result, document) = await lookup.ResultAsync(client, Code, Phone, ct);
        if (document is { } d) return File(d.File.Content, d.File.ContentType, d.Attachment.OriginalName);
        Message = result == LookupResult.TooManyAttempts ? TooManyMessage : NotFoundMessage;
        if (result == LookupResult.TooManyAttempts) Response.StatusCode = StatusCodes.Status429TooManyRequests;
        return Page();
    }
}
