using System.Security.Cryptography;
using Cchc.Core.Access;
using Cchc.Core.Organisation;
using Cchc.Web.Data;
using Cchc.Web.Features.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web;

/// <summary>
/// What an empty database needs before anyone can sign in: a root unit, the roles, and the first
/// administrator, whose password is generated here and shown once (no secret lives in the repository).
/// </summary>
public sealed class FirstStart(CchcDb db, UserManager<AppUser> users, RoleManager<AppRole> roles, TimeProvider clock, ILogger<FirstStart> log)
{
    public const string AdminUserName = "admin";

    public static async Task RunAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<FirstStart>().EnsureAsync(ct);
    }

    public async Task EnsureAsync(CancellationToken ct)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new AppRole(role));

        if (await users.Users.AnyAsync(ct)) return;

        var root = await db.Units.OrderBy(u => u.Id).FirstOrDefaultAsync(u => u.ParentId == null, ct);
        if (root is null)
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(7));
            root = new Unit("ROOT", "Đơn vị gốc", UnitType.Department, today);
            db.Units.Add(root);
            await db.SaveChangesAsync(ct);
            root.PlaceUnder(null);
            await db.SaveChangesAsync(ct);
        }

        var password = GeneratePassword();
        var admin = new AppUser { UserName = AdminUserName, FullName = "Quản trị hệ thống", UnitId = root.Id };
        var result = await users.CreateAsync(admin, password);
        if (!result.Succeeded)
            throw new InvalidOperationException("Could not create the first administrator: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(admin, Roles.SystemAdmin);

        // Shown once, on the console only: it is never stored in clear or written to a log file.
        Console.WriteLine();
        Console.WriteLine("==============================================================");
        Console.WriteLine($" Tài khoản quản trị đầu tiên / first administrator: {AdminUserName}");
        Console.WriteLine($" Mật khẩu / password (chỉ hiện một lần / shown once): {password}");
        Console.WriteLine("==============================================================");
        Console.WriteLine();
        log.LogInformation("First administrator {User} created; its password was shown once on the console", AdminUserName);
    }

    internal static string GeneratePassword()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        var chars = new char[16];
        for (var i = 0; i < chars.Length; i++) chars[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        // Identity's default policy wants a digit, a lower and an upper case letter.
        chars[0] = 'K'; chars[1] = 'm'; chars[2] = (char)('2' + RandomNumberGenerator.GetInt32(8));
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
