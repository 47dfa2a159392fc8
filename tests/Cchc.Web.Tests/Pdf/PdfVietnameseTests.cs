using System.Text;
using Cchc.Web.Shared.Pdf;
using Cchc.Web.Tests.Infrastructure;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Cchc.Web.Tests.Pdf;

/// <summary>
/// Vietnamese must survive in both layers of the PDF: the text layer (read back with pdftotext) and the drawn
/// glyphs (rasterised with pdftoppm). The second check matters because PDFsharp's font subsetting drops the
/// stacked marks of composite glyphs (DejaVu) while the text layer stays right (dependencies.md §4).
/// </summary>
public sealed class PdfVietnameseTests
{
    private const string Tones = "\u0300\u0301\u0303\u0309\u0323"; // huyền, sắc, ngã, hỏi, nặng

    /// <summary>The 67 precomposed lower-case letters of Vietnamese: 12 vowels × 6 tones minus the 6 plain ASCII vowels, plus đ.</summary>
    public static IReadOnlyList<string> LowerLetters { get; } = BuildLetters();

    public static IReadOnlyList<string> AllLetters { get; } =
        [.. LowerLetters, .. LowerLetters.Select(l => l.ToUpperInvariant())];

    private static readonly string[] Names = ["Nguyễn Thị Ánh Tuyết", "Trường THPT Lê Quý Đôn", "Phòng Giáo dục và Đào tạo", "Đặng Hữu Phước", "Ủy ban nhân dân xã Ỷ La"];

    public static TheoryData<string> InstalledFamilies() => [.. PdfFonts.Installed.Select(f => f.Name)];

    private static List<string> BuildLetters()
    {
        var letters = new List<string>();
        foreach (var vowel in "aăâeêioôơuưy")
        {
            foreach (var tone in new[] { "" }.Concat(Tones.Select(t => t.ToString())))
            {
                var letter = (vowel + tone).Normalize(NormalizationForm.FormC);
                if (letter.Length == 1 && letter[0] > 127) letters.Add(letter);
            }
        }
        letters.Add("đ");
        return letters;
    }

    [Fact]
    public void The_alphabet_under_test_has_all_134_precomposed_letters()
    {
        Assert.Equal(134, AllLetters.Distinct().Count());
        Assert.All(AllLetters, l => Assert.Single(l));
        Assert.Contains("Ặ", AllLetters);
        Assert.Contains("ỹ", AllLetters);
        Assert.Contains("Đ", AllLetters);
    }

    [Fact]
    public void A_Vietnamese_font_is_installed_and_a_serif_is_preferred()
    {
        // .ci/run installs fonts-noto-core; Noto Serif is then the default (a Times-like face for official documents).
        Assert.NotEmpty(PdfFonts.Installed);
        Assert.Equal(PdfFonts.Installed[0], PdfFonts.Default);
        if (PdfFonts.Find("Noto Serif") is not null) Assert.Equal("Noto Serif", PdfFonts.Default.Name);
    }

