using Cchc.Web.Shared.Charts;

namespace Cchc.Web.Tests.Indicators;

public sealed class SvgChartsTests
{
    private static string Html(Microsoft.AspNetCore.Html.IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    [Fact]
    public void A_sparkline_says_what_it_shows_and_leaves_a_gap_for_a_month_without_data()
    {
        var svg = Html(SvgCharts.Sparkline([new("01/2025", 50), new("02/2025", null), new("03/2025", 75)], "Tỷ lệ nhiệm vụ theo tháng"));

        Assert.StartsWith("<svg", svg);
        Assert.Contains("<title>Tỷ lệ nhiệm vụ theo tháng. 01/2025: 50%; 02/2025: không có số liệu; 03/2025: 75%</title>", svg);
        Assert.Contains("role=\"img\"", svg);
        // Two separate pieces: the missing month is not drawn as 0.
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Match(svg, "<path d=\"([^\"]+)\"").Groups[1].Value.Count(c => c == 'M'));
        Assert.Equal(2, svg.Split("<circle").Length - 1);
    }

    [Fact]
    public void Labels_are_escaped()
    {
        var svg = Html(SvgCharts.HorizontalBars([new("Trường <THCS> & \"A\"", 40)], "Xếp hạng"));
        Assert.DoesNotContain("<THCS>", svg);
        Assert.Contains("Trường &lt;THCS&gt; &amp; &quot;A&quot;", svg);
    }

    [Fact]
    public void Monthly_columns_write_each_value_and_a_dash_for_no_data()
    {
        var svg = Html(SvgCharts.MonthlyBars([new("01/2025", 80), new("02/2025", null)], "Theo tháng", max: 100));
        Assert.Contains(">80<", svg);
        Assert.Contains(">–<", svg);
        Assert.Equal(1, svg.Split("<rect").Length - 1);
    }

    [Fact]
    public void Coordinates_are_written_with_a_decimal_point_under_the_Vietnamese_culture()
    {
        var before = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("vi-VN");
        try
        {
            string[] svgs =
            [
                Html(SvgCharts.Sparkline([new("01/2025", 50.5), new("02/2025", 75.25)], "Theo tháng")),
                Html(SvgCharts.HorizontalBars([new("Trường A", 40.5)], "Xếp hạng")),
                Html(SvgCharts.MonthlyBars([new("01/2025", 80.5)], "Theo tháng", max: 100)),
            ];
            // A browser rejects "27,5" as a length (it was a console error on the overview page).
            foreach (var svg in svgs)
                Assert.DoesNotMatch(@"(x|y|x1|x2|y1|y2|cx|cy|width|height|r)=""[^""]*,[^""]*""", svg);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = before;
        }
    }
}
