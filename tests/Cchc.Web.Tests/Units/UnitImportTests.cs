using System.Net;
using Cchc.Core.Access;
using Cchc.Web.Features.Units;
using Cchc.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Tests.Units;

public abstract class UnitImportTests(TestApp app) : DataTest(app)
{
    private Task<int> CountAsync() => App.WithDbAsync(db => db.Units.CountAsync());

    private static byte[] Sheet(params string[][] rows) => UnitSheet.Write([UnitSheet.Header, .. rows]);

    [Fact]
    public async Task Importing_creates_units_even_when_a_parent_comes_later_in_the_file()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.DistrictA, Roles.UnitAdmin);
        var (parent, child) = (Make.UniqueCode("I"), Make.UniqueCode("I"));
        var response = await Forms.UploadAsync(App.ClientFor(user), "/Units/Import", "don-vi.xlsx", Sheet(
            [child, "Điểm trường Hòa Lạc", "Trường tiểu học", parent, "01/09/2021"],
            [parent, "Trường Tiểu học Hòa Lạc", "Trường tiểu học", tree.DistrictA.Code, "01/09/2020"]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("thêm mới 2 đơn vị", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var (p, c) = await App.WithDbAsync(async db => (await db.Units.SingleAsync(u => u.Code == parent), await db.Units.SingleAsync(u => u.Code == child)));
        Assert.Equal(tree.DistrictA.Id, p.ParentId);
        Assert.Equal(p.Id, c.ParentId);
        Assert.Equal(new DateOnly(2021, 9, 1), c.ValidFrom);
    }

    [Fact]
    public async Task An_exported_tree_imports_back_unchanged()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.DistrictA, Roles.UnitAdmin);
        var client = App.ClientFor(user);
        var export = await client.GetAsync("/Units?handler=Export");
        Assert.Equal(UnitSheet.ContentType, export.Content.Headers.ContentType?.MediaType);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        var rows = UnitSheet.Read(new MemoryStream(bytes));
        Assert.Equal(UnitSheet.Header, rows[0]);
        Assert.Equal(4, rows.Count); // header, the office, its two schools

        var before = await CountAsync();
        var response = await Forms.UploadAsync(client, "/Units/Import", "don-vi.xlsx", bytes);
        Assert.Contains("thêm mới 0 đơn vị, 3 đơn vị không thay đổi", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task An_invalid_row_is_reported_by_number_in_Vietnamese_and_nothing_is_imported()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.DistrictA, Roles.UnitAdmin);
        var before = await CountAsync();
        var response = await Forms.UploadAsync(App.ClientFor(user), "/Units/Import", "don-vi.xlsx", Sheet(
            [Make.UniqueCode("I"), "Trường hợp lệ", "Trường tiểu học", tree.DistrictA.Code, "01/09/2020"],
            [Make.UniqueCode("I"), "Trường sai loại", "Trường đại học", tree.DistrictA.Code, "31/02/2020"],
            [Make.UniqueCode("I"), "Trường ngoài phạm vi", "Trường mầm non", tree.DistrictB.Code, "01/09/2020"]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Không nhập đơn vị nào vì tệp có lỗi", html, StringComparison.Ordinal);
        Assert.Contains("Loại đơn vị “Trường đại học” không hợp lệ.", html, StringComparison.Ordinal);
        Assert.Contains("Ngày hiệu lực “31/02/2020” không hợp lệ", html, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_parent_outside_the_users_subtree_fails_the_whole_import()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.DistrictA, Roles.UnitAdmin);
        var before = await CountAsync();
        var response = await Forms.UploadAsync(App.ClientFor(user), "/Units/Import", "don-vi.xlsx", Sheet(
            [Make.UniqueCode("I"), "Trường hợp lệ", "Trường tiểu học", tree.DistrictA.Code, "01/09/2020"],
            [Make.UniqueCode("I"), "Trường ngoài phạm vi", "Trường mầm non", tree.DistrictB.Code, "01/09/2020"]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"Không tìm thấy đơn vị cha “{tree.DistrictB.Code}”", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task An_oversize_upload_is_refused_in_Vietnamese()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.DistrictA, Roles.UnitAdmin);
        var before = await CountAsync();
        var response = await Forms.UploadAsync(App.ClientFor(user), "/Units/Import", "lon.xlsx", new byte[UnitSheet.MaxBytes + 1]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Tệp quá lớn: tối đa 5 MB.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_file_that_is_not_a_spreadsheet_is_refused_in_Vietnamese()
    {
        var tree = await App.TreeAsync();
        var user = await App.UserAsync(tree.DistrictA, Roles.UnitAdmin);
        var response = await Forms.UploadAsync(App.ClientFor(user), "/Units/Import", "gia.xlsx", "không phải Excel"u8.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Tệp không phải bảng tính Excel (.xlsx) hợp lệ.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class UnitImportTestsOnSqlite(SqliteApp app) : UnitImportTests(app), IClassFixture<SqliteApp>;

public sealed class UnitImportTestsOnPostgres(PostgresApp app) : UnitImportTests(app), IClassFixture<PostgresApp>;