    [Theory]
    [MemberData(nameof(InstalledFamilies))]
    public async Task Every_letter_and_name_comes_back_from_the_text_layer_exactly(string family)
    {
        var pdf = new PdfBuilder(new PdfPageSetup(FontFamily: family));
        foreach (var chunk in AllLetters.Chunk(20)) pdf.Paragraph(string.Join(" ", chunk), align: PdfAlign.Left);
        foreach (var name in Names) pdf.Paragraph([new PdfRun(name, Bold: true), new PdfRun(" "), new PdfRun(name, Italic: true)], PdfAlign.Left);

        var text = await Poppler.TextAsync(pdf.ToBytes(), raw: true);

        var expected = AllLetters.Concat(Names.SelectMany(n => (n + " " + n).Split(' '))).ToArray();
        var actual = text.Split((char[])[' ', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected, actual);
        Assert.True(text.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public async Task Text_given_decomposed_is_written_composed()
    {
        var decomposed = "Nguyễn Thị Ánh Tuyết".Normalize(NormalizationForm.FormD);
        var pdf = new PdfBuilder();
        pdf.Paragraph(decomposed);

        var text = await Poppler.TextAsync(pdf.ToBytes());

        Assert.Equal("Nguyễn Thị Ánh Tuyết", text.Trim());
    }

    [Theory]
    [MemberData(nameof(InstalledFamilies))]
    public async Task Every_letter_is_drawn_with_its_marks(string family)
    {
        var ink = await InkPerLetterAsync(new PdfPageSetup(FontFamily: family));

        // Each marked letter must carry more ink than its base letter: a dropped mark leaves the base letter
        // (no more ink) or a stray dot (less ink).
        Assert.All(AllLetters, letter =>
        {
            var b = BaseOf(letter);
            Assert.True(ink[letter] >= ink[b] + 6, $"{family}: '{letter}' has {ink[letter]} dark pixels, its base '{b}' {ink[b]}.");
        });
        Assert.True(ink["Ặ"] > ink["A"] * 1.15, $"{family}: Ặ {ink["Ặ"]} vs A {ink["A"]}");
    }

    private static string BaseOf(string letter) => letter switch
    {
        "đ" => "d",
        "Đ" => "D",
        // ì í ĩ ỉ ị replace the dot of i: compare them with the dotless ı.
        _ when letter.Normalize(NormalizationForm.FormD)[0] == 'i' => "ı",
        _ => letter.Normalize(NormalizationForm.FormD)[..1],
    };

    /// <summary>
    /// Draws every letter and every base letter ALONE in its own document (the subsetter's worst case: with
    /// many letters in one document the shared components get embedded anyway and hide the defect), joins the
    /// documents page by page and counts the dark pixels of each page.
    /// </summary>
    private static async Task<Dictionary<string, int>> InkPerLetterAsync(PdfPageSetup setup)
    {
        const double cellW = 30, cellH = 40, size = 20;
        var glyphs = AllLetters.Concat(AllLetters.Select(BaseOf)).Distinct().ToList();
        XRect cell = default;
        var documents = glyphs.Select(glyph =>
        {
            var pdf = new PdfBuilder(setup with { PageNumbers = PdfPageNumbers.None });
            var font = pdf.Font(size);
            pdf.Drawing(cellH, (gfx, box) =>
            {
                cell = new XRect(box.X, box.Y, cellW, cellH);
                gfx.DrawString(glyph, font, XBrushes.Black, cell, XStringFormats.Center);
            });
            return pdf.ToBytes();
        }).ToList();

        var pages = await Poppler.RenderPagesAsync(Join(documents), cell.Right, cell.Bottom, dpi: 150);

        Assert.Equal(glyphs.Count, pages.Count);
        return glyphs.Select((g, i) => (g, i)).ToDictionary(x => x.g, x => pages[x.i].InkInPoints(cell.X, cell.Y, cell.Width, cell.Height));
    }

    private static byte[] Join(IEnumerable<byte[]> documents)
    {
        using var joined = new PdfDocument();
        foreach (var bytes in documents)
        {
            using var source = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(bytes), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
            foreach (var page in source.Pages) joined.AddPage(page);
        }
        using var ms = new MemoryStream();
        joined.Save(ms, closeStream: false);
        return ms.ToArray();
    }

    [Theory]
    [MemberData(nameof(InstalledFamilies))]
    public async Task Names_and_letter_lines_are_drawn_as_with_the_whole_font_embedded(string family)
    {
        // The whole font file always holds every component glyph, so it is the reference drawing; the family's
        // own embedding (a subset for Noto) must put the same ink on the page. Each line is its own document,
        // because which components a subset happens to carry depends on the other text in it.
        var setup = new PdfPageSetup(FontFamily: family, PageNumbers: PdfPageNumbers.None);
        string[] lines = [.. Names, .. AllLetters.Chunk(12).Select(c => string.Join(" ", c))];

        var ink = await InkAgainstWholeFontAsync(setup, lines);

        Assert.All(lines.Zip(ink), x =>
        {
            var (line, (own, reference)) = x;
            Assert.True(reference > 0);
            Assert.True(Math.Abs(own - reference) <= reference * 0.01, $"{family}: \"{line}\" has {own} dark pixels, {reference} with the whole font.");
        });
    }

    /// <summary>Each line drawn by a paragraph in its own document, with the family's embedding and with the whole font.</summary>
    private static async Task<List<(int Own, int Reference)>> InkAgainstWholeFontAsync(PdfPageSetup setup, IReadOnlyList<string> lines)
    {
        byte[] Draw(PdfPageSetup s, string line)
        {
            return new PdfBuilder(s).Paragraph(line, align: PdfAlign.Left).ToBytes();
        }
        var documents = lines.SelectMany(line => new[] { setup, setup with { Embedding = PdfFontEmbedding.EmbedCompleteFontFile } }
            .Select(s => Draw(s, line))).ToList();
        var probe = new PdfBuilder(setup);
        double right = probe.PageWidth - 20 * 72 / 25.4, bottom = 20 * 72 / 25.4 + 30;

        var pages = await Poppler.RenderPagesAsync(Join(documents), right, bottom, dpi: 150);

        Assert.Equal(2 * lines.Count, pages.Count);
        return [.. lines.Select((_, i) => (pages[2 * i].Ink(), pages[2 * i + 1].Ink()))];
    }
}
