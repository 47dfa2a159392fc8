using System.Text.RegularExpressions;
using Cchc.Core.Dossiers;
using Cchc.Web.Features.DossierDocuments;
using Cchc.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Cchc.Web.Tests.DossierDocuments;

/// <summary>
/// The receipt slip (Mẫu 01) and the apology letter (Mẫu 04) of both rule sets, read back from the PDF text
/// layer and from the .docx: the code, the names with their marks, the dates, the form's name of its period.
/// </summary>
public sealed partial class DossierFormsTests
{
    // A dossier received under NĐ 61/2018 (before 01/07/2025) and one under NĐ 118/2025 (domain-rules 0.1).
    public static TheoryData<string> Periods() => ["61", "118"];

    private static DossierRuleSet Rules(string period) => period == "61" ? VietnamDossierRules.Decree61 : VietnamDossierRules.Decree118;

    private static ReceiptSlipData Slip(string period) => period == "61"
        ? new(Rules(period), "Ủy ban nhân dân huyện Thủy Nguyên", "Phòng Giáo dục và Đào tạo", "000.00.12.H26-250303-0001",
            "Nguyễn Thị Ánh Tuyết", "0912 345 678", "Số 5 đường Đà Nẵng, phường Lạch Tray", "Chuyển trường đối với học sinh trung học cơ sở", "1.005097",
            [new("Đơn xin chuyển trường", Originals: 1), new("Học bạ", Originals: 1), new("Giấy giới thiệu chuyển trường của Trường THCS Lê Quý Đôn", Originals: 1, Copies: 1)],
            new DateTime(2025, 3, 3, 10, 0, 0), new DateTime(2025, 3, 10, 10, 0, 0), "Bộ phận Một cửa", "Trần Văn Đức", ProcessingWorkingDays: 5, Place: "Thủy Nguyên")
        : new(Rules(period), "Ủy ban nhân dân thành phố Hải Phòng", "Sở Giáo dục và Đào tạo", "H26.12-251006-0007",
            "Đặng Hữu Phước", "0987 654 321", "Thôn Ỷ La, xã An Lão", "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc", "1.005092",
            [new("Đơn đề nghị cấp bản sao", Originals: 1), new("Căn cước công dân", Copies: 1)],
            new DateTime(2025, 10, 6, 14, 35, 0), new DateTime(2025, 10, 9, 14, 35, 0), "Dịch vụ bưu chính công ích", "Lê Thị Hồng Nhung", Place: "Hải Phòng");

    private static ApologyLetterData Letter(string period) => period == "61"
        ? new(Rules(period), "Ủy ban nhân dân huyện Thủy Nguyên", "Phòng Giáo dục và Đào tạo", "000.00.12.H26-250303-0001",
            "Nguyễn Thị Ánh Tuyết", "Chuyển trường đối với học sinh trung học cơ sở", new DateTime(2025, 3, 10, 10, 0, 0),
            "Trường tiếp nhận chưa gửi ý kiến đồng ý", new DateTime(2025, 3, 14, 16, 0, 0), "Vũ Minh Khải", "Trưởng phòng", new DateOnly(2025, 3, 7), "Thủy Nguyên")
        : new(Rules(period), "Ủy ban nhân dân thành phố Hải Phòng", "Sở Giáo dục và Đào tạo", "H26.12-251006-0007",
            "Đặng Hữu Phước", "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc", new DateTime(2025, 10, 9, 14, 35, 0),
            "Sổ gốc năm 2009 đang được lưu trữ tại Trường THPT Lê Quý Đôn", new DateTime(2025, 10, 13, 9, 0, 0), "Phạm Thị Thu Hà", "Giám đốc", new DateOnly(2025, 10, 8), "Hải Phòng");

