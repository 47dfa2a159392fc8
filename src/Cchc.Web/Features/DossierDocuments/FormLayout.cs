using System.Globalization;
using Cchc.Web.Shared.Office;
using Cchc.Web.Shared.Pdf;

namespace Cchc.Web.Features.DossierDocuments;

/// <summary>
/// One form laid out once and written both as PDF (<see cref="PdfBuilder"/>) and as Word (<see cref="DocxBuilder"/>),
/// so the two files always say the same thing.
/// </summary>
internal sealed class FormLayout
{
    internal abstract record Block;

    internal sealed record Letterhead(string? Parent, string Unit, string? Number, string PlaceAndDate) : Block;

    internal sealed record Para(IReadOnlyList<PdfRun> Runs, PdfAlign Align = PdfAlign.Justify) : Block;

    internal sealed record Grid(IReadOnlyList<PdfTableColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows) : Block;

    internal sealed record Signatures(IReadOnlyList<PdfParagraph> Left, IReadOnlyList<PdfParagraph> Right) : Block;

    internal sealed record Gap(double Points) : Block;

    private readonly List<Block> _blocks = [];

    public FormLayout(string title) => Title = title;

    public string Title { get; }

    public FormLayout Add(Block block)
    {
        _blocks.Add(block);
        return this;
    }

    public FormLayout Line(params PdfRun[] runs) => Add(new Para(runs));

    public FormLayout Centered(params PdfRun[] runs) => Add(new Para(runs, PdfAlign.Center));

    public byte[] ToPdf(string? watermark = null)
    {
        var pdf = new PdfBuilder(new PdfPageSetup(Title: Title, Watermark: watermark));
        foreach (var block in _blocks)
        {
            switch (block)
            {
                case Letterhead l: pdf.Letterhead(l.Parent, l.Unit, l.Number, l.PlaceAndDate); break;
                case Para p: pdf.Paragraph(new PdfParagraph(p.Runs, p.Align)); break;
                case Grid g: pdf.Table(g.Columns, g.Rows); break;
                case Signatures s: pdf.Columns(new PdfColumn(1, s.Left), new PdfColumn(1, s.Right)); break;
                case Gap gap: pdf.Space(gap.Points); break;
            }
        }
        return pdf.ToBytes();
    }

    public byte[] ToDocx()
    {
        // Text width of DocxBuilder's page: A4 11906 twips minus margins 1701 + 1134.
        const int textTwips = 9071;
        var docx = new DocxBuilder();
        foreach (var block in _blocks)
        {
            switch (block)
            {
                case Letterhead l:
                    var left = new List<IReadOnlyList<DocxBuilder.Run>>();
                    if (!string.IsNullOrWhiteSpace(l.Parent)) left.Add([new(Upper(l.Parent), HalfPoints: 26)]);
                    left.Add([new(Upper(l.Unit), Bold: true, HalfPoints: 26)]);
                    left.Add([new("———", HalfPoints: 20)]);
                    if (l.Number is not null) left.Add([new(l.Number, HalfPoints: 26)]);
                    docx.Layout(left,
                    [
                        [new("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Bold: true, HalfPoints: 26)],
                        [new("Độc lập - Tự do - Hạnh phúc", Bold: true, HalfPoints: 28)],
                        [new("———————————", HalfPoints: 20)],
                        [new(l.PlaceAndDate, Italic: true)],
                    ]);
                    break;
                case Para p:
                    docx.Paragraph([.. p.Runs.Select(Run)], Align(p.Align));
                    break;
                case Grid g:
                    var total = g.Columns.Sum(c => c.Share);
                    docx.Table([.. g.Columns.Select(c => c.Header)], [.. g.Columns.Select(c => (int)(textTwips * c.Share / total))],
                        g.Rows.Select(r => new DocxBuilder.TableLine(r)));
                    break;
                case Signatures s:
                    docx.Layout([.. s.Left.Select(p => (IReadOnlyList<DocxBuilder.Run>)[.. p.Runs.Select(Run)])],
                        [.. s.Right.Select(p => (IReadOnlyList<DocxBuilder.Run>)[.. p.Runs.Select(Run)])], 4535, 4536);
                    break;
                case Gap:
                    docx.Paragraph("", align: DocxBuilder.Align.Left);
                    break;
            }
        }
        return docx.ToBytes();
    }

    private static DocxBuilder.Run Run(PdfRun r) => new(r.Text, r.Bold, r.Italic, r.Size is { } s ? (int)Math.Round(s * 2) : 26, r.Underline);

    private static DocxBuilder.Align Align(PdfAlign a) => a switch
    {
        PdfAlign.Center => DocxBuilder.Align.Center,
        PdfAlign.Right => DocxBuilder.Align.Right,
        PdfAlign.Left => DocxBuilder.Align.Left,
        _ => DocxBuilder.Align.Justify,
    };

    internal static string Upper(string text) => text.ToUpper(CultureInfo.GetCultureInfo("vi-VN"));
}
