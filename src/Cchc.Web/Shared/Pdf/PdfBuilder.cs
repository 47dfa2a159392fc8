using System.Globalization;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Cchc.Web.Shared.Pdf;

public enum PdfAlign { Left, Center, Right, Justify }

/// <summary>Where page numbers go: Decree 30/2020 app. I puts them top centre from page 2; reports use "Trang x/y" at the foot.</summary>
public enum PdfPageNumbers { None, TopCenterFromSecondPage, BottomRight }

/// <summary>A piece of text in one style. <paramref name="Size"/> null = the paragraph's size.</summary>
public sealed record PdfRun(string Text, bool Bold = false, bool Italic = false, double? Size = null, bool Underline = false);

/// <summary>
/// A paragraph: runs, alignment, optional first-line indent, and a short rule drawn under it
/// (<paramref name="RuleBelow"/> = share of the widest line, as under a unit name or the motto).
/// </summary>
public sealed record PdfParagraph(IReadOnlyList<PdfRun> Runs, PdfAlign Align = PdfAlign.Justify, bool Indent = false, double? Size = null, double SpaceAfter = 3, double RuleBelow = 0)
{
    public static PdfParagraph Of(string text, bool bold = false, bool italic = false, PdfAlign align = PdfAlign.Center, double? size = null, double ruleBelow = 0) =>
        new([new PdfRun(text, bold, italic)], align, false, size, 0, ruleBelow);
}

/// <summary>A column of a side-by-side block; <paramref name="Share"/> is its part of the text width.</summary>
public sealed record PdfColumn(double Share, IReadOnlyList<PdfParagraph> Paragraphs);

/// <summary>A table column: header text, part of the text width, alignment of its cells.</summary>
public sealed record PdfTableColumn(string Header, double Share, PdfAlign Align = PdfAlign.Left);

/// <summary>
/// Page set-up; the defaults are Decree 30/2020 app. I: A4, margins top/bottom 20 mm, left 30 mm, right 20 mm, size 13.
/// <paramref name="Watermark"/> is printed large, grey and diagonal on every page ("MẪU", "DỰ THẢO").
/// </summary>
public sealed record PdfPageSetup(
    double TopMm = 20, double BottomMm = 20, double LeftMm = 30, double RightMm = 20,
    double FontSize = 13, string? FontFamily = null, PdfPageNumbers PageNumbers = PdfPageNumbers.TopCenterFromSecondPage,
    bool Landscape = false, string? Title = null, string? Watermark = null)
{
    /// <summary>Overrides the family's embedding; only the tests use it, to show the DejaVu subset defect.</summary>
    internal PdfFontEmbedding? Embedding { get; init; }
}

/// <summary>
/// Writes a PDF top to bottom: paragraphs of styled runs (wrapped and justified), centred blocks, side-by-side
/// blocks (letterhead, signature), bordered tables with wrapped cells and a repeated header, free drawings of
/// a reserved height (charts), automatic page breaks and page numbers. All text is NFC-normalised before it is
/// measured and drawn. Fonts come from <see cref="PdfFonts"/>. Usable once: <see cref="ToBytes"/> finishes it.
/// </summary>
public sealed class PdfBuilder
{
    private const double PointsPerMm = 72 / 25.4;
    private const double CellPadding = 3;

    private readonly PdfDocument _doc;
    private readonly PdfPageSetup _setup;
    private readonly PdfFontFamily _family;
    private readonly XPdfFontOptions _fontOptions;
    private readonly Dictionary<(bool, bool, double), XFont> _fonts = [];
    private XGraphics _gfx = null!;
    private double _y;
    private bool _finished;
    private int _finalPageCount;

    public PdfBuilder(PdfPageSetup? setup = null)
    {
        PdfFonts.EnsureReady();
        _doc = new PdfDocument();
        _setup = setup ?? new PdfPageSetup();
        _family = _setup.FontFamily is { } name
            ? PdfFonts.Find(name) ?? throw new InvalidOperationException($"Phông chữ \"{name}\" chưa được cài đặt.")
            : PdfFonts.Default;
        _fontOptions = new XPdfFontOptions(PdfFontEncoding.Unicode, _setup.Embedding ?? _family.Embedding);
        _doc.Info.Creator = "CCHC";
        if (_setup.Title is { } title) _doc.Info.Title = title.Normalize(NormalizationForm.FormC);
        NewPage();
    }

