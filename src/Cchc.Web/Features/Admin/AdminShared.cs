using System.ComponentModel.DataAnnotations;
using Cchc.Core.Organisation;
using Cchc.Web.Data;
using Cchc.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Features.Admin;

public sealed record UnitOption(int Id, string Code, string Name, int Depth);

/// <summary>The units an administrator may place users and keys in: the existing units of their subtree.</summary>
public sealed class AdminUnits(CchcDb db)
{
    public async Task<IReadOnlyList<UnitOption>> ListAsync(CurrentUser user, CancellationToken ct)
    {
        var rows = await db.Units.AsNoTracking().VisibleTo(user).Where(u => u.ValidTo == null)
            .OrderBy(u => u.Path).Select(u => new { u.Id, u.Code, u.Name, u.Path }).ToListAsync(ct);
        return [.. rows.Select(r => new UnitOption(r.Id, r.Code, r.Name, UnitPath.Depth(r.Path)))];
    }
}

/// <summary>The fields an administrator sets on a user; the same attributes check the page and any future API.</summary>
public sealed class UserInput
{
    [Required(ErrorMessage = "Vui lòng nhập họ và tên.")]
    [StringLength(200, ErrorMessage = "Họ và tên tối đa 200 ký tự.")]
    public string FullName { get; set; } = "";

    [StringLength(256, ErrorMessage = "Thư điện tử tối đa 256 ký tự.")]
    [EmailAddress(ErrorMessage = "Thư điện tử không hợp lệ.")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Vui lòng chọn đơn vị.")]
    public int? UnitId { get; set; }

    public List<string> Roles { get; set; } = [];
}

public sealed class NewUserInput
{
    [Required(ErrorMessage = "Vui lòng nhập tên đăng nhập.")]
    [StringLength(100, ErrorMessage = "Tên đăng nhập tối đa 100 ký tự.")]
    [RegularExpression(@"^[A-Za-z0-9._@-]+$", ErrorMessage = "Tên đăng nhập chỉ gồm chữ cái không dấu, chữ số và các ký tự . _ - @.")]
    public string UserName { get; set; } = "";
}
