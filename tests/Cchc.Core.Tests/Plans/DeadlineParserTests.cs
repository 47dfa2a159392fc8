using FsCheck;
using FsCheck.Fluent;
using Cchc.Core.Plans;

namespace Cchc.Core.Tests.Plans;

public sealed class DeadlineParserTests
{
    // Every distinct deadline cell of seed 002's appendix (375/KH-SGDĐT, Hà Nội 2019) and seed 003's
    // appendix (3047/KH-SGDĐT, Hải Phòng 2022), with the date range it allows. "" = no date.
    [Theory]
    // seed 002
    [InlineData("Quý I/2019", 2019, "2019-01-01", "2019-03-31")]
    [InlineData("Quý II/2019", 2019, "2019-04-01", "2019-06-30")]
    [InlineData("Quý 01/2019", 2019, "2019-01-01", "2019-03-31")]          // row 69: "01" for I
    [InlineData("Tháng 01/2019", 2019, "2019-01-01", "2019-01-31")]
    [InlineData("Tháng 5/2019", 2019, "2019-05-01", "2019-05-31")]
    [InlineData("Tháng 10/2019", 2019, "2019-10-01", "2019-10-31")]
    [InlineData("Tháng 11/2019", 2019, "2019-11-01", "2019-11-30")]
    [InlineData("Cả năm 2019", 2019, "2019-01-01", "2019-12-31")]
    [InlineData("Theo hướng dẫn chuyên ngành trong năm 2019", 2019, "2019-01-01", "2019-12-31")]   // row 29
    // seed 003
    [InlineData("Tháng 12/2021", 2022, "2021-12-01", "2021-12-31")]
    [InlineData("10/01/2022", 2022, "", "2022-01-10")]
    [InlineData("Cả năm 2022", 2022, "2022-01-01", "2022-12-31")]
    [InlineData("Quý I/2022", 2022, "2022-01-01", "2022-03-31")]          // row 17 (found in the product column)
    [InlineData("Quý III/2022", 2022, "2022-07-01", "2022-09-30")]
    [InlineData("Từ Quý IV/2022 đến Quý I/2023", 2022, "2022-10-01", "2023-03-31")]
    [InlineData("Theo yêu cầu của Sở Nội vụ", 2022, "", "")]
    [InlineData("Theo chỉ đạo của UBND thành phố", 2022, "", "")]
    // seed 003 rows 17-20: the deadline column holds the product; it states no date
    [InlineData("Báo cáo, đề xuất", 2022, "", "")]
    [InlineData("Quyết định công bố Văn bản triển khai", 2022, "", "")]
    [InlineData("Hội nghị tập huấn", 2022, "", "")]
    // plan-import.md and domain.md forms
    [InlineData("trước ngày 25/02/2022", 2022, "", "2022-02-25")]
    [InlineData("ngày 28 tháng 01 năm 2019", 2019, "", "2019-01-28")]
    [InlineData("6 tháng đầu năm 2022", 2022, "2022-01-01", "2022-06-30")]
    [InlineData("6 tháng đầu năm", 2022, "2022-01-01", "2022-06-30")]
    [InlineData("6 tháng cuối năm", 2022, "2022-07-01", "2022-12-31")]
    [InlineData("Quý IV", 2022, "2022-10-01", "2022-12-31")]
    [InlineData("Tháng 12", 2021, "2021-12-01", "2021-12-31")]
    [InlineData("giai đoạn 2021-2025", 2021, "2021-01-01", "2025-12-31")]
    [InlineData("Từ tháng 3 đến tháng 5/2022", 2022, "2022-03-01", "2022-05-31")]
    [InlineData("15/3/2022 - 30/4/2022", 2022, "2022-03-15", "2022-04-30")]
    [InlineData("Trong tháng 01/2022", 2022, "2022-01-01", "2022-01-31")]
    [InlineData("Hằng quý", 2022, "", "")]
    [InlineData("2022-03-31", 2022, "", "2022-03-31")]          // a spreadsheet cell written as an ISO date
    [InlineData("Thường xuyên", 2022, "", "")]
    [InlineData("Hàng năm", 2022, "", "")]
    [InlineData("", 2022, null, null)]
    public void Reads_one_deadline(string text, int year, string? from, string? due)
    {
        var deadlines = DeadlineParser.Parse(text, year);

        if (from is null)
        {
            Assert.Empty(deadlines);
            return;
        }
        var d = Assert.Single(deadlines);
        Assert.Equal(text, d.Text);
        Assert.Equal(from, d.From?.ToString("yyyy-MM-dd") ?? "");
        Assert.Equal(due, d.Due?.ToString("yyyy-MM-dd") ?? "");
    }