    /// <summary>The family the document is set in.</summary>
    public PdfFontFamily FontFamily => _family;

    public double PageWidth => _setup.Landscape ? 841.89 : 595.28;

    public double PageHeight => _setup.Landscape ? 595.28 : 841.89;

    private double Left => _setup.LeftMm * PointsPerMm;

    private double Top => _setup.TopMm * PointsPerMm;

    private double Bottom => PageHeight - _setup.BottomMm * PointsPerMm;

    /// <summary>Width between the margins, in points.</summary>
    public double TextWidth => PageWidth - Left - _setup.RightMm * PointsPerMm;

    /// <summary>Space left on the current page, in points.</summary>
    public double SpaceLeft => Bottom - _y;

    /// <summary>Pages so far; after <see cref="ToBytes"/>, the pages of the file.</summary>
    public int PageCount => _finished ? _finalPageCount : _doc.PageCount;

    public PdfBuilder Title(string text, double? size = null) =>
        Paragraph(new PdfParagraph([new PdfRun(text, Bold: true)], PdfAlign.Center, Size: size ?? _setup.FontSize + 1, SpaceAfter: 6));

    public PdfBuilder Heading(string text, double? size = null)
    {
        Space(4);
        return Paragraph(new PdfParagraph([new PdfRun(text, Bold: true)], PdfAlign.Left, Size: size, SpaceAfter: 3));
    }

    public PdfBuilder Paragraph(string text, bool bold = false, bool italic = false, PdfAlign align = PdfAlign.Justify, bool indent = false) =>
        Paragraph(new PdfParagraph([new PdfRun(text, bold, italic)], align, indent));

    public PdfBuilder Paragraph(IReadOnlyList<PdfRun> runs, PdfAlign align = PdfAlign.Justify, bool indent = false) =>
        Paragraph(new PdfParagraph(runs, align, indent));

    public PdfBuilder Centered(params PdfRun[] runs) => Paragraph(new PdfParagraph(runs, PdfAlign.Center));

    public PdfBuilder Paragraph(PdfParagraph paragraph)
    {
        EnsureOpen();
        var lines = Layout(paragraph, TextWidth);
        foreach (var line in lines)
        {
            if (_y + line.Height > Bottom && _y > Top) NewPage();
            DrawLine(line, Left, _y, TextWidth, paragraph.Align);
            _y += line.Height;
        }
        DrawRule(paragraph, lines, Left, TextWidth);
        _y += paragraph.SpaceAfter + (paragraph.RuleBelow > 0 ? 4 : 0);
        return this;
    }

    /// <summary>Blocks side by side (letterhead, signature); moved whole to the next page when it does not fit.</summary>
    public PdfBuilder Columns(params PdfColumn[] columns)
    {
        EnsureOpen();
        var total = columns.Sum(c => c.Share);
        var laid = new List<(double X, double Width, List<(PdfParagraph P, List<Line> Lines)> Blocks, double Height)>();
        var x = Left;
        foreach (var column in columns)
        {
            var width = TextWidth * column.Share / total;
            var blocks = column.Paragraphs.Select(p => (p, Layout(p, width))).ToList();
            var height = blocks.Sum(b => b.Item2.Sum(l => l.Height) + b.p.SpaceAfter + (b.p.RuleBelow > 0 ? 4 : 0));
            laid.Add((x, width, blocks, height));
            x += width;
        }
        var blockHeight = laid.Count == 0 ? 0 : laid.Max(c => c.Height);
        if (_y + blockHeight > Bottom && _y > Top) NewPage();
        foreach (var (colX, width, blocks, _) in laid)
        {
            var y = _y;
            foreach (var (p, lines) in blocks)
            {
                foreach (var line in lines)
                {
                    DrawLine(line, colX, y, width, p.Align);
                    y += line.Height;
                }
                var saved = _y;
                _y = y;
                DrawRule(p, lines, colX, width);
                _y = saved;
                y += p.SpaceAfter + (p.RuleBelow > 0 ? 4 : 0);
            }
        }
        _y += blockHeight;
        return this;
    }

