using System.Text;
using Cchc.Core.Indicators;
using Cchc.Web.Data;
using Cchc.Web.Features.Account;
using Cchc.Web.Features.Procedures;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Features.Indicators;

public sealed record ProcedureChoice(string Code, string Name, string Field);

/// <summary>
/// The fields (lĩnh vực) and procedures a reader may filter the indicators by: those of the procedure
/// catalogue they can see. The page's dropdowns list them; the page and the API check a filter against them.
/// </summary>
public sealed record FilterOptions(IReadOnlyList<string> Fields, IReadOnlyList<ProcedureChoice> Procedures)
{
    /// <summary>Longest value echoed back in a message, so that a pasted paragraph does not fill the page.</summary>
    private const int EchoLength = 80;

    /// <summary>
    /// The filter for <paramref name="field"/> and <paramref name="procedure"/> (a procedure code), written as the
    /// catalogue writes them; or, for a value not in the catalogue, a Vietnamese error under "field" / "procedure".
    /// A procedure of another field than the one asked is an error too: the filter would keep nothing.
    /// </summary>
    public (IndicatorFilter Filter, Dictionary<string, string[]> Errors) Check(string? field, string? procedure)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var asked = IndicatorFilter.Of(field?.Normalize(NormalizationForm.FormC), procedure);
        string? keptField = null, keptCode = null;
        if (asked.Field is { } f)
        {
            keptField = Fields.FirstOrDefault(x => string.Equals(x, f, StringComparison.Ordinal));
            if (keptField is null) errors["field"] = [$"Lĩnh vực “{Echo(f)}” không có trong danh mục thủ tục hành chính bạn được xem."];
        }
        if (asked.ProcedureCode is { } c)
        {
            var found = Procedures.FirstOrDefault(p => string.Equals(p.Code, c, StringComparison.OrdinalIgnoreCase));
            if (found is null) errors["procedure"] = [$"Không có thủ tục mã “{Echo(c)}” trong danh mục thủ tục hành chính bạn được xem."];
            else if (keptField is not null && found.Field != keptField)
                errors["procedure"] = [$"Thủ tục {found.Code} thuộc lĩnh vực “{found.Field}”, không thuộc lĩnh vực “{keptField}”."];
            else keptCode = found.Code;
        }
        return errors.Count > 0 ? (IndicatorFilter.None, errors) : (IndicatorFilter.Of(keptField, keptCode), errors);
    }

    private static string Echo(string value) => value.Length <= EchoLength ? value : value[..EchoLength] + "…";

    /// <summary>
    /// Does the field / procedure filter act on this indicator? Only on those computed from procedures or
    /// dossiers (a dossier belongs to a procedure); tasks, plans, entered figures and the rest are not per procedure.
    /// </summary>
    public static bool AppliesTo(IndicatorDefinition definition) =>
        definition.Source is IndicatorSource.Dossiers or IndicatorSource.Procedures or IndicatorSource.ProceduresAndDossiers;

    /// <summary>"lĩnh vực Thi, tuyển sinh; thủ tục DEMO.1.0004 – Phúc khảo bài thi …", or null without a filter.</summary>
    public string? Describe(IndicatorFilter filter)
    {
        if (filter.IsEmpty) return null;
        var parts = new List<string>();
        if (filter.Field is { } f) parts.Add($"lĩnh vực {f}");
        if (filter.ProcedureCode is { } c)
            parts.Add(Procedures.FirstOrDefault(p => p.Code == c) is { } p ? $"thủ tục {p.Code} – {p.Name}" : $"thủ tục {c}");
        return string.Join("; ", parts);
    }
}

/// <summary>The query behind <see cref="FilterOptions"/>: the reader's visible procedure catalogue, every procedure whether in force or not (a past period may need one that has ended).</summary>
public sealed class IndicatorFilterOptions(CchcDb db)
{
    public async Task<FilterOptions> ForAsync(CurrentUser user, CancellationToken ct)
    {
        var rows = await db.Procedures().AsNoTracking().VisibleTo(user, db.Units)
            .Select(p => new ProcedureChoice(p.Code, p.Name, p.Field)).ToListAsync(ct);
        var vi = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), true);
        var procedures = rows.OrderBy(p => p.Field, vi).ThenBy(p => p.Code, StringComparer.Ordinal).ToList();
        return new FilterOptions(procedures.Select(p => p.Field).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).ToList(), procedures);
    }
}
