using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cchc.Web.Features.Account;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await signIn.PasswordSignInAsync(Input.UserName, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
            return LocalRedirect(SafeReturnUrl(Url, ReturnUrl));
        if (result.RequiresTwoFactor)
            return RedirectToPage("/Account/LoginWith2fa", new { ReturnUrl = SafeReturnUrl(Url, ReturnUrl) });
        var locked = result.IsLockedOut && await signIn.UserManager.FindByNameAsync(Input.UserName) is { LockoutEnd: { } end } && end.Year == DateTimeOffset.MaxValue.Year;
        ModelState.AddModelError(string.Empty, locked ? LockedByAdminMessage
            : result.IsLockedOut ? LockedOutMessage
            : "Tên đăng nhập hoặc mật khẩu không đúng.");
        return Page();
    }

    public const string LockedByAdminMessage = "Tài khoản đã bị khóa. Vui lòng liên hệ quản trị đơn vị.";

    public const string LockedOutMessage = "Tài khoản tạm bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau 15 phút hoặc liên hệ quản trị đơn vị.";

    /// <summary>Only a path of this site (not `//host`, not `http://…`) is followed after sign-in; anything else goes home.</summary>
    internal static string SafeReturnUrl(IUrlHelper url, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) && !returnUrl.StartsWith("/Account/Log", StringComparison.OrdinalIgnoreCase) ? returnUrl : "/";
}

public sealed class LoginInput
{
    [Required(ErrorMessage = "Vui lòng nhập tên đăng nhập.")]
    [StringLength(100, ErrorMessage = "Tên đăng nhập tối đa 100 ký tự.")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Vui lòng nhập mật khẩu.")]
    [StringLength(200, ErrorMessage = "Mật khẩu tối đa 200 ký tự.")]
    public string Password { get; set; } = "";
}
