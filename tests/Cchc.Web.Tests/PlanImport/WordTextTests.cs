using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Cchc.Web.Features.PlanImport;

namespace Cchc.Web.Tests.PlanImport;

public sealed class WordTextTests
{
    /// <summary>Headings numbered by their style (Heading1 → numPr in styles.xml), a list starting at 3, merged cells.</summary>
    private static byte[] Document()
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = new Numbering(
                new AbstractNum(
                    new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.UpperRoman }, new LevelText { Val = "%1." }) { LevelIndex = 0 },
                    new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.Decimal }, new LevelText { Val = "%1.%2." }) { LevelIndex = 1, IsLegalNumberingStyle = new IsLegalNumberingStyle() })
                { AbstractNumberId = 0 },
                new NumberingInstance(new AbstractNumId { Val = 0 }) { NumberID = 1 },
                new NumberingInstance(new AbstractNumId { Val = 0 }, new LevelOverride(new StartOverrideNumberingValue { Val = 3 }) { LevelIndex = 0 }) { NumberID = 2 });
            main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(
                new Style(new StyleName { Val = "heading 1" }, new StyleParagraphProperties(new NumberingProperties(new NumberingId { Val = 1 }))) { Type = StyleValues.Paragraph, StyleId = "Heading1" });
            Paragraph Styled(string text) => new(new ParagraphProperties(new ParagraphStyleId { Val = "Heading1" }), new Run(new Text(text)));
            Paragraph Level1(string text) => new(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 1 }, new NumberingId { Val = 1 })), new Run(new Text(text)));
            Paragraph Restarted(string text) => new(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 2 })), new Run(new Text(text)));
            TableCell Cell(string text, bool continued = false, int span = 1)
            {
                var props = new TableCellProperties();
                if (continued) props.Append(new VerticalMerge());
                if (span > 1) props.Append(new GridSpan { Val = span });
                return new TableCell(props, new Paragraph(new Run(new Text(text))));
            }
            main.Document = new Document(new Body(
                Styled("MỤC ĐÍCH"),
                Styled("NHIỆM VỤ"),
                Level1("Cải cách thể chế"),
                Restarted("Bắt đầu từ ba"),
                new Paragraph(new Run(new Text("Dòng một"), new Break(), new Text("tiếp theo"))),
                new Table(
                    new TableRow(Cell("1"), Cell("Nội dung"), Cell("Văn phòng")),
                    new TableRow(Cell("2"), Cell("Nội dung khác"), Cell("", continued: true)),
                    new TableRow(Cell("Nhóm", span: 3)))));
        }
        return stream.ToArray();
    }

    [Fact]
    public void Style_numbering_restarts_overrides_and_legal_levels_are_written_out()
    {
        var lines = WordText.Read(Document()).Split('\n');

        Assert.Equal("I. MỤC ĐÍCH", lines[0]);
        Assert.Equal("II. NHIỆM VỤ", lines[1]);
        Assert.Equal("2.1. Cải cách thể chế", lines[2]);   // isLgl: the parent level in decimal
        Assert.Equal("III. Bắt đầu từ ba", lines[3]);       // startOverride 3 on its own list
        Assert.Equal("Dòng một tiếp theo", lines[4]);       // a soft break is a space
    }

    [Fact]
    public void Table_rows_keep_their_columns_when_cells_are_merged()
    {
        var lines = WordText.Read(Document()).Split('\n');

        Assert.Equal("1\tNội dung\tVăn phòng", lines[5]);
        Assert.Equal("2\tNội dung khác\t", lines[6]);      // vertical merge continuation → empty cell
        Assert.Equal("Nhóm\t\t", lines[7]);                // a cell spanning three columns keeps three
    }
}
