using Microsoft.AspNetCore.Identity;

namespace Cchc.Web.Features.Account;

/// <summary>Identity's messages as users read them: in Vietnamese.</summary>
public sealed class VietnameseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => E(nameof(DefaultError), "Đã xảy ra lỗi, vui lòng thử lại.");
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), "Tài khoản vừa được người khác thay đổi; hãy tải lại trang rồi thử lại.");
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), "Mật khẩu hiện tại không đúng.");
    public override IdentityError InvalidToken() => E(nameof(InvalidToken), "Mã xác nhận không hợp lệ.");
    public override IdentityError RecoveryCodeRedemptionFailed() => E(nameof(RecoveryCodeRedemptionFailed), "Mã khôi phục không hợp lệ.");
    public override IdentityError LoginAlreadyAssociated() => E(nameof(LoginAlreadyAssociated), "Tài khoản đăng nhập này đã được liên kết.");
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), $"Tên đăng nhập “{userName}” chỉ được chứa chữ cái không dấu, chữ số và các ký tự . _ - @.");
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), $"Thư điện tử “{email}” không hợp lệ.");
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), $"Tên đăng nhập “{userName}” đã được dùng.");
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), $"Thư điện tử “{email}” đã được dùng.");
    public override IdentityError InvalidRoleName(string? role) => E(nameof(InvalidRoleName), $"Vai trò “{role}” không hợp lệ.");
    public override IdentityError DuplicateRoleName(string role) => E(nameof(DuplicateRoleName), $"Vai trò “{role}” đã tồn tại.");
    public override IdentityError UserAlreadyHasPassword() => E(nameof(UserAlreadyHasPassword), "Tài khoản đã có mật khẩu.");
    public override IdentityError UserLockoutNotEnabled() => E(nameof(UserLockoutNotEnabled), "Tài khoản này không dùng cơ chế khóa.");
    public override IdentityError UserAlreadyInRole(string role) => E(nameof(UserAlreadyInRole), $"Tài khoản đã có vai trò “{role}”.");
    public override IdentityError UserNotInRole(string role) => E(nameof(UserNotInRole), $"Tài khoản không có vai trò “{role}”.");
    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), $"Mật khẩu phải có ít nhất {length} ký tự.");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => E(nameof(PasswordRequiresUniqueChars), $"Mật khẩu phải có ít nhất {uniqueChars} ký tự khác nhau.");
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), "Mật khẩu phải có ít nhất một ký tự đặc biệt.");
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), "Mật khẩu phải có ít nhất một chữ số.");
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), "Mật khẩu phải có ít nhất một chữ thường.");
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), "Mật khẩu phải có ít nhất một chữ hoa.");

    private static IdentityError E(string code, string description) => new() { Code = code, Description = description };
}
