using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Cchc.Core.PlanImport;

namespace Cchc.Core.Tests.PlanImport;

public sealed class PlanTextReaderTests
{
    private const string Seed003 = "003_8a3eb3d91dcc6825";

    private static string SeedText(string seed) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "PlanImport", "Seeds", seed + ".txt"), Encoding.UTF8);

    private static string Json(ImportedPlan plan) =>
        JsonSerializer.Serialize(plan, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    [Fact]
    public void Utf16_with_a_byte_order_mark_reads_like_utf8()
    {
        var text = SeedText(Seed003);
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();

        Assert.Equal(Json(PlanImporter.Parse(text)), Json(PlanImporter.Parse(utf16)));
    }

    [Fact]
    public void Utf16_without_a_byte_order_mark_is_recognised_with_a_warning()
    {
        var decoded = PlanTextReader.Decode(Encoding.Unicode.GetBytes("Kế hoạch cải cách hành chính năm 2022"));

        Assert.Equal("Kế hoạch cải cách hành chính năm 2022", decoded.Text);
        Assert.Single(decoded.Warnings);
    }

    [Fact]
    public void Utf8_byte_order_mark_is_dropped()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("Sở Nội vụ")).ToArray();

        Assert.Equal("Sở Nội vụ", PlanTextReader.Decode(bytes).Text);
    }

    // domain.md: documents arrive in NFD; the result must not depend on it.
    [Fact]
    public void Decomposed_document_gives_the_same_plan_as_composed()
    {
        var nfc = SeedText(Seed003);
        var nfd = nfc.Normalize(NormalizationForm.FormD);

        Assert.Equal(Json(PlanImporter.Parse(nfc)), Json(PlanImporter.Parse(nfd)));
    }

    [Fact]
    public void Windows_1258_text_is_decoded_with_a_warning()
    {
        var ansi = CodePagesEncodingProvider.Instance.GetEncoding(1258)!;
        var bytes = ansi.GetBytes("Thủ tục hành chính".Normalize(NormalizationForm.FormD));

        var decoded = PlanTextReader.Decode(bytes);

        Assert.Equal("Thủ tục hành chính", decoded.Text.Normalize(NormalizationForm.FormC));
        Assert.Contains(decoded.Warnings, w => w.Contains("Windows-1258", StringComparison.Ordinal));
    }

    // TCVN3 (ABC) writes "Giáo dục và Đào tạo" as "Gi¸o dôc vµ §µo t¹o".
    [Fact]
    public void Tcvn3_bytes_are_converted_to_unicode()
    {
        var tcvn = string.Concat(Enumerable.Repeat("Gi¸o dôc vµ §µo t¹o. ", 10));
        var bytes = Encoding.Latin1.GetBytes(tcvn);

        var decoded = PlanTextReader.Decode(bytes);

        Assert.StartsWith("Giáo dục và Đào tạo. Giáo dục", decoded.Text);
        Assert.Contains(decoded.Warnings, w => w.Contains("TCVN3", StringComparison.Ordinal));
    }

    [Fact]
    public void Tcvn3_mojibake_inside_utf8_is_converted()
    {
        var tcvn = string.Concat(Enumerable.Repeat("Gi¸o dôc vµ §µo t¹o. ", 10));

        var decoded = PlanTextReader.Decode(Encoding.UTF8.GetBytes(tcvn));

        Assert.StartsWith("Giáo dục và Đào tạo.", decoded.Text);
    }

    // VNI writes a letter as base + mark: "Việt Nam giáo dục" is "Vieät Nam giaùo duïc".
    [Theory]
    [InlineData("Vieät Nam giaùo duïc. ", "Việt Nam giáo dục. ")]
    [InlineData("Sôû Giaùo duïc vaø Ñaøo taïo tröôøng hoïc. ", "Sở Giáo dục và Đào tạo trường học. ")]
    [InlineData("THUÛ TUÏC HAØNH CHÍNH ñuùng haïn. ", "THỦ TỤC HÀNH CHÍNH đúng hạn. ")]
    public void Vni_text_is_converted_with_a_warning(string vni, string unicode)
    {
        var text = string.Concat(Enumerable.Repeat(vni, 10));

        var fromUtf8 = PlanTextReader.Decode(Encoding.UTF8.GetBytes(text));
        var fromAnsi = PlanTextReader.Decode(Encoding.Latin1.GetBytes(text));

        Assert.StartsWith(unicode + unicode, fromUtf8.Text);
        Assert.StartsWith(unicode + unicode, fromAnsi.Text);
        Assert.Contains(fromUtf8.Warnings, w => w.Contains("VNI", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 })]
    public void Empty_or_binary_input_is_refused(byte[] bytes) =>
        Assert.Throws<PlanImportException>(() => PlanTextReader.Decode(bytes));

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t  ")]
    [InlineData("12345 67 89 / - .")]
    public void Text_without_words_is_refused(string text)
    {
        var e = Assert.Throws<PlanImportException>(() => PlanImporter.Parse(text));

        Assert.Null(e.InnerException);
    }

    // The same appendix as markdown pipe rows (a .md export) gives the same tasks as tab-separated rows.
    [Fact]
    public void Pipe_tables_read_like_tab_separated_tables()
    {
        var tabs = SeedText(Seed003);
        var lines = tabs.Split('\n').Select(l => l.Count(c => c == '\t') >= 2 ? "| " + string.Join(" | ", l.Split('\t')) + " |" : l).ToList();
        var header = lines.FindIndex(l => l.StartsWith("| TT |", StringComparison.Ordinal));
        lines.Insert(header + 1, "|---|---|---|---|---|---|");
        var pipes = string.Join("\n", lines);

        var fromTabs = PlanImporter.Parse(tabs).Tasks;
        var fromPipes = PlanImporter.Parse(pipes).Tasks;

        Assert.Equal(JsonSerializer.Serialize(fromTabs), JsonSerializer.Serialize(fromPipes));
    }

    [Fact]
    public void Markdown_and_html_markup_is_removed()
    {
        const string text = """
            Số: 12/KH-PGD
            Quận 7, ngày 14 tháng 3 năm 2019
            # **KẾ HOẠCH**
            ### <b>Thực hiện công tác</b> <i>Cải cách hành chính</i> năm 2019

            **I. MỤC TIÊU**
            - Phấn đấu **100%** hồ sơ được giải quyết đúng hạn;<br>- *Tối thiểu 30%* TTHC được công khai &amp; cập nhật.
            """;

        var plan = PlanImporter.Parse(text);

        Assert.Equal("Thực hiện công tác Cải cách hành chính năm 2019", plan.Document.Title);
        Assert.Equal(new ImportedSection("I", "MỤC TIÊU", null), Assert.Single(plan.Sections));
        Assert.Equal(["DOSSIER_ON_TIME_RATE", "PROCEDURE_PUBLISHED_RATE"], plan.Targets.Select(t => t.Indicator));
        Assert.Equal("Tối thiểu 30% TTHC được công khai & cập nhật", plan.Targets[1].Text);
    }

    [Fact]
    public void Page_number_lines_are_dropped_with_a_warning()
    {
        var text = "KẾ HOẠCH\nCải cách hành chính năm 2022\n\nI. MỤC TIÊU\n- 100% hồ sơ đúng hạn\n\n- 2 -\n\nTrang 3/12\n- 100% TTHC được công khai";

        var plan = PlanImporter.Parse(text);

        Assert.Equal(2, plan.Targets.Count);
        Assert.Contains(plan.Warnings, w => w.StartsWith("Đã bỏ 2 dòng chỉ có số trang", StringComparison.Ordinal));
    }

    // A sentence cut by a page break continues on a line starting in lower case (seed 003, section II.1.b).
    [Fact]
    public void A_sentence_cut_by_a_page_break_is_joined()
    {
        var text = "KẾ HOẠCH\nCải cách hành chính năm 2022\n\nI. MỤC TIÊU\n- Phấn đấu 100% hồ sơ được giải quyết\n\nđúng hạn và trước hạn.";

        var target = Assert.Single(PlanImporter.Parse(text).Targets);

        Assert.Equal("Phấn đấu 100% hồ sơ được giải quyết đúng hạn và trước hạn", target.Text);
        Assert.Equal("DOSSIER_ON_TIME_RATE", target.Indicator);
    }
}
