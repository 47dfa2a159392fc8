using System.Net;
using System.Net.Http.Json;
using Cchc.Core.Access;
using Cchc.Web.Features.Procedures;
using Cchc.Web.Features.Units;
using Cchc.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using UnitForms = Cchc.Web.Tests.Units.Forms;

namespace Cchc.Web.Tests.Procedures;

public abstract class ProcedureSheetTests(TestApp app) : DataTest(app)
{
    private static byte[] Sheet(params string[][] rows) => UnitSheet.Write([ProcedureSheet.Header, .. rows]);

    private static string[] Row(string code, string unitCode, string name = "Phúc khảo bài thi tốt nghiệp trung học phổ thông", string field = "Thi, tuyển sinh") =>
        [code, name, field, "Sở Giáo dục và Đào tạo", unitCode, "15", "ngày làm việc", "", "", "Dịch vụ công trực tuyến toàn trình",
         "Có", "Có", "Không", "ISO điện tử", "Có", "Không", "01/01/2024", ""];

    private Task<int> CountAsync() => App.WithDbAsync(db => db.Procedures().CountAsync());

    [Fact]
    public async Task The_export_imports_back_unchanged_and_a_new_row_is_added()
    {
        var tree = await App.TreeAsync();
        var client = App.ClientFor(await App.UserAsync(tree.DistrictA, Roles.UnitAdmin));
        var code = Make.UniqueCode("X");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/procedures", new
        {
            code, name = "Chuyển trường đối với học sinh trung học cơ sở", field = "Giáo dục trung học", level = "Commune",
            owningUnitCode = tree.DistrictA.Code, processingAmount = 3, feeText = "Không thu phí", feeAmount = 0, onlineLevel = "LegacyLevel3",
            postalReceipt = true, iso = "Iso", published = true, effectiveFrom = "2021-06-01", effectiveTo = "2030-12-31",
        })).StatusCode);

        var exported = await client.GetAsync("/Procedures?handler=Export");
        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        var bytes = await exported.Content.ReadAsByteArrayAsync();
        var before = await App.WithDbAsync(db => db.Procedures().AsNoTracking().SingleAsync(p => p.Code == code));

        var again = await UnitForms.UploadAsync(client, "/Procedures/Import", "thu-tuc.xlsx", bytes);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("thêm mới 0, cập nhật 0", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var after = await App.WithDbAsync(db => db.Procedures().AsNoTracking().SingleAsync(p => p.Code == code));
        Assert.Equal(before.Details, after.Details);
        Assert.Equal(before.Version, after.Version);

        var newCode = Make.UniqueCode("X");
        var added = await UnitForms.UploadAsync(client, "/Procedures/Import", "moi.xlsx", Sheet(Row(newCode, tree.DistrictA.Code)));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var stored = await App.WithDbAsync(db => db.Procedures().SingleAsync(p => p.Code == newCode));
        Assert.Equal("Thi, tuyển sinh", stored.Field);
        Assert.Equal(15, stored.ProcessingAmount);
    }

    [Fact]
    public async Task A_sheet_with_a_bad_row_stores_nothing_and_names_the_row()
    {
        var tree = await App.TreeAsync();
        var client = App.ClientFor(await App.UserAsync(tree.Department, Roles.SystemAdmin));
        var before = await CountAsync();
        var good = Row(Make.UniqueCode("X"), tree.Department.Code);
        var unknownField = Row(Make.UniqueCode("X"), tree.Department.Code, field: "Nông nghiệp");
        var longName = Row(Make.UniqueCode("X"), tree.Department.Code, name: new string('a', 501));
        var badDate = Row(Make.UniqueCode("X"), tree.Department.Code);
        badDate[16] = "31/02/2024";
        var response = await UnitForms.UploadAsync(client, "/Procedures/Import", "loi.xlsx", Sheet(good, unknownField, longName, badDate));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("<td>3</td><td>Lĩnh vực «Nông nghiệp» không có trong danh mục lĩnh vực.</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>4</td><td>Tên thủ tục tối đa 500 ký tự.</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>5</td><td>Cột «Hiệu lực từ» phải là ngày dạng dd/mm/yyyy.</td>", html, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_file_that_is_not_xlsx_or_too_large_is_refused()
    {
        var tree = await App.TreeAsync();
        var client = App.ClientFor(await App.UserAsync(tree.Department, Roles.SystemAdmin));
        var notXlsx = await UnitForms.UploadAsync(client, "/Procedures/Import", "a.xlsx", "không phải excel"u8.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, notXlsx.StatusCode);
        Assert.Contains("không phải bảng tính Excel", WebUtility.HtmlDecode(await notXlsx.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var large = await UnitForms.UploadAsync(client, "/Procedures/Import", "a.xlsx", new byte[ProcedureSheet.MaxBytes + 10]);
        Assert.Equal(HttpStatusCode.BadRequest, large.StatusCode);
        Assert.Contains("tối đa 5 MB", WebUtility.HtmlDecode(await large.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}

public sealed class ProcedureSheetTestsOnSqlite(SqliteApp app) : ProcedureSheetTests(app), IClassFixture<SqliteApp>;

public sealed class ProcedureSheetTestsOnPostgres(PostgresApp app) : ProcedureSheetTests(app), IClassFixture<PostgresApp>;
