using Cchc.Core.Common;
using Cchc.Core.Dossiers;
using Cchc.Core.Procedures;
using Cchc.Core.Text;

namespace Cchc.Core.Tests.Procedures;

public sealed class ProcedureTests
{
    private static ProcedureDetails Details(string name = "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc", string field = "Văn bằng, chứng chỉ") =>
        new(name, field, CompetentLevel.Department, 1, ProcessingTime.WorkingDays(1), null, null, OnlineLevel.Full,
            true, true, false, IsoProcess.ElectronicIso, true, false, new DateOnly(2024, 1, 1), null);

    [Fact]
    public void A_procedure_keeps_its_details_and_a_folded_search_key()
    {
        var p = new Procedure("1.005090", Details());
        Assert.Equal("Văn bằng, chứng chỉ", p.Field);
        Assert.Equal(ProcessingTime.WorkingDays(1), p.ProcessingTime);
        Assert.Contains("cap ban sao van bang", p.SearchKey, StringComparison.Ordinal);
        Assert.StartsWith("1.005090 ", p.SearchKey, StringComparison.Ordinal);
    }

    [Fact]
    public void The_field_is_matched_to_the_catalogue_ignoring_diacritics()
    {
        var p = new Procedure("1.005090", Details(field: "van bang, chung chi"));
        Assert.Equal("Văn bằng, chứng chỉ", p.Field);
    }

    [Theory]
    [InlineData("", "Code")]
    [InlineData("mã có dấu", "Code")]
    [InlineData("1.005090 x", "Code")]
    public void A_bad_code_is_refused(string code, string field)
    {
        var e = Assert.Throws<RuleViolation>(() => new Procedure(code, Details()));
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void An_unknown_field_an_empty_or_over_long_name_are_refused_in_Vietnamese()
    {
        Assert.Contains("không có trong danh mục", Assert.Throws<RuleViolation>(() => new Procedure("1.1", Details(field: "Nông nghiệp"))).Message, StringComparison.Ordinal);
        Assert.Equal("Name", Assert.Throws<RuleViolation>(() => new Procedure("1.1", Details(name: "  "))).Field);
        Assert.Equal("Name", Assert.Throws<RuleViolation>(() => new Procedure("1.1", Details(name: new string('a', 501)))).Field);
    }

    [Fact]
    public void Online_payment_needs_an_online_service_and_an_internal_procedure_is_not_published()
    {
        Assert.Equal("OnlinePayment", Assert.Throws<RuleViolation>(() =>
            new Procedure("1.1", Details() with { OnlineLevel = OnlineLevel.None, OnlinePayment = true })).Field);
        Assert.Equal("Published", Assert.Throws<RuleViolation>(() =>
            new Procedure("1.1", Details() with { Internal = true, Published = true })).Field);
        Assert.Equal("EffectiveTo", Assert.Throws<RuleViolation>(() =>
            new Procedure("1.1", Details() with { EffectiveTo = new DateOnly(2023, 12, 31) })).Field);
    }

    [Fact]
    public void A_refused_update_changes_nothing()
    {
        var p = new Procedure("1.005090", Details());
        Assert.Throws<RuleViolation>(() => p.Update(Details(name: "Tên mới") with { FeeAmount = -1 }));
        Assert.Equal("Cấp bản sao văn bằng, chứng chỉ từ sổ gốc", p.Name);
    }

    [Theory]
    // issue 5: diacritics and word order ignored.
    [InlineData("cap ban sao van bang")]
    [InlineData("CẤP BẢN SAO")]
    [InlineData("van bang ban sao")]
    [InlineData("so goc cap")]
    [InlineData("1.005090")]
    public void The_search_finds_a_name_without_diacritics_and_in_any_word_order(string query)
    {
        var p = new Procedure("1.005090", Details());
        Assert.True(ProcedureSearch.Score(p.SearchKey, VietnameseText.Fold(p.Name), p.Code, ProcedureSearch.Words(query)) > 0);
    }

    [Fact]
    public void The_search_needs_every_word_and_ranks_the_phrase_first()
    {
        var copy = new Procedure("1.1", Details());
        var other = new Procedure("1.2", Details(name: "Chỉnh sửa nội dung văn bằng, chứng chỉ, cấp lại bản sao"));
        var words = ProcedureSearch.Words("cap ban sao");
        Assert.Equal(0, ProcedureSearch.Score(copy.SearchKey, VietnameseText.Fold(copy.Name), copy.Code, ProcedureSearch.Words("cap ban sao hoc ba")));
        Assert.True(ProcedureSearch.Score(copy.SearchKey, VietnameseText.Fold(copy.Name), copy.Code, words)
            > ProcedureSearch.Score(other.SearchKey, VietnameseText.Fold(other.Name), other.Code, words));
    }
}
