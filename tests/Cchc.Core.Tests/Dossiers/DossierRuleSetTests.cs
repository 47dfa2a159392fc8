using System.Text;
using Cchc.Core.Common;
using Cchc.Core.Dossiers;
using static Cchc.Core.Tests.Calendar.TestCalendars;

namespace Cchc.Core.Tests.Dossiers;

public sealed class DossierRuleSetTests
{
    [Theory]
    [InlineData(2019, 3, 5, 10, 0, "Nghị định 61/2018/NĐ-CP")]
    [InlineData(2025, 6, 30, 16, 29, "Nghị định 61/2018/NĐ-CP")]  // 23:29 on 30/06 in Vietnam
    [InlineData(2025, 6, 30, 17, 30, "Nghị định 118/2025/NĐ-CP")] // 00:30 on 01/07 in Vietnam
    [InlineData(2026, 2, 1, 3, 0, "Nghị định 118/2025/NĐ-CP")]
    public void A_dossier_follows_the_rules_in_force_on_its_Vietnam_receipt_date(int y, int m, int d, int h, int min, string expected)
    {
        // domain-rules 0.1: NĐ 118/2025 from 01/07/2025; earlier dossiers keep NĐ 61/2018.
        var receivedUtc = new DateTime(y, m, d, h, min, 0, DateTimeKind.Utc);

        Assert.Equal(expected, VietnamDossierRules.Default.InForceAt(receivedUtc).Name);
    }

    [Fact]
    public void The_Decree_61_forms_are_those_of_Circular_01_2018()
    {
        // TT 01/2018 art. 9 (domain-rules A9).
        var rules = VietnamDossierRules.Decree61;

        Assert.Equal(new DossierForm("Mẫu 01", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"), rules.Form(DossierFormKind.ReceiptSlip));
        Assert.Equal(new DossierForm("Mẫu 02", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"), rules.Form(DossierFormKind.SupplementRequest));
        Assert.Equal(new DossierForm("Mẫu 03", "Phiếu từ chối tiếp nhận giải quyết hồ sơ"), rules.Form(DossierFormKind.Refusal));
        Assert.Equal(new DossierForm("Mẫu 04", "Phiếu xin lỗi và hẹn lại ngày trả kết quả"), rules.Form(DossierFormKind.Apology));
        var error = Assert.Throws<RuleViolation>(() => rules.Form(DossierFormKind.StopNotice));
        Assert.Equal("Quy định theo Nghị định 61/2018/NĐ-CP không có mẫu thông báo dừng giải quyết hồ sơ.", error.Message);
    }

    [Fact]
    public void The_Decree_118_forms_are_those_of_Circular_03_2025()
    {
        // TT 03/2025 Phụ lục I (domain-rules A9): Mẫu 04 renamed, Mẫu 05 new.
        var rules = VietnamDossierRules.Decree118;

        Assert.Equal(new DossierForm("Mẫu 04", "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết"), rules.Form(DossierFormKind.Apology));
        Assert.Equal(new DossierForm("Mẫu 05", "Thông báo dừng giải quyết hồ sơ"), rules.Form(DossierFormKind.StopNotice));
        Assert.Equal(new DossierForm("Mẫu 07", "Sổ theo dõi hồ sơ"), rules.Form(DossierFormKind.Register));
    }

    [Fact]
    public void Every_form_name_is_Vietnamese_in_NFC()
    {
        var names = VietnamDossierRules.Default.Sets.SelectMany(s => s.Forms.Values).Select(f => f.Name);

        Assert.All(names, n => Assert.True(n.IsNormalized(NormalizationForm.FormC), n));
    }

    [Fact]
    public void Decree_61_codes_are_agency_date_and_a_four_digit_sequence()
    {
        // NĐ 61 art. 26 + TT 01/2018 art. 19: V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX.
        string code = VietnamDossierRules.Decree61.CodeFormat.Format("000.00.14.H26", D("2019-03-05"), 12);

        Assert.Equal("000.00.14.H26-190305-0012", code);
        Assert.True(DossierCodeFormat.TryParse(code, onNationalPlatform: false, out var parsed));
        Assert.Equal(new DossierCode("000.00.14.H26", D("2019-03-05"), null, 12), parsed);
    }

    [Fact]
    public void Decree_61_codes_cannot_number_more_than_9999_dossiers_a_day()
    {
        var error = Assert.Throws<RuleViolation>(() =>
            VietnamDossierRules.Decree61.CodeFormat.Format("000.00.14.H26", D("2019-03-05"), 10_000));

        Assert.Equal("Số thứ tự hồ sơ trong ngày phải từ 1 đến 9999.", error.Message);
    }

    [Fact]
    public void Decree_118_sequences_may_grow_past_four_digits()
    {
        // TT 03/2025 art. 13 (domain-rules A10): "at least 4 digits (may grow)".
        Assert.Equal("000.00.14.H26-260301-12345",
            VietnamDossierRules.Decree118.CodeFormat.Format("000.00.14.H26", D("2026-03-01"), 12_345));
    }

    [Fact]
    public void National_platform_codes_carry_the_platform_digits_from_25_January_2026()
    {
        // TT 03/2025 art. 13.3 added by TT 04/2025 (eff. 25/01/2026): MX1X2.Y1Y2Y3.Z1Z2-YYMMDD-AAXXXX.
        var format = VietnamDossierRules.Decree118.CodeFormat;

        string code = format.FormatOnNationalPlatform("G01.001.01", D("2026-01-26"), "07", 3);
        Assert.Equal("G01.001.01-260126-070003", code);
        Assert.True(DossierCodeFormat.TryParse(code, onNationalPlatform: true, out var parsed));
        Assert.Equal(new DossierCode("G01.001.01", D("2026-01-26"), "07", 3), parsed);

        Assert.Throws<RuleViolation>(() => format.FormatOnNationalPlatform("G01.001.01", D("2026-01-24"), "07", 3));
        Assert.Throws<RuleViolation>(() =>
            VietnamDossierRules.Decree61.CodeFormat.FormatOnNationalPlatform("G01.001.01", D("2026-01-26"), "07", 3));
    }

    [Theory]
    [InlineData("000.00.14.H26-190305-012")]
    [InlineData("000.00.14.h26-190305-0012")]
    [InlineData("000.00.14.H26-191305-0012")]
    [InlineData("000.00.14.H26_190305_0012")]
    public void Malformed_codes_do_not_parse(string code) =>
        Assert.False(DossierCodeFormat.TryParse(code, onNationalPlatform: false, out _));

    [Fact]
    public void Agency_codes_with_other_characters_are_refused()
    {
        var error = Assert.Throws<RuleViolation>(() =>
            VietnamDossierRules.Decree61.CodeFormat.Format("Sở GD", D("2019-03-05"), 1));

        Assert.Equal("agencyCode", error.Field);
    }
}
