using FsCheck;
using FsCheck.Fluent;
using System.Text;
using Cchc.Core.Text;

namespace Cchc.Core.Tests.Text;

public sealed class VietnameseTextTests
{
    [Fact]
    public void Decomposed_text_becomes_composed()
    {
        var nfd = "Thủ tục hành chính".Normalize(NormalizationForm.FormD);

        Assert.Equal("Thủ tục hành chính", VietnameseText.Nfc(nfd));
    }

    [Theory]
    [InlineData("  Kế   hoạch\t số\u00A0375 \r\n", "Kế hoạch số 375")]
    [InlineData("\u200BSở Nội vụ\uFEFF", "Sở Nội vụ")]
    [InlineData(null, "")]
    public void White_space_is_folded(string? input, string expected) =>
        Assert.Equal(expected, VietnameseText.FoldWhitespace(input));

    // domain.md: search must ignore diacritics ("thu tuc" finds "thủ tục").
    [Theory]
    [InlineData("Thủ tục hành chính", "thu tuc hanh chinh")]
    [InlineData("ĐÀO TẠO", "dao tao")]
    [InlineData("Ưu tiên", "uu tien")]
    [InlineData("Sở GD&ĐT", "so gd&dt")]
    public void Folding_drops_case_and_diacritics(string input, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(input));

    [Fact]
    public void Search_ignores_diacritics_and_form()
    {
        var nfd = "Cải cách THỦ TỤC hành chính".Normalize(NormalizationForm.FormD);

        Assert.True(VietnameseText.ContainsFolded(nfd, "thu tuc"));
        Assert.False(VietnameseText.ContainsFolded(nfd, "the che"));
    }

    // Seed 000 writes "Phân đấu" for "Phấn đấu"; seed 003 "Tỏi thiếu" for "Tối thiểu".
    [Theory]
    [InlineData("Phân đấu", "Phấn đấu", true)]
    [InlineData("Văn phòng", "van phong", true)]
    [InlineData("Văn phòng", "Thanh tra", false)]
    [InlineData("Tỏi thiếu", "Tối thiểu", true)]
    public void Tolerant_matching_forgives_diacritics_and_one_typo(string a, string b, bool expected) =>
        Assert.Equal(expected, VietnameseText.Matches(a, b));

    [Fact]
    public void Folding_keeps_positions_of_composed_text()
    {
        Prop.ForAll<string>(s =>
        {
            var nfc = VietnameseText.Nfc(s);
            return VietnameseText.FoldChars(nfc).Length == nfc.Length;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Folding_and_normalising_are_idempotent()
    {
        Prop.ForAll<string>(s =>
        {
            var folded = VietnameseText.Fold(s);
            var nfc = VietnameseText.Nfc(s);
            return VietnameseText.Fold(folded) == folded
                && VietnameseText.Nfc(nfc) == nfc
                && VietnameseText.FoldWhitespace(VietnameseText.FoldWhitespace(s)) == VietnameseText.FoldWhitespace(s);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_text_always_matches_its_own_folded_form()
    {
        Prop.ForAll<string>(s => VietnameseText.Matches(s, VietnameseText.Fold(s)) && VietnameseText.ContainsFolded(s, VietnameseText.Fold(s)))
            .QuickCheckThrowOnFailure();
    }
}