    /// <summary>
    /// The two-column heading of a Vietnamese administrative document (Decree 30/2020 app. I): parent body
    /// and issuing unit on the left, national name and motto on the right, then the number and the place and date.
    /// </summary>
    public PdfBuilder Letterhead(string? parentUnit, string unit, string? number = null, string? placeAndDate = null)
    {
        var size = _setup.FontSize;
        var left = new List<PdfParagraph>();
        if (!string.IsNullOrWhiteSpace(parentUnit)) left.Add(PdfParagraph.Of(Upper(parentUnit), size: size - 1));
        left.Add(PdfParagraph.Of(Upper(unit), bold: true, size: size - 1, ruleBelow: 0.4));
        if (number is not null) left.Add(PdfParagraph.Of(number, size: size));
        var right = new List<PdfParagraph>
        {
            PdfParagraph.Of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, size: size - 1),
            PdfParagraph.Of("Độc lập - Tự do - Hạnh phúc", bold: true, size: size, ruleBelow: 1),
        };
        if (placeAndDate is not null) right.Add(PdfParagraph.Of(placeAndDate, italic: true, size: size));
        Columns(new PdfColumn(0.4, left), new PdfColumn(0.6, right));
        return Space(8);
    }

    /// <summary>A bordered table; the header row is bold and repeated on each page; a row is never split.</summary>
    public PdfBuilder Table(IReadOnlyList<PdfTableColumn> columns, IEnumerable<IReadOnlyList<string>> rows, double? fontSize = null)
    {
        EnsureOpen();
        var size = fontSize ?? _setup.FontSize - 1;
        var total = columns.Sum(c => c.Share);
        var widths = columns.Select(c => TextWidth * c.Share / total).ToArray();
        var header = columns.Select(c => c.Header).ToArray();
        var headerLayout = LayoutRow(header, widths, size, bold: true);
        if (_y + headerLayout.Height > Bottom && _y > Top) NewPage();
        DrawRow(headerLayout, widths, columns.Select(_ => PdfAlign.Center).ToArray());
        foreach (var row in rows)
        {
            var laid = LayoutRow(row, widths, size, bold: false);
            if (_y + laid.Height > Bottom && _y > Top)
            {
                NewPage();
                DrawRow(headerLayout, widths, columns.Select(_ => PdfAlign.Center).ToArray());
            }
            DrawRow(laid, widths, columns.Select(c => c.Align).ToArray());
        }
        return Space(6);
    }

    /// <summary>Reserves <paramref name="height"/> points (on a new page if needed) and lets <paramref name="draw"/> paint the box.</summary>
    public PdfBuilder Drawing(double height, Action<XGraphics, XRect> draw)
    {
        EnsureOpen();
        if (_y + height > Bottom && _y > Top) NewPage();
        draw(_gfx, new XRect(Left, _y, TextWidth, height));
        _y += height;
        return this;
    }

    /// <summary>A font of the document's family, for <see cref="Drawing"/> callers.</summary>
    public XFont Font(double size, bool bold = false, bool italic = false)
    {
        if (!_fonts.TryGetValue((bold, italic, size), out var font))
        {
            var style = bold ? (italic ? XFontStyleEx.BoldItalic : XFontStyleEx.Bold) : (italic ? XFontStyleEx.Italic : XFontStyleEx.Regular);
            _fonts[(bold, italic, size)] = font = new XFont(_family.Name, size, style, _fontOptions);
        }
        return font;
    }

    public PdfBuilder Space(double points)
    {
        EnsureOpen();
        _y = Math.Min(_y + points, Bottom);
        return this;
    }

    public PdfBuilder PageBreak()
    {
        EnsureOpen();
        NewPage();
        return this;
    }

    /// <summary>Adds the page numbers and returns the PDF file. The builder cannot be used afterwards.</summary>
    public byte[] ToBytes()
    {
        EnsureOpen();
        _gfx.Dispose();
        _finalPageCount = _doc.PageCount;
        _finished = true;
        var count = _finalPageCount;
        for (var i = 0; i < count; i++)
        {
            if (_setup.Watermark is { Length: > 0 } mark)
            {
                using var under = XGraphics.FromPdfPage(_doc.Pages[i], XGraphicsPdfPageOptions.Append);
                under.RotateAtTransform(-45, new XPoint(PageWidth / 2, PageHeight / 2));
                under.DrawString(mark.Normalize(NormalizationForm.FormC), Font(96, bold: true), new XSolidBrush(XColor.FromArgb(90, 150, 150, 150)),
                    new XRect(0, PageHeight / 2 - 60, PageWidth, 120), XStringFormats.Center);
            }
            var text = _setup.PageNumbers switch
            {
                PdfPageNumbers.TopCenterFromSecondPage when i > 0 => (i + 1).ToString(CultureInfo.InvariantCulture),
                PdfPageNumbers.BottomRight => $"Trang {i + 1}/{count}",
                _ => null,
            };
            if (text is null) continue;
            using var gfx = XGraphics.FromPdfPage(_doc.Pages[i], XGraphicsPdfPageOptions.Append);
            var font = Font(_setup.FontSize - 1);
            if (_setup.PageNumbers == PdfPageNumbers.BottomRight)
                gfx.DrawString(text, font, XBrushes.Black, new XRect(Left, Bottom + 4, TextWidth, font.GetHeight()), XStringFormats.TopRight);
            else
                gfx.DrawString(text, font, XBrushes.Black, new XRect(Left, Top / 2 - font.GetHeight() / 2, TextWidth, font.GetHeight()), XStringFormats.TopCenter);
        }
        using var ms = new MemoryStream();
        _doc.Save(ms, closeStream: false);
        _doc.Dispose();
        return ms.ToArray();
    }

    private void EnsureOpen()
    {
        if (_finished) throw new InvalidOperationException("The PDF has already been written.");
    }

    private void NewPage()
    {
        _gfx?.Dispose();
        var page = _doc.AddPage();
        page.Width = XUnit.FromPoint(PageWidth);
        page.Height = XUnit.FromPoint(PageHeight);
        _gfx = XGraphics.FromPdfPage(page);
        _y = Top;
    }

    private static string Upper(string text) => text.Normalize(NormalizationForm.FormC).ToUpper(CultureInfo.GetCultureInfo("vi-VN"));

    // ---- layout ----

    private sealed record Piece(string Text, XFont Font, double Width, bool Underline, bool IsSpace);

    private sealed class Line
    {
        public List<Piece> Pieces { get; } = [];
        public bool EndsParagraph { get; set; }
        public double Width => Pieces.Sum(p => p.Width);
        public double Height { get; set; }
        public double Ascent { get; set; }
    }

    private List<Line> Layout(PdfParagraph paragraph, double width)
    {
        var baseSize = paragraph.Size ?? _setup.FontSize;
        var lines = new List<Line>();
        var line = new Line();
        var indent = paragraph.Indent ? 10 * PointsPerMm : 0;
        var defaultFont = Font(baseSize);

        void Finish(bool hard)
        {
            while (line.Pieces.Count > 0 && line.Pieces[^1].IsSpace) line.Pieces.RemoveAt(line.Pieces.Count - 1);
            var fonts = line.Pieces.Count > 0 ? line.Pieces.Select(p => p.Font).ToList() : [defaultFont];
            line.Ascent = fonts.Max(Ascent);
            line.Height = fonts.Max(f => f.GetHeight());
            line.EndsParagraph = hard;
            lines.Add(line);
            line = new Line();
        }

        foreach (var run in paragraph.Runs)
        {
            var font = Font(run.Size ?? baseSize, run.Bold, run.Italic);
            var text = (run.Text ?? "").Normalize(NormalizationForm.FormC).Replace("\r\n", "\n").Replace('\t', ' ');
            foreach (var token in Tokens(text))
            {
                if (token == "\n")
                {
                    if (lines.Count == 0 && line.Pieces.Count == 0 && indent > 0) line.Pieces.Add(new Piece("", font, indent, false, false));
                    Finish(hard: true);
                    continue;
                }
                if (lines.Count == 0 && line.Pieces.Count == 0 && indent > 0) line.Pieces.Add(new Piece("", font, indent, false, false));
                var isSpace = token == " ";
                if (isSpace && line.Pieces.Count == 0) continue;
                var w = Measure(token, font);
                if (!isSpace && line.Width + w > width + 0.01 && line.Pieces.Any(p => !p.IsSpace && p.Text.Length > 0))
                    Finish(hard: false);
                if (!isSpace && w > width)
                {
                    // A word wider than the line (a long code or address) is cut between letters.
                    var chunk = new StringBuilder();
                    var elements = StringInfo.GetTextElementEnumerator(token);
                    while (elements.MoveNext())
                    {
                        var next = chunk + (string)elements.Current;
                        if (chunk.Length > 0 && line.Width + Measure(next, font) > width)
                        {
                            line.Pieces.Add(new Piece(chunk.ToString(), font, Measure(chunk.ToString(), font), run.Underline, false));
                            Finish(hard: false);
                            chunk.Clear();
                        }
                        chunk.Append((string)elements.Current);
                    }
                    line.Pieces.Add(new Piece(chunk.ToString(), font, Measure(chunk.ToString(), font), run.Underline, false));
                    continue;
                }
                line.Pieces.Add(new Piece(token, font, w, run.Underline, isSpace));
            }
        }
        Finish(hard: true);
        return lines;
    }

    private static IEnumerable<string> Tokens(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (c is ' ' or '\n')
            {
                if (word.Length > 0) { yield return word.ToString(); word.Clear(); }
                yield return c.ToString();
            }
            else word.Append(c);
        }
        if (word.Length > 0) yield return word.ToString();
    }

    private double Measure(string text, XFont font) =>
        text.Length == 0 ? 0
        // PDFsharp measures a lone space as zero wide; its advance is the difference it makes between two letters.
        : text == " " ? _gfx.MeasureString("x x", font).Width - _gfx.MeasureString("xx", font).Width
        : _gfx.MeasureString(text, font).Width;

    private static double Ascent(XFont font) => font.Size * font.CellAscent / font.Metrics.UnitsPerEm;

    private void DrawLine(Line line, double x, double top, double width, PdfAlign align)
    {
        var extra = width - line.Width;
        var spaces = line.Pieces.Count(p => p.IsSpace);
        var stretch = align == PdfAlign.Justify && !line.EndsParagraph && spaces > 0 ? extra / spaces : 0;
        var cx = align switch
        {
            PdfAlign.Center => x + Math.Max(0, extra) / 2,
            PdfAlign.Right => x + Math.Max(0, extra),
            _ => x,
        };
        var baseline = top + line.Ascent;
        for (var i = 0; i < line.Pieces.Count; i++)
        {
            var piece = line.Pieces[i];
            var advance = piece.Width + (piece.IsSpace ? stretch : 0);
            if (!piece.IsSpace && piece.Text.Length > 0)
            {
                // A word is drawn together with the space after it: PDFsharp writes nothing for a lone space,
                // and without the space in the text layer pdftotext and copy-paste run the words together.
                var spaceAfter = i + 1 < line.Pieces.Count && line.Pieces[i + 1].IsSpace && line.Pieces[i + 1].Font == piece.Font;
                _gfx.DrawString(spaceAfter ? piece.Text + " " : piece.Text, piece.Font, XBrushes.Black, cx, baseline, XStringFormats.BaseLineLeft);
            }
            if (piece.Underline) _gfx.DrawLine(new XPen(XColors.Black, 0.5), cx, baseline + 1.5, cx + advance, baseline + 1.5);
            cx += advance;
        }
    }

    private void DrawRule(PdfParagraph paragraph, List<Line> lines, double x, double width)
    {
        if (paragraph.RuleBelow <= 0 || lines.Count == 0) return;
        var length = lines.Max(l => l.Width) * paragraph.RuleBelow;
        var start = paragraph.Align switch
        {
            PdfAlign.Center => x + (width - length) / 2,
            PdfAlign.Right => x + width - length,
            _ => x,
        };
        _gfx.DrawLine(new XPen(XColors.Black, 0.6), start, _y + 2, start + length, _y + 2);
    }

    private sealed record RowLayout(List<Line>[] Cells, double Height);

    private RowLayout LayoutRow(IReadOnlyList<string> cells, double[] widths, double size, bool bold)
    {
        var laid = new List<Line>[widths.Length];
        for (var i = 0; i < widths.Length; i++)
        {
            var text = i < cells.Count ? cells[i] ?? "" : "";
            laid[i] = Layout(new PdfParagraph([new PdfRun(text, bold)], PdfAlign.Left, Size: size, SpaceAfter: 0), widths[i] - 2 * CellPadding);
        }
        return new RowLayout(laid, laid.Max(l => l.Sum(x => x.Height)) + 2 * CellPadding);
    }

    private void DrawRow(RowLayout row, double[] widths, PdfAlign[] aligns)
    {
        var pen = new XPen(XColors.Black, 0.5);
        var x = Left;
        for (var i = 0; i < widths.Length; i++)
        {
            _gfx.DrawRectangle(pen, x, _y, widths[i], row.Height);
            var y = _y + CellPadding;
            foreach (var line in row.Cells[i])
            {
                DrawLine(line, x + CellPadding, y, widths[i] - 2 * CellPadding, aligns[i]);
                y += line.Height;
            }
            x += widths[i];
        }
        _y += row.Height;
    }
}
