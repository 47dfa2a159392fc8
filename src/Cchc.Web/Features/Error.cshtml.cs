using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cchc.Web.Features;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Heading { get; private set; } = "Đã xảy ra lỗi";
    public string Message { get; private set; } = "Yêu cầu không thực hiện được. Vui lòng thử lại sau.";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        (Heading, Message) = code switch
        {
            404 => ("Không tìm thấy trang", "Trang bạn tìm không tồn tại hoặc bạn không có quyền xem."),
            403 => ("Không có quyền truy cập", "Tài khoản của bạn không được phép thực hiện thao tác này."),
            _ => (Heading, Message),
        };
    }
}