    private static string[] SlipFacts(string period) => period == "61"
        ? ["GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Mẫu 01 (Thông tư số 01/2018/TT-VPCP)", "000.00.12.H26-250303-0001", "Nguyễn Thị Ánh Tuyết",
           "Chuyển trường đối với học sinh trung học cơ sở", "Giấy giới thiệu chuyển trường của Trường THCS Lê Quý Đôn",
           "10:00, ngày 03/03/2025", "10:00, ngày 10/03/2025", "Trần Văn Đức", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
           "Độc lập - Tự do - Hạnh phúc", "Thủy Nguyên, ngày 03 tháng 3 năm 2025", "05 ngày làm việc"]
        : ["GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Mẫu 01 (Thông tư số 03/2025/TT-VPCP)", "H26.12-251006-0007", "Đặng Hữu Phước",
           "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc", "14:35, ngày 06/10/2025", "14:35, ngày 09/10/2025", "Lê Thị Hồng Nhung",
           "Dịch vụ bưu chính công ích", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Hải Phòng, ngày 06 tháng 10 năm 2025"];

    private static string[] LetterFacts(string period) => period == "61"
        ? ["PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", "Mẫu 04 (Thông tư số 01/2018/TT-VPCP)", "000.00.12.H26-250303-0001", "Ông/Bà Nguyễn Thị Ánh Tuyết",
           "10:00, ngày 10/03/2025", "Trường tiếp nhận chưa gửi ý kiến đồng ý", "hẹn lại thời gian trả kết quả vào 16:00, ngày 14/03/2025",
           "TRƯỞNG PHÒNG", "Vũ Minh Khải", "Thủy Nguyên, ngày 07 tháng 3 năm 2025"]
        : ["VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT", "Mẫu 04 (Thông tư số 03/2025/TT-VPCP)", "H26.12-251006-0007", "Ông/Bà Đặng Hữu Phước",
           "14:35, ngày 09/10/2025", "Sổ gốc năm 2009 đang được lưu trữ tại Trường THPT Lê Quý Đôn",
           "đề nghị gia hạn thời gian giải quyết hồ sơ đến 09:00, ngày 13/10/2025", "GIÁM ĐỐC", "Phạm Thị Thu Hà", "Hải Phòng, ngày 08 tháng 10 năm 2025"];

    [Theory]
    [MemberData(nameof(Periods))]
    public async Task The_receipt_slip_pdf_carries_the_code_names_dates_and_form_of_its_period(string period)
    {
        var file = DossierForms.ReceiptSlipPdf(Slip(period));

        var text = Flat(await Poppler.TextAsync(file.Content));

        Assert.Equal("application/pdf", file.ContentType);
        Assert.EndsWith(".pdf", file.FileName);
        Assert.All(SlipFacts(period), fact => Assert.Contains(fact, text));
    }

    [Theory]
    [MemberData(nameof(Periods))]
    public void The_receipt_slip_docx_carries_the_same(string period)
    {
        var file = DossierForms.ReceiptSlipDocx(Slip(period));

        var text = DocxText(file.Content);

        Assert.EndsWith(".docx", file.FileName);
        Assert.All(SlipFacts(period), fact => Assert.Contains(fact, text));
    }

    [Theory]
    [MemberData(nameof(Periods))]
    public async Task The_apology_letter_pdf_carries_the_code_names_dates_and_form_of_its_period(string period)
    {
        var text = Flat(await Poppler.TextAsync(DossierForms.ApologyLetterPdf(Letter(period)).Content));

        Assert.All(LetterFacts(period), fact => Assert.Contains(fact, text));
    }

    [Theory]
    [MemberData(nameof(Periods))]
    public void The_apology_letter_docx_carries_the_same(string period)
    {
        var text = DocxText(DossierForms.ApologyLetterDocx(Letter(period)).Content);

        Assert.All(LetterFacts(period), fact => Assert.Contains(fact, text));
    }

    [Fact]
    public async Task The_old_apology_form_name_is_not_used_after_july_2025()
    {
        // TT 03/2025 Mẫu 04 asks to extend the processing time instead of "hẹn lại ngày trả kết quả" (domain-rules A6).
        var text = Flat(await Poppler.TextAsync(DossierForms.ApologyLetterPdf(Letter("118")).Content));

        Assert.DoesNotContain("PHIẾU XIN LỖI", text);
        Assert.DoesNotContain("01/2018", text);
    }

    [Fact]
    public void A_long_list_of_papers_flows_onto_a_second_page()
    {
        var slip = Slip("61") with { Papers = [.. Enumerable.Range(1, 40).Select(i => new ReceivedPaper($"Giấy tờ số {i} kèm theo hồ sơ của học sinh", 1))] };

        var pdf = DossierForms.ReceiptSlipPdf(slip).Content;

        using var doc = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(pdf), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        Assert.True(doc.PageCount >= 2);
    }

    [Theory]
    [InlineData(2025, 3, 5, "Hà Nội, ngày 05 tháng 3 năm 2025")]
    [InlineData(2025, 1, 15, "Hà Nội, ngày 15 tháng 01 năm 2025")] // Decree 30/2020 app. I: months 1 and 2 take a leading 0
    [InlineData(2025, 12, 1, "Hà Nội, ngày 01 tháng 12 năm 2025")]
    public void The_place_and_date_line_is_written_as_decree_30_says(int y, int m, int d, string expected) =>
        Assert.Equal(expected, DossierForms.PlaceAndDate("Hà Nội", new DateOnly(y, m, d)));

    private static string Flat(string text) => Spaces().Replace(text, " ");

    private static string DocxText(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var paragraphs = doc.MainDocumentPart!.Document.Body!.Descendants<W.Paragraph>()
            .Select(p => string.Concat(p.Descendants<W.Text>().Select(t => t.Text)));
        return Flat(string.Join(" ", paragraphs));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
