using System.Text.RegularExpressions;
using Cchc.Web.Shared.Pdf;
using Cchc.Web.Tests.Infrastructure;
using PdfSharp.Drawing;

namespace Cchc.Web.Tests.Pdf;

/// <summary>Layout of the PDF writer: page breaks, page numbers, tables, wrapping, letterhead.</summary>
public sealed partial class PdfBuilderTests
{
    private static readonly string Long = string.Join(" ", Enumerable.Repeat("Đẩy mạnh cải cách hành chính, nâng cao chất lượng phục vụ người dân và doanh nghiệp.", 12));

    [Fact]
    public async Task Long_text_breaks_onto_new_pages_numbered_from_the_second_page()
    {
        // Decree 30/2020 app. I: page numbers at the top centre, not on the first page.
        var pdf = new PdfBuilder();
        for (var i = 0; i < 12; i++) pdf.Paragraph(Long, indent: true);

        var bytes = pdf.ToBytes();
        var text = await Poppler.TextAsync(bytes);

        Assert.True(pdf.PageCount >= 3);
        var pages = text.Split('\f', StringSplitOptions.RemoveEmptyEntries);
        Assert.DoesNotMatch(@"^\s*1\s*$", pages[0].Split('\n')[0]);
        Assert.Equal("2", pages[1].Trim().Split('\n')[0].Trim());
    }

    [Fact]
    public async Task Report_style_numbers_read_page_x_of_y()
    {
        var pdf = new PdfBuilder(new PdfPageSetup(PageNumbers: PdfPageNumbers.BottomRight, Landscape: true));
        for (var i = 0; i < 6; i++) pdf.Paragraph(Long);

        var text = await Poppler.TextAsync(pdf.ToBytes());

        Assert.Contains("Trang 1/" + pdf.PageCount, text);
        Assert.Contains($"Trang {pdf.PageCount}/{pdf.PageCount}", text);
    }

    [Fact]
    public async Task A_table_repeats_its_header_on_each_page_and_wraps_long_cells()
    {
        var pdf = new PdfBuilder();
        var rows = Enumerable.Range(1, 60).Select(i => (IReadOnlyList<string>)[i.ToString(), $"Trường Tiểu học số {i} xã Ỷ La, nội dung rất dài cần xuống dòng trong ô của bảng", "Đã hoàn thành"]);
        pdf.Table([new("STT", 0.1, PdfAlign.Center), new("Đơn vị thực hiện", 0.6), new("Kết quả", 0.3)], rows);

        var text = await Poppler.TextAsync(pdf.ToBytes());

        Assert.True(pdf.PageCount >= 2);
        Assert.Equal(pdf.PageCount, HeaderCount().Matches(text).Count);
        Assert.Contains("Trường Tiểu học số 60", text);
    }

    [Fact]
    public async Task The_letterhead_has_the_national_name_and_motto_and_the_unit_in_capitals()
    {
        var pdf = new PdfBuilder();
        pdf.Letterhead("Ủy ban nhân dân thành phố Hải Phòng", "Sở Giáo dục và Đào tạo", "Số: 12/KH-SGDĐT", "Hải Phòng, ngày 05 tháng 3 năm 2025").Title("KẾ HOẠCH");

        var text = Regex.Replace(await Poppler.TextAsync(pdf.ToBytes()), @"\s+", " ");

        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", text);
        Assert.Contains("SỞ GIÁO DỤC VÀ ĐÀO TẠO", text);
        Assert.Contains("Số: 12/KH-SGDĐT", text);
        Assert.Contains("KẾ HOẠCH", text);
    }

    [Fact]
    public async Task A_word_wider_than_the_line_is_cut_not_lost()
    {
        var code = string.Concat(Enumerable.Repeat("H26.12-251006-0007", 12));
        var pdf = new PdfBuilder();
        pdf.Paragraph(code);

        var text = Regex.Replace(await Poppler.TextAsync(pdf.ToBytes()), @"\s+", "");

        Assert.Equal(code, text);
    }

    [Fact]
    public void A_drawing_gets_a_box_inside_the_margins_and_the_document_font()
    {
        var pdf = new PdfBuilder();
        XRect box = default;
        pdf.Drawing(100, (gfx, b) => { box = b; gfx.DrawRectangle(XBrushes.Gray, b); });

        Assert.Equal(pdf.TextWidth, box.Width, 3);
        Assert.Equal(100, box.Height);
        Assert.Equal(pdf.FontFamily.Name, pdf.Font(10).FontFamily.Name);
    }

    [Fact]
    public void A_finished_builder_refuses_more_content()
    {
        var pdf = new PdfBuilder();
        pdf.Paragraph("Xong.");
        var bytes = pdf.ToBytes();

        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
        Assert.Throws<InvalidOperationException>(() => pdf.Paragraph("Thêm"));
    }

    [Fact]
    public void An_unknown_font_family_is_refused_by_name()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new PdfBuilder(new PdfPageSetup(FontFamily: "Times New Roman")));

        Assert.Contains("Times New Roman", e.Message);
    }

    [GeneratedRegex("Đơn vị thực hiện")]
    private static partial Regex HeaderCount();
}
