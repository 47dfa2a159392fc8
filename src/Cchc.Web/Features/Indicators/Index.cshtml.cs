using Cchc.Web.Shared.Office;
using Microsoft.AspNetCore.Mvc;

namespace Cchc.Web.Features.Indicators;

/// <summary>The leader's overview (docs/indicators.md "Pages"): every indicator of a unit for a period, its targets, trend and the ranking of the units below.</summary>
public sealed class IndexModel(IndicatorReports reports, IndicatorEngine engine, IndicatorFilterOptions filterOptions)
    : DashboardPageModel(reports, engine, filterOptions)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(withTrend: true, ct)) return NotFound();
        return Page();
    }

    /// <summary>The overview table as .xlsx: the same lines as the page.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        if (!await LoadAsync(withTrend: false, ct)) return NotFound();
        if (!ModelState.IsValid) return Refused();
        var o = Overview!;
        var sheet = new XlsxTable("Chỉ số", ["Mã", "Chỉ số", "Giá trị", "Tử số", "Mẫu số", "Chỉ tiêu", "Đánh giá", "Nguồn", "Theo bộ lọc"]) { Widths = [30, 60, 14, 10, 10, 40, 22, 30, 12] };
        AddTitles(sheet, $"CHỈ SỐ CẢI CÁCH HÀNH CHÍNH – {o.Scope.Unit.Name}{(o.Scope.Subtree ? " (gồm đơn vị trực thuộc)" : "")}",
            $"{o.Scope.Period.Label} – số liệu đến ngày {Cchc.Web.Shared.VnTime.Date(Today)}{(o.IsDemo ? " – DỮ LIỆU MẪU" : "")}");
        foreach (var l in o.Lines.Where(l => l.Available))
        {
            var targets = string.Join("; ", l.Targets.Select(t => $"{t.Description} ({t.PeriodLabel})"));
            var statuses = string.Join("; ", l.Targets.Select(t => IndicatorText.Status(t.Status)));
            sheet.Add(l.Definition.Code, l.Definition.NameVi, l.Value?.Value is { } v ? Math.Round(v, 2) : null, l.Value?.Numerator, l.Value?.Denominator,
                targets, statuses, IndicatorText.Source(l.Definition.Source), l.Filtered ? "có" : "");
        }
        return File(sheet.ToBytes(), XlsxTable.ContentType, $"chi-so-{o.Scope.Unit.Code}-{IndicatorsApi.Iso(o.Scope.Period.From)}-{IndicatorsApi.Iso(o.Scope.Period.To)}.xlsx");
    }

    /// <summary>The ranking of the child units as .xlsx.</summary>
    public async Task<IActionResult> OnGetRankingXlsxAsync(CancellationToken ct)
    {
        if (!await LoadAsync(withTrend: false, ct)) return NotFound();
        if (!ModelState.IsValid) return Refused();
        var r = Ranking;
        var sheet = new XlsxTable("Xếp hạng", ["Hạng", "Đơn vị", "Mã", "Giá trị", "Tử số", "Mẫu số"]) { Widths = [8, 60, 20, 14, 10, 10] };
        AddTitles(sheet, $"XẾP HẠNG ĐƠN VỊ TRỰC THUỘC {Overview!.Scope.Unit.Name} – {r?.Definition.NameVi}",
            $"{Overview.Scope.Period.Label}{(Overview.IsDemo ? " – DỮ LIỆU MẪU" : "")}");
        foreach (var row in r?.Rows ?? [])
            sheet.Add(row.Rank, row.Unit.Name, row.Unit.Code, row.Figure.Value.Value is { } v ? Math.Round(v, 2) : null, row.Figure.Value.Numerator, row.Figure.Value.Denominator);
        return File(sheet.ToBytes(), XlsxTable.ContentType, $"xep-hang-{Overview.Scope.Unit.Code}-{r?.Definition.Code}.xlsx");
    }

    /// <summary>Title lines, then the filter in words when there is one (a filtered file must say so).</summary>
    private void AddTitles(XlsxTable sheet, string title, string period)
    {
        sheet.Titles.Add(title);
        sheet.Titles.Add(period);
        if (FilterText is { } f) sheet.Titles.Add($"Bộ lọc: {f} (chỉ áp dụng cho các chỉ số tính từ danh mục TTHC và hồ sơ)");
    }
}
