using Cchc.Web.Shared.Office;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Cchc.Web.Tests.Office;

public sealed class XlsxTableTests
{
    [Fact]
    public void A_table_reads_back_with_its_strings_numbers_and_dates_shown_dd_MM_yyyy()
    {
        var table = new XlsxTable("Chỉ số", ["Đơn vị", "Tỷ lệ hồ sơ đúng hạn (%)", "Ngày cập nhật"]) { Widths = [30, 12, 14] };
        table.Titles.Add("BẢNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH");
        table.AddGroup("Phòng Giáo dục và Đào tạo");
        table.Add("Trường Mầm non Hoa Sen", 98.5, new DateOnly(2022, 2, 25));
        table.Add("Trường THCS Lê Lợi", 100, null);

        var rows = XlsxReader.ReadFirstSheet(new MemoryStream(table.ToBytes()));

        Assert.Equal(["BẢNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH"], rows[0]);
        Assert.Equal(["Đơn vị", "Tỷ lệ hồ sơ đúng hạn (%)", "Ngày cập nhật"], rows[1]);
        Assert.Equal(["Phòng Giáo dục và Đào tạo"], rows[2]);
        Assert.Equal(["Trường Mầm non Hoa Sen", "98.5", "25/02/2022"], rows[3]);
        Assert.Equal("100", rows[4][1]);
    }

    [Fact]
    public void The_header_is_styled_frozen_and_the_columns_have_the_given_widths()
    {
        var table = new XlsxTable("Bảng", ["TT", "Nội dung"]) { Widths = [6, 60] };
        table.Add(1, "Xây dựng kế hoạch");
        using var doc = SpreadsheetDocument.Open(new MemoryStream(table.ToBytes()), false);
        var wb = doc.WorkbookPart!;
        var ws = wb.WorksheetParts.Single().Worksheet;
        var widths = ws.Elements<Columns>().Single().Elements<Column>().Select(c => c.Width!.Value).ToList();
        Assert.Equal([6d, 60d], widths);
        var headerCell = ws.Descendants<Row>().First().Elements<Cell>().First();
        var format = wb.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)headerCell.StyleIndex!.Value);
        var font = wb.WorkbookStylesPart.Stylesheet.Fonts!.Elements<Font>().ElementAt((int)format.FontId!.Value);
        Assert.NotNull(font.Bold);
        Assert.Equal(1d, ws.Descendants<Pane>().Single().VerticalSplit!.Value);
        Assert.Equal("Bảng", wb.Workbook.Sheets!.Elements<Sheet>().Single().Name!.Value);
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    public void Columns_are_named_as_Excel_does(int index, string name) => Assert.Equal(name, XlsxTable.ColumnName(index));

    [Fact]
    public void A_file_that_is_not_a_workbook_is_refused()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("TT;Nội dung\n1;Báo cáo");
        Assert.Throws<NotAWorkbook>(() => XlsxReader.ReadFirstSheet(new MemoryStream(bytes)));
    }
}
