using System.Text;
using Cchc.Core.PlanImport;
using Cchc.Web.Features.PlanImport;

namespace Cchc.Web.Tests.PlanImport;

public sealed class PlanDocumentsTests
{
    [Fact]
    public async Task A_docx_is_read_with_its_list_numbering_written_out_and_its_task_table_imported()
    {
        var result = await PlanDocuments.ReadAsync("ke-hoach.docx", TestDocuments.Docx(), TestContext.Current.CancellationToken);

        Assert.Equal("docx", result.Kind);
        // docs/plan-import-notes.md: numbering the user sees must start the line.
        Assert.Contains("\nI. MỤC ĐÍCH, YÊU CẦU\n", result.Text);
        Assert.Contains("\n1. Mục đích\n", result.Text);
        Assert.Contains("\nII. NHIỆM VỤ TRỌNG TÂM\n", result.Text);
        Assert.Contains("\n1. Cải cách thủ tục hành chính\n", result.Text); // level 1 restarts under II.
        Assert.Contains("\na) Rà soát thủ tục hành chính\n", result.Text);
        Assert.Contains("\nIII. TỔ CHỨC THỰC HIỆN\n", result.Text);
        Assert.Contains("1\tXây dựng Kế hoạch tuyên truyền", result.Text);

        var plan = result.Plan;
        Assert.Equal("12/KH-SGDĐT", plan.Document.Number);
        Assert.Equal(new DateOnly(2022, 1, 5), plan.Document.IssuedOn);
        Assert.Equal(3, plan.Tasks.Count);
        Assert.Equal(["Văn phòng Sở"], plan.Tasks[0].Lead);
        Assert.Equal(new DateOnly(2022, 3, 31), plan.Tasks[0].Deadlines.Single().Due);
        Assert.Equal(new DateOnly(2022, 10, 31), plan.Tasks[2].Deadlines.Single().Due);
        Assert.Contains(plan.Sections, s => s.Path == "II.1");
    }

    [Fact]
    public async Task A_pdf_with_a_text_layer_goes_through_pdftotext()
    {
        var pdf = TestDocuments.Pdf("SO GIAO DUC VA DAO TAO", "KE HOACH", "Cai cach hanh chinh nam 2022",
            "I. MUC DICH, YEU CAU", "- Phan dau 100% ho so duoc giai quyet dung han.");

        var result = await PlanDocuments.ReadAsync("ke-hoach.pdf", pdf, TestContext.Current.CancellationToken);

        Assert.Equal("pdf", result.Kind);
        Assert.Contains("KE HOACH", result.Text);
        Assert.Contains("Cai cach hanh chinh nam 2022", result.Text);
        Assert.NotNull(result.Plan);
    }

    [Fact]
    public async Task A_seed_text_file_is_decoded_by_core()
    {
        var result = await PlanDocuments.ReadAsync("003.txt", TestDocuments.Seed("003"), TestContext.Current.CancellationToken);

        Assert.Equal("text", result.Kind);
        Assert.Equal(38, result.Plan.Tasks.Count);
    }

    public static TheoryData<string, string, string> BadFiles() => new()
    {
        { "arbitrary bytes", "rac.txt", "garbage" },
        { "empty file", "trong.txt", "empty" },
        { "over the limit", "lon.txt", "large" },
        { "binary renamed .docx", "gia.docx", "garbage" },
        { "zip bomb .docx", "bom.docx", "bomb" },
        { "zip with too many entries", "nhieu.docx", "entries" },
        { "binary renamed .pdf", "gia.pdf", "garbage" },
        { "pdf without a text layer", "trang.pdf", "blank-pdf" },
        { "unknown extension", "bang.xlsx", "garbage" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task An_unusable_file_gives_a_clear_Vietnamese_error(string what, string name, string content)
    {
        var bytes = Bad(content);

        var error = await Assert.ThrowsAsync<PlanImportException>(() => PlanDocuments.ReadAsync(name, bytes, TestContext.Current.CancellationToken));

        Assert.True(error.InnerException is null, $"{what}: the reader failed internally: {error.InnerException}");
        Assert.Matches("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùý]", error.Message);
    }

    [Fact]
    public async Task The_zip_bomb_error_names_the_uncompressed_limit()
    {
        var error = await Assert.ThrowsAsync<PlanImportException>(() => PlanDocuments.ReadAsync("bom.docx", TestDocuments.ZipBomb(), TestContext.Current.CancellationToken));
        Assert.Contains("50 MB", error.Message);
    }

    [Fact]
    public async Task A_file_over_10_MB_is_refused_before_it_is_read()
    {
        var error = await Assert.ThrowsAsync<PlanImportException>(() => PlanDocuments.ReadAsync("lon.txt", Bad("large"), TestContext.Current.CancellationToken));
        Assert.Equal(PlanDocuments.TooLargeMessage, error.Message);
    }

    internal static byte[] Bad(string content) => content switch
    {
        "garbage" => TestDocuments.Garbage(),
        "empty" => [],
        "large" => Encoding.UTF8.GetBytes(new string('a', 50 * 1024 * 1024)),
        "bomb" => TestDocuments.ZipBomb(),
        "entries" => TestDocuments.ManyEntries(),
        "blank-pdf" => TestDocuments.Pdf(),
        _ => throw new ArgumentOutOfRangeException(nameof(content)),
    };
}
