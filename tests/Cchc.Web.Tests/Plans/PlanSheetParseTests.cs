using Cchc.Web.Features.Plans.Spreadsheet;

namespace Cchc.Web.Tests.Plans;

/// <summary>The row rules of the task sheet, without a database.</summary>
public sealed class PlanSheetParseTests
{
    private static readonly string[] Header = ["TT", "Nội dung", "Đơn vị chủ trì", "Phối hợp", "Sản phẩm", "Thời gian", "Yêu cầu", "Lĩnh vực"];

    private static readonly UnitMatcher Units = new([(1, "Văn phòng"), (2, "Phòng Tổ chức Cán bộ"), (3, "Thanh tra"), (4, "Trường THCS A"), (5, "Trường THCS A")]);

    private static PlanTaskSheet.Parsed Parse(params string[][] rows) =>
        PlanTaskSheet.Parse([["PHỤ LỤC"], Header, .. rows], 2022, Units, ["9"]);

    [Fact]
    public void Every_wrong_row_is_reported_with_its_row_column_and_what_to_fix()
    {
        var result = Parse(
            ["1", "Xây dựng Kế hoạch CCHC năm 2022", "Văn phòng", "", "Kế hoạch", "Quý I/2022"],
            ["", "Nhiệm vụ không có số", "Văn phòng", "", "", ""],
            ["1", "Trùng số thứ tự", "Văn phòng", "", "", ""],
            ["3", "", "Văn phòng", "", "", ""],
            ["4", "Lĩnh vực sai", "Văn phòng", "", "", "", "", "Cải cách giáo dục"],
            ["9", "Số đã có trong kế hoạch", "", "", "", ""]);

        Assert.Equal(
            [(4, "TT"), (5, "TT"), (6, "Nội dung"), (7, "Lĩnh vực"), (8, "TT")],
            result.Errors.Select(e => (e.Row, e.Column!)).ToList());
        Assert.Contains("dòng 3", result.Errors[1].Message);
        Assert.All(result.Errors, e => Assert.NotEmpty(e.Message));
    }

    [Fact]
    public void Unit_names_match_exactly_or_without_diacritics_and_unknown_names_stay_as_text_with_a_warning()
    {
        var result = Parse(["1", "Rà soát TTHC", "Phong to chuc can bo", "Văn phòng, Sở Nội vụ, Trường THCS A", "Báo cáo", "Tháng 6/2022"]);

        var task = Assert.Single(result.Tasks);
        Assert.Empty(result.Errors);
        Assert.Equal(2, task.LeadUnitId);
        Assert.Equal([1], task.PartnerUnitIds);
        Assert.Equal("Phong to chuc can bo", task.LeadText);
        Assert.Equal("Văn phòng, Sở Nội vụ, Trường THCS A", task.PartnersText);
        Assert.Contains(result.Warnings, w => w.Row == 3 && w.Column == "Phối hợp" && w.Message.Contains("Sở Nội vụ") && w.Message.Contains("giữ nguyên"));
        Assert.Contains(result.Warnings, w => w.Message.Contains("Trường THCS A") && w.Message.Contains("nhiều đơn vị"));
    }

    [Fact]
    public void A_group_row_gives_the_area_and_a_deadline_keeps_its_words()
    {
        var result = Parse(
            ["II", "Cải cách thủ tục hành chính"],
            ["1", "Rà soát, đơn giản hóa TTHC", "Văn phòng", "", "Báo cáo", "Lần 1: Quý II/2022 Lần 2: Quý III/2022"]);

        var task = Assert.Single(result.Tasks);
        Assert.Equal("PROCEDURES", task.Area);
        Assert.Equal(new DateOnly(2022, 9, 30), task.LastDue);
        Assert.Equal("Lần 1: Quý II/2022 Lần 2: Quý III/2022", string.Join(" ", task.Deadlines.Select(d => d.Text)));
    }

    [Fact]
    public void Swapped_product_and_deadline_columns_are_put_back_with_a_warning()
    {
        // Seed 003 rows 17–20: the deadline written under "Sản phẩm", the product under "Thời gian".
        var result = Parse(["17", "Báo cáo kết quả thực hiện", "Văn phòng", "", "Trước ngày 15/12/2022", "Báo cáo"]);

        var task = Assert.Single(result.Tasks);
        Assert.Equal("Báo cáo", task.ProductType);
        Assert.Equal(new DateOnly(2022, 12, 15), task.LastDue);
        Assert.Contains(result.Warnings, w => w.Row == 3 && w.Message.Contains("đổi chỗ"));
    }

    [Fact]
    public void A_sheet_without_a_header_row_is_refused()
    {
        var result = PlanTaskSheet.Parse([["1", "Nội dung", "Văn phòng"]], 2022, Units, []);
        Assert.Empty(result.Tasks);
        Assert.Contains("TT", Assert.Single(result.Errors).Message);
    }
}
