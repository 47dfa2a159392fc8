using System.Globalization;
using System.Text;
using System.Xml;
using Cchc.Core.PlanImport;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Cchc.Web.Features.PlanImport;

/// <summary>
/// The text of a .docx in the form docs/plan-import-notes.md asks for: one line per paragraph with Word's
/// automatic numbering written out ("I.", "1.", "a)", "-"), one line per table row with cells joined by a
/// TAB (merged continuation cells empty), headers, footers, text boxes and footnotes left out.
/// </summary>
public static class WordText
{
    /// <exception cref="PlanImportException">Not a .docx, damaged, or inflating past the limits.</exception>
    public static string Read(byte[] bytes)
    {
        PlanDocuments.CheckZip(bytes);
        try
        {
            using var doc = WordprocessingDocument.Open(new MemoryStream(bytes, writable: false), false);
            var main = doc.MainDocumentPart ?? throw new PlanImportException("Tệp .docx không có nội dung văn bản.");
            var body = main.Document?.Body ?? throw new PlanImportException("Tệp .docx không có nội dung văn bản.");
            var writer = new Writer(new Numbering(main));
            writer.Blocks(body.ChildElements);
            return writer.ToString();
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or XmlException
            or InvalidOperationException or ArgumentException or FormatException or NotSupportedException)
        {
            throw new PlanImportException("Tệp .docx bị hỏng hoặc không phải tài liệu Word. Hãy mở bằng Word và lưu lại.");
        }
    }

    private sealed class Writer(Numbering numbering)
    {
        private readonly StringBuilder _out = new();

        public void Blocks(IEnumerable<OpenXmlElement> elements)
        {
            foreach (var e in elements)
            {
                switch (e)
                {
                    case Paragraph p: Line(ParagraphText(p)); break;
                    case Table t: TableRows(t); break;
                    case SdtBlock sdt when sdt.SdtContentBlock is { } content: Blocks(content.ChildElements); break;
                    case CustomXmlBlock custom: Blocks(custom.ChildElements); break;
                }
            }
        }

        private void Line(string text)
        {
            // A page break inside a paragraph ends the line there (notes: "a page break becomes a line break").
            // Only spaces are trimmed: trailing TABs are a row's empty last cells, which keep the columns aligned.
            _out.Append(text.TrimEnd(' ', '\u00A0', '\r')).Append('\n');
        }

        private void TableRows(Table table)
        {
            foreach (var row in table.Elements<TableRow>())
            {
                var cells = new List<string>();
                foreach (var cell in row.Elements<TableCell>())
                {
                    var props = cell.TableCellProperties;
                    var continued = props?.VerticalMerge is { } vm && (vm.Val is null || vm.Val.Value == MergedCellValues.Continue);
                    cells.Add(continued ? "" : CellText(cell));
                    var span = props?.GridSpan?.Val?.Value ?? 1;
                    for (var i = 1; i < span && i < 64; i++) cells.Add("");
                }
                // A one-cell row is a framed paragraph; more cells are a row the importer reads by TABs.
                Line(string.Join("\t", cells));
            }
        }

        private string CellText(TableCell cell)
        {
            var parts = new List<string>();
            foreach (var e in cell.ChildElements)
            {
                if (e is Paragraph p) parts.Add(ParagraphText(p).Replace('\n', ' ').Replace('\t', ' '));
                else if (e is Table nested)
                    foreach (var r in nested.Descendants<Paragraph>()) parts.Add(ParagraphText(r).Replace('\n', ' ').Replace('\t', ' '));
            }
            return string.Join(" ", parts.Select(s => s.Trim()).Where(s => s.Length > 0));
        }

        private string ParagraphText(Paragraph p)
        {
            var sb = new StringBuilder();
            sb.Append(numbering.Label(p));
            foreach (var run in p.Descendants<Run>())
            {
                // Text boxes inside a run are drawn elsewhere on the page; the notes leave them out.
                if (run.Ancestors<TextBoxContent>().Any()) continue;
                foreach (var c in run.ChildElements)
                {
                    switch (c)
                    {
                        case Text t: sb.Append(t.Text); break;
                        case TabChar: sb.Append('\t'); break;
                        case Break br when br.Type?.Value == BreakValues.Page: sb.Append('\n'); break;
                        case Break or CarriageReturn: sb.Append(' '); break;
                        case NoBreakHyphen: sb.Append('-'); break;
                        case SymbolChar sym when sym.Char?.Value is { } hex
                            && int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code) && code is > 0 and < 0xFFFF:
                            sb.Append((char)code); break;
                    }
                }
            }
            var text = sb.ToString();
            // Tabs inside a paragraph align text; only a single tab (a letterhead's two sides) is kept as a separator.
            return text.Count(c => c == '\t') == 1 ? text : text.Replace('\t', ' ');
        }

