using System.Net;
using Cchc.Core.Access;
using Cchc.Web.Features.DossierDocuments;
using Cchc.Web.Tests.Infrastructure;

namespace Cchc.Web.Tests.DossierDocuments;

/// <summary>The preview page /Admin/DocumentSamples: forms of both rule sets, marked "MẪU", for the system admin only.</summary>
public abstract class DocumentSamplesPageTests(TestApp app) : DataTest(app)
{
    [Fact]
    public async Task The_system_admin_downloads_each_sample_marked_as_a_sample()
    {
        var tree = await App.TreeAsync();
        var admin = App.ClientFor(await App.UserAsync(tree.Department, Roles.SystemAdmin));

        var page = await (await admin.GetAsync("/Admin/DocumentSamples")).Content.ReadAsStringAsync();
        Assert.Contains("Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết", WebUtility.HtmlDecode(page));

        var slip = await admin.GetAsync("/Admin/DocumentSamples?handler=File&form=slip&period=118&format=pdf");
        Assert.Equal("application/pdf", slip.Content.Headers.ContentType?.MediaType);
        var bytes = await slip.Content.ReadAsByteArrayAsync();
        Assert.Contains("Đặng Hữu Phước", await Poppler.TextAsync(bytes));
        // The light diagonal "MẪU" is not in pdftotext's output (rotated text), so it is seen as extra shade on the page.
        var plain = DossierForms.ReceiptSlipPdf(DossierFormSamples.Slip("118")).Content;
        long marked = (await Poppler.RenderAsync(bytes, dpi: 50)).Shade(), unmarked = (await Poppler.RenderAsync(plain, dpi: 50)).Shade();
        Assert.True(marked > unmarked * 1.02, $"marked {marked}, unmarked {unmarked}");

        var letter = await admin.GetAsync("/Admin/DocumentSamples?handler=File&form=letter&period=61&format=docx");
        Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
        Assert.EndsWith(".docx", letter.Content.Headers.ContentDisposition?.FileNameStar ?? letter.Content.Headers.ContentDisposition?.FileName);
    }

    [Fact]
    public async Task An_unknown_sample_is_not_found()
    {
        var tree = await App.TreeAsync();
        var admin = App.ClientFor(await App.UserAsync(tree.Department, Roles.SystemAdmin));

        var response = await admin.GetAsync("/Admin/DocumentSamples?handler=File&form=slip&period=2019&format=pdf");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class DocumentSamplesPageTestsOnSqlite(SqliteApp app) : DocumentSamplesPageTests(app), IClassFixture<SqliteApp>;

public sealed class DocumentSamplesPageTestsOnPostgres(PostgresApp app) : DocumentSamplesPageTests(app), IClassFixture<PostgresApp>;
