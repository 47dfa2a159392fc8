using Cchc.Core.Organisation;
using Cchc.Web.Data;
using Cchc.Web.Features.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cchc.Web.Tests.Infrastructure;

/// <summary>Builds valid objects with unique codes; the one data builder of the web tests.</summary>
public static class Make
{
    private static int _sequence;

    public static string UniqueCode(string prefix = "T") => $"{prefix}{Interlocked.Increment(ref _sequence):D5}{Guid.NewGuid().ToString("N")[..4]}";

    /// <summary>Creates a unit under <paramref name="parent"/> (or as a new root) and stores it with its path.</summary>
    public static async Task<Unit> UnitAsync(this TestApp app, Unit? parent = null, UnitType type = UnitType.PrimarySchool, string? name = null, DateOnly? validFrom = null)
    {
        return await app.WithDbAsync(async db =>
        {
            var code = UniqueCode("U");
            var unit = new Unit(code, name ?? $"Đơn vị thử {code}", type, validFrom ?? new DateOnly(2019, 1, 1));
            db.Units.Add(unit);
            await db.SaveChangesAsync();
            var parentTracked = parent is null ? null : await db.Units.SingleAsync(u => u.Id == parent.Id);
            unit.PlaceUnder(parentTracked);
            await db.SaveChangesAsync();
            return unit;
        });
    }

    /// <summary>Creates a user of <paramref name="unit"/> with the given roles.</summary>
    public static async Task<AppUser> UserAsync(this TestApp app, Unit unit, params string[] roles)
    {
        return await app.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = UniqueCode("user"), FullName = "Người dùng thử", UnitId = unit.Id };
            var result = await users.CreateAsync(user, "Mat-khau-thu-123");
            if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            foreach (var role in roles) await users.AddToRoleAsync(user, role);
            return user;
        });
    }

    /// <summary>A small tree: a department with an office and two districts, each with two schools.</summary>
    public static async Task<TestTree> TreeAsync(this TestApp app)
    {
        var dept = await app.UnitAsync(null, UnitType.Department, "Sở GDĐT thử");
        var office = await app.UnitAsync(dept, UnitType.DepartmentOffice, "Văn phòng Sở");
        var districtA = await app.UnitAsync(dept, UnitType.DistrictOffice, "Phòng GDĐT A");
        var districtB = await app.UnitAsync(dept, UnitType.DistrictOffice, "Phòng GDĐT B");
        var schoolA1 = await app.UnitAsync(districtA, UnitType.PrimarySchool, "Trường TH A1");
        var schoolA2 = await app.UnitAsync(districtA, UnitType.LowerSecondarySchool, "Trường THCS A2");
        var schoolB1 = await app.UnitAsync(districtB, UnitType.Kindergarten, "Trường MN B1");
        return new TestTree(dept, office, districtA, districtB, schoolA1, schoolA2, schoolB1);
    }
}

public sealed record TestTree(Unit Department, Unit Office, Unit DistrictA, Unit DistrictB, Unit SchoolA1, Unit SchoolA2, Unit SchoolB1);
