using Cchc.Core.PlanImport;

namespace Cchc.Core.Tests.PlanImport;

/// <summary>The cell rules the document importer and the spreadsheet import share.</summary>
public sealed class TaskCellsTests
{
    [Theory]
    // Seed 003 partners cell: the place list "quận, huyện" stays inside one unit.
    [InlineData("Các phòng Sở, các Phòng GD&ĐT quận, huyện, các đơn vị giáo dục", new[] { "Các phòng Sở", "các Phòng GD&ĐT quận, huyện", "các đơn vị giáo dục" })]
    // Seed 003 row 18: two lines of one cell flattened into one.
    [InlineData("Các phòng Sở, các đơn vị liên quan Văn phòng", new[] { "Các phòng Sở", "các đơn vị liên quan", "Văn phòng" })]
    // A spreadsheet cell with a line per unit (Alt+Enter in Excel).
    [InlineData("Văn phòng\nThanh tra", new[] { "Văn phòng", "Thanh tra" })]
    [InlineData("  ", new string[0])]
    public void A_unit_cell_is_split_into_units(string cell, string[] units) => Assert.Equal(units, TaskCells.Units(cell));

    [Theory]
    // Seed 003 rows 17–20: the deadline under "Sản phẩm", the product under "Thời gian".
    [InlineData("Trước ngày 15/12/2022", "Báo cáo", true)]
    [InlineData("Báo cáo", "Trước ngày 15/12/2022", false)]
    [InlineData("Quyết định", "Theo yêu cầu của Sở Nội vụ", false)]
    [InlineData("Quý I", "Quý II", false)]
    [InlineData("", "Quý I/2022", false)]
    public void Swapped_product_and_deadline_cells_are_recognised(string product, string deadline, bool swapped) =>
        Assert.Equal(swapped, TaskCells.ProductAndDeadlineSwapped(product, deadline, 2022));
}