    // Seed 002 row 1: two dialogues, one per quarter.
    [Fact]
    public void Lists_each_round_as_its_own_deadline()
    {
        var deadlines = DeadlineParser.Parse("Lần 1: Quý II/2019 Lần 2: Quý III/2019", 2019);

        Assert.Collection(deadlines,
            d => Assert.Equal(("Lần 1: Quý II/2019", new DateOnly(2019, 6, 30)), (d.Text, d.Due!.Value)),
            d => Assert.Equal(("Lần 2: Quý III/2019", new DateOnly(2019, 9, 30)), (d.Text, d.Due!.Value)));
    }

    // Seed 002 row 66: four report dates without a year; the plan's year applies and "quý I" only names the report.
    [Fact]
    public void Reads_report_days_without_a_year_in_the_plan_year()
    {
        var deadlines = DeadlineParser.Parse("Ngày 5/4: BC quý I. 5/7 BC quý II. 5/10.BC quý III. Trước 10/11 BC năm", 2019);

        Assert.Equal(
            ["Ngày 5/4: BC quý I", "5/7 BC quý II", "5/10.BC quý III", "Trước 10/11 BC năm"],
            deadlines.Select(d => d.Text));
        Assert.Equal(
            [new DateOnly(2019, 4, 5), new DateOnly(2019, 7, 5), new DateOnly(2019, 10, 5), new DateOnly(2019, 11, 10)],
            deadlines.Select(d => d.Due!.Value));
    }

    // Seed 003 row 8: issue the plan in quarter I, carry it out all year; the quarter takes the year written after it.
    [Fact]
    public void Splits_two_stages_and_borrows_the_year_written_later()
    {
        var deadlines = DeadlineParser.Parse("Ban hành kế hoạch trong quý I và triển khai thực hiện cả năm 2022", null);

        Assert.Equal(["Ban hành kế hoạch trong quý I", "triển khai thực hiện cả năm 2022"], deadlines.Select(d => d.Text));
        Assert.Equal([new DateOnly(2022, 3, 31), new DateOnly(2022, 12, 31)], deadlines.Select(d => d.Due!.Value));
    }

    [Fact]
    public void The_range_of_a_list_runs_from_its_first_start_to_its_last_due_date()
    {
        var (from, due) = DeadlineParser.Range("Lần 1: Quý II/2019 Lần 2: Quý III/2019");

        Assert.Equal((new DateOnly(2019, 4, 1), new DateOnly(2019, 9, 30)), (from!.Value, due!.Value));
    }

    [Fact]
    public void Two_months_share_the_year_written_after_them()
    {
        var deadlines = DeadlineParser.Parse("Tháng 6 và tháng 12/2022", null);

        Assert.Equal([new DateOnly(2022, 6, 30), new DateOnly(2022, 12, 31)], deadlines.Select(d => d.Due!.Value));
    }

    [Fact]
    public void A_year_less_deadline_without_a_default_year_has_no_date()
    {
        var d = Assert.Single(DeadlineParser.Parse("Quý II", null));

        Assert.Null(d.Due);
    }

    [Theory]
    [InlineData("31/02/2022")]     // no such day
    [InlineData("Quý V/2022")]
    [InlineData("Tháng 13/2022")]
    [InlineData("ngày 99/99/99999")]
    public void Impossible_dates_are_not_dates(string text)
    {
        var d = Assert.Single(DeadlineParser.Parse(text, 2022));

        Assert.Null(d.Due);
    }

    [Fact]
    public void Decomposed_input_reads_like_composed_input()
    {
        var nfd = "Từ Quý IV/2022 đến Quý I/2023".Normalize(System.Text.NormalizationForm.FormD);

        var d = Assert.Single(DeadlineParser.Parse(nfd, 2022));

        Assert.Equal(new DateOnly(2023, 3, 31), d.Due);
        Assert.Equal("Từ Quý IV/2022 đến Quý I/2023", d.Text);
    }

    [Fact]
    public void Due_is_never_before_from()
    {
        Prop.ForAll<string>(s =>
        {
            foreach (var d in DeadlineParser.Parse(s, 2022))
            {
                if (d.From is { } f && d.Due is { } u && u < f) return false;
            }
            return true;
        }).QuickCheckThrowOnFailure();
    }
}
