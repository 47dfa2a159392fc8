using System.Text.Json;
using Cchc.Core.PlanImport;

namespace Cchc.Core.Tests.PlanImport;

public sealed class PlanImporterTests
{
    private const string Header = "Số: 12/KH-SGDĐT\nHải Phòng, ngày 31 tháng 12 năm 2021\n\nKẾ HOẠCH\nCải cách hành chính năm 2022\n\n";

    // plan-import.md: "Field names are fixed"; the CLI and the API print this JSON.
    [Fact]
    public void Json_uses_the_contract_names()
    {
        var plan = PlanImporter.Parse(Header + "I. MỤC TIÊU\n- Phấn đấu 100% hồ sơ đúng hạn.\nBáo cáo quý I gửi trước ngày 01/3/2022.");

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(plan));
        var root = json.RootElement;

        Assert.Equal(["document", "sections", "targets", "tasks", "reports", "childPlanDue", "warnings"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["number", "place", "issuedOn", "issuedYear", "title", "periodFrom", "periodTo", "bases", "signer", "recipients"],
            root.GetProperty("document").EnumerateObject().Select(p => p.Name));
        Assert.Equal("2021-12-31", root.GetProperty("document").GetProperty("issuedOn").GetString());
        var target = root.GetProperty("targets")[0];
        Assert.Equal(["text", "indicator", "comparator", "value", "unit", "year", "section"], target.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["period", "year", "due", "text"], root.GetProperty("reports")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("2022-03-01", root.GetProperty("reports")[0].GetProperty("due").GetString());
    }

    // plan-import.md: "Số:      /KH-…" left blank → null; "ngày  tháng 12 năm 2021" → no date, year known (seed 001).
    [Fact]
    public void Blank_number_and_day_give_nulls_and_the_year()
    {
        var plan = PlanImporter.Parse("Số:      /KH-SGDĐT\nBà Rịa – Vũng Tàu, ngày  tháng 12 năm 2021\n\nKẾ HOẠCH\nCải cách hành chính giai đoạn 2021-2025\n");

        Assert.Null(plan.Document.Number);
        Assert.Null(plan.Document.IssuedOn);
        Assert.Equal(2021, plan.Document.IssuedYear);
        Assert.Equal((2021, 2025), (plan.Document.PeriodFrom, plan.Document.PeriodTo));
        Assert.Contains(plan.Warnings, w => w.StartsWith("Số văn bản để trống", StringComparison.Ordinal));
    }

    // domain.md: "…, trong đó …" is two targets (seed 000 I.3).
    [Fact]
    public void A_sentence_with_trong_do_gives_two_targets()
    {
        var plan = PlanImporter.Parse(Header + "I. CHỈ TIÊU\n- Phân đấu 100% TTHC được giải quyết và trả kết quả đúng hạn, trong đó phân đấu 50% số TTHC được trả trước hạn.");

        Assert.Collection(plan.Targets,
            t => Assert.Equal(("DOSSIER_ON_TIME_RATE", "=", 100.0), (t.Indicator, t.Comparator, t.Value)),
            t => Assert.Equal(("DOSSIER_EARLY_RATE", ">=", 50.0), (t.Indicator, t.Comparator, t.Value)));
        Assert.Equal("Phân đấu 100% TTHC được giải quyết và trả kết quả đúng hạn", plan.Targets[0].Text);
    }

    // domain.md: 001's online dossier share ≥30% by 2023 and ≥50% by 2025; digitisation ≥30% in 2021–2022 then +20 points a year.
    [Fact]
    public void Trajectories_give_one_target_per_year()
    {
        var plan = PlanImporter.Parse(Header.Replace("năm 2022", "giai đoạn 2021-2025") + "I. MỤC TIÊU\n" +
            "- Đến năm 2023, tỷ lệ hồ sơ giải quyết theo dịch vụ công trực tuyến mức độ 3, 4 trên tổng số hồ sơ đạt tối thiểu 30% và đến năm 2025 đạt từ 50% trở lên.\n" +
            "- Năm 2021, 2022 số hóa kết quả giải quyết TTHC đạt tỷ lệ tối thiểu 30%. Năm 2023-2025 mỗi năm tăng tối thiểu 20% cho đến khi đạt 100%.");

        Assert.Equal([(2023, 30.0), (2025, 50.0)],
            plan.Targets.Where(t => t.Indicator == "DOSSIER_ONLINE_RATE").Select(t => (t.Year!.Value, t.Value)));
        Assert.Equal([(2021, 30.0), (2022, 30.0), (2023, 50.0), (2024, 70.0), (2025, 90.0)],
            plan.Targets.Where(t => t.Indicator == "DOSSIER_DIGITISED_RESULT_RATE").Select(t => (t.Year!.Value, t.Value)));
    }

    // domain.md: ranks, counts and times are targets too (000, 002, 003).
    [Theory]
    [InlineData("Chỉ số CCHC của huyện năm 2022 tăng bậc so với năm 2021.", "PAR_INDEX_RANK", ">=", 1, "rank")]
    [InlineData("Thực hiện đối thoại với các tổ chức, doanh nghiệp 02 lần/năm.", "BUSINESS_DIALOGUES_PER_YEAR", "=", 2, "times")]
    [InlineData("Thời gian chờ đợi tại Bộ phận Một cửa trung bình còn tối đa 30 phút/01 lần đến giao dịch.", "DESK_WAIT_MINUTES_AVG", "<=", 30, "minutes")]
    [InlineData("Tỷ lệ hồ sơ giải quyết đúng hạn đạt trên 97%.", "DOSSIER_ON_TIME_RATE", ">", 97, "%")]
    public void Ranks_counts_and_times_are_targets(string sentence, string indicator, string comparator, double value, string unit)
    {
        var target = Assert.Single(PlanImporter.Parse(Header + "I. CHỈ TIÊU\n- " + sentence).Targets);

        Assert.Equal((indicator, comparator, value, unit, 2022), (target.Indicator, target.Comparator, target.Value, target.Unit, target.Year!.Value));
    }

    // The brief: "rows continuing on the next line": a wrapped cell without tabs joins the row above.
    [Fact]
    public void A_wrapped_cell_line_continues_the_row_above()
    {
        var text = Header + "PHỤ LỤC\n" +
            "TT\tNội dung\tĐơn vị chủ trì\tThời gian\n" +
            "1\tRà soát thủ tục hành chính\tVăn phòng\tQuý I/2022\n" +
            "nội bộ giữa các cơ quan\n" +
            "2\tCông bố thủ tục\tVăn phòng\tQuý II/2022\n";

        var tasks = PlanImporter.Parse(text).Tasks;

        Assert.Equal(["Rà soát thủ tục hành chính nội bộ giữa các cơ quan", "Công bố thủ tục"], tasks.Select(t => t.Content));
        Assert.Equal([new DateOnly(2022, 3, 31), new DateOnly(2022, 6, 30)], tasks.Select(t => t.Deadlines[0].Due!.Value));
    }

    // A table header repeated after a page break, then the rest of the cut row (seed 003 rows 3, 11, 23, 27, 36).
    [Fact]
    public void A_row_cut_by_a_page_break_is_joined_after_the_repeated_header()
    {
        var text = Header + "PHỤ LỤC\n" +
            "TT\tNội dung\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian\n" +
            "1\tTham gia tập huấn, nghiệp vụ về\tThanh tra\tCác phòng liên\tCả năm 2022\n" +
            "\n" +
            "TT\tNội dung\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian\n" +
            "\tcông tác rà soát văn bản\t\tquan, các đơn vị giáo dục\t\n";

        var task = Assert.Single(PlanImporter.Parse(text).Tasks);

        Assert.Equal("Tham gia tập huấn, nghiệp vụ về công tác rà soát văn bản", task.Content);
        Assert.Equal(["Các phòng liên quan", "các đơn vị giáo dục"], task.Partners);
    }

    [Fact]
    public void Units_are_split_at_commas_but_not_inside_place_lists()
    {
        var text = Header + "PHỤ LỤC\nTT\tNội dung\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian\n" +
            "1\tKế hoạch\tVăn phòng\tCác phòng Sở, các Phòng GD&ĐT quận, huyện, thị xã, các đơn vị giáo dục\tQuý I/2022\n";

        var task = Assert.Single(PlanImporter.Parse(text).Tasks);

        Assert.Equal(["Các phòng Sở", "các Phòng GD&ĐT quận, huyện, thị xã", "các đơn vị giáo dục"], task.Partners);
    }

    [Fact]
    public void A_document_without_a_plan_shape_gives_warnings_not_an_error()
    {
        var plan = PlanImporter.Parse("Đây chỉ là một đoạn văn bản bình thường, không phải kế hoạch.");

        Assert.Empty(plan.Tasks);
        Assert.Contains(plan.Warnings, w => w.StartsWith("Không tìm thấy tên kế hoạch", StringComparison.Ordinal));
        Assert.Contains(plan.Warnings, w => w.StartsWith("Không tìm thấy nhiệm vụ nào", StringComparison.Ordinal));
    }

    // A .docx letterhead is a two-column table: the web layer's text gives one TAB between the columns.
    [Fact]
    public void A_letterhead_table_gives_issuer_number_place_and_date()
    {
        var text = "UBND TỈNH BÀ RỊA – VŨNG TÀU\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n" +
            "SỞ GIÁO DỤC VÀ ĐÀO TẠO\tĐộc lập - Tự do - Hạnh phúc\n" +
            "Số: 1234 /KH-SGDĐT\tBà Rịa – Vũng Tàu, ngày 20 tháng 12 năm 2021\n\nKẾ HOẠCH\nCải cách hành chính năm 2022\n";

        var document = PlanImporter.Parse(text).Document;

        Assert.Equal("UBND TỈNH BÀ RỊA – VŨNG TÀU / SỞ GIÁO DỤC VÀ ĐÀO TẠO", document.Issuer);
        Assert.Equal("1234/KH-SGDĐT", document.Number);
        Assert.Equal("Bà Rịa – Vũng Tàu", document.Place);
        Assert.Equal(new DateOnly(2021, 12, 20), document.IssuedOn);
    }

    // Columns are found by their header, in any order.
    [Fact]
    public void Columns_are_mapped_by_their_header_not_their_position()
    {
        var text = Header + "DANH MỤC NHIỆM VỤ\n" +
            "STT\tNội dung nhiệm vụ\tThời gian hoàn thành\tCơ quan chủ trì\tĐơn vị phối hợp\tKết quả/Sản phẩm\n" +
            "1.\tRà soát quy chế làm việc\ttrước ngày 15/3/2022\tVăn phòng\tThanh tra, Phòng Tổ chức cán bộ\tQuyết định\n";

        var task = Assert.Single(PlanImporter.Parse(text).Tasks);

        Assert.Equal(("1", "Rà soát quy chế làm việc", "Quyết định"), (task.Number, task.Content, task.Product));
        Assert.Equal(["Văn phòng"], task.Lead);
        Assert.Equal(["Thanh tra", "Phòng Tổ chức cán bộ"], task.Partners);
        Assert.Equal(new DateOnly(2022, 3, 15), Assert.Single(task.Deadlines).Due);
    }

    // plan-import.md: without an appendix, bullets are tasks "with lead units and deadlines only where the bullet states them".
    [Fact]
    public void A_bullet_task_takes_only_a_deadline_its_words_mark()
    {
        var text = Header + "II. NỘI DUNG CẢI CÁCH HÀNH CHÍNH\n1. Cải cách thủ tục hành chính\n" +
            "- Triển khai Nghị định số 107/2021/NĐ-CP ngày 06/12/2021 của Chính phủ.\n" +
            "- Công bố danh mục TTHC trước ngày 31/3/2022.";

        var tasks = PlanImporter.Parse(text).Tasks;

        Assert.Equal(["PROCEDURES", "PROCEDURES"], tasks.Select(t => t.Area));
        Assert.Empty(tasks[0].Deadlines);
        Assert.Equal(new DateOnly(2022, 3, 31), Assert.Single(tasks[1].Deadlines).Due);
    }

    // A .docx puts "Nơi nhận" and the signature side by side: the lines interleave.
    [Fact]
    public void Recipients_and_signature_side_by_side_are_told_apart()
    {
        var text = Header + "I. MỤC TIÊU\n- Nâng cao chất lượng.\n\n" +
            "Nơi nhận:\tKT. GIÁM ĐỐC\n- UBND tỉnh;\tPHÓ GIÁM ĐỐC\n- Sở Nội vụ;\n- Lưu: VT.\tNguyễn Văn An\n";

        var document = PlanImporter.Parse(text).Document;

        Assert.Equal(["UBND tỉnh", "Sở Nội vụ"], document.Recipients);
        Assert.Equal(new ImportedSigner("KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC", "Nguyễn Văn An"), document.Signer);
    }

    [Fact]
    public void Word_symbol_bullets_are_bullets()
    {
        var text = Header + "II. NỘI DUNG\n1. Cải cách thể chế\n\uF0B7 Rà soát văn bản quy phạm pháp luật.\n• Kiểm tra văn bản.";

        var tasks = PlanImporter.Parse(text).Tasks;

        Assert.Equal(["Rà soát văn bản quy phạm pháp luật.", "Kiểm tra văn bản."], tasks.Select(t => t.Content));
    }
}
