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

    // Characters plans are made of (the fast path of Nfc) mixed with those it must hand to ICU: combining
    // marks, decomposable letters, the singletons U+2000/U+2001 and U+212B (Å), Greek with tones.
    private static readonly Arbitrary<string> MixedText =
        Gen.OneOf(
                Gen.Elements("aAeEđĐ ,.;:()%/-0123456789\t\nÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯư".ToCharArray()),
                Gen.Choose(0x1E00, 0x1EFF).Select(i => (char)i),
                Gen.Choose(0x2010, 0x206F).Select(i => (char)i),
                Gen.Choose(0x0300, 0x036F).Select(i => (char)i),
                Gen.Elements('\u2000', '\u2001', '\u212B', '\u1F00', '\u1F71', '\u0340', '\u0344', '\u00A8', '\u1FED'))
            .ArrayOf()
            .Select(chars => new string(chars))
            .ToArbitrary();

    [Fact]
    public void Normalising_gives_what_unicode_normalisation_gives() =>
        Prop.ForAll(MixedText, s => VietnameseText.Nfc(s) == s.Normalize(NormalizationForm.FormC))
            .QuickCheckThrowOnFailure();

    [Theory]
    [InlineData("PHỤ LỤC II", true)]
    [InlineData("GIÁM ĐỐC", true)]
    [InlineData("Kế hoạch", false)]
    [InlineData("", true)]
    [InlineData("2022 - 2025", true)]
    public void Upper_case_is_text_that_upper_casing_leaves_unchanged(string text, bool expected) =>
        Assert.Equal(expected, VietnameseText.IsUpperCase(text));

    // Long lines (past the 64-character chunks) and a letter outside the BMP (Deseret 𐐨 U+10428, upper 𐐀)
    // cut across a chunk boundary.
    [Fact]
    public void Upper_case_test_agrees_with_upper_casing_the_whole_text() =>
        Prop.ForAll(
                Gen.Elements("A", "Ệ", "Đ", " ", "1", "𐐀", "a", "ệ", "đ", "𐐨", "ß")
                    .ArrayOf()
                    .Select(parts => string.Concat(parts))
                    .SelectMany(upper => Gen.Choose(0, 200).Select(n => new string('A', n) + upper))
                    .ToArbitrary(),
                s => VietnameseText.IsUpperCase(s) == (s == s.ToUpperInvariant()))
            .QuickCheckThrowOnFailure();

    [Fact]
    public void A_letter_outside_the_BMP_is_cased_whole_where_a_chunk_ends()
    {
        for (var n = 60; n <= 66; n++)
        {
            var lower = new string('A', n) + "𐐨";
            var upper = new string('A', n) + "𐐀";

            Assert.NotEqual(lower, lower.ToUpperInvariant());
            Assert.False(VietnameseText.IsUpperCase(lower));
            Assert.True(VietnameseText.IsUpperCase(upper));
        }
    }
}
