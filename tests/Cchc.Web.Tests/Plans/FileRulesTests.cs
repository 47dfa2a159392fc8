using Cchc.Web.Features.Files;

namespace Cchc.Web.Tests.Plans;

public sealed class FileRulesTests
{
    private static readonly byte[] Pdf = [.. "%PDF-1.4\n"u8];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0];

    public static readonly TheoryData<string, byte[]> Allowed = new()
    {
        { "bao-cao.pdf", Pdf }, { "ke-hoach.docx", Zip }, { "so-lieu.xlsx", Zip }, { "ho-so.zip", Zip },
        { "cong-van.doc", Ole }, { "bang.xls", Ole }, { "anh.png", Png }, { "anh.jpg", Jpeg }, { "ANH.JPEG", Jpeg },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void The_allowed_types_pass_when_their_first_bytes_match(string name, byte[] content)
    {
        var (type, error) = FileRules.Check(name, content);
        Assert.Null(error);
        Assert.NotNull(type);
    }

    [Theory]
    [InlineData("chuong-trinh.exe")]
    [InlineData("trang.html")]
    [InlineData("khong-duoi")]
    [InlineData("bao-cao.pdf.exe")]
    public void Other_extensions_are_refused_in_vietnamese(string name)
    {
        var (_, error) = FileRules.Check(name, Pdf);
        Assert.StartsWith("Loại tệp không được phép", error);
    }

    [Fact]
    public void A_renamed_file_is_refused_by_its_first_bytes()
    {
        Assert.Contains("không đúng định dạng docx", FileRules.Check("ke-hoach.docx", Pdf).Error);
        Assert.Contains("không đúng định dạng png", FileRules.Check("anh.png", Jpeg).Error);
    }

    [Fact]
    public void Empty_and_over_the_limit_are_refused()
    {
        Assert.NotNull(FileRules.Check("a.pdf", []).Error);
        var big = new byte[FileRules.MaxBytes + 1];
        Pdf.CopyTo(big, 0);
        Assert.Contains("20 MB", FileRules.Check("a.pdf", big).Error);
        Assert.Null(FileRules.Check("a.pdf", big.AsSpan(0, (int)FileRules.MaxBytes)).Error);
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData(@"C:\Users\a\bao cao.pdf", "bao cao.pdf")]
    [InlineData("", "tep")]
    public void The_original_name_is_kept_as_metadata_without_any_path(string name, string kept) =>
        Assert.Equal(kept, FileRules.CleanName(name));
}
