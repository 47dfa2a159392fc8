using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cchc.Web.Features.Account;

// The layout's sign-out form is plain HTML on every page; the SameSite=Lax cookie is not sent with a
// cross-site POST, so a forged sign-out cannot reach a session and the token adds nothing here.
[IgnoreAntiforgeryToken]
public sealed class LogoutModel(SignInManager<AppUser> signIn) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
