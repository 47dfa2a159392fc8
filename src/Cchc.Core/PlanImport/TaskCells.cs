using System.Text.RegularExpressions;
using Cchc.Core.Plans;
using Cchc.Core.Text;

namespace Cchc.Core.PlanImport;

/// <summary>
/// How the cells of a task row are read, shared by the document importer (<see cref="TaskTableReader"/>)
/// and the spreadsheet import of the web app, so that both split unit lists and repair swapped columns alike.
/// </summary>
public static partial class TaskCells
{
    // Source-generated, not interpreted: the patterns run on every line of documents of megabytes.
    private const int TimeoutMs = 2000;
    private static readonly string[] AreaWords = ["huyen", "quan", "thi xa", "xa", "tinh", "thanh pho", "tp", "phuong", "thi tran"];
    [GeneratedRegex(@"^(?<head>.*\p{Ll})\s+(?<tail>Văn phòng|Thanh tra)$", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex GluedUnitRx { get; }

    /// <summary>
    /// "Các phòng Sở, các Phòng GD&amp;ĐT quận, huyện, các đơn vị giáo dục" → three units: a comma starts a
    /// new unit unless what follows is the rest of a place list ("quận, huyện").
    /// </summary>
    public static List<string> Units(string? cell)
    {
        var list = new List<string>();
        if (cell is null || cell.Trim().Length == 0) return list;
        var pieces = cell.Split([',', ';', '\n']);
        var current = "";
        foreach (var raw in pieces)
        {
            var piece = raw.Trim();
            if (piece.Length == 0) continue;
            var key = VietnameseText.Fold(piece);
            var continues = current.Length > 0 && AreaWords.Any(w => key == w || key.StartsWith(w + " ", StringComparison.Ordinal));
            if (continues)
            {
                current += ", " + piece;
            }
            else
            {
                if (current.Length > 0) list.Add(current);
                current = piece;
            }
        }
        if (current.Length > 0) list.Add(current);
        return list.SelectMany(SplitGluedUnit).Select(u => u.TrimEnd('.', ' ')).Where(u => u.Length > 0).ToList();
    }

    /// <summary>
    /// Seed 003 rows 17–20 put the deadline under "Sản phẩm" and the product under "Thời gian": true when the
    /// product cell states a date and the deadline cell does not.
    /// </summary>
    public static bool ProductAndDeadlineSwapped(string? product, string? deadline, int? planYear)
    {
        if (string.IsNullOrWhiteSpace(product) || string.IsNullOrWhiteSpace(deadline)) return false;
        return DeadlineParser.StatesDate(product, planYear) && !DeadlineParser.StatesDate(deadline, planYear);
    }

    /// <summary>Two lines of one cell flattened into one: "các đơn vị liên quan Văn phòng" (seed 003 row 18) is two units.</summary>
    private static IEnumerable<string> SplitGluedUnit(string unit)
    {
        // A unit never holds '\n' (Units splits on it), so "$" is the end of the text: test the ending first.
        if (!unit.EndsWith("Văn phòng", StringComparison.Ordinal) && !unit.EndsWith("Thanh tra", StringComparison.Ordinal)) return [unit];
        var m = GluedUnitRx.Match(unit);
        if (!m.Success) return [unit];
        return [m.Groups["head"].Value, m.Groups["tail"].Value];
    }
}
