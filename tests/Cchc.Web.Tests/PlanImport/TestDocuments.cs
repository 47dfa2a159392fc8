using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Cchc.Web.Tests.PlanImport;

/// <summary>Documents built in the tests: the seeds, a .docx with list numbering and a task table, a PDF with a text layer, bad files.</summary>
internal static class TestDocuments
{
    public static string SeedPath(string prefix) =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "PlanImport", "Seeds"), prefix + "_*.txt").Single();

    public static byte[] Seed(string prefix) => File.ReadAllBytes(SeedPath(prefix));

    /// <summary>
    /// A plan in the shape of seed 003 (Hải Phòng 2022): headings numbered by Word (I., 1., a)), not typed,
    /// and an appendix task table of three rows.
    /// </summary>
    public static byte[] Docx()
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var numbering = main.AddNewPart<NumberingDefinitionsPart>();
            numbering.Numbering = new Numbering(
                new AbstractNum(
                    Level(0, NumberFormatValues.UpperRoman, "%1."),
                    Level(1, NumberFormatValues.Decimal, "%2."),
                    Level(2, NumberFormatValues.LowerLetter, "%3)"),
                    Level(3, NumberFormatValues.Bullet, "-"))
                { AbstractNumberId = 1 },
                new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 7 });
            var body = new Body(
                Para("SỞ GIÁO DỤC VÀ ĐÀO TẠO"),
                Para("Số: 12/KH-SGDĐT"),
                Para("Hải Phòng, ngày 05 tháng 01 năm 2022"),
                Para("KẾ HOẠCH"),
                Para("Cải cách hành chính năm 2022"),
                Para("Căn cứ Quyết định số 4655/QĐ-UBND ngày 08 tháng 12 năm 2021 của Ủy ban nhân dân thành phố về Kế hoạch cải cách hành chính năm 2022;"),
                Numbered(0, "MỤC ĐÍCH, YÊU CẦU"),
                Numbered(1, "Mục đích"),
                Para("Nâng cao hiệu quả công tác cải cách hành chính của ngành."),
                Numbered(0, "NHIỆM VỤ TRỌNG TÂM"),
                Numbered(1, "Cải cách thủ tục hành chính"),
                Numbered(2, "Rà soát thủ tục hành chính"),
                Para("Nhiệm vụ cụ thể tại Phụ lục kèm theo."),
                Numbered(0, "TỔ CHỨC THỰC HIỆN"),
                Para("Các đơn vị báo cáo kết quả thực hiện về Sở."),
                Para("PHỤ LỤC"),
                Para("DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2022"),
                Table(
                    ["TT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Sản phẩm", "Thời gian hoàn thành"],
                    ["1", "Xây dựng Kế hoạch tuyên truyền cải cách hành chính năm 2022", "Văn phòng Sở", "Các phòng thuộc Sở", "Kế hoạch", "Quý I/2022"],
                    ["2", "Rà soát, đơn giản hóa thủ tục hành chính thuộc thẩm quyền của Sở", "Văn phòng Sở", "Phòng GDĐT A", "Báo cáo", "Quý III/2022"],
                    ["3", "Kiểm tra công tác cải cách hành chính tại các đơn vị trường học", "Phòng GDĐT A", "Văn phòng Sở", "Thông báo kết luận", "Tháng 10/2022"]));
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    private static Level Level(int index, NumberFormatValues format, string text) =>
        new(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = format }, new LevelText { Val = text }) { LevelIndex = index };

    private static Paragraph Para(string text) => new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Paragraph Numbered(int level, string text) =>
        new(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = 7 })),
            new Run(new Text(text)));

    private static Table Table(params string[][] rows) =>
        new(rows.Select(r => new TableRow(r.Select(c => new TableCell(Para(c))))));

    /// <summary>
    /// A one-page PDF written by hand: Helvetica (WinAnsi) text, so pdftotext has a text layer to read. The
    /// words are Vietnamese without diacritics, which the base fonts cannot draw.
    /// </summary>
    public static byte[] Pdf(params string[] lines)
    {
        var content = new StringBuilder("BT /F1 11 Tf 14 TL 60 780 Td\n");
        foreach (var line in lines) content.Append('(').Append(line.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)")).Append(") Tj T*\n");
        content.Append("ET");
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            $"<< /Length {Encoding.Latin1.GetByteCount(content.ToString())} >>\nstream\n{content}\nendstream",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.Latin1.GetByteCount(pdf.ToString()));
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = Encoding.Latin1.GetByteCount(pdf.ToString());
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) pdf.Append($"{o:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }

    /// <summary>Bytes no document holds: a fixed pseudo-random sequence with zero bytes in it.</summary>
    public static byte[] Garbage(int length = 4096)
    {
        var bytes = new byte[length];
        new Random(61).NextBytes(bytes);
        return bytes;
    }

    /// <summary>A .docx-named zip whose document part inflates to <paramref name="megabytes"/> MB of zeros.</summary>
    public static byte[] ZipBomb(int megabytes = 60)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var part = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < megabytes; i++) part.Write(zeros);
        }
        return stream.ToArray();
    }

    /// <summary>A zip with more entries than any Word document has.</summary>
    public static byte[] ManyEntries(int count = 10_001)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            for (var i = 0; i < count; i++) zip.CreateEntry($"e{i}", CompressionLevel.NoCompression);
        return stream.ToArray();
    }
}
