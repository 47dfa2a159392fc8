using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cchc.Web.Features.Account;

/// <summary>Second step of sign-in for users with the authenticator enabled: a 6-digit code or a recovery code.</summary>
[AllowAnonymous]
public sealed class LoginWith2faModel(SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty]
    public TwoFactorInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("/Account/Login");
        if (!ModelState.IsValid) return Page();
        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Trim();
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded) return LocalRedirect(LoginModel.SafeReturnUrl(Url, ReturnUrl));
        ModelState.AddModelError(string.Empty, result.IsLockedOut ? LoginModel.LockedOutMessage : "Mã xác thực không đúng hoặc đã hết hạn.");
        return Page();
    }
}

public sealed class TwoFactorInput
{
    [Required(ErrorMessage = "Vui lòng nhập mã xác thực.")]
    [StringLength(20, ErrorMessage = "Mã xác thực tối đa 20 ký tự.")]
    public string Code { get; set; } = "";
}
