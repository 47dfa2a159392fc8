using Microsoft.AspNetCore.Mvc;

namespace Cchc.Web.Features.Indicators;

/// <summary>
/// The overview as a document: the print view (the browser's Print gives a complete, readable A4 printout) and,
/// with ?handler=Pdf, the same document as a PDF file (docs/indicators.md "Print and PDF").
/// </summary>
public sealed class PrintModel(IndicatorReports reports, IndicatorEngine engine, IndicatorFilterOptions filterOptions, TimeProvider clock)
    : DashboardPageModel(reports, engine, filterOptions)
{
    public DashboardSheet? Sheet { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await BuildAsync(ct)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct)
    {
        if (!await BuildAsync(ct)) return NotFound();
        if (!ModelState.IsValid) return Refused();
        var s = Overview!.Scope;
        return File(Sheet!.ToPdf(), "application/pdf", $"chi-so-{s.Unit.Code}-{IndicatorsApi.Iso(s.Period.From)}-{IndicatorsApi.Iso(s.Period.To)}.pdf");
    }

    private async Task<bool> BuildAsync(CancellationToken ct)
    {
        if (!await LoadAsync(withTrend: false, ct)) return false;
        Sheet = DashboardSheet.From(Overview!, Ranking, FilterText, Today, clock.GetUtcNow().UtcDateTime);
        return true;
    }
}