        public override string ToString() => _out.ToString();
    }

    /// <summary>
    /// Word's list numbering: the paragraph's (or its style's) numId and level, the abstract definition's
    /// lvlText ("%1.", "%1.%2.", "%3)"), numFmt and start, counters per list that restart deeper levels.
    /// </summary>
    private sealed class Numbering
    {
        private readonly Dictionary<int, int> _abstractOf = [];
        private readonly Dictionary<int, Dictionary<int, int>> _startOverrides = [];
        private readonly Dictionary<int, AbstractNum> _abstracts = [];
        private readonly Dictionary<string, Style> _styles = [];
        private readonly Dictionary<int, int[]> _counters = [];

        public Numbering(MainDocumentPart main)
        {
            var defs = main.NumberingDefinitionsPart?.Numbering;
            if (defs is not null)
            {
                foreach (var a in defs.Elements<AbstractNum>())
                    if (a.AbstractNumberId?.Value is int id) _abstracts[id] = a;
                foreach (var n in defs.Elements<NumberingInstance>())
                {
                    if (n.NumberID?.Value is not int id || n.AbstractNumId?.Val?.Value is not int abs) continue;
                    _abstractOf[id] = abs;
                    foreach (var o in n.Elements<LevelOverride>())
                        if (o.LevelIndex?.Value is int l && o.StartOverrideNumberingValue?.Val?.Value is int s)
                            (_startOverrides.TryGetValue(id, out var d) ? d : _startOverrides[id] = [])[l] = s;
                }
            }
            foreach (var s in main.StyleDefinitionsPart?.Styles?.Elements<Style>() ?? [])
                if (s.StyleId?.Value is { } sid) _styles.TryAdd(sid, s);
        }

        public string Label(Paragraph p)
        {
            var (numId, level) = NumberingOf(p);
            if (numId is not int id || id == 0 || !_abstractOf.TryGetValue(id, out var absId) || !_abstracts.TryGetValue(absId, out var abs))
                return "";
            var lvl = Math.Clamp(level ?? 0, 0, 8);
            var counters = _counters.TryGetValue(id, out var c) ? c : _counters[id] = new int[9];
            var levels = abs.Elements<Level>().Where(l => l.LevelIndex?.Value is not null).ToDictionary(l => l.LevelIndex!.Value, l => l);
            int Start(int l) => _startOverrides.TryGetValue(id, out var o) && o.TryGetValue(l, out var s) ? s
                : levels.TryGetValue(l, out var lv) ? lv.StartNumberingValue?.Val?.Value ?? 1 : 1;

            counters[lvl] = counters[lvl] == 0 ? Start(lvl) : counters[lvl] + 1;
            for (var deeper = lvl + 1; deeper < 9; deeper++) counters[deeper] = 0;
            if (!levels.TryGetValue(lvl, out var level0)) return "";
            var format = level0.NumberingFormat?.Val?.Value;
            var template = level0.LevelText?.Val?.Value ?? "";
            if (format == NumberFormatValues.None) return "";
            if (format == NumberFormatValues.Bullet)
            {
                // Symbol-font bullets (U+F0B7, U+F0A7…) are recognised by the importer as they are.
                var bullet = template.Length > 0 ? template : "-";
                return bullet + " ";
            }
            var sb = new StringBuilder();
            for (var i = 0; i < template.Length; i++)
            {
                if (template[i] == '%' && i + 1 < template.Length && template[i + 1] is >= '1' and <= '9')
                {
                    var l = template[i + 1] - '1';
                    var value = counters[l] == 0 ? Start(l) : counters[l];
                    var fmt = l == lvl ? format : levels.TryGetValue(l, out var other) ? other.NumberingFormat?.Val?.Value : null;
                    // A legal-style level ("isLgl") writes its parents in decimal: "2.1." under "II.".
                    if (level0.IsLegalNumberingStyle is not null && l != lvl) fmt = NumberFormatValues.Decimal;
                    sb.Append(Format(value, fmt));
                    i++;
                }
                else sb.Append(template[i]);
            }
            return sb.Length == 0 ? "" : sb.Append(' ').ToString();
        }

        private (int? NumId, int? Level) NumberingOf(Paragraph p)
        {
            var numPr = p.ParagraphProperties?.NumberingProperties;
            int? numId = numPr?.NumberingId?.Val?.Value;
            int? level = numPr?.NumberingLevelReference?.Val?.Value;
            var styleId = p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
            // Headings are often numbered by their style (Heading1 → numPr in styles.xml), followed through basedOn.
            for (var depth = 0; styleId is not null && depth < 10 && (numId is null || level is null); depth++)
            {
                if (!_styles.TryGetValue(styleId, out var style)) break;
                var sNum = style.StyleParagraphProperties?.NumberingProperties;
                numId ??= sNum?.NumberingId?.Val?.Value;
                level ??= sNum?.NumberingLevelReference?.Val?.Value;
                styleId = style.BasedOn?.Val?.Value;
            }
            return (numId, level);
        }

        private static string Format(int value, NumberFormatValues? format)
        {
            if (format == NumberFormatValues.UpperRoman) return Roman(value);
            if (format == NumberFormatValues.LowerRoman) return Roman(value).ToLowerInvariant();
            if (format == NumberFormatValues.LowerLetter) return Letters(value);
            if (format == NumberFormatValues.UpperLetter) return Letters(value).ToUpperInvariant();
            if (format == NumberFormatValues.DecimalZero) return value.ToString("00", CultureInfo.InvariantCulture);
            return value.ToString(CultureInfo.InvariantCulture);
        }

        /// <summary>Word's letters: a…z, then aa…zz (the same letter repeated).</summary>
        private static string Letters(int value)
        {
            if (value < 1) return "a";
            var letter = (char)('a' + (value - 1) % 26);
            return new string(letter, Math.Min((value - 1) / 26 + 1, 10));
        }

        private static string Roman(int value)
        {
            if (value is < 1 or > 3999) return value.ToString(CultureInfo.InvariantCulture);
            var sb = new StringBuilder();
            foreach (var (n, s) in new[] { (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I") })
                while (value >= n) { sb.Append(s); value -= n; }
            return sb.ToString();
        }
    }
}
